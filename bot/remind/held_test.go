package remind_test

import (
	"context"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestHeldBroadcastCanBeStopped: a broadcast whose time fell in quiet
// hours ("reminders add ... --at 21:06") was listed as waiting for 07:00,
// yet cancel and pause answered "has been sent ... nothing is left to
// cancel", though nothing had been delivered. Until its rows go, a
// cancel withdraws them in one transaction and says how many went
// already, a pause holds them and a resume puts them back after quiet
// hours; past the grace they are withdrawn as missed.
func TestHeldBroadcastCanBeStopped(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	seedUsers(t, st, 10, at("2026-12-06 08:00")) // 9 reachable: the tenth stopped
	var ids []uint64
	err := st.Apply(ctx, func(tx bot.Tx) error {
		for _, when := range []string{"2026-12-06 21:06", "2026-12-06 21:07", "2026-12-06 21:08", "2026-12-06 20:30"} {
			r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Thử giờ yên lặng " + when, At: at(when),
				Grace: bot.DefaultGrace, Created: at("2026-12-06 20:00"), CreatedBy: "cli"}
			if err := tx.PutReminder(&r); err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sch := remind.NewScheduler(remind.Config{Store: st, Location: hcm, Quiet: quiet})
	for _, tick := range []string{"2026-12-06 20:30", "2026-12-06 21:08"} {
		if _, err := sch.SendDue(ctx, at(tick)); err != nil {
			t.Fatal(err)
		}
	}
	// #4 went at 20:30 to 3 of its 9 before quiet hours began.
	due, err := st.Due(at("2026-12-06 20:30"), 3, nil)
	if err != nil || len(due) != 3 {
		t.Fatalf("due at 20:30 = %d, %v", len(due), err)
	}
	var outs []bot.Outcome
	for _, d := range due {
		outs = append(outs, bot.Outcome{ID: d.ID, Sent: true, At: at("2026-12-06 20:31")})
	}
	if err := st.Complete(ctx, outs); err != nil {
		t.Fatal(err)
	}

	change := func(id uint64, action, now string) (bot.Reminder, bool, error) {
		var r bot.Reminder
		var changed bool
		err := st.Apply(ctx, func(tx bot.Tx) error {
			var err error
			r, changed, err = bot.ChangeBroadcast(tx, id, action, "cli", at(now), quiet, hcm)
			return err
		})
		return r, changed, err
	}
	mustChange := func(id uint64, action, now string) bot.Reminder {
		t.Helper()
		r, changed, err := change(id, action, now)
		if err != nil || !changed {
			t.Fatalf("%s #%d at %s: changed %v, %v", action, id, now, changed, err)
		}
		return r
	}

	// Cancel #1 at 21:30: its 9 rows are withdrawn, none had gone.
	r := mustChange(ids[0], bot.ActionCancel, "2026-12-06 21:30")
	if r.Withdrawn != 9 || r.Gone != 0 {
		t.Errorf("cancel #1: withdrawn %d, gone %d; want 9, 0", r.Withdrawn, r.Gone)
	}
	if _, changed, err := change(ids[0], bot.ActionCancel, "2026-12-06 21:31"); err != nil || changed {
		t.Errorf("second cancel #1: changed %v, %v; want a no-op", changed, err)
	}
	// Cancel #4 at 21:30: 6 withdrawn, 3 had gone.
	r = mustChange(ids[3], bot.ActionCancel, "2026-12-06 21:30")
	if r.Withdrawn != 6 || r.Gone != 3 {
		t.Errorf("cancel #4: withdrawn %d, gone %d; want 6, 3", r.Withdrawn, r.Gone)
	}
	// Pause #2 at 21:30, resume it at 22:00: its rows go at 07:00.
	if r = mustChange(ids[1], bot.ActionPause, "2026-12-06 21:30"); !r.Paused {
		t.Errorf("pause #2: not paused")
	}
	// Pause #3 at 21:30, resume it at 10:00 two days later: past its grace.
	mustChange(ids[2], bot.ActionPause, "2026-12-06 21:30")

	byReminder := func(now time.Time) map[uint64]int {
		due, err := st.Due(now, 1000, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := map[uint64]int{}
		for _, d := range due {
			for _, id := range ids {
				if len(d.Key) > len(bot.ReminderRowPrefix(id)) && d.Key[:len(bot.ReminderRowPrefix(id))] == bot.ReminderRowPrefix(id) {
					n[id]++
				}
			}
		}
		return n
	}
	if n := byReminder(at("2026-12-07 07:00")); len(n) != 0 {
		t.Errorf("due at 07:00 with #2 and #3 paused: %v, want nothing", n)
	}
	r = mustChange(ids[1], bot.ActionResume, "2026-12-06 22:00")
	if r.Paused || !r.SendFrom.Equal(at("2026-12-07 07:00")) {
		t.Errorf("resume #2: paused %v, SendFrom %v; want 07:00", r.Paused, r.SendFrom)
	}
	if n := byReminder(at("2026-12-07 06:59")); len(n) != 0 {
		t.Errorf("due at 06:59: %v, want nothing (quiet hours)", n)
	}
	if n := byReminder(at("2026-12-07 07:00")); n[ids[1]] != 9 || len(n) != 1 {
		t.Errorf("due at 07:00: %v, want #2's 9 rows only", n)
	}
	r = mustChange(ids[2], bot.ActionResume, "2026-12-08 10:00")
	if !r.LastMissed {
		t.Errorf("resume #3 past its grace: not missed")
	}
	if n := byReminder(at("2026-12-08 10:00")); n[ids[2]] != 0 {
		t.Errorf("due after #3's resume past its grace: %v, want none of #3", n)
	}
	_, reasons, err := st.DeadLetters()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, why := range reasons {
		count[why]++
	}
	if count[bot.WithdrawnReason] != 15 || count[bot.MissedReason] != 9 {
		t.Errorf("dead letters %v, want 15 withdrawn and 9 missed", count)
	}
	// The sent one-off with nothing left is still refused as sent.
	for _, id := range []uint64{ids[3]} {
		if _, _, err := change(id, bot.ActionPause, "2026-12-06 21:40"); err == nil {
			t.Errorf("pause of cancelled #%d: no refusal", id)
		}
	}
}
