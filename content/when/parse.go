package when

import (
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// Kind is the kind of reminder a request asks for.
type Kind uint8

// The kinds of request.
const (
	Once       Kind = iota + 1 // one date and time
	LoanDay                    // a day of every month (the loan payment day)
	BHYTExpiry                 // before a BHYT card expires
)

// Period is a repeat the bot cannot schedule for a citizen ("hằng ngày",
// "hằng tuần", "hằng năm"); only a day of every month is.
type Period uint8

// The periods a citizen may ask for in vain.
const (
	Daily Period = iota + 1
	Weekly
	Yearly
)

// DefaultHour is the hour of a reminder whose day was given without a
// time (local).
const DefaultHour = 8

// Request is what a citizen asked to be reminded of.
type Request struct {
	Kind   Kind
	Day    int       // loan day of month (1–31)
	Expiry time.Time // BHYT card expiry (a date, 00:00 local)
	At     time.Time // one-off time (local)
	// Exact is true when the citizen gave a one-off's clock time ("21h05",
	// "2 tiếng nữa"), not the bot (8 giờ for a bare day, 19 giờ for
	// "tối"). Either way a time in quiet hours is moved to their end by
	// the caller (docs/architecture.md §6).
	Exact bool
	// Afternoon is true when an hour from 1 to 4 said without a part of
	// day ("lúc 4h50") was read as the afternoon (16:50); the caller says
	// so (QA pass 71 #19).
	Afternoon bool
	// Clock is the time of day the citizen gave, an hour or a part of day
	// ("lúc 22h", "buổi tối"), for any kind; Timed says one was. A monthly
	// loan day is sent at DefaultHour whatever it says: the caller tells
	// the citizen when they differ.
	Clock time.Duration
	Timed bool
	What  string // what to remind, in the citizen's words, cleaned (may be empty)
	// Deadline is the date a one-off is asked "before" ("nhắc tôi trước
	// 14/12 nộp giấy"): At is the day before it, so that the citizen
	// still has a day to act; zero otherwise.
	Deadline time.Time
}

// requestHorizon bounds how far from now a parsed time may lie.
const requestHorizon = 2 // years

// Parse reads a reminder request; ok is false when the text names no
// time it can use. Text with or without diacritics reads alike.
//
// A monthly marker ("hằng tháng", "mỗi tháng") with a day makes a loan-day
// request, and so does a loan payment ("trả nợ", "đóng lãi", "nộp tiền
// vay") on a day of the month named alone ("nhắc tôi trả nợ ngày 15"),
// since the interest is paid every month, unless the citizen says once
// ("lần này", "tháng này", a month or a date, "tháng sau", "mai"); a BHYT
// card, an expiry word and a date make a card-expiry request; anything else
// with a day or a time is a one-off. A year said in words after a date
// ("15/1 năm sau", "sang năm") is that date's year. A one-off At may
// lie in the past only when the citizen named that day outright ("hôm nay",
// a date with its year): callers tell them so. Daily and weekly repeats, and
// cancellations ("hủy nhắc"), are not requests; nor are lunar dates ("mùng 1
// Tết", "rằm tháng 7"), which this solar arithmetic would place wrongly.
func Parse(text string, now time.Time, loc *time.Location) (Request, bool) {
	p := newRemindParser(text, now, loc)
	p.scan()
	if p.cancel || p.repeats || p.lunar {
		return Request{}, false
	}
	req, ok := p.request()
	if !ok || !p.inHorizon(req) {
		return Request{}, false
	}
	req.What = p.what(req.Kind)
	req.Exact = req.Kind == Once && (p.hour >= 0 || p.after > 0)
	if hour, minute, timed := p.clock(); timed {
		req.Clock, req.Timed = time.Duration(hour)*time.Hour+time.Duration(minute)*time.Minute, true
		req.Afternoon = p.pod == nil && p.hour >= 1 && p.hour <= 4
	}
	return req, true
}

// ParseDay reads a day of the month answer ("15", "ngày 15", "mùng 5", "ngay
// 20 hang thang", "mùng năm").
func ParseDay(text string) (int, bool) {
	p := newRemindParser(text, time.Time{}, time.UTC)
	for i := range p.toks {
		if p.matchDayOfMonth(i) > 0 {
			return p.day, true
		}
	}
	// A bare number, the only one in the answer: "15", "15 hằng tháng".
	at := -1
	for i, t := range p.toks {
		if t.nums != nil {
			if at >= 0 {
				return 0, false
			}
			at = i
		}
	}
	n, ok := p.digits(at)
	if !ok || n < 1 || n > 31 || p.amountAt(at+1) || p.is(at+1, durationUnits...) {
		return 0, false
	}
	return n, true
}

// ParseDate reads a date answer: "31/12/2026", "31-12-2026", "31/12" (this
// or next year, whichever is not past), "ngày 31 tháng 12 năm 2026", "thang
// 12/2026" (the last day of that month). The date is 00:00 in loc and its
// year within ten of now's.
func ParseDate(text string, now time.Time, loc *time.Location) (time.Time, bool) {
	p := newRemindParser(text, now, loc)
	p.scanDate()
	if !p.date.set {
		return time.Time{}, false
	}
	d, ok := p.date.resolve(p.now)
	if !ok || d.Year() < p.now.Year()-10 || d.Year() > p.now.Year()+10 {
		return time.Time{}, false
	}
	return d, true
}

// remindUse says what a token was read as.
type remindUse uint8

const (
	useKept    remindUse = iota // part of What
	useVerb                     // "nhắc tôi", "đặt lời nhắc", particles
	useClock                    // "8 giờ 30", "8:30"
	useDay                      // "mai", "thứ 2", "20/12", "tuần sau", "sáng"
	useMonthly                  // "hằng tháng"
	useCard                     // "thẻ bhyt": part of What unless the card expires
	useExpiry                   // "hết hạn": likewise
)

// Week markers.
const (
	weekThis = 1 // "tuần này"
	weekNext = 2 // "tuần sau", "tuần tới", "sang tuần"
)

// remindParser reads one request. The matchers (match.go,
// clock.go) fill its fields and mark the tokens they read;
// request (result.go) turns them into a time.
type remindParser struct {
	text string // cleaned
	toks []remindToken
	use  []remindUse
	now  time.Time // in loc
	loc  *time.Location

	cancel, repeats bool   // "hủy nhắc"; "hằng ngày", which we cannot schedule
	period          Period // which repeat: Daily for "hằng ngày"
	lunar           bool   // "mùng 1 Tết", "rằm", "âm lịch"
	monthly         bool   // "hằng tháng"
	card, expiry    bool   // "thẻ bhyt", "hết hạn"
	day             int    // "ngày 15", "mùng 5", "15 hằng tháng"
	date            remindDate
	offset          bool          // a day relative to today: "mai", "hôm nay", "3 ngày nữa"
	days, months    int           // … and how far
	tomorrow        bool          // the offset is "mai", "ngày mai"
	after           time.Duration // "2 tiếng nữa", "30 phút nữa"
	lead            remindSpan    // "nhắc trước 1 ngày"
	weekday         int           // 1 Monday … 7 Sunday; 0 none
	week            int           // weekThis, weekNext or 0
	nextMonth       bool          // "tháng sau"
	thisMonth       bool          // "tháng này"
	onceSaid        bool          // "lần này", "một lần"
	dateAt          [2]int        // the tokens [from, to) of the first date
	yearAt          [][3]int      // year words: first token, count, distance from this year
	hour, minute    int           // hour < 0: none given
	pod             *partOfDay
}

func newRemindParser(text string, now time.Time, loc *time.Location) *remindParser {
	if loc == nil {
		loc = now.Location()
	}
	text = content.Clean(text)
	toks := tokenizeReminder(text)
	return &remindParser{text: text, toks: toks, use: make([]remindUse, len(toks)),
		now: now.In(loc), loc: loc, hour: -1}
}

// remindDate is a calendar date or, with monthOnly, a month. A zero year
// means the next one not past.
type remindDate struct {
	day, month, year int
	monthOnly, set   bool
}

// resolve returns the date at 00:00 in now's location: the last day of the
// month when only a month is known, this year's or next year's date when no
// year is, whichever is not before today.
func (d remindDate) resolve(now time.Time) (time.Time, bool) {
	if d.year != 0 {
		return d.in(d.year, now.Location())
	}
	today := midnightOf(now)
	for _, y := range []int{now.Year(), now.Year() + 1} {
		if t, ok := d.in(y, now.Location()); ok && !t.Before(today) {
			return t, true
		}
	}
	return time.Time{}, false
}

// in returns the date in a given year, if that year has it.
func (d remindDate) in(year int, loc *time.Location) (time.Time, bool) {
	if year < 1 || d.month < 1 || d.month > 12 {
		return time.Time{}, false
	}
	last := time.Date(year, time.Month(d.month)+1, 0, 0, 0, 0, 0, loc).Day()
	day := d.day
	if d.monthOnly {
		day = last
	}
	if day < 1 || day > last {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(d.month), day, 0, 0, 0, 0, loc), true
}

// scanDate reads the first date of the text and a year said in words
// with it ("15/1 năm sau"), and nothing else.
func (p *remindParser) scanDate() {
	for i := 0; i < len(p.toks) && !p.date.set; i++ {
		p.matchDate(i)
	}
	for i := 0; i < len(p.toks); i++ {
		if p.date.set && i == p.dateAt[0] {
			i = p.dateAt[1] - 1 // the date's own "năm 2026", "năm nay"
			continue
		}
		i += max(p.matchYear(i)-1, 0)
	}
	p.applyYear()
}

// applyYear gives the date the year said in words right before or after it
// ("15/1 năm sau", "sang năm ngày 15/1"); a date written with its year
// keeps it. Year words elsewhere, or set apart by punctuation ("hết hạn
// 30/12, năm sau có thẻ mới không"), are not the date's and stay in What.
func (p *remindParser) applyYear() {
	for _, y := range p.yearAt {
		first, n, years := y[0], y[1], y[2]
		if !p.date.set || !(p.joined(first+n-1, p.dateAt[0]) || p.joined(p.dateAt[1]-1, first)) {
			p.mark(first, n, useKept)
			continue
		}
		if p.date.year == 0 {
			p.date.year = p.now.Year() + years
		}
	}
}

// joined reports whether token b follows token a with only spaces between.
func (p *remindParser) joined(a, b int) bool {
	if a < 0 || b != a+1 || b >= len(p.toks) {
		return false
	}
	return strings.TrimSpace(p.text[p.toks[a].end:p.toks[b].start]) == ""
}

// scan runs the matchers over the tokens, left to right; a token no matcher
// reads stays in What.
func (p *remindParser) scan() {
	p.cancel = p.is(0, "hủy", "xóa") || p.anyPhrase(cancelPhrases)
	matchers := []func(int) int{
		p.matchVerb, p.matchVocative, p.matchRelative, p.matchRepeat, p.matchBHYT,
		p.matchWeek, p.matchYear, p.matchOnce, p.matchDate, p.matchDayWord, p.matchDayOfMonth, p.matchClock,
		p.matchPartOfDay, p.matchParticle,
	}
	for i := 0; i < len(p.toks); {
		n := 0
		for _, m := range matchers {
			if n = m(i); n > 0 {
				break
			}
		}
		i += max(n, 1)
	}
	p.markPrepositions()
	p.applyYear()
	p.lunar = p.anyPhrase(lunarPhrases)
	for i := 1; i < len(p.toks); i++ {
		// "mùng 1 tết", "mùng 5 âm": the day just named is a lunar one.
		if p.use[i-1] == useDay && p.toks[i-1].nums != nil && p.is(i, "tết", "âm") {
			p.lunar = true
		}
	}
}

// markPrepositions folds "vào", "lúc", "buổi", "đến"… into the time they
// introduce, so that they leave What with it.
func (p *remindParser) markPrepositions() {
	for i := len(p.toks) - 1; i > 0; i-- {
		switch p.use[i] {
		case useClock, useDay, useMonthly:
			if p.use[i-1] == useKept && p.is(i-1, timePrepositions...) {
				p.use[i-1] = useDay
			}
		}
	}
}

// request decides the kind of reminder from what the matchers found.
func (p *remindParser) request() (Request, bool) {
	if p.monthly || p.loanEveryMonth() {
		day := p.day
		if day == 0 && p.date.set && !p.date.monthOnly {
			day = p.date.day
		}
		if day < 1 || day > 31 {
			return Request{}, false
		}
		return Request{Kind: LoanDay, Day: day}, true
	}
	if p.card && p.expiry && p.date.set {
		e, ok := p.date.resolve(p.now)
		// An expired card has no reminder left to send.
		if !ok || e.Before(midnightOf(p.now)) {
			return Request{}, false
		}
		return Request{Kind: BHYTExpiry, Expiry: e}, true
	}
	at, ok := p.onceTime()
	if ok && p.lead == (remindSpan{}) && p.beforeDate() {
		// "trước 14/12": the day before, when that is still ahead (until
		// session 66 the reminder came on the deadline day itself).
		if before := at.AddDate(0, 0, -1); before.After(p.now) {
			d := at.In(p.loc)
			return Request{Kind: Once, At: before, Deadline: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, p.loc)}, true
		}
	}
	return Request{Kind: Once, At: p.lead.before(at)}, ok
}

// beforeDate reports whether the date read is asked "before": "trước
// 14/12", "trước ngày 14/12", "hạn trước 14/12".
func (p *remindParser) beforeDate() bool {
	return p.date.set && !p.date.monthOnly && p.is(p.dateAt[0]-1, "trước")
}

// loanEveryMonth reports whether the request is a loan payment on a day of
// the month named alone ("nhắc tôi trả nợ ngày 15", "nhac toi tra lai ngay
// 15"): the interest falls due every month, so it is the monthly loan day,
// as the "Nhắc ngày đóng lãi" button sets it. A month or a date, "tháng
// này", "tháng sau", a day from today, a weekday, "lần này" or a lead time
// ("nhắc trước 2 ngày") name one occasion, which stays a one-off.
func (p *remindParser) loanEveryMonth() bool {
	once := p.date.set || p.offset || p.nextMonth || p.thisMonth || p.onceSaid ||
		p.weekday > 0 || p.week > 0 || p.lead != (remindSpan{})
	return p.day > 0 && !once && p.paysLoan()
}

// paysLoan reports whether the words left for What pay a loan: a payment
// verb, at most a filler, then a loan word ("đóng lãi", "trả tiền vay",
// "nộp lãi"). A debt owed to a person ("trả nợ chị Hoa", "trả nợ cho
// anh") is not the bank's loan, and "trả hết nợ" is the last payment.
func (p *remindParser) paysLoan() bool {
	kept := func(i int) bool { return i < len(p.use) && p.use[i] == useKept }
	for i := range p.toks {
		if !kept(i) || !p.is(i, paymentVerbs...) {
			continue
		}
		j := i + 1
		if kept(j) && p.is(j, paymentFillers...) {
			j++
		}
		if !kept(j) || !p.is(j, loanWords...) {
			continue
		}
		if p.is(j, "nợ") && (p.is(j+1, "cho") || p.is(j+1, remindPronouns...) || p.isName(j+1)) {
			continue
		}
		return true
	}
	return false
}

// inHorizon reports whether the request's time lies within requestHorizon
// of now (a past one-off is the caller's to refuse; see Parse).
func (p *remindParser) inHorizon(req Request) bool {
	lo, hi := p.now.AddDate(-requestHorizon, 0, 0), p.now.AddDate(requestHorizon, 0, 0)
	switch req.Kind {
	case Once:
		return !req.At.Before(lo) && !req.At.After(hi)
	case BHYTExpiry:
		return !req.Expiry.After(hi)
	}
	return true
}

func midnightOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
