package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

// TestRestoreSaysWhatItHeld: `ansinh restore` of a backup taken before a
// broadcast's time names the broadcast it held and how to send it anyway,
// and the restored database sends nothing at the next tick.
func TestRestoreSaysWhatItHeld(t *testing.T) {
	cfg := testConfig(t, map[string]string{"ANSINH_QUIET_HOURS": ""})
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().In(cfg.Location).Truncate(time.Minute)
	at := now.Add(-time.Minute)
	err = st.Apply(t.Context(), func(tx bot.Tx) error {
		if err := tx.PutUser(bot.User{Key: bot.UserKey{Channel: bot.ChannelWeb, ID: "w1"}, ChatID: "w1", Created: now, LastSeen: now}); err != nil {
			return err
		}
		return tx.PutReminder(&bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Họp dân thôn Đông",
			At: at, Created: at.Add(-time.Minute), CreatedBy: "cli"})
	})
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "bk.db")
	if err := st.Backup(backup, false); err != nil {
		t.Fatal(err)
	}
	st.Close()

	var out bytes.Buffer
	if err := runRestore(cfg, []string{backup}, &out); err != nil {
		t.Fatal(err)
	}
	want := "held, not sent: broadcasts due since the backup was taken, which the replaced database may already have sent:\n" +
		"  #1  all  lúc " + localTime(at, cfg.Location) + "  due " + localTime(at, cfg.Location) + "  Họp dân thôn Đông\n" +
		"to send it anyway (while within its grace): ansinh reminders resume 1\n"
	if got := out.String(); !strings.HasSuffix(got, want) {
		t.Errorf("restore printed:\n%s\nwant it to end with:\n%s", got, want)
	}
}

// TestRestoreHeldLines: the lines for several held broadcasts and
// personal reminders, at a fixed time.
func TestRestoreHeldLines(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	at := func(s string) time.Time { t, _ := time.ParseInLocation("2006-01-02 15:04", s, loc); return t }
	held := []bot.Reminder{
		{ID: 6, Type: bot.ReminderBroadcast, Audience: "all", Text: "Họp dân thôn Đông", At: at("2026-12-06 17:59"),
			Held: []time.Time{at("2026-12-06 17:59")}},
		{ID: 9, Type: bot.ReminderLoanDay, Owner: bot.UserKey{Channel: bot.ChannelTelegram, ID: "1"}, Day: 6, Text: "riêng"},
		{ID: 11, Type: bot.ReminderBroadcast, Audience: "topic:loan", Text: "Giao dịch NHCSXH", Spec: "0 8,18 * * *",
			Held: []time.Time{at("2026-12-06 08:00"), at("2026-12-06 18:00")}},
	}
	var out bytes.Buffer
	writeHeld(&out, held, loc)
	want := "held, not sent: broadcasts due since the backup was taken, which the replaced database may already have sent:\n" +
		"  #6  all  lúc 06/12/2026 17:59  due 06/12/2026 17:59  Họp dân thôn Đông\n" +
		"  #11  topic:loan  cron 0 8,18 * * *  due 06/12/2026 08:00, 06/12/2026 18:00  Giao dịch NHCSXH\n" +
		"to send one anyway (while within its grace): ansinh reminders resume N, for N in 6, 11\n" +
		"citizens' personal reminders due since the backup, counted as sent and not sent again: 1\n"
	if got := out.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
