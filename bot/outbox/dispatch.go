package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// Store is what the dispatcher needs of the database; store.Store
// implements it.
type Store interface {
	// Heads returns, for up to limit chats whose turn has come, the row
	// each must send next (rows of one chat go in order, one at a time):
	// replies before reminders, then the chat that has waited longest
	// first, a chat that was just served or waits for a retry counting
	// from then. skip is asked about a chat and its head row before the
	// row is read; a chat it refuses costs one index entry, however long
	// its queue.
	Heads(ctx context.Context, now time.Time, limit int, skip func(channel, chat string, row uint64) bool) ([]bot.Delivery, error)
	// Complete records outcomes, in one transaction.
	Complete(ctx context.Context, outcomes []bot.Outcome) error
	// RecentSends returns when messages reached the chat since since,
	// oldest first, so that rate limits survive a restart; a store that did
	// not keep them returns none.
	RecentSends(ctx context.Context, channel, chat string, since time.Time) ([]time.Time, error)
	// LastSent returns when a message last reached the chat (zero if
	// never): all a database written before RecentSends was kept knows.
	LastSent(ctx context.Context, channel, chat string) (time.Time, error)
	// Postpone re-keys every reminder row due before until to go at
	// until; it returns how many.
	Postpone(ctx context.Context, until time.Time) (int, error)
}

// Metrics receives each send attempt's result, for monitoring; the metrics
// package implements it over Prometheus. Sent must be cheap and safe for
// concurrent use.
type Metrics interface {
	// Sent counts one delivery attempt by channel, row kind and result
	// (SendOK, ...).
	Sent(channel, kind, result string)
}

// Send results, for Metrics.Sent.
const (
	SendOK      = "ok"      // the platform accepted the message
	SendLimited = "429"     // rate limited; retried after the wait asked for
	SendError   = "error"   // a temporary failure (HTTP 5xx, network); retried with backoff
	SendBlocked = "blocked" // the recipient blocked the bot or the chat is gone
	SendRefused = "refused" // refused for good for another reason; the row is dead
	SendDead    = "dead"    // kept failing past the give-up time; the row is dead
)

// nopMetrics discards everything; it is the default.
type nopMetrics struct{}

func (nopMetrics) Sent(string, string, string) {}

// Config configures a Dispatcher.
type Config struct {
	Store    Store
	Channels []bot.Channel
	Limits   map[string]Limits // by channel name; missing means unlimited
	// InFlight is how many sends may be unconfirmed at once. Each one is a
	// possible duplicate if the process dies before its outcome is
	// committed, so the default, 1, keeps the promise "at most one duplicate
	// per crash". Raise it only where duplicates are cheap.
	InFlight int
	// GiveUpAfter moves a row that keeps failing to the dead-letter bucket.
	GiveUpAfter time.Duration // default 24h
	// Grace is how long in-flight sends may finish after Run's context ends.
	Grace time.Duration // default 10s
	Now   func() time.Time
	// Quiet hours hold reminder and broadcast rows at send time: a row
	// not sent when they begin waits for their end (docs/architecture.md
	// §6). Replies and officer traffic are never held. Location is their
	// time zone (default UTC+7).
	Quiet    bot.QuietHours
	Location *time.Location
	Logger   *slog.Logger
	// Metrics receives each attempt's result; default: none.
	Metrics Metrics
}

// Stats counts what the dispatcher did since it started.
type Stats struct {
	Sent, Retried, Dead, RateLimited atomic.Int64
}

// Dispatcher sends outbox rows through their channels with rate limits,
// retries and per-chat ordering (docs/architecture.md §1, §7).
type Dispatcher struct {
	cfg      Config
	channels map[string]bot.Channel
	wake     chan struct{}
	freed    chan struct{}
	outcomes chan pendingOutcome
	Stats    Stats
	running  atomic.Bool
	// stop and done belong to Open/Close.
	stop func()
	done chan struct{}

	mu   sync.Mutex
	busy map[string]bool // chat key -> a row is in flight
	// finished holds rows whose outcome is committed, with the scan count
	// at that moment: a scan whose snapshot began earlier may still list
	// them as pending, and must not send them again.
	finished map[uint64]uint64
	scan     uint64
	readyAt  map[string]time.Time // chat key -> earliest next send (limits, 429)
	pausedTo map[string]time.Time // channel -> global pause after a global 429
	global   map[string]*rate.Limiter
	perChat  map[string]*rate.Limiter
}

// NewDispatcher returns a dispatcher; Open (or Run) starts it.
func NewDispatcher(cfg Config) *Dispatcher {
	if cfg.InFlight <= 0 {
		cfg.InFlight = 1
	}
	if cfg.GiveUpAfter <= 0 {
		cfg.GiveUpAfter = 24 * time.Hour
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 10 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Location == nil {
		cfg.Location = time.FixedZone("ICT", 7*3600)
	}
	if cfg.Metrics == nil {
		cfg.Metrics = nopMetrics{}
	}
	d := &Dispatcher{
		cfg: cfg, channels: map[string]bot.Channel{},
		wake: make(chan struct{}, 1), freed: make(chan struct{}, 1), outcomes: make(chan pendingOutcome),
		busy: map[string]bool{}, finished: map[uint64]uint64{}, readyAt: map[string]time.Time{}, pausedTo: map[string]time.Time{},
		global: map[string]*rate.Limiter{}, perChat: map[string]*rate.Limiter{},
	}
	for _, ch := range cfg.Channels {
		d.channels[ch.Name()] = ch
		if l := cfg.Limits[ch.Name()]; l.Global > 0 {
			d.global[ch.Name()] = rate.NewLimiter(l.Global, max(l.GlobalBurst, 1))
		}
	}
	return d
}

// Wake tells the dispatcher that new rows may be due. It never blocks.
func (d *Dispatcher) Wake() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// Open starts the dispatcher (Run) in a goroutine it owns until Close.
func (d *Dispatcher) Open() {
	ctx, cancel := context.WithCancel(context.Background())
	d.stop, d.done = cancel, make(chan struct{})
	go func() {
		defer close(d.done)
		d.Run(ctx)
	}()
}

// Close stops taking new rows and waits until the sends in flight have
// finished (at most the grace period) or ctx ends. Close without Open does
// nothing.
func (d *Dispatcher) Close(ctx context.Context) error {
	if d.stop == nil {
		return nil
	}
	d.stop()
	select {
	case <-d.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("close dispatcher: %w", ctx.Err())
	}
}

// Running reports whether Run is active (for health checks).
func (d *Dispatcher) Running() bool { return d.running.Load() }

// Run sends due rows until ctx ends, then lets in-flight sends finish for
// at most the grace period.
func (d *Dispatcher) Run(ctx context.Context) error {
	d.running.Store(true)
	defer d.running.Store(false)
	// The previous process may have used the global allowance just before it
	// stopped: start with an empty bucket.
	d.mu.Lock()
	for _, lim := range d.global {
		cautious(lim, d.cfg.Now(), d.cfg.Now())
	}
	d.mu.Unlock()
	sendCtx, cancelSends := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelSends()
	slots := make(chan struct{}, d.cfg.InFlight)
	var wg sync.WaitGroup
	stopCommit, committed := make(chan struct{}), make(chan struct{})
	go func() { defer close(committed); d.commit(stopCommit) }()
	defer func() {
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(d.cfg.Grace):
			cancelSends()
			<-done
		}
		close(stopCommit)
		<-committed
	}()
	idle := 250 * time.Millisecond
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-d.wake:
		case <-d.freed:
		}
		next := d.pump(sendCtx, slots, &wg)
		timer.Reset(min(max(next, time.Millisecond), idle))
	}
}

// pump starts sends for due rows while slots are free. It returns how long
// to wait before looking again.
func (d *Dispatcher) pump(ctx context.Context, slots chan struct{}, wg *sync.WaitGroup) time.Duration {
	now := d.cfg.Now()
	free := cap(slots) - len(slots)
	if free == 0 {
		return time.Hour // a finishing send signals d.freed
	}
	wait := time.Hour
	d.mu.Lock()
	d.scan++
	scan := d.scan
	d.mu.Unlock()
	rows, err := d.cfg.Store.Heads(ctx, now, 4*cap(slots)+16, func(channel, chat string, row uint64) bool {
		return d.skip(channel, chat, row, now, &wait)
	})
	d.forgetFinished(scan)
	if err != nil {
		d.cfg.Logger.Error("read outbox", "err", err)
		return time.Second
	}
	started := map[string]bool{}
	quietEnd := d.cfg.Quiet.Defer(now, d.cfg.Location)
	postpone := false
	for _, r := range rows {
		ck := r.Channel + ":" + r.ChatID
		if started[ck] {
			continue // one row per chat at a time keeps each chat in order
		}
		if quietEnd.After(now) && r.Kind == bot.KindReminder {
			postpone = true // quiet hours began while it waited
			continue
		}
		select {
		case slots <- struct{}{}:
		default:
			return wait
		}
		started[ck] = true // later rows of this chat must not overtake
		if delay := d.reserve(ctx, r, now); delay > 0 {
			<-slots
			wait = min(wait, delay)
			continue
		}
		d.mu.Lock()
		d.busy[ck] = true
		d.mu.Unlock()
		wg.Add(1)
		go func(r bot.Delivery) {
			defer wg.Done()
			d.deliver(ctx, r)
			d.mu.Lock()
			delete(d.busy, ck)
			d.finished[r.ID] = d.scan
			d.mu.Unlock()
			<-slots
			select {
			case d.freed <- struct{}{}:
			default:
			}
		}(r)
	}
	if postpone {
		n, err := d.cfg.Store.Postpone(ctx, quietEnd)
		if err != nil {
			d.cfg.Logger.Error("hold reminders for quiet hours", "err", err)
			return time.Second
		}
		d.cfg.Logger.Info("quiet hours: reminders held", "rows", n, "until", quietEnd)
		return 0
	}
	if len(rows) > 0 && wait == time.Hour {
		wait = 0
	}
	return wait
}

// skip leaves out chats that cannot send now: a send is in flight or its
// head row was just finished (the read may predate the commit), the chat
// must wait, its channel is paused or not configured in this process.
func (d *Dispatcher) skip(channel, chat string, row uint64, now time.Time, wait *time.Duration) bool {
	if _, ok := d.channels[channel]; !ok {
		return true
	}
	ck := channel + ":" + chat
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, done := d.finished[row]; done || d.busy[ck] {
		return true
	}
	if t, ok := d.pausedTo[channel]; ok && now.Before(t) {
		*wait = min(*wait, t.Sub(now))
		return true
	}
	if t, ok := d.readyAt[ck]; ok {
		if now.Before(t) {
			*wait = min(*wait, t.Sub(now))
			return true
		}
		delete(d.readyAt, ck)
	}
	return false
}

// forgetFinished drops the rows finished before scan began: that scan's
// read transaction no longer sees them. Rows finished during a scan stay
// listed, because the scan's snapshot may still hold them as pending.
func (d *Dispatcher) forgetFinished(scan uint64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for id, at := range d.finished {
		if at < scan {
			delete(d.finished, id)
		}
	}
}

// deliver sends one row and commits its outcome before returning, so that
// at most InFlight rows are ever sent but unrecorded.
func (d *Dispatcher) deliver(ctx context.Context, r bot.Delivery) {
	ch := d.channels[r.Channel]
	res, err := ch.Send(ctx, r)
	now := d.cfg.Now()
	o := bot.Outcome{ID: r.ID, At: now}
	var rl *bot.RateLimitError
	var perm *bot.PermanentError
	switch {
	case err == nil:
		o.Sent, o.Result = true, res
		d.Stats.Sent.Add(1)
	case errors.As(err, &perm):
		o.Dead, o.Reason, o.Unreachable = true, perm.Reason, perm.Unreachable
		d.Stats.Dead.Add(1)
		d.cfg.Logger.Warn("delivery refused", "channel", r.Channel, "row", r.ID, "reason", perm.Reason)
	case errors.As(err, &rl):
		d.Stats.RateLimited.Add(1)
		until := now.Add(max(rl.RetryAfter, time.Second))
		o.RetryAt, o.Reason = until, err.Error()
		d.mu.Lock()
		if rl.Global {
			d.pausedTo[r.Channel] = until
		} else {
			d.readyAt[r.Channel+":"+r.ChatID] = until
		}
		d.mu.Unlock()
		// Chat ids go out as strings: the log handler masks them like any
		// number that could be personal.
		d.cfg.Logger.Warn("delivery rate limited, will retry", "channel", r.Channel, "chat", r.ChatID, "row", r.ID,
			"retry_after", rl.RetryAfter, "global", rl.Global)
	default:
		if now.Sub(r.Created) > d.cfg.GiveUpAfter {
			o.Dead, o.Reason = true, fmt.Sprintf("gave up after %s: %v", d.cfg.GiveUpAfter, err)
			d.Stats.Dead.Add(1)
			d.cfg.Logger.Error("delivery given up", "channel", r.Channel, "chat", r.ChatID, "row", r.ID, "err", err)
			break
		}
		o.RetryAt, o.Reason = now.Add(platform.Backoff(time.Second, 10*time.Minute, r.Attempts+1)), err.Error()
		d.cfg.Logger.Warn("delivery failed, will retry", "channel", r.Channel, "chat", r.ChatID, "row", r.ID,
			"attempt", r.Attempts+1, "retry_in", o.RetryAt.Sub(now).Round(time.Millisecond), "err", err)
		d.Stats.Retried.Add(1)
		d.mu.Lock()
		d.readyAt[r.Channel+":"+r.ChatID] = o.RetryAt
		d.mu.Unlock()
	}
	d.cfg.Metrics.Sent(r.Channel, r.Kind, sendResult(err, o))
	d.record(o)
}

// sendResult names an attempt's result for Metrics.Sent.
func sendResult(err error, o bot.Outcome) string {
	var rl *bot.RateLimitError
	var perm *bot.PermanentError
	switch {
	case err == nil:
		return SendOK
	case errors.As(err, &rl):
		return SendLimited
	case errors.As(err, &perm) && perm.Unreachable:
		return SendBlocked
	case errors.As(err, &perm):
		return SendRefused
	case o.Dead:
		return SendDead
	}
	return SendError
}
