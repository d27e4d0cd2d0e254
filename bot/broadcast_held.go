package bot

import (
	"fmt"
	"strconv"
	"time"
)

// A broadcast's rows wait in the outbox after its time: for quiet hours to
// end, or behind the platform's rate limits. Until they go, officers can
// still stop them (docs/architecture.md §6): a cancel withdraws the unsent
// rows, a pause moves them out of the dispatcher's reach, a resume puts
// them back (after quiet hours; those past the broadcast's grace are
// withdrawn as missed). This holds for a one-off whose time has come
// (Finished) as for a repeating broadcast's latest occurrence.

// QueuedRows counts a reminder's outbox rows by state.
type QueuedRows struct {
	Pending int // waiting for their time or their turn
	Paused  int // held by an officer's pause
	Sent    int // delivered
	Dead    int // refused by the platform or withdrawn
}

// Waiting is how many rows have not gone yet.
func (q QueuedRows) Waiting() int { return q.Pending + q.Paused }

// ReminderRowPrefix is the start of the idempotency key of every outbox
// row reminder id produced; OccurrenceRowPrefix of those of one
// occurrence (bot/remind writes them).
func ReminderRowPrefix(id uint64) string { return "r" + strconv.FormatUint(id, 10) + ":" }

// OccurrenceRowPrefix is the key prefix of the rows of occurrence occ.
func OccurrenceRowPrefix(id uint64, occ time.Time) string {
	return ReminderRowPrefix(id) + strconv.FormatInt(occ.Unix(), 10) + ":"
}

// WithdrawnReason is the dead-letter reason of a row an officer's cancel
// took back.
const WithdrawnReason = "withdrawn: the broadcast was cancelled before this message went"

// MissedReason is the dead-letter reason of a paused row resumed past its
// broadcast's grace.
const MissedReason = "missed: resumed after the broadcast's grace"

// ChangeBroadcast is ChangeReminder with the quiet hours a resume must
// respect: the rows it puts back go at their end when it falls in them.
func ChangeBroadcast(tx Tx, id uint64, action, by string, now time.Time, quiet QuietHours, loc *time.Location) (Reminder, bool, error) {
	r, err := tx.Reminder(id)
	if err != nil {
		return Reminder{}, false, err // the store names the reminder
	}
	var changed bool
	if !r.Personal() && r.Finished() && !r.LastMissed {
		changed, err = r.changeQueued(tx, action, now, quiet, loc)
	} else if changed, err = r.Change(action); err == nil && changed && !r.Personal() {
		err = r.moveRows(tx, action, now, quiet, loc)
	}
	if err != nil || !changed {
		return r, false, err
	}
	if err := tx.PutReminder(&r); err != nil {
		return Reminder{}, false, fmt.Errorf("save reminder %d: %w", id, err)
	}
	a := AuditRecord{Time: now, Officer: by, Action: "reminder_" + action, Detail: "#" + strconv.FormatUint(id, 10)}
	if r.Withdrawn > 0 && action == ActionCancel {
		a.Detail += fmt.Sprintf(" (withdrawn %d unsent, %d gone)", r.Withdrawn, r.Gone)
	}
	if err := tx.Audit(a); err != nil {
		return Reminder{}, false, fmt.Errorf("audit reminder %d: %w", id, err)
	}
	return r, true, nil
}

// changeQueued applies action to a one-off whose time has come: only its
// rows not yet gone can change. With none left it is refused as sent.
func (r *Reminder) changeQueued(tx Tx, action string, now time.Time, quiet QuietHours, loc *time.Location) (bool, error) {
	if r.Withdrawn > 0 {
		if action == ActionCancel {
			return false, nil
		}
		return false, &RefusalError{Conflict: true,
			Msg: fmt.Sprintf("reminder %d is cancelled: it cannot be paused or resumed; add a new one", r.ID),
			Vi:  fmt.Sprintf("thông báo #%d đã hủy, không tạm dừng hay tiếp tục được; hãy tạo thông báo mới", r.ID)}
	}
	q, err := tx.QueuedRows(ReminderRowPrefix(r.ID))
	if err != nil {
		return false, fmt.Errorf("count rows of reminder %d: %w", r.ID, err)
	}
	switch {
	case action == ActionPause && r.Paused, action == ActionResume && !r.Paused && q.Pending > 0:
		return false, nil
	case action == ActionCancel && q.Waiting() > 0, action == ActionPause && q.Pending > 0, action == ActionResume && r.Paused:
		return true, r.moveRows(tx, action, now, quiet, loc)
	}
	return r.Change(action) // nothing left: refused as sent
}

// moveRows makes the reminder's unsent rows follow action: withdrawn,
// paused or resumed. r.Paused, Withdrawn, Gone and SendFrom record it.
func (r *Reminder) moveRows(tx Tx, action string, now time.Time, quiet QuietHours, loc *time.Location) error {
	prefix := ReminderRowPrefix(r.ID)
	switch action {
	case ActionCancel:
		q, err := tx.QueuedRows(OccurrenceRowPrefix(r.ID, r.Last))
		if err != nil {
			return fmt.Errorf("count rows of reminder %d: %w", r.ID, err)
		}
		n, err := tx.WithdrawRows(prefix, WithdrawnReason, now)
		if err != nil {
			return fmt.Errorf("withdraw rows of reminder %d: %w", r.ID, err)
		}
		if n > 0 {
			r.Withdrawn, r.Gone = n, q.Sent+q.Dead
		}
		r.Cancelled, r.Paused = true, false
	case ActionPause:
		if _, err := tx.PauseRows(prefix); err != nil {
			return fmt.Errorf("pause rows of reminder %d: %w", r.ID, err)
		}
		r.Paused = true
	case ActionResume:
		from := quiet.Defer(now, loc)
		grace := r.Grace
		if grace <= 0 {
			grace = DefaultGrace
		}
		resumed, missed, err := tx.ResumeRows(prefix, from, now.Add(-grace))
		if err != nil {
			return fmt.Errorf("resume rows of reminder %d: %w", r.ID, err)
		}
		if resumed > 0 {
			r.SendFrom = from
		} else if missed > 0 && r.Finished() {
			r.LastMissed = true
		}
		r.Paused = false
	}
	return nil
}
