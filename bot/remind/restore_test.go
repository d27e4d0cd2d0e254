package remind_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/store"
)

// TestRestoredBackupSendsNothingTwice: a backup taken a minute before a
// broadcast's time, restored after the live database sent it, must not send
// it again (the tester's `reminders sent occurrences=1 enqueued=13` after
// `ansinh restore`). The restore holds it; resuming it sends it once.
func TestRestoredBackupSendsNothingTwice(t *testing.T) {
	dir := t.TempDir()
	path, backup := filepath.Join(dir, "ansinh.db"), filepath.Join(dir, "bk.db")
	live, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	created := at("2026-12-06 17:58")
	seedUsers(t, live, 30, created)
	var once, daily, personal bot.Reminder
	err = live.Apply(context.Background(), func(tx bot.Tx) error {
		once = bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Họp dân thôn Đông", At: at("2026-12-06 18:00"),
			Grace: bot.DefaultGrace, Created: created}
		daily = bot.Reminder{Type: bot.ReminderBroadcast, Audience: "topic:loan", Text: "Giao dịch NHCSXH", Spec: "0 18 * * *",
			Grace: bot.DefaultGrace, Created: created}
		personal = bot.Reminder{Type: bot.ReminderOnce, Owner: bot.UserKey{Channel: bot.ChannelTelegram, ID: "10000"}, ChatID: "10000",
			Text: "Nộp hồ sơ", At: at("2026-12-06 18:00"), Exact: true, Created: created}
		for _, r := range []*bot.Reminder{&once, &daily, &personal} {
			if err := tx.PutReminder(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := live.Backup(backup, false); err != nil { // 17:59
		t.Fatal(err)
	}
	sent, err := remind.NewScheduler(remind.Config{Store: live, Location: hcm, Quiet: quiet}).SendDue(context.Background(), at("2026-12-06 18:00"))
	// all: 30 users, 3 stopped; topic:loan: 10 subscribed, 1 stopped; the owner.
	if err != nil || sent.Enqueued != 27+9+1 {
		t.Fatalf("live run = %+v, %v", sent, err)
	}
	live.Close()

	info, _, err := store.Restore(backup, path, at("2026-12-06 18:05"), hcm)
	if err != nil {
		t.Fatal(err)
	}
	var heldIDs []uint64
	for _, r := range info.Held {
		heldIDs = append(heldIDs, r.ID)
	}
	if want := []uint64{once.ID, daily.ID, personal.ID}; !slices.Equal(heldIDs, want) {
		t.Errorf("restore held %v, want %v", heldIDs, want)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sch := remind.NewScheduler(remind.Config{Store: st, Location: hcm, Quiet: quiet})
	after, err := sch.SendDue(context.Background(), at("2026-12-06 18:06"))
	if err != nil || after.Enqueued != 0 || after.Occurrences != 0 || pending(t, st) != 0 {
		t.Errorf("first run after the restore = %+v, %v; %d rows pending, want none", after, err, pending(t, st))
	}
	r, _ := st.Reminder(once.ID)
	if want := []time.Time{at("2026-12-06 18:00")}; !slices.EqualFunc(r.Held, want, time.Time.Equal) || !r.Active() || r.Finished() {
		t.Errorf("held one-off: held %v, active %v, finished %v", r.Held, r.Active(), r.Finished())
	}
	if p, _ := st.Reminder(personal.ID); !p.Cancelled || len(p.Held) != 0 {
		t.Errorf("personal one-off after the restore: cancelled %v, held %v; want it counted as sent", p.Cancelled, p.Held)
	}

	// An officer resumes the one-off: it goes once, now.
	err = st.Apply(context.Background(), func(tx bot.Tx) error {
		_, changed, err := bot.ChangeReminder(tx, once.ID, bot.ActionResume, "cli", at("2026-12-06 18:10"))
		if err == nil && !changed {
			t.Error("resume of a held broadcast changed nothing")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := st.Reminder(once.ID); !r.Last.IsZero() || len(r.Held) != 0 {
		t.Errorf("resumed one-off: last %v, held %v; want it as before the restore, never sent", r.Last, r.Held)
	}
	before := pending(t, st)
	for i, want := range []int{27, 0} {
		got, err := sch.SendDue(context.Background(), at("2026-12-06 18:11"))
		if err != nil || got.Enqueued != want {
			t.Errorf("run %d after resume = %+v, %v; want %d enqueued", i, got, err, want)
		}
	}
	if n := pending(t, st) - before; n != 27 {
		t.Errorf("resume added %d rows, want 27", n)
	}
	// The daily broadcast's next time goes as usual.
	next, err := sch.SendDue(context.Background(), at("2026-12-07 18:00"))
	if err != nil || next.Enqueued != 9 {
		t.Errorf("next day's run = %+v, %v", next, err)
	}
}
