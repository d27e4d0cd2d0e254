package content

// Areas of the poverty standard.
const (
	Rural = "rural"
	Urban = "urban"
)

// MaxMembers bounds the household size the check accepts.
const MaxMembers = 50

// Said is what a citizen's message already tells about the household, so
// the check does not ask it again: "nhà 5 người thu nhập 6 triệu" fills
// Members and Income. Zero values mean "not said".
type Said struct {
	Members   int
	Income    *Amount
	IncomeErr error // an amount was there but refused (vague, a range)
	Area      string
	// Earners is how many earn an Income told per person when the text
	// names them ("2 vợ chồng mỗi người 150k/ngày" is 2): the income is
	// then theirs, not every member's. 0 when none are named, or the
	// income is per head of the household ("bình quân", "đầu người").
	Earners int
}

// memberWords follow the household size: "5 người", "bốn khẩu", "3 nhân khẩu".
var memberWords = map[string]bool{"nguoi": true, "ng": true, "khau": true, "thanh": true, "mieng": true}

// incomeWords come before the income: an amount after one of them is the
// income even when the message names other sums ("vay 50 triệu").
var incomeWords = map[string]bool{"nhap": true, "kiem": true, "luong": true, "duoc": true, "lam": true}

// ReadSaid reads household size, area and income from a free-text message.
func ReadSaid(text string) Said {
	toks := lexAmount(text)
	var s Said
	s.Members = readMembers(toks)
	s.Area = readArea(toks)
	spans := findAmounts(toks)
	if len(spans) == 0 {
		return s
	}
	pick := spans[0]
	for _, sp := range spans {
		if sp.start > 0 && incomeWords[toks[sp.start-1].text] || sp.start > 1 && incomeWords[toks[sp.start-2].text] {
			pick = sp
			break
		}
	}
	if pick.err != nil {
		s.IncomeErr = pick.err
		return s
	}
	a, err := pick.amount(toks)
	if err != nil {
		s.IncomeErr = err
		return s
	}
	s.Income = &a
	if a.PerPerson && !perHead(toks) {
		s.Earners = readEarners(toks, pick.start, pick.end)
	}
	return s
}

// perHead reports an income per head of the whole household: "bình
// quân", "đầu người".
func perHead(toks []amountToken) bool {
	for i := 0; i+1 < len(toks); i++ {
		if t, next := toks[i].text, toks[i+1].text; t == "binh" && next == "quan" || t == "dau" && next == "nguoi" {
			return true
		}
	}
	return false
}

// earnerPairs name two or more who work together, after their number
// ("2 vợ chồng", "hai bố con", "3 anh em"); the first four are two
// without a number ("vợ chồng tôi", "bố mẹ tôi").
var earnerPairs = map[string]bool{
	"vo chong": true, "bo me": true, "cha me": true, "ong ba": true,
	"bo con": true, "me con": true, "cha con": true, "anh em": true, "chi em": true,
}

// readEarners returns how many earn the income per person at
// toks[start:end], as the text names them: "2 vợ chồng", "hai bố con",
// "vợ chồng tôi" (2), "2 người đi làm", "3 lao động". The naming nearest
// the amount counts; 0 when there is none.
func readEarners(toks []amountToken, start, end int) int {
	best, earners := 1<<30, 0
	found := func(at, n int) {
		if d := distance(at, start, end); n >= 1 && n <= MaxMembers && d < best {
			best, earners = d, n
		}
	}
	pair := func(i int) bool {
		return i+1 < len(toks) && earnerPairs[toks[i].text+" "+toks[i+1].text]
	}
	for i := range toks {
		if i >= start && i < end {
			continue
		}
		if v, n, ok := readSmall(toks, i); ok && v == float64(int(v)) {
			j := i + n
			switch {
			case pair(j):
				found(i, int(v))
				continue
			case j+1 < len(toks) && toks[j].text == "lao" && toks[j+1].text == "dong":
				found(i, int(v))
				continue
			case j < len(toks) && toks[j].text == "nguoi":
				k := j + 1
				if k < len(toks) && (toks[k].text == "di" || toks[k].text == "deu" || toks[k].text == "cung") {
					k++
				}
				if k < len(toks) && (toks[k].text == "lam" || toks[k].text == "kiem") {
					found(i, int(v))
					continue
				}
			}
		}
		if pair(i) && (i == 0 || !numberAt(toks, i-1)) {
			switch toks[i].text + " " + toks[i+1].text {
			case "vo chong", "bo me", "cha me", "ong ba":
				found(i, 2)
			}
		}
	}
	return earners
}

// numberAt reports a number at toks[i] ("2", "hai").
func numberAt(toks []amountToken, i int) bool {
	_, _, ok := readSmall(toks, i)
	return ok
}

// NoIncome reports whether text says the household has no income at all
// and names no amount: "không có thu nhập", "ko co thu nhap gi", "chẳng
// có đồng nào", "không có lương", "chưa kiếm được tiền", "thu nhập bằng
// 0". Not "không có lương hưu" (one income among others), nor a question
// of what if ("nếu không có thu nhập thì sao").
func NoIncome(text string) bool {
	toks := lexAmount(text)
	if len(findAmounts(toks)) > 0 {
		return false
	}
	for i, t := range toks {
		if t.text == "neu" || t.text == "?" {
			return false
		}
		if incomeNouns(toks, i) > 0 {
			// "thu nhập (là|bằng) 0", "thu nhập không có"
			j := i + incomeNouns(toks, i)
			if j < len(toks) && (toks[j].text == "la" || toks[j].text == "bang") {
				j++
			}
			if j < len(toks) && (toks[j].text == "0" || toks[j].text == "khong") && (j+1 == len(toks) || toks[j+1].text == "co" || toks[j+1].text == "dong" || toks[j+1].text == "ca" || toks[j+1].text == "a") {
				return true
			}
		}
		if !noWords[t.text] {
			continue
		}
		// "không (có|kiếm được|làm ra…) thu nhập"
		j := i + 1
		for j < len(toks) && j <= i+3 && haveWords[toks[j].text] {
			j++
		}
		if j < len(toks) && incomeNouns(toks, j) > 0 {
			return true
		}
	}
	return false
}

// noWords say "not", as typed in chat too: không, ko, k, chẳng, chưa.
var noWords = map[string]bool{"khong": true, "ko": true, "k": true, "kg": true, "hok": true, "hong": true, "chang": true, "cha": true, "chua": true}

// haveWords stand between "không" and the income: "có", "kiếm được",
// "làm ra", "nhận".
var haveWords = map[string]bool{"co": true, "kiem": true, "duoc": true, "dc": true, "dk": true, "lam": true, "ra": true, "nhan": true}

// incomeNouns returns the number of tokens of the word at toks[i] naming
// income or money ("thu nhập", "lương" but not "lương hưu", "tiền", "đồng
// nào", "xu", "cắc"), 0 for none.
func incomeNouns(toks []amountToken, i int) int {
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].text
	}
	switch toks[i].text {
	case "thu":
		if next == "nhap" {
			return 2
		}
	case "luong":
		if next != "hu" && next != "huu" { // lexAmount folds "hưu" to "hu"
			return 1
		}
	case "tien", "xu", "cac":
		return 1
	case "dong":
		if next == "nao" || next == "xu" || next == "bac" {
			return 2
		}
	}
	return 0
}

// ReadMembers reads a household size typed alone or in a sentence: "5",
// "năm", "nhà có 5 người", or told by who lives in it ("2 ông bà", "vợ
// chồng với 3 con"). It returns 0 when there is none.
func ReadMembers(text string) int {
	toks := lexAmount(text)
	if len(toks) == 0 {
		return 0 // nothing left once cleaned: readSmall needs a token
	}
	if n := readMembers(toks); n > 0 {
		return n
	}
	if n := readComposition(toks); n > 0 {
		// Only as the answer to the household's size: told in a story,
		// "vợ chồng em" is often not the whole household.
		return n
	}
	if v, n, ok := readSmall(toks, 0); ok && n == len(toks) && v == float64(int(v)) {
		return int(v)
	}
	if len(toks) == 1 || len(toks) == 2 && (toks[1].text == "nguoi" || toks[1].text == "khau") {
		if v, n, ok := readSmall(toks, 0); ok && n >= 1 && v == float64(int(v)) {
			return int(v)
		}
		if toks[0].text == "nam" { // "năm" typed alone is five
			return 5
		}
	}
	return 0
}

// answerSelf are the pronouns of the one answering; relativeWords the
// members one may add "with" ("với mẹ", "và bà nhà tôi").
var (
	answerSelf    = map[string]bool{"toi": true, "em": true, "chau": true, "minh": true}
	relativeWords = map[string]bool{"me": true, "bo": true, "ba": true, "ong": true, "vo": true, "chong": true}
)

// readComposition reads a household told by who lives in it rather than
// how many: "vợ chồng tôi và 3 con" is five, "mẹ đơn thân nuôi 2 con"
// three, "2 ông bà già" two. It needs the adults (a couple, the two old
// people, a single parent) and adds the children counted after them ("3
// con", "hai đứa con", "2 cháu"); 0 when the adults are not told. The
// check shows what it recorded, so a misreading is corrected with "quay
// lại".
func readComposition(toks []amountToken) int {
	const (
		groupCouple = 1 << iota // vợ chồng
		groupOld                // ông bà
		groupSingle             // a single parent
	)
	adults, children, groups := 0, 0, 0
	for i := 0; i < len(toks); i++ {
		t := toks[i].text
		next := func(k int) string {
			if i+k < len(toks) {
				return toks[i+k].text
			}
			return ""
		}
		switch {
		case i == 0 && answerSelf[t] && (next(1) == "voi" || next(1) == "va"):
			// "tôi với bà nhà tôi": the one answering.
			adults++
		case memberJoins[t] && parentPair[next(1)+" "+next(2)]:
			// "… với bố mẹ", "tôi và ba mẹ": two more.
			if adults > 0 {
				adults += 2
				i += 2
			}
		case memberJoins[t] && relativeWords[next(1)] && !couple[next(1)+" "+next(2)] && !childrenAt(toks, i+1):
			// "… với mẹ già 82 tuổi", "… và bà nhà tôi", "…, mẹ già và
			// …": one more. Not "… và ba đứa con", where "ba" is three,
			// nor one of a couple told ("hai ông bà già, ông 78 tuổi").
			if adults > 0 && !(groups&groupOld != 0 && (next(1) == "ong" || next(1) == "ba") ||
				groups&groupCouple != 0 && (next(1) == "vo" || next(1) == "chong")) {
				adults++
				i++
			}
		case t == "vo" && next(1) == "chong" && groups&groupCouple == 0:
			groups |= groupCouple
			adults += 2
			i++
		case t == "ong" && next(1) == "ba" && groups&groupOld == 0:
			groups |= groupOld
			adults += 2
			i++
		case groups&(groupCouple|groupSingle) == 0 && ((t == "me" || t == "bo") && next(1) == "don" && next(2) == "than" ||
			t == "nuoi" && next(1) == "con" && next(2) == "mot" && next(3) == "minh" ||
			t == "mot" && next(1) == "minh" && next(2) == "nuoi"):
			groups |= groupSingle
			adults++
		}
		if adults == 0 {
			continue
		}
		if v, end, ok := countedChildren(toks, i); ok {
			children += v
			i = end
		}
	}
	if adults == 0 {
		return 0
	}
	return adults + children
}

// memberJoins add one more member to those told: "với", "và", "cùng", a
// comma ("vợ chồng tôi, mẹ già và 2 con").
var memberJoins = map[string]bool{"voi": true, "va": true, "cung": true, ",": true}

// parentPair are two members told as one: "bố mẹ", "cha mẹ", "ba mẹ".
var parentPair = map[string]bool{"bo me": true, "cha me": true, "ba me": true}

// couple are the pairs counted on their own below: "… và ông bà", "ông
// bà, vợ chồng tôi".
var couple = map[string]bool{"ong ba": true, "vo chong": true}

// childrenAt reports children counted at toks[i]: "3 con", "ba đứa con",
// "hai đứa cháu", "2 cháu nhỏ".
func childrenAt(toks []amountToken, i int) bool {
	_, _, ok := countedChildren(toks, i)
	return ok
}

// countedChildren reads the children counted at toks[i] ("3 con", "ba
// đứa con", "2 đứa cháu", "2 cháu nhỏ", "hai đứa"): how many, and the index of the
// last token read.
func countedChildren(toks []amountToken, i int) (n, last int, ok bool) {
	v, w, ok := readSmall(toks, i)
	if !ok || v != float64(int(v)) || v < 1 || v > 12 {
		return 0, 0, false
	}
	j := i + w
	if j < len(toks) && (toks[j].text == "dua" || toks[j].text == "chau" && j+1 < len(toks) && toks[j+1].text == "nho") {
		j++
	}
	if j < len(toks) && (toks[j].text == "con" || toks[j].text == "chau" || toks[j].text == "nho") {
		return int(v), j, true
	}
	if toks[j-1].text == "dua" {
		return int(v), j - 1, true // "vợ chồng tôi và ba đứa"
	}
	return 0, 0, false
}

func readMembers(toks []amountToken) int {
	var spans []spanAmount // read once a "1 người" needs them
	for i := range toks {
		if livesAlone(toks, i) {
			return 1
		}
		if toks[i].text == "nam" && i+1 < len(toks) && memberWords[toks[i+1].text] {
			if i == 0 || toks[i-1].text != "moi" && toks[i-1].text != "mot" {
				return 5
			}
		}
		v, n, ok := readSmall(toks, i)
		if !ok || i+n >= len(toks) || !memberWords[toks[i+n].text] || v != float64(int(v)) {
			continue
		}
		if i > 0 && (toks[i-1].text == "moi" || toks[i-1].text == "tren") {
			continue
		}
		if v == 1 && i > 0 && bigUnits[toks[i-1].text] > 0 {
			continue // "2 triệu 1 người": per person
		}
		if v == 1 {
			if spans == nil {
				spans = findAmounts(toks)
			}
			if perPersonOne(toks, i, i+n+1, spans) {
				continue
			}
		}
		return int(v)
	}
	return 0
}

// livesAlone reports "sống một mình", "ở 1 mình" at toks[i]: a household
// of one. Not "sống một mình với cháu" nor "nuôi con một mình" (a single
// parent, whose household is larger).
func livesAlone(toks []amountToken, i int) bool {
	if i+2 >= len(toks) || toks[i].text != "song" && toks[i].text != "o" {
		return false
	}
	if t := toks[i+1].text; t != "mot" && t != "1" || toks[i+2].text != "minh" {
		return false
	}
	if i+3 < len(toks) {
		switch toks[i+3].text {
		case "voi", "cung", "nuoi", "cham":
			return false
		}
	}
	return true
}

// perPersonOne reports whether the "một người" at toks[from:to] says
// what an income is per person rather than the household's size:
// "bình quân một người", "1tr8 một người", "2 triệu mỗi tháng một người",
// "một người 2 triệu". "Nhà 1 người, thu nhập 2 triệu" is a household of
// one.
func perPersonOne(toks []amountToken, from, to int, spans []spanAmount) bool {
	if from > 0 && (toks[from-1].text == "quan" || toks[from-1].text == "dau") {
		return true // bình quân, trung bình đầu
	}
	for _, sp := range spans {
		if sp.err != nil {
			continue
		}
		if sp.start == to || sp.start == to+1 && amountLead[toks[to].text] {
			return true
		}
		if sp.end <= from && perMonthGap(toks[sp.end:from]) {
			return true
		}
	}
	return false
}

// amountLead are the words between "một người" and its amount: "một
// người là 2 triệu", "khoảng", "tầm", "được".
var amountLead = map[string]bool{"la": true, "khoang": true, "tam": true, "duoc": true}

// perMonthGap: nothing, or the month an amount is counted by ("/tháng",
// "mỗi tháng", "một tháng"), between an amount and "một người".
func perMonthGap(gap []amountToken) bool {
	switch len(gap) {
	case 0:
		return true
	case 1:
		return gap[0].text == "thang"
	case 2:
		p := gap[0].text
		return gap[1].text == "thang" && (p == "/" || p == "moi" || p == "mot" || p == "1" || p == "hang")
	}
	return false
}

// readArea finds the area in folded words: "nông thôn", a commune (xã) or
// village is rural; "thành thị", "thành phố", a ward (phường) or town (thị
// trấn) is urban. Words with other meanings once folded (xa: far, phuong:
// direction) count only after "ở", "tại" or "thuộc".
func readArea(toks []amountToken) string {
	for i, t := range toks {
		next, placed := "", false
		if i+1 < len(toks) {
			next = toks[i+1].text
		}
		if i > 0 {
			p := toks[i-1].text
			placed = p == "o" || p == "tai" || p == "thuoc"
		}
		switch {
		case t.text == "nong" && next == "thon", placed && (t.text == "xa" || t.text == "thon" || t.text == "lang"):
			return Rural
		case t.text == "thanh" && (next == "thi" || next == "pho"), t.text == "thi" && next == "tran", placed && t.text == "phuong":
			return Urban
		}
	}
	return ""
}

// ReadArea reads the area from an answer to "ông/bà sống ở đâu": "nông
// thôn", "xã", "1", "thành thị", "phường", "2". It returns "" when unclear.
func ReadArea(text string) string {
	toks := lexAmount(text)
	if a := readArea(toks); a != "" {
		return a
	}
	if len(toks) == 1 {
		switch toks[0].text {
		case "xa", "thon", "lang", "que":
			return Rural
		case "phuong", "pho":
			return Urban
		}
	}
	return ""
}
