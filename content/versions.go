package content

import "sort"

// forceOn returns, by entry, the entry itself when it is in force on day,
// else the entry sharing its key that is, or nil. The answers are kept for
// the day: the scratch serves many messages of the same day.
func (s *scratch) forceOn(kb *KB, day Date) []*Entry {
	if !s.forceSet || !s.forceDay.Equal(day.Time) {
		for j, e := range kb.entries {
			if !e.ValidOn(day) {
				e = kb.versionOn(e, day)
			}
			s.force[j] = e
		}
		s.forceDay, s.forceSet = day, true
	}
	return s.force
}

// versionOn returns the entry sharing e's key that is in force on day, or nil.
func (kb *KB) versionOn(e *Entry, day Date) *Entry {
	for _, o := range kb.byKey[e.Key] {
		if o.ValidOn(day) {
			return o
		}
	}
	return nil
}

// Alternatives returns up to n entries in force on day that best answer
// text other than not (and its versions), best first: what "Chưa đúng ý
// tôi" offers. Entries of the chosen topic come first when the topic's
// combined score is high, the other topics' best entries after them.
// Smalltalk and out-of-scope entries are never offered.
func (kb *KB) Alternatives(text string, day Date, not *Entry, n int) []*Entry {
	s := kb.newScratch()
	maxScore := kb.score(s, text)
	if maxScore == 0 || n <= 0 {
		return nil
	}
	type cand struct {
		e *Entry
		v float64
	}
	var cands []cand
	seen := map[string]bool{}
	if not != nil {
		seen[not.Key] = true
	}
	for i, sc := range s.scores {
		e := kb.entries[i]
		if sc == 0 || e.Topic == TopicOutOfScope || e.Topic == TopicSmalltalk {
			continue
		}
		if !e.ValidOn(day) {
			if e = kb.versionOn(e, day); e == nil {
				continue
			}
		}
		k := kb.topicOf[i]
		if k < 0 {
			continue
		}
		// Rank like decide: the topic's classifier share, then retrieval.
		v := clfMix*s.probs[k] + (1-clfMix)*min(sc/maxScore, 1)
		cands = append(cands, cand{e, v * categoryFactor(kb.cats[i], s.named())})
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].v != cands[j].v {
			return cands[i].v > cands[j].v
		}
		return cands[i].e.ID < cands[j].e.ID
	})
	var out []*Entry
	for _, c := range cands {
		if len(out) == n {
			break
		}
		if !seen[c.e.Key] {
			seen[c.e.Key] = true
			out = append(out, c.e)
		}
	}
	return out
}
