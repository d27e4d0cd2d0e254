//go:build amd64

package content

// addRowsAVX adds, for each of the first n entries (n > 0, a multiple of
// four), ws[j] × rows[j][e] to scores[e] for j < k (1 ≤ k ≤ 4) in the
// rows' order, four entries at a time: each product rounded, then added,
// as the Go loops of addRows do (no fused multiply-add), so the same bits.
//
//go:noescape
func addRowsAVX(scores *float64, rows *[4]*float64, ws *[4]float64, k, n int)
