package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// Common wordings the tester found answered by the wrong entry (session
// 67): each now gets the entry that answers it, through its keywords
// ("nằm một chỗ", "neo đơn", "không nơi nương tựa", "rét đậm", "chăn
// màn", "Nghị định 07/2021").
func TestRouting67(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string]string{
		// Was «Trả lãi, trả nợ hằng tháng / Xét hộ nghèo giữa năm».
		"mẹ tôi ốm nằm một chỗ, nhà nghèo": "social-disability",
		// Was the caregiver's support.
		"người già neo đơn không nơi nương tựa được hỗ trợ gì": "social-monthly-allowance",
		// Was the weather refusal; the relief answer covers cold spells.
		"mấy hôm nay rét đậm, hộ nghèo có được hỗ trợ chăn màn không": "social-emergency-relief",
		// Was an ask-back with the job-creation loan.
		"nghị định 07/2021 còn áp dụng không": "poverty-standard-2026",
		// Was only the reassurance about typing.
		"toi gia roi mat kem khong biet chu nhieu, con toi noi hoi may nay, nha toi ngheo co duoc cho tien khong": "poverty-benefits-poor",
	} {
		r := kb.Match(msg, day)
		if r.Entry == nil || r.Entry.ID != want || len(r.Ambiguous) > 0 {
			t.Errorf("%q: entry %s (ambiguous %d), want %s", msg, idOf(r.Entry), len(r.Ambiguous), want)
		}
	}
	// The answers said: the cold spell's relief, the standard's end.
	if en, _ := kb.Entry("social-emergency-relief"); !strings.Contains(en.Answer, "rét hại") {
		t.Errorf("social-emergency-relief no longer names rét hại")
	}
	if en, _ := kb.Entry("poverty-standard-2026"); !strings.Contains(en.Answer, "Đến hết 31/12/2026 vẫn dùng chuẩn nghèo giai đoạn 2022–2025") {
		t.Errorf("poverty-standard-2026 no longer says the standard ends on 31/12/2026")
	}
	// A complaint about typing alone keeps its answer.
	if r := kb.Match("mắt kém, tay run, gõ khó quá", day); idOf(r.Entry) != "officer-cannot-type" {
		t.Errorf("typing alone: %s, want officer-cannot-type", idOf(r.Entry))
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
