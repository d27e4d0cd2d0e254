package content

import "unicode/utf8"

// weigh splits text into syllables with their weights: in a long message
// each clause weighs what its part (story, question, courtesy) weighs for
// retrieval (s.w) and for the classifier (s.cw); see clause.go.
func (kb *KB) weigh(s *scratch, text string) {
	s.syl, s.w, s.cw, s.split = s.syl[:0], s.w[:0], s.cw[:0], 0
	s.clause.parts = s.clause.parts[:0]
	text = s.particles.drop(text)
	s.text, s.ask, s.lent, s.askSyl = text, 0, -1, -1
	switch {
	case len(text) <= 60:
	case utf8.RuneCountInString(text) > longRunes:
		s.clause.weigh(text)
		s.ask = s.clause.ask
		if len(s.clause.parts) > 0 {
			s.split = s.clause.split
			s.partEnd = s.partEnd[:0]
			for _, p := range s.clause.parts {
				// An expansion may join a syllable to the part before.
				s.syl = kb.ex.syllables(s.syl, text[p.start:p.end])
				s.w = s.w[:min(len(s.w), len(s.syl))]
				for len(s.w) < len(s.syl) {
					s.w = append(s.w, p.w)
				}
				s.partEnd = append(s.partEnd, len(s.syl))
			}
			if s.lent = lender(s); s.lent >= 0 && s.borrow {
				s.lend(s.lent)
			}
			return
		}
	default:
		if kb.weighShort(s, text) {
			return
		}
	}
	s.syl = kb.ex.syllables(s.syl, text)
	for range s.syl {
		s.w = append(s.w, 1)
	}
}

// weighShort weighs a message of up to longRunes characters as before the
// long-message work (see clauseshort.go): the story before the question
// clause storyWeight, the clause leading to its asking part leadWeight (1
// when that part is short), the rest 1. False: every syllable weighs 1.
func (kb *KB) weighShort(s *scratch, text string) bool {
	q, core := s.clause.shortClause(text)
	s.ask = s.clause.ask
	if q <= 0 && !s.clause.done {
		return false
	}
	s.syl = kb.ex.syllables(s.syl, text[:q])
	story := len(s.syl)
	s.syl = kb.ex.syllables(s.syl, text[q:core])
	lead := len(s.syl)
	s.syl = kb.ex.syllables(s.syl, text[core:])
	if (story < minStory && !s.clause.done) || len(s.syl)-story < minQuestion {
		s.syl = s.syl[:0]
		return false
	}
	s.split = q
	lw := leadWeight
	if len(s.syl)-lead < minCore {
		lw = 1 // "…, xã lập danh sách hộ cần sửa nhà, mình cần chuẩn bị gì"
	}
	if s.clause.done {
		lw = doneWeight
	}
	for i := range s.syl {
		w := float32(1)
		switch {
		case i < story:
			w = storyWeight
		case i < lead:
			w = lw
		}
		s.w = append(s.w, w)
	}
	// The classifier's accent features: the story at its weight, the rest 1.
	if s.clause.done {
		// What is done leads (ask --explain shows it).
		if q > 0 {
			s.clause.parts = append(s.clause.parts, clausePart{0, q, storyWeight, partStory})
		}
		s.clause.parts = append(s.clause.parts, clausePart{q, core, lw, partLead}, clausePart{core, len(text), 1, partQuestion})
		return true
	}
	s.clause.parts = append(s.clause.parts, clausePart{0, q, storyWeight, partStory}, clausePart{q, len(text), 1, partQuestion})
	return true
}
