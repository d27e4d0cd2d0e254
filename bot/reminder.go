package bot

import (
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/bacninh/ansinh/content/when"
)

// Reminder types.
const (
	ReminderBroadcast  = "broadcast"   // to an audience, by cron spec or once
	ReminderLoanDay    = "loan_day"    // personal: a day of every month
	ReminderBHYTExpiry = "bhyt_expiry" // personal: days before a card expires (Leads; 30 and 7)
	ReminderOnce       = "once"        // personal: one date and time
)

// Audiences of broadcasts: AudienceAll, "topic:ID", "commune:NAME",
// "category:ID" (a household category the citizen declared).
const AudienceAll = "all"

// personalHour is when personal reminders go out on their day (local),
// the hour the parser gives a day named without a time.
const personalHour = when.DefaultHour

// Reminder is a scheduled message (docs/architecture.md §6).
type Reminder struct {
	ID   uint64 `json:"id"`
	Type string `json:"type"`
	// Audience is who a broadcast reaches; Owner whom a personal reminder
	// belongs to.
	Audience string  `json:"audience,omitempty"`
	Owner    UserKey `json:"owner,omitzero"`
	ChatID   string  `json:"chat,omitempty"` // owner's chat
	Text     string  `json:"text"`
	// Spec is a five-field cron spec in local time; At a one-off time.
	Spec string    `json:"spec,omitempty"`
	At   time.Time `json:"at,omitzero"`
	// Day is the loan payment day of the month (1–31; past a short
	// month's end, its last day). Expiry is the BHYT card's expiry date.
	Day    int       `json:"day,omitempty"`
	Expiry time.Time `json:"expiry,omitzero"`
	// Leads are how many days before Expiry the card's reminders go, in
	// decreasing order; absent: defaultLeads (30 and 7). A card set close
	// to its expiry keeps only the leads still ahead (LeadsAhead).
	Leads []int `json:"leads,omitempty"`
	// Until ends a repeating reminder (inclusive day).
	Until time.Time `json:"until,omitzero"`
	// Exact marks a personal time the citizen chose, not the bot. It no
	// longer matters for quiet hours: they hold back every reminder
	// (docs/architecture.md §6). Kept in stored reminders.
	Exact bool `json:"exact,omitempty"`
	// Grace is how late a missed occurrence may still be sent (after a
	// restart); older ones are skipped.
	Grace     time.Duration `json:"grace"`
	Paused    bool          `json:"paused,omitempty"`
	Cancelled bool          `json:"cancelled,omitempty"`
	Created   time.Time     `json:"created"`
	CreatedBy string        `json:"created_by,omitempty"`
	// Last is the latest occurrence already turned into outbox rows;
	// LastSent and LastSkipped say how many rows it produced and whom it
	// left out, by reason (stopped, unreachable, outside window).
	Last        time.Time      `json:"last,omitzero"`
	LastSent    int            `json:"last_sent,omitempty"`
	LastSkipped map[string]int `json:"last_skipped,omitempty"`
	// SendFrom is when the latest occurrence's rows may go: the run that
	// wrote them, or the end of the quiet hours that held them. LastMissed
	// says that occurrence was older than its grace and nothing was sent.
	SendFrom   time.Time `json:"send_from,omitzero"`
	LastMissed bool      `json:"last_missed,omitempty"`
	// Held are occurrences a restore held back (HoldDue): due between the
	// backup and the restore, perhaps sent by the database it replaced.
	// Last is past them, HeldAfter what Last was; resuming the broadcast
	// puts it back, and so sends them.
	Held      []time.Time `json:"held,omitempty"`
	HeldAfter time.Time   `json:"held_after,omitzero"`
	// Withdrawn and Gone: an officer cancelled the broadcast while rows of
	// it still waited in the outbox; Withdrawn of them were taken back
	// unsent, Gone had already gone (broadcast_held.go).
	Withdrawn int `json:"withdrawn,omitempty"`
	Gone      int `json:"gone,omitempty"`
}

// DefaultGrace is how late a missed occurrence is still worth sending.
const DefaultGrace = 12 * time.Hour

// Active reports whether the reminder may still fire.
func (r *Reminder) Active() bool { return !r.Cancelled && !r.Paused }

// Personal reports whether the reminder belongs to one citizen.
func (r *Reminder) Personal() bool { return r.Type != ReminderBroadcast }

// Validate checks a reminder before it is saved.
func (r *Reminder) Validate() error {
	if strings.TrimSpace(r.Text) == "" {
		return fmt.Errorf("reminder text is empty")
	}
	switch r.Type {
	case ReminderBroadcast:
		if err := ValidAudience(r.Audience); err != nil {
			return err
		}
		if (r.Spec == "") == r.At.IsZero() {
			return fmt.Errorf("a broadcast needs either a cron spec or a time")
		}
		if r.Spec != "" {
			if _, err := cron.ParseStandard(r.Spec); err != nil {
				return fmt.Errorf("cron spec %q: %w", r.Spec, err)
			}
		}
	case ReminderLoanDay:
		if r.Day < 1 || r.Day > 31 {
			return fmt.Errorf("day of month %d out of 1–31", r.Day)
		}
	case ReminderBHYTExpiry:
		if r.Expiry.IsZero() {
			return fmt.Errorf("card expiry date missing")
		}
		for i, l := range r.Leads {
			if l < 0 || l > defaultLeads[0] || (i > 0 && l >= r.Leads[i-1]) {
				return fmt.Errorf("card reminder leads %v: want days 0–%d, decreasing", r.Leads, defaultLeads[0])
			}
		}
	case ReminderOnce:
		if r.At.IsZero() {
			return fmt.Errorf("reminder time missing")
		}
	default:
		return fmt.Errorf("unknown reminder type %q", r.Type)
	}
	if r.Personal() && (r.Owner.Channel == "" || r.Owner.ID == "") {
		return fmt.Errorf("personal reminder without owner")
	}
	return nil
}

// ValidAudience checks a broadcast audience.
func ValidAudience(a string) error {
	if a == AudienceAll {
		return nil
	}
	kind, val, ok := strings.Cut(a, ":")
	if !ok || strings.TrimSpace(val) == "" || (kind != "topic" && kind != "commune" && kind != "category") {
		return fmt.Errorf("audience %q: want all, topic:ID, commune:NAME or category:ID", a)
	}
	return nil
}

// dueLimit bounds the occurrences one run turns into rows; the scheduler
// records each one it processes, so the next run goes on from there.
const dueLimit = 1000

// Due returns the occurrences not yet turned into outbox rows, up to now:
// after Last or, before the first, since the reminder was created (at most
// dueLimit of them). grace is how late one may still be sent (Grace or
// DefaultGrace): an occurrence older than that at now is skipped. The
// scheduler sends by this rule, and `ansinh reminders resume` counts by it
// what will still go.
func (r *Reminder) Due(now time.Time, loc *time.Location) (occs []time.Time, grace time.Duration) {
	after := r.Last
	if after.IsZero() {
		after = r.Created.Add(-time.Second)
	}
	grace = r.Grace
	if grace <= 0 {
		grace = DefaultGrace
	}
	return r.Occurrences(after, now, loc, dueLimit), grace
}

// Occurrences returns the reminder's firing times in (after, upto], in
// order, at most limit of them. Times are computed in loc: a monthly day
// or "08:00" means local time in the province (no daylight saving in
// Asia/Ho_Chi_Minh, but the arithmetic does not depend on it).
func (r *Reminder) Occurrences(after, upto time.Time, loc *time.Location, limit int) []time.Time {
	var out []time.Time
	add := func(t time.Time) bool {
		if t.After(after) && !t.After(upto) && (r.Until.IsZero() || !t.After(endOfDay(r.Until, loc))) {
			out = append(out, t)
		}
		return len(out) < limit
	}
	switch r.Type {
	case ReminderOnce:
		add(r.At)
	case ReminderBroadcast:
		if !r.At.IsZero() {
			add(r.At)
			break
		}
		sched, err := cron.ParseStandard(r.Spec)
		if err != nil {
			return nil
		}
		for t := sched.Next(after.In(loc)); !t.IsZero() && !t.After(upto); t = sched.Next(t) {
			if !add(t) {
				break
			}
		}
	case ReminderBHYTExpiry:
		for _, days := range r.LeadDays() {
			if !add(leadTime(r.Expiry, days, loc)) {
				break
			}
		}
	case ReminderLoanDay:
		start := after.In(loc)
		for m := 0; m < 1200; m++ { // at most a century of months: a bound, not a limit in practice
			y, mon, _ := start.Date()
			first := time.Date(y, mon+time.Month(m), 1, personalHour, 0, 0, 0, loc)
			day := min(r.Day, daysIn(first))
			t := time.Date(first.Year(), first.Month(), day, personalHour, 0, 0, 0, loc)
			if t.After(upto) {
				break
			}
			if !add(t) {
				break
			}
		}
	}
	return out
}

// defaultLeads are how many days before a BHYT card expires its reminders
// go by default: a month ahead, to renew in time, and a week ahead.
var defaultLeads = []int{30, 7}

// LeadDays returns the card reminder's leads: its own, or defaultLeads.
func (r *Reminder) LeadDays() []int {
	if len(r.Leads) > 0 {
		return r.Leads
	}
	return defaultLeads
}

// leadTime is when the reminder days before a card's expiry goes: at
// personalHour, local, that day.
func leadTime(expiry time.Time, days int, loc *time.Location) time.Time {
	e := expiry.In(loc)
	return time.Date(e.Year(), e.Month(), e.Day()-days, personalHour, 0, 0, 0, loc)
}

// DaysLeft counts the days from now's day to the card's expiry day, in
// loc: 0 when it expires today, negative when it already has.
func DaysLeft(expiry, now time.Time, loc *time.Location) int {
	civil := func(t time.Time) time.Time {
		y, m, d := t.In(loc).Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return int(civil(expiry).Sub(civil(now)).Hours() / 24)
}

// LeadsAhead returns the leads of a card expiring on expiry that can still
// be sent after now: defaultLeads whose time is ahead, or, when both have
// passed but the card is still valid tomorrow, one lead that sends
// tomorrow at personalHour (quiet hours end before it), so that the
// citizen who did not renew today hears of it once more. It returns nil
// when the card expires today or has expired: nothing can be sent in time.
func LeadsAhead(expiry, now time.Time, loc *time.Location) []int {
	left := DaysLeft(expiry, now, loc)
	if left <= 0 {
		return nil
	}
	var ahead []int
	for _, days := range defaultLeads {
		if leadTime(expiry, days, loc).After(now) {
			ahead = append(ahead, days)
		}
	}
	if len(ahead) == 0 {
		ahead = []int{left - 1}
	}
	return ahead
}

func daysIn(t time.Time) int {
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, t.Location()).Day()
}

func endOfDay(d time.Time, loc *time.Location) time.Time {
	y, m, dd := d.In(loc).Date()
	return time.Date(y, m, dd, 23, 59, 59, 0, loc)
}

// QuietHours is a local window in which no reminder is delivered.
type QuietHours struct {
	From, To time.Duration // offsets from local midnight; From > To wraps midnight
}

// Defer returns when a message due at t may go: t itself, or the end of the
// quiet window containing it.
func (q QuietHours) Defer(t time.Time, loc *time.Location) time.Time {
	if q.From == q.To {
		return t
	}
	lt := t.In(loc)
	midnight := time.Date(lt.Year(), lt.Month(), lt.Day(), 0, 0, 0, 0, loc)
	since := lt.Sub(midnight)
	inside := (q.From < q.To && since >= q.From && since < q.To) ||
		(q.From > q.To && (since >= q.From || since < q.To))
	if !inside {
		return t
	}
	end := midnight.Add(q.To)
	if since >= q.To { // before midnight: the window ends tomorrow
		end = time.Date(lt.Year(), lt.Month(), lt.Day()+1, 0, 0, 0, 0, loc).Add(q.To)
	}
	return end
}
