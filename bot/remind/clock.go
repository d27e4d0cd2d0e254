package remind

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"
)

// Job is housekeeping that runs on the scheduler's clock beside the
// reminder tick (cmd/ansinh adds the nightly ticket purge and the hourly
// housekeeping).
type Job struct {
	Name string // for the log
	Spec string // five-field cron spec in the scheduler's location
	// Run does the work; ctx ends when the scheduler closes.
	Run func(ctx context.Context)
}

// Metrics receives what each scheduled run did; the metrics package
// implements it over Prometheus.
type Metrics interface {
	ReminderRun(st RunStats)
}

// Open starts the scheduler's clock (robfig/cron) in a goroutine it owns
// until Close: every minute the tick calls SendDue(ctx, time.Now()), the
// one place that reads the clock; a first run starts at once to catch up
// on what was missed while the service was down, without delaying the
// caller; the Jobs run on their specs. Every job runs under Recover and
// SkipIfStillRunning: a panic is logged and the clock keeps ticking, and a
// run that starts while the previous one of the same job is still going
// (a slow catch-up and the first tick) is skipped.
func (s *Scheduler) Open() error {
	ctx, cancel := context.WithCancel(context.Background())
	c := cron.New(cron.WithLocation(s.loc))
	tick := guardedJob(s.log, func() { s.tick(ctx) })
	if _, err := c.AddJob("* * * * *", tick); err != nil {
		cancel()
		return fmt.Errorf("reminder tick: %w", err)
	}
	for _, j := range s.jobs {
		if _, err := c.AddJob(j.Spec, guardedJob(s.log, func() { j.Run(ctx) })); err != nil {
			cancel()
			return fmt.Errorf("job %s %q: %w", j.Name, j.Spec, err)
		}
	}
	caughtUp := make(chan struct{})
	go func() { defer close(caughtUp); tick.Run() }()
	c.Start()
	done := make(chan struct{})
	go func() {
		defer close(done)
		<-ctx.Done()
		<-c.Stop().Done()
		<-caughtUp
	}()
	s.stop, s.done = cancel, done
	return nil
}

// Close stops the clock, ends the context of a job that is running (SendDue
// stops before its next transaction; what it committed stays, and its keys
// make the next run add nothing twice) and waits until that job has
// returned or ctx ends. Close without Open does nothing.
func (s *Scheduler) Close(ctx context.Context) error {
	if s.stop == nil {
		return nil
	}
	s.stop()
	select {
	case <-s.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("close scheduler: %w", ctx.Err())
	}
}

// tick is the cron job: one SendDue at the current time, reported and
// logged.
func (s *Scheduler) tick(ctx context.Context) {
	st, err := s.SendDue(ctx, time.Now())
	s.metrics.ReminderRun(st)
	if err != nil {
		s.log.Error("reminders", "err", err)
		return
	}
	if st.Enqueued > 0 || st.Expired > 0 || len(st.Skipped) > 0 {
		s.log.Info("reminders sent", "occurrences", st.Occurrences, "enqueued", st.Enqueued,
			"expired", st.Expired, "skipped", fmt.Sprint(st.Skipped))
	}
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

// nopMetrics discards run reports; it is the default.
type nopMetrics struct{}

func (nopMetrics) ReminderRun(RunStats) {}
