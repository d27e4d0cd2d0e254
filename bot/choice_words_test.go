package bot_test

import (
	"strings"
	"testing"
)

// TestChoiceInWords: "cái thứ nhất" and "cái đầu tiên" pick the first
// button, "cái cuối" the last. Until session 66 "cái thứ nhất" got the
// consumer-loan refusal and "cái cuối" the horoscope refusal (tester P13,
// c09, c47).
func TestChoiceInWords(t *testing.T) {
	for _, tc := range []struct{ said, wantData string }{
		{"cái thứ nhất", "first"}, {"cai dau tien", "first"}, {"cái cuối", "last"}, {"số cuối cùng ạ", "last"},
	} {
		h := newHarness(t)
		first := lastReply(t, h.say("hộ cận nghèo được những gì"))
		if len(first.Buttons) < 2 {
			t.Fatalf("buttons %+v", first.Buttons)
		}
		b := first.Buttons[0]
		if tc.wantData == "last" {
			b = first.Buttons[len(first.Buttons)-1]
		}
		want := lastReply(t, h.press(b.Data))
		h2 := newHarness(t)
		h2.say("hộ cận nghèo được những gì")
		if got := lastReply(t, h2.say(tc.said)); got.Text != want.Text {
			t.Errorf("%q: %q, want what «%s» gives: %q", tc.said, got.Text, b.Label, want.Text)
		}
	}
}

// TestNoUnderTopicMenu: "ko" under a programme's list of questions says
// no to it: a short line, the list kept. Until session 66 it was read with
// the programme's name and got the answer to the list's first question
// (tester P13, c26).
func TestNoUnderTopicMenu(t *testing.T) {
	h := newHarness(t)
	menu := lastReply(t, h.press("t:housing"))
	got := lastReply(t, h.say("ko"))
	if got.Text != "Dạ vâng ạ. Ông/bà cần hỏi gì thêm, cứ nhắn cho tôi." {
		t.Errorf("ko: %q", got.Text)
	}
	if len(got.Buttons) != len(menu.Buttons) || got.Buttons[0] != menu.Buttons[0] {
		t.Errorf("buttons %+v, want the list kept %+v", got.Buttons, menu.Buttons)
	}
}

// TestCheckAskedInWords: "kiểm tra hộ nghèo", "kiem tra ho ngheo" and
// "kiemtra" start the eligibility check as /kiemtra does. Until session
// 66 the first two got the list of reminders and "kiemtra" the utility
// refusal (tester P13, c18).
func TestCheckAskedInWords(t *testing.T) {
	h := newCheckHarness(t, "2026-11-27")
	want := lastReply(t, h.say("/kiemtra")).Text
	if !strings.Contains(want, "Nhà ông/bà ở nông thôn (xã) hay thành thị") {
		t.Fatalf("/kiemtra: %q", want)
	}
	for _, msg := range []string{"kiểm tra hộ nghèo", "kiem tra ho ngheo", "kiemtra"} {
		h := newCheckHarness(t, "2026-11-27")
		if got := lastReply(t, h.say(msg)); got.Text != want {
			t.Errorf("%q: %q, want the check's first question %q", msg, got.Text, want)
		}
	}
}
