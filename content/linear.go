package content

import "math"

// minGradient: a class whose gradient on a document is smaller is not
// updated (it would barely move; skipping it halves training time).
const minGradient = 1e-3

// linear is a multinomial logistic regression over hashed features.
type linear struct {
	nc   int
	mask uint32    // feature bucket -> row
	w    []float32 // row*nc + class
	b    []float32
}

func newLinear(buckets, classes int) linear {
	return linear{nc: classes, mask: uint32(buckets - 1), w: make([]float32, buckets*classes), b: make([]float32, classes)}
}

// train fits the model to docs (classes given by class; -1 skips a doc) by
// stochastic gradient descent, each pass in the order of the documents'
// keys under seed (passOrder). docs keep their order.
//
// The weights are trained packed: only the rows of buckets the documents
// use, in the order first used, each a whole number of cache lines long
// (trainStride), each document's features turned into row offsets and
// values once. The packed rows fit the processor's cache where the full
// table does not. A document's class sums and its step are taken sixteen
// classes at a time with AVX (sumRows, update); every weight sees the
// same updates in the same order, so the result is the same bit for bit
// (TestTrainPackedSameWeights, with AVX and without).
//
// It touches only m and docs, which nothing else sees until Load returns,
// so the race detector has nothing to find here; go:norace keeps it from
// making every test that loads the content 15 times slower.
//
//go:norace
func (m *linear) train(docs []trainDoc, class func(*trainDoc) int, epochs int, seed uint64) {
	nc := m.nc
	stride := trainStride(nc)
	at, buckets := m.rowsOf(docs, class, stride)
	w := make([]float32, len(buckets)*stride)
	for r, bk := range buckets {
		copy(w[r*stride:r*stride+nc], m.w[int(bk)*nc:])
	}
	p := make([]float64, nc)
	// The classes a document moves and their steps. Each weight is
	// updated by the document's features in their order, as when the
	// classes were taken one after another; a feature's row is read once
	// for all of them (update).
	u := newUpdate(nc)
	// Each pass gathers its documents' rows and classes into pass order
	// first: read in key order, the documents themselves would cost a
	// cache miss each.
	type doc struct {
		rows []packedRow
		cl   int
	}
	keys := docKeys(docs, class)
	order := make([]int32, len(docs))
	pass := make([]doc, 0, len(docs))
	for epoch := range epochs {
		passOrder(keys, seed, epoch, order)
		pass = pass[:0]
		for _, i := range order {
			if cl := class(&docs[i]); cl >= 0 {
				pass = append(pass, doc{at[i], cl})
			}
		}
		rate := clfRate / (1 + float64(epoch)*0.3)
		decay := float32(rate * clfL2)
		for _, d := range pass {
			cl, rows := d.cl, d.rows
			probsAt(nc, w, m.b, rows, p)
			u.reset()
			for k := range nc {
				g := p[k]
				if k == cl {
					g--
				}
				if math.Abs(g) < minGradient {
					continue
				}
				step := float32(rate * g)
				u.add(k, step, decay)
				m.b[k] -= step * 0.1
			}
			u.apply(w, rows)
		}
	}
	for r, bk := range buckets {
		copy(m.w[int(bk)*nc:int(bk)*nc+nc], w[r*stride:])
	}
}

// trainStride is the length of a packed row of nc classes' weights in
// training: padded to a whole number of cache lines, so that reading and
// updating a feature's row touches as few lines as it can.
func trainStride(nc int) int {
	return (nc + cacheLine - 1) / cacheLine * cacheLine
}

// rowsOf numbers the buckets the documents to train on use, in the order
// first used: it returns each document's features as rows (their offsets
// into the packed weights and their values; nil for a skipped document)
// and each packed row's bucket.
func (m *linear) rowsOf(docs []trainDoc, class func(*trainDoc) int, stride int) (at [][]packedRow, buckets []uint32) {
	n := 0
	for i := range docs {
		if class(&docs[i]) >= 0 {
			n += len(docs[i].f)
		}
	}
	all := make([]packedRow, 0, n)
	at = make([][]packedRow, len(docs))
	row := make([]int32, m.mask+1) // bucket -> packed row + 1
	for i := range docs {
		d := &docs[i]
		if class(d) < 0 {
			continue
		}
		start := len(all)
		for _, f := range d.f {
			bk := f.bucket & m.mask
			if row[bk] == 0 {
				buckets = append(buckets, bk)
				row[bk] = int32(len(buckets))
			}
			all = append(all, packedRow{(row[bk] - 1) * int32(stride), f.v})
		}
		at[i] = all[start:len(all):len(all)]
	}
	return at, buckets
}

// probsAt fills p with the probabilities of the nc classes with biases b
// for the features whose rows of w and values are rows, as linear.probs
// does.
//
//go:norace
func probsAt(nc int, w, b []float32, rows []packedRow, p []float64) {
	p = p[:nc]
	for k := range nc {
		p[k] = float64(b[k])
	}
	sumRows(w, nc, rows, p)
	softmax(p)
}

// probs fills p with the class probabilities for features f. Like train
// it is go:norace: it reads weights fixed once Load returns and writes only
// p. Four classes are summed at a time in registers, each over the
// features in their order (as packedClassifier's probs does, bit for bit).
//
//go:norace
func (m *linear) probs(f []feature, p []float64) {
	nc := m.nc
	p = p[:nc]
	k := 0
	for ; k+4 <= nc; k += 4 {
		a0, a1, a2, a3 := float64(m.b[k]), float64(m.b[k+1]), float64(m.b[k+2]), float64(m.b[k+3])
		for _, x := range f {
			r := int(x.bucket&m.mask)*nc + k
			w := m.w[r : r+4 : r+4]
			a0 += float64(w[0] * x.v)
			a1 += float64(w[1] * x.v)
			a2 += float64(w[2] * x.v)
			a3 += float64(w[3] * x.v)
		}
		p[k], p[k+1], p[k+2], p[k+3] = a0, a1, a2, a3
	}
	for ; k < nc; k++ {
		a := float64(m.b[k])
		for _, x := range f {
			a += float64(m.w[int(x.bucket&m.mask)*nc+k] * x.v)
		}
		p[k] = a
	}
	softmax(p)
}
