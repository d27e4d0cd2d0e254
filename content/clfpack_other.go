//go:build !amd64

package content

// useAVX is false off amd64: the Go loops sum and update the classes.
var useAVX = false

func addRows16AVX(w *float32, rows *packedRow, n int, acc *[16]float64) {
	panic("content: no AVX off amd64")
}

func addRows8AVX(w *float32, rows *packedRow, n int, acc *[8]float64) {
	panic("content: no AVX off amd64")
}

func addRows4AVX(w *float32, rows *packedRow, n int, acc *[4]float64) {
	panic("content: no AVX off amd64")
}

func subRows16AVX(w *float32, rows *packedRow, n int, step, decay *[16]float32) {
	panic("content: no AVX off amd64")
}

func axpyRows16AVX(w *float32, rows *packedRow, n int, a *[16]float32) {
	panic("content: no AVX off amd64")
}
