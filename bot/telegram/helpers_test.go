package telegram_test

import (
	"context"
	"log/slog"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/bottest"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// newClient connects a Client to srv with short timeouts and backoffs.
func newClient(tb testing.TB, srv *telegramtest.Server, opts ...func(*telegram.Config)) *telegram.Client {
	tb.Helper()
	return newClientAt(tb, srv.Token(), srv.Endpoint(), opts...)
}

// newClientAt connects a Client to the Bot API at endpoint with token.
func newClientAt(tb testing.TB, token, endpoint string, opts ...func(*telegram.Config)) *telegram.Client {
	tb.Helper()
	cfg := telegram.Config{
		Token:       token,
		APIEndpoint: endpoint,
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
	c, err := telegram.New(ctx, cfg)
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
func startPoll(tb testing.TB, c *telegram.Client, offset int64, h bot.Handler) (stop func() error) {
	tb.Helper()
	return bottest.StartPoll(tb, func(ctx context.Context) error { return c.Poll(ctx, offset, h) })
}

// key is the bot.Update.ID the adapter gives the update queued on srv as
// updateID: "m" with the message's chat and message_id, or "q" with a
// button press's callback query id.
func key(tb testing.TB, srv *telegramtest.Server, updateID int) string {
	tb.Helper()
	if chat, msg, ok := srv.UpdateMessage(updateID); ok {
		return "m" + chatString(chat) + ":" + itoa(msg)
	}
	return "q" + telegramtest.CallbackID(updateID)
}

// offsetOf is the getUpdates offset in u's position (bot.Update.Offset).
func offsetOf(u bot.Update) int64 {
	next, _ := telegram.DecodePosition(u.Offset)
	return next
}

// sortByKey puts updates in the order of their IDs in keys.
func sortByKey(got []bot.Update, keys []string) {
	sort.SliceStable(got, func(i, j int) bool { return slices.Index(keys, got[i].ID) < slices.Index(keys, got[j].ID) })
}

func itoa(id int) string { return strconv.Itoa(id) }

func chatString(id int64) string { return strconv.FormatInt(id, 10) }

func atoi(tb testing.TB, s string) int {
	tb.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		tb.Fatalf("not a number: %q", s)
	}
	return n
}
