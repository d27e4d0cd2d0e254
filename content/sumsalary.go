package content

import (
	"fmt"
	"strings"
)

// The base salary asked for itself ("lương cơ sở hiện nay là bao nhiêu")
// got "I did not understand" until session 69: the matcher found an
// out-of-scope reading (a commercial loan) as strong as the social
// allowance's amount. The knowledge base holds the figure as a dated fact:
// base_salary of each version of the BHYT premium (key bhyt-premium), the
// version's window its effective dates and the fact's source the decree.
// baseSalary answers with the version in force on the day asked (or on the
// past day the message asks about), its first day and its source, and the
// version before it.

// baseSalaryOther are the words of a question about something else that
// names the base salary: the premium or an allowance reckoned from it, a
// civil servant's or a soldier's pay, the regional minimum wage, the
// poverty line. The matcher answers those.
var baseSalaryOther = []string{
	" bhyt ", " bao hiem ", " dong ", " nop ", " tro cap ", " tro giup ", " hoc bong ", " hoc phi ", " chi phi ",
	" ho tro ", " phan tram ", " can bo ", " cong chuc ", " vien chuc ", " luong huu ", " huu tri ", " giao vien ",
	" bo doi ", " quan doi ", " cong an ", " toi thieu vung ", " vung ", " doanh nghiep ", " cong ty ", " thai san ",
	" om dau ", " chuan ", " ngheo ", " he so ", " phu cap ", " vay ", " lai ",
}

// baseSalaryAsks are the ways a message asks the figure: how much, now,
// the latest, a rise, or what it is.
var baseSalaryAsks = []string{
	" bao nhieu ", " bn ", " may trieu ", " hien nay ", " hien tai ", " bay gio ", " moi nhat ", " moi ", " tang ",
	" nam nay ", " la gi ", " la sao ", " muc ",
}

// baseSalaryAsked reports whether the folded message, spaced at both ends,
// asks the base salary itself.
func baseSalaryAsked(folded string) bool {
	if !strings.Contains(folded, " luong co so ") {
		return false
	}
	for _, w := range baseSalaryOther {
		if strings.Contains(folded, w) {
			return false
		}
	}
	for _, w := range baseSalaryAsks {
		if strings.Contains(folded, w) {
			return true
		}
	}
	return false
}

// baseSalary is the sum answering a question about the base salary
// itself (baseSalaryAsked), from the base_salary facts of the premium's
// versions; ok is false when the message asks no such thing or no version
// states the figure.
func (kb *KB) baseSalary(text string, day Date) (Sum, bool) {
	folded := " " + strings.Join(kb.syllables(nil, text), " ") + " "
	if !baseSalaryAsked(folded) {
		return Sum{}, false
	}
	now, ok := kb.EntryOn(premiumEntry, day)
	if !ok {
		return Sum{}, false
	}
	f, ok := now.Fact("base_salary")
	if !ok {
		return Sum{}, false
	}
	var b strings.Builder
	var sources []string
	addSource := func(e *Entry, id string) {
		if src := sourceLabel(e, id); src != "" && !contains(sources, src) {
			sources = append(sources, src)
		}
	}
	if then, year, ok := kb.pastAsked(text, day); ok {
		when := fmt.Sprintf("năm %d", year)
		if year == 0 {
			when = "thời gian trước ngày " + then.AddDate(0, 0, 1).Format("02/01/2006")
		}
		switch old := kb.versionOn(now, then); {
		case old == now:
		case old == nil:
			fmt.Fprintf(&b, textSalaryNotThen, when, kb.firstFrom(now).Format("02/01/2006"))
			b.WriteString("\n\n")
		default:
			if of, ok := old.Fact("base_salary"); ok {
				fmt.Fprintf(&b, textSalaryThen, when, old.ValidFrom.Format("02/01/2006"), old.ValidUntil.Format("02/01/2006"), of.Text)
				b.WriteString("\n\n")
				addSource(old, of.Source)
			}
		}
	}
	fmt.Fprintf(&b, textSalaryNow, now.ValidFrom.Format("02/01/2006"), f.Text)
	addSource(now, f.Source)
	if prev := kb.versionOn(now, Date{now.ValidFrom.AddDate(0, 0, -1)}); prev != nil && prev != now && !strings.HasPrefix(b.String(), "📌") {
		if pf, ok := prev.Fact("base_salary"); ok {
			fmt.Fprintf(&b, "\n"+textSalaryBefore, prev.ValidFrom.Format("02/01/2006"), prev.ValidUntil.Format("02/01/2006"), pf.Text)
			addSource(prev, pf.Source)
		}
	}
	if y := yearAskedOn(kb.syllables(nil, text), day); y > 0 && kb.nextVersion(now, day) == nil {
		fmt.Fprintf(&b, "\n"+textSalaryLater, y)
	}
	if len(sources) > 0 {
		b.WriteString("\n📄 Căn cứ: " + strings.Join(sources, "; ") + ".")
	}
	return Sum{Topic: now.Topic, Entries: []string{now.ID}, Text: b.String(), whole: true}, true
}

// firstFrom is the first day of the earliest version of e's key.
func (kb *KB) firstFrom(e *Entry) Date {
	first := e.ValidFrom
	for _, o := range kb.byKey[e.Key] {
		if !o.ValidFrom.IsZero() && o.ValidFrom.Before(first.Time) {
			first = o.ValidFrom
		}
	}
	return first
}

// The base salary's lines: the version in force (its first day, the
// figure), the one before it, a past time asked about and a coming year.
const (
	textSalaryNow     = "Lương cơ sở (mức lương Nhà nước dùng để tính tiền đóng BHYT) từ ngày %s là %s."
	textSalaryBefore  = "Trước đó, từ ngày %s đến hết ngày %s: %s."
	textSalaryThen    = "📌 Ông/bà hỏi về %s: từ ngày %s đến hết ngày %s, lương cơ sở là %s. Mức hiện nay:"
	textSalaryNotThen = "📌 Ông/bà hỏi về %s: tôi chỉ có mức từ ngày %s; mức trước đó tôi không trả lời được (ông/bà hỏi UBND xã/phường). Mức hiện nay:"
	textSalaryLater   = "Năm %d: tôi chưa thấy văn bản thay đổi mức này."
)
