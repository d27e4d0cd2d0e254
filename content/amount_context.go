package content

import (
	"fmt"
	"strconv"
	"strings"
)

// amount fills in what the words around the span say the sum covers.
func (sp spanAmount) amount(toks []amountToken) Amount {
	a := Amount{VND: sp.vnd}
	a.PerYear = periodNear(toks, sp.start, sp.end)
	a.PerPerson = perPersonNear(toks, sp.start, sp.end)
	return a
}

// periodNear reports whether the period word closest to the amount is a
// year. Without one the amount is per month.
func periodNear(toks []amountToken, start, end int) bool {
	best, year := 1<<30, false
	for k, t := range toks {
		if t.text != "thang" && t.text != "nam" {
			continue
		}
		if t.text == "nam" && !yearWord(toks, k) {
			continue
		}
		d := distance(k, start, end)
		if d < best {
			best, year = d, t.text == "nam"
		}
	}
	return year
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
	if a.PerYear {
		s += "/year"
	}
	return s
}
