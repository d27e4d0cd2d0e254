package when

import (
	"strconv"
	"strings"
	"time"
)

// Words is what ReadWords finds in a message about reminders, beyond a
// request Parse can schedule.
type Words struct {
	Cancel       bool   // "hủy nhắc", "thôi không nhắc … nữa"
	AsksReminder bool   // the message speaks of "nhắc"
	Card, Loan   bool   // which reminder: the BHYT card's, the loan day's
	Day          int    // a day of the month named
	ID           uint64 // a reminder number named ("#3", "số 3")
	Expired      bool   // a BHYT card said to have expired already
	// Repeat is a period asked for that the bot cannot schedule ("thứ 2
	// hằng tuần", "hằng ngày"); 0 when none.
	Repeat Period
	// BadDay/BadMonth/BadYear is a date that does not exist ("30/2");
	// BadYear is 0 when no year was given.
	BadDay, BadMonth, BadYear int
}

// cancelLead are words that, shortly before "nhắc", stop a reminder:
// "thôi không nhắc", "đừng nhắc nữa", "không cần nhắc".
var cancelLead = []string{"hủy", "xóa", "bỏ", "thôi", "đừng", "không", "ko", "khỏi", "ngừng", "dừng"}

// closesQuestion reports whether the "không" at token k, just before the
// "nhắc" at token i, closes a "có … không" question of the same clause
// rather than stopping a reminder: "bhyt có mất tiền không nhắc tôi ngày
// 20/12" asks a question and a reminder (until session 66 it was read as
// a cancellation). A clause break (",", ".", "?") between the "có" and
// the "không" leaves it a cancellation ("tôi có thẻ rồi, không nhắc").
func (p *remindParser) closesQuestion(k, i int) bool {
	if k != i-1 || !p.is(k, "không", "ko", "k") {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		if strings.ContainsAny(p.text[p.toks[j].end:p.toks[j+1].start], ",.;:!?") {
			return false
		}
		if p.is(j, "có") {
			return true
		}
	}
	return false
}

// pastPhrases say that a card's expiry lies behind.
var pastPhrases = [][]string{
	{"tháng", "trước"}, {"năm", "ngoái"}, {"năm", "trước"}, {"tuần", "trước"}, {"hôm", "qua"},
	{"hôm", "trước"}, {"hết", "hạn", "rồi"}, {"đã", "hết", "hạn"}, {"quá", "hạn"},
}

// ReadWords reads cancellations in words ("hủy nhắc ngày 15", "thôi không
// nhắc thẻ bhyt nữa"), a card said to have expired, and impossible dates.
func ReadWords(text string, now time.Time, loc *time.Location) Words {
	p := newRemindParser(text, now, loc)
	p.scan()
	var w Words
	nhac := -1
	for i := range p.toks {
		if p.is(i, "nhắc") {
			nhac = i
			w.AsksReminder = true
			for k := max(0, i-3); k < i; k++ {
				if p.is(k, cancelLead...) && !p.closesQuestion(k, i) {
					w.Cancel = true
				}
			}
		}
		if p.is(i, "lãi", "vay", "nợ") {
			w.Loan = true
		}
		if p.is(i, "#", "số") && i+1 < len(p.toks) && len(p.toks[i+1].nums) == 1 {
			w.ID = uint64(max(p.toks[i+1].nums[0], 0))
		}
		if strings.HasPrefix(p.toks[i].text, "#") {
			if n, err := strconv.ParseUint(strings.TrimPrefix(p.toks[i].text, "#"), 10, 64); err == nil {
				w.ID = n
			}
		}
	}
	w.Cancel = w.Cancel || (nhac >= 0 && p.cancel)
	w.Card, w.Day, w.Repeat = p.card, p.day, p.period
	if w.Day == 0 && p.date.set && !p.date.monthOnly {
		w.Day = p.date.day
	}
	if p.card && p.expiry && !w.Cancel {
		switch {
		case p.anyPhrase(pastPhrases):
			w.Expired = true
		case p.date.set && p.date.year > 0:
			if e, ok := p.date.resolve(p.now); ok && e.Before(midnightOf(p.now)) {
				w.Expired = true
			}
		}
	}
	w.BadDay, w.BadMonth, w.BadYear = impossibleDate(p)
	return w
}

// impossibleDate finds a day/month the calendar does not have ("30/2",
// "ngày 31 tháng 4"); zeros when there is none.
func impossibleDate(p *remindParser) (day, month, year int) {
	check := func(d, m, y int) bool {
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return false
		}
		limit := monthDays(2028, time.Month(m)) // a leap year: 29/2 exists in some year
		if y > 0 {
			limit = monthDays(y, time.Month(m))
		}
		return d > limit
	}
	for i, t := range p.toks {
		switch {
		case len(t.nums) >= 2 && (t.sep == '/' || t.sep == '-'):
			y := 0
			if len(t.nums) >= 3 {
				y = t.nums[2]
			}
			if check(t.nums[0], t.nums[1], y) {
				return t.nums[0], t.nums[1], y
			}
		case p.is(i, "ngày") && i+3 < len(p.toks) && len(p.toks[i+1].nums) == 1 && p.is(i+2, "tháng") && len(p.toks[i+3].nums) == 1:
			if d, m := p.toks[i+1].nums[0], p.toks[i+3].nums[0]; check(d, m, 0) {
				return d, m, 0
			}
		}
	}
	return 0, 0, 0
}

// PastDate reports whether text is a date before today ("15/10/2026").
func PastDate(text string, now time.Time, loc *time.Location) bool {
	p := newRemindParser(text, now, loc)
	p.scanDate()
	if !p.date.set || p.date.year == 0 {
		return false
	}
	d, ok := p.date.resolve(p.now)
	return ok && d.Before(midnightOf(p.now))
}
