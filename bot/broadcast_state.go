package bot

import (
	"fmt"
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
	if !r.Personal() {
		if len(r.Held) == 0 {
			r.HeldAfter = r.Last
		}
		r.Held = append(r.Held, held...)
	}
	r.Last = occs[len(occs)-1]
	if !r.Personal() {
		return true
	}
	if r.Type == ReminderOnce || (r.Type == ReminderBHYTExpiry && !r.Last.Before(r.Expiry.AddDate(0, 0, -8))) {
		r.Cancelled = true
	}
	return true
}

// releaseHeld undoes HoldDue for a resumed broadcast: Last goes back to
// what it was, so the scheduler sends every held occurrence still within
// its grace, with the rows' keys of this database. (An occurrence before
// the first held one was past its grace at the restore, and is still.)
func (r *Reminder) releaseHeld() bool {
	if len(r.Held) == 0 {
		return false
	}
	r.Last, r.Held, r.HeldAfter = r.HeldAfter, nil, time.Time{}
	return true
}

// QuietRule is the sentence officers read about quiet hours q, as
// configured (ANSINH_QUIET_HOURS): the window and when a broadcast due in
// it goes; empty when quiet hours are off.
func QuietRule(q QuietHours) string {
	if q.From == q.To {
		return ""
	}
	return fmt.Sprintf("Không gửi trong giờ yên lặng %s–%s: thông báo đến giờ trong khoảng đó được gửi lúc %s",
		clockOf(q.From), clockOf(q.To), clockOf(q.To))
}

// quietSend says when a broadcast r, created at now, really goes if quiet
// hours hold its next time back: "" when they do not.
func (c *conv) quietSend(r *Reminder) string {
	next := r.Occurrences(c.now, c.now.Add(BroadcastHorizon), c.e.loc, 1)
	if len(next) == 0 {
		return ""
	}
	sent := c.e.quiet.Defer(next[0], c.e.loc)
	if sent.Equal(next[0]) {
		return ""
	}
	q, layout := c.e.quiet, "15:04 ngày 02/01/2006"
	if r.Spec != "" {
		return fmt.Sprintf("Giờ yên lặng %s–%s: lần gửi tới, %s, sẽ được gửi lúc %s.", clockOf(q.From), clockOf(q.To),
			next[0].In(c.e.loc).Format(layout), sent.In(c.e.loc).Format(layout))
	}
	return fmt.Sprintf("Giờ yên lặng %s–%s: thông báo sẽ được gửi lúc %s.", clockOf(q.From), clockOf(q.To), sent.In(c.e.loc).Format(layout))
}

// broadcastHelp is the /thongbao help with the configured quiet hours.
func (c *conv) broadcastHelp() string {
	rule := QuietRule(c.e.quiet)
	if rule == "" {
		return c.broadcastHead() + "\nNgười đã /stop không nhận."
	}
	return c.broadcastHead() + "\n" + rule + "; người đã /stop không nhận."
}

// broadcastHead is the broadcasts' help with example dates ahead of
// today: tomorrow for a one-off, next year's 30 June for a repeat's last
// day.
func (c *conv) broadcastHead() string {
	local := c.now.In(c.e.loc)
	once := local.AddDate(0, 0, 1).Format("2006-01-02")
	until := fmt.Sprintf("%04d-06-30", local.Year()+1)
	return fmt.Sprintf(textBroadcastHelpHead, once, until)
}

// officerHelp is the officers' commands, then the broadcasts' help
// (without the configured hours, which /thongbao shows).
func (c *conv) officerHelp() string {
	return textOfficerHelp + "\n\n" + c.broadcastHead() + "\n" + textBroadcastHelp
}
