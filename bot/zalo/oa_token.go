package zalo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot/internal/platform"
)

const (
	// DefaultOATokenURL is the OAuth v4 token endpoint (docs/platforms.md §4.4).
	DefaultOATokenURL = "https://oauth.zaloapp.com/v4/oa/access_token"
	// DefaultRefreshMargin is how long before expiry the access token is
	// refreshed. Tokens live 25 hours today (docs/platforms.md §4.4).
	DefaultRefreshMargin = time.Hour
	// DefaultRefreshRetry is the least time between two failed refresh
	// attempts, so that a down OAuth server is not hammered by every send.
	DefaultRefreshRetry = time.Minute
	// refreshTimeout and saveTimeout bound a refresh and the save of its
	// result. Both run detached from the caller's context: once a
	// single-use refresh token is spent, the new pair must not be lost to a
	// cancelled send.
	refreshTimeout = 30 * time.Second
	saveTimeout    = 10 * time.Second
	// fallbackExpiresIn is assumed when an answer carries no expires_in;
	// the oldest tutorials quote one hour, the shortest lifetime seen.
	fallbackExpiresIn = time.Hour
)

// OAToken is an Official Account's OAuth token pair.
type OAToken struct {
	AccessToken string `json:"access_token"`
	// RefreshToken is single-use: every refresh returns a new one, and the
	// old one is rejected from then on.
	RefreshToken string `json:"refresh_token"`
	// Expiry is when AccessToken expires (issue time plus expires_in).
	Expiry time.Time `json:"expiry"`
	// Issued is when the pair was issued. The refresh token lasts about
	// three months from then (docs/platforms.md §4.4).
	Issued time.Time `json:"issued"`
}

// TokenStore persists the OA token pair. It is declared here, where it is
// consumed; the bbolt store implements it.
type TokenStore interface {
	// LoadOAToken returns the stored pair, or an error wrapping
	// bot.ErrNotFound when there is none.
	LoadOAToken(ctx context.Context) (OAToken, error)
	// SaveOAToken replaces the stored pair in one atomic write: both tokens
	// or neither.
	SaveOAToken(ctx context.Context, t OAToken) error
}

// tokenSource hands out a valid access token, refreshing it before expiry.
// One goroutine at a time works on the tokens (sem), so a refresh token is
// never spent twice.
type tokenSource struct {
	store     TokenStore
	url       string
	appID     string
	appSecret string
	http      *http.Client
	now       func() time.Time
	margin    time.Duration
	retry     time.Duration
	log       *slog.Logger

	sem chan struct{}
	// Guarded by sem.
	cur      OAToken
	loaded   bool
	unsaved  *OAToken // a refreshed pair SaveOAToken has not accepted yet
	failedAt time.Time
	lastErr  error
}

func (t *tokenSource) lock(ctx context.Context) error {
	select {
	case t.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (t *tokenSource) unlock() { <-t.sem }

// access returns an access token that is valid now, refreshing first when
// it expires within the margin. If the refresh fails, the current token is
// still used while it has not expired; after that access fails (a
// temporary error) until a refresh succeeds.
func (t *tokenSource) access(ctx context.Context) (string, error) {
	if err := t.lock(ctx); err != nil {
		return "", err
	}
	defer t.unlock()
	if !t.loaded {
		tok, err := t.store.LoadOAToken(ctx)
		if err != nil {
			return "", fmt.Errorf("load oa token: %w", err)
		}
		t.cur, t.loaded = tok, true
	}
	if t.unsaved != nil {
		t.saveUnsaved(ctx)
	}
	now := t.now()
	if t.cur.AccessToken != "" && now.Before(t.cur.Expiry.Add(-t.margin)) {
		return t.cur.AccessToken, nil
	}
	err := t.refresh(ctx, now)
	if err == nil {
		return t.cur.AccessToken, nil
	}
	if t.cur.AccessToken != "" && now.Before(t.cur.Expiry) {
		t.log.Warn("oa token: refresh failed, using the current access token until it expires",
			"expiry", t.cur.Expiry, "err", err)
		return t.cur.AccessToken, nil
	}
	return "", err
}

// invalidate marks access as rejected by the platform, so that the next
// access refreshes. A token that was already replaced is left alone.
func (t *tokenSource) invalidate(ctx context.Context, access string) {
	if t.lock(ctx) != nil {
		return
	}
	defer t.unlock()
	if t.cur.AccessToken == access {
		t.cur.Expiry = time.Time{}
	}
}

// refresh spends the refresh token and saves the new pair before using it.
// The caller holds sem.
func (t *tokenSource) refresh(ctx context.Context, now time.Time) error {
	if t.unsaved != nil {
		return errors.New("oa token: refreshed pair not saved yet")
	}
	if !t.failedAt.IsZero() && now.Sub(t.failedAt) < t.retry {
		return fmt.Errorf("oa token refresh failed %s ago: %w", now.Sub(t.failedAt).Round(time.Second), t.lastErr)
	}
	if t.cur.RefreshToken == "" {
		return errors.New("oa token: no refresh token stored; authorise the OA again")
	}
	next, err := t.request(ctx, now)
	if err != nil {
		t.failedAt, t.lastErr = now, err
		t.log.Error("oa token refresh failed; keeping the old pair", "err", err)
		return err
	}
	t.failedAt, t.lastErr = time.Time{}, nil
	if err := t.save(ctx, next); err != nil {
		// The old refresh token is spent: keep the new pair in memory and
		// save it before anything uses it.
		t.unsaved = &next
		t.log.Error("oa token refreshed but not saved; retrying the save before use", "err", err)
		return fmt.Errorf("save refreshed oa token: %w", err)
	}
	t.cur = next
	t.log.Info("oa token refreshed", "expiry", next.Expiry)
	return nil
}

func (t *tokenSource) saveUnsaved(ctx context.Context) {
	if err := t.save(ctx, *t.unsaved); err != nil {
		t.log.Error("oa token: saving the refreshed pair failed again", "err", err)
		return
	}
	t.cur, t.unsaved = *t.unsaved, nil
	t.log.Info("oa token: refreshed pair saved", "expiry", t.cur.Expiry)
}

func (t *tokenSource) save(ctx context.Context, tok OAToken) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), saveTimeout)
	defer cancel()
	return t.store.SaveOAToken(ctx, tok)
}

// tokenAnswer is the OAuth endpoint's answer: the new pair, or an error
// (negative code plus names and reasons). expires_in is a string of
// seconds in the samples ("90000"); numbers are accepted too.
type tokenAnswer struct {
	AccessToken      string  `json:"access_token"`
	RefreshToken     string  `json:"refresh_token"`
	ExpiresIn        flexInt `json:"expires_in"`
	Error            flexInt `json:"error"`
	ErrorName        string  `json:"error_name"`
	ErrorReason      string  `json:"error_reason"`
	ErrorDescription string  `json:"error_description"`
	Message          string  `json:"message"`
}

// request calls the refresh endpoint (docs/platforms.md §4.4): header secret_key
// with the app secret, form app_id, refresh_token, grant_type.
func (t *tokenSource) request(ctx context.Context, now time.Time) (OAToken, error) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), refreshTimeout)
	defer cancel()
	form := url.Values{"app_id": {t.appID}, "refresh_token": {t.cur.RefreshToken}, "grant_type": {"refresh_token"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, strings.NewReader(form.Encode()))
	if err != nil {
		return OAToken{}, fmt.Errorf("oa token refresh: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("secret_key", t.appSecret)
	resp, err := t.http.Do(req)
	if err != nil {
		return OAToken{}, fmt.Errorf("oa token refresh: %w", t.scrub(err))
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return OAToken{}, fmt.Errorf("oa token refresh: read answer: %w", t.scrub(err))
	}
	var a tokenAnswer
	if err := json.Unmarshal(raw, &a); err != nil {
		return OAToken{}, fmt.Errorf("oa token refresh: HTTP %d, undecodable answer: %w", resp.StatusCode, err)
	}
	if a.Error != 0 || a.AccessToken == "" || a.RefreshToken == "" {
		why := firstNonEmpty(a.ErrorDescription, a.ErrorReason, a.ErrorName, a.Message, "no token in answer")
		return OAToken{}, t.scrub(fmt.Errorf("oa token refresh: HTTP %d, error %d: %s", resp.StatusCode, a.Error, why))
	}
	life := time.Duration(a.ExpiresIn) * time.Second
	if life <= 0 {
		life = fallbackExpiresIn
	}
	return OAToken{AccessToken: a.AccessToken, RefreshToken: a.RefreshToken, Expiry: now.Add(life), Issued: now}, nil
}

func (t *tokenSource) scrub(err error) error {
	return platform.Scrub(err, t.cur.AccessToken, t.cur.RefreshToken, t.appSecret)
}
