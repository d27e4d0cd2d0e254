package bot

import (
	"time"
)

// What became of a reminder's occurrences, as officers read it
// (docs/architecture.md §6): a one-off whose time has been processed is
// finished (sent, waiting for quiet hours to end, or missed), which the
// stored Cancelled flag alone does not tell; a restore may hold occurrences
// back (HoldDue) until an officer resumes the broadcast.

// Finished reports whether every occurrence of the reminder has been
// processed by the scheduler: a one-off (a broadcast at a time, or a
// personal "once") whose time is at or before Last. The scheduler marks it
// Cancelled too, so that every list of active reminders leaves it out; an
// officer's cancel before its time leaves Last before it. Occurrences a
// restore held are not processed: a held one-off is not finished.
func (r *Reminder) Finished() bool {
	if len(r.Held) > 0 || r.At.IsZero() || r.Last.IsZero() {
		return false
	}
	once := r.Type == ReminderOnce || (r.Type == ReminderBroadcast && r.Spec == "")
	return once && !r.Last.Before(r.At)
}

// Waiting reports whether the latest occurrence's rows are written but
// held back by quiet hours at now: they go at SendFrom.
func (r *Reminder) Waiting(now time.Time) bool {
	return !r.LastMissed && r.SendFrom.After(now)
}

// HoldDue holds back the occurrences due at now that are still within
// their grace, for a restored database: the backup does not know whether
// the database it replaces sent them, and a broadcast must never reach
// anyone twice. Last moves past every occurrence due at now (older ones
// were past their grace and would be skipped anyway); the held ones are
// kept in Held, and resuming the broadcast (ActionResume) sends those
// still within their grace then. A personal reminder cannot be resumed by
// an officer: its due occurrences count as sent (Held stays empty), and a
// one-off or a card's last reminder ends as the scheduler ends it. It reports whether
// anything was held; a paused or cancelled reminder holds only what its
// resume would send.
func (r *Reminder) HoldDue(now time.Time, loc *time.Location) bool {
	if r.Cancelled {
		return false
	}
	occs, grace := r.Due(now, loc)
	var held []time.Time
	for _, occ := range occs {
		if now.Sub(occ) <= grace {
			held = append(held, occ)
		}
	}
	if len(held) == 0 {
		return false
	}
	r.Last = occs[len(occs)-1]
	if !r.Personal() {
		r.Held = append(r.Held, held...)
		return true
	}
	if r.Type == ReminderOnce || (r.Type == ReminderBHYTExpiry && !r.Last.Before(r.Expiry.AddDate(0, 0, -8))) {
		r.Cancelled = true
	}
	return true
}

// releaseHeld undoes HoldDue for a resumed broadcast: Last goes back to
// just before the first held occurrence, so the scheduler sends every held
// one still within its grace, with the rows' keys of this database.
func (r *Reminder) releaseHeld() bool {
	if len(r.Held) == 0 {
		return false
	}
	r.Last = r.Held[0].Add(-time.Second)
	r.Held = nil
	return true
}
