package outbox_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestButtonAnswerOvertakesTheChatsQueue: five replies wait for private
// chat 42 (Telegram's limits: a burst of 3, then 0.9 a second), then the
// citizen presses a button. The press's answer (answerCallbackQuery,
// which Telegram does not count as a message to the chat) goes at once,
// before the replies the chat's allowance holds back, so the spinner
// stops; the replies keep their order and the button's own reply comes
// after them. Until session 62 the answer waited behind the two held
// replies, more than two seconds.
func TestButtonAnswerOvertakesTheChatsQueue(t *testing.T) {
	t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	clk := &manualClock{now: t0}
	srv := telegramtest.NewServer(t, telegramtest.WithClock(clk.Now))
	tg, err := telegram.New(context.Background(), telegram.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(), Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.Open(t)
	cfg := outbox.Config{Store: st, Channels: []bot.Channel{tg}, Now: clk.Now,
		Limits: map[string]outbox.Limits{bot.ChannelTelegram: outbox.TelegramLimits}}
	reply := func(text string) bot.Delivery {
		return bot.Delivery{Kind: bot.KindReply, Channel: bot.ChannelTelegram, ChatID: "42", UserID: "42", Text: text, Created: clk.Now()}
	}
	cb := telegramtest.CallbackID(srv.PushCallback(42, 42, 1, "m"))
	enqueue(t, st, reply("một"), reply("hai"), reply("ba"), reply("bốn"), reply("năm"))
	// The press, handled after the five messages: its answer, then its reply.
	enqueue(t, st, bot.Delivery{Kind: bot.KindAck, Channel: bot.ChannelTelegram, ChatID: "42", UserID: "42", CallbackID: cb, Created: clk.Now()},
		reply("danh mục"))
	chat := func() string {
		var out []string
		for _, m := range srv.SentTo(42) {
			out = append(out, m.Plain)
		}
		return strings.Join(out, "|")
	}

	d, stop := runDispatcher(t, cfg)
	defer stop()
	waitFor(t, "the burst and the answer", func() bool { return d.Stats.Sent.Load() == 4 })
	time.Sleep(300 * time.Millisecond) // the clock stands still: nothing more may go
	if a := srv.Answers(); len(a) != 1 || a[0].CallbackID != cb || a[0].Text != "" {
		t.Errorf("answers %+v at t0, want %s answered", a, cb)
	}
	if got := chat(); got != "một|hai|ba" {
		t.Errorf("chat 42 got %q at t0, want the burst of three", got)
	}
	clk.Set(t0.Add(10 * time.Second))
	waitFor(t, "the rest", func() bool { return d.Stats.Sent.Load() == 7 })
	if got := chat(); got != "một|hai|ba|bốn|năm|danh mục" {
		t.Errorf("chat 42 got %q, want the replies in order, the button's last", got)
	}
	if v := srv.Violations(); v != 0 {
		t.Errorf("the fake Bot API counted %d limit violations", v)
	}
}
