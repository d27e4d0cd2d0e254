package content

import (
	"fmt"
	"strconv"
	"strings"
)

// amount fills in what the words around the span say the sum covers. An
// amount per "buổi" is refused (ErrPerSession).
func (sp spanAmount) amount(toks []amountToken) (Amount, error) {
	a := Amount{VND: sp.vnd}
	p := periodNear(toks, sp.start, sp.end)
	a.PeriodSaid = p != periodNone
	a.PerYear, a.PerDay, a.PerWeek = p == periodYear, p == periodDay, p == periodWeek
	a.PerPerson = perPersonNear(toks, sp.start, sp.end)
	if p == periodSession {
		return a, ErrPerSession
	}
	return a, nil
}

// period is what an amount is counted by.
type period int

const (
	periodNone period = iota
	periodMonth
	periodYear
	periodDay
	periodWeek
	periodSession // "mỗi buổi": half a day's work, or a whole one
)

// periodNear returns the period whose word is closest to the amount:
// "tháng", a year ("năm", yearWord), a day or week ("mỗi ngày", "1 tuần",
// "ngày được", "/ngày", or the word right after the amount: "300k
// ngày"), a session ("mỗi buổi"). periodNone when no word says one: the
// amount is then per month.
func periodNear(toks []amountToken, start, end int) period {
	best, p := 1<<30, periodNone
	for k, t := range toks {
		var q period
		switch t.text {
		case "thang":
			q = periodMonth
		case "nam":
			if yearWord(toks, k) {
				q = periodYear
			}
		case "ngay":
			if countedBy(toks, k, start, end) {
				q = periodDay
			}
		case "tuan":
			if countedBy(toks, k, start, end) {
				q = periodWeek
			}
		case "buoi":
			if countedBy(toks, k, start, end) {
				q = periodSession
			}
		}
		if q == periodNone {
			continue
		}
		if d := distance(k, start, end); d < best {
			best, p = d, q
		}
	}
	return p
}

// periodLead are the words before a period that make it the one an
// amount is counted by: "mỗi ngày", "một tuần", "1 năm", "/ngày", "hằng
// tuần", "cả năm".
var periodLead = map[string]bool{"moi": true, "mot": true, "1": true, "/": true, "hang": true, "ca": true}

// earnWords after a period make it the one an amount is counted by:
// "ngày được 300 nghìn", "tuần kiếm 2 triệu".
var earnWords = map[string]bool{"duoc": true, "dc": true, "dk": true, "kiem": true, "thu": true, "lam": true}

// countedBy tells "ngày", "tuần" or "buổi" at toks[k] counting the amount
// at toks[start:end] ("mỗi ngày", "1 tuần", "ngày được", "300k/ngày",
// "300k ngày") from a date or a time ("ngày 15", "tuần trước", "hôm nay
// ngày", "buổi sáng") and from a word of another clause: "lương 6 triệu,
// mỗi tuần làm 6 ngày" and "1 tuần làm 6 ngày, lương 6 triệu" are a
// month's pay ("mỗi ngày, cả nhà được 300k" is a day's). After the
// amount the word must come within four words ("300k mỗi người mỗi
// ngày").
func countedBy(toks []amountToken, k, start, end int) bool {
	if k+1 < len(toks) {
		switch toks[k+1].text {
		case "nay", "mai", "kia", "truoc", "sau", "toi", "sang", "chieu", "trua", "xua", "le", "tet", "nao":
			return false
		}
	}
	from, to := k+2, start // a comma right after the period word is its own
	if k >= end {
		if k-end > 4 {
			return false
		}
		from, to = end, k
	}
	for j := from; j < to; j++ {
		if t := toks[j].text; t == "," || t == "." || t == ";" || t == "!" || t == "?" {
			return false
		}
	}
	if k > 0 && periodLead[toks[k-1].text] {
		return true
	}
	if k == end && (k+1 >= len(toks) || !toks[k+1].digit) {
		return true // "300k ngày", not "300k ngày 15"
	}
	return k+1 < len(toks) && earnWords[toks[k+1].text]
}

// yearWord tells "năm" the year ("một năm", "cả năm", "mỗi năm", "/năm",
// "năm được") from "năm" the digit and from "năm nay" (this year).
func yearWord(toks []amountToken, k int) bool {
	if k+1 < len(toks) {
		if n := toks[k+1].text; n == "nay" || n == "ngoai" || n == "truoc" || n == "sau" || n == "toi" || n == "muoi" || n == "tram" || bigUnits[n] > 0 || n == "nguoi" {
			return false
		}
	}
	if k > 0 {
		switch toks[k-1].text {
		case "mot", "moi", "ca", "/", "hang", "hang nam", "1", "trong", "tron":
			return true
		}
	}
	return k+1 < len(toks) && (toks[k+1].text == "duoc" || toks[k+1].text == "thu" || toks[k+1].text == "kiem")
}

func distance(k, start, end int) int {
	if k < start {
		return start - k
	}
	return k - end + 1
}

// perPersonNear reports whether the amount is per person: "mỗi người",
// "bình quân", "đầu người", "/người", or "một người" next to the amount.
func perPersonNear(toks []amountToken, start, end int) bool {
	for k, t := range toks {
		switch t.text {
		case "binh": // bình quân
			if k+1 < len(toks) && toks[k+1].text == "quan" {
				return true
			}
		case "nguoi", "khau":
			if k == 0 {
				continue
			}
			p := toks[k-1].text
			if p == "moi" || p == "dau" || p == "/" || p == "tren" {
				return true
			}
			if (p == "mot" || p == "1") && (k-1 == end || k-1 == end+1 || k+1 == start || k+2 == start && amountLead[toks[k+1].text] || k-1 > end && perMonthGap(toks[end:k-1])) {
				return true
			}
		}
	}
	return false
}

// FormatVND writes an amount the Vietnamese way: 1.500.000 đồng.
func FormatVND(v int64) string {
	return groupDigits(v) + " đồng"
}

func groupDigits(v int64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// String writes the amount for logs and tests.
func (a Amount) String() string {
	s := fmt.Sprintf("%d", a.VND)
	if a.PerPerson {
		s += "/person"
	}
	switch {
	case a.PerYear:
		s += "/year"
	case a.PerDay:
		s += "/day"
	case a.PerWeek:
		s += "/week"
	}
	return s
}
