package content

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"time"
)

// HolidaysFile is the name of the public-holiday list in the knowledge base
// folder (content/kb/README.md describes its format).
const HolidaysFile = "holidays.tsv"

// WorkdayEnd is the hour (local time) at which an officers' working day
// ends: a request arriving at or after it is counted from the next working
// day, and due times fall on it.
const WorkdayEnd = 17

// Calendar tells working days from days off for commune officers: Saturdays,
// Sundays and the public holidays listed in holidays.tsv are days off.
//
// A nil *Calendar knows no holidays: only weekends are days off.
type Calendar struct {
	holidays map[civilDay]string // day → Vietnamese holiday name
}

// civilDay is a calendar day without a time zone, used as a map key (a
// time.Time key would compare its location pointer too).
type civilDay struct {
	year  int
	month time.Month
	day   int
}

func dayOf(t time.Time) civilDay {
	y, m, d := t.Date()
	return civilDay{y, m, d}
}

// LoadCalendar reads holidays.tsv at the root of fsys: one
// "YYYY-MM-DD<TAB>name" line per day off; blank lines and text after "#"
// are ignored. An error names the offending line.
func LoadCalendar(fsys fs.FS) (*Calendar, error) {
	b, err := fs.ReadFile(fsys, HolidaysFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", HolidaysFile, err)
	}
	c, err := parseHolidays(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s:%w", HolidaysFile, err)
	}
	return c, nil
}

// parseHolidays parses the text of holidays.tsv. Its errors start with the
// line number so that LoadCalendar can prefix the file name.
func parseHolidays(text string) (*Calendar, error) {
	c := &Calendar{holidays: map[civilDay]string{}}
	seen := map[civilDay]int{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		date, name, ok := strings.Cut(line, "\t")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, fmt.Errorf("%d: want YYYY-MM-DD<TAB>name, got %q", n, line)
		}
		d, err := ParseDate(strings.TrimSpace(date))
		if err != nil {
			return nil, fmt.Errorf("%d: %w", n, err)
		}
		key := dayOf(d.Time)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("%d: %s is already listed on line %d", n, d, prev)
		}
		seen[key] = n
		c.holidays[key] = name
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("scan: %w", err)
	}
	return c, nil
}

// IsWorkingDay reports whether the calendar day of t, in t's location, is a
// working day: neither a Saturday, a Sunday nor a listed holiday.
func (c *Calendar) IsWorkingDay(t time.Time) bool {
	switch t.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	if c == nil {
		return true
	}
	_, holiday := c.holidays[dayOf(t)]
	return !holiday
}

// AddWorkingDays returns the end (WorkdayEnd, 17:00 in t's location) of the
// n-th working day after the day a request arriving at t starts counting.
//
// Counting starts on t's day when it is a working day and t is before
// 17:00; a request arriving at or after 17:00, or on a weekend or holiday,
// starts counting on the next working day, as if it had arrived that
// morning. So n = 0 gives the end of the starting day itself (today 17:00
// for a request on a working-day morning, the next working day's 17:00
// otherwise), and n = 1 the end of the working day after it. A negative n
// counts as 0.
func (c *Calendar) AddWorkingDays(t time.Time, n int) time.Time {
	loc := t.Location()
	end := time.Date(t.Year(), t.Month(), t.Day(), WorkdayEnd, 0, 0, 0, loc)
	if !c.IsWorkingDay(t) || !t.Before(end) {
		end = c.nextWorkingDay(end)
	}
	for ; n > 0; n-- {
		end = c.nextWorkingDay(end)
	}
	return end
}

// nextWorkingDay returns 17:00 on the first working day after end's day.
// Days are stepped with time.Date rather than by adding 24 hours, so that
// the result stays on the wall-clock hour in zones with daylight saving.
func (c *Calendar) nextWorkingDay(end time.Time) time.Time {
	y, m, d := end.Date()
	for i := 1; ; i++ {
		next := time.Date(y, m, d+i, WorkdayEnd, 0, 0, 0, end.Location())
		if c.IsWorkingDay(next) {
			return next
		}
	}
}
