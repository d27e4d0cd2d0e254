package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestTonightAskedLate: a part of today named without an hour ("đêm nay",
// "tối nay", "chiều nay") is not past while that part of the day goes on.
// Before, "nhắc tôi đêm nay uống thuốc" sent after 21:00 got "Thời điểm
// này đã qua" (the bot's hour for "đêm", 21:00, had passed). Asked in
// quiet hours, it is answered as the same request at 20:59 is: the bot
// does not write at night, sets the reminder for 07:00 the next morning,
// says so, and offers to cancel it in one tap; asked earlier in the
// evening, it comes shortly, at the next quarter hour at least ten
// minutes ahead.
func TestTonightAskedLate(t *testing.T) {
	const stop = "\nGõ /stop để dừng mọi tin nhắn tự động."
	night := func(what string) string {
		return "Đã đặt lời nhắc #1: 07:00 ngày 08/12/2026 — " + what + ".\n" +
			"Ban đêm (21:00–07:00) tôi không nhắn tin, nên không nhắc được trong tối nay; tôi sẽ nhắc lúc 07:00 sáng 08/12/2026." +
			" Nếu lúc đó không cần nữa, ông/bà bấm «Hủy nhắc #1»." + stop
	}
	for _, tc := range []struct {
		now, ask, reply, buttons, at string
	}{
		{"2026-12-07 21:30", "nhắc tôi đêm nay uống thuốc", night("uống thuốc"), "rm:cancel:1 rm:list m", "2026-12-08 07:00"},
		{"2026-12-07 23:40", "nhac toi dem nay uong thuoc", night("uong thuoc"), "rm:cancel:1 rm:list m", "2026-12-08 07:00"},
		{"2026-12-07 22:05", "nhắc tôi tối nay khóa cửa", night("khóa cửa"), "rm:cancel:1 rm:list m", "2026-12-08 07:00"},
		{"2026-12-07 20:00", "nhắc tôi tối nay gọi điện cho con",
			"Đã đặt lời nhắc #1: 20:15 ngày 07/12/2026 — gọi điện cho con." + stop, "rm:list m", "2026-12-07 20:15"},
		{"2026-12-07 15:05", "nhắc tôi chiều nay đi lấy thuốc",
			"Đã đặt lời nhắc #1: 15:15 ngày 07/12/2026 — đi lấy thuốc." + stop, "rm:list m", "2026-12-07 15:15"},
	} {
		t.Run(tc.now+" "+tc.ask, func(t *testing.T) {
			h := nightHarness(t)
			h.now = at(tc.now)
			got := one(t, h.say(tc.ask))
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if b := strings.Join(buttonData(got), " "); b != tc.buttons {
				t.Errorf("buttons = %s, want %s", b, tc.buttons)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != bot.ReminderOnce || !r.At.Equal(at(tc.at)) {
				t.Fatalf("reminder = %+v, %v; want a one-off at %s", r, err, tc.at)
			}
		})
	}

	// Once the afternoon is over, "chiều nay" is past, as before.
	h := nightHarness(t)
	h.now = at("2026-12-07 18:30")
	if got := one(t, h.say("nhắc tôi chiều nay đi lấy thuốc")); got.Text != "Thời điểm này đã qua. Ông/bà chọn một thời điểm sắp tới giúp." {
		t.Errorf("after the afternoon: %q", got.Text)
	}
}
