package main

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store"
)

// Four chats flooded 5,000 replies each into the outbox, two on Telegram
// (held back by its limits) and two on the web chat (which has none, so
// the dispatcher may always send to them). A Telegram newcomer who writes
// afterwards must be answered within 2 s through the real dispatcher,
// client and fake, with Telegram's limits on, not after the backlog.
func TestFloodingChatsDoNotStarveANewcomer(t *testing.T) {
	srv := telegramtest.NewServer(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "flood.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	start := time.Now().Add(-time.Minute)
	for batch := range 40 {
		err := st.Apply(ctx, func(tx bot.Tx) error {
			for i := range 500 {
				n := batch*500 + i
				ch := bot.ChannelTelegram
				if n%4 >= 2 {
					ch = bot.ChannelWeb
				}
				d := bot.Delivery{Kind: bot.KindReply, Channel: ch, ChatID: fmt.Sprint(100 + n%4),
					Text: fmt.Sprintf("Trả lời số %d", n), Created: start.Add(time.Duration(n) * time.Millisecond)}
				if _, err := tx.Enqueue(&d); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tg, err := telegram.New(ctx, telegram.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	d := outbox.NewDispatcher(outbox.Config{Store: st, Channels: []bot.Channel{tg, web.NewMailbox()},
		Limits: map[string]outbox.Limits{bot.ChannelTelegram: outbox.TelegramLimits}})
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); d.Run(runCtx) }()
	defer func() { cancel(); <-done }()
	// Let the flood take the limiters' bursts first.
	for len(srv.Sent()) < 6 {
		time.Sleep(5 * time.Millisecond)
	}
	const newcomer = 777
	asked := time.Now()
	err = st.Apply(ctx, func(tx bot.Tx) error {
		r := bot.Delivery{Kind: bot.KindReply, Channel: bot.ChannelTelegram, ChatID: fmt.Sprint(newcomer),
			Text: "Dạ, tôi xin trả lời ông/bà.", Created: asked}
		_, err := tx.Enqueue(&r)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d.Wake()
	for len(srv.SentTo(newcomer)) == 0 {
		if time.Since(asked) > 2*time.Second {
			t.Fatalf("newcomer not answered within 2 s (%d flood messages sent meanwhile)", d.Stats.Sent.Load())
		}
		time.Sleep(time.Millisecond)
	}
	got := srv.SentTo(newcomer)[0]
	t.Logf("newcomer answered %v after the reply was enqueued", got.Time.Sub(asked).Round(time.Millisecond))
	if got.Text != "Dạ, tôi xin trả lời ông/bà." {
		t.Errorf("newcomer got %q", got.Text)
	}
	if v := srv.Violations(); v != 0 {
		t.Errorf("the fake counted %d limit violations", v)
	}
}
