package zalo_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/bottest"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

// newClient connects a Client to srv with short timeouts and backoffs.
func newClient(tb testing.TB, srv *zalotest.Server, opts ...func(*zalo.Config)) *zalo.Client {
	tb.Helper()
	cfg := zalo.Config{
		Token:       srv.Token(),
		APIEndpoint: srv.Endpoint(),
		PollTimeout: time.Second,
		Backoff:     20 * time.Millisecond,
		MaxBackoff:  100 * time.Millisecond,
		Logger:      slog.New(slog.DiscardHandler),
	}
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := zalo.New(ctx, cfg)
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return c
}

// recorder is the shared recording handler.
type recorder = bottest.Recorder

func newRecorder() *recorder { return bottest.NewRecorder() }

var errBusy = bottest.ErrBusy

// startPoll runs c.Poll in the background (bottest.StartPoll).
func startPoll(tb testing.TB, c *zalo.Client, h bot.Handler) (stop func() error) {
	tb.Helper()
	return bottest.StartPoll(tb, func(ctx context.Context) error { return c.Poll(ctx, 0, h) })
}

// clock is a settable clock shared by an OAClient and its fake server.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// memTokens is an in-memory zalo.TokenStore. failSaves makes that many
// SaveOAToken calls fail.
type memTokens struct {
	mu        sync.Mutex
	tok       zalo.OAToken
	has       bool
	saves     []zalo.OAToken
	failSaves int
}

func (m *memTokens) LoadOAToken(context.Context) (zalo.OAToken, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.has {
		return zalo.OAToken{}, fmt.Errorf("oa token: %w", bot.ErrNotFound)
	}
	return m.tok, nil
}

func (m *memTokens) SaveOAToken(_ context.Context, t zalo.OAToken) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failSaves > 0 {
		m.failSaves--
		return errors.New("disk full")
	}
	m.tok, m.has = t, true
	m.saves = append(m.saves, t)
	return nil
}

func (m *memTokens) current() zalo.OAToken {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.tok
}

func (m *memTokens) saved() []zalo.OAToken {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]zalo.OAToken(nil), m.saves...)
}

// inbox is a LastInbound: when each user last wrote.
type inbox struct {
	mu   sync.Mutex
	last map[string]time.Time
}

func (i *inbox) set(user string, at time.Time) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.last == nil {
		i.last = make(map[string]time.Time)
	}
	i.last[user] = at
}

func (i *inbox) LastInbound(_ context.Context, user string) (time.Time, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	t, ok := i.last[user]
	if !ok {
		return time.Time{}, bot.ErrNotFound
	}
	return t, nil
}

// oaEnv is an OAClient wired to a fake OA server, a shared clock, an
// in-memory token store seeded with a fresh pair, and an inbox.
type oaEnv struct {
	srv    *zalotest.OAServer
	clock  *clock
	tokens *memTokens
	inbox  *inbox
	client *zalo.OAClient
	first  zalotest.TokenPair
}

func newOA(tb testing.TB, opts ...func(*zalo.OAConfig)) *oaEnv {
	tb.Helper()
	clk := newClock()
	srv := zalotest.NewOAServer(tb, zalotest.WithOAClock(clk.Now))
	pair := srv.Issue()
	store := &memTokens{tok: zalo.OAToken{AccessToken: pair.AccessToken, RefreshToken: pair.RefreshToken,
		Expiry: clk.Now().Add(pair.ExpiresIn), Issued: clk.Now()}, has: true}
	in := &inbox{}
	cfg := zalo.OAConfig{
		AppID: srv.AppID(), AppSecret: srv.AppSecret(), Tokens: store, LastInbound: in.LastInbound,
		MessageURL: srv.MessageURL(), TokenURL: srv.TokenURL(), Now: clk.Now,
		Logger: slog.New(slog.DiscardHandler),
	}
	for _, o := range opts {
		o(&cfg)
	}
	c, err := zalo.NewOA(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("NewOA: %v", err)
	}
	return &oaEnv{srv: srv, clock: clk, tokens: store, inbox: in, client: c, first: pair}
}

// reply is a delivery of text to user.
func reply(user, text string, buttons ...bot.Button) bot.Delivery {
	return bot.Delivery{ID: 1, Kind: bot.KindReply, Channel: bot.ChannelZaloOA, ChatID: user, UserID: user, Text: text, Buttons: buttons}
}

func asPermanent(err error, target **bot.PermanentError) bool { return errors.As(err, target) }

func withPollTimeout(d time.Duration) func(*zalo.Config) {
	return func(c *zalo.Config) { c.PollTimeout = d }
}
