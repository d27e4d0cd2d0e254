package content

import (
	"strconv"
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
// the latest), or "năm sau", "sang năm", "năm tới" (next year). A past
// year, "năm nay", a year beyond laterYears and the "năm sáu" of a count
// are not.
func yearAsked(syl []string, today int) int {
	year := 0
	for i, x := range syl {
		switch {
		case len(x) == 4 && x[0] == '2' && isDigits(x):
			y, err := strconv.Atoi(x)
			if err == nil && y > today && y <= today+laterYears {
				year = max(year, y)
			}
		case x == "nam" && i+1 < len(syl) && (syl[i+1] == "sau" || syl[i+1] == "toi") && !countedAfter(syl, i+2),
			x == "sang" && i+1 < len(syl) && syl[i+1] == "nam" && (i+2 == len(syl) || !isDigits(syl[i+2])):
			year = max(year, today+1)
		}
	}
	return year
}

// askedYear is yearAsked of the message in s, read once a message (the
// entry choice, the later version and ask --explain all ask it).
func (s *scratch) askedYear(day Date) int {
	if s.year < 0 {
		s.year = yearAsked(s.syl, day.Year())
	}
	return s.year
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
	y := s.askedYear(day)
	if y == 0 {
		return nil
	}
	o := kb.versionOn(en, Date{time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)})
	if o == nil || o == en {
		return nil
	}
	return o
}
