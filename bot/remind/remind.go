package remind

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// OAReplyWindow is how long after a citizen's last message a Zalo Official
// Account may still write to them without a paid template.
const OAReplyWindow = 48 * time.Hour

// enqueueChunk bounds the rows one transaction writes: a 100,000-recipient
// broadcast commits in steps, and keys make a retried step harmless.
const enqueueChunk = 5000

// Scheduler turns due reminder occurrences into outbox rows (docs/architecture.md §6).
// Its only entry point is SendDue; the cron job calls it with time.Now().
type Scheduler struct {
	store bot.Store
	loc   *time.Location
	quiet bot.QuietHours
	log   *slog.Logger
	wake  func()
	// seasonal are broadcasts shipped with the content; they are not in the
	// store, their progress is.
	seasonal []bot.Reminder
}

// Config configures a Scheduler.
type Config struct {
	Store    bot.Store
	Location *time.Location
	Quiet    bot.QuietHours
	Logger   *slog.Logger
	Wake     func()
	Seasonal []bot.Reminder
}

// NewScheduler returns a scheduler.
func NewScheduler(c Config) *Scheduler {
	s := &Scheduler{store: c.Store, loc: c.Location, quiet: c.Quiet, log: c.Logger, wake: c.Wake, seasonal: c.Seasonal}
	if s.loc == nil {
		s.loc = time.FixedZone("ICT", 7*3600)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
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
	rems, err := s.store.ActiveReminders()
	if err != nil {
		return st, err
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
	after := r.Last
	if after.IsZero() {
		after = r.Created.Add(-time.Second)
	}
	grace := r.Grace
	if grace <= 0 {
		grace = bot.DefaultGrace
	}
	for _, occ := range r.Occurrences(after, now, s.loc, 1000) {
		one := RunStats{Skipped: map[string]int{}}
		if now.Sub(occ) > grace {
			one.Expired++
		} else {
			one.Occurrences++
			if err := s.fire(ctx, r, occ, now, &one); err != nil {
				return err
			}
		}
		if err := s.advance(ctx, r.ID, occ, one); err != nil {
			return err
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
// transaction after every row of it is committed.
func (s *Scheduler) advance(ctx context.Context, id uint64, occ time.Time, one RunStats) error {
	return s.store.Apply(ctx, func(tx bot.Tx) error {
		r, err := tx.Reminder(id)
		if err != nil {
			return err
		}
		if occ.After(r.Last) {
			r.Last = occ
			r.LastSent, r.LastSkipped = one.Enqueued+one.Duplicates, one.Skipped
			if len(r.LastSkipped) == 0 {
				r.LastSkipped = nil
			}
		}
		once := r.Type == bot.ReminderOnce || (r.Type == bot.ReminderBroadcast && !r.At.IsZero())
		if once || (r.Type == bot.ReminderBHYTExpiry && !occ.Before(r.Expiry.AddDate(0, 0, -8))) {
			r.Cancelled = true // nothing left to send
		}
		return tx.PutReminder(&r)
	})
}

// fire enqueues occurrence occ for every recipient.
func (s *Scheduler) fire(ctx context.Context, r bot.Reminder, occ, now time.Time, st *RunStats) error {
	recips, asking, err := s.recipients(r, now, st)
	if err != nil {
		return err
	}
	due := occ
	if now.After(due) {
		due = now // a missed occurrence goes now (or when quiet hours end)
	}
	notBefore := s.quiet.Defer(due, s.loc)
	if r.Exact && due.Sub(occ) < exactLate {
		notBefore = due // the citizen chose this time, night or not
	}
	text := r.Text
	if r.Type == bot.ReminderBroadcast {
		text = "📢 " + text + "\n\n(Gõ /stop để dừng nhận tin nhắn tự động.)"
	} else {
		text = "⏰ Nhắc lịch: " + text
	}
	occKey := "r" + strconv.FormatUint(r.ID, 10) + ":" + strconv.FormatInt(occ.Unix(), 10) + ":"
	for start := 0; start < len(recips); start += enqueueChunk {
		part := recips[start:min(start+enqueueChunk, len(recips))]
		added, dup := 0, 0
		err := s.store.Apply(ctx, func(tx bot.Tx) error {
			added, dup = 0, 0
			for _, rc := range part {
				d := bot.Delivery{Key: occKey + rc.Key.String(), Kind: bot.KindReminder, Channel: rc.Key.Channel, ChatID: rc.ChatID,
					UserID: rc.Key.ID, Text: text, Created: now, NotBefore: notBefore}
				ok, err := tx.Enqueue(&d)
				if err != nil {
					return err
				}
				if ok && asking[rc.Key] && !notBefore.After(now) {
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
			return nil
		})
		if err != nil {
			return err
		}
		st.Enqueued += added
		st.Duplicates += dup
	}
	return nil
}

// recipients lists who gets r now: its owner, or its audience, minus the
// stopped and the unreachable. On a Zalo OA those whose last message is
// older than the reply window are left out and counted by reason: a send
// to them would not be allowed. asking are the recipients an ask-back
// waits on (Dialog.Asking).
func (s *Scheduler) recipients(r bot.Reminder, now time.Time, st *RunStats) (_ []bot.Recipient, asking map[bot.UserKey]bool, _ error) {
	asking = map[bot.UserKey]bool{}
	reachable := func(u *bot.User) bool {
		if u.Dialog.Asking {
			asking[u.Key] = true
		}
		switch {
		case u.Stopped:
			st.Skipped["stopped"]++
		case u.Unreachable:
			st.Skipped["unreachable"]++
		case u.Key.Channel == bot.ChannelZaloOA && now.Sub(u.LastSeen) > OAReplyWindow:
			st.Skipped[ReasonOutsideWindow]++
		default:
			return true
		}
		return false
	}
	if r.Personal() {
		// One lookup, not a pass over every user: thousands of personal
		// reminders fall due at the same 08:00.
		u, err := s.store.User(r.Owner)
		if errors.Is(err, bot.ErrNotFound) || (err == nil && !reachable(&u)) {
			return nil, nil, nil
		}
		if err != nil {
			return nil, nil, err
		}
		return []bot.Recipient{{Key: u.Key, ChatID: u.ChatID, LastSeen: u.LastSeen}}, asking, nil
	}
	kind, val, _ := strings.Cut(r.Audience, ":")
	recips, err := s.store.Recipients(func(u *bot.User) bool {
		var in bool
		switch kind {
		case "topic":
			in = u.Subscribed(val)
		case "commune":
			in = bot.CommuneKey(u.Commune) == bot.CommuneKey(val)
		case "category":
			in = u.Category == val
		default:
			in = r.Audience == bot.AudienceAll
		}
		return in && reachable(u)
	})
	return recips, asking, err
}

// ReasonOutsideWindow is recorded for recipients a Zalo OA may not write to
// (the adapter reports the same reason for a refused send).
const ReasonOutsideWindow = "outside window"

// exactLate is how late an exact-time reminder may still go out in quiet
// hours: one missed by longer (the service was down) waits for the morning.
const exactLate = 30 * time.Minute
