package zalo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

const (
	// DefaultOAMessageURL is the consultation ("tư vấn") message endpoint
	// (docs/platforms.md §4.3).
	DefaultOAMessageURL = "https://openapi.zalo.me/v3.0/oa/message/cs"
	// DefaultReplyWindow is the free-reply window: an OA may answer a user
	// for 48 hours after the user's last message (docs/platforms.md §4.3;
	// uncertain, Zalo changes its packages).
	DefaultReplyWindow = 48 * time.Hour
	// ReasonOutsideWindow is the bot.PermanentError reason of a send that
	// was not attempted because the user's last message is older than the
	// reply window. Officer answers and reminders show it.
	ReasonOutsideWindow = "outside window"
	// oaRateLimitWait is the wait after Zalo's -32, a per-minute quota.
	oaRateLimitWait = time.Minute
	oaSendTimeout   = 15 * time.Second
)

// OAConfig configures an OAClient. AppID, AppSecret, Tokens and
// LastInbound are required.
type OAConfig struct {
	// AppID is the Zalo app's id, sent with every token refresh.
	AppID string
	// AppSecret is the app's secret key, sent in the refresh request's
	// secret_key header. It is not the OA secret key that signs webhooks.
	AppSecret string
	// Tokens persists the access and refresh tokens.
	Tokens TokenStore
	// LastInbound returns when userID last wrote to the OA (an error
	// wrapping bot.ErrNotFound if never). Send checks it against Window.
	LastInbound func(ctx context.Context, userID string) (time.Time, error)
	// Window is the free-reply window; default DefaultReplyWindow.
	Window time.Duration
	// MessageURL and TokenURL default to DefaultOAMessageURL and
	// DefaultOATokenURL.
	MessageURL string
	TokenURL   string
	// HTTPClient performs every request; default: a client with a 15 s
	// timeout.
	HTTPClient *http.Client
	// RefreshMargin is how long before expiry the access token is
	// refreshed; default DefaultRefreshMargin.
	RefreshMargin time.Duration
	// RefreshRetry is the least time between failed refresh attempts;
	// default DefaultRefreshRetry.
	RefreshRetry time.Duration
	// Now is the clock for token expiry and the reply window; default
	// time.Now.
	Now func() time.Time
	// Logger receives adapter events; default slog.Default().
	Logger *slog.Logger
}

// OAClient is the Zalo Official Account channel. It is safe for concurrent
// use.
type OAClient struct {
	appID       string
	http        *http.Client
	messageURL  string
	tokens      *tokenSource
	lastInbound func(ctx context.Context, userID string) (time.Time, error)
	window      time.Duration
	now         func() time.Time
	log         *slog.Logger
	progress    platform.Progress
}

var _ bot.Channel = (*OAClient)(nil)

// NewOA returns an OAClient. It loads the stored token pair (and refreshes
// it if it is about to expire); ctx bounds that.
func NewOA(ctx context.Context, cfg OAConfig) (*OAClient, error) {
	switch {
	case cfg.AppID == "" || cfg.AppSecret == "":
		return nil, errors.New("zalo oa: app id and app secret are required")
	case cfg.Tokens == nil:
		return nil, errors.New("zalo oa: a token store is required")
	case cfg.LastInbound == nil:
		return nil, errors.New("zalo oa: LastInbound is required (reply window)")
	}
	if cfg.Window <= 0 {
		cfg.Window = DefaultReplyWindow
	}
	if cfg.MessageURL == "" {
		cfg.MessageURL = DefaultOAMessageURL
	}
	if cfg.TokenURL == "" {
		cfg.TokenURL = DefaultOATokenURL
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: oaSendTimeout}
	}
	if cfg.RefreshMargin <= 0 {
		cfg.RefreshMargin = DefaultRefreshMargin
	}
	if cfg.RefreshRetry <= 0 {
		cfg.RefreshRetry = DefaultRefreshRetry
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	log := cfg.Logger.With("channel", bot.ChannelZaloOA)
	c := &OAClient{
		appID:       cfg.AppID,
		http:        cfg.HTTPClient,
		messageURL:  cfg.MessageURL,
		lastInbound: cfg.LastInbound,
		window:      cfg.Window,
		now:         cfg.Now,
		log:         log,
		tokens: &tokenSource{
			store: cfg.Tokens, url: cfg.TokenURL, appID: cfg.AppID, appSecret: cfg.AppSecret,
			http: cfg.HTTPClient, now: cfg.Now, margin: cfg.RefreshMargin, retry: cfg.RefreshRetry,
			log: log, sem: make(chan struct{}, 1),
		},
	}
	if err := c.CheckToken(ctx); err != nil {
		return nil, fmt.Errorf("zalo oa: %w", err)
	}
	return c, nil
}

// Name returns bot.ChannelZaloOA.
func (c *OAClient) Name() string { return bot.ChannelZaloOA }

// CheckToken refreshes the access token if it expires within the refresh
// margin. Sends do this on their own; call it periodically (say hourly) so
// that an OA nobody writes to still renews its refresh token before the
// three months it lasts run out.
func (c *OAClient) CheckToken(ctx context.Context) error {
	_, err := c.tokens.access(ctx)
	return err
}

// Send delivers one outbox row as consultation messages.
//
// A bot.KindAck row has nothing to send and succeeds. Any other row is sent
// only if the recipient wrote within the reply window: otherwise Send makes
// no call and returns &bot.PermanentError{Reason: ReasonOutsideWindow}
// (Unreachable false: the user may write again). The text is rendered and
// split as for the Bot Platform (numbered choices, MaxMessageLength).
// Note that every part counts against the OA's free-message allowance.
//
// Token trouble is temporary: a rejected access token (-216) is refreshed
// and the message sent again once; a failed refresh fails the send with a
// plain error until a refresh succeeds.
func (c *OAClient) Send(ctx context.Context, d bot.Delivery) (bot.SendResult, error) {
	if d.Kind == bot.KindAck {
		return bot.SendResult{}, nil
	}
	user := strings.TrimSpace(d.ChatID)
	if user == "" {
		user = strings.TrimSpace(d.UserID)
	}
	if user == "" {
		return bot.SendResult{}, &bot.PermanentError{Reason: "empty user id", Unreachable: true}
	}
	if err := c.inWindow(ctx, user); err != nil {
		return bot.SendResult{}, err
	}
	parts, err := compose(d.Text, d.Buttons, d.Listed, MaxMessageLength)
	if err != nil {
		return bot.SendResult{}, &bot.PermanentError{Reason: err.Error()}
	}
	ids, err := c.progress.SendParts(ctx, platform.Row{ID: d.ID, Chat: d.ChatID, Text: d.Text}, parts, func(ctx context.Context, _ int, text string) (string, error) {
		return c.sendText(ctx, user, text)
	}, bot.IsPermanent)
	return bot.SendResult{MessageIDs: ids}, err
}

// inWindow returns nil if user wrote within the reply window.
func (c *OAClient) inWindow(ctx context.Context, user string) error {
	last, err := c.lastInbound(ctx, user)
	switch {
	case errors.Is(err, bot.ErrNotFound):
		return &bot.PermanentError{Reason: ReasonOutsideWindow}
	case err != nil:
		return fmt.Errorf("zalo oa: last message of %s: %w", user, err)
	case last.IsZero() || c.now().Sub(last) > c.window:
		return &bot.PermanentError{Reason: ReasonOutsideWindow}
	}
	return nil
}

// oaAnswer is the Open API's answer: error 0 and data on success, a
// negative error code and a message otherwise (docs/platforms.md §4.3).
type oaAnswer struct {
	Error   flexInt `json:"error"`
	Message string  `json:"message"`
	Data    struct {
		MessageID flexString `json:"message_id"`
	} `json:"data"`
}

type oaMessage struct {
	Recipient struct {
		UserID string `json:"user_id"`
	} `json:"recipient"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

// sendText sends one text, retrying once with a fresh token when the
// platform rejects the access token.
func (c *OAClient) sendText(ctx context.Context, user, text string) (string, error) {
	var m oaMessage
	m.Recipient.UserID, m.Message.Text = user, text
	body, err := json.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("zalo oa send: encode: %w", err)
	}
	for attempt := 1; ; attempt++ {
		token, err := c.tokens.access(ctx)
		if err != nil {
			return "", fmt.Errorf("zalo oa send: %w", err)
		}
		a, err := c.post(ctx, token, body)
		if err != nil {
			return "", err
		}
		if a.Error == 0 {
			return string(a.Data.MessageID), nil
		}
		if isTokenError(int(a.Error), a.Message) {
			c.tokens.invalidate(ctx, token)
			if attempt == 1 {
				continue
			}
		}
		return "", classifyOA(int(a.Error), a.Message)
	}
}

// post makes one call. HTTP-level failures come back as domain errors; an
// HTTP 401 is reported as a token error so that the caller refreshes.
//
// Only an answer in the Open API's own shape ({"error":N,"message":…})
// is classified by its code. An error status without it (a CDN's HTML
// "403 Forbidden", a proxy's 404, a gateway's plain text) says nothing
// about the message or the user, so it is temporary: the outbox retries
// with its backoff instead of dropping the reply.
func (c *OAClient) post(ctx context.Context, token string, body []byte) (oaAnswer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.messageURL, bytes.NewReader(body))
	if err != nil {
		return oaAnswer{}, fmt.Errorf("zalo oa send: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("access_token", token)
	resp, err := c.http.Do(req)
	if err != nil {
		return oaAnswer{}, fmt.Errorf("zalo oa send: %w", platform.Scrub(err, token))
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return oaAnswer{}, fmt.Errorf("zalo oa send: read answer: %w", err)
	}
	var a oaAnswer
	jsonErr := json.Unmarshal(raw, &a)
	// An error status must come with a non-zero error code to be the Open
	// API's own answer.
	if jsonErr == nil && resp.StatusCode >= 400 && a.Error == 0 {
		jsonErr = errors.New(`no "error" code`)
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		wait := retryAfterHeader(resp.Header)
		if wait <= 0 {
			wait = DefaultRetryAfter
		}
		return oaAnswer{}, &bot.RateLimitError{RetryAfter: wait, Global: true}
	case resp.StatusCode == http.StatusUnauthorized:
		return oaAnswer{Error: codeOATokenInvalid, Message: "HTTP 401"}, nil
	case resp.StatusCode >= 500:
		return oaAnswer{}, fmt.Errorf("zalo oa send: HTTP %d", resp.StatusCode)
	case jsonErr != nil && resp.StatusCode >= 400:
		return oaAnswer{}, fmt.Errorf("zalo oa send: HTTP %d, not the Open API's answer (a proxy or gateway in between?)", resp.StatusCode)
	case jsonErr != nil:
		return oaAnswer{}, fmt.Errorf("zalo oa send: HTTP %d, undecodable answer: %w", resp.StatusCode, jsonErr)
	}
	a.Message = platform.Redact(a.Message, token)
	return a, nil
}
