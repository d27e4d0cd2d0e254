package bot

import (
	"slices"
	"testing"
)

// TestCallbackPhones: only a number the citizen gives as their own is one
// to call them back on; one told as a caller's or a swindler's is not.
func TestCallbackPhones(t *testing.T) {
	tests := []struct {
		prev, text string
		want       []string
	}{
		// The citizen's own.
		{"", "số của tôi là 0987 654 321", []string{"0987654321"}},
		{"", "gọi lại cho tôi số 0987.654.321 nhé", []string{"0987654321"}},
		{"", "sđt: 0987654321", []string{"0987654321"}},
		{"", "0987 654 321", []string{"0987654321"}},
		{"tôi muốn hỏi tiền điện quý này", "0987 654 321", []string{"0987654321"}},
		{"", "con tôi bị khuyết tật nặng, căn cước của tôi 001085012345, sđt 0987 654 321", []string{"0987654321"}},
		{"", "tôi muốn hỏi về hồ sơ hộ nghèo, 0987654321", []string{"0987654321"}},
		{"", "0987654321 là số của tôi, họ gọi từ số 0912345678 bảo trúng thưởng", []string{"0987654321"}},
		{"", "người lạ gọi số 0912 345 678 bảo tôi được nhận hỗ trợ, số của tôi là 0987 654 321", []string{"0987654321"}},
		{"", "có người lạ gọi bảo trúng thưởng, gọi lại cho tôi số 0987654321", []string{"0987654321"}},
		{"người lạ gọi 0912 345 678 hỏi nhà tôi có ai không", "số của tôi là 0987 654 321", []string{"0987654321"}},
		{"", "e can nguoi goi lai tu van, sdt 0978123456", []string{"0978123456"}},
		{"", "sdt toi 0912345678 ai goi lai giup voi", []string{"0912345678"}},
		// Someone else's.
		{"", "có số 0912 345 678 gọi bảo tôi trúng thưởng, đòi chuyển tiền, có phải lừa đảo không", nil},
		{"", "người lạ gọi 0912345678 hỏi nhà tôi có ai không", nil},
		{"", "số này gọi cho tôi 0912345678 hỏi thông tin", nil},
		{"", "họ gọi từ số 0912 345 678 bảo tôi lên xã nhận tiền", nil},
		{"", "kẻ lừa đảo dùng số 0912345678", nil},
		{"", "0912345678 nhắn tin bảo tôi được hỗ trợ 5 triệu", nil},
		{"", "số lạ 0912345678 cứ gọi cho tôi", nil},
		{"", "có người lạ gọi bảo trúng thưởng, sđt 0912345678", nil},
		{"có người gọi xưng cán bộ xã bảo chuyển tiền phí hồ sơ", "0912345678", nil},
		{"hôm qua người lạ gọi cho tôi", "số 0912 345 678", nil},
		// An account number beside a bank word.
		{"", "stk mb 0912345678", nil},
	}
	for _, tt := range tests {
		if got := callbackPhones(tt.text, tt.prev, false); !slices.Equal(got, tt.want) {
			t.Errorf("callbackPhones(%q, prev %q) = %q, want %q", tt.text, tt.prev, got, tt.want)
		}
	}
}
