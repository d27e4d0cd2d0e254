#include "textflag.h"

// func addRowsAVX(scores *float64, rows *[4]*float64, ws *[4]float64, k, n int)
//
// Four entries a step: load the sums, then for each row in order multiply
// its four values by the broadcast weight (VMULPD) and add the products
// (VADDPD), never fused, and store the sums.
TEXT ·addRowsAVX(SB), NOSPLIT, $0-40
	MOVQ scores+0(FP), DI
	MOVQ rows+8(FP), AX
	MOVQ ws+16(FP), BX
	MOVQ k+24(FP), DX
	MOVQ n+32(FP), CX
	SHLQ $3, CX
	XORQ SI, SI
	MOVQ 0(AX), R8
	VBROADCASTSD 0(BX), Y4
	CMPQ DX, $1
	JEQ k1
	MOVQ 8(AX), R9
	VBROADCASTSD 8(BX), Y5
	CMPQ DX, $2
	JEQ k2
	MOVQ 16(AX), R10
	VBROADCASTSD 16(BX), Y6
	CMPQ DX, $3
	JEQ k3
	MOVQ 24(AX), R11
	VBROADCASTSD 24(BX), Y7

k4:
	VMOVUPD (DI)(SI*1), Y0
	VMULPD (R8)(SI*1), Y4, Y1
	VADDPD Y1, Y0, Y0
	VMULPD (R9)(SI*1), Y5, Y2
	VADDPD Y2, Y0, Y0
	VMULPD (R10)(SI*1), Y6, Y1
	VADDPD Y1, Y0, Y0
	VMULPD (R11)(SI*1), Y7, Y2
	VADDPD Y2, Y0, Y0
	VMOVUPD Y0, (DI)(SI*1)
	ADDQ $32, SI
	CMPQ SI, CX
	JLT k4
	VZEROUPPER
	RET

k3:
	VMOVUPD (DI)(SI*1), Y0
	VMULPD (R8)(SI*1), Y4, Y1
	VADDPD Y1, Y0, Y0
	VMULPD (R9)(SI*1), Y5, Y2
	VADDPD Y2, Y0, Y0
	VMULPD (R10)(SI*1), Y6, Y1
	VADDPD Y1, Y0, Y0
	VMOVUPD Y0, (DI)(SI*1)
	ADDQ $32, SI
	CMPQ SI, CX
	JLT k3
	VZEROUPPER
	RET

k2:
	VMOVUPD (DI)(SI*1), Y0
	VMULPD (R8)(SI*1), Y4, Y1
	VADDPD Y1, Y0, Y0
	VMULPD (R9)(SI*1), Y5, Y2
	VADDPD Y2, Y0, Y0
	VMOVUPD Y0, (DI)(SI*1)
	ADDQ $32, SI
	CMPQ SI, CX
	JLT k2
	VZEROUPPER
	RET

k1:
	VMOVUPD (DI)(SI*1), Y0
	VMULPD (R8)(SI*1), Y4, Y1
	VADDPD Y1, Y0, Y0
	VMOVUPD Y0, (DI)(SI*1)
	ADDQ $32, SI
	CMPQ SI, CX
	JLT k1
	VZEROUPPER
	RET
