package when

import (
	"strings"
	"time"
)

// onceTime turns what was read into the time of a one-off reminder.
func (p *remindParser) onceTime() (time.Time, bool) {
	if p.after > 0 {
		return p.now.Add(p.after).Truncate(time.Minute), true
	}
	hour, minute, timed := p.clock()
	at := func(y int, m time.Month, d int) time.Time {
		return time.Date(y, m, d, hour, minute, 0, 0, p.loc)
	}
	y, m, d := p.now.Date()
	switch {
	case p.date.set:
		date := p.date
		if date.monthOnly { // "ngày 5 … tháng 12"
			if p.day == 0 {
				return time.Time{}, false
			}
			date.day, date.monthOnly = p.day, false
		}
		day, ok := date.resolve(p.now)
		if !ok {
			return time.Time{}, false
		}
		return at(day.Date()), true
	case p.day > 0:
		return p.onDayOfMonth(at)
	case p.weekday > 0:
		return p.onWeekday(at), true
	case p.offset || p.week == weekNext || p.nextMonth:
		days, months := p.days, p.months
		if p.week == weekNext {
			days += 7
		}
		if p.nextMonth {
			months++
		}
		y, m, d = addMonthsClamped(y, m, d, months)
		if t := at(y, m, d+days-1); p.smallHoursMorning() && t.After(p.now) {
			return t, true // "8 giờ sáng mai" said at 02:47 is this coming morning
		}
		if t := at(y, m, d+days); days == 0 && months == 0 && !t.After(p.now) {
			if soon, ok := p.laterToday(); ok {
				return soon, true
			}
		}
		return at(y, m, d+days), true
	case timed:
		// A time alone is the next one: "8 giờ sáng" said at 10:00 is tomorrow.
		t := at(y, m, d)
		if !t.After(p.now) {
			t = at(y, m, d+1)
		}
		return t, true
	}
	return time.Time{}, false
}

// soonLead is the least time ahead a reminder the parser places in a
// part of the day already under way gets: "tối nay" asked at 20:00 goes
// at 20:15, the next quarter hour at least this far ahead.
const soonLead = 10 * time.Minute

// laterToday places a part of today named without an hour ("tối nay",
// "đêm nay", "chiều hôm nay") whose usual hour has passed while the part
// goes on: the next quarter hour at least soonLead ahead, within the
// part (its last minute at the latest). ok is false once the part is
// over ("chiều nay" at 18:30): that time is past. The caller keeps such
// a time out of quiet hours and says so ("đêm nay" asked at 21:30).
func (p *remindParser) laterToday() (time.Time, bool) {
	if p.pod == nil || p.hour >= 0 || p.week != 0 || p.nextMonth {
		return time.Time{}, false
	}
	y, m, d := p.now.Date()
	end := time.Date(y, m, d, p.pod.end, 0, 0, 0, p.loc)
	lead := p.now.Add(soonLead)
	mins := lead.Hour()*60 + lead.Minute()
	if lead.Second() > 0 || lead.Nanosecond() > 0 {
		mins++
	}
	mins = (mins + 14) / 15 * 15
	t := time.Date(y, m, d, 0, mins, 0, 0, p.loc)
	if !t.Before(end) {
		t = end.Add(-time.Minute)
	}
	if !t.After(p.now) {
		return time.Time{}, false
	}
	return t, true
}

// smallHoursEnd is when the small hours end: before it, the night has not
// ended for the citizen, and "sáng mai" is the coming morning.
const smallHoursEnd = 4

// smallHoursMorning reports whether the request is for "sáng mai" said in
// the small hours (before smallHoursEnd): the morning that comes next,
// today's by the calendar, not the day after's.
func (p *remindParser) smallHoursMorning() bool {
	return p.tomorrow && p.days == 1 && p.months == 0 && p.week != weekNext && !p.nextMonth &&
		p.pod != nil && p.pod.word == "sáng" && p.now.Hour() < smallHoursEnd
}

// clock returns the hour and minute asked for, the part of day's hour when
// only that was given, else DefaultHour; timed reports whether any was.
func (p *remindParser) clock() (hour, minute int, timed bool) {
	switch {
	case p.hour >= 0:
		return p.pod.clock(p.hour), p.minute, true
	case p.pod != nil:
		return p.pod.hour, 0, true
	}
	return DefaultHour, 0, false
}

// onDayOfMonth places "ngày 15": this month's when today is not past it,
// else the next month that has that day; with "tháng sau", next month's,
// its last day if shorter.
func (p *remindParser) onDayOfMonth(at func(int, time.Month, int) time.Time) (time.Time, bool) {
	y, m, d := p.now.Date()
	if p.thisMonth && !p.nextMonth && p.months == 0 {
		// "ngày 15 tháng này": this month's, even when past (the caller
		// says so), never next month's.
		if p.day > monthDays(y, m) {
			return time.Time{}, false
		}
		return at(y, m, p.day), true
	}
	if p.nextMonth || p.months > 0 {
		y, m, _ = addMonthsClamped(y, m, 1, max(p.months, 1))
		return at(y, m, min(p.day, monthDays(y, m))), true
	}
	for k := 0; k < 12; k++ {
		first := time.Date(y, m+time.Month(k), 1, 0, 0, 0, 0, p.loc)
		if p.day <= monthDays(first.Year(), first.Month()) && (k > 0 || p.day >= d) {
			return at(first.Year(), first.Month(), p.day), true
		}
	}
	return time.Time{}, false
}

// onWeekday places a weekday. Weeks run Monday to Sunday. "Tuần này" is this
// week's (next week's once past), "tuần sau" next week's; a bare weekday is
// the next one after today, or today while the time is still ahead.
func (p *remindParser) onWeekday(at func(int, time.Month, int) time.Time) time.Time {
	y, m, d := p.now.Date()
	today := int(p.now.Weekday()+6)%7 + 1 // 1 Monday … 7 Sunday
	var t time.Time
	switch p.week {
	case weekThis:
		t = at(y, m, d-today+p.weekday)
	case weekNext:
		return at(y, m, d-today+7+p.weekday)
	default:
		t = at(y, m, d+(p.weekday-today+7)%7)
	}
	if !t.After(p.now) {
		t = t.AddDate(0, 0, 7)
	}
	return t
}

// addMonthsClamped moves a date by n months, keeping the day unless the
// month is shorter: 31/01 plus one month is 28/02 (29/02 in a leap year).
func addMonthsClamped(y int, m time.Month, d, n int) (int, time.Month, int) {
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return first.Year(), first.Month(), min(d, monthDays(first.Year(), first.Month()))
}

func monthDays(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// what joins the words no matcher read, trimmed of filler at both ends,
// copied from the cleaned text with their diacritics and case.
func (p *remindParser) what(typ Kind) string {
	var kept []int
	for i, u := range p.use {
		if u == useKept || ((u == useCard || u == useExpiry) && typ != BHYTExpiry) {
			kept = append(kept, i)
		}
	}
	kept = p.trimEdges(kept)
	var parts []string
	for k := 0; k < len(kept); {
		first, last := kept[k], kept[k]
		for k++; k < len(kept) && kept[k] == last+1; k++ {
			last = kept[k]
		}
		parts = append(parts, p.text[p.toks[first].start:p.toks[last].end])
	}
	return strings.Join(parts, " ")
}

func (p *remindParser) trimEdges(kept []int) []int {
	for len(kept) > 0 {
		n := len(kept)
		switch {
		case p.is(kept[0], edgeWords...):
			kept = kept[1:]
		case p.is(kept[n-1], edgeWords...):
			kept = kept[:n-1]
		case p.is(kept[0], selfPronouns...):
			kept = kept[1:] // the citizen as subject: "tôi mai đi khám"
		default:
			if k := p.edgePhraseAt(kept, 0); k > 0 {
				kept = kept[k:]
			} else if k := p.edgePhraseEnding(kept); k > 0 {
				kept = kept[:n-k]
			} else {
				return kept
			}
		}
	}
	return kept
}

// edgePhraseAt returns the length of an edge phrase starting at kept[from].
func (p *remindParser) edgePhraseAt(kept []int, from int) int {
	for _, ph := range edgePhrases {
		if from+len(ph) > len(kept) {
			continue
		}
		ok := true
		for k, w := range ph {
			ok = ok && p.is(kept[from+k], w)
		}
		if ok {
			return len(ph)
		}
	}
	return 0
}

func (p *remindParser) edgePhraseEnding(kept []int) int {
	for _, ph := range edgePhrases {
		if len(ph) <= len(kept) && p.edgePhraseAt(kept, len(kept)-len(ph)) == len(ph) {
			return len(ph)
		}
	}
	return 0
}
