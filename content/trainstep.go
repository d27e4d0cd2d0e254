package content

// update is one training document's step on the weights of the classes it
// moves: each weight of a moved class k in a feature's row becomes
// w − (step[k]×v + decay×w), the features in their order. The classes are
// updated eight or four at a time with AVX, a class not moved having a
// zero step and decay (its weight, never −0, is left as it is: w − (±0) is
// w), so bit for bit what the loop over the moved classes gives.
type update struct {
	nc    int
	cls   []int     // the classes moved
	steps []float32 // their steps
	// step and decay by class, zero for a class not moved, padded to a
	// multiple of eight.
	step, decay []float32
}

func newUpdate(nc int) *update {
	n := (nc + 7) / 8 * 8
	return &update{nc: nc, cls: make([]int, 0, nc), steps: make([]float32, 0, nc), step: make([]float32, n), decay: make([]float32, n)}
}

// reset forgets the classes moved.
func (u *update) reset() {
	for _, k := range u.cls {
		u.step[k], u.decay[k] = 0, 0
	}
	u.cls, u.steps = u.cls[:0], u.steps[:0]
}

// add moves class k by step with decay.
func (u *update) add(k int, step, decay float32) {
	u.cls, u.steps = append(u.cls, k), append(u.steps, step)
	u.step[k], u.decay[k] = step, decay
}

// apply updates the weights w in the rows of a document's features.
//
//go:norace
func (u *update) apply(w []float32, rows []packedRow) {
	if len(u.cls) == 0 || len(rows) == 0 {
		return
	}
	nc := u.nc
	k := 0
	if useAVX {
		// Each row's at+k+8 is within w: a row is nc long, k+8 <= nc.
		for ; k+8 <= nc; k += 8 {
			if u.moves(k, k+8) {
				subRows8AVX(&w[k], &rows[0], len(rows), (*[8]float32)(u.step[k:]), (*[8]float32)(u.decay[k:]))
			}
		}
		for ; k+4 <= nc; k += 4 {
			if u.moves(k, k+4) {
				subRows4AVX(&w[k], &rows[0], len(rows), (*[4]float32)(u.step[k:]), (*[4]float32)(u.decay[k:]))
			}
		}
		if k == nc {
			return
		}
	}
	cls, steps := u.cls, u.steps
	for _, x := range rows {
		r := int(x.at)
		row := w[r : r+nc : r+nc]
		for c, j := range cls {
			if j >= k {
				row[j] -= steps[c]*x.v + u.decay[j]*row[j]
			}
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
