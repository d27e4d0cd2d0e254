package content

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Errors of the amount parser. Callers show a Vietnamese refusal; these
// name the problem for logs and tests.
var (
	ErrNoAmount    = errors.New("no amount of money found")
	ErrVagueAmount = errors.New("amount is vague (vài, mấy, dăm)")
	ErrRangeAmount = errors.New("amount is a range (6 7 triệu)")
	ErrNoUnit      = errors.New("small number without a unit (triệu, nghìn)")
	ErrTooLarge    = errors.New("amount too large")
	ErrNegative    = errors.New("negative amount")
	// ErrPerSession: an amount per "buổi" (half a day's work), which
	// says neither a day's nor a month's income; the check asks again.
	ErrPerSession = errors.New("amount per session (mỗi buổi)")
)

// MaxAmount bounds every amount the parser accepts (1,000 billion đồng):
// above it a typo is likelier than a fortune, and int64 arithmetic on
// household totals stays far from overflow.
const MaxAmount = 1_000_000_000_000

// Amount is a sum of money as a citizen said it: the figure in đồng and
// what it covers. By default an income is the household's total per month.
// At most one of PerYear, PerDay and PerWeek is set; Monthly converts
// (docs/architecture.md, §9).
type Amount struct {
	VND       int64
	PerYear   bool // "cả năm được 60 triệu", "60 triệu một năm"
	PerPerson bool // "mỗi người 2 triệu", "bình quân đầu người"
	PerDay    bool // "mỗi ngày 300 nghìn", "300k/ngày", "ngày được 300k"
	PerWeek   bool // "mỗi tuần 2 triệu", "2tr một tuần"
	// PeriodSaid: a period word stood by the amount ("mỗi tháng",
	// "/ngày", "cả năm"); without one the month is assumed.
	PeriodSaid bool
}

// Monthly is the amount per month, per person when PerPerson: a day's
// figure times 30, a week's times 52/12 and a year's divided by 12,
// rounded to the đồng.
func (a Amount) Monthly() int64 {
	switch {
	case a.PerDay:
		return a.VND * 30
	case a.PerWeek:
		return (a.VND*52 + 6) / 12
	case a.PerYear:
		return (a.VND + 6) / 12
	}
	return a.VND
}

// Yearly is the amount per year, per person when PerPerson, without
// rounding: a day's figure times 360 (30 a month, as Monthly), a week's
// times 52.
func (a Amount) Yearly() int64 {
	switch {
	case a.PerDay:
		return a.VND * 360
	case a.PerWeek:
		return a.VND * 52
	case a.PerYear:
		return a.VND
	}
	return a.VND * 12
}

// Converted reports whether the amount was said per day, week or year and
// Monthly differs from the figure said.
func (a Amount) Converted() bool { return a.PerDay || a.PerWeek || a.PerYear }

// ParseAmount reads one amount of money in any common form: 6000000,
// 6.000.000, 6,000,000, 6 triệu, 6tr, 6tr5, 2,5 triệu, 2500k, 2 triệu rưỡi,
// hai triệu rưỡi, sáu triệu, with "một năm", "mỗi người" and the like. The
// text must hold one amount: vague words ("vài triệu") and ranges ("6 7
// triệu") are refused rather than guessed.
func ParseAmount(text string) (Amount, error) {
	toks := lexAmount(text)
	if len(toks) > 0 && (toks[0].text == "-" || toks[0].text == "am" && len(toks) > 1 && toks[1].digit) {
		return Amount{}, ErrNegative
	}
	if nothing(toks) {
		return Amount{}, nil
	}
	found := findAmounts(toks)
	if len(found) == 0 {
		if NoIncome(text) {
			return Amount{}, nil
		}
		if sp, ok := bareHundreds(toks); ok {
			return sp.amount(toks)
		}
		if bareYearFigure(toks) {
			return Amount{}, ErrNoUnit // "2000" typed alone: ask for the unit
		}
		return Amount{}, ErrNoAmount
	}
	if found[0].err != nil {
		return Amount{}, found[0].err
	}
	if len(found) > 1 {
		return Amount{}, ErrRangeAmount
	}
	return found[0].amount(toks)
}

// amountToken is one lexical unit of folded text: a run of digits (with
// the separators between them), a run of letters, or one other character.
type amountToken struct {
	text  string
	digit bool
	// typed is the word as typed (lower case), kept to tell a number word
	// from a word that folds alike ("lăm" five, "làm" do; "tư" four, "từ"
	// from).
	typed string
}

func lexAmount(text string) []amountToken {
	// Folded as Fold folds, each folded rune paired with the rune typed.
	var rs, typed []rune
	var prev rune
	for _, r := range nfc(Clean(text)) {
		l := lowerRune(r)
		f := foldRune(l)
		if f == 0 || (f == prev && runeClass(f)&rcLetter != 0) {
			continue
		}
		rs, typed = append(rs, f), append(typed, l)
		prev = f
	}
	var toks []amountToken
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsDigit(r):
			j := i + 1
			for j < len(rs) && (unicode.IsDigit(rs[j]) || (rs[j] == '.' || rs[j] == ',') && j+1 < len(rs) && unicode.IsDigit(rs[j+1])) {
				j++
			}
			toks = append(toks, amountToken{text: string(rs[i:j]), digit: true})
			i = j
		case unicode.IsLetter(r):
			j := i + 1
			for j < len(rs) && unicode.IsLetter(rs[j]) {
				j++
			}
			tk := amountToken{text: string(rs[i:j]), typed: string(typed[i:j])}
			if tk.text == "cu" && tk.typed != "cu" && tk.typed != "củ" {
				// "cụ" (an old person, "bà cụ") is no "củ" (a million in
				// slang): typed with another mark it reads as no unit.
				tk.text = tk.typed
			}
			toks = append(toks, tk)
			i = j
		case unicode.IsSpace(r):
			i++
		default:
			toks = append(toks, amountToken{text: string(r)})
			i++
		}
	}
	return toks
}

// Folded Vietnamese number words. "năm" (five) and "mốt"/"tư"/"lăm" need
// context and are handled where they are read.
var digitWords = map[string]int64{
	"khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}

// digitTyped reports whether a word folded to a digit's word is that
// word as typed: without marks any may be, but typed with marks "bà"
// (a grandmother), "tầm" (about) are only the words
// they are, not "ba", "tám".
func digitTyped(t amountToken) bool {
	if t.typed == "" || t.typed == t.text {
		return true
	}
	switch t.typed {
	case "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín":
		return true
	}
	return false
}

// After "mươi" or a big unit, these also mean a digit.
var trailingDigitWords = map[string]int64{"mot": 1, "tu": 4, "lam": 5, "nham": 5}

// trailingDigit returns the digit a word after a big unit stands for
// ("hai triệu tư" is 2,400,000). Typed with marks, only the number words
// themselves count: "vay 2 triệu làm chuồng" is no 2,500,000 and "2 triệu
// từ ngân hàng" no 2,400,000; typed without, the folded word is read as
// before.
func trailingDigit(t amountToken) (int64, bool) {
	d, ok := trailingDigitWords[t.text]
	if !ok || t.typed == t.text {
		return d, ok
	}
	switch t.typed {
	case "mốt", "tư", "lăm", "nhăm":
		return d, true
	}
	return 0, false
}

var bigUnits = map[string]int64{
	"ty": 1_000_000_000, "ti": 1_000_000_000,
	"trieu": 1_000_000, "tr": 1_000_000, "cu": 1_000_000,
	"nghin": 1_000, "ngan": 1_000, "k": 1_000,
}

var vagueWords = map[string]bool{"vai": true, "may": true, "dam": true, "it": true}

// rangeJoiners may stand between the two ends of a range.
var rangeJoiners = map[string]bool{"-": true, "den": true, "toi": true, "hoac": true, "hay": true, ",": true, "~": true}

// periodWords end a number: "6 triệu 1 tháng" is 6 million per month, not 6.1.
var periodWords = map[string]bool{"thang": true, "nam": true, "nguoi": true, "khau": true, "ngay": true, "tuan": true}

func currencyWord(s string) bool {
	return s == "dong" || s == "d" || s == "vnd" || s == "vn"
}

// spanAmount is an amount found in a token list: tokens [start, end).
type spanAmount struct {
	start, end int
	vnd        int64
	err        error
}

// findAmounts returns every amount in toks, in order. An amount needs a
// unit (triệu, nghìn, k, đồng) or at least four digits; a vague or ranged
// amount is returned with its error.
func findAmounts(toks []amountToken) []spanAmount {
	var out []spanAmount
	for i := 0; i < len(toks); {
		sp, ok := readAmount(toks, i)
		if !ok {
			i++
			continue
		}
		out = append(out, sp)
		i = sp.end
	}
	// A bare small number beside a real amount is no amount ("6 triệu 1
	// tháng" read "1" alone): drop it.
	if len(out) > 1 {
		kept := out[:0]
		for _, sp := range out {
			if sp.err != ErrNoUnit {
				kept = append(kept, sp)
			}
		}
		out = kept
	}
	return out
}

// readAmount tries to read an amount starting at toks[i].
func readAmount(toks []amountToken, i int) (spanAmount, bool) {
	t := toks[i].text
	if vagueWords[t] && i+1 < len(toks) {
		// "vài triệu", "mấy chục triệu", "dăm trăm nghìn"
		j := i + 1
		for j < len(toks) && (toks[j].text == "chuc" || toks[j].text == "tram" || toks[j].text == "muoi") {
			j++
		}
		if j < len(toks) && bigUnits[toks[j].text] > 0 {
			return spanAmount{start: i, end: j + 1, err: ErrVagueAmount}, true
		}
		return spanAmount{}, false
	}
	if t == "trieu" && i+1 < len(toks) && toks[i+1].text == "ruoi" {
		// "triệu rưỡi": one and a half million
		return spanAmount{start: i, end: i + 2, vnd: 1_500_000}, true
	}
	v, n, ok := readSmall(toks, i)
	if !ok {
		return spanAmount{}, false
	}
	j := i + n
	// A range: a bare number, maybe a joiner, then a number with a unit.
	k := j
	if k < len(toks) && rangeJoiners[toks[k].text] {
		k++
	}
	if k < len(toks) && k > i {
		if _, n2, ok2 := readSmall(toks, k); ok2 && k+n2 < len(toks) && bigUnits[toks[k+n2].text] > 0 && v < 1000 {
			return spanAmount{start: i, end: k + n2 + 1, err: ErrRangeAmount}, true
		}
	}
	var total float64
	unit := int64(0)
	for {
		if j < len(toks) && bigUnits[toks[j].text] > 0 {
			u := bigUnits[toks[j].text]
			total += v * float64(u)
			unit = u
			j++
		} else {
			break
		}
		// After a big unit: rưỡi, another group, or trailing digits.
		if j < len(toks) && toks[j].text == "ruoi" {
			total += float64(unit) / 2
			j++
			break
		}
		if j >= len(toks) {
			break
		}
		v2, n2, ok2 := readSmall(toks, j)
		if !ok2 {
			// Not before a period ("hai triệu mốt tháng") or a number
			// ("3 trieu tu 2024" is from 2024, not 3.4 million).
			if d, ok3 := trailingDigit(toks[j]); ok3 && !(j+1 < len(toks) && (periodWords[toks[j+1].text] || toks[j+1].digit)) {
				total += float64(unit) * float64(d) / 10
				j++
			}
			break
		}
		if j+n2 < len(toks) && bigUnits[toks[j+n2].text] > 0 && bigUnits[toks[j+n2].text] < unit {
			v, j = v2, j+n2
			continue // "sáu triệu năm trăm nghìn"
		}
		if j+n2 < len(toks) && periodWords[toks[j+n2].text] {
			break // "6 triệu 1 tháng": the 1 belongs to "một tháng"
		}
		tok := toks[j]
		if n2 > 1 {
			tok = amountToken{} // "1 triệu 2 trăm": counted as the words are
		}
		total += trailing(tok, v2, unit)
		j += n2
		break
	}
	if unit == 0 {
		// No unit: only a plain figure of đồng ("6000000", "6.000.000 đ").
		if !toks[i].digit || n != 1 || notMoney(toks, i) {
			return spanAmount{}, false
		}
		hasCurrency := j < len(toks) && currencyWord(toks[j].text)
		if v < 1000 && v != 0 && !hasCurrency {
			if j < len(toks) && (memberWords[toks[j].text] || toks[j].text != "/" && !periodWords[toks[j].text] && toks[j].text != "mot" && toks[j].text != "moi" && toks[j].text != "ca") {
				return spanAmount{}, false // "5 người", "tháng 6 có"
			}
			return spanAmount{start: i, end: j, err: ErrNoUnit}, true
		}
		if v == 0 && !hasCurrency {
			return spanAmount{}, false
		}
		total = v
	}
	if j < len(toks) && currencyWord(toks[j].text) {
		j++
	}
	if total > MaxAmount {
		return spanAmount{start: i, end: j, err: ErrTooLarge}, true
	}
	return spanAmount{start: i, end: j, vnd: int64(math.Round(total))}, true
}

// bareHundreds reads, in an answer about income, hundreds said without
// "nghìn" ("6 trăm", "sáu trăm một ngày") as hundreds of thousands of
// đồng, as people say them: the only number of the text, ending with
// "trăm" and no unit after it. Only ParseAmount asks it: in a question
// ("vay 5 trăm") the unit dropped may be millions.
func bareHundreds(toks []amountToken) (spanAmount, bool) {
	var found spanAmount
	ok := false
	for i := 0; i < len(toks); i++ {
		v, n, isNum := readSmall(toks, i)
		if !isNum || i+n < len(toks) && periodWords[toks[i+n].text] {
			continue // "một ngày", "5 người": no sum
		}
		if ok || toks[i+n-1].text != "tram" || i+n < len(toks) && (bigUnits[toks[i+n].text] > 0 || toks[i+n].digit) {
			return spanAmount{}, false
		}
		found, ok = spanAmount{start: i, end: i + n, vnd: int64(v) * 1000}, true
		i += n - 1
	}
	return found, ok
}

// notMoney tells a bare figure that is no sum of money: a year ("năm
// 2026", "từ 2024", "sinh 2019", or 1900 to 2100 anywhere without a
// currency), a day or month, a phone or ID number, an age or a class.
func notMoney(toks []amountToken, i int) bool {
	t := toks[i].text
	if strings.HasPrefix(t, "0") && len(t) >= 9 {
		return true
	}
	if yearLike(toks[i]) && !(i+1 < len(toks) && currencyWord(toks[i+1].text)) {
		return true // "2000 đồng" is still a sum
	}
	if i == 0 {
		return false
	}
	switch toks[i-1].text {
	case "ngay", "tuan", "thang", "nam":
		// "ngày 15", "tháng 6", "năm 2026", "cả năm 2025", but not
		// "mỗi ngày 300000", "mỗi tháng 150.000 đồng": the period an
		// amount is counted by.
		counted := i > 1 && periodLead[toks[i-2].text] && len(t) >= 4
		if toks[i-1].text == "nam" && len(t) == 4 {
			counted = false // a year
		}
		return !counted
	case "so", "sdt", "lop", "tuoi", "phong", "/", "cccd", "cmnd", "mst":
		return true
	}
	return false
}

// yearLike reports a bare four-digit figure from 1900 to 2100: read as a
// year unless a currency word follows it ("2000 đồng"); with a unit
// ("2000k") it is read as money before this is asked.
func yearLike(t amountToken) bool {
	if !t.digit || len(t.text) != 4 {
		return false
	}
	v, err := strconv.Atoi(t.text)
	return err == nil && v >= 1900 && v <= 2100
}

// yearLead are the words that make a year of the figure after them.
var yearLead = map[string]bool{"nam": true, "tu": true, "den": true, "toi": true, "sinh": true, "truoc": true, "sau": true, "/": true, "-": true}

// bareYearFigure reports a year-like figure (yearLike) that no word
// before it makes a year: typed as the answer to the income question
// ("2000", "thu nhập 2025"), it is more likely a sum without its unit.
func bareYearFigure(toks []amountToken) bool {
	for i, t := range toks {
		if yearLike(t) && (i == 0 || !yearLead[toks[i-1].text]) {
			return true
		}
	}
	return false
}

// nothing reports a text that says the income is zero: "0", "không",
// "không có", "0 đồng".
func nothing(toks []amountToken) bool {
	if len(toks) == 0 || len(toks) > 4 {
		return false
	}
	switch toks[0].text {
	case "0", "khong":
	default:
		return false
	}
	for _, t := range toks[1:] {
		if !currencyWord(t.text) && t.text != "co" && t.text != "dong" && t.text != "gi" && t.text != "ca" {
			return false
		}
	}
	return true
}

// trailing is the value of a number after a big unit with no unit of its
// own: "6tr5" is 6.5 million, "2 triệu 500" 2.5 million, "hai triệu hai"
// 2.2 million, "hai triệu năm trăm" 2.5 million.
func trailing(tok amountToken, v float64, unit int64) float64 {
	if tok.digit && !strings.ContainsAny(tok.text, ".,") {
		return float64(unit) * v / math.Pow10(len(tok.text))
	}
	switch {
	case v < 10:
		return float64(unit) * v / 10
	case v < 100:
		return float64(unit) * v / 100
	default:
		return float64(unit) * v / 1000
	}
}

// readSmall reads a number below a big unit: digits ("2,5", "6.000.000")
// or words ("hai mươi lăm", "năm trăm", "mười"). n is the count of tokens.
func readSmall(toks []amountToken, i int) (v float64, n int, ok bool) {
	t := toks[i]
	if t.digit {
		var unit int64
		if i+1 < len(toks) {
			unit = bigUnits[toks[i+1].text]
			// "6 trăm nghìn", "5 chục nghìn": a digit counting hundreds
			// or tens, as the words do ("sáu trăm nghìn").
			if mul := map[string]float64{"tram": 100, "chuc": 10}[toks[i+1].text]; mul > 0 && len(t.text) == 1 {
				return float64(t.text[0]-'0') * mul, 2, true
			}
		}
		f, ok := parseDigits(t.text, unit)
		return f, 1, ok
	}
	at := func(k int) string {
		if i+k < len(toks) {
			return toks[i+k].text
		}
		return ""
	}
	if t.text == "muoi" { // mười: ten, maybe plus a digit
		if d, ok := unitDigit(at(1), at(2)); ok {
			return 10 + float64(d), 2, true
		}
		return 10, 1, true
	}
	d, isDigit := digitWords[t.text]
	if !isDigit || !digitTyped(t) {
		return 0, 0, false
	}
	next := at(1)
	if i+1 < len(toks) && toks[i+1].digit {
		return 0, 0, false // "tầm 5 triệu" (about), folded like "tám" (eight)
	}
	if t.text == "nam" && next != "muoi" && next != "tram" && next != "chuc" && bigUnits[next] == 0 && next != "nguoi" && next != "khau" {
		return 0, 0, false // "năm" is a year here, not five
	}
	switch next {
	case "tram":
		v, n := float64(d)*100, 2
		switch {
		case at(2) == "linh" || at(2) == "le":
			if d2, ok := digitWords[at(3)]; ok {
				v, n = v+float64(d2), 4
			}
		case at(2) == "muoi":
			v, n = v+10, 3
			if d2, ok := unitDigit(at(3), at(4)); ok {
				v, n = v+float64(d2), 4
			}
		default:
			if d2, ok := digitWords[at(2)]; ok {
				if at(3) == "muoi" {
					v, n = v+float64(d2)*10, 4
					if d3, ok := unitDigit(at(4), at(5)); ok {
						v, n = v+float64(d3), 5
					}
				} else if bigUnits[at(3)] > 0 {
					v, n = v+float64(d2)*10, 3 // "hai trăm năm nghìn": 250 nghìn
				}
			}
		}
		return v, n, true
	case "muoi", "chuc":
		v, n := float64(d)*10, 2
		if d2, ok := unitDigit(at(2), at(3)); ok {
			v, n = v+float64(d2), 3
		}
		return v, n, true
	}
	return float64(d), 1, true
}

// unitDigit reads the ones digit after "mươi": một/mốt, tư, lăm/nhăm and
// the plain digits, unless the word starts "một tháng", "năm nay" etc.
func unitDigit(w, after string) (int64, bool) {
	if periodWords[after] || bigUnits[w] > 0 {
		return 0, false
	}
	if d, ok := trailingDigitWords[w]; ok {
		return d, true
	}
	if w == "nam" && bigUnits[after] == 0 {
		return 0, false
	}
	if d, ok := digitWords[w]; ok && d > 0 {
		return d, true
	}
	return 0, false
}

// parseDigits reads "6000000", "6.000.000", "6,000,000", "2,5", "2.5".
// Groups of exactly three digits after every separator are thousands;
// otherwise the single separator is a decimal point. Before "triệu" a
// single separator is always decimal ("1,500 triệu" is rare; "2,5 triệu"
// common); before "nghìn" it groups ("1.500 nghìn").
func parseDigits(s string, unit int64) (float64, bool) {
	seps := strings.Count(s, ".") + strings.Count(s, ",")
	if seps == 0 {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' })
	grouped := len(parts[0]) <= 3
	for _, p := range parts[1:] {
		if len(p) != 3 {
			grouped = false
		}
	}
	if grouped && !(unit >= 1_000_000 && seps == 1) {
		f, err := strconv.ParseFloat(strings.Join(parts, ""), 64)
		return f, err == nil
	}
	if seps != 1 {
		return 0, false
	}
	f, err := strconv.ParseFloat(parts[0]+"."+parts[1], 64)
	return f, err == nil
}
