package telegram_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *fakeClock) Add(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

func withClock(clk *fakeClock) func(*telegram.Config) {
	return func(cfg *telegram.Config) { cfg.Now = clk.Now }
}

// A 429 on the typing indicator holds the chat's messages until its
// retry_after has passed: the next message is not sent into a second 429.
func TestTypingRetryAfterHoldsTheChat(t *testing.T) {
	srv := telegramtest.NewServer(t)
	clk := &fakeClock{now: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)}
	c := newClient(t, srv, withClock(clk))
	srv.FailNext("sendChatAction", 1, telegramtest.TooManyRequests(7))

	c.Typing(context.Background(), "42")
	_, err := c.Send(context.Background(), reply(42, "Dạ, tôi trả lời ạ."))
	var rl *bot.RateLimitError
	if !errors.As(err, &rl) || rl.Global || rl.RetryAfter != 7*time.Second {
		t.Fatalf("Send right after the refused chat action: err = %v, want a per-chat rate limit of 7s", err)
	}
	if n := srv.Calls("sendMessage"); n != 0 {
		t.Fatalf("%d sendMessage calls during the wait, want 0", n)
	}
	// Another chat is not held.
	if _, err := c.Send(context.Background(), reply(43, "Chat khác.")); err != nil {
		t.Fatalf("Send to another chat: %v", err)
	}
	// A second chat action in the held chat is not attempted either.
	clk.Add(5 * time.Second)
	c.Typing(context.Background(), "42")
	if n := srv.Calls("sendChatAction"); n != 1 {
		t.Errorf("%d sendChatAction calls, want only the refused one", n)
	}
	_, err = c.Send(context.Background(), reply(42, "Dạ, tôi trả lời ạ."))
	if !errors.As(err, &rl) || rl.RetryAfter != 2*time.Second {
		t.Fatalf("Send 5s into the wait: err = %v, want 2s left", err)
	}
	clk.Add(2 * time.Second)
	if _, err := c.Send(context.Background(), reply(42, "Dạ, tôi trả lời ạ.")); err != nil {
		t.Fatalf("Send after the wait: %v", err)
	}
	if sent := srv.SentTo(42); len(sent) != 1 || sent[0].Plain != "Dạ, tôi trả lời ạ." {
		t.Errorf("chat 42 got %+v, want the one message after the wait", sent)
	}
	if v := srv.Violations(); v != 0 {
		t.Errorf("%d rate-limit violations at the fake", v)
	}
}

// A 429 on a method bound to no chat (a button's answer) holds every send.
func TestGlobalRetryAfterHoldsEverySend(t *testing.T) {
	srv := telegramtest.NewServer(t)
	clk := &fakeClock{now: time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)}
	c := newClient(t, srv, withClock(clk))
	id := srv.PushCallback(42, 42, 1, "menu")
	srv.FailNext("answerCallbackQuery", 1, telegramtest.TooManyRequests(3))

	ack := bot.Delivery{Kind: bot.KindAck, ChatID: "42", CallbackID: telegramtest.CallbackID(id)}
	_, err := c.Send(context.Background(), ack)
	var rl *bot.RateLimitError
	if !errors.As(err, &rl) || !rl.Global {
		t.Fatalf("ack: err = %v, want a global rate limit", err)
	}
	for _, chat := range []int64{42, 43} {
		_, err := c.Send(context.Background(), reply(chat, "Tin nhắn."))
		if !errors.As(err, &rl) || !rl.Global || rl.RetryAfter != 3*time.Second {
			t.Fatalf("Send to %d during the global wait: err = %v, want a global limit of 3s", chat, err)
		}
	}
	if _, err := c.Send(context.Background(), ack); !errors.As(err, &rl) {
		t.Fatalf("ack during the global wait: err = %v, want held", err)
	}
	if n, a := srv.Calls("sendMessage"), srv.Calls("answerCallbackQuery"); n != 0 || a != 1 {
		t.Fatalf("during the wait: %d sendMessage, %d answerCallbackQuery calls, want 0 and 1", n, a)
	}
	clk.Add(3 * time.Second)
	if _, err := c.Send(context.Background(), reply(43, "Tin nhắn.")); err != nil {
		t.Fatalf("Send after the wait: %v", err)
	}
	if _, err := c.Send(context.Background(), ack); err != nil {
		t.Fatalf("ack after the wait: %v", err)
	}
}

// Telegram refusing a message's formatting gets the same words once more,
// as plain text, instead of a dead letter.
func TestCantParseEntitiesSentAsPlainText(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.FailNext("sendMessage", 1, telegramtest.Fault{Code: 400,
		Description: "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b"})

	text := "Lãi suất <0,55%/tháng> & hồ sơ: xem tại UBND xã."
	res, err := c.Send(context.Background(), reply(42, text, bot.Button{Label: "Gặp cán bộ", Data: "officer"}))
	if err != nil {
		t.Fatalf("Send: %v, want the plain-text retry to succeed", err)
	}
	if n := srv.Calls("sendMessage"); n != 2 {
		t.Errorf("%d sendMessage calls, want 2 (HTML refused, then plain)", n)
	}
	sent := srv.SentTo(42)
	if len(sent) != 1 {
		t.Fatalf("delivered %d messages, want 1", len(sent))
	}
	m := sent[0]
	if m.ParseMode != "" || m.Text != text || m.Plain != text {
		t.Errorf("delivered parse mode %q text %q, want plain text %q", m.ParseMode, m.Text, text)
	}
	if len(m.Keyboard) != 1 || m.Keyboard[0][0].Text != "Gặp cán bộ" {
		t.Errorf("keyboard = %+v, want the button kept", m.Keyboard)
	}
	if len(res.MessageIDs) != 1 || res.MessageIDs[0] != itoa(m.MessageID) {
		t.Errorf("result ids %v, want [%d]", res.MessageIDs, m.MessageID)
	}
}

// Only once: a plain-text send that is refused too stays refused.
func TestCantParseEntitiesRetriedOnlyOnce(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	f := telegramtest.Fault{Code: 400, Description: "Bad Request: can't parse entities: Unsupported start tag"}
	srv.FailNext("sendMessage", 2, f)
	_, err := c.Send(context.Background(), reply(42, "Xin chào"))
	if !bot.IsPermanent(err) {
		t.Fatalf("err = %v, want permanent after the plain retry was refused too", err)
	}
	if n := srv.Calls("sendMessage"); n != 2 {
		t.Errorf("%d sendMessage calls, want 2", n)
	}
}
