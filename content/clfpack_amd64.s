#include "textflag.h"

// func addRows8AVX(w *float32, rows *packedRow, n int, acc *[8]float64)
TEXT ·addRows8AVX(SB), NOSPLIT, $0-32
	MOVQ w+0(FP), SI
	MOVQ rows+8(FP), DI
	MOVQ n+16(FP), CX
	MOVQ acc+24(FP), DX
	VMOVUPD 0(DX), Y0
	VMOVUPD 32(DX), Y1

loop8:
	MOVLQSX 0(DI), AX
	VBROADCASTSS 4(DI), Y2
	VMULPS (SI)(AX*4), Y2, Y3
	VCVTPS2PD X3, Y4
	VEXTRACTF128 $1, Y3, X5
	VCVTPS2PD X5, Y5
	VADDPD Y4, Y0, Y0
	VADDPD Y5, Y1, Y1
	ADDQ $8, DI
	DECQ CX
	JNZ loop8

	VMOVUPD Y0, 0(DX)
	VMOVUPD Y1, 32(DX)
	VZEROUPPER
	RET

// func addRows4AVX(w *float32, rows *packedRow, n int, acc *[4]float64)
TEXT ·addRows4AVX(SB), NOSPLIT, $0-32
	MOVQ w+0(FP), SI
	MOVQ rows+8(FP), DI
	MOVQ n+16(FP), CX
	MOVQ acc+24(FP), DX
	VMOVUPD 0(DX), Y0

loop4:
	MOVLQSX 0(DI), AX
	VBROADCASTSS 4(DI), X2
	VMULPS (SI)(AX*4), X2, X3
	VCVTPS2PD X3, Y4
	VADDPD Y4, Y0, Y0
	ADDQ $8, DI
	DECQ CX
	JNZ loop4

	VMOVUPD Y0, 0(DX)
	VZEROUPPER
	RET

// func subRows8AVX(w *float32, rows *packedRow, n int, step, decay *[8]float32)
TEXT ·subRows8AVX(SB), NOSPLIT, $0-40
	MOVQ w+0(FP), SI
	MOVQ rows+8(FP), DI
	MOVQ n+16(FP), CX
	MOVQ step+24(FP), DX
	VMOVUPS 0(DX), Y6
	MOVQ decay+32(FP), DX
	VMOVUPS 0(DX), Y7

sub8:
	MOVLQSX 0(DI), AX
	VBROADCASTSS 4(DI), Y2
	VMOVUPS (SI)(AX*4), Y3
	VMULPS Y2, Y6, Y4
	VMULPS Y3, Y7, Y5
	VADDPS Y5, Y4, Y4
	VSUBPS Y4, Y3, Y3
	VMOVUPS Y3, (SI)(AX*4)
	ADDQ $8, DI
	DECQ CX
	JNZ sub8

	VZEROUPPER
	RET

// func subRows4AVX(w *float32, rows *packedRow, n int, step, decay *[4]float32)
TEXT ·subRows4AVX(SB), NOSPLIT, $0-40
	MOVQ w+0(FP), SI
	MOVQ rows+8(FP), DI
	MOVQ n+16(FP), CX
	MOVQ step+24(FP), DX
	VMOVUPS 0(DX), X6
	MOVQ decay+32(FP), DX
	VMOVUPS 0(DX), X7

sub4:
	MOVLQSX 0(DI), AX
	VBROADCASTSS 4(DI), X2
	VMOVUPS (SI)(AX*4), X3
	VMULPS X2, X6, X4
	VMULPS X3, X7, X5
	VADDPS X5, X4, X4
	VSUBPS X4, X3, X3
	VMOVUPS X3, (SI)(AX*4)
	ADDQ $8, DI
	DECQ CX
	JNZ sub4

	VZEROUPPER
	RET

// func axpyRows8AVX(w *float32, rows *packedRow, n int, a *[8]float32)
TEXT ·axpyRows8AVX(SB), NOSPLIT, $0-32
	MOVQ w+0(FP), SI
	MOVQ rows+8(FP), DI
	MOVQ n+16(FP), CX
	MOVQ a+24(FP), DX
	VMOVUPS 0(DX), Y6

axpy8:
	MOVLQSX 0(DI), AX
	VBROADCASTSS 4(DI), Y2
	VMULPS Y2, Y6, Y4
	VADDPS (SI)(AX*4), Y4, Y3
	VMOVUPS Y3, (SI)(AX*4)
	ADDQ $8, DI
	DECQ CX
	JNZ axpy8

	VZEROUPPER
	RET

// func axpyRows4AVX(w *float32, rows *packedRow, n int, a *[4]float32)
TEXT ·axpyRows4AVX(SB), NOSPLIT, $0-32
	MOVQ w+0(FP), SI
	MOVQ rows+8(FP), DI
	MOVQ n+16(FP), CX
	MOVQ a+24(FP), DX
	VMOVUPS 0(DX), X6

axpy4:
	MOVLQSX 0(DI), AX
	VBROADCASTSS 4(DI), X2
	VMULPS X2, X6, X4
	VADDPS (SI)(AX*4), X4, X3
	VMOVUPS X3, (SI)(AX*4)
	ADDQ $8, DI
	DECQ CX
	JNZ axpy4

	VZEROUPPER
	RET
