package content

import "slices"

// update is one training document's step on the weights of the classes it
// moves: each weight of a moved class k in a feature's row becomes
// w − (step[k]×v + decay×w), the features in their order. The classes are
// updated sixteen at a time with AVX, a class not moved (or a row's
// padding) having a zero step and decay: its weight, never −0, is left as
// it is (w − (±0) is w), so bit for bit what the loop over the moved
// classes gives.
type update struct {
	nc  int
	cls []int // the classes moved
	// step and decay by class, zero for a class not moved (and for the
	// padding), a whole number of cache lines long.
	step, decay []float32
}

func newUpdate(nc int) *update {
	n := trainStride(nc)
	return &update{nc: nc, cls: make([]int, 0, nc), step: make([]float32, n), decay: make([]float32, n)}
}

// reset forgets the classes moved.
func (u *update) reset() {
	for _, k := range u.cls {
		u.step[k], u.decay[k] = 0, 0
	}
	u.cls = u.cls[:0]
}

// add moves class k by step with decay; a class is moved once a step.
func (u *update) add(k int, step, decay float32) {
	u.cls = append(u.cls, k)
	u.step[k], u.decay[k] = step, decay
}

// apply updates the weights w in the rows of a document's features (nc
// classes padded to a whole number of cache lines, as sumRows reads them).
//
//go:norace
func (u *update) apply(w []float32, rows []packedRow) {
	if len(u.cls) == 0 || len(rows) == 0 {
		return
	}
	nc := u.nc
	if useAVX {
		for k := 0; k < nc; k += cacheLine {
			if u.moves(k, k+cacheLine) {
				subRows16AVX(&w[k], &rows[0], len(rows), (*[cacheLine]float32)(u.step[k:]), (*[cacheLine]float32)(u.decay[k:]))
			}
		}
		return
	}
	for _, x := range rows {
		r := int(x.at)
		row := w[r : r+nc : r+nc]
		for _, j := range u.cls {
			row[j] -= u.step[j]*x.v + u.decay[j]*row[j]
		}
	}
}

// moves reports whether a class from lo to hi is moved.
func (u *update) moves(lo, hi int) bool {
	for _, k := range u.cls {
		if k >= lo && k < hi {
			return true
		}
	}
	return false
}

// featureArena hands out the training documents' features from large
// chunks rather than one allocation each.
type featureArena struct {
	buf []feature
}

// featureChunk is the features in one chunk of a featureArena.
const featureChunk = 1 << 16

// next returns an empty slice whose room is the arena's free room, for
// appending one document's features.
func (a *featureArena) next() []feature {
	if cap(a.buf)-len(a.buf) < featureChunk/16 {
		a.buf = make([]feature, 0, featureChunk)
	}
	return a.buf[len(a.buf):len(a.buf)]
}

// keep takes the features f appended to next's slice (or grown out of it)
// out of the free room and returns them with no room to grow into.
func (a *featureArena) keep(f []feature) []feature {
	if n := len(a.buf); len(f) > 0 && cap(a.buf) > n && &f[0] == &a.buf[:n+1][n] {
		a.buf = a.buf[:n+len(f)]
	}
	return slices.Clip(f)
}
