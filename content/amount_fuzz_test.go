package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// FuzzParseAmount: any text either is refused or gives an amount in
// 0..MaxAmount; reading the household never panics.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"6tr5", "hai triệu rưỡi", "6 7 triệu", "vài triệu", "6.000.000đ", "cả năm được 60 triệu", "1,5", "năm năm năm", "-1", "tầm 5 triệu", "triệu rưỡi", "9999999999999999999999 tỷ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := content.ParseAmount(s)
		if err == nil && (a.VND < 0 || a.VND > content.MaxAmount) {
			t.Fatalf("ParseAmount(%q) = %v", s, a)
		}
		said := content.ReadSaid(s)
		if said.Income != nil && (said.Income.VND < 0 || said.Income.VND > content.MaxAmount) {
			t.Fatalf("ReadSaid(%q) income %v", s, said.Income)
		}
		content.WantsCheck(s)
		content.ReadMembers(s)
		content.ReadArea(s)
	})
}
