package telegram_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

func TestSendMapsErrors(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)

	tests := []struct {
		name        string
		fault       telegramtest.Fault
		retryAfter  time.Duration // > 0: want *bot.RateLimitError
		permanent   bool
		unreachable bool
	}{
		{name: "429 is a per-chat rate limit", fault: telegramtest.TooManyRequests(7), retryAfter: 7 * time.Second},
		{name: "blocked is unreachable", fault: telegramtest.Blocked(), permanent: true, unreachable: true},
		{name: "deactivated is unreachable", fault: telegramtest.Deactivated(), permanent: true, unreachable: true},
		{name: "can't initiate is unreachable", fault: telegramtest.CantInitiate(), permanent: true, unreachable: true},
		{name: "chat not found is unreachable", fault: telegramtest.ChatNotFound(), permanent: true, unreachable: true},
		{name: "other 400 is permanent", fault: telegramtest.Fault{Code: 400, Description: "Bad Request: message is too long"}, permanent: true},
		{name: "500 is temporary", fault: telegramtest.ServerError()},
		{name: "non-JSON 502 is temporary", fault: telegramtest.BadGateway()},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.FailNext("sendMessage", 1, tt.fault)
			// A chat each: the 429 holds its chat for its retry_after.
			_, err := c.Send(context.Background(), reply(int64(100+i), "xin chào"))
			if err == nil {
				t.Fatal("Send succeeded, want an error")
			}
			if strings.Contains(err.Error(), srv.Token()) {
				t.Errorf("error %q contains the token", err)
			}
			var rl *bot.RateLimitError
			var perm *bot.PermanentError
			switch {
			case tt.retryAfter > 0:
				if !errors.As(err, &rl) || rl.RetryAfter != tt.retryAfter || rl.Global {
					t.Errorf("err = %#v, want per-chat *bot.RateLimitError{RetryAfter: %s}", err, tt.retryAfter)
				}
			case tt.permanent:
				if !errors.As(err, &perm) || perm.Unreachable != tt.unreachable {
					t.Errorf("err = %#v, want *bot.PermanentError{Unreachable: %t}", err, tt.unreachable)
				}
			default:
				if errors.As(err, &rl) || errors.As(err, &perm) {
					t.Errorf("err = %#v, want a temporary error", err)
				}
			}
		})
	}
}

func TestAckRateLimitIsGlobal(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.FailNext("answerCallbackQuery", 1, telegramtest.TooManyRequests(3))

	_, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindAck, CallbackID: "cb1"})
	var rl *bot.RateLimitError
	if !errors.As(err, &rl) || !rl.Global || rl.RetryAfter != 3*time.Second {
		t.Errorf("err = %#v, want global *bot.RateLimitError{RetryAfter: 3s}", err)
	}
}

func TestSendTimeoutIsTemporary(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.FailNext("sendMessage", 1, telegramtest.Slow(5*time.Second))

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Send(ctx, reply(42, "xin chào"))
	if !errors.Is(err, context.DeadlineExceeded) || isDomainError(err) {
		t.Errorf("err = %v, want a temporary error wrapping context.DeadlineExceeded", err)
	}
	if elapsed := time.Since(start); elapsed > time.Second {
		t.Errorf("Send took %s after its context expired", elapsed)
	}
	if strings.Contains(err.Error(), srv.Token()) {
		t.Errorf("error %q contains the token", err)
	}
}

func TestErrorsNeverContainToken(t *testing.T) {
	t.Run("wrong token", func(t *testing.T) {
		srv := telegramtest.NewServer(t)
		_, err := telegram.New(context.Background(), telegram.Config{Token: "999:wrong-secret", APIEndpoint: srv.Endpoint()})
		if err == nil || strings.Contains(err.Error(), "wrong-secret") {
			t.Errorf("New with a wrong token: err = %v, want an error without the token", err)
		}
	})
	t.Run("server down", func(t *testing.T) {
		srv := telegramtest.NewServer(t)
		c := newClient(t, srv)
		srv.Close()
		_, err := c.Send(context.Background(), reply(42, "xin chào"))
		if err == nil || isDomainError(err) {
			t.Fatalf("err = %v, want a temporary error", err)
		}
		if strings.Contains(err.Error(), srv.Token()) || !strings.Contains(err.Error(), "<token>") {
			t.Errorf("error %q: want the token redacted", err)
		}
	})
}
