package content

// scopeReading switches outsideAsked and outsideCue on (for TestTune).
var scopeReading = true

// outsideAsked returns the outside marker that the asking clause of the
// message scored in s names when one of the two readings of the words (the
// classifier, the SVM view) puts out of scope first and the clause asks for
// no programme's benefit (askedProgramme), else "". A household category
// named in the question keeps the scope rule silent (scopeVerdict), as it
// should for "nhà em hộ nghèo thì có được vay tín chấp không"; but "nhà e
// hộ nghèo thì ngân hàng thương mại có từ chối không" asks what a
// commercial bank does, and "… nhà tôi là hộ nghèo, giờ tiền đền bù tính
// thế nào, có được đền bù thêm vì là hộ nghèo không" about compensation for
// land taken: the category is who asks, the marker what is asked. The
// reading keeps the rule from a question that names an outside word but
// reads as a programme's ("hộ nghèo mua trả góp xe máy rồi thì có bị loại
// khỏi danh sách hộ nghèo không").
func (kb *KB) outsideAsked(s *scratch) string {
	if !scopeReading || !readsOutside(s) {
		return ""
	}
	at := kb.askSyllable(s)
	m := scopeMarkerFrom(s.syl, s.w, at, true)
	if m == "" || kb.askedProgramme(s) || scopeAnchorIn(s.syl, s.w, m, true, at, len(s.syl)) != "" {
		return ""
	}
	return m
}

// readsOutside reports whether the classifier or the SVM view puts out of
// scope first for the message scored in s.
func readsOutside(s *scratch) bool {
	return argmax(s.probs) == oosClass || len(s.svm) == len(s.probs) && argmax(s.svm) == oosClass
}

// outsideCue reports whether a cue for the commune's officers ("tố cáo",
// "phản ánh", "gặp cán bộ") in the message scored in s, topic class top,
// names what the writer wants done about a matter both readings of the
// words put out of scope: "công ty không đóng bảo hiểm xã hội cho em, giờ
// em muốn tố cáo thì gửi đơn cho cơ quan nào" is for the labour
// inspectorate, not the commune's programmes. A reminder's cue always
// counts ("nhắc tôi đi nộp thuế" is a reminder), and so does a cue beside
// a programme's benefit asked for.
func (kb *KB) outsideCue(s *scratch, top int) bool {
	return scopeReading && top == s.cue && kb.clf.topics[top] == TopicOfficer && readsOutside(s) &&
		namesOutside(s) && !kb.askedProgramme(s)
}

// namesOutside reports whether the message scored in s names an outside
// marker or a contributory benefit (contributory) anywhere: a cue's
// question ("tố cáo thì gửi đơn đến đâu") leaves its subject to the story.
func namesOutside(s *scratch) bool {
	if scopeMarkerFrom(s.syl, nil, 0, false) != "" {
		return true
	}
	for i := range s.syl {
		if c, _ := contributory.at(s.syl, i); c != "" {
			return true
		}
	}
	return false
}

// outsideMargin reports whether decide's margin rule weighs the message
// scored in s, which asks about a household category, as it weighs any
// other: when the classifier or the SVM view puts out of scope first and
// the asking clause asks for no programme's benefit. "Xây nhà trên đất
// nông nghiệp có bị phạt không, nhà em hộ nghèo không có đất ở" asks
// about a building fine; the category names the household, and the
// out-of-scope reading is within the margin of the housing answer.
func (kb *KB) outsideMargin(s *scratch) bool {
	return scopeReading && argmax(s.probs) == oosClass && len(s.svm) == len(s.probs) && argmax(s.svm) == oosClass && !kb.askedProgramme(s)
}
