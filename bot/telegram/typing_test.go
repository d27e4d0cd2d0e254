package telegram_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

func TestTypingSendsChatAction(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	c.Typing(context.Background(), "42")
	if got := srv.Actions(); len(got) != 1 || got[0] != (telegramtest.ChatAction{ChatID: 42, Action: "typing"}) {
		t.Errorf("actions = %+v, want one typing in chat 42", got)
	}
}

func TestTypingGivesUpQuickly(t *testing.T) {
	t.Parallel() // sleeps for a second or two
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	// The server would hold the action for a minute; Typing gives up after
	// typingTimeout (2 s). The bound leaves room for a loaded CI machine
	// (2.5 s was once exceeded under the race detector with other tests
	// running) while still failing if Typing waited for the server.
	srv.FailNext("sendChatAction", 1, telegramtest.Slow(time.Minute))

	start := time.Now()
	c.Typing(context.Background(), "42")
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("Typing took %s, want it to give up after 2 s", elapsed)
	}
}

func TestTypingDoesNotDelayReply(t *testing.T) {
	t.Parallel() // sleeps for a second or two
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.FailNext("sendChatAction", 1, telegramtest.Slow(5*time.Second))

	var wg sync.WaitGroup
	wg.Go(func() { c.Typing(context.Background(), "42") })
	start := time.Now()
	if _, err := c.Send(context.Background(), reply(42, "Đang tra cứu…")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	// Blocked behind the stuck action, Send would take the action's 2 s;
	// 1.5 s leaves a loaded machine room without letting that through.
	if elapsed := time.Since(start); elapsed > 1500*time.Millisecond {
		t.Errorf("Send took %s while Typing was stuck", elapsed)
	}
	wg.Wait()
}

func TestTypingErrorsAreOnlyLogged(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.FailChat(42, telegramtest.Blocked())
	c.Typing(context.Background(), "42")
	c.Typing(context.Background(), "not-a-chat")
	if n := len(srv.Actions()); n != 0 {
		t.Errorf("%d actions recorded, want 0", n)
	}
}

// The fake enforces Telegram's per-chat limit: a burst of 3, then 1/s.
func TestFakeEnforcesPerChatLimit(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)

	var limited *bot.RateLimitError
	for i := range 5 {
		_, err := c.Send(context.Background(), reply(42, "tin "+itoa(i)))
		var rl *bot.RateLimitError
		if err != nil && !errors.As(err, &rl) {
			t.Fatalf("send %d: %v", i, err)
		}
		if limited == nil {
			limited = rl // the fake's 429; the fifth send is held by it, unsent
		}
	}
	if limited == nil || limited.RetryAfter < time.Second || limited.Global {
		t.Errorf("5 quick sends: last rate limit %+v, want a per-chat 429 with retry_after ≥ 1 s", limited)
	}
	if srv.Violations() == 0 {
		t.Error("fake recorded no violation")
	}
	if n := len(srv.SentTo(42)); n != 3 {
		t.Errorf("%d messages delivered, want the burst of 3", n)
	}
	if _, err := c.Send(context.Background(), reply(43, "chat khác")); err != nil {
		t.Errorf("another chat is limited too: %v", err)
	}
}
