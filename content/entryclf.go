package content

import (
	"math/rand/v2"
	"slices"
)

// Within a topic, an entry model (a logistic regression over the same
// weighted features as the topic classifier, trained on each entry's own
// examples, title and keywords) tells the entries apart: "xét hộ cận nghèo
// vào tháng mấy" reads like the review timeline's examples, not like the
// application's, though both share most words. Its probability is mixed
// into the retrieval ranking of the topic's close entries (refined).
const entryBits = 14

// entryEpochs: the entry models see fewer documents than the topic
// classifier and need more passes.
var entryEpochs = 12

// entryMix is the entry model's share in ranking a topic's close entries
// (the rest: retrieval × title coverage × household category).
var entryMix = 0.7

// entryModel chooses among one topic's entries.
type entryModel struct {
	linear
	members []int32 // class -> index in the entries
}

func trainEntryModels(entries []*Entry, docs []trainDoc, topics []string) []entryModel {
	models := make([]entryModel, len(topics))
	class := make([]int, len(entries))
	for k, t := range topics {
		m := &models[k]
		for i, e := range entries {
			if e.Topic == t {
				class[i] = len(m.members)
				m.members = append(m.members, int32(i))
			}
		}
		if len(m.members) < 2 {
			continue
		}
		m.linear = newLinear(1<<entryBits, len(m.members))
		m.train(docs, func(d *trainDoc) int {
			if d.class != k {
				return -1
			}
			return class[d.entry]
		}, entryEpochs, rand.New(rand.NewPCG(uint64(k), 2026)))
	}
	return models
}

// entryProbs fills p (by entry index, zero elsewhere) with topic class k's
// entry model's probabilities for features f; buf is scratch.
func (c *classifier) entryProbs(k int, f []feature, p, buf []float64) {
	m := &c.entries[k]
	if m.nc == 0 {
		for _, i := range m.members {
			p[i] = 1
		}
		return
	}
	buf = slices.Grow(buf[:0], m.nc)[:m.nc]
	m.probs(f, buf)
	for j, i := range m.members {
		p[i] = buf[j]
	}
}

// EntryScore is one entry's share in choosing among a topic's close
// entries.
type EntryScore struct {
	Entry *Entry
	// Retrieval is the entry's retrieval score × title coverage ×
	// household category, as a share of the best of the band.
	Retrieval float64
	// Model is the entry model's probability.
	Model    float64
	Combined float64
}

// rankEntries scores the entries of top's topic whose retrieval confidence
// is within refineBand of floor, in force on day (an entry out of force
// stands for its version in force), in entry order.
func (kb *KB) rankEntries(s *scratch, maxScore float64, day Date, top *Entry, floor float64) []EntryScore {
	k := kb.topicOf[slices.Index(kb.entries, top)]
	if k >= 0 && entryMix > 0 && s.epTopic != k {
		s.epTopic = k
		clear(s.entryProbs)
		kb.clf.entryProbs(k, s.feats, s.entryProbs, s.ebuf)
	}
	force := s.forceOn(kb, day)
	var vmax float64
	for _, i := range kb.byTopic[top.Topic] {
		vmax = max(vmax, kb.retrievalRank(s, maxScore, floor, i))
	}
	s.ranks = s.ranks[:0]
	for _, i := range kb.byTopic[top.Topic] {
		v := kb.retrievalRank(s, maxScore, floor, i)
		e := force[i]
		if v <= 0 || e == nil {
			continue
		}
		r := EntryScore{Entry: e, Retrieval: v / vmax, Combined: v / vmax}
		if k >= 0 && entryMix > 0 {
			r.Model = s.entryProbs[i]
			r.Combined = (1-entryMix)*r.Retrieval + entryMix*r.Model
		}
		s.ranks = append(s.ranks, r)
	}
	return s.ranks
}

// retrievalRank is entry i's retrieval rank within its topic: its score
// × title coverage × household category, or 0 when it scores below the
// band.
func (kb *KB) retrievalRank(s *scratch, maxScore, floor float64, i int) float64 {
	sc := s.scores[i]
	if sc == 0 || sc/maxScore < refineBand*floor {
		return 0
	}
	return sc * (1 - refineWeight + refineWeight*kb.coverage(s, i)) * categoryFactor(kb.cats[i], s.cats)
}
