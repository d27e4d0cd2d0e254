package zalo_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
	"github.com/bacninh/ansinh/internal/testlog"
)

func TestOARefreshBeforeExpiry(t *testing.T) {
	env := newOA(t)
	env.inbox.set(oaUser, env.clock.Now())
	if n := env.srv.Calls(zalotest.OARefresh); n != 0 {
		t.Fatalf("NewOA refreshed a fresh token (%d calls)", n)
	}
	env.clock.Add(zalotest.DefaultTokenTTL - 30*time.Minute) // inside the 1 h margin, not expired
	env.inbox.set(oaUser, env.clock.Now())
	if _, err := env.client.Send(context.Background(), reply(oaUser, "Chào")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	saves := env.tokens.saved()
	if len(saves) != 1 || env.srv.Calls(zalotest.OARefresh) != 1 {
		t.Fatalf("%d saves, %d refresh calls; want 1 and 1", len(saves), env.srv.Calls(zalotest.OARefresh))
	}
	got := saves[0]
	if got.AccessToken == env.first.AccessToken || got.RefreshToken == env.first.RefreshToken || got.AccessToken == "" || got.RefreshToken == "" {
		t.Errorf("saved %+v: want a new access and refresh token together", got)
	}
	if want := env.clock.Now().Add(zalotest.DefaultTokenTTL); !got.Expiry.Equal(want) || !got.Issued.Equal(env.clock.Now()) {
		t.Errorf("expiry %s, issued %s; want %s (expires_in from the answer) and now", got.Expiry, got.Issued, want)
	}
	if _, err := env.srv.RefreshWith(env.first.RefreshToken); err == nil {
		t.Errorf("the fake accepted the spent refresh token again")
	}
	if n := len(env.srv.Sent()); n != 1 {
		t.Errorf("sent %d messages, want 1", n)
	}
}

func TestOARefreshFailureKeepsOldToken(t *testing.T) {
	logs := &testlog.Buffer{}
	env := newOA(t, func(c *zalo.OAConfig) { c.Logger = slog.New(slog.NewTextHandler(logs, nil)) })
	env.clock.Add(zalotest.DefaultTokenTTL + time.Minute) // expired
	env.inbox.set(oaUser, env.clock.Now())
	env.srv.FailNext(zalotest.OARefresh, 1, zalotest.OARefreshFailure())

	_, err := env.client.Send(context.Background(), reply(oaUser, "Chào"))
	var perm *bot.PermanentError
	var rl *bot.RateLimitError
	if err == nil || errors.As(err, &perm) || errors.As(err, &rl) {
		t.Fatalf("Send with a failed refresh: err = %v, want a temporary error", err)
	}
	if got := env.tokens.current(); got.RefreshToken != env.first.RefreshToken || len(env.tokens.saved()) != 0 {
		t.Errorf("stored pair changed after a failed refresh: %+v", got)
	}
	if n := env.srv.Calls(zalotest.OASend); n != 0 {
		t.Errorf("%d sends with an expired token, want 0", n)
	}
	if !strings.Contains(logs.String(), "oa token refresh failed") {
		t.Errorf("failed refresh not logged: %s", logs)
	}

	// Within DefaultRefreshRetry the OAuth server is left alone.
	if _, err := env.client.Send(context.Background(), reply(oaUser, "Chào")); err == nil {
		t.Errorf("second Send succeeded without a refresh")
	}
	if n := env.srv.Calls(zalotest.OARefresh); n != 1 {
		t.Errorf("%d refresh calls within the retry interval, want 1", n)
	}

	env.clock.Add(zalo.DefaultRefreshRetry)
	env.inbox.set(oaUser, env.clock.Now())
	if _, err := env.client.Send(context.Background(), reply(oaUser, "Chào")); err != nil {
		t.Fatalf("Send after the OAuth server recovered: %v", err)
	}
	if saves := env.tokens.saved(); len(saves) != 1 || saves[0].RefreshToken == env.first.RefreshToken {
		t.Errorf("saves = %+v, want one new pair", saves)
	}
	for _, secret := range []string{env.first.AccessToken, env.first.RefreshToken, env.tokens.current().AccessToken,
		env.tokens.current().RefreshToken, zalotest.DefaultAppSecret} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("logs contain a secret")
		}
	}
}

func TestOARefreshFailureInsideMarginUsesCurrentToken(t *testing.T) {
	env := newOA(t)
	env.clock.Add(zalotest.DefaultTokenTTL - 10*time.Minute)
	env.inbox.set(oaUser, env.clock.Now())
	env.srv.FailNext(zalotest.OARefresh, 1, zalotest.OARefreshFailure())
	if _, err := env.client.Send(context.Background(), reply(oaUser, "Chào")); err != nil {
		t.Errorf("Send with a still valid token: %v", err)
	}
	if n := len(env.srv.Sent()); n != 1 || env.srv.Calls(zalotest.OARefresh) != 1 {
		t.Errorf("sent %d, refresh calls %d; want 1, 1", n, env.srv.Calls(zalotest.OARefresh))
	}
}

// TestOARefreshedPairSavedBeforeUse: when the store refuses the new pair,
// it is not used (the old refresh token is spent, so it is kept in memory
// and saved first on the next call), and the refresh is not repeated.
func TestOARefreshedPairSavedBeforeUse(t *testing.T) {
	env := newOA(t)
	env.clock.Add(zalotest.DefaultTokenTTL + time.Minute)
	env.inbox.set(oaUser, env.clock.Now())
	env.tokens.failSaves = 1
	if _, err := env.client.Send(context.Background(), reply(oaUser, "Chào")); err == nil {
		t.Fatal("Send succeeded although the new pair was not saved")
	}
	if n := env.srv.Calls(zalotest.OASend); n != 0 {
		t.Errorf("the unsaved pair was used for %d sends", n)
	}
	if _, err := env.client.Send(context.Background(), reply(oaUser, "Chào")); err != nil {
		t.Fatalf("second Send: %v", err)
	}
	if n := env.srv.Calls(zalotest.OARefresh); n != 1 {
		t.Errorf("%d refresh calls, want 1 (the pair is saved, not refreshed again)", n)
	}
	if saves := env.tokens.saved(); len(saves) != 1 || saves[0].RefreshToken == env.first.RefreshToken {
		t.Errorf("saves = %+v", saves)
	}
}

func TestOAConcurrentSendsRefreshOnce(t *testing.T) {
	env := newOA(t)
	env.clock.Add(zalotest.DefaultTokenTTL + time.Minute)
	env.inbox.set(oaUser, env.clock.Now())
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := reply(oaUser, "Chào")
			d.ID = uint64(i + 1)
			_, err := env.client.Send(context.Background(), d)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Send: %v", err)
		}
	}
	if n := env.srv.Calls(zalotest.OARefresh); n != 1 {
		t.Errorf("%d refresh calls for 20 concurrent sends, want 1", n)
	}
	if n := len(env.srv.Sent()); n != 20 {
		t.Errorf("sent %d, want 20", n)
	}
}

func TestOARejectedTokenIsRefreshedAndResent(t *testing.T) {
	env := newOA(t)
	env.inbox.set(oaUser, env.clock.Now())
	env.srv.FailNext(zalotest.OASend, 1, zalotest.OAFault{Error: zalotest.CodeTokenInvalid, Message: "Access token is invalid"})
	if _, err := env.client.Send(context.Background(), reply(oaUser, "Chào")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if env.srv.Calls(zalotest.OARefresh) != 1 || env.srv.Calls(zalotest.OASend) != 2 || len(env.srv.Sent()) != 1 {
		t.Errorf("refresh %d, send calls %d, sent %d; want 1, 2, 1",
			env.srv.Calls(zalotest.OARefresh), env.srv.Calls(zalotest.OASend), len(env.srv.Sent()))
	}

	env.srv.FailNext(zalotest.OASend, 2, zalotest.OAFault{Error: zalotest.CodeTokenInvalid, Message: "Access token is invalid"})
	_, err := env.client.Send(context.Background(), reply(oaUser, "Chào"))
	var perm *bot.PermanentError
	if err == nil || errors.As(err, &perm) {
		t.Errorf("token rejected twice: err = %v, want a temporary error", err)
	}
}

func TestCheckTokenRefreshesAhead(t *testing.T) {
	env := newOA(t)
	ctx := context.Background()
	if err := env.client.CheckToken(ctx); err != nil || env.srv.Calls(zalotest.OARefresh) != 0 {
		t.Fatalf("CheckToken on a fresh token: %v, %d refreshes", err, env.srv.Calls(zalotest.OARefresh))
	}
	env.clock.Add(zalotest.DefaultTokenTTL - 59*time.Minute)
	if err := env.client.CheckToken(ctx); err != nil || env.srv.Calls(zalotest.OARefresh) != 1 {
		t.Errorf("CheckToken near expiry: %v, %d refreshes; want one", err, env.srv.Calls(zalotest.OARefresh))
	}
}
