package outbox_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

// fakeChannel records sends and fails them as scripted.
type fakeChannel struct {
	name string
	mu   sync.Mutex
	sent []bot.Delivery
	// fail, if set, decides the error for each attempt.
	fail  func(d bot.Delivery, attempt int) error
	tries map[uint64]int
	delay time.Duration
}

func newFake(name string) *fakeChannel { return &fakeChannel{name: name, tries: map[uint64]int{}} }

func (f *fakeChannel) Name() string { return f.name }

func (f *fakeChannel) Send(ctx context.Context, d bot.Delivery) (bot.SendResult, error) {
	if f.delay > 0 {
		time.Sleep(f.delay)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tries[d.ID]++
	if f.fail != nil {
		if err := f.fail(d, f.tries[d.ID]); err != nil {
			return bot.SendResult{}, err
		}
	}
	f.sent = append(f.sent, d)
	return bot.SendResult{MessageIDs: []string{fmt.Sprint(len(f.sent))}}, nil
}

func (f *fakeChannel) texts(chat string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, d := range f.sent {
		if chat == "" || d.ChatID == chat {
			out = append(out, d.Text)
		}
	}
	return out
}

func enqueue(t testing.TB, st bot.Store, rows ...bot.Delivery) {
	t.Helper()
	err := st.Apply(context.Background(), func(tx bot.Tx) error {
		for i := range rows {
			if _, err := tx.Enqueue(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The store implements the dispatcher's interface structurally.
var _ outbox.Store = (*store.Store)(nil)

func runDispatcher(t testing.TB, cfg outbox.Config) (*outbox.Dispatcher, func()) {
	t.Helper()
	d := outbox.NewDispatcher(cfg)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); d.Run(ctx) }()
	return d, func() { cancel(); <-done }
}

func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	waitWithin(t, 10*time.Second, what, cond)
}

// waitWithin is waitFor with its own limit, for tests that assert what
// was sent rather than how fast (the race detector on a loaded 2-core
// machine slows the dispatcher several times over).
func waitWithin(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestDispatcherKeepsChatOrderThroughRetries(t *testing.T) {
	st := storetest.Open(t)
	ch := newFake("telegram")
	ch.fail = func(d bot.Delivery, attempt int) error {
		if d.Text == "a1" && attempt < 3 {
			return errors.New("502 bad gateway")
		}
		return nil
	}
	now := time.Now()
	var rows []bot.Delivery
	for _, txt := range []string{"a1", "a2", "a3"} {
		rows = append(rows, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "A", Text: txt, Created: now})
	}
	rows = append(rows, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "B", Text: "b1", Created: now})
	enqueue(t, st, rows...)
	d, stop := runDispatcher(t, outbox.Config{Store: st, Channels: []bot.Channel{ch}, InFlight: 4})
	defer stop()
	// B is not held up by A's failures.
	waitFor(t, "b1", func() bool { return len(ch.texts("B")) == 1 })
	if got := ch.texts("A"); len(got) != 0 {
		t.Errorf("chat A sent %v before a1 succeeded", got)
	}
	waitFor(t, "chat A", func() bool { return len(ch.texts("A")) == 3 })
	if got := fmt.Sprint(ch.texts("A")); got != "[a1 a2 a3]" {
		t.Errorf("chat A order = %s", got)
	}
	if d.Stats.Retried.Load() != 2 {
		t.Errorf("retried = %d, want 2", d.Stats.Retried.Load())
	}
	waitFor(t, "empty outbox", func() bool { s, _ := st.OutboxStats(); return s.Pending == 0 })
}

func TestDispatcherBlockedRecipientIsMarkedAndSkipped(t *testing.T) {
	st := storetest.Open(t)
	// The user exists because they wrote once, and has their reply pending.
	err := st.Apply(context.Background(), func(tx bot.Tx) error {
		return tx.PutUser(bot.User{Key: bot.UserKey{Channel: "telegram", ID: "9"}, ChatID: "9", Created: time.Now(), LastSeen: time.Now()})
	})
	if err != nil {
		t.Fatal(err)
	}
	enqueue(t, st, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "9", UserID: "9", Text: "chào", Created: time.Now()},
		bot.Delivery{Kind: bot.KindReminder, Channel: "telegram", ChatID: "9", UserID: "9", Text: "nhắc 2", Created: time.Now()})
	ch := newFake("telegram")
	ch.fail = func(d bot.Delivery, attempt int) error {
		return &bot.PermanentError{Reason: "Forbidden: bot was blocked by the user", Unreachable: true}
	}
	_, stop := runDispatcher(t, outbox.Config{Store: st, Channels: []bot.Channel{ch}})
	defer stop()
	waitFor(t, "dead letters", func() bool { s, _ := st.OutboxStats(); return s.Pending == 0 && s.Dead == 2 })
	u, err := st.User(bot.UserKey{Channel: "telegram", ID: "9"})
	if err != nil || !u.Unreachable {
		t.Errorf("user = %+v, %v; want unreachable", u, err)
	}
	ch.mu.Lock()
	tries := len(ch.tries)
	ch.mu.Unlock()
	if tries != 1 {
		t.Errorf("%d rows attempted, want 1 (the rest skipped once the user was unreachable)", tries)
	}
	_, reasons, _ := st.DeadLetters()
	for _, r := range reasons {
		if r == "" {
			t.Error("dead letter without a reason")
		}
	}
}

func TestDispatcherHonoursRetryAfter(t *testing.T) {
	st := storetest.Open(t)
	ch := newFake("telegram")
	var first time.Time
	var second time.Time
	ch.fail = func(d bot.Delivery, attempt int) error {
		if attempt == 1 {
			first = time.Now()
			return &bot.RateLimitError{RetryAfter: 1 * time.Second}
		}
		second = time.Now()
		return nil
	}
	enqueue(t, st, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Text: "x", Created: time.Now()})
	d, stop := runDispatcher(t, outbox.Config{Store: st, Channels: []bot.Channel{ch}})
	defer stop()
	waitFor(t, "send", func() bool { return len(ch.texts("")) == 1 })
	if gap := second.Sub(first); gap < time.Second {
		t.Errorf("retried after %s, want ≥ retry_after (1s)", gap)
	}
	if d.Stats.RateLimited.Load() != 1 {
		t.Errorf("rate limited = %d, want 1", d.Stats.RateLimited.Load())
	}
}

func TestDispatcherGivesUpAfterADay(t *testing.T) {
	st := storetest.Open(t)
	ch := newFake("telegram")
	ch.fail = func(bot.Delivery, int) error { return errors.New("connection reset") }
	enqueue(t, st, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Text: "old", Created: time.Now().Add(-25 * time.Hour)})
	_, stop := runDispatcher(t, outbox.Config{Store: st, Channels: []bot.Channel{ch}})
	defer stop()
	waitFor(t, "dead letter", func() bool { s, _ := st.OutboxStats(); return s.Dead == 1 && s.Pending == 0 })
	rows, reasons, err := st.DeadLetters()
	if err != nil || len(rows) != 1 || rows[0].Text != "old" || reasons[0] != "gave up after 24h0m0s: connection reset" {
		t.Errorf("dead letters = %v %q, %v; want the row 'old', given up after 24h with the last error", rows, reasons, err)
	}
}

func TestDispatcherRespectsPerChatLimit(t *testing.T) {
	st := storetest.Open(t)
	ch := newFake("telegram")
	var rows []bot.Delivery
	for i := range 5 {
		rows = append(rows, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Text: fmt.Sprint(i), Created: time.Now()})
	}
	enqueue(t, st, rows...)
	start := time.Now()
	_, stop := runDispatcher(t, outbox.Config{Store: st, Channels: []bot.Channel{ch},
		Limits: map[string]outbox.Limits{"telegram": {PerChat: 2, PerChatBurst: 1}}})
	defer stop()
	waitFor(t, "5 sends", func() bool { return len(ch.texts("1")) == 5 })
	// 5 sends at 2/s with burst 1 take at least 2 s.
	if el := time.Since(start); el < 1900*time.Millisecond {
		t.Errorf("5 sends took %s, faster than the per-chat limit allows", el)
	}
}

// BenchmarkDispatch measures sends/s through the outbox with limits off
// against an in-process channel, for the default (one unconfirmed send) and
// a pipelined setting.
func BenchmarkDispatch(b *testing.B) {
	for _, inFlight := range []int{1, 8} {
		b.Run(fmt.Sprintf("inflight=%d", inFlight), func(b *testing.B) {
			st := storetest.Open(b)
			ch := newFake("telegram")
			rows := make([]bot.Delivery, b.N)
			for i := range rows {
				rows[i] = bot.Delivery{Kind: bot.KindReminder, Channel: "telegram", ChatID: fmt.Sprint(i % 1000), Text: "nhắc lịch", Created: time.Now()}
			}
			for i := 0; i < len(rows); i += 1000 {
				enqueue(b, st, rows[i:min(i+1000, len(rows))]...)
			}
			b.ResetTimer()
			_, stop := runDispatcher(b, outbox.Config{Store: st, Channels: []bot.Channel{ch}, InFlight: inFlight})
			waitFor(b, "all sent", func() bool { return len(ch.texts("")) == b.N })
			b.StopTimer()
			stop()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sends/s")
		})
	}
}

// TestDispatcherSendsEachRowOnce runs many concurrent sends: a scan whose
// read snapshot began before a send was recorded must not send that row
// again (a race seen with InFlight > 1).
func TestDispatcherSendsEachRowOnce(t *testing.T) {
	// The race needs a scan to overlap a finishing send: a few rounds of
	// thousands of rows make it show reliably without the fix.
	for round := range 4 {
		st := storetest.Open(t)
		ch := newFake("telegram")
		rows := make([]bot.Delivery, 3000)
		for i := range rows {
			rows[i] = bot.Delivery{Kind: bot.KindReminder, Channel: "telegram", ChatID: fmt.Sprint(i % 1000), Text: fmt.Sprint(i), Created: time.Now()}
		}
		for i := 0; i < len(rows); i += 500 {
			enqueue(t, st, rows[i:i+500]...)
		}
		_, stop := runDispatcher(t, outbox.Config{Store: st, Channels: []bot.Channel{ch}, InFlight: 8})
		waitWithin(t, 2*time.Minute, "outbox drained", func() bool { s, _ := st.OutboxStats(); return s.Pending == 0 })
		stop()
		ch.mu.Lock()
		for id, n := range ch.tries {
			if n != 1 {
				t.Errorf("round %d: row %d sent %d times", round, id, n)
			}
		}
		if len(ch.tries) != len(rows) {
			t.Errorf("round %d: %d rows sent, want %d", round, len(ch.tries), len(rows))
		}
		ch.mu.Unlock()
	}
}

// TestDispatcherOpenClose: Open owns the loop's goroutine; Close lets the
// send in flight finish and then reports the loop stopped; a Close whose
// context ends first says so.
func TestDispatcherOpenClose(t *testing.T) {
	st := storetest.Open(t)
	ch := newFake("telegram")
	ch.delay = 300 * time.Millisecond
	d := outbox.NewDispatcher(outbox.Config{Store: st, Channels: []bot.Channel{ch}})
	if err := d.Close(context.Background()); err != nil {
		t.Fatalf("Close without Open = %v", err)
	}
	enqueue(t, st, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "A", Text: "a1", Created: time.Now()})
	d.Open()
	waitFor(t, "running", d.Running)
	time.Sleep(50 * time.Millisecond) // the send of a1 is in flight
	if err := d.Close(context.Background()); err != nil {
		t.Fatalf("Close = %v", err)
	}
	if d.Running() || len(ch.texts("A")) != 1 {
		t.Errorf("after Close: running %v, sent %v; want stopped after a1 was sent", d.Running(), ch.texts("A"))
	}

	d2 := outbox.NewDispatcher(outbox.Config{Store: st, Channels: []bot.Channel{ch}, Grace: time.Minute})
	ch.delay = 2 * time.Second
	enqueue(t, st, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "B", Text: "b1", Created: time.Now()})
	d2.Open()
	time.Sleep(300 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := d2.Close(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Close with a short context = %v, want the deadline", err)
	}
	if err := d2.Close(context.Background()); err != nil || d2.Running() {
		t.Errorf("second Close = %v, running %v", err, d2.Running())
	}
}

// sentMetrics records each Sent call as a line.
type sentMetrics struct {
	mu    sync.Mutex
	calls map[string]int
}

func (m *sentMetrics) Sent(ch, kind, result string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls[fmt.Sprintf("sent %s %s %s", ch, kind, result)]++
}

func (m *sentMetrics) snapshot() map[string]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.calls)
}

func TestDispatcherReportsEachResult(t *testing.T) {
	st := storetest.Open(t)
	m := &sentMetrics{calls: map[string]int{}}
	ch := newFake("telegram")
	ch.fail = func(d bot.Delivery, attempt int) error {
		switch {
		case d.ChatID == "blocked":
			return &bot.PermanentError{Reason: "Forbidden: bot was blocked by the user", Unreachable: true}
		case d.ChatID == "refused":
			return &bot.PermanentError{Reason: "Bad Request: message is too long"}
		case d.ChatID == "old":
			return errors.New("502 Bad Gateway")
		case d.ChatID == "limited" && attempt == 1:
			return &bot.RateLimitError{RetryAfter: time.Second}
		case d.ChatID == "flaky" && attempt == 1:
			return errors.New("connection reset")
		}
		return nil
	}
	now := time.Now()
	var rows []bot.Delivery
	for _, chat := range []string{"fine", "blocked", "refused", "limited", "flaky"} {
		rows = append(rows, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: chat, Text: "x", Created: now})
	}
	rows = append(rows, bot.Delivery{Kind: bot.KindReminder, Channel: "telegram", ChatID: "old", Text: "x", Created: now.Add(-25 * time.Hour)})
	enqueue(t, st, rows...)
	_, stop := runDispatcher(t, outbox.Config{Store: st, Channels: []bot.Channel{ch}, Metrics: m})
	defer stop()
	waitFor(t, "every row settled", func() bool { s, _ := st.OutboxStats(); return s.Pending == 0 })

	want := map[string]int{
		"sent telegram reply ok":      3,
		"sent telegram reply 429":     1,
		"sent telegram reply error":   1,
		"sent telegram reply blocked": 1,
		"sent telegram reply refused": 1,
		"sent telegram reminder dead": 1,
	}
	if got := m.snapshot(); !maps.Equal(got, want) {
		t.Errorf("metrics calls = %v\nwant %v", got, want)
	}
}
