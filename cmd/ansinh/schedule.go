package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// seasonalPrefix marks reminders created from content/kb/seasonal.yaml.
const seasonalPrefix = "content:"

// syncSeasonal adds the content's seasonal broadcasts to the store, each
// once: a broadcast an officer cancelled stays cancelled.
func (a *app) syncSeasonal(cfg Config, now time.Time) error {
	items, err := content.LoadSeasonal(cfg.contentFS())
	if err != nil {
		return err
	}
	return a.addSeasonal(items, cfg, now)
}

// addSeasonal stores the seasonal broadcasts not stored yet.
func (a *app) addSeasonal(items []content.Seasonal, cfg Config, now time.Time) error {
	existing, err := a.store.AllReminders()
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, r := range existing {
		have[r.CreatedBy] = true
	}
	for _, s := range items {
		if have[seasonalPrefix+s.ID] {
			continue
		}
		at, _ := s.AtTime(cfg.Location)
		until, _ := s.UntilTime(cfg.Location)
		r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: s.Audience, Text: s.Text, Spec: s.Cron, At: at, Until: until,
			Grace: 24 * time.Hour, Created: now, CreatedBy: seasonalPrefix + s.ID}
		if err := r.Validate(); err != nil {
			return fmt.Errorf("seasonal %s: %w", s.ID, err)
		}
		if err := a.store.PutReminder(&r); err != nil {
			return err
		}
	}
	return nil
}

// runScheduler ticks every minute with robfig/cron: the job only calls
// SendDue(ctx, time.Now()); all the logic takes the time as an argument. It
// runs once at start to catch up on what was missed while down, purges
// old ticket texts nightly and does the housekeeping hourly (housekeep).
// stop waits for a running job.
func (a *app) runScheduler(cfg Config, log *slog.Logger) (stop func(), err error) {
	ctx, cancel := context.WithCancel(context.Background())
	sendDue := func() {
		st, err := a.sched.SendDue(ctx, time.Now())
		a.metrics.ReminderRun(st)
		if err != nil {
			log.Error("reminders", "err", err)
			return
		}
		if st.Enqueued > 0 || st.Expired > 0 || len(st.Skipped) > 0 {
			log.Info("reminders sent", "occurrences", st.Occurrences, "enqueued", st.Enqueued,
				"expired", st.Expired, "skipped", fmt.Sprint(st.Skipped))
		}
	}
	purge := func() {
		n, err := a.store.PurgeTickets(time.Now().AddDate(0, 0, -cfg.RetentionDays))
		if err != nil {
			log.Error("purge tickets", "err", err)
		} else if n > 0 {
			log.Info("purged closed tickets", "count", n, "retention_days", cfg.RetentionDays)
		}
	}
	c := cron.New(cron.WithLocation(cfg.Location))
	tick := guardedJob(log, sendDue)
	if _, err := c.AddJob("* * * * *", tick); err != nil {
		cancel()
		return nil, err
	}
	if _, err := c.AddJob("30 2 * * *", guardedJob(log, purge)); err != nil {
		cancel()
		return nil, err
	}
	if _, err := c.AddJob("45 * * * *", guardedJob(log, a.housekeepJob(log))); err != nil {
		cancel()
		return nil, err
	}
	// The catch-up runs in the background so serve is ready at once. It is
	// the same guarded job as the tick, so a slow catch-up and the first
	// tick never run together.
	caughtUp := make(chan struct{})
	go func() { defer close(caughtUp); tick.Run() }()
	c.Start()
	return func() {
		cancel()
		<-c.Stop().Done()
		<-caughtUp
	}, nil
}

// guardedJob wraps fn for cron: a panic is logged and recovered (the
// scheduler keeps ticking), and a run that starts while the previous one is
// still going is skipped.
func guardedJob(log *slog.Logger, fn func()) cron.Job {
	l := cronLogger{log}
	return cron.NewChain(cron.Recover(l), cron.SkipIfStillRunning(l)).Then(cron.FuncJob(fn))
}

// cronLogger passes robfig/cron's messages to slog.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, keysAndValues ...any) {
	l.log.Debug("cron: "+msg, keysAndValues...)
}

func (l cronLogger) Error(err error, msg string, keysAndValues ...any) {
	l.log.Error("cron: "+msg, append(keysAndValues, "err", err)...)
}
