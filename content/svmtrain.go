package content

// Training the SVM view (svmview.go) when the knowledge base loads.

import (
	"fmt"
	"math"
)

// svmVector appends the unit-length TF-IDF features of the term buckets
// to dst, using cnt (all zero, svmBuckets long; left zero) to count them.
func svmVector(dst []feature, terms []uint32, cnt []uint16, idf []float32) []feature {
	start := len(dst)
	for _, b := range terms {
		if cnt[b] == 0 {
			dst = append(dst, feature{bucket: b})
		}
		cnt[b]++
	}
	for i := start; i < len(dst); i++ {
		b := dst[i].bucket
		dst[i].v = sublinear(cnt[b]) * idf[b]
		cnt[b] = 0
	}
	normalize(dst, start)
	return dst
}

// svmCorpus is the SVM view's training documents: each text's term
// buckets (svmHashTerms) and its topic class.
type svmCorpus struct {
	terms []uint32
	docs  []svmText
	// averaged: twice svmEpochs passes, and the weights are the mean of
	// their values at the end of each pass of the second half. Four
	// passes stop far from the optimum, where the last few steps decide
	// close calls: one example added to the knowledge base then flipped
	// the danger model's alarm on dozens of stored messages. The mean of
	// the later passes lies near the optimum and moves little
	// (docs/architecture.md §3, "Training order").
	averaged bool
}

// svmText is one training text: its terms are terms[lo:hi].
type svmText struct {
	lo, hi, class int
}

// add adds the text whose terms were appended to c.terms since lo.
func (c *svmCorpus) add(lo, class int) {
	c.docs = append(c.docs, svmText{lo, len(c.terms), class})
}

// addSyllables adds a text of the syllables syl (none: nothing) to class.
func (c *svmCorpus) addSyllables(syl []string, class int) {
	if len(syl) == 0 {
		return
	}
	lo := len(c.terms)
	c.terms = svmHashTerms(c.terms, syl)
	c.add(lo, class)
}

// svmTexts returns the view's training texts, the classifier's documents
// (classifierDocs makes the same when it is given a corpus to fill): the
// entries' titles, keywords, cues and examples, by topic.
func svmTexts(entries []*Entry, ex *expander, topics []string) *svmCorpus {
	class := map[string]int{}
	for k, t := range topics {
		class[t] = k
	}
	c := &svmCorpus{}
	var syl []string
	add := func(text string, cl int) {
		syl = ex.syllables(syl[:0], text)
		c.addSyllables(syl, cl)
	}
	for _, e := range entries {
		cl, ok := class[e.Topic]
		if !ok {
			continue
		}
		add(e.Title, cl)
		for _, k := range e.Keywords {
			add(k, cl)
		}
		for _, k := range e.Cues {
			add(k, cl)
		}
		for _, x := range e.Examples {
			add(x, cl)
		}
	}
	return c
}

// trainSVMView trains the view on the classifier's documents (svmTexts).
func trainSVMView(entries []*Entry, ex *expander, topics []string) *svmView {
	return trainSVMCorpus(svmTexts(entries, ex, topics), len(topics))
}

// trainSVMCorpus trains the view of nc topic classes on the corpus c.
//
//go:norace
func trainSVMCorpus(c *svmCorpus, nc int) *svmView {
	// A document's features are feats[lo:hi] of one shared slice.
	type doc struct {
		f     []feature
		rows  []packedRow
		class int
	}
	terms := c.terms
	docs := make([]doc, len(c.docs))
	df := make([]float32, svmBuckets)
	cnt := make([]uint16, svmBuckets)
	for i, t := range c.docs {
		docs[i].class = t.class
		for _, b := range terms[t.lo:t.hi] {
			if cnt[b] == 0 {
				df[b]++
			}
			cnt[b] = 1
		}
		for _, b := range terms[t.lo:t.hi] {
			cnt[b] = 0
		}
	}
	idf := make([]float32, svmBuckets)
	n := float64(len(docs))
	for i, d := range df {
		idf[i] = float32(math.Log((1+n)/(1+float64(d))) + 1)
	}
	feats := make([]feature, 0, len(terms))
	for i := range docs {
		d := &docs[i]
		lo := len(feats)
		feats = svmVector(feats, terms[c.docs[i].lo:c.docs[i].hi], cnt, idf)
		d.f = feats[lo:len(feats):len(feats)]
	}
	// The weights are trained packed, as the classifier's (linear.train):
	// the rows of the buckets the documents use, in the order first used,
	// a cache line apart. A document's buckets are distinct, so its
	// classes can be updated together, feature after feature.
	stride := trainStride(nc)
	rowOf := make([]int32, svmBuckets) // bucket -> row + 1
	var buckets []uint32
	rows := make([]packedRow, len(feats))
	for i := range docs {
		d := &docs[i]
		lo := len(rows) - len(feats)
		for j, f := range d.f {
			if rowOf[f.bucket] == 0 {
				buckets = append(buckets, f.bucket)
				rowOf[f.bucket] = int32(len(buckets))
			}
			rows[lo+j] = packedRow{(rowOf[f.bucket] - 1) * int32(stride), f.v}
		}
		d.rows = rows[lo : lo+len(d.f) : lo+len(d.f)]
		feats = feats[len(d.f):]
	}
	w, b := make([]float32, len(buckets)*stride), make([]float32, nc)
	order := make([]int32, len(docs))
	for i := range order {
		order[i] = int32(i)
	}
	keys := orderKeys(len(docs), func(i int) ([]feature, int) { return docs[i].f, docs[i].class })
	type step struct {
		rows  []packedRow
		class int
	}
	seq := make([]step, 0, len(docs))
	// Pegasos: the weights are scale·w, so the decay of every weight at
	// each step is one multiplication of scale.
	scale, steps := 1.0, 0
	margins := make([]float64, nc)
	g := make([]float32, stride) // class -> step, 0: not moved
	epochs := svmEpochs
	var wsum, bsum []float32 // averaged: the sums of scale·w and b
	if c.averaged {
		epochs *= 2
		wsum, bsum = make([]float32, len(w)), make([]float32, nc)
	}
	for pass := range epochs {
		passOrder(keys, orderSeed(17, trainSeed), pass, order)
		// Gathered into pass order first, as in linear.train.
		seq = seq[:0]
		for _, i := range order {
			seq = append(seq, step{docs[i].rows, docs[i].class})
		}
		for j := range seq {
			d := &seq[j]
			steps++
			eta := 1 / (svmLambda * float64(steps+100))
			clear(margins)
			sumRows(w, nc, d.rows, margins)
			scale *= 1 - eta*svmLambda
			moved := false
			for k := range nc {
				y := -1.0
				if k == d.class {
					y = 1
				}
				g[k] = 0
				if y*(margins[k]*scale/(1-eta*svmLambda)+float64(b[k])) >= 1 {
					continue
				}
				g[k] = float32(eta * y / scale)
				moved = true
				b[k] += float32(eta * y * 0.1)
			}
			if moved {
				axpyRows(w, nc, d.rows, g)
			}
			if scale < 1e-4 {
				for j := range w {
					w[j] *= float32(scale)
				}
				scale = 1
			}
		}
		if c.averaged && 2*pass >= epochs {
			for j, v := range w {
				wsum[j] += v * float32(scale)
			}
			for k := range nc {
				bsum[k] += b[k]
			}
		}
	}
	if c.averaged {
		n := float32(epochs - epochs/2) // the passes summed
		for j := range w {
			w[j] = wsum[j] / n
		}
		for k := range nc {
			b[k] = bsum[k] / n
		}
		scale = 1
	}
	wb := func(bk int) []float32 {
		r := int(rowOf[bk]-1) * stride
		return w[r : r+nc]
	}
	return packSVM(nc, wb, b, idf, float32(scale), df)
}

// axpyRows adds g[k]×v to class k's weight in each row of w (nc classes
// padded to a whole number of cache lines), the classes sixteen at a time
// with AVX: a class whose g is zero (and the padding) keeps its weight
// (w + (±0) is w, a weight never being −0), so bit for bit what the loop
// over the moved classes gives.
//
//go:norace
func axpyRows(w []float32, nc int, rows []packedRow, g []float32) {
	if len(rows) == 0 {
		return
	}
	if useAVX {
		for k := 0; k < nc; k += cacheLine {
			axpyRows16AVX(&w[k], &rows[0], len(rows), (*[cacheLine]float32)(g[k:]))
		}
		return
	}
	for k := range nc {
		if g[k] == 0 {
			continue
		}
		for _, x := range rows {
			w[int(x.at)+k] += g[k] * x.v
		}
	}
}

// packSVM lays the trained weights (w(bucket): its row of nc classes, to be
// multiplied by scale; read only for a bucket some document has), biases b
// and rarities idf out as an svmView; df is each bucket's document count
// (0: no training document has it).
func packSVM(nc int, w func(bucket int) []float32, b, idf []float32, scale float32, df []float32) *svmView {
	if nc > svmIDFAt {
		panic(fmt.Sprintf("the SVM view packs at most %d classes in a row, not %d", svmIDFAt, nc))
	}
	m := &svmView{nc: nc, row: make([]uint16, svmBuckets), scale: make([]float32, nc), b: b}
	rows := 1
	for bk, d := range df {
		// Fewer than 2¹⁶−1 of the 2¹⁶ buckets are ever used: past that
		// the hashing would be useless anyway.
		if d > 0 && rows <= math.MaxUint16 {
			m.row[bk] = uint16(rows)
			rows++
		}
	}
	for bk, r := range m.row {
		if r != 0 {
			for k, v := range w(bk) {
				m.scale[k] = max(m.scale[k], float32(math.Abs(float64(v*scale*idf[bk]))))
			}
		}
	}
	for k := range m.scale {
		m.scale[k] /= 127
	}
	m.q = make([]byte, rows*svmRowBytes)
	putIDF(m.q[:svmRowBytes], unseenIDF(idf, df))
	for bk, r := range m.row {
		if r == 0 {
			continue
		}
		dst := m.q[int(r)*svmRowBytes : int(r+1)*svmRowBytes]
		for k, v := range w(bk) {
			if m.scale[k] > 0 {
				dst[k] = byte(int8(math.Round(float64(v * scale * idf[bk] / m.scale[k]))))
			}
		}
		putIDF(dst, idf[bk])
	}
	m.shareRows()
	return m
}

// shareRows lets buckets whose rows hold the same bytes share one row: about
// half of the danger model's rows and a quarter of the topic view's repeat
// another (rare terms with the same rarity and weights), and a smaller
// table stays in the processor's cache. Row 0 stays the unseen bucket's.
// What margins reads is the same.
func (m *svmView) shareRows() {
	m.q = shareRows(m.row, m.q, svmRowBytes, func(row []byte) string { return string(row) })
}

// putIDF writes idf into row, in fixed point.
func putIDF(row []byte, idf float32) {
	v := uint16(min(math.Round(float64(idf)*svmIDFUnit), math.MaxUint16))
	row[svmIDFAt], row[svmIDFAt+1] = byte(v), byte(v>>8)
}

// rowIDF reads the idf of a row.
func rowIDF(row *[svmRowBytes]byte) float32 {
	return float32(uint16(row[svmIDFAt])|uint16(row[svmIDFAt+1])<<8) / svmIDFUnit
}

// unseenIDF is the rarity of a bucket no training document has.
func unseenIDF(idf, df []float32) float32 {
	for bk, d := range df {
		if d == 0 {
			return idf[bk]
		}
	}
	return 0
}
