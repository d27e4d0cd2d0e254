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

// NudgeEvery is how long the officers must have heard nothing of an open
// request before a citizen who asks for an officer again, naming nothing
// new ("gặp cán bộ", /canbo), reminds them of it; later such requests
// within NudgeEvery only get the citizen's answer. A message with content
// is always passed on.
const NudgeEvery = time.Hour

// NudgeEvent is the thread's record of such a reminder: an event, not a
// message from the citizen, so the officer has nothing to answer in it.
const NudgeEvent = "Người dân hỏi lại: muốn gặp cán bộ"
