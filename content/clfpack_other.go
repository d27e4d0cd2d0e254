//go:build !amd64

package content

// useAVX is false off amd64: add's Go loops sum the classes.
var useAVX = false

func addRows8AVX(w *float32, rows *packedRow, n int, acc *[8]float64) {
	panic("content: no AVX off amd64")
}

func addRows4AVX(w *float32, rows *packedRow, n int, acc *[4]float64) {
	panic("content: no AVX off amd64")
}

func subRows8AVX(w *float32, rows *packedRow, n int, step, decay *[8]float32) {
	panic("content: no AVX off amd64")
}

func subRows4AVX(w *float32, rows *packedRow, n int, step, decay *[4]float32) {
	panic("content: no AVX off amd64")
}

func axpyRows8AVX(w *float32, rows *packedRow, n int, a *[8]float32) {
	panic("content: no AVX off amd64")
}

func axpyRows4AVX(w *float32, rows *packedRow, n int, a *[4]float32) {
	panic("content: no AVX off amd64")
}
