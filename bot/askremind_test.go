package bot_test

import (
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestAskAndRemindInOneMessage: one message that asks about a programme
// and then asks for a reminder (M20) gets the question's answer, then the
// reminder's confirmation, in one reply, and the reminder is set. Before,
// "… có mất tiền không, nhắc tôi …" was read as a request to cancel ("không
// nhắc"): "Ông/bà chưa có lời nhắc nào đang chạy.", nothing answered,
// nothing set.
func TestAskAndRemindInOneMessage(t *testing.T) {
	kb := mustKB(t)
	en, ok := kb.Entry("bhyt-free-card")
	if !ok {
		t.Fatal("no entry bhyt-free-card")
	}
	for _, tc := range []struct{ ask, text string }{
		{"bhyt hộ nghèo có mất tiền không, nhắc tôi ngày 20/12 đi gia hạn thẻ", "đi gia hạn thẻ"},
		{"bhyt ho ngheo co mat tien khong. nhac toi ngay 20/12 di gia han the", "di gia han the"},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			got := one(t, h.say(tc.ask))
			want := en.Render() + "\n\nĐã đặt lời nhắc #1: 08:00 ngày 20/12/2026 — " + tc.text + ".\nGõ /stop để dừng mọi tin nhắn tự động."
			if got.Text != want {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, want)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != bot.ReminderOnce || !r.At.Equal(at("2026-12-20 08:00")) || r.Text != tc.text {
				t.Errorf("reminder = %+v, %v; want once at 20/12/2026 08:00, %q", r, err, tc.text)
			}
		})
	}
}

// TestAskAndRemindNoMark: the same with no mark between the question and
// "nhắc" ("… có mất tiền không nhắc tôi …"): the question is answered and
// the reminder set with its own words. Until session 66 it was read as a
// cancellation (content/when read "không nhắc" as "do not remind"): "Tôi
// không thấy lời nhắc nào như vậy để hủy." (tester q3).
func TestAskAndRemindNoMark(t *testing.T) {
	en, ok := mustKB(t).Entry("bhyt-free-card")
	if !ok {
		t.Fatal("no entry bhyt-free-card")
	}
	for _, tc := range []struct{ ask, text string }{
		{"bhyt hộ nghèo có mất tiền không nhắc tôi ngày 20/12 đi gia hạn thẻ", "đi gia hạn thẻ"},
		{"bhyt ho ngheo co mat tien ko nhac toi ngay 20/12 di gia han the", "di gia han the"},
	} {
		h := newHarness(t)
		got := one(t, h.say(tc.ask))
		want := en.Render() + "\n\nĐã đặt lời nhắc #1: 08:00 ngày 20/12/2026 — " + tc.text + ".\nGõ /stop để dừng mọi tin nhắn tự động."
		if got.Text != want {
			t.Errorf("%q reply:\n%s\nwant:\n%s", tc.ask, got.Text, want)
		}
		if r, err := h.st.Reminder(1); err != nil || r.Text != tc.text {
			t.Errorf("%q: reminder = %+v, %v; want %q", tc.ask, r, err, tc.text)
		}
	}
}
