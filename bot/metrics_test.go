package bot_test

import (
	"errors"
	"fmt"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// recMetrics records every call as a line.
type recMetrics struct {
	mu    sync.Mutex
	calls map[string]int
}

func newRecMetrics() *recMetrics { return &recMetrics{calls: map[string]int{}} }

func (m *recMetrics) add(s string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls[s]++
}

func (m *recMetrics) snapshot() map[string]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.calls)
}

func (m *recMetrics) UpdateReceived(ch string) { m.add("received " + ch) }
func (m *recMetrics) UpdateApplied(ch string, took time.Duration) {
	if took <= 0 {
		m.add("applied with no duration")
	}
	m.add("applied " + ch)
}
func (m *recMetrics) Replied(topic, outcome string, score float64) {
	m.add(fmt.Sprintf("replied %s %s", topic, outcome))
}
func (m *recMetrics) Sent(ch, kind, result string) {
	m.add(fmt.Sprintf("sent %s %s %s", ch, kind, result))
}
func (m *recMetrics) EligibilityStarted(ch string) { m.add("eligibility started " + ch) }
func (m *recMetrics) EligibilityFinished(c string) { m.add("eligibility finished " + c) }
func (m *recMetrics) String() string               { return fmt.Sprint(m.snapshot()) }

func TestEngineReportsUpdatesAndReplies(t *testing.T) {
	m := newRecMetrics()
	h := &harness{t: t, st: mustStore(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now }, Metrics: m})

	h.say("the bhyt ho ngheo")
	h.say("xyzzy plugh")
	h.say("/menu") // a command is no question: no reply outcome
	dup := bot.Update{Channel: bot.ChannelZalo, ID: "z1", ChatID: "7", UserID: "7", Text: "xin chao", Addressed: true}
	h.handle(dup)
	h.handle(dup) // a redelivery is received but not applied again

	want := map[string]int{
		"received telegram": 3, "applied telegram": 3,
		"received zalo": 2, "applied zalo": 1,
		"replied health_insurance answered": 1,
		"replied unknown unknown":           1,
		"replied smalltalk answered":        1,
	}
	if got := m.snapshot(); !maps.Equal(got, want) {
		t.Errorf("metrics calls = %v\nwant %v", got, want)
	}
}

func TestDispatcherReportsEachResult(t *testing.T) {
	st := mustStore(t)
	m := newRecMetrics()
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
	_, stop := runDispatcher(t, bot.DispatcherConfig{Store: st, Channels: []bot.Channel{ch}, Metrics: m})
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

var _ bot.Metrics = (*recMetrics)(nil)

// TestEngineReportsEligibilityChecks: a check started and one finished are
// reported once each, after their transactions committed.
func TestEngineReportsEligibilityChecks(t *testing.T) {
	m := newRecMetrics()
	kb := mustKB(t)
	h := &harness{t: t, st: mustStore(t), now: time.Date(2026, 12, 31, 9, 0, 0, 0, fixedNow.Location())}
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: kb, Rules: mustRulesFor(t, kb), Now: func() time.Time { return h.now }, Metrics: m})
	for _, text := range []string{"/kiemtra", "2", "2", "6tr", "0"} { // an urban household at the average ceiling
		h.say(text)
	}
	got := m.snapshot()
	if got["eligibility started telegram"] != 1 || got["eligibility finished average"] != 1 {
		t.Errorf("metrics calls = %v, want one check started on telegram and one finished as average", got)
	}
}
