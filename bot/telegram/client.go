package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// Defaults used by New when a Config field is zero.
const (
	DefaultPollTimeout = 30 * time.Second
	// httpSlack is added to the poll timeout for the default HTTP client, so
	// that a long poll ends on Telegram's side before the client gives up.
	httpSlack = 15 * time.Second
	// typingTimeout bounds a chat action: typing is decoration, never worth
	// delaying anything for.
	typingTimeout = 2 * time.Second
	// DefaultSendTimeout bounds one request other than getUpdates. Telegram
	// answers sendMessage in well under a second; 10 s is far above its
	// normal latency, yet keeps a stuck request from holding the
	// dispatcher (which sends one row at a time, docs/architecture.md §1)
	// for the 45 s the long-poll client allows.
	DefaultSendTimeout = 10 * time.Second
	// DefaultPollUnhealthyAfter is how long getUpdates may fail without a
	// break before PollHealth reports it.
	DefaultPollUnhealthyAfter = 2 * time.Minute
)

// Config configures a Client. Only Token is required.
type Config struct {
	// Token is the bot token from @BotFather. It never appears in logs or
	// returned errors.
	Token string
	// APIEndpoint is the library's endpoint template with two %s verbs
	// (token, method); default tgbotapi.APIEndpoint. Files are downloaded
	// (OpenFile) from the template with "/file" before its "/bot%s/".
	APIEndpoint string
	// HTTPClient performs every request. Its Timeout must be zero or longer
	// than PollTimeout; default: a client with PollTimeout+15s.
	HTTPClient *http.Client
	// PollTimeout is the getUpdates long-poll time; default 30 s. Telegram
	// counts it in whole seconds.
	PollTimeout time.Duration
	// Backoff is the first delay after a failed poll or a failed Handle; it
	// doubles (with jitter) up to MaxBackoff. Default 1 s.
	Backoff time.Duration
	// MaxBackoff caps Backoff; default 30 s.
	MaxBackoff time.Duration
	// SendTimeout bounds every request but getUpdates (sendMessage,
	// answerCallbackQuery, ...); default DefaultSendTimeout.
	SendTimeout time.Duration
	// PollUnhealthyAfter is how long polling may fail continuously before
	// PollHealth reports it; default DefaultPollUnhealthyAfter. A 401 or a
	// 409 is reported at once.
	PollUnhealthyAfter time.Duration
	// Settings keeps the groups that became supergroups across restarts;
	// nil keeps them in memory only.
	Settings Settings
	// Logger receives adapter events; default slog.Default().
	Logger *slog.Logger
	// Now is the clock the waits Telegram asks for are counted on; default
	// time.Now.
	Now func() time.Time
}

// Client is the Telegram channel. It is safe for concurrent use: Send,
// Typing, Poll and the webhook handler may run at the same time.
type Client struct {
	api         *tgbotapi.BotAPI // template: copied per call with a context-bound client
	http        *http.Client
	token       string
	log         *slog.Logger
	pollTimeout time.Duration
	backoff     time.Duration
	maxBackoff  time.Duration
	botID       int64
	username    string
	sendTimeout time.Duration
	// fileEndpoint is the file download template (token, file path);
	// empty: OpenFile is off.
	fileEndpoint string

	migrations *migrations
	poll       pollHealth
	typing     typingGate
	holds      holdGate
	now        func() time.Time

	progress platform.Progress // split deliveries sent in part, by Delivery.ID
}

var _ bot.Channel = (*Client)(nil)

// New connects to the Bot API: it validates the token with getMe and
// returns a ready Client. ctx bounds that first call.
func New(ctx context.Context, cfg Config) (*Client, error) {
	if cfg.Token == "" {
		return nil, errors.New("telegram: empty token")
	}
	if cfg.APIEndpoint == "" {
		cfg.APIEndpoint = tgbotapi.APIEndpoint
	}
	if strings.Count(cfg.APIEndpoint, "%s") != 2 {
		return nil, errors.New("telegram: api endpoint must contain two %s verbs (token, method)")
	}
	if cfg.PollTimeout <= 0 {
		cfg.PollTimeout = DefaultPollTimeout
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: cfg.PollTimeout + httpSlack}
	}
	if t := cfg.HTTPClient.Timeout; t != 0 && t <= cfg.PollTimeout {
		return nil, fmt.Errorf("telegram: http client timeout %s must exceed poll timeout %s", t, cfg.PollTimeout)
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
	if cfg.SendTimeout <= 0 {
		cfg.SendTimeout = DefaultSendTimeout
	}
	if cfg.PollUnhealthyAfter <= 0 {
		cfg.PollUnhealthyAfter = DefaultPollUnhealthyAfter
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	migr, err := loadMigrations(cfg.Settings)
	if err != nil {
		return nil, fmt.Errorf("telegram: %w", err)
	}
	c := &Client{
		http:         cfg.HTTPClient,
		token:        cfg.Token,
		log:          cfg.Logger.With("channel", bot.ChannelTelegram),
		pollTimeout:  cfg.PollTimeout,
		backoff:      cfg.Backoff,
		maxBackoff:   cfg.MaxBackoff,
		sendTimeout:  cfg.SendTimeout,
		fileEndpoint: fileEndpoint(cfg.APIEndpoint),
		migrations:   migr,
		poll:         pollHealth{unhealthyAfter: cfg.PollUnhealthyAfter},
		now:          cfg.Now,
	}
	api, err := tgbotapi.NewBotAPIWithClient(cfg.Token, cfg.APIEndpoint, c.doer(ctx))
	if err != nil {
		return nil, fmt.Errorf("telegram: getMe: %w", c.scrub(err))
	}
	api.Client = cfg.HTTPClient
	c.api = api
	c.botID = api.Self.ID
	c.username = api.Self.UserName
	return c, nil
}

// Name returns bot.ChannelTelegram.
func (c *Client) Name() string { return bot.ChannelTelegram }

// Username returns the bot's @username (without the @), as getMe reported it.
func (c *Client) Username() string { return c.username }

// with returns a copy of the library client whose requests carry ctx, so
// that cancelling ctx aborts the in-flight HTTP request.
func (c *Client) with(ctx context.Context) *tgbotapi.BotAPI {
	api := *c.api
	api.Client = c.doer(ctx)
	return &api
}

func (c *Client) doer(ctx context.Context) tgbotapi.HTTPClient {
	return ctxDoer{ctx: ctx, client: c.http, token: c.token}
}

// ctxDoer injects a context into the library's context-free requests and
// strips the token from transport errors (the library puts it in the URL).
type ctxDoer struct {
	ctx    context.Context
	client *http.Client
	token  string
}

func (d ctxDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.client.Do(req.WithContext(d.ctx))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			ue.URL = platform.Redact(ue.URL, d.token)
		}
		return nil, err
	}
	return resp, nil
}

// scrub guarantees that no error leaving the package contains the token.
func (c *Client) scrub(err error) error { return platform.Scrub(err, c.token) }
