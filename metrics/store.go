package metrics

import (
	"log/slog"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/bacninh/ansinh/bot"
)

// Snapshot is what the database-backed gauges show, taken in one read.
type Snapshot struct {
	Pending   map[string]int       // outbox rows waiting, by channel
	OldestDue map[string]time.Time // by channel: since when the longest-waiting due row is due
	Dead      int                  // rows that failed for good (dead letters)
	Withdrawn int                  // rows of cancelled broadcasts, or resumed past their grace: never tried, no failure
	Parked    int                  // inbound updates parked after repeated failures
	Tickets   map[bot.TicketStatus]int
	Overdue   int // active tickets past their due date
}

// ticketStatuses are always reported, zero or not.
var ticketStatuses = []bot.TicketStatus{bot.StatusOpen, bot.StatusAssigned, bot.StatusAnswered, bot.StatusClosed}

var (
	descPending   = prometheus.NewDesc("ansinh_outbox_pending", "Outbox rows waiting to be sent, by channel.", []string{"channel"}, nil)
	descOldest    = prometheus.NewDesc("ansinh_outbox_oldest_age_seconds", "How long the longest-waiting due outbox row has been due, by channel (0: none due).", []string{"channel"}, nil)
	descDead      = prometheus.NewDesc("ansinh_outbox_dead", "Outbox rows that failed for good (refused, or given up after retries).", nil, nil)
	descWithdrawn = prometheus.NewDesc("ansinh_outbox_withdrawn", "Outbox rows never sent on purpose: their broadcast was cancelled, or resumed past its grace.", nil, nil)
	descParked    = prometheus.NewDesc("ansinh_parked_updates", "Inbound updates parked after repeated failures.", nil, nil)
	descTickets   = prometheus.NewDesc("ansinh_tickets", "Tickets by status.", []string{"status"}, nil)
	descOverdue   = prometheus.NewDesc("ansinh_tickets_overdue", "Active tickets past their due date.", nil, nil)
	descTaken     = prometheus.NewDesc("ansinh_store_scan_timestamp_seconds", "When the database-backed gauges were last computed (Unix time).", nil, nil)
	descScanTime  = prometheus.NewDesc("ansinh_store_scan_duration_seconds", "How long the last scan for the database-backed gauges took.", nil, nil)
)

// storeCollector serves the last snapshot and refreshes it in the
// background when it is older than maxAge, so a scrape never waits for a
// scan (except the very first one).
type storeCollector struct {
	source   func(time.Time) (Snapshot, error)
	channels []string
	maxAge   time.Duration
	now      func() time.Time
	log      *slog.Logger

	first sync.Mutex // serialises the first, synchronous scan
	mu    sync.Mutex
	snap  *Snapshot
	taken time.Time
	took  time.Duration
	busy  bool // a refresh is running
}

func newStoreCollector(cfg Config) *storeCollector {
	return &storeCollector{source: cfg.Source, channels: cfg.Channels, maxAge: cfg.MaxAge, now: cfg.Now, log: cfg.Logger}
}

// Describe implements prometheus.Collector.
func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descPending, descOldest, descDead, descWithdrawn, descParked, descTickets, descOverdue, descTaken, descScanTime} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	snap, taken, took := c.current()
	if snap == nil {
		return // the database could not be read; the error is logged
	}
	now := c.now()
	chans := map[string]bool{}
	for _, name := range c.channels {
		chans[name] = true
	}
	for name := range snap.Pending {
		chans[name] = true
	}
	for _, name := range slices.Sorted(maps.Keys(chans)) {
		ch <- prometheus.MustNewConstMetric(descPending, prometheus.GaugeValue, float64(snap.Pending[name]), name)
		age := 0.0
		if at, ok := snap.OldestDue[name]; ok && snap.Pending[name] > 0 {
			age = max(now.Sub(at).Seconds(), 0)
		}
		ch <- prometheus.MustNewConstMetric(descOldest, prometheus.GaugeValue, age, name)
	}
	ch <- prometheus.MustNewConstMetric(descDead, prometheus.GaugeValue, float64(snap.Dead))
	ch <- prometheus.MustNewConstMetric(descWithdrawn, prometheus.GaugeValue, float64(snap.Withdrawn))
	ch <- prometheus.MustNewConstMetric(descParked, prometheus.GaugeValue, float64(snap.Parked))
	for _, s := range ticketStatuses {
		ch <- prometheus.MustNewConstMetric(descTickets, prometheus.GaugeValue, float64(snap.Tickets[s]), string(s))
	}
	ch <- prometheus.MustNewConstMetric(descOverdue, prometheus.GaugeValue, float64(snap.Overdue))
	ch <- prometheus.MustNewConstMetric(descTaken, prometheus.GaugeValue, float64(taken.UnixNano())/1e9)
	ch <- prometheus.MustNewConstMetric(descScanTime, prometheus.GaugeValue, took.Seconds())
}

// current returns the snapshot to serve. The first call scans at once; later
// calls start a background scan when the snapshot is stale and serve the
// old one meanwhile.
func (c *storeCollector) current() (*Snapshot, time.Time, time.Duration) {
	c.mu.Lock()
	snap := c.snap
	c.mu.Unlock()
	if snap == nil {
		c.first.Lock()
		defer c.first.Unlock()
		c.mu.Lock()
		done := c.snap != nil
		c.mu.Unlock()
		if !done {
			c.refresh()
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != nil && !c.busy && c.now().Sub(c.taken) >= c.maxAge {
		c.busy = true
		go c.refresh()
	}
	return c.snap, c.taken, c.took
}

// refresh scans the database and stores the result. A failed scan keeps
// the previous snapshot and waits maxAge before the next try.
func (c *storeCollector) refresh() {
	start := time.Now()
	now := c.now()
	snap, err := c.source(now)
	took := time.Since(start)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.busy = false
	c.taken = now
	if err != nil {
		c.log.Error("metrics: read the database", "err", err)
		return
	}
	c.snap, c.took = &snap, took
}
