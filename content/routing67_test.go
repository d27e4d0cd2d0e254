package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// "toi gia roi mat kem khong biet chu nhieu, con toi noi hoi may nay, nha
// toi ngheo co duoc cho tien khong": the question after the complaint
// about typing is answered (what a poor household gets). Until session 67
// it got only the reassurance about typing.
func TestTypingToldThenAsked(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "toi gia roi mat kem khong biet chu nhieu, con toi noi hoi may nay, nha toi ngheo co duoc cho tien khong"
	if r := kb.Match(msg, day); idOf(r.Entry) != "poverty-benefits-poor" || len(r.Ambiguous) > 0 {
		t.Errorf("%q: entry %s (ambiguous %d), want poverty-benefits-poor", msg, idOf(r.Entry), len(r.Ambiguous))
	}
	// A complaint about typing alone keeps its answer.
	for _, msg := range []string{"mắt kém, tay run, gõ khó quá", "tôi già rồi không biết gõ chữ có dấu"} {
		if r := kb.Match(msg, day); idOf(r.Entry) != "officer-cannot-type" {
			t.Errorf("%q: %s, want officer-cannot-type", msg, idOf(r.Entry))
		}
	}
}

// "nhà tôi hộ chính sách xã hội dùng 70 số điện 1 tháng có được hỗ trợ
// không": the answer first says 70 kWh is over the 50 kWh limit. Until
// session 67 it only stated the rule.
func TestUsagePoint(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string]string{
		"nhà tôi hộ chính sách xã hội dùng 70 số điện 1 tháng có được hỗ trợ không": "Nhà ông/bà dùng 70 kWh/tháng: quá 50 kWh/tháng, nên hộ chính sách xã hội không thuộc diện hỗ trợ này (hộ nghèo thì được hỗ trợ dù dùng bao nhiêu).",
		"nha toi ho chinh sach xa hoi dung 40 kwh co duoc ho tro tien dien khong":   "Nhà ông/bà dùng 40 kWh/tháng: không quá 50 kWh/tháng, nên hộ chính sách xã hội thuộc diện được hỗ trợ, nếu có tên trong danh sách của xã.",
		"hộ chính sách xã hội có được hỗ trợ tiền điện không":                       "",
	} {
		r := kb.Match(msg, day)
		if idOf(r.Entry) != "elec-who" {
			t.Errorf("%q: entry %s, want elec-who", msg, idOf(r.Entry))
			continue
		}
		if got := kb.UsagePoint(r.Entry, msg); got != want {
			t.Errorf("%q: point %q, want %q", msg, got, want)
		}
	}
}
