package bot_test

import (
	"strings"
	"testing"
)

// TestCheckYearIsNoIncome: a year in the message that opens the check
// ("con tôi sinh 2019") is not recorded as an income of 2.019 đồng: the
// check records the household's size and asks the income. Answering the
// income question with a bare year-like figure asks for the unit.
func TestCheckYearIsNoIncome(t *testing.T) {
	for _, open := range []string{
		"con tôi sinh 2019 nhà 3 người có phải hộ nghèo không",
		"con toi sinh 2019 nha 3 nguoi co phai ho ngheo khong",
	} {
		t.Run(open, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			h.say(open)
			u := h.user42()
			if u.Check == nil || u.Check.Members != 3 || u.Check.Income != nil {
				t.Fatalf("check %+v, want 3 members and no income", u.Check)
			}
			if u.Check.Step != "area" {
				t.Fatalf("step %q, want area", u.Check.Step)
			}
			h.say("1")
			if u := h.user42(); u.Check.Step != "income" {
				t.Fatalf("step %q after the area, want income", u.Check.Step)
			}
			got := lastReply(t, h.say("2025")).Text
			if !strings.HasPrefix(got, "Ông/bà ghi rõ đơn vị giúp tôi") {
				t.Errorf("reply to a bare 2025:\n%s\nwant the unit asked", got)
			}
			if u := h.user42(); u.Check.Income != nil {
				t.Errorf("income %+v recorded from 2025", u.Check.Income)
			}
		})
	}
}

// TestCheckRequestInWords: the button's words typed without the menu in
// view open the check ("kiem tra dieu kien" was answered as the
// electricity bill); a programme's conditions are still that programme's.
func TestCheckRequestInWords(t *testing.T) {
	for _, in := range []string{"kiem tra dieu kien", "kiểm tra điều kiện", "Kiểm tra điều kiện hỗ trợ", "toi muon kiem tra dieu kien a", "cho tôi kiểm tra điều kiện với"} {
		h := newCheckHarness(t, "2026-12-06")
		got := lastReply(t, h.say(in)).Text
		if u := h.user42(); u.Check == nil || !strings.HasPrefix(got, "Tôi sẽ hỏi vài câu ngắn") {
			t.Errorf("%q: reply\n%s\nwant the check opened", in, got)
		}
	}
	for _, in := range []string{"kiểm tra điều kiện vay vốn hộ nghèo", "kiem tra dien nuoc"} {
		h := newCheckHarness(t, "2026-12-06")
		h.say(in)
		if u := h.user42(); u.Check != nil {
			t.Errorf("%q opened the check", in)
		}
	}
}
