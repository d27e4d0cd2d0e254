package bot

import (
	"time"

	"github.com/bacninh/ansinh/content"
)

// Reply outcomes of a citizen's free-text question, for Metrics.Replied.
const (
	OutcomeAnswered = "answered" // an entry's answer (or an officer/reminder flow) was given
	OutcomeUnknown  = "unknown"  // the bot was not confident
	OutcomeAskBack  = "ask_back" // several close entries: the citizen chooses
)

// Metrics receives what the engine does, for monitoring (the dispatcher
// reports its sends to outbox.Metrics). It lives here, as an interface, so
// that bot needs no metrics library; the metrics package implements it over
// Prometheus. Methods are called after the
// fact (never inside a store transaction) and must be cheap and safe for
// concurrent use.
type Metrics interface {
	// UpdateReceived counts an inbound update handed to the engine.
	UpdateReceived(channel string)
	// UpdateApplied counts an update whose effects were committed (not a
	// redelivery), with how long handling took.
	UpdateApplied(channel string, took time.Duration)
	// Replied counts the bot's reply to a free-text question: the topic
	// matched, the outcome (OutcomeAnswered, ...) and the match score.
	Replied(topic, outcome string, score float64)
	// EligibilityStarted and EligibilityFinished count eligibility checks;
	// category is the result's household category.
	EligibilityStarted(channel string)
	EligibilityFinished(category string)
}

// NopMetrics discards everything; it is the default.
type NopMetrics struct{}

// UpdateReceived implements Metrics.
func (NopMetrics) UpdateReceived(string) {}

// UpdateApplied implements Metrics.
func (NopMetrics) UpdateApplied(string, time.Duration) {}

// Replied implements Metrics.
func (NopMetrics) Replied(string, string, float64) {}

// EligibilityStarted implements Metrics.
func (NopMetrics) EligibilityStarted(string) {}

// EligibilityFinished implements Metrics.
func (NopMetrics) EligibilityFinished(string) {}

var _ Metrics = NopMetrics{}

// matchNote is what Metrics.Replied reports of one matched question.
type matchNote struct {
	topic, outcome string
	score          float64
}

// noteMatch records the match for Metrics.Replied once the update commits.
func (c *conv) noteMatch(r content.Result) {
	n := &matchNote{topic: r.Topic, outcome: OutcomeAnswered, score: r.Score}
	switch {
	case r.Topic == content.TopicUnknown:
		n.outcome = OutcomeUnknown
	case len(r.Ambiguous) > 1:
		n.outcome = OutcomeAskBack
	}
	c.matched = n
}
