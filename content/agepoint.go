package content

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An entry whose people qualify by age states the general conditions:
// "từ đủ 75 tuổi; hoặc từ đủ 70 đến dưới 75 tuổi, thuộc hộ nghèo hoặc hộ
// cận nghèo". A citizen who tells the age and the household ("nhà tôi
// không nghèo, bố tôi 72 tuổi có được trợ cấp hưu trí xã hội không") asks
// whether they apply to that person, and got the conditions to work out
// alone. AgeLine works it out: the entry's age facts (age_min for
// everyone, age_min_poor for poor and near-poor households) against the
// person's age and household category, and points to another answer the
// entry leads to whose own age_min the person has reached (a province's
// own support by age). It is the one reader of an age against an entry:
// the question that tells the age (AgePoint) and the age told in a chat
// after the bot asked it (the bot's person follow-up) get the same line.

// HouseholdNone is a household said to be in none of the categories
// ("nhà tôi không nghèo", "nhà bình thường"), as AgeTold reads it and the
// bot's household question offers it.
const HouseholdNone = "none"

// pensionUnless is the condition besides the age that an answer states
// for its people (the social pension's): a line that applies the age
// repeats it only when the answer states it.
const pensionUnless = "không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng"

// AgeConditioned reports whether en's answer turns on a person's age: it
// states the age its people qualify from (an age_min fact).
func AgeConditioned(en *Entry) bool {
	if en == nil {
		return false
	}
	_, _, ok := ageFact(en, "age_min")
	return ok
}

// AgePoint is the line that leads en's answer to text, applying en's age
// conditions to the one age text tells and the household it tells
// (AgeTold, AgeLine); "" when en has no age condition, text tells no age
// or more than one.
func (kb *KB) AgePoint(en *Entry, text string, day Date) string {
	if !AgeConditioned(en) {
		return ""
	}
	age, household := kb.AgeTold(text)
	return kb.AgeLine(en, age, household, day)
}

// AgeTold reads the one age text tells ("72 tuổi", "72t", "tuổi 72"; 0
// when it tells none or two different ones: "bố 72 tuổi, mẹ 68 tuổi"
// asks about two people) and the household category it tells: the one
// the question is about (HouseholdIn), else HouseholdNone when it says the
// household is in neither list ("nhà tôi không nghèo", "không phải hộ
// nghèo", "nhà bình thường"), else "".
func (kb *KB) AgeTold(text string) (age int, household string) {
	s, _ := kb.pool.Get().(*scratch)
	if s == nil {
		s = kb.newScratch()
	}
	defer kb.pool.Put(s)
	kb.weighRepaired(s, text)
	age = ageTold(s.syl)
	own := kb.askedCategory(s) // reads s.ments
	if own != 0 {
		return age, own.household()
	}
	var denied category
	for _, m := range s.ments {
		if m.denied {
			denied |= m.cat
		}
	}
	if lists := hhPoor | hhNearPoor; outsideLists(denied)&lists == lists || saysNotPoor(s.syl) {
		return age, HouseholdNone
	}
	return age, ""
}

// notPoorWords say the household is neither poor nor near-poor, in folded
// syllables.
var notPoorWords = []string{"khong ngheo", "khong phai ho ngheo", "khong phai ho can ngheo", "khong thuoc ho ngheo",
	"khong co so ngheo", "nha binh thuong", "ho binh thuong", "ho trung binh", "khong phai ngheo", "khong ngheo khong can ngheo"}

// saysNotPoor reports whether the folded syllables say one of
// notPoorWords.
func saysNotPoor(syl []string) bool {
	joined := " " + strings.Join(syl, " ") + " "
	for _, p := range notPoorWords {
		if strings.Contains(joined, " "+p+" ") {
			return true
		}
	}
	return false
}

// AgeLine is the line that leads en's answer for a person age years old
// whose household is in category household: HouseholdPoor or
// HouseholdNearPoor (on the lists), HouseholdEscaped, HouseholdAverage or
// HouseholdNone (not on them), "" (not known). "" when en has no age
// condition or age is 0. Every age it states is one of en's facts, or of
// the entry it points to, and one the fact sheet does not confirm is
// marked so.
func (kb *KB) AgeLine(en *Entry, age int, household string, day Date) string {
	if en == nil || age <= 0 {
		return ""
	}
	all, allUnsure, ok := ageFact(en, "age_min")
	if !ok {
		return ""
	}
	var in, out bool
	switch household {
	case "":
	case HouseholdPoor, HouseholdNearPoor:
		in = true
	default:
		out = true
	}
	what := programmeName(en.Title)
	unless := ""
	if strings.Contains(en.Answer, pensionUnless) {
		unless = ", nếu " + pensionUnless
	}
	from := fmt.Sprintf("từ đủ %d tuổi", all)
	if allUnsure {
		from = fmt.Sprintf("từ %d tuổi; %s", all, textUnconfirmed)
	}
	var b strings.Builder
	poor, poorUnsure, hasPoor := ageFact(en, "age_min_poor")
	fromPoor := fmt.Sprintf("từ đủ %d tuổi với hộ nghèo, hộ cận nghèo", poor)
	if poorUnsure {
		fromPoor = fmt.Sprintf("từ %d tuổi với hộ nghèo, hộ cận nghèo; %s", poor, textUnconfirmed)
	}
	switch {
	case age >= all:
		fmt.Fprintf(&b, "Người %d tuổi: đủ tuổi hưởng %s (%s)%s.", age, what, from, unless)
	case hasPoor && age >= poor && in:
		fmt.Fprintf(&b, "Người %d tuổi, thuộc %s: đủ tuổi hưởng %s (%s)%s.", age, householdLabel(household), what, fromPoor, unless)
	case hasPoor && age >= poor && out:
		fmt.Fprintf(&b, "Người %d tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng %s; %s mới được hưởng", age, what, from)
		if unless != "" {
			fmt.Fprintf(&b, " (nếu %s)", pensionUnless)
		}
		b.WriteString(".")
	case hasPoor && age >= poor:
		fmt.Fprintf(&b, "Người %d tuổi: được hưởng %s nếu thuộc hộ nghèo hoặc hộ cận nghèo; nếu không thì %s.", age, what, from)
	case hasPoor:
		fmt.Fprintf(&b, "Người %d tuổi: chưa đủ tuổi hưởng %s (%s, hoặc %s).", age, what, from, fromPoor)
	default:
		fmt.Fprintf(&b, "Người %d tuổi: chưa đủ tuổi hưởng %s (%s).", age, what, from)
	}
	// Another answer the entry leads to, of the same programme, for the
	// people from an age this person has reached: it may apply too.
	for _, id := range en.Next {
		o, ok := kb.EntryOn(id, day)
		if !ok || o.ID == en.ID || o.Topic != en.Topic {
			continue
		}
		from, unsure, ok := ageFact(o, "age_min")
		if !ok || age < from {
			continue
		}
		fmt.Fprintf(&b, "\nCó thể áp dụng: «%s» (từ %d tuổi", o.Title, from)
		if unsure {
			b.WriteString("; " + textUnconfirmed)
		}
		b.WriteString("): bấm nút đó bên dưới.")
	}
	return b.String()
}

// textUnconfirmed marks an age the fact sheet does not confirm.
const textUnconfirmed = "thông tin chưa được xác nhận đầy đủ"

// programmeName is how a line names the programme of an entry titled
// title: in lower case ("trợ cấp hưu trí xã hội"), or quoted when the
// title opens with a proper name ("«Bắc Ninh hỗ trợ người từ 70 tuổi»").
func programmeName(title string) string {
	words := strings.Fields(title)
	if len(words) > 1 {
		if r, _ := utf8.DecodeRuneInString(words[1]); unicode.IsUpper(r) {
			return "«" + title + "»"
		}
	}
	r, n := utf8.DecodeRuneInString(title)
	return string(unicode.ToLower(r)) + title[n:]
}

// householdLabel names a category on the lists as the answers write it.
func householdLabel(h string) string {
	switch h {
	case HouseholdPoor:
		return "hộ nghèo"
	case HouseholdNearPoor:
		return "hộ cận nghèo"
	}
	return ""
}

// ageFact is en's named age fact, in whole years, and whether the fact
// sheet leaves it unconfirmed (Fact.Uncertain).
func ageFact(en *Entry, name string) (age int, unsure, ok bool) {
	f, ok := en.Fact(name)
	if !ok || f.Value == nil || *f.Value <= 0 {
		return 0, false, false
	}
	return int(*f.Value), f.Uncertain, true
}

// ageBound reports whether the number at syl[i] bounds the ages of a
// group of people ("người từ 70 tuổi", "từ đủ 75 tuổi", "đến dưới 75
// tuổi") rather than telling one person's age.
func ageBound(syl []string, i int) bool {
	p := func(k int) string {
		if i-k < 0 {
			return ""
		}
		return syl[i-k]
	}
	switch {
	case p(1) == "tu" || p(1) == "den":
		return true
	case p(1) == "du" && p(2) == "tu", p(1) == "duoi" && p(2) == "den":
		return true
	}
	return false
}

// ageTold returns the one age the folded syllables tell ("72 tuổi",
// "72t", "tuổi 72"), 0 when they tell none or two different ones ("bố 72
// tuổi, mẹ 68 tuổi" asks about two people); an age that bounds a group
// ("cho người từ 70 tuổi") is none.
func ageTold(syl []string) int {
	age := 0
	for i, x := range syl {
		n := 0
		switch {
		case strings.HasSuffix(x, "t") && isDigits(strings.TrimSuffix(x, "t")):
			n, _ = strconv.Atoi(strings.TrimSuffix(x, "t"))
		case isDigits(x) && i+1 < len(syl) && (syl[i+1] == "tuoi" || syl[i+1] == "t"):
			n, _ = strconv.Atoi(x)
		case isDigits(x) && i > 0 && syl[i-1] == "tuoi":
			n, _ = strconv.Atoi(x)
		}
		if n < 40 || n > 120 || ageBound(syl, i) {
			continue
		}
		if age != 0 && age != n {
			return 0
		}
		age = n
	}
	return age
}
