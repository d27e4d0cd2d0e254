package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/store"
)

// TestCLIConfirmsWithServesQuietHours: serve ran with quiet hours off
// (ANSINH_QUIET_HOURS=) and the operator's shell with the default; the
// CLI confirmed "gửi lúc 07:00" for a broadcast serve sent at 21:02. The
// confirmation comes with serve's quiet hours now.
func TestCLIConfirmsWithServesQuietHours(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ansinh.db")
	_, stop := startServe(t, map[string]string{"ANSINH_DB": db, "ANSINH_QUIET_HOURS": ""})
	defer stop()
	cli := testConfig(t, map[string]string{"ANSINH_DB": db}) // the default, 21:00-07:00
	if q, err := cli.quiet(); err != nil || q.From != 21*time.Hour {
		t.Fatalf("the CLI's own quiet hours = %+v, %v; want the default", q, err)
	}
	day := time.Now().In(cli.Location).AddDate(0, 0, 2)
	at := time.Date(day.Year(), day.Month(), day.Day(), 21, 2, 0, 0, cli.Location)
	var out bytes.Buffer
	err := runReminders(context.Background(), cli, []string{"add", "--audience", "all", "--text", "Họp dân thôn Đông",
		"--at", at.Format("2006-01-02 15:04")}, &out)
	if err != nil {
		t.Fatal(err)
	}
	want := "Lần gửi tới: " + at.Format("02/01/2006 15:04") + "\n"
	if got := out.String(); !strings.HasSuffix(got, want) || strings.Contains(got, "giờ yên lặng") {
		t.Errorf("add through serve:\n%s\nwant it to end with %q and name no quiet hours", got, want)
	}
}

// TestCLICancelsHeldBroadcast: `reminders cancel 7` on a broadcast whose
// rows wait for quiet hours to end answered "has been sent ... nothing is
// left to cancel". It withdraws them and says how many.
func TestCLICancelsHeldBroadcast(t *testing.T) {
	cfg := testConfig(t, map[string]string{"ANSINH_DB": filepath.Join(t.TempDir(), "ansinh.db")})
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Now().In(cfg.Location).AddDate(0, 0, -1)
	at := time.Date(day.Year(), day.Month(), day.Day(), 21, 6, 0, 0, cfg.Location)
	now := time.Now()
	err = st.Apply(context.Background(), func(tx bot.Tx) error {
		for _, id := range []string{"w1", "w2"} {
			if err := tx.PutUser(bot.User{Key: bot.UserKey{Channel: bot.ChannelWeb, ID: id}, ChatID: id, Created: now, LastSeen: now}); err != nil {
				return err
			}
		}
		r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Thử giờ yên lặng", At: at,
			Grace: bot.DefaultGrace, Created: at.Add(-time.Hour), CreatedBy: "cli"}
		return tx.PutReminder(&r)
	})
	if err != nil {
		t.Fatal(err)
	}
	quiet, _ := cfg.quiet()
	if s, err := remind.NewScheduler(remind.Config{Store: st, Location: cfg.Location, Quiet: quiet}).SendDue(context.Background(), at); err != nil || s.Enqueued != 2 {
		t.Fatalf("tick = %+v, %v", s, err)
	}
	st.Close()
	// It is past 07:00 now: the scheduler was not given the time, so the
	// rows still wait, as they would have at 21:30.
	var out bytes.Buffer
	if err := runReminders(context.Background(), cfg, []string{"cancel", "1"}, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.HasPrefix(got, "Đã hủy lịch nhắc #1.\n#1  Đã hủy  all  lúc "+at.Format("02/01/2006 15:04")+"  —  hủy khi đang chờ gửi: rút lại 2 tin, 0 tin đã đi") ||
		!strings.HasSuffix(got, "Đã rút lại 2 tin chưa gửi; 0 tin đã đi trước khi hủy.\n") {
		t.Errorf("cancel:\n%s", got)
	}
	st, err = store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if s, err := st.OutboxStats(); err != nil || s.Pending != 0 || s.Dead != 2 {
		t.Errorf("outbox after the cancel = %+v, %v; want 0 pending, 2 withdrawn", s, err)
	}
}
