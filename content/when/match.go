package when

import (
	"time"
)

// Each matcher reads the expression starting at token i, records what it
// means in the parser and returns how many tokens it read (0: none).

// matchVerb reads a reminder verb and the words that trail it: "nhắc tôi",
// "đặt lời nhắc giúp em với", "hẹn giờ", and "giúp tôi" on its own.
func (p *remindParser) matchVerb(i int) int {
	n := p.longestPhrase(i, remindVerbs)
	if n == 0 {
		// "hộ" alone is also a household ("hộ nghèo"): a helper word is
		// filler only before a pronoun.
		if !p.is(i, "giúp", "giùm", "dùm", "hộ") || !p.isPronoun(i+1) {
			return 0
		}
		n = 1
	}
	n += p.verbFollowers(i + n)
	p.mark(i, n, useVerb)
	return n
}

// verbFollowers counts the words trailing a verb: at most one pronoun, so
// that in "nhac toi toi nay" the second "toi" stays the evening.
func (p *remindParser) verbFollowers(i int) int {
	j, pronoun := i, false
	for j < len(p.toks) {
		switch {
		case !pronoun && p.isPronoun(j):
			pronoun = true
			j++
		case !pronoun && p.is(j, "cho") && p.isPronoun(j+1):
			pronoun = true
			j += 2
		case p.is(j, verbFollowers...) && !(p.is(j, "trước") && p.startsNumber(j+1)):
			j++ // but "nhắc trước 1 ngày" is a lead time
		default:
			return j - i
		}
	}
	return j - i
}

// isPronoun reports whether token i is how the citizen calls themself.
func (p *remindParser) isPronoun(i int) bool {
	if !p.is(i, remindPronouns...) || p.isName(i+1) {
		return false // "anh Tuấn" is someone else
	}
	// "t2" is Monday, not "tôi" and 2.
	return i+1 >= len(p.toks) || !p.toks[i+1].glued || p.toks[i+1].nums == nil
}

// matchVocative reads "bot ơi", "Mai ơi", "chị Mai ơi".
func (p *remindParser) matchVocative(i int) int {
	n := 0
	switch {
	case p.is(i+1, "ơi"):
		n = 2
	case p.is(i+2, "ơi") && p.is(i, remindPronouns...):
		n = 3
	default:
		return 0
	}
	p.mark(i, n, useVerb)
	return n
}

// matchParticle reads words that mean nothing wherever they stand ("nhé").
func (p *remindParser) matchParticle(i int) int {
	if !p.is(i, remindParticles...) {
		return 0
	}
	p.mark(i, 1, useVerb)
	return 1
}

// remindSpan is a length of time: "3 ngày", "2 tháng", "30 phút".
type remindSpan struct {
	days, months int
	clock        time.Duration
}

// before returns t moved back by the span.
func (s remindSpan) before(t time.Time) time.Time {
	return t.AddDate(0, -s.months, -s.days).Add(-s.clock)
}

// matchRelative reads a time from now ("3 ngày nữa", "hai tuần tới", "1
// tháng sau", "2 tiếng nữa", "2 tiếng rưỡi nữa", "nửa tiếng nữa", "sau 30
// phút") or how long before it the citizen wants the reminder ("nhắc
// trước 1 ngày").
func (p *remindParser) matchRelative(i int) int {
	if p.is(i, "sau", "trước") {
		// "sau 2 giờ" is after two o'clock, not in two hours, and "sau 2
		// giờ rưỡi" after half past two.
		if s, n := p.span(i + 1); n > 0 && !p.is(i+n, "giờ", "h") && !(p.is(i+n, "rưỡi") && p.is(i+n-1, "giờ", "h")) {
			if p.is(i, "trước") {
				p.lead = s
			} else {
				p.addSpan(s)
			}
			p.mark(i, n+1, useDay)
			return n + 1
		}
	}
	s, n := p.span(i)
	// "tới" is also "tối" without diacritics: "8h toi" is 8 p.m.
	if n == 0 || !(p.is(i+n, "nữa") || (s.clock == 0 && p.is(i+n, "sau", "tới"))) {
		return 0
	}
	p.addSpan(s)
	p.mark(i, n+1, useDay)
	return n + 1
}

// span reads "N unit" at i and returns it with the tokens it spans: "2
// tiếng", "3 ngày", "2 tiếng 30 phút", and the half hours as they are
// said, "2 tiếng rưỡi" (two and a half hours), "nửa tiếng", "nửa giờ"
// (half an hour).
func (p *remindParser) span(i int) (remindSpan, int) {
	if p.is(i, "nửa") && p.is(i+1, "tiếng", "giờ") {
		return remindSpan{clock: 30 * time.Minute}, 2
	}
	n, w := p.number(i)
	if w == 0 || n < 1 {
		return remindSpan{}, 0
	}
	unit := i + w
	var s remindSpan
	switch {
	case p.is(unit, "ngày"):
		s.days = n
	case p.is(unit, "tuần"):
		s.days = 7 * n
	case p.is(unit, "tháng"):
		s.months = n
	case p.is(unit, "tiếng", "giờ", "h"):
		s.clock = time.Duration(n) * time.Hour
		if p.is(unit+1, "rưỡi") {
			return remindSpan{clock: s.clock + 30*time.Minute}, w + 2
		}
		// "2 tiếng 30 phút"
		if m, mw := p.number(unit + 1); mw > 0 && m >= 1 && m < 60 && p.is(unit+1+mw, "phút", "p") {
			return remindSpan{clock: s.clock + time.Duration(m)*time.Minute}, w + mw + 2
		}
	case p.is(unit, "phút", "p"):
		s.clock = time.Duration(n) * time.Minute
	default:
		return remindSpan{}, 0
	}
	return s, w + 1
}

func (p *remindParser) addSpan(s remindSpan) {
	p.days += s.days
	p.months += s.months
	p.after += s.clock
	p.offset = true
}

// matchRepeat reads "hằng tháng" (with "một lần", and a bare day before it:
// "15 hằng tháng") and the repeats we cannot schedule ("hằng ngày").
func (p *remindParser) matchRepeat(i int) int {
	for _, r := range unsupportedRepeats {
		n := p.phrase(i, r.words)
		if n == 0 {
			continue
		}
		// "mua hàng ngày mai" is shopping tomorrow, not a daily chore.
		// A clock time after it is the hour of every day: "mỗi ngày 8h
		// sáng" (QA pass 71 #6: read as the 8th, a one-off).
		if _, isNum := p.digits(i + n); (isNum && !p.is(i+n+1, "h", "giờ")) || p.is(i+n, "mai", "kia", "mốt") {
			return 0
		}
		p.repeats = true
		if p.period == 0 {
			p.period = r.period
		}
		p.mark(i, n, useDay)
		return n
	}
	n := p.longestPhrase(i, monthlyPhrases)
	if n == 0 {
		return 0
	}
	p.monthly = true
	if v, ok := p.digits(i + n); ((ok && v == 1) || p.is(i+n, "một")) && p.is(i+n+1, "lần") {
		n += 2
	}
	if v, ok := p.digits(i - 1); ok && p.use[i-1] == useKept && v >= 1 && v <= 31 && p.day == 0 {
		p.day = v
		p.use[i-1] = useMonthly
	}
	p.mark(i, n, useMonthly)
	return n
}

// matchYear reads the year of a date said in words: "năm nay", "năm sau",
// "năm tới", "sang năm", "năm ngoái" ("15/1 năm sau" is next year's).
func (p *remindParser) matchYear(i int) int {
	for _, m := range yearMarkers {
		if n := p.phrase(i, m.words); n > 0 {
			p.yearAt = append(p.yearAt, [3]int{i, n, m.years})
			p.mark(i, n, useDay)
			return n
		}
	}
	return 0
}

// matchOnce reads "lần này", "một lần": one reminder, not every month.
func (p *remindParser) matchOnce(i int) int {
	n := p.longestPhrase(i, onceMarkers)
	if n > 0 {
		p.onceSaid = true
		p.mark(i, n, useDay)
	}
	return n
}

// matchBHYT reads the card ("thẻ bhyt của tôi") and its expiry ("hết hạn").
func (p *remindParser) matchBHYT(i int) int {
	if n := p.longestPhrase(i, cardPhrases); n > 0 {
		p.card = true
		if p.is(i+n, "của") && p.isPronoun(i+n+1) {
			n += 2
		}
		p.mark(i, n, useCard)
		return n
	}
	if p.is(i-1, "gia") {
		return 0 // "gia hạn" renews a card
	}
	n := p.longestPhrase(i, expiryPhrases)
	if n > 0 {
		p.expiry = true
		p.mark(i, n, useExpiry)
	}
	return n
}

// matchDayWord reads "hôm nay", "mai", "ngày mai", "ngày kia", "ngày mốt".
func (p *remindParser) matchDayWord(i int) int {
	for _, dw := range dayWords {
		n := p.phrase(i, dw.words)
		// Without diacritics a lone "mot" is "một" (one), and "Mai" after a
		// lower-case word is a name.
		if n == 0 || (n == 1 && (p.isName(i) || (dw.days == 2 && isPlain(p.toks[i].text)))) {
			continue
		}
		p.offset = true
		p.days += dw.days
		p.tomorrow = p.tomorrow || dw.days == 1
		p.mark(i, n, useDay)
		return n
	}
	return 0
}

// matchDayOfMonth reads "ngày 15", "mùng 5", "mồng mười".
func (p *remindParser) matchDayOfMonth(i int) int {
	if !p.is(i, "ngày", "mùng", "mồng") {
		return 0
	}
	n, w := p.number(i + 1)
	// "ngày 2 lần" is twice a day.
	if w == 0 || n < 1 || n > 31 || p.amountAt(i+1+w) {
		return 0
	}
	if p.day == 0 {
		p.day = n
	}
	p.mark(i, 1+w, useDay)
	return 1 + w
}
