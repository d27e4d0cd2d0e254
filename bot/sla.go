package bot

import (
	"time"

	"github.com/bacninh/ansinh/content"
)

// The SLA rule for tickets, in Vietnamese working days (docs/architecture.md
// §5): as in administrative practice, days count from the day after the
// request is received (after 17:00 or on a day off it is received the next
// working day); an urgent request is due by the end of the day it is
// received.
const (
	SLANormalDays = 3
	SLAUrgentDays = 0
)

// DueDate is when a ticket of the given priority received at from is due,
// in loc, with cal's holidays (nil: weekends only).
func DueDate(cal *content.Calendar, loc *time.Location, from time.Time, priority string) time.Time {
	n := SLANormalDays
	if priority == PriorityUrgent {
		n = SLAUrgentDays
	}
	return cal.AddWorkingDays(from.In(loc), n)
}
