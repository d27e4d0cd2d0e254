package content

import (
	"encoding/binary"
	"math"
	"slices"
)

// packedClassifier holds a trained linear model's weights laid out for
// reading: the hashed buckets no training document used have all-zero
// weights and no row, and each row is padded (packStride) to a cache line
// or a share of one, so the rows a message reads fit the processor's cache
// (the full table does not). It
// gives the same probabilities as the model, bit for bit.
type packedClassifier struct {
	nc     int
	mask   uint32    // feature bucket -> bucket of the model (its count is a power of two)
	row    []uint16  // bucket -> row, 0: all zero; nil: the row is the bucket (packByBucket)
	w      []float32 // row*stride + class; row 0's weights are all zero
	b      []float32
	stride int
	// idfAt, when not 0, is the slot of each row, past the classes, that
	// holds its bucket's idf (packByBucket).
	idfAt int
}

// cacheLine is the usual size of a processor's cache line, in float32s.
const cacheLine = 16

// packStride is the floats a packed row of nc classes takes: a whole
// cache line for nine to sixteen classes (AVX reads sixteen at a time);
// four or eight for fewer, so that two or four rows share a line; beyond
// sixteen, a line and the rest rounded up to four (sixteen, then eight or
// four at a time). The padding is zero, but for the idf a row may keep
// in its first padding slot (idfAt).
func packStride(nc int) int {
	switch {
	case nc <= 4:
		return 4
	case nc <= 8:
		return 8
	case nc <= cacheLine:
		return cacheLine
	}
	return cacheLine + (nc-cacheLine+3)/4*4
}

// pack returns c's weights packed, or nil (see packWeights). When a row
// has room past the classes, the topic classifier's rows are laid out by
// bucket instead (packByBucket), each holding its bucket's idf.
func pack(c *classifier) *packedClassifier {
	nc := len(c.topics)
	if packStride(nc) > nc && len(c.idf) == len(c.w)/max(nc, 1) {
		return packByBucket(nc, c.w, c.b, c.idf)
	}
	return packWeights(nc, c.w, c.b)
}

// packWeights packs the weights w (bucket*nc + class; a power-of-two count
// of buckets) and biases b of a model with nc classes. It returns nil when
// too many buckets are used for a 16-bit row index.
func packWeights(nc int, w, b []float32) *packedClassifier {
	buckets := len(w) / nc
	if buckets&(buckets-1) != 0 {
		return nil
	}
	pc := &packedClassifier{nc: nc, mask: uint32(buckets - 1), row: make([]uint16, buckets), b: b, stride: packStride(nc)}
	rows := 1
	for bk := range buckets {
		for _, v := range w[bk*nc : bk*nc+nc] {
			if v != 0 {
				if rows > math.MaxUint16 {
					return nil
				}
				pc.row[bk] = uint16(rows)
				rows++
				break
			}
		}
	}
	pc.w = make([]float32, rows*pc.stride)
	for bk, r := range pc.row {
		if r != 0 {
			copy(pc.w[int(r)*pc.stride:], w[bk*nc:bk*nc+nc])
		}
	}
	pc.shareRows()
	return pc
}

// packByBucket lays out the weights w and biases b of a model with nc
// classes as packWeights does, but every bucket's row in the bucket's own
// place (no row numbers: row is nil), holding the bucket's idf
// (idf[bucket]; nil: none) in its first padding slot (idfAt), which
// packStride(nc) must then leave. A message's feature then costs one cache
// line, its row, both to weigh it (weigh) and to add its weights (sum),
// where the row numbers and the classifier's idf table cost a line each
// besides. The tables are larger (the topic classifier's 65,536 buckets
// 4 MB, 2.5 MB packed; the entry models' 16,384 buckets each 13 MB in all,
// 7.9 MB packed), but Match is faster (docs/architecture.md,
// performance). An all-zero row is added too: x + ±0 is x, so the sums
// are the same.
func packByBucket(nc int, w, b, idf []float32) *packedClassifier {
	buckets := len(w) / max(nc, 1)
	if nc == 0 || buckets&(buckets-1) != 0 || idf != nil && (len(idf) != buckets || packStride(nc) <= nc) {
		return nil
	}
	pc := &packedClassifier{nc: nc, mask: uint32(buckets - 1), b: b, stride: packStride(nc)}
	if idf != nil {
		pc.idfAt = nc
	}
	pc.w = make([]float32, buckets*pc.stride)
	for bk := range buckets {
		r := pc.w[bk*pc.stride : (bk+1)*pc.stride]
		copy(r, w[bk*nc:bk*nc+nc])
		if idf != nil {
			r[pc.idfAt] = idf[bk]
		}
	}
	return pc
}

// weigh multiplies the features by their bucket's idf, read from its row
// (idfAt), and scales them to unit length, as classifier.weigh does: the
// row read here is the one sum reads next (packByBucket).
func (pc *packedClassifier) weigh(f []feature) {
	for i := range f {
		f[i].v *= pc.w[pc.at(f[i].bucket)+pc.idfAt]
	}
	normalize(f, 0)
}

// at is the offset in w of the row of the feature bucket b.
func (pc *packedClassifier) at(b uint32) int {
	if pc.row == nil {
		return int(b&pc.mask) * pc.stride
	}
	return int(pc.row[b&pc.mask]) * pc.stride
}

// weighFeatures weighs the features f of a message as the topic
// classifier's training documents were weighed (classifier.weigh).
func (kb *KB) weighFeatures(f []feature) {
	if kb.packed != nil && kb.packed.idfAt != 0 {
		kb.packed.weigh(f)
		return
	}
	kb.clf.weigh(f)
}

// shareRows lets buckets whose rows hold the same weights, bit for bit,
// share one row (a sixth of the topic classifier's rows repeat another:
// rare terms of one example each), so that fewer rows compete for the
// processor's cache. Row 0 stays the all-zero one.
func (pc *packedClassifier) shareRows() {
	key := make([]byte, 4*pc.stride)
	pc.w = shareRows(pc.row, pc.w, pc.stride, func(row []float32) string {
		for k, v := range row {
			binary.LittleEndian.PutUint32(key[4*k:], math.Float32bits(v))
		}
		return string(key)
	})
}

// shareRows lets the buckets of row (bucket -> row of table, stride
// elements a row, row 0 reserved) whose rows have the same key share one:
// it returns the table with each distinct row once and points row at them.
func shareRows[E any](row []uint16, table []E, stride int, key func([]E) string) []E {
	rows := len(table) / stride
	at := make(map[string]uint16, rows)
	moved := make([]uint16, rows)
	out := table[:stride:stride]
	for r := 1; r < rows; r++ {
		t := table[r*stride : (r+1)*stride]
		k := key(t)
		to, ok := at[k]
		if !ok {
			to = uint16(len(out) / stride)
			at[k] = to
			out = append(out, t...)
		}
		moved[r] = to
	}
	for bk, r := range row {
		row[bk] = moved[r]
	}
	return slices.Clip(out)
}

// probs fills p with the class probabilities for features f, as
// classifier.probs does: each class adds the features' contributions in
// the same order, and an all-zero row adds nothing. The features' rows are
// looked up once per chunk of packChunk features (kept on the stack), then
// sixteen classes are summed at a time in registers (with AVX; eight in
// the Go loops); a chunk's sums are carried to the next through p, which
// holds float64s exactly.
func (pc *packedClassifier) probs(f []feature, p []float64) {
	pc.probsWith(f, nil, p)
}

// probsWith is probs for the features f followed by extra.
func (pc *packedClassifier) probsWith(f, extra []feature, p []float64) {
	for k := range pc.nc {
		p[k] = float64(pc.b[k])
	}
	pc.sum(f, p)
	pc.sum(extra, p)
	softmax(p)
}

// sum adds the contributions of features f to the class sums in p.
func (pc *packedClassifier) sum(f []feature, p []float64) {
	var buf [packChunk]packedRow
	for len(f) > 0 {
		n := min(len(f), packChunk)
		rows := buf[:0]
		if pc.row == nil {
			// Laid out by bucket: every feature has its row.
			for _, x := range f[:n] {
				rows = append(rows, packedRow{int32(int(x.bucket&pc.mask) * pc.stride), x.v})
			}
			pc.add(rows, p)
			f = f[n:]
			continue
		}
		for _, x := range f[:n] {
			if r := int(pc.row[x.bucket&pc.mask]); r != 0 {
				rows = append(rows, packedRow{int32(r * pc.stride), x.v})
			}
		}
		pc.add(rows, p)
		f = f[n:]
	}
}

// packChunk is how many features probs looks up before summing them.
const packChunk = 256

// packedRow is a feature's row offset in packedClassifier.w and its value.
type packedRow struct {
	at int32
	v  float32
}

// add adds the rows' contributions to each class's sum in p, in the rows'
// order.
func (pc *packedClassifier) add(rows []packedRow, p []float64) {
	sumRows(pc.w, pc.nc, rows, p)
}

// sumRows adds the contributions of rows of w to the sums of the nc classes
// in p, in the rows' order: class k's sum gains float64(w[row.at+k] ×
// row.v), the product rounded to float32. Each row is nc classes padded
// with zeros to packStride(nc) floats or to whole cache lines (cacheLine
// floats): AVX reads sixteen classes at a time, and the last four or
// eight alone when no more are left.
func sumRows(w []float32, nc int, rows []packedRow, p []float64) {
	k := 0
	if useAVX && len(rows) > 0 {
		for ; k < nc; k += cacheLine {
			var acc [cacheLine]float64
			n := copy(acc[:], p[k:min(k+cacheLine, nc)])
			switch {
			case n > 8:
				addRows16AVX(&w[k], &rows[0], len(rows), &acc)
			case n > 4:
				addRows8AVX(&w[k], &rows[0], len(rows), (*[8]float64)(acc[:8]))
			default:
				addRows4AVX(&w[k], &rows[0], len(rows), (*[4]float64)(acc[:4]))
			}
			copy(p[k:k+n], acc[:n])
		}
		return
	}
	for ; k+8 <= nc; k += 8 {
		a0, a1, a2, a3, a4, a5, a6, a7 := p[k], p[k+1], p[k+2], p[k+3], p[k+4], p[k+5], p[k+6], p[k+7]
		for _, x := range rows {
			r := w[int(x.at)+k : int(x.at)+k+8]
			a0 += float64(r[0] * x.v)
			a1 += float64(r[1] * x.v)
			a2 += float64(r[2] * x.v)
			a3 += float64(r[3] * x.v)
			a4 += float64(r[4] * x.v)
			a5 += float64(r[5] * x.v)
			a6 += float64(r[6] * x.v)
			a7 += float64(r[7] * x.v)
		}
		p[k], p[k+1], p[k+2], p[k+3], p[k+4], p[k+5], p[k+6], p[k+7] = a0, a1, a2, a3, a4, a5, a6, a7
	}
	for ; k+4 <= nc; k += 4 {
		a0, a1, a2, a3 := p[k], p[k+1], p[k+2], p[k+3]
		for _, x := range rows {
			r := w[int(x.at)+k : int(x.at)+k+4]
			a0 += float64(r[0] * x.v)
			a1 += float64(r[1] * x.v)
			a2 += float64(r[2] * x.v)
			a3 += float64(r[3] * x.v)
		}
		p[k], p[k+1], p[k+2], p[k+3] = a0, a1, a2, a3
	}
	for ; k < nc; k++ {
		a := p[k]
		for _, x := range rows {
			a += float64(w[int(x.at)+k] * x.v)
		}
		p[k] = a
	}
}

// classify fills p with the classifier's class probabilities for f.
func (kb *KB) classify(f []feature, p []float64) {
	if kb.packed != nil {
		kb.packed.probs(f, p)
		return
	}
	kb.clf.probs(f, p)
}

// softmax turns scores into probabilities in place.
func softmax(p []float64) {
	m := p[0]
	for _, v := range p[1:] {
		m = max(m, v)
	}
	var sum float64
	for k := range p {
		p[k] = math.Exp(p[k] - m)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
}
