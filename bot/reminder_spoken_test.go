package bot_test

import (
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestSpokenClockTimes: times said as people say them are set for that
// time, with only the errand left in the text. "3 rưỡi" is half past
// three, with or without diacritics; before, "nhắc tôi 3 rưỡi chiều nay đi
// lấy tiền" was set for 14:00 as "3 rưỡi đi lấy tiền", and "9 rưỡi tối
// nay" at 19:21 was refused as past. "toi mai" without diacritics after the
// verb is tomorrow evening; before, "nhac toi toi mai 7 gio di hop" was
// set for 07:00 (tester's report).
func TestSpokenClockTimes(t *testing.T) {
	const stop = "\nGõ /stop để dừng mọi tin nhắn tự động."
	for _, tc := range []struct {
		now, ask, reply, at, text string
	}{
		{"2026-12-06 10:00", "nhắc tôi 3 rưỡi chiều nay đi lấy tiền",
			"Đã đặt lời nhắc #1: 15:30 ngày 06/12/2026 — đi lấy tiền." + stop, "2026-12-06 15:30", "đi lấy tiền"},
		{"2026-12-06 10:00", "nhac toi chieu nay 3 ruoi di lay tien",
			"Đã đặt lời nhắc #1: 15:30 ngày 06/12/2026 — di lay tien." + stop, "2026-12-06 15:30", "di lay tien"},
		{"2026-12-06 17:26", "nhắc tôi 8 rưỡi tối nay gọi điện",
			"Đã đặt lời nhắc #1: 20:30 ngày 06/12/2026 — gọi điện." + stop, "2026-12-06 20:30", "gọi điện"},
		{"2026-12-06 19:21", "nhắc tôi 9 rưỡi tối nay gọi con",
			"Đã đặt lời nhắc #1: 20:45 ngày 06/12/2026 — gọi con.\n" +
				"Buổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:45 tối nay, thay vì 21:30 như ông/bà hẹn." + stop,
			"2026-12-06 20:45", "gọi con"},
		{"2026-12-06 10:00", "nhắc tôi 7 giờ rưỡi sáng mai đi khám",
			"Đã đặt lời nhắc #1: 07:30 ngày 07/12/2026 — đi khám." + stop, "2026-12-07 07:30", "đi khám"},
		{"2026-12-06 10:00", "nhắc tôi 7h rưỡi sáng mai đi khám",
			"Đã đặt lời nhắc #1: 07:30 ngày 07/12/2026 — đi khám." + stop, "2026-12-07 07:30", "đi khám"},
		{"2026-12-06 10:00", "nhắc tôi 7 rưỡi sáng mai đi khám",
			"Đã đặt lời nhắc #1: 07:30 ngày 07/12/2026 — đi khám." + stop, "2026-12-07 07:30", "đi khám"},
		{"2026-12-06 10:00", "nhắc tôi mười giờ rưỡi sáng mai đi chợ",
			"Đã đặt lời nhắc #1: 10:30 ngày 07/12/2026 — đi chợ." + stop, "2026-12-07 10:30", "đi chợ"},
		{"2026-12-06 10:00", "nhac toi di hop thon toi mai 7 gio",
			"Đã đặt lời nhắc #1: 19:00 ngày 07/12/2026 — di hop thon." + stop, "2026-12-07 19:00", "di hop thon"},
		{"2026-12-06 10:00", "nhac toi toi mai 7 gio di hop",
			"Đã đặt lời nhắc #1: 19:00 ngày 07/12/2026 — di hop." + stop, "2026-12-07 19:00", "di hop"},
		{"2026-12-06 10:00", "nhac toi 7h toi mai di hop",
			"Đã đặt lời nhắc #1: 19:00 ngày 07/12/2026 — di hop." + stop, "2026-12-07 19:00", "di hop"},
	} {
		t.Run(tc.now+" "+tc.ask, func(t *testing.T) {
			h := nightHarness(t)
			h.now = at(tc.now)
			if got := one(t, h.say(tc.ask)); got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != bot.ReminderOnce || !r.At.Equal(at(tc.at)) || r.Text != tc.text {
				t.Fatalf("reminder = %+v, %v; want a one-off at %s, %q", r, err, tc.at, tc.text)
			}
		})
	}
}
