package outbox_test

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store/storetest"
)

// manualClock is the dispatcher's and the fake Bot API's clock.
type manualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *manualClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *manualClock) Set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }

// TestUrgentAnnouncementAfterRestart: the officers' group -100500 got two
// messages at t0, then the service restarted. At t0+10s three ordinary
// officer rows and then an urgent ticket's announcement wait for the
// group. The new dispatcher counts the two recorded sends instead of
// holding the group for the rest of the minute: the urgent row goes first,
// at t0+10s, two ordinary ones with it (a burst of 3), and the third when
// the group's bucket (17 a minute) has a token again, 60/17 s later. The
// fake Bot API, which enforces Telegram's limits on the same clock,
// counts no violation.
func TestUrgentAnnouncementAfterRestart(t *testing.T) {
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
	row := func(text string, urgent bool) bot.Delivery {
		return bot.Delivery{Kind: bot.KindOfficer, Channel: bot.ChannelTelegram, ChatID: "-100500", IsGroup: true,
			Urgent: urgent, Text: text, Created: clk.Now()}
	}
	group := func() []string {
		var out []string
		for _, m := range srv.SentTo(-100500) {
			out = append(out, m.Plain)
		}
		return out
	}

	enqueue(t, st, row("trước 1", false), row("trước 2", false))
	d, stop := runDispatcher(t, cfg)
	waitFor(t, "the sends before the restart", func() bool { return d.Stats.Sent.Load() == 2 })
	stop()

	clk.Set(t0.Add(10 * time.Second))
	enqueue(t, st, row("thường 1", false), row("thường 2", false), row("thường 3", false), row("🚨 KHẨN CẤP #7", true))
	d, stop = runDispatcher(t, cfg)
	defer stop()
	waitFor(t, "three sends at t0+10s", func() bool { return d.Stats.Sent.Load() == 3 })
	time.Sleep(300 * time.Millisecond) // the clock stands still: nothing more may go
	if got, want := group(), []string{"trước 1", "trước 2", "🚨 KHẨN CẤP #7", "thường 1", "thường 2"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("the group received %q by t0+10s, want %q", got, want)
	}
	perToken := time.Minute / 17 // the group's rate, 17 a minute
	next := t0.Add(10*time.Second + perToken)
	clk.Set(next.Add(-100 * time.Millisecond))
	time.Sleep(400 * time.Millisecond)
	if n := d.Stats.Sent.Load(); n != 3 {
		t.Errorf("%d sends before the group's next token (%s), want 3", n, next.Format("15:04:05.000"))
	}
	clk.Set(next.Add(time.Millisecond))
	waitFor(t, "the last row once the token is there", func() bool { return d.Stats.Sent.Load() == 4 })
	if got := group(); len(got) != 6 || got[5] != "thường 3" {
		t.Errorf("the group received %q", got)
	}
	if v := srv.Violations(); v != 0 {
		t.Errorf("the fake Bot API counted %d limit violations", v)
	}
}
