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
