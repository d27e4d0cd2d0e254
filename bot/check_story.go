package bot

import (
	"strconv"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// What a citizen's story tells the check beyond content.ReadSaid: the
// household's size told as "5 nhân khẩu", or by who the whole household
// is ("hai ông bà già", "nhà chỉ có hai mẹ con").

// householdSaid is content.ReadSaid, with the size storyMembers reads
// when ReadSaid finds none, or, beside an income, the family the writer
// lists (familyMembers).
func householdSaid(text string) content.Said {
	said := content.ReadSaid(text)
	if said.Members == 0 {
		said.Members = storyMembers(text)
	}
	if said.Members == 0 && said.Income != nil {
		said.Members = familyMembers(text)
	}
	return said
}

// familyMembers reads the household's size from a worker's story that
// lists it as the writer, a spouse named as theirs and the children
// counted: "e lm cong nhan, luong 7tr, vo e ko di lam, 2 dua con nho" is
// four, "chồng em làm công nhân, em ở nhà trông 2 đứa con" four. 0 when
// no spouse of the writer is named, no child is counted, or anyone else
// is named (a parent, a grandparent, a brother or sister), who may or may
// not live with them. Only beside an income (householdSaid): the check
// then opens with the size filled, and shows it, so a misreading is
// corrected with "sửa". Until session 71 such a message was an ask-back
// between registering and the near-poor loan (QA #11).
func familyMembers(text string) int {
	toks := storyTokens(text)
	at := func(i int) string {
		if i >= 0 && i < len(toks) {
			return toks[i]
		}
		return ""
	}
	spouse, children := false, 0
	for i, w := range toks {
		switch {
		case familyOthers[w+" "+at(i+1)]:
			return 0
		case (w == "vo" || w == "chong") && writerWords[at(i+1)]:
			if spouseGone(toks, i+2) {
				return 0
			}
			spouse = true
		case w == "vo" && at(i+1) == "chong" && writerWords[at(i+2)]:
			spouse = true
		}
		if n := childCount(toks, i); n > 0 {
			children += n
		}
	}
	if !spouse || children == 0 || 2+children > content.MaxMembers {
		return 0
	}
	return 2 + children
}

// spouseGone reports whether the words from toks[j] tell the spouse just
// named died or left ("chồng tôi mất năm ngoái", "vợ em bỏ đi", "chồng
// tôi đã qua đời"): the household is not the couple. Losing a job or
// strength ("mất việc", "mất sức") is no leaving.
func spouseGone(toks []string, j int) bool {
	var w []string
	for k := j; k < len(toks) && k < j+4 && !isStop(toks[k]); k++ {
		w = append(w, toks[k])
	}
	f := " " + strings.Join(w, " ") + " "
	for _, g := range spouseGoneWords {
		if strings.Contains(f, g) {
			return true
		}
	}
	return strings.Contains(f, " mat ") && !strings.Contains(f, " mat viec ") && !strings.Contains(f, " mat suc ")
}

// spouseGoneWords tell a spouse died or left.
var spouseGoneWords = []string{" qua doi ", " chet ", " bo di ", " bo nha ", " bo me con ", " bo roi ", " ly hon ", " ly di ", " ly than ", " khong con ", " hy sinh "}

// childCount reads the children counted at toks[i], a number before
// "con", "đứa", "cháu" or "bé" ("2 đứa con nhỏ", "hai con", "3 cháu"):
// not "con" alone (folded, also "còn"), nor animals ("2 con bò").
func childCount(toks []string, i int) int {
	if i+1 >= len(toks) {
		return 0
	}
	n, err := strconv.Atoi(toks[i])
	if err != nil {
		n = childNumbers[toks[i]]
	}
	if n < 1 || n > 9 {
		return 0
	}
	next := toks[i+1]
	switch next {
	case "dua", "be", "chau":
		return n
	case "con":
		if i+2 < len(toks) && animals[toks[i+2]] {
			return 0
		}
		return n
	}
	return 0
}

// writerWords are the writer's own pronouns ("vợ em", "chồng tôi");
// childNumbers the number words a count of children is typed with (not
// "ba", also a father, nor "năm", also a year); animals what "con" counts
// besides children.
var (
	writerWords  = map[string]bool{"em": true, "e": true, "toi": true, "tui": true, "minh": true, "anh": true, "chi": true}
	childNumbers = map[string]int{"mot": 1, "hai": 2, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
	animals      = map[string]bool{"bo": true, "lon": true, "heo": true, "ga": true, "vit": true, "trau": true, "de": true, "cho": true, "meo": true, "ca": true, "ngan": true}
	// familyOthers name a member besides the couple and their children.
	familyOthers = map[string]bool{
		"bo me": true, "cha me": true, "ong ba": true, "me em": true, "me toi": true, "me chong": true, "me vo": true, "bo em": true,
		"bo toi": true, "bo chong": true, "bo vo": true, "ong noi": true, "ba noi": true, "ong ngoai": true, "ba ngoai": true,
		"me gia": true, "bo gia": true, "em trai": true, "em gai": true, "anh trai": true, "chi gai": true, "ong ay": true,
		"nguoi gia": true, "ba cu": true, "ong cu": true, "chau noi": true, "chau ngoai": true,
	}
)

// storyTokens folds text into words and the stops between clauses
// (",", ".", ";", "!", "?", "\n", ":"), each a token.
func storyTokens(text string) []string {
	var toks []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			toks = append(toks, word.String())
			word.Reset()
		}
	}
	for _, r := range content.Fold(text) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			word.WriteRune(r)
		case strings.ContainsRune(",.;!?\n:", r):
			flush()
			toks = append(toks, string(r))
		default:
			flush()
		}
	}
	flush()
	return toks
}

func isStop(t string) bool { return len(t) == 1 && strings.Contains(",.;!?\n:", t) }

// storyMembers reads the household's size from a story where ReadSaid
// reads none: "nhà có năm nhân khẩu" (5), "hai ông bà già, thu nhập 1
// triệu" (2), "nhà tôi 2 vợ chồng, …" (2), "nhà chỉ có hai mẹ con" (2),
// "hai ông bà nuôi 2 đứa cháu" (4). A pair is the household only where
// it begins its clause, after at most words naming the household ("nhà
// tôi chỉ có"), and nothing but its age or health follows before the
// clause ends or the income is told: "hai ông bà nội tôi ở quê" or "hai
// ông bà già với đứa cháu" are not the whole household, and a couple of
// earners ("2 vợ chồng tôi mỗi người 150k") is not without "nhà". 0 when
// none is told. The check shows what it recorded, so a misreading is
// corrected with "sửa".
func storyMembers(text string) int {
	toks := storyTokens(text)
	for i := range toks {
		if toks[i] == "nhan" && i+1 < len(toks) && toks[i+1] == "khau" && i > 0 {
			if n := countBefore(toks, i); n >= 1 && n <= content.MaxMembers {
				return n
			}
		}
		if n := pairMembers(toks, i, text); n > 0 {
			return n
		}
	}
	return 0
}

// countBefore reads the number just before toks[end] ("5", "năm", "mười
// hai"), 0 for none or one counting something else ("mỗi nhân khẩu").
func countBefore(toks []string, end int) int {
	if n, err := strconv.Atoi(toks[end-1]); err == nil {
		if end > 1 && (toks[end-2] == "moi" || toks[end-2] == "tren") {
			return 0
		}
		return n
	}
	for k := min(3, end); k >= 1; k-- {
		if n, ok := ageWords(toks[end-k : end]); ok {
			return n
		}
	}
	return 0
}

// householdPairs are a pair of members told with their number ("hai ông
// bà", "2 vợ chồng", "hai mẹ con"); needsHome: only after "nhà", "chỉ",
// "hộ" or "gia đình", since a couple told alone is often the earners.
var householdPairs = map[string]struct{ old, needsHome bool }{
	"ong ba":   {old: true},
	"vo chong": {old: true, needsHome: true},
	"me con":   {needsHome: true}, "bo con": {needsHome: true}, "cha con": {needsHome: true},
	"ba chau": {needsHome: true}, "ong chau": {needsHome: true},
}

// pairPrefix are the words a pair's clause may begin with ("dạ, nhà tôi
// chỉ có hai ông bà già"); homeWords say the pair is the household.
var (
	pairPrefix = map[string]bool{
		"da": true, "thua": true, "a": true, "nha": true, "toi": true, "em": true, "minh": true, "chau": true,
		"con": true, "co": true, "chi": true, "gom": true, "la": true, "thi": true, "ho": true, "gia": true,
		"dinh": true, "chung": true, "hien": true, "nam": true, "nay": true, "gio": true, "bay": true, "o": true,
	}
	homeWords = map[string]bool{"nha": true, "chi": true, "ho": true, "dinh": true}
	// pairFiller may follow the pair within its clause: age, health,
	// "sống với nhau".
	pairFiller = map[string]bool{
		"gia": true, "toi": true, "em": true, "minh": true, "thoi": true, "song": true, "nhau": true, "rieng": true,
		"deu": true, "da": true, "yeu": true, "om": true, "dau": true, "benh": true, "tat": true, "ca": true,
		"tuoi": true, "tren": true, "hon": true, "ngoai": true, "gan": true, "nam": true, "nay": true, "cao": true, "roi": true,
	}
	// pairNext may follow the pair and its fillers: the income, what it
	// lives on, a question.
	pairNext = map[string]bool{
		"thu": true, "luong": true, "kiem": true, "khong": true, "ko": true, "k": true, "moi": true, "hang": true,
		"tong": true, "thi": true, "ma": true, "lam": true, "duoc": true, "dc": true, "nhan": true, "an": true,
		"o": true, "tai": true, "co": true,
	}
	// incomeAfterHave follow "có" where it tells the income, not another
	// member ("có lương hưu", not "có đứa cháu").
	incomeAfterHave = map[string]bool{"thu": true, "luong": true, "tien": true, "tro": true, "duoc": true}
)

// pairMembers reads the household told as a pair at toks[i] (the
// number): see storyMembers.
func pairMembers(toks []string, i int, text string) int {
	if i+2 >= len(toks) {
		return 0
	}
	kind, ok := householdPairs[toks[i+1]+" "+toks[i+2]]
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(toks[i])
	if err != nil {
		// In words, not "ba" (three, or a father) nor "năm" (a year).
		n = map[string]int{"hai": 2, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9}[toks[i]]
	}
	if n < 2 || n > 9 || kind.old && n != 2 {
		return 0
	}
	home := false
	for j := i - 1; j >= 0 && !isStop(toks[j]); j-- {
		if !pairPrefix[toks[j]] {
			return 0
		}
		home = home || homeWords[toks[j]]
	}
	if kind.needsHome && !home {
		return 0
	}
	total := n
	if kind.old {
		// A couple with the children counted after them: "hai ông bà
		// nuôi 2 đứa cháu" is four (content.ReadMembers).
		total = max(n, content.ReadMembers(text))
	}
	k := i + 3
	for k < len(toks) && !isStop(toks[k]) && (pairFiller[toks[k]] || isNumber(toks[k]) || toks[k] == "voi" && k+1 < len(toks) && toks[k+1] == "nhau") {
		k++
	}
	switch {
	case k == len(toks) || isStop(toks[k]) || total > n:
	case toks[k] == "co":
		if k+1 >= len(toks) || !incomeAfterHave[toks[k+1]] {
			return 0
		}
	case !pairNext[toks[k]]:
		return 0
	}
	return total
}

func isNumber(t string) bool {
	_, err := strconv.Atoi(t)
	return err == nil || digitWords[t] > 0 || t == "muoi" || t == "lam" || t == "tu" || t == "mot"
}

// oldAge is the least age "ngoài 70", "trên bảy mươi" is read as an age
// at (ageOver); below it such a number is rather a sum or a count.
const oldAge = 60

// oldPersons are the members one may tell old: "bà già", "mẹ già",
// "người cao tuổi".
var oldPersons = map[string]bool{"ong": true, "ba": true, "me": true, "bo": true, "cha": true, "nguoi": true}

// storyOld counts the members text tells are old without telling their
// age: "hai ông bà già" is two, "mẹ già", "bà cụ", "người cao tuổi" one,
// "hai người già", "hai cụ" two. One whose age is told ("bà già 80
// tuổi", "ông bà đều ngoài 70") is not counted: toldProfiles records
// the age. Not "gia đình", "gia hạn".
func storyOld(text string) int {
	toks := storyTokens(text)
	at := func(i int) string {
		if i >= 0 && i < len(toks) {
			return toks[i]
		}
		return ""
	}
	total := 0
	for i := 0; i < len(toks); i++ {
		size, width := 0, 0
		switch {
		case at(i) == "ong" && at(i+1) == "ba", at(i) == "bo" && at(i+1) == "me", at(i) == "cha" && at(i+1) == "me":
			size, width = 2, 2
		case at(i) == "cu" && (at(i+1) == "ong" || at(i+1) == "ba"):
			size, width = 1, 2 // "cụ ông", "cụ bà"
		case at(i) == "cu":
			if !isNumber(at(i - 1)) {
				continue // folded, "cu" is also "cứ", "cũ"; "hai cụ" is old
			}
			size, width = 1, 1
		case oldPersons[at(i)]:
			size, width = 1, 1
		default:
			continue
		}
		// A number before them: "hai ông bà", "2 người già", "hai cụ".
		if i > 0 {
			if n := countBefore(toks, i); n >= 1 && n <= 9 && (size == 1 && (at(i) == "nguoi" || at(i) == "cu") || size == 2 && n == 2) {
				size = n
			}
		}
		j := i + width
		if at(j) == "noi" || at(j) == "ngoai" && !isNumber(at(j+1)) {
			j++ // "bà nội già"
		}
		old := at(j) == "gia" && at(j+1) != "dinh" && at(j+1) != "han" || at(j) == "cao" && at(j+1) == "tuoi" ||
			at(i) == "cu" || at(j) == "cu" && (at(i) == "ong" || at(i) == "ba") // "hai cụ", "bà cụ"
		if !old {
			continue
		}
		i = j
		if ageTold(toks, j) {
			continue
		}
		total += size
	}
	return min(total, content.MaxMembers)
}

// ageTold reports an age told in the clause that goes on at toks[from],
// within a few words and before another member: "già 80 tuổi", "già
// rồi, đều ngoài 70".
func ageTold(toks []string, from int) bool {
	for k := from; k < len(toks) && k < from+6 && !isStop(toks[k]); k++ {
		if k > from && oldPersons[toks[k]] {
			return false // another member's
		}
		if toks[k] == "tuoi" && k > 0 {
			if _, ok := ageBefore(toks, k); ok {
				return true
			}
		}
		if _, ok := ageOver(toks, k); ok {
			return true
		}
	}
	return false
}

// ageOver reads an age told as a bound without "tuổi" at words[i]:
// "ngoài 70", "trên bảy mươi", "hơn 80" (not "trên 70 triệu"). The bound
// is the age: "ngoài 70" is counted 70.
func ageOver(words []string, i int) (int, bool) {
	if i+1 >= len(words) || words[i] != "ngoai" && words[i] != "tren" && words[i] != "hon" {
		return 0, false
	}
	age, n := 0, 0
	if v, err := strconv.Atoi(words[i+1]); err == nil {
		age, n = v, 1
	} else {
		for k := min(3, len(words)-i-1); k >= 1; k-- {
			if v, ok := ageWords(words[i+1 : i+1+k]); ok && v >= 20 {
				age, n = v, k
				break
			}
		}
	}
	if n == 0 || age < oldAge || age > 130 {
		return 0, false
	}
	if next := i + 1 + n; next < len(words) && notAgeUnits[words[next]] {
		return 0, false
	}
	return age, true
}

// notAgeUnits after a number make it no age: a sum, a count, a length.
var notAgeUnits = map[string]bool{
	"nghin": true, "ngan": true, "trieu": true, "tr": true, "k": true, "dong": true, "nguoi": true, "khau": true,
	"met": true, "m": true, "m2": true, "km": true, "kg": true, "tan": true, "nam": true, "thang": true, "ngay": true,
	"lan": true, "cai": true, "con": true, "phan": true, "sao": true, "tram": true, "chuc": true,
}
