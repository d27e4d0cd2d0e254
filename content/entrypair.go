package content

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// Pairwise experts. The entry model reads a topic's entries all at once:
// its weights serve every entry against every other, so what tells two
// close entries apart (housing's "who decides" against "build or repair",
// the near-poor loan's cap against the near-poor loan) is a small part of
// what it learns. For the pairs of entries it confuses on its own training
// documents, a pair expert (a logistic regression over the same features,
// trained on the two entries' documents only) decides between the two
// best of the entry choice when they are close: it redistributes their
// share of the entry model's probability by its own reading.
var (
	// pairExperts turns the experts on.
	pairExperts              = false
	titleAskUp, titleAskDown = 0.0, 0.0
	// pairSeen: a training document of entry a whose entry model gives b
	// at least this share of a's probability counts as a confusion of the
	// pair; pairMin confusions make an expert.
	pairSeen = 0.5
	pairMin  = 3
	// pairClose: the expert decides when the runner-up's combined score
	// is at least this share of the best's.
	pairClose = 0.6
	// pairMix is the expert's share in the two entries' model probability.
	pairMix = 0.5
	// pairSources: the documents an expert trains on (bits of docSource).
	pairSources = 1<<srcTitle | 1<<srcCitizen
	// pairEpochs: passes over the pair's documents.
	pairEpochs = 8
)

// pairBits: the experts' hashed feature buckets (two entries' documents
// use a few thousand).
const pairBits = 12

// entryPair is the expert for entries a and b (indices in the entries,
// a < b): its class 0 is a, 1 is b.
type entryPair struct {
	a, b int32
	linear
}

// trainPairs returns the experts of topic model m (trained) for its
// documents docs; class maps an entry to its class in m.
func trainPairs(m *entryModel, docs []trainDoc, class []int, rng *rand.Rand) []entryPair {
	if m.nc < 2 || !pairExperts {
		return nil
	}
	seen := map[[2]int32]int{}
	p := make([]float64, m.nc)
	for i := range docs {
		d := &docs[i]
		c := class[d.entry]
		m.probs(d.f, p)
		j, pj := -1, 0.0
		for k, v := range p {
			if k != c && v > pj {
				j, pj = k, v
			}
		}
		if j >= 0 && pj >= pairSeen*p[c] {
			a, b := m.members[c], m.members[j]
			seen[[2]int32{min(a, b), max(a, b)}]++
		}
	}
	var keys [][2]int32
	for k, n := range seen {
		if n >= pairMin {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(x, y [2]int32) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	pairs := make([]entryPair, 0, len(keys))
	for _, k := range keys {
		var sub []trainDoc
		for _, d := range docs {
			if (int32(d.entry) == k[0] || int32(d.entry) == k[1]) && pairSources&(1<<d.src) != 0 {
				sub = append(sub, d)
			}
		}
		e := entryPair{a: k[0], b: k[1], linear: newLinear(1<<pairBits, 2)}
		e.train(sub, func(d *trainDoc) int {
			if int32(d.entry) == e.a {
				return 0
			}
			return 1
		}, pairEpochs, rng)
		pairs = append(pairs, e)
	}
	return pairs
}

// pairOf returns topic model m's expert for entries i and j, or nil.
func (m *entryModel) pairOf(i, j int) *entryPair {
	a, b := int32(min(i, j)), int32(max(i, j))
	n, ok := slices.BinarySearchFunc(m.pairs, [2]int32{a, b}, func(e entryPair, k [2]int32) int {
		return cmp.Or(cmp.Compare(e.a, k[0]), cmp.Compare(e.b, k[1]))
	})
	if !ok {
		return nil
	}
	return &m.pairs[n]
}

// pairDecide lets the expert of the two best entries of ranks (scored by
// rankEntries, entry model included) decide between them when they are
// close: their model probabilities are shared out again by the expert's
// reading (pairMix) and their combined scores recomputed.
func (kb *KB) pairDecide(s *scratch, k int, ranks []EntryScore) {
	m := &kb.clf.entries[k]
	if len(m.pairs) == 0 || len(ranks) < 2 {
		return
	}
	x, y := -1, -1
	for j := range ranks {
		switch {
		case x < 0 || ranks[j].Combined > ranks[x].Combined:
			x, y = j, x
		case y < 0 || ranks[j].Combined > ranks[y].Combined:
			y = j
		}
	}
	rx, ry := &ranks[x], &ranks[y]
	if rx.at == ry.at || ry.Combined < pairClose*rx.Combined {
		return
	}
	e := m.pairOf(rx.at, ry.at)
	if e == nil {
		return
	}
	s.pairF = append(append(s.pairF[:0], s.feats...), s.askFeats...)
	var p [2]float64
	e.probs(s.pairF, p[:])
	qx := p[0]
	if int32(rx.at) != e.a {
		qx = p[1]
	}
	tot := rx.Model + ry.Model
	rx.Pair, ry.Pair = qx, 1-qx
	rx.Model += pairMix * (tot*qx - rx.Model)
	ry.Model += pairMix * (tot*(1-qx) - ry.Model)
	for _, r := range []*EntryScore{rx, ry} {
		r.Combined = ((1-entryMix)*r.Retrieval + entryMix*r.Model) * r.Facet
	}
}

// Naive Bayes reader (experiment).
var nbMix = 0.0
var nbTemp = 1.0
var nbAlpha = 0.1

const nbBits = 12

type entryNB struct {
	nc   int
	logp []float32 // bucket*nc + class
}

func trainNB(m *entryModel, docs []trainDoc, class []int) *entryNB {
	if m.nc < 2 || nbMix == 0 {
		return nil
	}
	nb := &entryNB{nc: m.nc, logp: make([]float32, (1<<nbBits)*m.nc)}
	cnt := make([]float64, len(nb.logp))
	tot := make([]float64, m.nc)
	for i := range docs {
		d := &docs[i]
		c := class[d.entry]
		for _, f := range d.f {
			if f.v > 0 {
				cnt[int(f.bucket&(1<<nbBits-1))*m.nc+c]++
				tot[c]++
			}
		}
	}
	for j, v := range cnt {
		c := j % m.nc
		nb.logp[j] = float32(math.Log((v + nbAlpha) / (tot[c] + nbAlpha*(1<<nbBits))))
	}
	return nb
}

func (nb *entryNB) probs(f, extra []feature, p []float64) {
	p = p[:nb.nc]
	clear(p)
	for _, fs := range [2][]feature{f, extra} {
		for _, x := range fs {
			if x.v <= 0 {
				continue
			}
			r := int(x.bucket&(1<<nbBits-1)) * nb.nc
			for c := range nb.nc {
				p[c] += float64(nb.logp[r+c])
			}
		}
	}
	for c := range p {
		p[c] /= nbTemp
	}
	softmax(p)
}
