package bot_test

import (
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestMoveReminderInWords: "đổi sang thứ 3" right after a reminder for
// "thứ 2 tuần sau" moves it to the Tuesday of that week, the time kept;
// "đổi sang 20/12" to that date. Until session 66 it got "Xin lỗi, tôi
// chưa hiểu rõ câu hỏi" (tester q3, c70).
func TestMoveReminderInWords(t *testing.T) {
	for _, tc := range []struct{ set, move, want, text string }{
		// fixedNow is Friday 27/11/2026: "thứ 2 tuần sau" is 30/11.
		{"thứ 2 tuần sau nhắc tôi lên xã nộp đơn rà soát", "đổi sang thứ 3", "2026-12-01 08:00", "lên xã nộp đơn rà soát"},
		{"nhắc tôi 9 giờ sáng mai đi lên xã", "đổi sang 20/12", "2026-12-20 09:00", "đi lên xã"},
	} {
		h := newHarness(t)
		h.say(tc.set)
		got := lastReply(t, h.say(tc.move))
		want := "Đã hủy lời nhắc #1 và đặt lại theo ngày mới:\n\nĐã đặt lời nhắc #2: " + at(tc.want).Format("15:04 ngày 02/01/2006") + " — " + tc.text + ".\nGõ /stop để dừng mọi tin nhắn tự động."
		if got.Text != want {
			t.Errorf("%q: %q, want %q", tc.move, got.Text, want)
		}
		if r, err := h.st.Reminder(1); err != nil || !r.Cancelled {
			t.Errorf("%q: old reminder %+v, %v; want cancelled", tc.move, r, err)
		}
		if r, err := h.st.Reminder(2); err != nil || r.Type != bot.ReminderOnce || !r.At.Equal(at(tc.want)) || r.Text != tc.text {
			t.Errorf("%q: new reminder %+v, %v; want once at %s", tc.move, r, err, tc.want)
		}
	}
}

// TestReminderBeforeDeadline: "nhắc tôi trước 14/12 nộp giấy" is set for
// the day before and says why. Until session 66 it came at 08:00 on
// 14/12, the deadline day itself (tester q3).
func TestReminderBeforeDeadline(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("nhắc tôi trước 14/12 nộp giấy xác nhận hộ nghèo"))
	want := "Đã đặt lời nhắc #1: 08:00 ngày 13/12/2026 — nộp giấy xác nhận hộ nghèo.\nHạn là ngày 14/12/2026, nên tôi nhắc ông/bà trước một ngày.\nGõ /stop để dừng mọi tin nhắn tự động."
	if got.Text != want {
		t.Errorf("reply %q, want %q", got.Text, want)
	}
	if r, err := h.st.Reminder(1); err != nil || !r.At.Equal(at("2026-12-13 08:00")) {
		t.Errorf("reminder %+v, %v; want at 13/12/2026 08:00", r, err)
	}
}
