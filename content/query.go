package content

// phraseHits credits entries whose keywords or cues appear whole in the
// message: a keyword in proportion to its own weight, a cue in proportion to
// the whole message's, so that the intent it names wins over the subject.
func (kb *KB) phraseHits(s *scratch, total float64) {
	ix := kb.ix
	for i, id := range s.pos {
		if id < 0 {
			continue
		}
		after := int32(noNext)
		if i+1 < len(s.pos) {
			after = s.pos[i+1]
		}
		from := ix.phraseAt[id]
	next:
		for j, nx := range ix.phraseNext[from:ix.phraseAt[id+1]] {
			if nx != noNext && nx != after {
				continue
			}
			ph := &ix.phrases[int(from)+j]
			if i+len(ph.ids) > len(s.pos) {
				continue
			}
			if len(ph.ids) > 2 {
				// A phrase of one or two syllables matches by its next
				// alone: its ids, apart in memory, are read only beyond.
				for k, want := range ph.ids[2:] {
					if s.pos[i+2+k] != want {
						continue next
					}
				}
			}
			if ph.cue {
				s.scores[ph.entry] += cueBonus * total * float64(s.w[i])
				// In the question clause (a second question joined to
				// it weighs laterQWeight there).
				if s.w[i] >= laterQWeight {
					s.cue = kb.topicOf[ph.entry]
				}
			} else {
				s.scores[ph.entry] += ph.weight * float64(s.w[i])
			}
		}
	}
}

// queryTerms maps s.syl to unique term ids in s.terms: unigrams (with
// one-typo correction for unknown words; -1 when still unknown) and bigrams,
// each with the largest weight of its occurrences in s.tw. s.pos receives
// the unigram id at each position. The ids repair found in s.ids (when it
// ran) are not looked up again.
func (kb *KB) queryTerms(s *scratch) {
	ix := kb.ix
	for _, id := range s.terms {
		if id >= 0 {
			s.slot[id] = 0
		}
	}
	s.terms, s.tw, s.pos = s.terms[:0], s.tw[:0], s.pos[:0]
	put := func(id int32, wt float32) {
		if id >= 0 {
			if i := s.slot[id]; i > 0 {
				s.tw[i-1] = max(s.tw[i-1], wt)
				return
			}
			s.slot[id] = int32(len(s.terms)) + 1
		}
		s.terms = append(s.terms, id)
		s.tw = append(s.tw, wt)
	}
	prev := int32(-1)
	ids := s.ids
	if len(ids) != len(s.syl) {
		ids = nil // not repaired: look every syllable up
	}
	for i, word := range s.syl {
		id := int32(lookUp)
		if ids != nil {
			id = ids[i]
		}
		switch id {
		case lookUp:
			var ok bool
			if id, ok = ix.id(word); !ok {
				id = ix.correct(word)
			}
		case unknownWord:
			id = ix.correct(word)
		}
		s.pos = append(s.pos, id)
		if id < 0 && word[0] >= '0' && word[0] <= '9' {
			id = unknownNumber
		}
		put(id, s.w[i])
		if prev >= 0 && id >= 0 {
			if b, ok := ix.bigramT.lookup(prev, id); ok {
				put(b, min(s.w[i], s.w[i-1]))
			}
		}
		prev = id
	}
}
