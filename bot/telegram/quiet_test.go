package telegram_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

// storeHandler applies updates the way the engine does (bot.Engine.Handle):
// in one transaction it marks the update seen by its ID and stores its
// offset; only a fresh update counts as handled. Its texts (or button
// data) are what the citizen would get an answer to.
type storeHandler struct {
	st  *store.Store
	now func() time.Time

	mu      sync.Mutex
	handled []string
}

func (h *storeHandler) Handle(ctx context.Context, u bot.Update) error {
	var fresh bool
	err := h.st.Apply(ctx, func(tx bot.Tx) error {
		var err error
		if fresh, err = tx.MarkSeen(u.Channel, u.ID, h.now()); err != nil {
			return err
		}
		if u.Offset > 0 {
			return tx.SetOffset(u.Channel, u.Offset)
		}
		return nil
	})
	if err == nil && fresh {
		h.mu.Lock()
		h.handled = append(h.handled, u.Text+u.Data)
		h.mu.Unlock()
	}
	return err
}

func (h *storeHandler) texts() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.handled)
}

// waitTexts waits until every one of want was handled, then a little
// more, and fails unless each was handled exactly once and nothing else.
func (h *storeHandler) waitTexts(t *testing.T, want ...string) {
	t.Helper()
	deadline := time.Now().Add(4 * time.Second)
	for time.Now().Before(deadline) && !containsAll(h.texts(), want) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(150 * time.Millisecond) // a duplicate would show by now
	got := h.texts()
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("handled %q, want each of %q exactly once", got, want)
	}
}

func containsAll(got, want []string) bool {
	for _, w := range want {
		if !slices.Contains(got, w) {
			return false
		}
	}
	return true
}

// quietRig is a bot on a fake Telegram that picks update_id 7 after a
// week without updates, with a store that survives restarts of the client.
type quietRig struct {
	t   *testing.T
	clk *fakeClock
	srv *telegramtest.Server
	st  *store.Store
	h   *storeHandler
}

func newQuietRig(t *testing.T, randomID int) *quietRig {
	clk := &fakeClock{now: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)}
	srv := telegramtest.NewServer(t, telegramtest.WithClock(clk.Now),
		telegramtest.WithRandomIDsAfterQuietWeek(func() int { return randomID }))
	st := storetest.Open(t)
	return &quietRig{t: t, clk: clk, srv: srv, st: st, h: &storeHandler{st: st, now: clk.Now}}
}

// start starts a fresh client polling from the stored offset, as the
// service does at start (cmd/ansinh).
func (r *quietRig) start() (stop func() error) {
	r.t.Helper()
	c := newClient(r.t, r.srv, withClock(r.clk))
	off, err := r.st.Offset(bot.ChannelTelegram)
	if err != nil {
		r.t.Fatal(err)
	}
	stopPoll := startPoll(r.t, c, off, r.h)
	return func() error {
		err := stopPoll()
		// Telegram forgets a poll whose connection closed; the fake may
		// take a moment to see it.
		waitUntil(r.t, func() bool { return r.srv.Polling() == 0 }, "the stopped poll ended")
		return err
	}
}

// pollsAfter waits until the client made n more getUpdates calls than
// before, so that it has looked at the clock again.
func (r *quietRig) pollsAfter(before, n int) {
	r.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for r.srv.Calls("getUpdates") < before+n {
		if time.Now().After(deadline) {
			r.t.Fatalf("no new getUpdates call")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Telegram: "If there are no new updates for at least a week, then
// identifier of the next update will be chosen randomly instead of
// sequentially." A bot polling all through a quiet week must still get the
// next message when its id is far below the offset it last used; before,
// it polled with that offset, which confirmed the message unseen.
func TestQuietWeekThenLowRandomIDIsReceivedOnce(t *testing.T) {
	r := newQuietRig(t, 7)
	r.srv.PushMessage(42, 42, "một")
	r.srv.PushMessage(43, 43, "hai")
	r.srv.PushMessage(42, 42, "ba")
	r.start()
	r.h.waitTexts(t, "một", "hai", "ba")

	// Six days pass with the bot polling: the next polls carry no offset,
	// before Telegram may start numbering anew.
	r.clk.Add(6 * 24 * time.Hour)
	r.pollsAfter(r.srv.Calls("getUpdates"), 2)
	r.clk.Add(36 * time.Hour)
	id := r.srv.PushMessage(44, 44, "sau một tuần")
	if id != 7 {
		t.Fatalf("the fake gave update_id %d after a quiet week, want 7", id)
	}
	r.h.waitTexts(t, "một", "hai", "ba", "sau một tuần")
	r.srv.PushMessage(44, 44, "tiếp theo")
	r.h.waitTexts(t, "một", "hai", "ba", "sau một tuần", "tiếp theo")
	waitUntil(t, func() bool { return r.srv.Pending() == 0 }, "updates confirmed")
	var last string
	for _, req := range r.srv.Requests("getUpdates") {
		last = req.Get("offset")
	}
	if last != "9" {
		t.Errorf("last getUpdates offset %q, want 9 (the ids go on from the random one)", last)
	}
}

// The same, with the bot stopped during the quiet week and restarted after
// the random id arrived, then restarted again: each message and button
// press is handled once, none is lost, none comes twice, and a redelivery
// is recognised.
func TestRestartAcrossQuietWeekLosesNothing(t *testing.T) {
	r := newQuietRig(t, 7)
	r.srv.PushMessage(42, 42, "một")
	r.srv.PushMessage(42, 42, "hai")
	stop := r.start()
	r.h.waitTexts(t, "một", "hai")
	waitUntil(t, func() bool { return r.srv.Pending() == 0 }, "updates confirmed")
	stop()

	r.clk.Add(8 * 24 * time.Hour)
	low := r.srv.PushMessage(43, 43, "khi bot tắt")
	r.srv.PushCallback(43, 43, 1, "t:bhyt")
	if low != 7 {
		t.Fatalf("the fake gave update_id %d after a quiet week, want 7", low)
	}
	stop = r.start()
	r.h.waitTexts(t, "một", "hai", "khi bot tắt", "t:bhyt")
	waitUntil(t, func() bool { return r.srv.Pending() == 0 }, "updates confirmed")
	stop()

	// Restarted within the hour: the stored offset is the new numbering's.
	r.clk.Add(time.Hour)
	r.srv.PushMessage(43, 43, "sau khi khởi động lại")
	stop = r.start()
	r.h.waitTexts(t, "một", "hai", "khi bot tắt", "t:bhyt", "sau khi khởi động lại")
	waitUntil(t, func() bool { return r.srv.Pending() == 0 }, "updates confirmed")
	stop()

	// Telegram hands the low update out again to a poll without offset:
	// it is known by its chat and message, not by its update_id.
	if !r.srv.Redeliver(low) {
		t.Fatalf("Redeliver(%d) = false", low)
	}
	startPoll(t, newClient(t, r.srv, withClock(r.clk)), 0, r.h)
	waitUntil(t, func() bool { return r.srv.Pending() == 0 }, "redelivery confirmed")
	r.h.waitTexts(t, "một", "hai", "khi bot tắt", "t:bhyt", "sau khi khởi động lại")
}

// Over the webhook there is no offset, only deduplication: a new message
// whose random update_id equals that of one handled a week before is a new
// message, not a redelivery. Before, the engine keyed its dedup on the
// update_id alone and dropped it.
func TestWebhookRandomIDEqualToAnOldOneIsNotDropped(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	st := storetest.Open(t)
	h := &storeHandler{st: st, now: time.Now}
	wh := c.WebhookHandler(secret, h)
	post := func(messageID int, date time.Time, text string) {
		t.Helper()
		body := fmt.Sprintf(`{"update_id":5001,"message":{"message_id":%d,"date":%d,"chat":{"id":42,"type":"private","first_name":"Lan"},"from":{"id":42,"is_bot":false,"first_name":"Lan"},"text":%q}}`,
			messageID, date.Unix(), text)
		req := httptest.NewRequest("POST", webhookPath, strings.NewReader(body))
		req.Header.Set(telegram.SecretHeader, secret)
		rec := httptest.NewRecorder()
		wh.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("webhook answered %d", rec.Code)
		}
	}
	week := time.Now().Add(-8 * 24 * time.Hour)
	post(9, week, "tuần trước")
	post(9, week, "tuần trước") // Telegram's retry of the same update
	post(31, time.Now(), "hôm nay")
	if got := h.texts(); !slices.Equal(got, []string{"tuần trước", "hôm nay"}) {
		t.Errorf("handled %q, want the first message once and today's", got)
	}
}
