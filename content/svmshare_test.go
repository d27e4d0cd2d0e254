package content

import (
	"math"
	"math/rand/v2"
	"testing"
)

// randomView returns a view of nc classes whose rows repeat: rows distinct
// rows, each used by several buckets, as packSVM lays them out before
// shareRows.
func randomView(r *rand.Rand, nc, distinct, rows int) *svmView {
	m := &svmView{nc: nc, row: make([]uint16, svmBuckets), q: make([]byte, (rows+1)*svmRowBytes), scale: make([]float32, nc), b: make([]float32, nc)}
	for k := range nc {
		m.scale[k] = 0.01 + r.Float32()
		m.b[k] = r.Float32() - 0.5
	}
	proto := make([][svmRowBytes]byte, distinct)
	for i := range proto {
		for k := range nc {
			proto[i][k] = byte(r.IntN(256))
		}
		putIDF(proto[i][:], 0.5+3*r.Float32())
	}
	putIDF(m.q[:svmRowBytes], 4)
	for i := 1; i <= rows; i++ {
		copy(m.q[i*svmRowBytes:], proto[r.IntN(distinct)][:])
	}
	for i := 1; i <= rows; i++ {
		m.row[r.IntN(svmBuckets)] = uint16(i)
	}
	return m
}

// referenceMargins computes margins term by term, the way the view's
// comment defines them: per distinct bucket, in the order first seen, its
// weights times its count's sublinear weight, over the vector's length.
func referenceMargins(m *svmView, terms []uint32) []float64 {
	count := map[uint32]uint16{}
	var order []uint32
	for _, b := range terms {
		if count[b] == 0 {
			order = append(order, b)
		}
		count[b]++
	}
	acc := make([]int64, m.nc)
	var sq float32
	for _, b := range order {
		row := (*[svmRowBytes]byte)(m.q[int(m.row[b])*svmRowBytes:])
		c := count[b]
		v := rowIDF(row)
		if c > 1 {
			v *= sublinear(c)
		}
		sq += v * v
		for k := range m.nc {
			acc[k] += int64(int8(row[k])) * int64(sublinearQ(c))
		}
	}
	inv := float32(0)
	if sq > 0 {
		inv = float32(1 / math.Sqrt(float64(sq)))
	}
	out := make([]float64, m.nc)
	for k := range m.nc {
		out[k] = float64(float32(acc[k])*m.scale[k]*inv/svmTFUnit + m.b[k])
	}
	return out
}

// TestSVMSharedRows: sharing equal rows leaves one row per distinct row
// and every bucket reading the same bytes, so margins do not move; and
// margins, counted in the stack table (few terms) or in the long count
// array (many), equal the term-by-term reference, repeated terms included.
func TestSVMSharedRows(t *testing.T) {
	r := rand.New(rand.NewPCG(38, 1))
	const nc, distinct, rows = 13, 40, 400
	m := randomView(r, nc, distinct, rows)
	before := &svmView{nc: nc, row: append([]uint16(nil), m.row...), q: append([]byte(nil), m.q...), scale: m.scale, b: m.b}
	m.shareRows()
	if got := len(m.q)/svmRowBytes - 1; got > distinct {
		t.Fatalf("%d rows after sharing, want at most the %d distinct ones", got, distinct)
	}
	for b := range svmBuckets {
		x, y := before.q[int(before.row[b])*svmRowBytes:][:svmRowBytes], m.q[int(m.row[b])*svmRowBytes:][:svmRowBytes]
		if string(x) != string(y) {
			t.Fatalf("bucket %d reads %v after sharing, %v before", b, y, x)
		}
	}
	used := make([]uint32, 0, rows)
	for b, row := range before.row {
		if row != 0 {
			used = append(used, uint32(b))
		}
	}
	cnt := make([]uint16, svmBuckets)
	for _, n := range []int{1, 7, 60, smallSet / 2, smallSet/2 + 1, 3000} {
		terms := make([]uint32, n)
		for i := range terms {
			if i%3 == 2 && i > 0 {
				terms[i] = terms[r.IntN(i)] // a repeat
			} else if i%5 == 4 {
				terms[i] = uint32(r.IntN(svmBuckets)) // most likely unseen
			} else {
				terms[i] = used[r.IntN(len(used))]
			}
		}
		want := referenceMargins(before, terms)
		for name, v := range map[string]*svmView{"before sharing": before, "shared": m} {
			out := make([]float64, nc)
			v.margins(terms, cnt, nil, out)
			for k := range nc {
				if out[k] != want[k] {
					t.Errorf("%d terms, %s: class %d margin %v, reference %v", n, name, k, out[k], want[k])
				}
			}
			for b, c := range cnt {
				if c != 0 {
					t.Fatalf("%d terms, %s: count of bucket %d left at %d", n, name, b, c)
				}
			}
		}
	}
}

// TestPackedSharedRows: the packed classifier's buckets whose weights are
// equal bit for bit share one row, and every bucket reads its own weights.
func TestPackedSharedRows(t *testing.T) {
	r := rand.New(rand.NewPCG(38, 2))
	const nc, buckets, distinct = 12, 1 << 12, 30
	proto := make([][]float32, distinct)
	for i := range proto {
		proto[i] = make([]float32, nc)
		for k := range proto[i] {
			proto[i][k] = r.Float32() - 0.5
		}
	}
	w := make([]float32, buckets*nc)
	for bk := range buckets {
		if r.IntN(3) > 0 {
			copy(w[bk*nc:], proto[r.IntN(distinct)])
		}
	}
	pc := packWeights(nc, w, make([]float32, nc))
	if pc == nil {
		t.Fatal("packWeights returned nil")
	}
	if got := len(pc.w)/pc.stride - 1; got != distinct {
		t.Errorf("%d rows besides the zero row, want the %d distinct ones", got, distinct)
	}
	for bk := range buckets {
		got := pc.w[int(pc.row[bk])*pc.stride:][:nc]
		for k := range nc {
			if math.Float32bits(got[k]) != math.Float32bits(w[bk*nc+k]) {
				t.Fatalf("bucket %d class %d reads %v, want %v", bk, k, got[k], w[bk*nc+k])
			}
		}
	}
}
