//go:build amd64

package content

import "golang.org/x/sys/cpu"

// useAVX: the processor sums a chunk's rows eight or four classes at a
// time (AVX: packed float32 products, converted to float64 and added in
// the rows' order, so bit for bit what add's Go loops give).
var useAVX = cpu.X86.HasAVX

// addRows8AVX adds, for each of the n rows (n > 0), row.v × w[row.at+j]
// (the product in float32) to acc[j], j < 8, in the rows' order.
//
//go:noescape
func addRows8AVX(w *float32, rows *packedRow, n int, acc *[8]float64)

// addRows4AVX is addRows8AVX for four classes.
//
//go:noescape
func addRows4AVX(w *float32, rows *packedRow, n int, acc *[4]float64)

// subRows8AVX does, for each of the n rows (n > 0) in their order and
// each j < 8, w[row.at+j] -= step[j]×row.v + decay[j]×w[row.at+j] (each
// product and the sum rounded to float32, as the Go loop does): a class
// whose step and decay are zero keeps its weight.
//
//go:noescape
func subRows8AVX(w *float32, rows *packedRow, n int, step, decay *[8]float32)

// subRows4AVX is subRows8AVX for four classes.
//
//go:noescape
func subRows4AVX(w *float32, rows *packedRow, n int, step, decay *[4]float32)

// axpyRows8AVX does, for each of the n rows (n > 0) and each j < 8,
// w[row.at+j] += a[j]×row.v (the product rounded to float32): a class whose
// a is zero keeps its weight.
//
//go:noescape
func axpyRows8AVX(w *float32, rows *packedRow, n int, a *[8]float32)

// axpyRows4AVX is axpyRows8AVX for four classes.
//
//go:noescape
func axpyRows4AVX(w *float32, rows *packedRow, n int, a *[4]float32)
