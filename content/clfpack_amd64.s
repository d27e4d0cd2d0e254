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
