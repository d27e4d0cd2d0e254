//go:build !amd64

package content

func addRowsAVX(scores *float64, rows *[4]*float64, ws *[4]float64, k, n int) {
	panic("content: no AVX off amd64")
}
