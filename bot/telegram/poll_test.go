package telegram_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

func TestPollHandlesUpdatesInOrder(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	ids := []int{
		srv.PushMessage(42, 42, "/start xa-dai-dong"),
		srv.PushMessage(42, 42, "hộ nghèo"),
		srv.PushMessage(43, 43, "bảo hiểm y tế"),
	}
	rec := newRecorder()
	stop := startPoll(t, c, 0, rec)

	got := rec.WaitFor(t, 3, 3*time.Second)
	// Chats are handled concurrently; each chat keeps its own order.
	keys := []string{key(t, srv, ids[0]), key(t, srv, ids[1]), key(t, srv, ids[2])}
	if want := []string{"m42:1", "m42:2", "m43:3"}; !slices.Equal(keys, want) {
		t.Errorf("update IDs %q, want %q: chat and message_id", keys, want)
	}
	sortByKey(got, keys)
	for i, u := range got {
		// The offset an update stores never passes the batch (and never an
		// update still in hand: TestOffsetNeverPassesAnUnhandledUpdate).
		if u.ID != keys[i] || offsetOf(u) > int64(ids[2])+1 || u.Channel != bot.ChannelTelegram {
			t.Errorf("update %d = {ID %s, Offset %d, Channel %s}, want {%s, ≤ %d, telegram}", i, u.ID, offsetOf(u), u.Channel, keys[i], ids[2]+1)
		}
	}
	if got[0].Text != "/start xa-dai-dong" || got[0].ChatID != "42" || got[0].UserID != "42" {
		t.Errorf("first update = %+v", got[0])
	}
	if got[0].Name != "Người Dùng" || got[0].Time.IsZero() {
		t.Errorf("name %q, time %s: want the sender's full name and the message date", got[0].Name, got[0].Time)
	}
	waitUntil(t, func() bool { return srv.Pending() == 0 }, "updates confirmed")
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Poll returned %v, want context.Canceled", err)
	}
	req := srv.Requests("getUpdates")[0]
	if got, want := req.Get("allowed_updates"), `["message","callback_query"]`; got != want {
		t.Errorf("allowed_updates = %s, want %s", got, want)
	}
	if got := req.Get("timeout"); got != "1" {
		t.Errorf("timeout = %s, want 1", got)
	}
}

func TestPollRetriesFailedUpdateWithoutSkipping(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	id1 := srv.PushMessage(42, 42, "một")
	id2 := srv.PushMessage(42, 42, "hai")
	id3 := srv.PushMessage(42, 42, "ba")
	rec := newRecorder()
	rec.FailFor(key(t, srv, id2), 2)
	startPoll(t, c, 0, rec)

	got := rec.WaitFor(t, 3, 3*time.Second)
	for i, want := range []int{id1, id2, id3} {
		if got[i].ID != key(t, srv, want) {
			t.Errorf("handled[%d] = %s, want %d", i, got[i].ID, want)
		}
	}
	if n := rec.AttemptsFor(key(t, srv, id2)); n != 3 {
		t.Errorf("update %d tried %d times, want 3", id2, n)
	}
	if n := rec.AttemptsFor(key(t, srv, id3)); n != 1 {
		t.Errorf("update %d tried %d times, want 1 (not before %d succeeded)", id3, n, id2)
	}
	// Until id2 succeeded, no getUpdates may confirm it.
	for _, req := range srv.Requests("getUpdates")[:3] {
		if off := req.Get("offset"); off != "" && atoi(t, off) > id2 {
			t.Errorf("getUpdates offset %s skipped the failing update %d", off, id2)
		}
	}
}

func TestPollResumesFromOffset(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.PushMessage(42, 42, "đã xử lý")
	id2 := srv.PushMessage(42, 42, "mới")
	rec := newRecorder()
	startPoll(t, c, int64(id2), rec) // a bare offset, as stored before positions

	rec.WaitFor(t, 1, 3*time.Second)
	time.Sleep(100 * time.Millisecond)
	if got := rec.Updates(); len(got) != 1 || got[0].ID != key(t, srv, id2) {
		t.Errorf("handled %+v, want only update %d", got, id2)
	}
}

func TestPollPassesRedeliveredUpdateAgain(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	id := srv.PushMessage(42, 42, "xin chào")
	rec := newRecorder()
	stop := startPoll(t, c, 0, rec)
	rec.WaitFor(t, 1, 3*time.Second)
	waitUntil(t, func() bool { return srv.Pending() == 0 }, "update confirmed")
	stop()

	if !srv.Redeliver(id) {
		t.Fatalf("Redeliver(%d) = false", id)
	}
	startPoll(t, c, 0, rec) // the stored offset was lost
	got := rec.WaitFor(t, 2, 3*time.Second)
	if got[0].ID != got[1].ID {
		t.Errorf("redelivered update has ID %s, first delivery %s: the engine dedupes on it", got[1].ID, got[0].ID)
	}
}

func TestPollDoesNotSpinOnEmptyAnswers(t *testing.T) {
	t.Parallel() // sleeps for a second or two
	srv := telegramtest.NewServer(t, telegramtest.EmptyImmediately())
	c := newClient(t, srv)
	startPoll(t, c, 0, newRecorder())

	time.Sleep(1500 * time.Millisecond)
	if n := srv.Calls("getUpdates"); n > 3 {
		t.Errorf("%d getUpdates calls in 1.5 s, want at most 3", n)
	}
}

func TestPollStopsPromptlyDuringLongPoll(t *testing.T) {
	srv := telegramtest.NewServer(t, telegramtest.WithPollCap(30*time.Second))
	c := newClient(t, srv, func(cfg *telegram.Config) { cfg.PollTimeout = 30 * time.Second })
	stop := startPoll(t, c, 0, newRecorder())
	waitUntil(t, func() bool { return srv.Calls("getUpdates") == 1 }, "long poll started")
	time.Sleep(50 * time.Millisecond)

	start := time.Now()
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Poll returned %v, want context.Canceled", err)
	}
	if elapsed := time.Since(start); elapsed > 500*time.Millisecond {
		t.Errorf("Poll took %s to return after cancel", elapsed)
	}
}

func TestPollHonoursRetryAfter(t *testing.T) {
	t.Parallel() // sleeps for a second or two
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.FailNext("getUpdates", 1, telegramtest.TooManyRequests(1))
	srv.PushMessage(42, 42, "xin chào")
	start := time.Now()
	rec := newRecorder()
	startPoll(t, c, 0, rec)

	rec.WaitFor(t, 1, 3*time.Second)
	if elapsed := time.Since(start); elapsed < 900*time.Millisecond {
		t.Errorf("handled after %s, want Poll to wait retry_after (1 s) first", elapsed)
	}
}

func TestPollRecoversFromErrors(t *testing.T) {
	for name, fault := range map[string]telegramtest.Fault{
		"conflict":    telegramtest.Conflict(),
		"server 500":  telegramtest.ServerError(),
		"bad gateway": telegramtest.BadGateway(),
	} {
		t.Run(name, func(t *testing.T) {
			srv := telegramtest.NewServer(t)
			c := newClient(t, srv)
			srv.FailNext("getUpdates", 3, fault)
			id := srv.PushMessage(42, 42, "xin chào")
			rec := newRecorder()
			startPoll(t, c, 0, rec)

			got := rec.WaitFor(t, 1, 3*time.Second)
			if got[0].ID != key(t, srv, id) {
				t.Errorf("handled %s, want %d", got[0].ID, id)
			}
			if n := srv.Calls("getUpdates"); n < 4 {
				t.Errorf("getUpdates called %d times, want ≥ 4 (3 failures, then success)", n)
			}
		})
	}
}

func TestPollConvertsButtonPress(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	sent, err := c.Send(context.Background(), reply(42, "Chọn:", bot.Button{Label: "BHYT", Data: "t:bhyt"}))
	if err != nil {
		t.Fatal(err)
	}
	msgID := sent.MessageIDs[0]
	id := srv.PushCallback(42, 42, atoi(t, msgID), "t:bhyt")
	rec := newRecorder()
	startPoll(t, c, 0, rec)

	u := rec.WaitFor(t, 1, 3*time.Second)[0]
	want := bot.Update{
		Channel: bot.ChannelTelegram, ID: "q" + telegramtest.CallbackID(id), Offset: u.Offset,
		ChatID: "42", UserID: "42", Name: "Người Dùng", Addressed: true,
		Data: "t:bhyt", CallbackID: telegramtest.CallbackID(id),
	}
	if u != want {
		t.Errorf("update = %+v\nwant %+v", u, want)
	}
	if got := offsetOf(u); got != int64(id)+1 {
		t.Errorf("offset in the position %d, want %d", got, id+1)
	}
}

func waitUntil(tb testing.TB, cond func() bool, what string) {
	tb.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// blockingHandler holds the updates of one chat until released and records
// the others at once.
type blockingHandler struct {
	chat    string
	release chan struct{}
	mu      sync.Mutex
	got     []bot.Update
}

func (h *blockingHandler) Handle(_ context.Context, u bot.Update) error {
	if u.ChatID == h.chat {
		<-h.release
	}
	h.mu.Lock()
	h.got = append(h.got, u)
	h.mu.Unlock()
	return nil
}

func (h *blockingHandler) updates() []bot.Update {
	h.mu.Lock()
	defer h.mu.Unlock()
	return slices.Clone(h.got)
}

// TestOffsetNeverPassesAnUnhandledUpdate: chats of one batch are handled
// concurrently, and each update stores its offset with its effects. A later
// update of another chat that commits first must not store an offset past
// an update still being handled: a crash right then would make Telegram
// drop that update for ever.
func TestOffsetNeverPassesAnUnhandledUpdate(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	slow := srv.PushMessage(42, 42, "chat chậm")
	fast := srv.PushMessage(43, 43, "chat nhanh")
	h := &blockingHandler{chat: "42", release: make(chan struct{})}
	stop := startPoll(t, c, 0, h)
	defer stop()
	deadline := time.Now().Add(3 * time.Second)
	for len(h.updates()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	got := h.updates()
	if len(got) != 1 || got[0].ID != key(t, srv, fast) {
		t.Fatalf("handled %+v, want only update %d", got, fast)
	}
	if offsetOf(got[0]) > int64(slow) {
		t.Errorf("update %d stores offset %d while update %d is unhandled: a crash now would lose it", fast, offsetOf(got[0]), slow)
	}
	close(h.release)
	deadline = time.Now().Add(3 * time.Second)
	for len(h.updates()) < 2 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	got = h.updates()
	// The slow update took its offset before it was handled: past itself,
	// and past the fast one if that was done by then. Either is safe.
	if len(got) != 2 || got[1].ID != key(t, srv, slow) || offsetOf(got[1]) < int64(slow)+1 || offsetOf(got[1]) > int64(fast)+1 {
		t.Errorf("after release: %+v; want update %d storing an offset from %d to %d", got, slow, slow+1, fast+1)
	}
}
