package content

import "testing"

// TestModelsOverruleRetrieval: a topic retrieval puts first on a few
// shared words, which neither the classifier nor the SVM view reads
// (modelsReject), does not answer. The topic both models agree on answers
// instead ("alo" is a greeting; wanting to see an officer in person is no
// request to stop the messages); with no agreement the bot says it does not
// know. With the rule off, retrieval's topic comes back.
func TestModelsOverruleRetrieval(t *testing.T) {
	kb := loadOnce(t)
	for text, want := range map[string][2]string{
		"alo co ai o day khong": {TopicSmalltalk, TopicHousing},
		"alo alo có ai không":   {TopicSmalltalk, TopicOfficer},
		"tôi muốn gặp trực tiếp cán bộ xã, không nhắn tin được": {TopicOfficer, TopicReminders},
	} {
		if got := kb.Match(text, scopeDay).Topic; got != want[0] {
			t.Errorf("%q: %s, want %s", text, got, want[0])
		}
		func() {
			defer func(v float64) { modelsRejectBelow = v }(modelsRejectBelow)
			modelsRejectBelow = 0
			if got := kb.Match(text, scopeDay).Topic; got != want[1] {
				t.Errorf("%q with the rule off: %s, want %s (the test no longer shows the rule)", text, got, want[1])
			}
		}()
	}
	const text = "alo co ai o day khong"
	wantWhy := "retrieval put housing first; the classifier (0.009) and the svm view (0.020) read it below 0.05, and both read smalltalk (0.824, 0.640)"
	if x := kb.Explain(text, scopeDay, 3); x.Overruled != wantWhy {
		t.Errorf("%q: overruled %q, want %q", text, x.Overruled, wantWhy)
	}
	defer func(v float64) { modelsAgreeAt = v }(modelsAgreeAt)
	modelsAgreeAt = 0.9 // no topic both models read at 0.9
	x := kb.Explain(text, scopeDay, 3)
	if x.Result.Topic != TopicUnknown || x.Result.Near != nil || x.Overruled != "" {
		t.Errorf("%q with no agreement: %s (near %v, overruled %q), want unknown with no \"did you mean\"", text, x.Result.Topic, x.Result.Near, x.Overruled)
	}
	wantUnknown := "retrieval alone leads with housing: the classifier (0.009) and the svm view (0.020) both read it below 0.05"
	if x.Unknown != wantUnknown {
		t.Errorf("%q: unknown because %q, want %q", text, x.Unknown, wantUnknown)
	}
}
