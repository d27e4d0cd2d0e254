//go:build amd64

package content

import "golang.org/x/sys/cpu"

// useAVX: the processor sums and updates a row's classes sixteen at a
// time (AVX: packed float32 products, converted to float64 and added in
// the rows' order for a sum, so bit for bit what the Go loops give).
var useAVX = cpu.X86.HasAVX

// addRows16AVX adds, for each of the n rows (n > 0), row.v × w[row.at+j]
// (the product in float32) to acc[j], j < 16, in the rows' order.
//
//go:noescape
func addRows16AVX(w *float32, rows *packedRow, n int, acc *[16]float64)

// addRows8AVX is addRows16AVX for the first eight classes of the rows
// (j < 8): for a model's last classes, when no more than eight are left.
//
//go:noescape
func addRows8AVX(w *float32, rows *packedRow, n int, acc *[8]float64)

// addRows4AVX is addRows16AVX for the first four classes of the rows
// (j < 4).
//
//go:noescape
func addRows4AVX(w *float32, rows *packedRow, n int, acc *[4]float64)

// subRows16AVX does, for each of the n rows (n > 0) in their order and
// each j < 16, w[row.at+j] -= step[j]×row.v + decay[j]×w[row.at+j] (each
// product and the sum rounded to float32, as the Go loop does): a class
// whose step and decay are zero keeps its weight.
//
//go:noescape
func subRows16AVX(w *float32, rows *packedRow, n int, step, decay *[16]float32)

// axpyRows16AVX does, for each of the n rows (n > 0) and each j < 16,
// w[row.at+j] += a[j]×row.v (the product rounded to float32): a class whose
// a is zero keeps its weight.
//
//go:noescape
func axpyRows16AVX(w *float32, rows *packedRow, n int, a *[16]float32)
