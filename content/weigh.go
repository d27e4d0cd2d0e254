package content

import (
	"slices"
	"unicode/utf8"
)

// weigh splits text into syllables with their weights: in a long message
// each clause weighs what its part (story, question, courtesy) weighs for
// retrieval (s.w) and for the classifier (s.cw); see clause.go.
func (kb *KB) weigh(s *scratch, text string) {
	s.syl, s.w, s.cw, s.split = s.syl[:0], s.w[:0], s.cw[:0], 0
	s.clause.parts = s.clause.parts[:0]
	text = s.particles.drop(text)
	s.clause.soAt = s.particles.opened
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
				s.syl = kb.pieceSyllables(s, s.syl, p.start, p.end)
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
	s.syl = kb.pieceSyllables(s, s.syl, 0, len(text))
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
	s.syl = kb.pieceSyllables(s, s.syl, 0, q)
	story := len(s.syl)
	s.syl = kb.pieceSyllables(s, s.syl, q, core)
	lead := len(s.syl)
	s.syl = kb.pieceSyllables(s, s.syl, core, len(text))
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
	if borrowShort {
		// A short message's question may name no subject either: "em bị
		// mất thẻ bhyt hộ nghèo rồi, làm lại ở đâu ạ" (borrow.go).
		s.partEnd = append(s.partEnd[:0], story, len(s.syl))
		if s.lent = lender(s); s.lent >= 0 && s.borrow {
			s.lend(s.lent)
		}
	}
	return true
}

// foldedText is a message folded once: its syllables before expansion
// share one string, and the pieces weigh, the household category and the
// scope rule read (clauses, the text before the asking clause) are taken
// from it rather than folded again, each into a string of its own.
type foldedText struct {
	text string // the text folded; ok: it was
	ok   bool
	all  string  // the syllables' letters
	cut  []int32 // syllable k is all[cut[k-1]:cut[k]]
	from []int32 // the byte offset in text where syllable k starts
	buf  []byte
}

// of folds text, unless it is the text folded already.
func (f *foldedText) of(text string) {
	if f.ok && f.text == text {
		return
	}
	f.buf, f.cut, f.from = foldSyllables(f.buf[:0], f.cut[:0], f.from[:0], true, text)
	f.all, f.text, f.ok = string(f.buf), text, true
}

// pieceSyllables appends the syllables of s.text[a:b] to dst, as
// kb.ex.syllables(dst, s.text[a:b]) does: from the folded text when
// neither end cuts through a word, abbreviations expanded within the piece.
func (kb *KB) pieceSyllables(s *scratch, dst []string, a, b int) []string {
	text := s.text
	if !cleanCut(text, a) || !cleanCut(text, b) {
		return kb.ex.syllables(dst, text[a:b])
	}
	f := &s.folded
	f.of(text)
	start := len(dst)
	k, _ := slices.BinarySearch(f.from, int32(a))
	for ; k < len(f.from) && int(f.from[k]) < b; k++ {
		lo := int32(0)
		if k > 0 {
			lo = f.cut[k-1]
		}
		dst = append(dst, f.all[lo:f.cut[k]])
	}
	return kb.ex.expand(dst, start)
}

// cleanCut reports whether byte offset c of text is at an end of it or
// beside a rune that separates words (neither letter, mark nor digit), so
// that no syllable runs across it: the text before c and the text after it
// split into the syllables the whole text has there.
func cleanCut(text string, c int) bool {
	if c <= 0 || c >= len(text) {
		return true
	}
	if !utf8.RuneStart(text[c]) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[c:])
	p, _ := utf8.DecodeLastRuneInString(text[:c])
	return separates(r) || separates(p)
}

// separates reports whether r ends a syllable in appendSyllables.
func separates(r rune) bool {
	return runeClass(lowerRune(r))&(rcLetter|rcMark|rcDigit) == 0
}
