package bot_test

import (
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/bottest"
)

// The reminder tests' zone, clock and quiet hours (bot/bottest).
var (
	hcm   = bottest.HCM
	at    = bottest.At
	quiet = bottest.Quiet
)

func fmtTimes(ts []time.Time) string {
	out := ""
	for _, t := range ts {
		out += t.In(hcm).Format("2006-01-02 15:04") + ";"
	}
	return out
}

func TestLoanDayAtMonthEnd(t *testing.T) {
	r := bot.Reminder{Type: bot.ReminderLoanDay, Day: 31}
	got := fmtTimes(r.Occurrences(at("2027-01-01 00:00"), at("2027-05-01 00:00"), hcm, 100))
	want := "2027-01-31 08:00;2027-02-28 08:00;2027-03-31 08:00;2027-04-30 08:00;"
	if got != want {
		t.Errorf("day 31 = %s, want %s", got, want)
	}
	leap := bot.Reminder{Type: bot.ReminderLoanDay, Day: 30}
	if got := fmtTimes(leap.Occurrences(at("2028-02-01 00:00"), at("2028-03-01 00:00"), hcm, 10)); got != "2028-02-29 08:00;" {
		t.Errorf("day 30 in a leap February = %s", got)
	}
}

func TestBHYTExpiryAndOneOff(t *testing.T) {
	r := bot.Reminder{Type: bot.ReminderBHYTExpiry, Expiry: at("2026-12-31 00:00")}
	if got := fmtTimes(r.Occurrences(at("2026-01-01 00:00"), at("2027-12-31 00:00"), hcm, 10)); got != "2026-12-01 08:00;2026-12-24 08:00;" {
		t.Errorf("expiry reminders = %s", got)
	}
	once := bot.Reminder{Type: bot.ReminderOnce, At: at("2026-11-28 09:15")}
	if got := fmtTimes(once.Occurrences(at("2026-11-27 00:00"), at("2026-11-29 00:00"), hcm, 10)); got != "2026-11-28 09:15;" {
		t.Errorf("one-off = %s", got)
	}
	cron := bot.Reminder{Type: bot.ReminderBroadcast, Spec: "0 8 15 * *", Until: at("2027-01-31 00:00")}
	if got := fmtTimes(cron.Occurrences(at("2026-11-20 00:00"), at("2027-06-01 00:00"), hcm, 10)); got != "2026-12-15 08:00;2027-01-15 08:00;" {
		t.Errorf("cron until = %s", got)
	}
}

// Asia/Ho_Chi_Minh has no daylight saving: 08:00 local is 01:00 UTC all year.
func TestNoDaylightSaving(t *testing.T) {
	r := bot.Reminder{Type: bot.ReminderLoanDay, Day: 15}
	for _, o := range r.Occurrences(at("2026-01-01 00:00"), at("2027-01-01 00:00"), hcm, 20) {
		if u := o.UTC(); u.Hour() != 1 || u.Minute() != 0 {
			t.Errorf("%s is %s UTC", o, u)
		}
	}
}

func TestQuietHoursBoundary(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2026-11-27 20:59", "2026-11-27 20:59"},
		{"2026-11-27 21:00", "2026-11-28 07:00"},
		{"2026-11-27 23:30", "2026-11-28 07:00"},
		{"2026-11-28 00:00", "2026-11-28 07:00"},
		{"2026-11-28 06:59", "2026-11-28 07:00"},
		{"2026-11-28 07:00", "2026-11-28 07:00"},
	}
	for _, tt := range tests {
		if got := quiet.Defer(at(tt.in), hcm).In(hcm).Format("2006-01-02 15:04"); got != tt.want {
			t.Errorf("Defer(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if got := (bot.QuietHours{}).Defer(at("2026-11-27 23:00"), hcm); !got.Equal(at("2026-11-27 23:00")) {
		t.Errorf("disabled quiet hours moved %s", got)
	}
}

// TestDue: a new reminder's occurrences count from its creation, a sent
// one's from Last; grace is the reminder's own or DefaultGrace.
func TestDue(t *testing.T) {
	r := bot.Reminder{Type: bot.ReminderBroadcast, Spec: "0 8 * * *", Created: at("2027-03-01 08:00")}
	now := at("2027-03-03 09:00")
	occs, grace := r.Due(now, hcm)
	if got := fmtTimes(occs); got != "2027-03-01 08:00;2027-03-02 08:00;2027-03-03 08:00;" || grace != bot.DefaultGrace {
		t.Errorf("new reminder: Due = %s, %s; want the three from its creation, %s", got, grace, bot.DefaultGrace)
	}
	r.Last, r.Grace = at("2027-03-02 08:00"), time.Hour
	occs, grace = r.Due(now, hcm)
	if got := fmtTimes(occs); got != "2027-03-03 08:00;" || grace != time.Hour {
		t.Errorf("after 2027-03-02 08:00: Due = %s, %s; want the one after Last, 1h", got, grace)
	}
}
