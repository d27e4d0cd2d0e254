package zalo_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

func TestOASendInsideWindow(t *testing.T) {
	env := newOA(t)
	env.inbox.set(oaUser, env.clock.Now().Add(-47*time.Hour))
	res, err := env.client.Send(context.Background(), reply(oaUser, "Ông/bà chọn một mục:", buttons("Vay vốn", "BHYT")...))
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	sent := env.srv.Sent()
	if len(sent) != 1 || sent[0].UserID != oaUser || sent[0].Text != "Ông/bà chọn một mục:\n\n1. Vay vốn\n2. BHYT\nTrả lời số 1 hoặc 2." {
		t.Fatalf("sent = %+v", sent)
	}
	if len(res.MessageIDs) != 1 || res.MessageIDs[0] != sent[0].MessageID {
		t.Errorf("MessageIDs = %v", res.MessageIDs)
	}
	if env.client.Name() != bot.ChannelZaloOA {
		t.Errorf("Name = %q", env.client.Name())
	}
}

func TestOASendOutsideWindowIsNotAttempted(t *testing.T) {
	env := newOA(t)
	env.inbox.set(oaUser, env.clock.Now().Add(-49*time.Hour))
	tests := []struct{ name, user string }{
		{"last message 49 hours ago", oaUser},
		{"never wrote", "unknown-user"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := env.client.Send(context.Background(), reply(tt.user, "Nhắc lịch"))
			var perm *bot.PermanentError
			if !errors.As(err, &perm) || perm.Reason != "outside window" || perm.Unreachable {
				t.Errorf("err = %#v, want PermanentError{Reason: %q, Unreachable: false}", err, zalo.ReasonOutsideWindow)
			}
		})
	}
	if n := env.srv.Calls(zalotest.OASend); n != 0 {
		t.Errorf("the fake saw %d send calls, want 0", n)
	}
}

func TestOAWindowLookupFailureIsTemporary(t *testing.T) {
	env := newOA(t, func(c *zalo.OAConfig) {
		c.LastInbound = func(context.Context, string) (time.Time, error) { return time.Time{}, errors.New("store closed") }
	})
	_, err := env.client.Send(context.Background(), reply(oaUser, "x"))
	var perm *bot.PermanentError
	if err == nil || errors.As(err, &perm) {
		t.Errorf("err = %v, want a temporary error", err)
	}
}

func TestOASendAckAndSplit(t *testing.T) {
	env := newOA(t)
	env.inbox.set(oaUser, env.clock.Now())
	if _, err := env.client.Send(context.Background(), bot.Delivery{Kind: bot.KindAck, ChatID: oaUser}); err != nil {
		t.Errorf("ack: %v", err)
	}
	text := strings.Repeat("Hỗ trợ tiền điện cho hộ nghèo. ", 100) // 3,100 characters
	res, err := env.client.Send(context.Background(), reply(oaUser, text))
	if err != nil || len(res.MessageIDs) != 2 {
		t.Fatalf("Send: %v, ids %v; want 2 parts", err, res.MessageIDs)
	}
	for _, m := range env.srv.Sent() {
		if n := len([]rune(m.Text)); n > zalo.MaxMessageLength {
			t.Errorf("part of %d characters", n)
		}
	}
}

func TestOASendErrors(t *testing.T) {
	tests := []struct {
		name        string
		fault       zalotest.OAFault
		rateLimit   bool
		permanent   bool
		unreachable bool
		reason      string
	}{
		{name: "-32 rate limit", fault: zalotest.OARateLimited(), rateLimit: true},
		{name: "HTTP 429", fault: zalotest.OAHTTPTooMany(), rateLimit: true},
		{name: "not a follower", fault: zalotest.OANotFollower(), permanent: true, unreachable: true},
		{name: "platform says outside window", fault: zalotest.OAFault{Error: zalotest.CodeNoInteraction, Message: "User has not interacted with OA in past 7 days"},
			permanent: true, reason: zalo.ReasonOutsideWindow},
		{name: "invalid parameter", fault: zalotest.OAFault{Error: zalotest.CodeInvalidParam, Message: "text is invalid"}, permanent: true},
		{name: "HTTP 500", fault: zalotest.OAServerError()},
		// Error statuses without the Open API's answer came from something
		// in between: temporary.
		{name: "HTTP 403 CDN page", fault: zalotest.OACDNForbidden()},
		{name: "HTTP 404 nginx page", fault: zalotest.OAFault{Status: 404, Body: "<html><center>404 Not Found</center><hr><center>nginx</center></html>"}},
		{name: "HTTP 400 plain text", fault: zalotest.OAFault{Status: 400, Body: "Bad Request"}},
		{name: "HTTP 403 gateway JSON", fault: zalotest.OAFault{Status: 403, Body: `{"message":"Forbidden"}`}},
		// The API's own answer keeps its meaning whatever the status.
		{name: "HTTP 403 with -213", fault: zalotest.OAFault{Status: 403, Error: zalotest.CodeNotFollower, Message: "User has not followed OA"},
			permanent: true, unreachable: true},
		{name: "OA package expired", fault: zalotest.OAFault{Error: -224, Message: "The OA needs to upgrade OA Tier Package"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newOA(t)
			env.inbox.set(oaUser, env.clock.Now())
			env.srv.FailUser(oaUser, tt.fault)
			_, err := env.client.Send(context.Background(), reply(oaUser, "Chào"))
			var rl *bot.RateLimitError
			var perm *bot.PermanentError
			switch {
			case err == nil:
				t.Fatal("Send succeeded")
			case tt.rateLimit:
				if !errors.As(err, &rl) || rl.RetryAfter <= 0 {
					t.Errorf("err = %#v, want RateLimitError", err)
				}
			case tt.permanent:
				if !errors.As(err, &perm) || perm.Unreachable != tt.unreachable || (tt.reason != "" && perm.Reason != tt.reason) {
					t.Errorf("err = %#v, want PermanentError{Unreachable: %t, Reason %q}", err, tt.unreachable, tt.reason)
				}
			default:
				if errors.As(err, &perm) || errors.As(err, &rl) {
					t.Errorf("err = %#v, want a temporary error", err)
				}
			}
			if tok := env.tokens.current(); strings.Contains(err.Error(), tok.AccessToken) || strings.Contains(err.Error(), tok.RefreshToken) {
				t.Errorf("error leaks a token: %v", err)
			}
		})
	}
}

func TestNewOAValidates(t *testing.T) {
	ctx := context.Background()
	if _, err := zalo.NewOA(ctx, zalo.OAConfig{AppID: "1", AppSecret: "s", Tokens: &memTokens{}}); err == nil {
		t.Errorf("NewOA without LastInbound succeeded")
	}
	in := &inbox{}
	_, err := zalo.NewOA(ctx, zalo.OAConfig{AppID: "1", AppSecret: "s", Tokens: &memTokens{}, LastInbound: in.LastInbound})
	if !errors.Is(err, bot.ErrNotFound) {
		t.Errorf("NewOA with no stored token: err = %v, want bot.ErrNotFound", err)
	}
}

// TestOASendAfterCDNForbidden: an HTML 403 in front of the Open API is
// temporary, and the reply goes out once the API answers again.
func TestOASendAfterCDNForbidden(t *testing.T) {
	env := newOA(t)
	env.inbox.set(oaUser, env.clock.Now())
	env.srv.FailNext(zalotest.OASend, 1, zalotest.OACDNForbidden())
	d := reply(oaUser, "Hộ nghèo được vay vốn ưu đãi.")
	_, err := env.client.Send(context.Background(), d)
	var perm *bot.PermanentError
	if err == nil || errors.As(err, &perm) {
		t.Fatalf("first attempt: err = %#v, want a temporary error", err)
	}
	if _, err := env.client.Send(context.Background(), d); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if sent := env.srv.Sent(); len(sent) != 1 || sent[0].UserID != oaUser || sent[0].Text != d.Text {
		t.Errorf("sent = %+v, want the reply once", sent)
	}
	if n := env.srv.Calls(zalotest.OASend); n != 2 {
		t.Errorf("%d send calls, want 2", n)
	}
}
