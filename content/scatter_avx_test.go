package content

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAVXAddRowsAsGo: dense rows added with AVX (addRows, four entries at
// a time and the rest in Go) give the Go loops' sums bit for bit, for
// lengths around multiples of four and every run of 1 to 4 rows.
func TestAVXAddRowsAsGo(t *testing.T) {
	if !useAVX {
		t.Skip("no AVX on this processor: the Go loops add the dense rows alone")
	}
	defer func(on bool) { useAVX = on }(useAVX)
	r := rand.New(rand.NewPCG(3, 4))
	// value: a random double over many magnitudes, sometimes 0 (an entry
	// without the term), so that a fused multiply-add would round apart.
	value := func() float64 {
		if r.IntN(4) == 0 {
			return 0
		}
		return math.Ldexp(r.NormFloat64(), r.IntN(40)-20)
	}
	checked := 0
	for _, n := range []int{0, 1, 3, 4, 5, 7, 8, 139, 140, 141} {
		for k := 1; k <= 4; k++ {
			for range 20 {
				var rows [4][]float64
				var ws [4]float64
				for j := range k {
					// Rows may be longer than scores: addRows reads len(scores).
					rows[j] = make([]float64, n+r.IntN(3))
					for e := range rows[j] {
						rows[j][e] = value()
					}
					ws[j] = value()
				}
				start := make([]float64, n)
				for e := range start {
					start[e] = value()
				}
				got := append([]float64(nil), start...)
				want := append([]float64(nil), start...)
				useAVX = true
				addRows(got, &rows, &ws, k)
				addRowsGo(want, &rows, &ws, k)
				for e := range want {
					if math.Float64bits(got[e]) != math.Float64bits(want[e]) {
						t.Fatalf("n=%d k=%d entry %d: AVX gives %v (%#x), Go %v (%#x)",
							n, k, e, got[e], math.Float64bits(got[e]), want[e], math.Float64bits(want[e]))
					}
				}
				// The Go sums must differ from start where a row adds
				// something, else the comparison proves nothing.
				for e := range want {
					if want[e] != start[e] {
						checked++
						break
					}
				}
			}
		}
	}
	if checked < 300 {
		t.Fatalf("only %d of the cases changed any sum", checked)
	}
}
