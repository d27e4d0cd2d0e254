package content

// A long message's question clause often names no subject of its own: "…
// đã đóng tiền mua thẻ bảo hiểm y tế cho cả nhà … Xin hỏi tôi phải hỏi ai
// và thẻ có hiệu lực từ ngày nào ạ?" asks about the card the story names.
// With the story nearly silent, retrieval and the classifier read only
// "hỏi ai", "hiệu lực", "ngày nào", which out-of-scope errands share, and
// the bot says it does not know or reads an errand. When the question and
// the clause leading to it name no programme anchor, and the message names
// no outside marker anywhere, the last story clause before the question
// that names a programme anchor (not a household category nor poverty
// alone: those are background, see categoryBackground) can lend the
// question its subject: it weighs borrowWeight instead of the story's
// weight. The bot borrows only when the message read without it gets no
// answer, an out-of-scope one or a weak one (borrowBelow): a story that
// names a programme in passing ("con trai đang vay vốn …, cho tôi hỏi có
// được miễn tiền học không") does not take over a question the bot
// already answers.

// borrowSubject switches subject borrowing on (for TestTune);
// borrowWeight is the weight of the clause that lends its subject.
// borrowBelow: an answer whose combined score is below it is weak enough
// to read the message again with the subject borrowed; the second reading
// replaces it only when it answers at least as confidently. Cross-
// validated (ANSINH_TUNE=citizen, five folds): only unknown and out-of-scope
// readings borrowing, topic 96.7% (long 96.3%); below 0.4 96.8% (96.6%);
// below 0.5 96.9% (96.7%), right entry 77.4% → 77.6%; 0.6 the same topic
// (measured before poverty alone stopped lending), and TestTune's
// synthetic long messages, whose stories name programmes in passing,
// begin to lose (93.2% → 93.1%). Always borrowing: 96.9%, but those
// synthetic long messages fall 93.2% → 92.6%.
var (
	borrowSubject         = true
	borrowShort           = true
	borrowWeight  float32 = leadWeight
	borrowBelow           = 0.5
)

// lender returns the index in s.clause.parts of the story clause that can
// lend the question its subject (see above), or -1. s.syl and s.w hold
// the long message's syllables, part after part (s.partEnd).
func lender(s *scratch) int {
	if scopeAnchor(s.syl, s.w, "", true) != "" || scopeMarker(s.syl, nil) != "" {
		return -1
	}
	lend, from := -1, 0
	for i, p := range s.clause.parts {
		if p.kind == partQuestion || p.kind == partLater {
			break
		}
		to := min(s.partEnd[i], len(s.syl))
		if p.w == storyWeight && p.kind != partAfter && namesProgramme(s.syl, from, to) {
			lend = i
		}
		from = to
	}
	return lend
}

// lend raises part i of the long message in s to borrowWeight.
func (s *scratch) lend(i int) {
	from := 0
	if i > 0 {
		from = s.partEnd[i-1]
	}
	w := borrowWeight
	if tellsWant(s.syl, from, min(s.partEnd[i], len(s.syl))) {
		w = 1
	}
	s.clause.parts[i].w, s.clause.parts[i].kind = w, partLends
	for j := from; j < min(s.partEnd[i], len(s.w)); j++ {
		s.w[j] = w
	}
}

// tellsWant reports syllables [from, to) telling what the writer wants to
// apply for ("tôi muốn xin hỗ trợ làm lại cái nhà").
func tellsWant(syl []string, from, to int) bool {
	for i := from; i+1 < to; i++ {
		if syl[i] == "muon" || syl[i] == "dinh" {
			switch syl[i+1] {
			case "xin", "vay", "dang", "lam", "duoc", "nop", "mua":
				return true
			}
		}
	}
	return false
}

// scoreDecide scores text into s and decides the answer on day; when the
// message gets no answer, an out-of-scope or a weak one and a story clause
// can lend the question its subject, it reads the message again with the
// subject borrowed (s.lent). When the first reading stands, the message is
// scored a third time, so that s holds that reading for Match (the
// category member) and Explain; only weak readings with a lender pay it.
func (kb *KB) scoreDecide(s *scratch, text string, day Date) (float64, Result) {
	s.borrow = false
	maxScore := kb.score(s, text)
	if maxScore == 0 {
		return 0, Result{Topic: TopicUnknown}
	}
	r := kb.decide(s, maxScore, day)
	weak := r.Topic == TopicUnknown || r.Topic == TopicOutOfScope
	if !borrowSubject || s.lent < 0 || !weak && r.Score >= borrowBelow {
		s.lent = -1
		return maxScore, r
	}
	s.borrow = true
	if m := kb.score(s, text); m > 0 {
		if r2 := kb.decide(s, m, day); weak || r2.Topic != TopicUnknown && r2.Score >= r.Score {
			return m, r2
		}
	}
	// The first reading stands: read it again for the scratch.
	s.borrow = false
	maxScore = kb.score(s, text)
	s.lent = -1
	return maxScore, kb.decide(s, maxScore, day)
}

// namesProgramme reports whether syllables from to to of syl name a
// programme anchor other than poverty itself: "nhà lại nghèo" tells how the
// family lives, not what it asks about.
func namesProgramme(syl []string, from, to int) bool {
	for i := from; i < to; i++ {
		if a, n := scopeAnchors.at(syl, i); a != "" && a != "ngheo" && !negated(syl, i, isNeg) && (i+n <= 1 || categoryAt(syl, i+n-1) == 0) {
			return true
		}
	}
	return false
}
