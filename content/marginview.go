package content

// viewMargin: decide's margin rule reads the SVM view's out-of-scope
// probability too (viewMarginUnknown).
var viewMargin = true

// viewMarginUnknown reports whether decide's margin rule, read with the
// SVM view's out-of-scope probability blended into the classifier's as
// every topic's is (blendAll), makes the answer from topic class top a
// guess. The blend the bot answers with leaves the view's out of scope out
// (svmKeepOOS) unless retrieval and the view agree on a topic (s.agree):
// the view, reading the whole message, shares the in-scope mass among
// the topics. When both topics' retrieval is saturated, the margin rule
// then reads the classifier's out of scope alone, though the view may
// read the message as out of scope and the classifier not: "dong bao
// hiem o dau" and "bảo hiểm năm nay đóng bao nhiêu" (any insurance, or the
// BHYT card) got the BHYT answer once citizen batches 10 and 11 taught the
// classifier more BHYT premiums (health insurance 0.87 against out of
// scope 0.82, though the view gave out of scope 0.80 and retrieval's best
// out-of-scope example scored 0.94 of the best entry). Explain gives the
// margin rule's reason. On the citizen messages (TestTune, ANSINH_TUNE=
// citizen, pooled over trainSeed 2026, 1 and 2, batches 10 and 11 in) five
// folds' out of scope → unknown 95.5 → 95.8%, topic 96.7 → 96.8%, in scope
// → unknown 0.7% unchanged; the held-out writers citizen3, 4, 5, 7, 10 and
// 11 unchanged; TestTune current out of scope 95.4 → 95.5%, long 94.0 →
// 93.9%, dev 98.5%; fresh6, fresh8 and fresh9b unchanged. Blending the
// view's out of scope into every decision instead (svmKeepOOS false) lost
// citizen3's out of scope (96.5 → 96.1%).
func (s *scratch) viewMarginUnknown(top int) bool {
	if !viewMargin || svmBeta == 0 || len(s.svm) == 0 || s.agree >= 0 || top == oosClass || s.best[oosClass].Entry == nil {
		return false
	}
	in := 1 - s.svm[oosClass]
	if in <= 0 {
		return false
	}
	// blend gave p[k] = (1-β)·alone[k] + β·svm[k]·r with r the in-scope
	// mass's ratio and left out of scope alone; blendAll would give
	// (1-β)·alone[k] + β·svm[k].
	r := (1 - s.probs[oosClass]) / in
	pTop := s.probs[top] + svmBeta*s.svm[top]*(1-r)
	pOOS := (1-svmBeta)*s.probs[oosClass] + svmBeta*s.svm[oosClass]
	cTop := clfMix*pTop + (1-clfMix)*min(s.best[top].Score, 1)
	cOOS := clfMix*pOOS + (1-clfMix)*min(s.best[oosClass].Score, 1)
	return cOOS >= cTop*oosMargin
}
