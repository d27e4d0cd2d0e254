package bot_test

import (
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// TestSLADueDates checks the due dates officers see, with the shipped
// holiday calendar: weekends and public holidays do not count, and as in
// Vietnamese administrative practice the days are counted from the day after
// the request is received (a request after 17:00 or on a day off is
// received the next working day).
func TestSLADueDates(t *testing.T) {
	cal, err := content.LoadCalendar(content.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	due := func(from time.Time, p string) time.Time { return bot.DueDate(cal, loc, from, p) }
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name, from, priority, want string
	}{
		{"Friday morning over the weekend", "2026-11-27 09:00", bot.PriorityNormal, "2026-12-02 17:00"},
		{"Friday evening is received Monday", "2026-11-27 18:30", bot.PriorityNormal, "2026-12-03 17:00"},
		{"Saturday is received Monday", "2026-11-28 10:00", bot.PriorityNormal, "2026-12-03 17:00"},
		{"Sunday night is received Monday", "2026-11-29 23:30", bot.PriorityNormal, "2026-12-03 17:00"},
		{"Monday 06:00, before the office opens, is received Monday", "2026-11-30 06:00", bot.PriorityNormal, "2026-12-03 17:00"},
		{"Monday in office hours: the same as before it", "2026-11-30 09:00", bot.PriorityNormal, "2026-12-03 17:00"},
		{"urgent on Monday 06:00: Monday", "2026-11-30 06:00", bot.PriorityUrgent, "2026-11-30 17:00"},
		{"over Labour Day 30/4–1/5", "2026-04-29 09:00", bot.PriorityNormal, "2026-05-06 17:00"},
		{"over Tết 2026", "2026-02-12 09:00", bot.PriorityNormal, "2026-02-24 17:00"},
		{"urgent during office hours: today", "2026-11-27 09:00", bot.PriorityUrgent, "2026-11-27 17:00"},
		{"urgent on Sunday: Monday", "2026-11-29 22:00", bot.PriorityUrgent, "2026-11-30 17:00"},
	}
	for _, tt := range tests {
		got := due(at(tt.from), tt.priority).In(loc).Format("2006-01-02 15:04")
		if got != tt.want {
			t.Errorf("%s: due %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestPromiseCountsFromOfficeDay: the promise a new request gets names
// the due date counted from the working day the request is received: one
// sent before the office opens or over the weekend is promised the same
// date as one sent on Monday morning (3 working days after Monday).
func TestPromiseCountsFromOfficeDay(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Ho_Chi_Minh")
	const want = "Đã chuyển yêu cầu của ông/bà đến cán bộ xã (số yêu cầu #1). Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này, chậm nhất 17:00 ngày 03/12/2026.\n\nTrong lúc chờ, ông/bà vẫn có thể hỏi tôi các câu khác."
	for _, at := range []string{"2026-11-27 18:00", "2026-11-28 10:00", "2026-11-29 23:30", "2026-11-30 06:00", "2026-11-30 09:00"} {
		h := newOfficerHarness(t)
		h.now, _ = time.ParseInLocation("2006-01-02 15:04", at, loc)
		mine := to(h.say("/canbo tôi muốn khiếu nại cán bộ xã làm sai danh sách hộ nghèo"), "42")
		if len(mine) != 1 || mine[0].Text != want {
			t.Errorf("request at %s: %+v, want %q", at, mine, want)
		}
	}
}
