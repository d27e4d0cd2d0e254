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
