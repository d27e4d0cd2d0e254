package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// A person follow-up ("vậy mẹ tôi thì sao") after an answer whose
// conditions name ages (the social pension: "từ đủ 75 tuổi", "từ đủ 70
// đến dưới 75 tuổi") cannot be answered for that person without their
// age: the bot asks it in one short question and answers with the age
// once told. Until session 66 it sent the same conditions again.

// awaitAge is the state after the age question: "age:<entry>|<person>".
const awaitAge = "age:"

// Texts of the age question and of the answer led by the age.
const (
	textAskAge = "Dạ, %s năm nay bao nhiêu tuổi? Điều kiện của chính sách này tùy theo tuổi."
	// %s: the person, %d: the age, then the condition the age falls in.
	textAgeCase = "Dạ, %s %d tuổi thuộc trường hợp: %s Các điều kiện như sau:"
	// The age falls in one of the answer's ages, or in several.
	textAgeWithin = "Dạ, %s %d tuổi nằm trong độ tuổi của chính sách này. Các điều kiện như sau:"
	// The age is under every age the answer names.
	textAgeUnder = "Dạ, %s %d tuổi chưa đến độ tuổi của chính sách này. Các điều kiện như sau:"
	// The age is in none of them.
	textAgeOutside = "Dạ, %s %d tuổi không thuộc độ tuổi của chính sách này. Các điều kiện như sau:"
	// The household is said to be neither poor nor near-poor, and the
	// age is under every age that asks no such household.
	textAgeUnderNotPoor = "Dạ, %s %d tuổi, nhà không thuộc hộ nghèo, cận nghèo, nên chưa đến độ tuổi của chính sách này. Các điều kiện như sau:"
)

// notPoorWords say the household is neither poor nor near-poor (folded):
// "nhà không nghèo", "nhà bình thường".
var notPoorWords = foldAll("khong ngheo", "khong phai ho ngheo", "khong phai ho can ngheo", "khong thuoc ho ngheo",
	"khong co so ngheo", "nha binh thuong", "ho binh thuong", "ho trung binh", "khong phai ngheo", "khong ngheo khong can ngheo")

// personHouseholdOf is the household category text says: the matcher's
// reading (content.KB.HouseholdIn), else categoryNone when text says the
// household is not poor, else "".
func personHouseholdOf(kb *content.KB, text string) string {
	if h := kb.HouseholdIn(text); h != "" {
		return h
	}
	if hasFolded(text, notPoorWords) {
		return categoryNone
	}
	return ""
}

// ageRange is an age condition of an answer's line: from lo up to, not
// including, hi (0: no upper bound).
type ageRange struct {
	lo, hi int
	line   string // the answer's line, without its list mark
}

var (
	// ageBetween: "từ đủ 70 đến dưới 75 tuổi", "70 đến dưới 75 tuổi".
	ageBetween = regexp.MustCompile(`^(?:(?:từ đủ|từ|đủ) )?(\d+) đến dưới (\d+) tuổi`)
	// ageFrom: "từ đủ 75 tuổi", "từ 75 tuổi", "trên 80 tuổi".
	ageFrom = regexp.MustCompile(`^(từ đủ|từ|đủ|trên) (\d+) tuổi`)
	// ageUnder: "dưới 6 tuổi".
	ageUnder = regexp.MustCompile(`^dưới (\d+) tuổi`)
)

// ageRanges are the age conditions en's answer lists: its list lines
// ("- …") that open with an age ("- từ đủ 75 tuổi trở lên; hoặc"), the
// conditions of one person. None when no line does: a line that names an
// age further on ("- Người hưởng trợ cấp hưu trí xã hội (từ 75 tuổi …)")
// is one group among others, whose age does not decide the answer.
func ageRanges(en *content.Entry) []ageRange {
	if en == nil {
		return nil
	}
	var out []ageRange
	for _, line := range strings.Split(en.Answer, "\n") {
		item, ok := strings.CutPrefix(strings.TrimSpace(line), "- ")
		if !ok {
			continue
		}
		low := strings.ToLower(item)
		if m := ageBetween.FindStringSubmatch(low); m != nil {
			lo, _ := strconv.Atoi(m[1])
			hi, _ := strconv.Atoi(m[2])
			out = append(out, ageRange{lo, hi, item})
		} else if m := ageFrom.FindStringSubmatch(low); m != nil {
			lo, _ := strconv.Atoi(m[2])
			if m[1] == "trên" {
				lo++
			}
			out = append(out, ageRange{lo, 0, item})
		} else if m := ageUnder.FindStringSubmatch(low); m != nil {
			hi, _ := strconv.Atoi(m[1])
			out = append(out, ageRange{0, hi, item})
		}
	}
	return out
}

// ageLead is the line leading en's answer for who, age years old: the one
// condition of the answer the age falls in, quoted, or whether it falls
// in the answer's ages at all.
//
// household is the category the citizen said ("" for none said): when
// it is categoryNone, the conditions that ask for a poor or near-poor
// household are not the person's ("ông ngoại 74 tuổi, nhà không nghèo"
// is under the pension's 75).
func ageLead(who string, age int, en *content.Entry, household string) string {
	var lines []string
	under := true
	for _, r := range ageRanges(en) {
		if household == categoryNone && strings.Contains(content.Fold(r.line), "ngheo") {
			continue
		}
		if age >= r.lo && (r.hi == 0 || age < r.hi) {
			if len(lines) == 0 || lines[len(lines)-1] != r.line {
				lines = append(lines, r.line)
			}
		}
		if age >= r.lo {
			under = false
		}
	}
	switch {
	case len(lines) == 1:
		line := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(lines[0]), "; hoặc"))
		if !strings.HasSuffix(line, ".") {
			line += "."
		}
		return fmt.Sprintf(textAgeCase, who, age, line)
	case len(lines) > 1:
		return fmt.Sprintf(textAgeWithin, who, age)
	case under && household == categoryNone:
		return fmt.Sprintf(textAgeUnderNotPoor, who, age)
	case under:
		return fmt.Sprintf(textAgeUnder, who, age)
	}
	return fmt.Sprintf(textAgeOutside, who, age)
}

// ageIn reads an age told in text: one number from 1 to 120, alone or
// with "tuổi" ("72", "72 tuổi", "bà 72t rồi", "năm nay 80"), in a short
// message (at most ten words: "còn ông ngoại cháu 74 tuổi nhà không
// nghèo").
func ageIn(text string) (int, bool) {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > 10 {
		return 0, false
	}
	age, found := 0, false
	for _, w := range words {
		w = strings.TrimSuffix(w, "t")
		n, err := strconv.Atoi(w)
		if err != nil {
			continue
		}
		if found {
			return 0, false
		}
		age, found = n, true
	}
	return age, found && age >= 1 && age <= 120
}

// askAge asks who's age, needed for en's answer, and waits for it.
func (c *conv) askAge(who string, en *content.Entry) error {
	d := &c.user.Dialog
	d.Remember(en, c.now)
	d.Awaiting = awaitAge + en.ID + "|" + who
	return c.reply(fmt.Sprintf(textAskAge, who), nil, logMeta{topic: en.Topic, entry: en.ID})
}

// ageGiven answers the age question (askAge) with the answer it was asked
// for, led by what the age makes of it (ageLead). Anything else ends the
// wait and is read as any message.
func (c *conv) ageGiven(state, text string) (bool, error) {
	d := &c.user.Dialog
	d.Awaiting = ""
	id, who, _ := strings.Cut(strings.TrimPrefix(state, awaitAge), "|")
	age, ok := ageIn(text)
	if !ok || strings.HasPrefix(text, "/") {
		return false, nil
	}
	en, found := c.e.KB().EntryOn(id, c.day)
	if !found {
		return false, nil
	}
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	c.lead = ageLead(who, age, en, personHouseholdOf(c.e.KB(), text))
	return true, c.give(en, 1)
}
