package content

import (
	"strconv"
	"strings"
	"time"
)

// A question about a coming year ("chuẩn nghèo năm 2027 là bao nhiêu",
// "sang năm hộ cận nghèo còn được vay không") is answered with the entry in
// force on the day it is asked, as every answer is (docs/architecture.md,
// "Dated answers"). When the answer's key has another version that takes
// over in the year asked, Result.Later names it, and the bot offers it as a
// button beside the answer: in December 2026 a household asking about 2027
// sees both today's rule and the one from 1 January.

// laterYears bounds how far ahead a number is read as a year asked about:
// "2030" in "giai đoạn 2026-2030" is; "3000" (an amount) is not.
const laterYears = 10

// yearAsked returns the coming year the syllables ask about, or 0: a year
// after today's named as a number ("năm 2027", "1/1/2027", "2026-2030":
// the latest) or spelled out as voice typing writes it ("năm hai không
// hai bảy", "hai nghìn không trăm hai mươi bảy"), or "năm sau", "sang
// năm", "năm tới" (next year). A past year, "năm nay", a year beyond
// laterYears and the "năm sáu" of a count are not.
func yearAsked(syl []string, today int) int {
	year := 0
	for i, x := range syl {
		if y := spelledYear(syl[i:]); y > today && y <= today+laterYears {
			year = max(year, y)
		}
		switch {
		case len(x) == 4 && x[0] == '2' && isDigits(x):
			y, err := strconv.Atoi(x)
			if err == nil && y > today && y <= today+laterYears {
				year = max(year, y)
			}
		case x == "nam" && i+1 < len(syl) && (syl[i+1] == "sau" || syl[i+1] == "toi") && !countedAfter(syl, i+2),
			x == "sang" && i+1 < len(syl) && syl[i+1] == "nam" && (i+2 == len(syl) || !isDigits(syl[i+2]) || countedAfter(syl, i+3)):
			// "sang năm 2 triệu 2 là chuẩn nghèo": a number that counts
			// something after "sang năm" is an amount said next year, not
			// the "sang năm 2" of a student's second year.
			year = max(year, today+1)
		}
	}
	return year
}

// askedYear is yearAsked of the message in s, read once a message (the
// entry choice, the later version and ask --explain all ask it).
func (s *scratch) askedYear(day Date) int {
	if s.year < 0 {
		s.year = yearAskedOn(s.syl, day)
	}
	return s.year
}

// yearAskedOn is yearAsked on day, with a day or a month asked relative to
// it ("từ mai", "ngày mai", "tháng sau", "tuần tới") read as the year it
// falls in when that is a coming one: on 31/12/2026 "từ mai chuẩn nghèo
// thay đổi thế nào" asks about 2027, as "năm sau" does (QA pass 72 #16).
func yearAskedOn(syl []string, day Date) int {
	y := yearAsked(syl, day.Year())
	if d, ok := relativeDayAsked(syl, day); ok && d.Year() > day.Year() && d.Year() <= day.Year()+laterYears {
		y = max(y, d.Year())
	}
	return y
}

// relativeDayAsked returns the first day of a period named relative to
// day: "mai", "ngày mai", "từ mai", "sáng mai" (the next day), "ngày kia"
// (the day after), "tuần sau", "tuần tới" (seven days on), "tháng sau",
// "tháng tới" (the first of the next month). "mai táng", "mai mốt" (some
// day), "Mai" as a name after a title ("chị Mai") and "tháng sau khi" (a
// month after something) are no day.
func relativeDayAsked(syl []string, day Date) (time.Time, bool) {
	for i, x := range syl {
		prev, next := "", ""
		if i > 0 {
			prev = syl[i-1]
		}
		if i+1 < len(syl) {
			next = syl[i+1]
		}
		switch {
		case x == "mai" && next != "tang" && next != "mot" && next != "sau" && (i == 0 || prev == "tu" || prev == "ngay" || prev == "sang" || prev == "chieu" || prev == "toi" || prev == "den"):
			return day.AddDate(0, 0, 1), true
		case x == "ngay" && next == "kia":
			return day.AddDate(0, 0, 2), true
		case x == "tuan" && (next == "sau" || next == "toi") && !(i+2 < len(syl) && syl[i+2] == "khi"):
			return day.AddDate(0, 0, 7), true
		case x == "thang" && (next == "sau" || next == "toi") && !(i+2 < len(syl) && syl[i+2] == "khi"):
			return time.Date(day.Year(), day.Month()+1, 1, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// countedAfter reports whether the syllable at i counts something, so that
// the "năm sáu" before it is a number ("năm sáu tuổi", "năm sáu triệu"),
// not "next year".
func countedAfter(syl []string, i int) bool {
	if i >= len(syl) {
		return false
	}
	switch syl[i] {
	case "tuoi", "trieu", "nghin", "ngan", "tram", "chuc", "muoi", "nguoi", "thang", "lan", "con", "sao", "ty":
		return true
	}
	return false
}

// yearBefore returns the past year the syllables ask about, or 0: a year
// before today's, at most laterYears back, named as a number ("năm 2026",
// "giai đoạn 2022-2025": the latest), or "năm ngoái", "năm trước", "năm
// rồi" (last year). The "năm" of a count ("năm trước đó" aside, "năm
// người") is not.
func yearBefore(syl []string, today int) int {
	year := 0
	for i, x := range syl {
		switch {
		case len(x) == 4 && x[0] == '2' && isDigits(x):
			y, err := strconv.Atoi(x)
			if err == nil && y < today && y >= today-laterYears {
				year = max(year, y)
			}
		case x == "nam" && i+1 < len(syl) && (syl[i+1] == "ngoai" || syl[i+1] == "truoc" || syl[i+1] == "roi") && !countedAfter(syl, i+2):
			year = max(year, today-1)
		}
	}
	return year
}

// pastYearAsked is yearBefore of the part of the message that asks: a
// year in the story told before the asking clause ("tôi bị tai nạn năm
// 2019, có được vay vốn không") dates the story, not the rule asked about,
// unless it opens the message as the question's frame ("năm 2025, hộ cận
// nghèo được vay bao nhiêu"). A message with no asking clause is read
// whole.
func (kb *KB) pastYearAsked(s *scratch, day Date) int {
	at := kb.askSyllable(s)
	if at <= 0 || at > len(s.syl) {
		return yearBefore(s.syl, day.Year())
	}
	if y := yearBefore(s.syl[at:], day.Year()); y > 0 {
		return y
	}
	return yearBefore(s.syl[:min(at, framingSyllables)], day.Year())
}

// framingSyllables is how far into the message a past year still frames
// the question that follows its story: "năm ngoái", "năm 2025", "trong năm
// 2025".
const framingSyllables = 3

func isDigits(x string) bool {
	if x == "" {
		return false
	}
	for i := 0; i < len(x); i++ {
		if x[i] < '0' || x[i] > '9' {
			return false
		}
	}
	return true
}

// later returns the version of en's key in force at the end of the coming
// year the message in s asks about (the latest rule of that year), when that is not en;
// nil otherwise, and for a key with one version (the common case, checked
// first, so that Match pays nothing for it).
func (kb *KB) later(s *scratch, en *Entry, day Date) *Entry {
	if en == nil || len(kb.byKey[en.Key]) < 2 {
		return nil
	}
	if o, ok := kb.documentVersion(s.syl, en); ok {
		// "nghị định 351 quy định chuẩn nghèo thế nào": the version the
		// named document sets, when it takes over later; the year in
		// "351/2025" is the document's, no year asked.
		if o != en && o.ValidFrom.After(day.Time) {
			return o
		}
		return nil
	}
	y := s.askedYear(day)
	if y == 0 {
		if newAsked(s.syl) && !nowAsked(s.syl, day.Year()) {
			return kb.nextVersion(en, day)
		}
		return nil
	}
	o := kb.versionOn(en, Date{time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)})
	if o == nil || o == en {
		return nil
	}
	return o
}

// earlier returns the version of en's key in force at the end of the past
// year the message in s asks about, when that is not en; nil otherwise,
// and for a key with one version (checked first). In January 2027 "chuẩn
// nghèo năm 2026 là bao nhiêu" is answered with today's standard, and the
// bot offers the 2026 one beside it.
func (kb *KB) earlier(s *scratch, en *Entry, day Date) *Entry {
	if en == nil || len(kb.byKey[en.Key]) < 2 {
		return nil
	}
	if o, ok := kb.documentVersion(s.syl, en); ok {
		// "nghị định 07/2021 còn hiệu lực không" in 2027: the version the
		// named document set, when it has ended; "nghị định 351/2025" then
		// names today's rule, and its "2025" asks no past year.
		if o != en && !o.ValidUntil.IsZero() && o.ValidUntil.Before(day.Time) {
			return o
		}
		return nil
	}
	if oldAsked(s.syl) && !en.ValidFrom.IsZero() {
		// "chuẩn nghèo cũ là bao nhiêu" in 2027: the version in force
		// the day before today's took over.
		if o := kb.versionOn(en, Date{en.ValidFrom.AddDate(0, 0, -1)}); o != nil && o != en {
			return o
		}
	}
	if d, ok := dayBefore(s.syl, day); ok {
		// "trước 1/7/2026 lương cơ sở bao nhiêu": the rule in force the
		// day before that date.
		if o := kb.versionOn(en, d); o != nil && o != en {
			return o
		}
		return nil
	}
	y := kb.pastYearAsked(s, day)
	if y == 0 {
		return nil
	}
	o := kb.versionOn(en, Date{time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)})
	if o == nil || o == en {
		return nil
	}
	return o
}

// digitWord is the digit a folded syllable spells, -1 for none.
func digitWord(x string) int {
	switch x {
	case "khong", "linh", "le":
		return 0
	case "mot":
		return 1
	case "hai":
		return 2
	case "ba":
		return 3
	case "bon", "tu":
		return 4
	case "nam", "lam", "nham":
		return 5
	case "sau":
		return 6
	case "bay":
		return 7
	case "tam":
		return 8
	case "chin":
		return 9
	}
	return -1
}

// spelledYear reads a year of the 2000s spelled out at the start of syl,
// digit by digit ("hai không hai bảy") or as a number ("hai nghìn không
// trăm hai mươi bảy", "hai nghìn hai mươi bảy"); 0 when there is none.
func spelledYear(syl []string) int {
	if len(syl) < 4 || syl[0] != "hai" {
		return 0
	}
	if syl[1] != "nghin" && syl[1] != "ngan" {
		// Digit by digit: four digit words, the second "không".
		if syl[1] != "khong" {
			return 0
		}
		tens, units := digitWord(syl[2]), digitWord(syl[3])
		if tens < 0 || units < 0 {
			return 0
		}
		return 2000 + 10*tens + units
	}
	rest := syl[2:]
	if len(rest) >= 2 && rest[0] == "khong" && rest[1] == "tram" {
		rest = rest[2:]
	}
	// Tens and units: "hai mươi bảy", "hai mươi mốt", "mười lăm", "linh năm".
	if len(rest) == 0 {
		return 0
	}
	if rest[0] == "muoi" { // "mười", "mười lăm"
		if len(rest) > 1 {
			if d := digitWord(rest[1]); d > 0 {
				return 2010 + d
			}
		}
		return 2010
	}
	t := digitWord(rest[0])
	if t < 0 {
		return 0
	}
	if t == 0 { // "linh năm", "lẻ năm"
		if len(rest) > 1 {
			if d := digitWord(rest[1]); d > 0 {
				return 2000 + d
			}
		}
		return 0
	}
	if len(rest) < 2 || rest[1] != "muoi" {
		return 0
	}
	y := 2000 + 10*t
	if len(rest) > 2 {
		if d := digitWord(rest[2]); d > 0 {
			y += d
		}
	}
	return y
}

// newAsked reports whether the syllables ask about the new rule: "chuẩn
// nghèo mới", "chuẩn mới" (the standard that takes over next), not the
// "mỗi" of "chuẩn nghèo mỗi người", which folds alike.
func newAsked(syl []string) bool {
	return standardSaid(syl, func(j int) bool {
		return syl[j] == "moi" && !countedAfter(syl, j+1) && (j+1 == len(syl) || syl[j+1] != "ho" && syl[j+1] != "khau")
	})
}

// oldAsked reports whether the syllables ask about the old rule: "chuẩn
// cũ", "chuẩn nghèo cũ" (the standard today's replaced).
func oldAsked(syl []string) bool {
	return standardSaid(syl, func(j int) bool { return syl[j] == "cu" })
}

// standardSaid reports whether some "chuẩn" or "chuẩn nghèo" in the
// syllables is followed by a syllable at which said holds.
func standardSaid(syl []string, said func(j int) bool) bool {
	for i, x := range syl {
		if x != "chuan" {
			continue
		}
		j := i + 1
		if j < len(syl) && syl[j] == "ngheo" {
			j++
		}
		if j < len(syl) && said(j) {
			return true
		}
	}
	return false
}

// documentVersion returns the version of en's key whose first source is
// the decree the syllables name ("nghị định 351", "nđ 07/2021",
// "nghị định số 351/2025"): the document that sets that version. False
// when no decree is named or not exactly one version is set by it.
func (kb *KB) documentVersion(syl []string, en *Entry) (*Entry, bool) {
	num, year := namedDecree(syl)
	if num == "" {
		return nil, false
	}
	var found *Entry
	for _, o := range kb.byKey[en.Key] {
		if len(o.Sources) == 0 {
			continue
		}
		n, y, ok := decreeTitle(o.Sources[0].Title)
		if !ok || n != num || year != "" && y != year {
			continue
		}
		if found != nil {
			return nil, false
		}
		found = o
	}
	return found, found != nil
}

// namedDecree reads the number (without leading zeros) and, when given,
// the year of the decree a message names: "nghị định 351/2025" → "351",
// "2025"; "nđ 07" → "7", "".
func namedDecree(syl []string) (num, year string) {
	for i, x := range syl {
		j := -1
		switch {
		case x == "dinh" && i > 0 && syl[i-1] == "nghi", x == "nd":
			j = i + 1
		}
		if j < 0 {
			continue
		}
		if j < len(syl) && syl[j] == "so" {
			j++
		}
		if j >= len(syl) || !isDigits(syl[j]) || len(syl[j]) > 4 {
			continue
		}
		num = strings.TrimLeft(syl[j], "0")
		if j+1 < len(syl) && len(syl[j+1]) == 4 && isDigits(syl[j+1]) {
			year = syl[j+1]
		}
		return num, year
	}
	return "", ""
}

// decreeTitle reads the number and year of a source titled after a
// decree: "Nghị định 07/2021/NĐ-CP, …" → "7", "2021".
func decreeTitle(title string) (num, year string, ok bool) {
	rest, found := strings.CutPrefix(title, "Nghị định ")
	if !found {
		return "", "", false
	}
	n, rest, found := strings.Cut(rest, "/")
	if !found || !isDigits(n) || len(rest) < 4 || !isDigits(rest[:4]) {
		return "", "", false
	}
	return strings.TrimLeft(n, "0"), rest[:4], true
}

// nowAsked reports whether the syllables ask about this year's rule
// beside the new one: "rà soát cuối năm 2026 dùng chuẩn nào, chuẩn cũ hay
// chuẩn mới" names this year and the old standard, so the answer in force,
// which tells which standard this year's review uses, answers it, not the
// version from next year; so does "năm nay" beside the review ("rà soát
// hộ nghèo cuối năm nay có dùng chuẩn mới 2,2 triệu không"), while
// "chuẩn nghèo mới năm nay" alone may mean the standard that takes over.
func nowAsked(syl []string, today int) bool {
	this := strconv.Itoa(today)
	for i, x := range syl {
		if x == this || x == "chuan" && i+1 < len(syl) && syl[i+1] == "cu" || x == "nam" && i+1 < len(syl) && syl[i+1] == "nay" && reviewNamed(syl) {
			return true
		}
	}
	return false
}

// reviewNamed reports whether the syllables name the household review
// ("rà soát", "bình xét", "xét duyệt").
func reviewNamed(syl []string) bool {
	for i, x := range syl {
		if x == "soat" && i > 0 && syl[i-1] == "ra" || x == "xet" {
			return true
		}
	}
	return false
}

// nextVersion returns the version of en's key that takes over first after
// day, within laterYears; nil when there is none.
func (kb *KB) nextVersion(en *Entry, day Date) *Entry {
	var next *Entry
	for _, o := range kb.byKey[en.Key] {
		f := o.ValidFrom
		if f.IsZero() || !f.After(day.Time) || f.Year() > day.Year()+laterYears {
			continue
		}
		if next == nil || f.Before(next.ValidFrom.Time) {
			next = o
		}
	}
	return next
}

// dayBefore returns the day before a past date the syllables name after
// "trước" ("trước 1/7/2026", "trước ngày 1/7/2026", "trước tháng 7/2026"):
// the day a question about what applied before it is asked of. False when
// there is none, or the date is not before day.
func dayBefore(syl []string, day Date) (Date, bool) {
	for i, x := range syl {
		if x != "truoc" {
			continue
		}
		j := i + 1
		if j < len(syl) && syl[j] == "ngay" {
			j++
		}
		d, m, y := 1, 0, 0
		switch {
		case j+2 < len(syl) && isDigits(syl[j]) && isDigits(syl[j+1]) && len(syl[j+2]) == 4 && isDigits(syl[j+2]):
			d, _ = strconv.Atoi(syl[j])
			m, _ = strconv.Atoi(syl[j+1])
			y, _ = strconv.Atoi(syl[j+2])
		case j+2 < len(syl) && syl[j] == "thang" && isDigits(syl[j+1]) && len(syl[j+2]) == 4 && isDigits(syl[j+2]):
			m, _ = strconv.Atoi(syl[j+1])
			y, _ = strconv.Atoi(syl[j+2])
		default:
			continue
		}
		if d < 1 || d > 31 || m < 1 || m > 12 || y < day.Year()-laterYears {
			continue
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d || !t.Before(day.Time) {
			continue
		}
		return Date{t.AddDate(0, 0, -1)}, true
	}
	return Date{}, false
}
