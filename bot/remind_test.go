package bot_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

var hcm = mustLoc("Asia/Ho_Chi_Minh")

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, hcm)
	if err != nil {
		panic(err)
	}
	return t
}

var quiet = bot.QuietHours{From: 21 * time.Hour, To: 7 * time.Hour}

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

// seedUsers writes n users; every third is subscribed to loan, one in ten
// has stopped, one Zalo OA user has been silent for three days.
func seedUsers(tb testing.TB, st *store.Store, n int, now time.Time) {
	tb.Helper()
	for i := 0; i < n; i += 5000 {
		err := st.Apply(context.Background(), func(tx bot.Tx) error {
			for j := i; j < min(i+5000, n); j++ {
				id := fmt.Sprint(10000 + j)
				u := bot.User{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: id}, ChatID: id, Created: now, LastSeen: now}
				if j%3 == 0 {
					u.Subscriptions = []string{"loan"}
				}
				if j%10 == 9 {
					u.Stopped = true
				}
				if err := tx.PutUser(u); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

func pending(tb testing.TB, st *store.Store) int {
	s, err := st.OutboxStats()
	if err != nil {
		tb.Fatal(err)
	}
	return s.Pending
}

func TestSendDueOnceAcrossTicksAndRestarts(t *testing.T) {
	st := mustStore(t)
	now := at("2026-11-27 10:00")
	seedUsers(t, st, 30, now)
	err := st.Apply(context.Background(), func(tx bot.Tx) error {
		oa := bot.User{Key: bot.UserKey{Channel: bot.ChannelZaloOA, ID: "oa1"}, ChatID: "oa1", Subscriptions: []string{"loan"}, LastSeen: now.Add(-72 * time.Hour)}
		if err := tx.PutUser(oa); err != nil {
			return err
		}
		// Due at 08:00 and 09:00 while the service was down; created yesterday.
		r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: "topic:loan", Text: "Phiên giao dịch NHCSXH tại xã", Spec: "0 8,9 * * *",
			Created: now.Add(-20 * time.Hour), Grace: 90 * time.Minute}
		return tx.PutReminder(&r)
	})
	if err != nil {
		t.Fatal(err)
	}
	sch := bot.NewScheduler(bot.SchedulerConfig{Store: st, Location: hcm, Quiet: quiet})
	stats, err := sch.SendDue(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	// 08:00 is older than the grace period; 09:00 goes: 10 subscribed, 1 of them stopped.
	if stats.Expired != 1 || stats.Occurrences != 1 || stats.Enqueued != 9 {
		t.Errorf("first run = %+v", stats)
	}
	if stats.Skipped["stopped"] != 1 || stats.Skipped[bot.ReasonOutsideWindow] != 1 {
		t.Errorf("skipped = %v", stats.Skipped)
	}
	if r, _ := st.Reminder(1); r.LastSent != 9 || r.LastSkipped[bot.ReasonOutsideWindow] != 1 {
		t.Errorf("recorded on the reminder: sent %d, skipped %v", r.LastSent, r.LastSkipped)
	}
	// The clock ticks again at the same minute, and after a restart.
	for range 2 {
		again, err := sch.SendDue(context.Background(), now)
		if err != nil || again.Enqueued != 0 {
			t.Errorf("repeat run = %+v, %v", again, err)
		}
	}
	if n := pending(t, st); n != 9 {
		t.Errorf("%d rows pending, want 9", n)
	}
	// A crash after the rows were committed but before progress was saved:
	// the rerun finds every key taken.
	r, _ := st.Reminder(1)
	r.Last = time.Time{}
	r.Grace = 48 * time.Hour
	if err := st.PutReminder(&r); err != nil {
		t.Fatal(err)
	}
	rerun, err := sch.SendDue(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	if rerun.Duplicates != 9 || pending(t, st) != 9+rerun.Enqueued {
		t.Errorf("rerun after lost progress = %+v", rerun)
	}
}

func TestReminderDueAtNightWaitsForMorning(t *testing.T) {
	st := mustStore(t)
	now := at("2026-11-27 22:30")
	seedUsers(t, st, 1, now)
	err := st.Apply(context.Background(), func(tx bot.Tx) error {
		r := bot.Reminder{Type: bot.ReminderOnce, Owner: bot.UserKey{Channel: bot.ChannelTelegram, ID: "10000"}, ChatID: "10000",
			Text: "Đóng lãi", At: at("2026-11-27 22:00"), Created: now.Add(-time.Hour)}
		return tx.PutReminder(&r)
	})
	if err != nil {
		t.Fatal(err)
	}
	sch := bot.NewScheduler(bot.SchedulerConfig{Store: st, Location: hcm, Quiet: quiet})
	if _, err := sch.SendDue(context.Background(), now); err != nil {
		t.Fatal(err)
	}
	if rows, _ := st.Due(at("2026-11-28 06:59"), 10, nil); len(rows) != 0 {
		t.Errorf("a reminder is due during quiet hours: %+v", rows)
	}
	rows, _ := st.Due(at("2026-11-28 07:00"), 10, nil)
	if len(rows) != 1 || rows[0].Kind != bot.KindReminder {
		t.Errorf("rows due at 07:00 = %+v", rows)
	}
	if r, _ := st.Reminder(1); !r.Cancelled {
		t.Error("a one-off reminder stays active after firing")
	}
}
