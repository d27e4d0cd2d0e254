package remind_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/bottest"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

// The reminder tests' zone, clock and quiet hours (bot/bottest).
var (
	hcm   = bottest.HCM
	at    = bottest.At
	quiet = bottest.Quiet
)

// The store implements the scheduler's interface structurally.
var _ remind.Store = (*store.Store)(nil)

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
	st := storetest.Open(t)
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
	sch := remind.NewScheduler(remind.Config{Store: st, Location: hcm, Quiet: quiet})
	stats, err := sch.SendDue(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	// 08:00 is older than the grace period; 09:00 goes: 10 subscribed, 1 of them stopped.
	if stats.Expired != 1 || stats.Occurrences != 1 || stats.Enqueued != 9 {
		t.Errorf("first run = %+v", stats)
	}
	if stats.Skipped["stopped"] != 1 || stats.Skipped[remind.ReasonOutsideWindow] != 1 {
		t.Errorf("skipped = %v", stats.Skipped)
	}
	if r, _ := st.Reminder(1); r.LastSent != 9 || r.LastSkipped[remind.ReasonOutsideWindow] != 1 {
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
	st := storetest.Open(t)
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
	sch := remind.NewScheduler(remind.Config{Store: st, Location: hcm, Quiet: quiet})
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

// TestPersonalReminderReadsItsOwner: a personal reminder goes to its owner
// only, once per occurrence, and ends the owner's ask-back in the same
// transaction; an owner who stopped is counted, one who is gone gets
// nothing and is not counted.
func TestPersonalReminderReadsItsOwner(t *testing.T) {
	st := storetest.Open(t)
	now := at("2026-11-27 10:00")
	seedUsers(t, st, 20, now) // 10009 and 10019 stopped
	owner := bot.UserKey{Channel: bot.ChannelTelegram, ID: "10003"}
	err := st.Apply(context.Background(), func(tx bot.Tx) error {
		u, err := tx.User(owner)
		if err != nil {
			return err
		}
		u.Dialog.Buttons, u.Dialog.Asking = []bot.Button{{Label: "Vay vốn làm nhà", Data: "e:loan_house"}}, true
		if err := tx.PutUser(u); err != nil {
			return err
		}
		for _, id := range []string{"10003", "10009", "gone"} {
			r := bot.Reminder{Type: bot.ReminderOnce, Owner: bot.UserKey{Channel: bot.ChannelTelegram, ID: id}, ChatID: id,
				Text: "Đóng lãi " + id, At: at("2026-11-27 09:55"), Created: now.Add(-time.Hour)}
			if err := tx.PutReminder(&r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sch := remind.NewScheduler(remind.Config{Store: st, Location: hcm, Quiet: quiet})
	stats, err := sch.SendDue(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Occurrences != 3 || stats.Enqueued != 1 || stats.Duplicates != 0 || fmt.Sprint(stats.Skipped) != "map[stopped:1]" {
		t.Errorf("run = %+v, want 3 occurrences, 1 row, 1 stopped", stats)
	}
	rows, err := st.Due(now, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].ChatID != "10003" || rows[0].Text != "⏰ Nhắc lịch: Đóng lãi 10003" {
		t.Errorf("rows = %+v, want one to chat 10003", rows)
	}
	if u, err := st.User(owner); err != nil || u.Dialog.Asking || u.Dialog.Buttons != nil {
		t.Errorf("owner's dialog after the reminder = %+v, %v; want the ask-back ended", u.Dialog, err)
	}
	if again, err := sch.SendDue(context.Background(), now); err != nil || again.Occurrences != 0 || pending(t, st) != 1 {
		t.Errorf("second run = %+v, %v; %d rows pending, want 1", again, err, pending(t, st))
	}
}
