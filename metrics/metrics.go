package metrics

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/remind"
)

// DefaultMaxAge is how old the database-backed gauges may get before a
// scrape triggers a new scan.
const DefaultMaxAge = 15 * time.Second

// Config configures Metrics.
type Config struct {
	// Source scans the database for the gauges; it is called at most once
	// per MaxAge, never once per scrape.
	Source func(now time.Time) (Snapshot, error)
	// Channels are always reported in the outbox gauges, even when empty.
	Channels []string
	MaxAge   time.Duration    // default DefaultMaxAge
	Now      func() time.Time // default time.Now
	Logger   *slog.Logger
}

// Metrics is ansinh's metric registry. It implements bot.Metrics for the
// engine and dispatcher, and has methods for the scheduler's runs and
// content loads.
type Metrics struct {
	reg   *prometheus.Registry
	store *storeCollector

	received, applied *prometheus.CounterVec
	handle            *prometheus.HistogramVec
	replies           *prometheus.CounterVec
	score             prometheus.Histogram
	eligStarted       *prometheus.CounterVec
	eligFinished      *prometheus.CounterVec
	sends             *prometheus.CounterVec

	remOccurrences, remRows, remSkipped *prometheus.CounterVec

	contentInfo    *prometheus.GaugeVec
	contentLoaded  prometheus.Gauge
	contentEntries prometheus.Gauge
	contentReloads *prometheus.CounterVec
}

var _ bot.Metrics = (*Metrics)(nil)

// New builds the registry with the Go runtime and process collectors.
func New(cfg Config) *Metrics {
	if cfg.MaxAge <= 0 {
		cfg.MaxAge = DefaultMaxAge
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	m := &Metrics{reg: prometheus.NewRegistry(), store: newStoreCollector(cfg)}
	counter := func(name, help string, labels ...string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	}
	m.received = counter("ansinh_updates_received_total", "Inbound updates handed to the engine, redeliveries included.", "channel")
	m.applied = counter("ansinh_updates_applied_total", "Inbound updates whose effects were committed (redeliveries excluded).", "channel")
	m.handle = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "ansinh_handle_duration_seconds",
		Help:    "Time to handle one inbound update, its transaction's commit included.",
		Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14)}, []string{"channel"})
	m.replies = counter("ansinh_replies_total", "Replies to citizens' questions by matched topic and outcome (answered, unknown, ask_back).", "topic", "outcome")
	m.score = prometheus.NewHistogram(prometheus.HistogramOpts{Name: "ansinh_match_score",
		Help: "Confidence of the best match for each question, 0 to 1.", Buckets: []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1}})
	m.eligStarted = counter("ansinh_eligibility_checks_started_total", "Eligibility checks started.", "channel")
	m.eligFinished = counter("ansinh_eligibility_checks_finished_total", "Eligibility checks finished, by resulting household category.", "category")
	m.sends = counter("ansinh_sends_total", "Delivery attempts by channel, row kind and result (ok, 429, error, blocked, refused, dead).", "channel", "kind", "result")
	m.remOccurrences = counter("ansinh_reminder_occurrences_total", "Reminder occurrences processed: fired, or expired (missed past their grace).", "result")
	m.remRows = counter("ansinh_reminder_rows_total", "Reminder messages put in the outbox (enqueued), or found already there (duplicate).", "result")
	m.remSkipped = counter("ansinh_reminder_skipped_total", "Reminder recipients left out, by reason.", "reason")
	m.contentInfo = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "ansinh_content_info",
		Help: "The knowledge base in use: 1 for its version (a digest of its files)."}, []string{"version"})
	m.contentLoaded = prometheus.NewGauge(prometheus.GaugeOpts{Name: "ansinh_content_loaded_timestamp_seconds",
		Help: "When the knowledge base in use was loaded (Unix time)."})
	m.contentEntries = prometheus.NewGauge(prometheus.GaugeOpts{Name: "ansinh_content_entries", Help: "Entries in the knowledge base in use."})
	m.contentReloads = counter("ansinh_content_reloads_total", "Content reloads (SIGHUP or console): ok, or rejected with problems.", "result")

	for _, r := range []string{"fired", "expired"} {
		m.remOccurrences.WithLabelValues(r)
	}
	for _, r := range []string{"enqueued", "duplicate"} {
		m.remRows.WithLabelValues(r)
	}
	for _, r := range []string{"ok", "rejected"} {
		m.contentReloads.WithLabelValues(r)
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.received, m.applied, m.handle, m.replies, m.score, m.eligStarted, m.eligFinished, m.sends,
		m.remOccurrences, m.remRows, m.remSkipped,
		m.contentInfo, m.contentLoaded, m.contentEntries, m.contentReloads,
		m.store,
	)
	return m
}

// WatchDispatcher exposes the dispatcher's own counters under the names
// the first, hand-written /metrics used, and whether it runs. Call it once.
func (m *Metrics) WatchDispatcher(d *outbox.Dispatcher) {
	s := &d.Stats
	for _, c := range []struct {
		name, help string
		v          func() int64
	}{
		{"ansinh_sent_total", "Messages delivered since start.", s.Sent.Load},
		{"ansinh_retried_total", "Send attempts rescheduled after an error since start.", s.Retried.Load},
		{"ansinh_rate_limited_total", "Send attempts refused with 429 since start.", s.RateLimited.Load},
		{"ansinh_dead_total", "Rows given up since start.", s.Dead.Load},
	} {
		m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: c.name, Help: c.help},
			func() float64 { return float64(c.v()) }))
	}
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "ansinh_dispatcher_running",
		Help: "1 while the outbox dispatcher runs."}, func() float64 {
		if d.Running() {
			return 1
		}
		return 0
	}))
}

// WatchPoller exposes a channel's long polling: how many getUpdates calls
// failed (ansinh_poll_failures_total) and whether polling is healthy
// (ansinh_poll_healthy, 0 when /healthz reports it). Call it once per
// channel.
func (m *Metrics) WatchPoller(channel string, failures func() int64, healthy func() bool) {
	labels := prometheus.Labels{"channel": channel}
	m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "ansinh_poll_failures_total",
		Help: "Long polls (getUpdates) that failed, by channel.", ConstLabels: labels},
		func() float64 { return float64(failures()) }))
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "ansinh_poll_healthy",
		Help: "1 while the channel's long polling works; 0 after a 401 or 409, or failures for too long.", ConstLabels: labels},
		func() float64 {
			if healthy() {
				return 1
			}
			return 0
		}))
}

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry is the underlying registry (tests gather from it).
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// UpdateReceived implements bot.Metrics.
func (m *Metrics) UpdateReceived(channel string) { m.received.WithLabelValues(channel).Inc() }

// UpdateApplied implements bot.Metrics.
func (m *Metrics) UpdateApplied(channel string, took time.Duration) {
	m.applied.WithLabelValues(channel).Inc()
	m.handle.WithLabelValues(channel).Observe(took.Seconds())
}

// Replied implements bot.Metrics.
func (m *Metrics) Replied(topic, outcome string, score float64) {
	m.replies.WithLabelValues(topic, outcome).Inc()
	m.score.Observe(score)
}

// Sent implements bot.Metrics.
func (m *Metrics) Sent(channel, kind, result string) {
	m.sends.WithLabelValues(channel, kind, result).Inc()
}

// EligibilityStarted implements bot.Metrics.
func (m *Metrics) EligibilityStarted(channel string) { m.eligStarted.WithLabelValues(channel).Inc() }

// EligibilityFinished implements bot.Metrics.
func (m *Metrics) EligibilityFinished(category string) {
	m.eligFinished.WithLabelValues(category).Inc()
}

// ReminderRun counts what one scheduler run did.
func (m *Metrics) ReminderRun(st remind.RunStats) {
	m.remOccurrences.WithLabelValues("fired").Add(float64(st.Occurrences))
	m.remOccurrences.WithLabelValues("expired").Add(float64(st.Expired))
	m.remRows.WithLabelValues("enqueued").Add(float64(st.Enqueued))
	m.remRows.WithLabelValues("duplicate").Add(float64(st.Duplicates))
	for reason, n := range st.Skipped {
		m.remSkipped.WithLabelValues(reason).Add(float64(n))
	}
}

// ContentLoaded records the knowledge base now in use.
func (m *Metrics) ContentLoaded(version string, entries int, at time.Time) {
	m.contentInfo.Reset()
	m.contentInfo.WithLabelValues(version).Set(1)
	m.contentLoaded.Set(float64(at.UnixNano()) / 1e9)
	m.contentEntries.Set(float64(entries))
}

// ContentReloaded counts a reload attempt; ok is false when it was
// rejected and the previous content stayed.
func (m *Metrics) ContentReloaded(ok bool) {
	r := "ok"
	if !ok {
		r = "rejected"
	}
	m.contentReloads.WithLabelValues(r).Inc()
}
