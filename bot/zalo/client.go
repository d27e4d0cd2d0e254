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
	"net/url"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// Defaults used by New when a Config field is zero.
const (
	// DefaultAPIEndpoint is the Bot Platform's endpoint template: token,
	// then method.
	DefaultAPIEndpoint = "https://bot-api.zaloplatforms.com/bot%s/%s"
	// DefaultPollTimeout is the getUpdates long-poll time (the platform's
	// own default is 30 s).
	DefaultPollTimeout = 30 * time.Second
	// httpSlack is added to the poll timeout for the default HTTP client, so
	// that a long poll ends on Zalo's side before the client gives up.
	httpSlack = 15 * time.Second
	// typingTimeout bounds a chat action: typing is decoration, never worth
	// delaying anything for.
	typingTimeout = 2 * time.Second
	// maxResponse bounds what we read of an API answer.
	maxResponse = 4 << 20
)

// Config configures a Client. Only Token is required.
type Config struct {
	// Token is the bot token from Zalo Bot Creator ("<bot_id>:<secret>"). It
	// never appears in logs or returned errors.
	Token string
	// APIEndpoint is the endpoint template with two %s verbs (token,
	// method); default DefaultAPIEndpoint.
	APIEndpoint string
	// HTTPClient performs every request. Its Timeout must be zero or longer
	// than PollTimeout; default: a client with PollTimeout+15s.
	HTTPClient *http.Client
	// PollTimeout is the getUpdates long-poll time; default 30 s, counted in
	// whole seconds.
	PollTimeout time.Duration
	// Backoff is the first delay after a failed poll or a failed Handle; it
	// doubles (with jitter) up to MaxBackoff. Default 1 s.
	Backoff time.Duration
	// MaxBackoff caps Backoff; default 30 s.
	MaxBackoff time.Duration
	// Logger receives adapter events; default slog.Default().
	Logger *slog.Logger
}

// Client is the Zalo Bot Platform channel. It is safe for concurrent use:
// Send, Typing, Poll and the webhook handler may run at the same time.
type Client struct {
	http        *http.Client
	endpoint    string
	token       string
	log         *slog.Logger
	pollTimeout time.Duration
	backoff     time.Duration
	maxBackoff  time.Duration
	botID       string
	name        string
	progress    platform.Progress
}

var _ bot.Channel = (*Client)(nil)

// New connects to the Bot Platform: it validates the token with getMe and
// returns a ready Client. ctx bounds that first call.
func New(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.Token == "" {
		return nil, errors.New("zalo: empty token")
	}
	if cfg.APIEndpoint == "" {
		cfg.APIEndpoint = DefaultAPIEndpoint
	}
	if strings.Count(cfg.APIEndpoint, "%s") != 2 {
		return nil, errors.New("zalo: api endpoint must contain two %s verbs (token, method)")
	}
	if cfg.PollTimeout <= 0 {
		cfg.PollTimeout = DefaultPollTimeout
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: cfg.PollTimeout + httpSlack}
	}
	if t := cfg.HTTPClient.Timeout; t != 0 && t <= cfg.PollTimeout {
		return nil, fmt.Errorf("zalo: http client timeout %s must exceed poll timeout %s", t, cfg.PollTimeout)
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	c := &Client{
		http:        cfg.HTTPClient,
		endpoint:    cfg.APIEndpoint,
		token:       cfg.Token,
		log:         cfg.Logger.With("channel", bot.ChannelZalo),
		pollTimeout: cfg.PollTimeout,
		backoff:     cfg.Backoff,
		maxBackoff:  cfg.MaxBackoff,
	}
	var me wireMe
	if err := c.call(ctx, "getMe", nil, &me); err != nil {
		return nil, fmt.Errorf("zalo: getMe: %w", err)
	}
	c.botID = string(me.ID)
	c.name = firstNonEmpty(me.AccountName, me.Name, me.DisplayName)
	return c, nil
}

// Name returns bot.ChannelZalo.
func (c *Client) Name() string { return bot.ChannelZalo }

// BotName returns the bot's account name, as getMe reported it.
func (c *Client) BotName() string { return c.name }

// wireMe is getMe's result. Some SDKs read "name" instead of
// "account_name" (docs/platforms.md §3.2), so both are accepted.
type wireMe struct {
	ID          flexString `json:"id"`
	AccountName string     `json:"account_name"`
	Name        string     `json:"name"`
	DisplayName string     `json:"display_name"`
	AccountType string     `json:"account_type"`
}

// envelope is every Bot Platform answer: {"ok":true,"result":…} or
// {"ok":false,"error_code":N,"description":"…"}. The Go SDK spec also
// accepts an "errorCode" spelling, and Telegram-style parameters.
// retry_after is read if present (not documented for Zalo). OK is a
// pointer because an answer without it is not the platform's: a JSON error
// from a gateway or CDN in front of it.
type envelope struct {
	OK           *bool           `json:"ok"`
	Result       json.RawMessage `json:"result"`
	ErrorCode    flexInt         `json:"error_code"`
	ErrorCodeAlt flexInt         `json:"errorCode"`
	Description  string          `json:"description"`
	Parameters   *struct {
		RetryAfter flexInt `json:"retry_after"`
	} `json:"parameters"`
}

// apiError is an {"ok":false} answer, or an answer with an HTTP error
// status that is not the platform's envelope (a proxy's or CDN's error
// page, a gateway's own JSON).
type apiError struct {
	method      string
	code        int // error_code, else the HTTP status
	description string
	retryAfter  time.Duration // 0 if the platform gave none
	envelope    bool          // the answer was the platform's JSON envelope
}

func (e *apiError) Error() string {
	return fmt.Sprintf("zalo %s: %d %s", e.method, e.code, e.description)
}

// call POSTs params as JSON to method and decodes the envelope's result
// into result (which may be nil). Every error it returns is scrubbed of the
// token.
func (c *Client) call(ctx context.Context, method string, params, result any) error {
	body := []byte("{}")
	if params != nil {
		var err error
		if body, err = json.Marshal(params); err != nil {
			return fmt.Errorf("zalo %s: encode request: %w", method, err)
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf(c.endpoint, c.token, method), bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("zalo %s: %w", method, c.scrub(err))
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			ue.URL = platform.Redact(ue.URL, c.token)
		}
		return fmt.Errorf("zalo %s: %w", method, c.scrub(err))
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return fmt.Errorf("zalo %s: read response: %w", method, c.scrub(err))
	}
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil || env.OK == nil {
		if resp.StatusCode >= 400 {
			return &apiError{method: method, code: resp.StatusCode, description: http.StatusText(resp.StatusCode),
				retryAfter: retryAfterHeader(resp.Header)}
		}
		if err == nil {
			err = errors.New(`no "ok" field`)
		}
		return fmt.Errorf("zalo %s: decode response (HTTP %d): %w", method, resp.StatusCode, err)
	}
	if !*env.OK {
		e := &apiError{method: method, code: int(env.ErrorCode), description: platform.Redact(env.Description, c.token),
			retryAfter: retryAfterHeader(resp.Header), envelope: true}
		if e.code == 0 {
			e.code = int(env.ErrorCodeAlt)
		}
		if e.code == 0 {
			e.code = resp.StatusCode
		}
		if env.Parameters != nil && env.Parameters.RetryAfter > 0 {
			e.retryAfter = time.Duration(env.Parameters.RetryAfter) * time.Second
		}
		return e
	}
	if result == nil || len(env.Result) == 0 || string(env.Result) == "null" {
		return nil
	}
	if err := json.Unmarshal(env.Result, result); err != nil {
		return fmt.Errorf("zalo %s: decode result: %w", method, err)
	}
	return nil
}

// scrub guarantees that no error leaving the package contains the token.
func (c *Client) scrub(err error) error { return platform.Scrub(err, c.token) }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
