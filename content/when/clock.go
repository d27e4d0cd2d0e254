package when

// matchDate reads a date or a month: "20/12", "31-12-2026", "ngày 20 tháng
// 12 năm 2026", "15 tháng 12", "tháng 12/2026", "tháng 12 năm 2026".
func (p *remindParser) matchDate(i int) int {
	j := i
	if p.is(j, "ngày", "mùng", "mồng") {
		j++
	}
	if d, ok := p.dateToken(j); ok {
		return p.setDate(i, j+1-i, d)
	}
	day, w := p.number(j)
	if j == i {
		day, w = 0, 0
		if v, ok := p.digits(i); ok {
			day, w = v, 1 // a bare "15 tháng 12": digits only
		}
	}
	if w > 0 && p.is(j+w, "tháng") {
		if m, y, w2 := p.monthYear(j + w + 1); w2 > 0 {
			return p.setDate(i, j+w+1+w2-i, remindDate{day: day, month: m, year: y})
		}
	}
	if j == i && p.is(i, "tháng") {
		if m, y, w2 := p.monthYear(i + 1); w2 > 0 {
			return p.setDate(i, 1+w2, remindDate{month: m, year: y, monthOnly: true})
		}
	}
	return 0
}

func (p *remindParser) setDate(i, n int, d remindDate) int {
	if !p.date.set {
		d.set = true
		p.date, p.dateAt = d, [2]int{i, i + n}
	}
	p.mark(i, n, useDay)
	return n
}

// dateToken reads digit groups as a date: d/m, d/m/y, m/yyyy, yyyy-m-d.
// Groups that cannot be a date ("1.500.000") are not one.
func (p *remindParser) dateToken(i int) (remindDate, bool) {
	if i < 0 || i >= len(p.toks) {
		return remindDate{}, false
	}
	t := p.toks[i]
	var d remindDate
	switch {
	case t.sep == ':' || len(t.nums) < 2:
		return remindDate{}, false
	case len(t.nums) == 3 && t.nums[0] >= 1000:
		d = remindDate{day: t.nums[2], month: t.nums[1], year: t.nums[0]}
	case len(t.nums) == 3:
		d = remindDate{day: t.nums[0], month: t.nums[1], year: fullYear(t.nums[2])}
	case t.sep == '.':
		return remindDate{}, false // "1.5 triệu"
	case t.nums[1] >= 1000:
		d = remindDate{day: 1, month: t.nums[0], year: t.nums[1], monthOnly: true}
	default:
		d = remindDate{day: t.nums[0], month: t.nums[1]}
	}
	ok := d.day >= 1 && d.day <= 31 && d.month >= 1 && d.month <= 12 && d.year >= 0
	return d, ok && !p.amountAt(i+1)
}

// monthYear reads what follows "tháng": "12", "mười hai", "12/2026", "12
// năm 2026", "12 năm nay".
func (p *remindParser) monthYear(i int) (month, year, width int) {
	if p.phrase(i-1, []string{"tháng", "sau"}) > 0 {
		return 0, 0, 0 // next month; June is "tháng sáu"
	}
	if d, ok := p.dateToken(i); ok && d.monthOnly {
		return d.month, d.year, 1
	}
	m, w := p.number(i)
	if w == 0 || m < 1 || m > 12 {
		return 0, 0, 0
	}
	j := i + w
	if !p.is(j, "năm") {
		return m, 0, w
	}
	switch y, ok := p.digits(j + 1); {
	case ok:
		return m, fullYear(y), w + 2
	case p.is(j+1, "nay"):
		return m, p.now.Year(), w + 2
	case p.is(j+1, "sau", "tới"):
		return m, p.now.Year() + 1, w + 2
	}
	return m, 0, w
}

// fullYear reads "26" as 2026; a year of three digits is no year (-1).
func fullYear(y int) int {
	switch {
	case y >= 0 && y < 100:
		return 2000 + y
	case y < 1000:
		return -1
	}
	return y
}

// matchWeek reads a weekday ("thứ 2", "thứ bảy", "t7", "chủ nhật", "cn")
// and the week or month markers ("tuần này", "tuần sau", "tháng sau").
func (p *remindParser) matchWeek(i int) int {
	if n := p.phrase(i, thisMonth); n > 0 {
		p.thisMonth = true
		p.mark(i, n, useDay)
		return n
	}
	for _, m := range weekMarkers {
		if n := p.phrase(i, m.words); n > 0 {
			p.week = max(p.week, m.week)
			p.nextMonth = p.nextMonth || m.month
			p.mark(i, n, useDay)
			return n
		}
	}
	wd, n := p.weekdayAt(i)
	if n == 0 {
		return 0
	}
	if p.is(i+n, "tới", "này") { // "thứ 2 tới": the coming Monday
		n++
	}
	if p.weekday == 0 {
		p.weekday = wd
	}
	p.mark(i, n, useDay)
	return n
}

// weekdayAt returns the weekday (1 Monday … 7 Sunday) named at i.
func (p *remindParser) weekdayAt(i int) (weekday, width int) {
	switch {
	case p.phrase(i, []string{"chủ", "nhật"}) > 0:
		return 7, 2
	case p.is(i, "cn"):
		return 7, 1
	case p.is(i, "thứ"):
		// "thu 2 triệu" collects money.
		if v, w := p.number(i + 1); w == 1 && v >= 2 && v <= 7 && !p.amountAt(i+2) {
			return v - 1, 2
		}
	case p.is(i, "t") && i+1 < len(p.toks) && p.toks[i+1].glued:
		v, ok := p.digits(i + 1)
		if ok && v >= 2 && v <= 7 && !(i+2 < len(p.toks) && p.toks[i+2].glued) {
			return v - 1, 2
		}
	}
	return 0, 0
}

// matchClock reads a time of day: "8 giờ", "8h", "8h30", "8g30", "8:30",
// "8 giờ 30 phút", "8 giờ rưỡi", "8 rưỡi", "9 giờ kém 15", "tám giờ",
// "mười rưỡi", "lúc 8".
func (p *remindParser) matchClock(i int) int {
	if t := p.toks[i]; len(t.nums) == 2 && t.sep == ':' {
		return p.setClock(i, 1, t.nums[0], t.nums[1])
	}
	if p.is(i, "lúc") {
		if h, ok := p.digits(i + 1); ok && !p.amountAt(i+2) && !p.is(i+2, durationUnits...) {
			return p.setClock(i, 2, h, 0)
		}
	}
	h, w := p.number(i)
	j := i + w
	if w > 0 && h >= 1 && h <= 12 && p.is(j, "rưỡi") && !p.amountAt(j+1) && !p.is(j+1, durationUnits...) {
		// "3 rưỡi chiều", "tám rưỡi": half past, the hour's word left
		// out as it is in speech (a quantity is "1 triệu rưỡi", a length
		// "2 tiếng rưỡi": the unit comes before "rưỡi").
		return p.setClock(i, w+1, h, 30)
	}
	if w == 0 || !(p.is(j, "giờ", "h") || (p.is(j, "g") && p.toks[j].glued)) {
		return 0
	}
	if t := p.toks[i]; isPlain(t.text) && (t.fold == "bay" || t.fold == "sau") {
		return 0 // "bay gio" is "bây giờ" (now), "sau gio lam" after work
	}
	j++
	m := 0
	switch {
	case p.is(j, "rưỡi"):
		m = 30
		j++
	case p.is(j, "kém"):
		if v, ok := p.digits(j + 1); ok && v > 0 && v < 60 && h > 0 {
			h, m = h-1, 60-v
			j += 2
		}
	default:
		// "8 giờ 3 ngày nữa" is not 8:03.
		if v, ok := p.digits(j); ok && v < 60 && (p.toks[j].glued || !p.is(j+2, "nữa", "sau", "tới")) {
			m = v
			j++
		}
	}
	if m > 0 && p.is(j, "phút", "p") {
		j++
	}
	return p.setClock(i, j-i, h, m)
}

func (p *remindParser) setClock(i, n, h, m int) int {
	if h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m > 0) {
		return 0
	}
	if p.hour < 0 {
		p.hour, p.minute = h, m
	}
	p.mark(i, n, useClock)
	return n
}

// partOfDay is "sáng", "trưa", "chiều", "tối" or "đêm".
type partOfDay struct {
	word string
	hour int // when no hour is given
	end  int // the hour it ends: "tối nay" asked at 20:00 is not past
	// plainNext, when set, are the words one of which must follow the part
	// of day typed without diacritics (unless an hour precedes it): "sang"
	// also means "to go over", "toi" is "tôi" (I), "dem" is "đem" (bring).
	plainNext []string
}

var partsOfDay = []partOfDay{
	{"sáng", 8, 11, []string{"mai", "nay", "mốt", "kia", "thứ", "chủ", "cn", "hôm", "ngày"}},
	{"trưa", 11, 13, nil},
	{"chiều", 14, 18, nil},
	{"tối", 19, 24, []string{"nay"}},
	{"đêm", 21, 24, []string{"nay"}},
}

// clock turns an hour said with this part of day into 0–24.
func (pd *partOfDay) clock(h int) int {
	switch {
	case pd == nil:
		if h >= 1 && h <= 4 {
			return h + 12 // nobody asks to be woken at 2 a.m.: "2 giờ" is 14:00
		}
	case pd.word == "trưa" && h >= 1 && h <= 4,
		pd.word == "chiều" && h >= 1 && h < 12,
		pd.word == "tối" && h >= 5 && h <= 12,
		pd.word == "đêm" && h >= 6 && h <= 12:
		return h + 12
	}
	return h
}

// matchPartOfDay reads "sáng", "chiều", "tối nay", "buổi trưa".
func (p *remindParser) matchPartOfDay(i int) int {
	for k := range partsOfDay {
		pd := &partsOfDay[k]
		if !p.is(i, pd.word) {
			continue
		}
		afterHour := i > 0 && (p.use[i-1] == useClock || p.is(i-1, "buổi"))
		if pd.plainNext != nil && isPlain(p.toks[i].text) && !afterHour && !p.is(i+1, pd.plainNext...) &&
			!(pd.word == "tối" && p.is(i+1, "mai") && p.eveningAfterVerb(i)) {
			return 0
		}
		if p.pod == nil {
			p.pod = pd
		}
		n := 1
		if p.is(i+1, "nay") {
			p.offset = true
			n++
		}
		p.mark(i, n, useDay)
		return n
	}
	return 0
}

// kinBefore are words after which "tôi" is whose ("mẹ tôi", "nhà tôi"),
// not the evening.
var kinBefore = []string{"mẹ", "bố", "cha", "má", "vợ", "chồng", "con", "cháu", "nhà"}

// eveningAfterVerb reports whether "toi" typed without diacritics at i,
// before "mai", is "tối" (the evening): a reminder verb came before it,
// which took the citizen's own "tôi" ("nhac toi toi mai 7 gio di hop",
// "nhac toi di hop thon toi mai 7 gio"). Before the verb, or after "là"
// or a kin word ("mẹ tôi mai đi khám"), it is the pronoun.
func (p *remindParser) eveningAfterVerb(i int) bool {
	if p.is(i-1, "là", "rằng") || p.is(i-1, kinBefore...) {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if p.use[k] == useVerb && !p.is(k, remindParticles...) && !p.is(k+1, "ơi") && !p.is(k, "ơi") {
			return true
		}
	}
	return false
}
