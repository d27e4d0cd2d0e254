package content

import (
	"fmt"
	"strconv"
	"strings"
)

// An entry whose people qualify by age states the general conditions:
// "từ đủ 75 tuổi; hoặc từ đủ 70 đến dưới 75 tuổi, thuộc hộ nghèo hoặc hộ
// cận nghèo". A citizen who tells the age and the household ("nhà tôi
// không nghèo, bố tôi 72 tuổi có được trợ cấp hưu trí xã hội không") asks
// whether they apply to that person, and got the conditions to work out
// alone. AgePoint works it out: the entry's age facts (age_min for
// everyone, age_min_poor for poor and near-poor households) against the
// age told and the household category named or denied, and points to
// another answer the entry leads to whose own age_min the person has
// reached (a province's own support by age).

// AgePoint is the line that leads en's answer to text, applying en's age
// conditions to the one age text tells; "" when en has no age condition,
// text tells no age or more than one.
func (kb *KB) AgePoint(en *Entry, text string, day Date) string {
	if en == nil {
		return ""
	}
	all, ok := ageFact(en, "age_min")
	if !ok {
		return ""
	}
	s, _ := kb.pool.Get().(*scratch)
	if s == nil {
		s = kb.newScratch()
	}
	defer kb.pool.Put(s)
	kb.weighRepaired(s, text)
	age := ageTold(s.syl)
	if age == 0 {
		return ""
	}
	lists := hhPoor | hhNearPoor
	own := kb.askedCategory(s) // reads s.ments
	var denied category
	for _, m := range s.ments {
		if m.denied {
			denied |= m.cat
		}
	}
	denied = outsideLists(denied)
	// in: the household is on the lists (poor or near-poor); out: it says
	// it is not, or names a category outside them.
	in := own&lists != 0
	out := !in && (own != 0 || denied&lists == lists)
	what := strings.ToLower(en.Title[:1]) + en.Title[1:]
	var b strings.Builder
	poor, hasPoor := ageFact(en, "age_min_poor")
	switch {
	case age >= all:
		fmt.Fprintf(&b, "Người %d tuổi: đủ tuổi hưởng %s (từ đủ %d tuổi), nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng.", age, what, all)
	case hasPoor && age >= poor && in:
		fmt.Fprintf(&b, "Người %d tuổi, thuộc %s: đủ tuổi hưởng %s (từ đủ %d tuổi với hộ nghèo, hộ cận nghèo), nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng.", age, own.label(), what, poor)
	case hasPoor && age >= poor && out:
		fmt.Fprintf(&b, "Người %d tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng %s; từ đủ %d tuổi mới được hưởng (nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng).", age, what, all)
	case hasPoor && age >= poor:
		fmt.Fprintf(&b, "Người %d tuổi: được hưởng %s nếu thuộc hộ nghèo hoặc hộ cận nghèo; nếu không thì từ đủ %d tuổi.", age, what, all)
	case hasPoor:
		fmt.Fprintf(&b, "Người %d tuổi: chưa đủ tuổi hưởng %s (từ đủ %d tuổi, hoặc từ đủ %d tuổi với hộ nghèo, hộ cận nghèo).", age, what, all, poor)
	default:
		fmt.Fprintf(&b, "Người %d tuổi: chưa đủ tuổi hưởng %s (từ đủ %d tuổi).", age, what, all)
	}
	// Another answer the entry leads to, of the same programme, for the
	// people from an age this person has reached: it may apply too.
	for _, id := range en.Next {
		o, ok := kb.EntryOn(id, day)
		if !ok || o.ID == en.ID || o.Topic != en.Topic {
			continue
		}
		from, ok := ageFact(o, "age_min")
		if !ok || age < from {
			continue
		}
		fmt.Fprintf(&b, "\nCó thể áp dụng: «%s» (từ %d tuổi", o.Title, from)
		if o.Certainty != Confirmed {
			b.WriteString("; thông tin chưa được xác nhận đầy đủ")
		}
		b.WriteString("): bấm nút đó bên dưới.")
	}
	return b.String()
}

// label names a single household category as the answers write it.
func (c category) label() string {
	switch c {
	case hhPoor:
		return "hộ nghèo"
	case hhNearPoor:
		return "hộ cận nghèo"
	}
	return ""
}

// ageFact is en's named age fact, in whole years.
func ageFact(en *Entry, name string) (int, bool) {
	f, ok := en.Fact(name)
	if !ok || f.Value == nil || *f.Value <= 0 {
		return 0, false
	}
	return int(*f.Value), true
}

// ageTold returns the one age the folded syllables tell ("72 tuổi",
// "72t", "tuổi 72"), 0 when they tell none or two different ones ("bố 72
// tuổi, mẹ 68 tuổi" asks about two people).
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
		if n < 40 || n > 120 {
			continue
		}
		if age != 0 && age != n {
			return 0
		}
		age = n
	}
	return age
}
