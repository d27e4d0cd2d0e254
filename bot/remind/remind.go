package remind

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// OAReplyWindow is how long after a citizen's last message a Zalo Official
// Account may still write to them without a paid template.
const OAReplyWindow = bot.OAReplyWindow

// enqueueChunk bounds the rows one transaction writes: a 100,000-recipient
// broadcast commits in steps, and keys make a retried step harmless.
const enqueueChunk = 5000

// Store is what the scheduler needs of the database; store.Store
// implements it.
type Store interface {
	// Apply runs fn in one read-write transaction; fn may run more than
	// once (bot.Store).
	Apply(ctx context.Context, fn func(tx bot.Tx) error) error
	// ActiveReminders lists reminders that are neither paused nor cancelled.
	ActiveReminders(ctx context.Context) ([]bot.Reminder, error)
	// Recipients lists the users for whom keep returns true, in one
	// consistent read.
	Recipients(ctx context.Context, keep func(*bot.User) bool) ([]bot.Recipient, error)
}

// Scheduler turns due reminder occurrences into outbox rows
// (docs/architecture.md §6). SendDue does the work at a given time; Open
// starts the clock that calls it every minute with time.Now().
type Scheduler struct {
	store Store
	loc   *time.Location
	quiet bot.QuietHours
	log   *slog.Logger
	wake  func()
	// jobs and metrics belong to the clock (clock.go); stop and done to
	// Open/Close.
	jobs    []Job
	metrics Metrics
	stop    func()
	done    chan struct{}
}

// Config configures a Scheduler.
type Config struct {
	Store    Store
	Location *time.Location
	Quiet    bot.QuietHours
	Logger   *slog.Logger
	// Wake is called after a run that enqueued rows (the dispatcher's Wake).
	Wake func()
	// Jobs run on the clock that Open starts, beside the reminder tick.
	Jobs []Job
	// Metrics receives each tick's RunStats; default: none.
	Metrics Metrics
}

// NewScheduler returns a scheduler.
func NewScheduler(c Config) *Scheduler {
	s := &Scheduler{store: c.Store, loc: c.Location, quiet: c.Quiet, log: c.Logger, wake: c.Wake, jobs: c.Jobs, metrics: c.Metrics}
	if s.loc == nil {
		s.loc = time.FixedZone("ICT", 7*3600)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.metrics == nil {
		s.metrics = nopMetrics{}
	}
	return s
}

// RunStats says what one SendDue did.
type RunStats struct {
	Occurrences int
	Enqueued    int
	Duplicates  int            // rows already enqueued earlier (a second tick, a restart)
	Skipped     map[string]int // recipients left out, by reason
	Expired     int            // occurrences older than their grace period
}

// SendDue enqueues one outbox row per recipient for every occurrence due
// at now and not yet processed. Occurrences missed while the service was
// down are sent if younger than their reminder's grace period. Each row's
// idempotency key (reminder, occurrence, recipient) makes a repeated call —
// a clock that ticks twice, a crash half-way — add nothing twice.
func (s *Scheduler) SendDue(ctx context.Context, now time.Time) (RunStats, error) {
	st := RunStats{Skipped: map[string]int{}}
	rems, err := s.store.ActiveReminders(ctx)
	if err != nil {
		return st, fmt.Errorf("read active reminders: %w", err)
	}
	for _, r := range rems {
		if err := s.run(ctx, r, now, &st); err != nil {
			return st, fmt.Errorf("reminder %d: %w", r.ID, err)
		}
	}
	if st.Enqueued > 0 && s.wake != nil {
		s.wake()
	}
	return st, nil
}

func (s *Scheduler) run(ctx context.Context, r bot.Reminder, now time.Time, st *RunStats) error {
	occs, grace := r.Due(now, s.loc)
	for _, occ := range occs {
		one := RunStats{Skipped: map[string]int{}}
		var sendFrom time.Time // zero: expired, nothing written
		if now.Sub(occ) > grace {
			one.Expired++
		} else {
			one.Occurrences++
			var err error
			if sendFrom, err = s.fire(ctx, r, occ, now, &one); err != nil {
				return fmt.Errorf("send occurrence %s: %w", occ.Format(time.RFC3339), err)
			}
		}
		if err := s.advance(ctx, r.ID, occ, sendFrom, one); err != nil {
			return fmt.Errorf("record occurrence %s: %w", occ.Format(time.RFC3339), err)
		}
		st.add(one)
	}
	return nil
}

func (st *RunStats) add(o RunStats) {
	st.Occurrences += o.Occurrences
	st.Enqueued += o.Enqueued
	st.Duplicates += o.Duplicates
	st.Expired += o.Expired
	for k, v := range o.Skipped {
		st.Skipped[k] += v
	}
}

// advance records that occ was processed, and what it produced, in its own
// transaction after every row of it is committed: how many rows, whom it
// left out, and when the rows may go (sendFrom: the run's time or the end
// of quiet hours; zero when occ was past its grace and nothing was sent),
// so that lists show the real time, not the occurrence's.
func (s *Scheduler) advance(ctx context.Context, id uint64, occ, sendFrom time.Time, one RunStats) error {
	return s.store.Apply(ctx, func(tx bot.Tx) error {
		r, err := tx.Reminder(id)
		if err != nil {
			return fmt.Errorf("read reminder: %w", err)
		}
		if r.Cancelled {
			return nil // cancelled while its rows were written: it stays so
		}
		if occ.After(r.Last) {
			r.Last = occ
			r.LastSent, r.LastSkipped = one.Enqueued+one.Duplicates, one.Skipped
			if len(r.LastSkipped) == 0 {
				r.LastSkipped = nil
			}
			r.SendFrom, r.LastMissed = sendFrom, sendFrom.IsZero()
		}
		once := r.Type == bot.ReminderOnce || (r.Type == bot.ReminderBroadcast && !r.At.IsZero())
		if once || (r.Type == bot.ReminderBHYTExpiry && !occ.Before(r.Expiry.AddDate(0, 0, -8))) {
			r.Cancelled = true // nothing left to send
		}
		return tx.PutReminder(&r)
	})
}

// fire enqueues occurrence occ for every recipient and returns when its
// rows may go (their NotBefore).
func (s *Scheduler) fire(ctx context.Context, r bot.Reminder, occ, now time.Time, st *RunStats) (time.Time, error) {
	due := occ
	if now.After(due) {
		due = now // a missed occurrence goes now (or when quiet hours end)
	}
	// No reminder goes in quiet hours, personal or broadcast, whoever
	// chose its time (docs/architecture.md §6): the chat sets a personal
	// one-off for their end, and this holds any other (one stored with a
	// night time before that rule, a broadcast) until then.
	notBefore := s.quiet.Defer(due, s.loc)
	text := r.Text
	if r.Type == bot.ReminderBroadcast {
		text = "📢 " + text + "\n\n(Gõ /stop để dừng nhận tin nhắn tự động.)"
	} else {
		text = "⏰ Nhắc lịch: " + text
		if r.Type == bot.ReminderOnce && notBefore.After(due) {
			// Held by quiet hours past its time (a late run, or a time
			// stored at night before the rule): it must not read as
			// that morning's.
			text = bot.LateReminderText(r.Text, occ, s.loc)
		}
	}
	occKey := bot.OccurrenceRowPrefix(r.ID, occ)
	row := func(k bot.UserKey, chat string) bot.Delivery {
		return bot.Delivery{Key: occKey + k.String(), Kind: bot.KindReminder, Channel: k.Channel, ChatID: chat,
			UserID: k.ID, Text: text, Created: now, NotBefore: notBefore}
	}
	if r.Personal() {
		return notBefore, s.fireOwner(ctx, r.Owner, now, row, st)
	}
	recips, asking, err := s.audience(ctx, r, now, st)
	if err != nil {
		return notBefore, fmt.Errorf("read audience %q: %w", r.Audience, err)
	}
	for start := 0; start < len(recips); start += enqueueChunk {
		part := recips[start:min(start+enqueueChunk, len(recips))]
		added, dup := 0, 0
		stopped := false
		err := s.store.Apply(ctx, func(tx bot.Tx) error {
			added, dup, stopped = 0, 0, false
			// An officer may cancel or pause the broadcast while its
			// rows are written (docs/architecture.md §6).
			cur, err := tx.Reminder(r.ID)
			if err != nil {
				return fmt.Errorf("read reminder: %w", err)
			}
			if cur.Cancelled {
				stopped = true
				return nil
			}
			for _, rc := range part {
				d := row(rc.Key, rc.ChatID)
				ok, err := tx.Enqueue(&d)
				if err != nil {
					return fmt.Errorf("enqueue for %s: %w", rc.Key, err)
				}
				if ok && asking[rc.Key] && !d.NotBefore.After(now) {
					if err := bot.EndAskBack(tx, rc.Key); err != nil {
						return err
					}
				}
				if ok {
					added++
				} else {
					dup++
				}
			}
			if cur.Paused {
				_, err := tx.PauseRows(occKey)
				return err
			}
			return nil
		})
		if err != nil {
			return notBefore, fmt.Errorf("recipients %d–%d of %d: %w", start+1, start+len(part), len(recips), err)
		}
		if stopped {
			break
		}
		st.Enqueued += added
		st.Duplicates += dup
	}
	return notBefore, nil
}

// fireOwner enqueues a personal reminder's row for its owner, reading the
// owner in the same transaction: one lookup, not a pass over every user,
// as thousands of personal reminders fall due at the same 08:00. An owner
// who is gone gets nothing; one who stopped or cannot be reached is
// counted by reason. A row sent now ends the owner's ask-back
// (bot.EndAskBack) in the same transaction.
func (s *Scheduler) fireOwner(ctx context.Context, owner bot.UserKey, now time.Time, row func(bot.UserKey, string) bot.Delivery, st *RunStats) error {
	var skipped string
	added, dup := 0, 0
	err := s.store.Apply(ctx, func(tx bot.Tx) error {
		skipped, added, dup = "", 0, 0
		u, err := tx.User(owner)
		if errors.Is(err, bot.ErrNotFound) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read owner: %w", err)
		}
		if skipped = u.SkipReason(now); skipped != "" {
			return nil
		}
		d := row(u.Key, u.PrivateChat())
		ok, err := tx.Enqueue(&d)
		if err != nil {
			return fmt.Errorf("enqueue: %w", err)
		}
		if !ok {
			dup = 1
			return nil
		}
		added = 1
		if u.Dialog.Asking && !d.NotBefore.After(now) {
			return bot.EndAskBack(tx, u.Key)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("send to owner %s: %w", owner, err)
	}
	if skipped != "" {
		st.Skipped[skipped]++
	}
	st.Enqueued += added
	st.Duplicates += dup
	return nil
}

// audience lists who gets broadcast r now (bot.InAudience), minus those
// bot's SkipReason leaves out, who are counted by reason. Each recipient's
// chat is their private chat (bot.User.PrivateChat), never the group they
// last wrote in. asking are the recipients an ask-back waits on
// (Dialog.Asking): a row sent to them now ends it.
func (s *Scheduler) audience(ctx context.Context, r bot.Reminder, now time.Time, st *RunStats) (_ []bot.Recipient, asking map[bot.UserKey]bool, _ error) {
	asking = map[bot.UserKey]bool{}
	recips, err := s.store.Recipients(ctx, func(u *bot.User) bool {
		if !bot.InAudience(r.Audience, u) {
			return false
		}
		if why := u.SkipReason(now); why != "" {
			st.Skipped[why]++
			return false
		}
		if u.Dialog.Asking {
			asking[u.Key] = true
		}
		return true
	})
	return recips, asking, err
}

// ReasonOutsideWindow is recorded for recipients a Zalo OA may not write to
// (the adapter reports the same reason for a refused send).
const ReasonOutsideWindow = bot.SkipOutsideWindow
