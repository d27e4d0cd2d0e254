package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// What the check does with a reply that is not an answer but says the
// citizen does not know it ("không biết", "ko rõ", "chịu"): the question's
// own help (how to estimate it, what to type, what may be left out), the
// question again, and the check goes on. Read by the matcher, such a reply
// is a citizen who cannot use the bot and would open a ticket nobody asked
// for.

// dontKnowVerbs follow a negation in "không biết", "chưa rõ", "ko nhớ",
// "không chắc" (folded; "bt", "bik" are chat spellings of "biết").
var dontKnowVerbs = setOf("biet", "bt", "bik", "bit", "ro", "nho", "chac")

// dontKnowFiller are the words a "don't know" reply may carry besides the
// negation and the verb: who speaks, "cũng", "nữa", "chính xác", "bao
// nhiêu", "tính sao", politeness.
var dontKnowFiller = setOf(
	"toi", "tui", "em", "chau", "con", "minh", "ba", "ong", "bac", "co", "chu", "cung", "that", "nua", "a", "ah", "oi", "nhe",
	"nha", "day", "lam", "chinh", "xac", "duoc", "the", "nao", "bao", "nhieu", "tinh", "sao", "dau", "ca", "luon", "la", "gi",
	"may", "nguoi", "thu", "nhap", "cai", "nay", "do", "ro", "het", "ban", "tra", "loi", "kho", "qua",
)

// dontKnow reports whether text, the whole reply, says the citizen does
// not know the answer: a negation ("không", "chưa", a chat spelling of
// them) followed by "biết", "rõ", "nhớ" or "chắc", among a few filler
// words, or "chịu" alone.
func dontKnow(text string) bool {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	if words[0] == "chiu" && (len(words) == 1 || len(words) == 2 && dontKnowFiller[words[1]]) {
		return true
	}
	said := false
	for i := 0; i < len(words); i++ {
		w := words[i]
		if (w == "khong" || w == "chua" || w == "chang" || negations[w]) && i+1 < len(words) && dontKnowVerbs[words[i+1]] {
			said = true
			i++
			continue
		}
		if !dontKnowFiller[w] {
			return false
		}
	}
	return said
}

// checkHelp answers "không biết" to the current question: how to answer
// it, and the question again (with its buttons, which the area's answer
// needs). Where a figure is asked, an officer is offered in words: a
// numbered button there would read as the figure on Zalo.
func (c *conv) checkHelp() error {
	s := c.user.Check
	switch {
	case s.Step == stepArea:
		return c.askWith(textCheckHelpArea, Button{Label: labelOfficer, Data: dataCheckOfficer})
	case s.Step == stepMembers:
		return c.ask(textCheckHelpMembers)
	case s.Step == stepIncome:
		return c.ask(textCheckHelpIncome)
	case s.Step == stepFix:
		return c.leaveFix() // nothing to correct after all
	}
	return c.ask(textCheckHelpList) // the deprivations, the members' profiles
}

// checkOfficer is "Gặp cán bộ" pressed during the check: the check waits
// (Paused, "Tiếp tục kiểm tra" resumes it) while the bot asks what the
// officer should look at, as for any request that names no matter.
func (c *conv) checkOfficer() error {
	c.user.Check.Paused = true
	c.prevQuestion = ""
	return c.personWanted()
}

// unclearFor is the line before a question whose answer was not
// understood: what kind of answer it wants.
func unclearFor(step string) string {
	switch {
	case step == stepArea:
		return textCheckUnclearArea
	case step == stepMembers:
		return textCheckUnclearMembers
	case step == stepIncome:
		return textCheckUnclearIncome
	case step == stepFix:
		return textCheckFixUnclear
	}
	return textCheckUnclearList
}

// answersPending reports whether text, sent while the check is paused for
// a question on another subject, is plainly an answer to the question the
// check left open: a list of numbers where the deprivations or profiles
// are asked, a household size or an area in a few words, an amount that
// the matcher reads as no programme's question ("5 triệu", not "vay 50
// triệu").
func (c *conv) answersPending(text string) bool {
	s := c.user.Check
	short := len(strings.Fields(text)) <= 5
	switch {
	case s.Step == stepArea:
		return short && content.ReadArea(text) != ""
	case s.Step == stepMembers:
		n := content.ReadMembers(text)
		return short && n >= 1 && n <= content.MaxMembers
	case s.Step == stepIncome:
		if _, err := content.ParseAmount(text); err != nil || !short {
			return false
		}
		switch c.e.KB().Match(text, c.day).Topic {
		case content.TopicUnknown, content.TopicPovertyStatus, content.TopicSmalltalk, content.TopicOutOfScope:
			return true
		}
		return false
	}
	n := len(checkProfiles)
	if _, _, items, ok := c.currentGroup(); ok {
		n = len(items)
	}
	_, ok := readPicks(text, n)
	if !ok && s.Step == stepProfile {
		_, ok = profileWords(text) // "ông nhà tôi 72 tuổi"
	}
	return ok
}
