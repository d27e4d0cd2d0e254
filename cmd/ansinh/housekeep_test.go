package main

import (
	"context"
	"io"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
)

// The scheduled housekeeping forgets update ids only after every
// platform's redelivery window, and inbound allowances and unfetched web
// replies after theirs.
func TestHousekeepKeepsRedeliveryWindows(t *testing.T) {
	if seenRetention <= 24*time.Hour || seenRetention <= zalo.OAEventMaxAge {
		t.Fatalf("seenRetention %v is within a platform's redelivery window", seenRetention)
	}
	a, err := openApp(testConfig(t, nil), newLogger(io.Discard), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.store.Close()
	now := time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC)
	err = a.store.Apply(context.Background(), func(tx bot.Tx) error {
		for id, at := range map[string]time.Time{"old": now.Add(-8 * 24 * time.Hour), "day": now.Add(-25 * time.Hour), "new": now} {
			if _, err := tx.MarkSeen(bot.ChannelTelegram, id, at); err != nil {
				return err
			}
		}
		if err := tx.PutChatLoad(bot.ChannelWeb, "idle", bot.ChatLoad{Tokens: 3, At: now.Add(-2 * time.Hour)}); err != nil {
			return err
		}
		// The conversation log keeps ANSINH_RETENTION_DAYS (365 by default).
		for _, at := range []time.Time{now.AddDate(0, 0, -366), now.AddDate(0, 0, -364)} {
			if err := tx.Log(bot.LogRecord{Time: at, Channel: bot.ChannelWeb, ChatID: "old-chat", UserID: "old-chat", Inbound: true, Text: "xin chào"}); err != nil {
				return err
			}
		}
		return tx.PutChatLoad(bot.ChannelWeb, "busy", bot.ChatLoad{Tokens: 3, At: now.Add(-time.Minute)})
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.PutWebMail("chat-gone-0001", bot.WebMail{Text: "cũ", Time: now.Add(-15 * 24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.PutWebMail("chat-here-0001", bot.WebMail{Text: "mới", Time: now.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	got, err := a.housekeep(now)
	if err != nil {
		t.Fatal(err)
	}
	if want := (housekept{Seen: 1, Loads: 1, WebMail: 1, Logs: 1}); got != want {
		t.Errorf("housekeep = %+v, want %+v", got, want)
	}
	// The day-old update is still recognised as a redelivery.
	err = a.store.Apply(context.Background(), func(tx bot.Tx) error {
		for id, want := range map[string]bool{"old": true, "day": false, "new": false} {
			fresh, err := tx.MarkSeen(bot.ChannelTelegram, id, now)
			if err != nil {
				return err
			}
			if fresh != want {
				t.Errorf("update %s: fresh = %v, want %v", id, fresh, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if left, _ := a.store.WebMail("chat-here-0001", 0); len(left) != 1 {
		t.Errorf("a recent unfetched reply was pruned")
	}
	if logs, _ := a.store.Logs(bot.ChannelWeb, "old-chat", 10); len(logs) != 1 || !logs[0].Time.Equal(now.AddDate(0, 0, -364)) {
		t.Errorf("conversation log after housekeeping = %+v, want the record of 364 days ago only", logs)
	}
}

// TestPrivacyAnswerTellsTheRetention holds the privacy answer, which tells
// citizens their messages are kept about a year, to the default of
// ANSINH_RETENTION_DAYS that the housekeeping purges by.
func TestPrivacyAnswerTellsTheRetention(t *testing.T) {
	cfg, err := configFromEnv(testEnv(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RetentionDays != 365 {
		t.Fatalf("default retention %d days; the privacy answer says about a year", cfg.RetentionDays)
	}
	yaml, err := fs.ReadFile(testConfig(t, nil).contentFS(), "smalltalk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(yaml), "khoảng một năm rồi tự xóa") {
		t.Error("chat-privacy's answer does not say messages are kept about a year")
	}
}
