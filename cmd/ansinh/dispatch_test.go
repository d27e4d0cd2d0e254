package main

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store"
)

// fillOutbox enqueues n reminder rows spread over chats (negative ids are
// groups).
func fillOutbox(tb testing.TB, st *store.Store, n, chats, groups int) {
	tb.Helper()
	for i := 0; i < n; i += 500 {
		err := st.Apply(context.Background(), func(tx bot.Tx) error {
			for j := i; j < min(i+500, n); j++ {
				chat, group := strconv.Itoa(1000+j%chats), false
				if groups > 0 && j%chats < groups {
					chat, group = strconv.Itoa(-1000-j%chats), true
				}
				d := bot.Delivery{Kind: bot.KindReminder, Channel: bot.ChannelTelegram, ChatID: chat, IsGroup: group,
					Text: fmt.Sprintf("Thông báo số %d: lịch giao dịch của Ngân hàng Chính sách xã hội tại xã.", j), Created: time.Now()}
				if _, err := tx.Enqueue(&d); err != nil {
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

// runTelegramDispatch sends n rows through the real client to the fake and
// returns the elapsed time.
func runTelegramDispatch(tb testing.TB, srv *telegramtest.Server, limits map[string]outbox.Limits, inFlight, n, chats, groups int) time.Duration {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "d.db"))
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	fillOutbox(tb, st, n, chats, groups)
	ctx := context.Background()
	tg, err := telegram.New(ctx, telegram.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		tb.Fatal(err)
	}
	d := outbox.NewDispatcher(outbox.Config{Store: st, Channels: []bot.Channel{tg}, Limits: limits, InFlight: inFlight})
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	start := time.Now()
	go func() { defer close(done); d.Run(runCtx) }()
	for d.Stats.Sent.Load() < int64(n) {
		if time.Since(start) > 5*time.Minute {
			tb.Fatalf("sent %d of %d", d.Stats.Sent.Load(), n)
		}
		time.Sleep(2 * time.Millisecond)
	}
	elapsed := time.Since(start)
	cancel()
	<-done
	return elapsed
}

// TestDispatchRespectsTelegramLimits sends to many chats and some groups
// through a fake that enforces Telegram's limits: no 429 may come back.
func TestDispatchRespectsTelegramLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("sends for several seconds at the real rate")
	}
	srv := telegramtest.NewServer(t)
	runTelegramDispatch(t, srv, map[string]outbox.Limits{bot.ChannelTelegram: outbox.TelegramLimits}, 4, 120, 30, 2)
	if v := srv.Violations(); v != 0 {
		t.Errorf("the fake counted %d limit violations", v)
	}
	if got := len(srv.Sent()); got != 120 {
		t.Errorf("fake received %d messages, want 120", got)
	}
}

// BenchmarkTelegramDispatch measures sends/s through the real client and
// the fake Bot API: with limits off (docs/architecture.md §8: ≥ 2,000/s) at the
// default of one unconfirmed send and pipelined, and with Telegram's limits
// on (target: within 5% of 25/s, no violations).
func BenchmarkTelegramDispatch(b *testing.B) {
	for _, inFlight := range []int{1, 8} {
		b.Run(fmt.Sprintf("limits=off/inflight=%d", inFlight), func(b *testing.B) {
			srv := telegramtest.NewServer(b, telegramtest.WithoutLimits())
			el := runTelegramDispatch(b, srv, nil, inFlight, b.N, 1000, 0)
			b.ReportMetric(float64(b.N)/el.Seconds(), "sends/s")
		})
	}
	b.Run("limits=on", func(b *testing.B) {
		srv := telegramtest.NewServer(b)
		el := runTelegramDispatch(b, srv, map[string]outbox.Limits{bot.ChannelTelegram: outbox.TelegramLimits}, 4, b.N, 1000, 0)
		b.ReportMetric(float64(b.N)/el.Seconds(), "sends/s")
		b.ReportMetric(float64(srv.Violations()), "violations")
	})
}
