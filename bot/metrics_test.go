package bot_test

import (
	"fmt"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store/storetest"
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
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
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

var _ bot.Metrics = (*recMetrics)(nil)

// TestEngineReportsEligibilityChecks: a check started and one finished are
// reported once each, after their transactions committed.
func TestEngineReportsEligibilityChecks(t *testing.T) {
	m := newRecMetrics()
	kb := mustKB(t)
	h := &harness{t: t, st: storetest.Open(t), now: time.Date(2026, 12, 31, 9, 0, 0, 0, fixedNow.Location())}
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: kb, Rules: mustRulesFor(t, kb), Now: func() time.Time { return h.now }, Metrics: m})
	for _, text := range []string{"/kiemtra", "2", "2", "6tr", "0"} { // an urban household at the average ceiling
		h.say(text)
	}
	got := m.snapshot()
	if got["eligibility started telegram"] != 1 || got["eligibility finished average"] != 1 {
		t.Errorf("metrics calls = %v, want one check started on telegram and one finished as average", got)
	}
}
