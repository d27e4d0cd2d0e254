package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Answers to the check's questions that are words rather than the figure
// or number asked (QA pass 71; docs/architecture.md, the check): a bare
// "không" at the income, a zero to confirm, "làm sao tính thu nhập", a
// commune or ward named at the area, a deprivation told in words, and
// the household checked when it is not the asker's own.

// foldWords are text's folded words and numbers.
func foldWords(text string) []string {
	return strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// bareNoWords may make up a bare "no" ("không", "ko ạ", "không có"):
// at the income question it may mean none, a refusal or "I don't know".
var bareNoWords = setOf("khong", "ko", "k", "kg", "khg", "hong", "hok", "co", "gi", "a", "ah", "ak", "da", "chua", "chang", "u")

// bareNo reports a reply made only of a negation and filler.
func bareNo(text string) bool {
	words := foldWords(text)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	no := false
	for _, w := range words {
		if !bareNoWords[w] {
			return false
		}
		if w != "co" && w != "gi" && w != "a" && w != "ah" && w != "ak" && w != "da" && w != "u" {
			no = true
		}
	}
	return no
}

// yesWords confirm what the bot just said it understood ("đúng", "vâng",
// "đúng rồi ạ").
var yesWords = setOf("dung", "vang", "u", "uh", "um", "phai", "roi", "a", "da", "chinh", "xac", "the", "vay", "ok", "oke", "co", "that", "khong", "thu", "nhap", "gi", "ca", "nha", "0")

// confirmsZero reports a reply that confirms no income at all: "đúng",
// "vâng ạ", "đúng rồi", "đúng, không có thu nhập gì"; not a bare
// "không", which denies it.
func confirmsZero(text string) bool {
	words := foldWords(text)
	if len(words) == 0 || len(words) > 8 || bareNo(text) {
		return false
	}
	f := " " + strings.Join(words, " ") + " "
	for _, no := range []string{" khong dung ", " khong phai ", " chua dung ", " sai ", " ko dung ", " k dung "} {
		if strings.Contains(f, no) {
			return false // "không đúng", "sai rồi"
		}
	}
	yes := false
	for _, w := range words {
		if !yesWords[w] {
			return false
		}
		switch w {
		case "dung", "vang", "u", "uh", "um", "phai", "ok", "oke", "chinh":
			yes = true
		}
	}
	return yes
}

// howToCount reports a question on how to count what the current
// question asks ("làm sao tính thu nhập", "thu nhập tính thế nào", "trợ
// cấp có tính vào thu nhập không", "tính cả người đi làm xa không"): it
// gets the question's help, not the matcher's answer.
func howToCount(text string) bool {
	words := foldWords(text)
	if len(words) == 0 || len(words) > 14 {
		return false
	}
	for _, w := range words {
		if strings.ContainsAny(w, "0123456789") {
			return false // a figure told: "tính cả lương hưu thì 5 triệu"
		}
	}
	if a, err := content.ParseAmount(text); err == nil && a.VND > 0 {
		return false // "tính ra năm triệu"
	}
	f := " " + strings.Join(words, " ") + " "
	count := false
	for _, w := range []string{" tinh ", " dem ", " cong ", " gom ", " ke ", " cach tinh "} {
		if strings.Contains(f, w) {
			count = true
		}
	}
	if !count {
		return false
	}
	for _, w := range []string{" lam sao ", " the nao ", " nhu nao ", " sao ", " gi ", " cach ", " nhung ai ", " khong ", " ko ", " k ", " chua ", " a "} {
		if strings.Contains(f, w) || strings.Contains(text, "?") {
			return true
		}
	}
	return false
}

// communeArea reads an answer to the area question that names the
// commune, ward or town ("xã Tân Sơn", "phuong Vu Ninh", "ở thị trấn
// Chờ"): a xã is rural, a phường or thị trấn urban, as in an opening
// message. The name must be in communes.tsv or typed as a name (a
// capital letter); label is how the record shows it ("xã Đại Đồng").
func communeArea(text string) (area, label string) {
	fields := strings.Fields(strings.Trim(text, " .,!"))
	for len(fields) > 1 {
		switch content.Fold(fields[0]) {
		case "o", "tai", "thuoc", "nha", "toi", "em", "minh", "chau", "con", "la", "dang":
			fields = fields[1:]
			continue
		}
		break
	}
	if len(fields) < 2 || len(fields) > 6 {
		return "", ""
	}
	kind, rest := content.Fold(fields[0]), fields[1:]
	switch {
	case kind == "xa":
		area, kind = content.Rural, "xã"
	case kind == "phuong":
		area, kind = content.Urban, "phường"
	case kind == "thi" && content.Fold(rest[0]) == "tran" && len(rest) > 1:
		area, kind, rest = content.Urban, "thị trấn", rest[1:]
	default:
		return "", ""
	}
	name := strings.Join(rest, " ")
	for _, r := range name {
		if unicode.IsDigit(r) {
			return "", ""
		}
	}
	if listed, ok := content.ListedCommune(name); ok {
		return area, kind + " " + listed
	}
	if first := []rune(rest[0])[0]; !unicode.IsUpper(first) {
		return "", ""
	}
	return area, kind + " " + name
}

// groupPhrases tell a deprivation in words, by indicator id (folded,
// whole words). Those that deny nothing ("thất nghiệp") do not count
// after a negation ("không ai thất nghiệp").
var groupPhrases = map[string][]string{
	"employment":        {"khong ai di lam", "khong ai co viec", "khong co viec lam", "khong co viec", "that nghiep", "mat viec", "khong ai lam ra tien"},
	"dependants":        {"an theo", "phu thuoc"},
	"nutrition":         {"suy dinh duong", "thap coi"},
	"health-insurance":  {"chua co the bhyt", "khong co the bhyt", "chua co bhyt", "khong co bhyt", "chua co bao hiem y te", "khong co bao hiem y te"},
	"school-attendance": {"khong di hoc", "bo hoc", "nghi hoc"},
	"housing-quality":   {"nha dot", "nha tam", "dot nat", "nha xuong cap"},
	"living-area":       {"nha chat", "qua chat"},
	"water":             {"khong co nuoc sach", "thieu nuoc sach"},
	"latrine":           {"khong co nha ve sinh", "khong co nha tieu"},
	"telecom":           {"khong co dien thoai"},
	"information":       {"khong co tivi", "khong co ti vi"},
}

// groupWords reads an answer to a deprivation question told in words
// ("cả nhà không ai đi làm"): the items of the group it names. ok is
// false when it names none, or asks something.
func groupWords(text string, items []content.Indicator) (picks []int, ok bool) {
	words := foldWords(text)
	if len(words) == 0 || len(words) > 14 || strings.Contains(text, "?") || profileQuestionEnd[words[len(words)-1]] && words[len(words)-1] != "khong" {
		return nil, false
	}
	f := " " + strings.Join(words, " ") + " "
	for i, in := range items {
		for _, p := range groupPhrases[in.ID] {
			at := strings.Index(f, " "+p+" ")
			if at < 0 {
				continue
			}
			if !strings.HasPrefix(p, "khong") && !strings.HasPrefix(p, "chua") && deniedAt(append(strings.Fields(f[:at]), p), len(strings.Fields(f[:at]))) {
				continue
			}
			picks = append(picks, i+1)
			break
		}
	}
	return picks, len(picks) > 0
}

// otherHousehold names the household a message asks about when it is not
// the writer's own: "hộ ông Hùng", "nhà bà Lan", "gia đình anh Tú"
// (a name with a capital), "hàng xóm", "nhà bên cạnh". "" for the
// writer's own or unsaid.
func otherHousehold(text string) string {
	f := " " + strings.Join(foldWords(text), " ") + " "
	for _, w := range []string{" hang xom ", " nha ben canh ", " ho ben canh "} {
		if strings.Contains(f, w) {
			return "hộ hàng xóm"
		}
	}
	fields := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i+2 < len(fields); i++ {
		head := content.Fold(fields[i])
		if head == "gia" && i+3 < len(fields) && content.Fold(fields[i+1]) == "dinh" {
			head, i = "gia dinh", i+1
		}
		switch head {
		case "ho", "nha", "gia dinh":
		default:
			continue
		}
		title, ok := householdTitles[content.Fold(fields[i+1])]
		if !ok {
			continue
		}
		name := fields[i+2]
		if r := []rune(name)[0]; !unicode.IsUpper(r) {
			continue
		}
		return "hộ " + title + " " + name
	}
	return ""
}

// householdTitles are the titles before a householder's name, folded,
// and as they are written.
var householdTitles = map[string]string{"ong": "ông", "ba": "bà", "anh": "anh", "chi": "chị", "co": "cô", "chu": "chú", "bac": "bác", "cu": "cụ"}

// noEarner reports an answer to the income question that says nobody in
// the household earns ("cả nhà không ai đi làm"): no income, to be
// confirmed like "không có thu nhập" (a pension or money sent home may
// still come in). Read by the matcher, it was a house collapse.
func noEarner(text string) bool {
	words := foldWords(text)
	if len(words) == 0 || len(words) > 10 || strings.Contains(text, "?") {
		return false
	}
	f := " " + strings.Join(words, " ") + " "
	for _, p := range []string{" khong ai di lam ", " khong ai co viec ", " khong ai lam ra tien ", " khong ai kiem duoc tien "} {
		if strings.Contains(f, p) {
			return true
		}
	}
	return false
}
