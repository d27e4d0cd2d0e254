package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// "bà cụ" (an old woman) folds to "ba cu", which read as "ba củ", three
// million in slang: a neighbour's question about an old woman living
// alone started the household check with an income of 3.000.000 đồng
// ("bà cụ 90 tuổi" 3.900.000). Typed with marks, only the number words
// themselves are numbers.
func TestReadSaidOldWomanIsNoMoney(t *testing.T) {
	for _, msg := range []string{
		"bà cụ sống một mình chín mươi tuổi",
		"bà cụ 90 tuổi không có ai, xã có cái tiền nào cho bà ấy không",
		"ông bà cụ nhà tôi già yếu, có được trợ cấp không",
	} {
		if s := content.ReadSaid(msg); s.Income != nil {
			t.Errorf("%q: income %v, want none", msg, *s.Income)
		}
	}
	for msg, want := range map[string]int64{
		"lương 3 củ một tháng":      3_000_000,
		"nhà tôi thu nhập ba triệu": 3_000_000,
		"thu nhap ba cu mot thang":  3_000_000,
		"cả nhà được tám triệu":     8_000_000,
	} {
		s := content.ReadSaid(msg)
		if s.Income == nil || s.Income.VND != want {
			t.Errorf("%q: income %+v, want %d", msg, s.Income, want)
		}
	}
}
