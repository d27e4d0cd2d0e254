package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// focusWhat names, in textFocusNone, what a follow-up asked about.
var focusWhat = map[string]string{
	content.AspectAmount:   "số tiền",
	content.AspectRate:     "lãi suất",
	content.AspectCost:     "chi phí",
	content.AspectDuration: "thời hạn",
	content.AspectWait:     "thời gian giải quyết",
	"when":                 "thời gian",
	"where":                "nơi làm, nơi hỏi",
	"how":                  "cách làm",
	"documents":            "giấy tờ cần chuẩn bị",
	content.AspectEarly:    "việc trả nợ trước hạn",
	content.AspectStill:    "việc chính sách còn áp dụng hay đã dừng",
	content.AspectWho:      "người xét, người công nhận",
	content.AspectForm:     "mẫu đơn, mẫu giấy",
}

// sureAlone is the score at which a message's own reading answers it
// when the answer just given says nothing of the household it names
// (focus).
const sureAlone = 0.9

// focus answers a follow-up that the answer just given answers again
// ("mấy tiền" after the housing support, "nhà tôi hộ nghèo" after the
// housing loan for poor households), or a message whose own reading is
// that answer ("vay được tối đa bao nhiêu" after the poor household's
// loan): rather than the same long answer a second time, the part of it
// the message asks for, with its sources and a button for the whole
// answer, or the whole answer said to be the same. When the answer does
// not tell what a follow-up asks, the reply says so, offers the officer
// and the closest other entries, and the message goes on the content
// team's unanswered list (docs/architecture.md §4, "Asked again").
func (c *conv) focus(text string, en *content.Entry, score float64) error {
	kb := c.e.KB()
	f := kb.Focus(text, en, c.followDay(en.ID))
	// A coming year asked, and no version of the answer for it: no
	// change is known, which leads the reply.
	unchanged := ""
	if f.Year > 0 {
		unchanged = fmt.Sprintf(textFocusUnchanged, f.Year)
	}
	if f.Kind != content.FocusWhole && c.prevQuestion != "" && sameWords(text, c.prevQuestion) {
		// The same question sent again, as an elderly citizen does when
		// the answer has scrolled away: the answer again, whole. Until
		// session 71 "hộ nghèo được hỗ trợ gì" sent twice got "câu trả lời
		// … ở trên là dành cho hộ nghèo ạ" (QA pass 71 #18).
		f.Kind = content.FocusWhole
	}
	if f.Kind == content.FocusPart && f.Part == strings.TrimSpace(en.Answer) {
		// Every paragraph holds a line stating what was asked ("nhà tôi
		// là hộ cận nghèo" after the housing support, which names the
		// near-poor twice): the part is the whole answer.
		f.Kind = content.FocusWhole
	}
	if f.Cueless && saysNew(text, c.prevQuestion+" "+en.Title+" "+en.Answer) {
		// A follow-up naming nothing the answer states ("không có giấy
		// chuyển viện thì sao" after the BHYT coverage: "giấy", "viện"
		// are in neither the answer nor the question) got that whole
		// answer again, "Dạ, như tôi vừa trả lời:" (until session 70):
		// it is told the answer does not say, with the officer.
		f.Kind, f.Part = content.FocusNone, nextStepOf(en.Answer)
	} else if f.Kind == content.FocusWhole || f.Kind == content.FocusNone && !c.again {
		// A message read on its own that the matcher answers with the
		// answer just given is never told that answer lacks what it asks:
		// the matcher chose it for the whole message.
		// A line already leading it (the age the chat told: "bà không
		// có lương hưu" after "bà cụ 80 tuổi") says what the answer makes
		// of the question, better than "as I just answered".
		c.lead = cmp.Or(unchanged, c.lead, textFocusWhole)
		return c.give(en, score)
	}
	if f.Kind == content.FocusNone && f.Household != "" && programmeTopic(en.Topic) && !slices.Contains(foldedWords(text), "gi") {
		// "hộ cận nghèo có được không" after where the electricity
		// support is paid: the programme's own answer for that household
		// (the electricity for near-poor households), not what the
		// household gets in general (until session 70, QA #10). "hộ
		// nghèo thì được những gì" asks that, and is read below.
		if own := householdEntry(kb, en, f.Household, c.day); own != nil {
			return c.give(own, score)
		}
	}
	if f.Kind == content.FocusNone && f.Household != "" {
		// A household named after an answer that says nothing of it,
		// in a message that read on its own has a sure answer of another
		// entry ("hộ nghèo được gì" after the savings group's steps: what
		// a poor household gets): that answer, rather than "it says
		// nothing of that household". An aspect the answer lacks ("có
		// phải trả trước hạn không" after a loan) is still said to be
		// missing from it.
		if alone := kb.Match(text, c.day); alone.Entry != nil && alone.Entry != en && alone.Alarm == "" &&
			len(alone.Ambiguous) == 0 && programmeTopic(alone.Entry.Topic) && alone.Score >= sureAlone {
			return c.give(alone.Entry, alone.Score)
		}
	}
	if f.Household != "" {
		// "nhà tôi hộ cận nghèo" after the card's renewal: the household
		// the conversation is about, for what is asked next ("bao
		// nhiêu": its share of the premium). Until session 70 it was
		// quoted and forgotten (QA #9).
		c.user.Dialog.noteCategory(f.Household, c.now)
	}
	c.user.Dialog.Misses = 0
	c.user.Dialog.Remember(en, c.now)
	c.user.Dialog.Given = en.ID
	whole := Button{Label: labelWhole, Data: dataEntry + en.ID}
	meta := logMeta{topic: en.Topic, entry: en.ID, score: score}
	switch f.Kind {
	case content.FocusPart:
		reply := fmt.Sprintf(textFocusPart, en.Title) + "\n\n" + en.RenderPart(f.Part)
		if unchanged != "" {
			reply = unchanged + "\n\n" + reply
		}
		return c.reply(reply, append([]Button{whole}, c.answerButtons(en)...), meta)
	case content.FocusFor:
		reply := fmt.Sprintf(textFocusFor, en.Title, strings.ToLower(CategoryLabel(f.Household))) + "\n\n" + f.Part
		return c.reply(reply, append([]Button{whole}, c.answerButtons(en)...), meta)
	}
	what, ok := focusWhat[f.Aspect]
	if !ok {
		what = "điều ông/bà hỏi"
	}
	lead := fmt.Sprintf(textFocusNone, en.Title, what)
	if f.Household != "" {
		lead = fmt.Sprintf(textFocusNoneFor, en.Title, strings.ToLower(CategoryLabel(f.Household)))
	}
	alts := kb.Alternatives(text+" "+en.Title, c.day, en, 2)
	ids := []string{en.ID}
	var buttons []Button
	for _, a := range alts {
		ids = append(ids, a.ID)
		buttons = append(buttons, Button{Label: a.Title, Data: dataEntry + a.ID})
	}
	if err := c.record(UnansweredUnknown, text, ids, ""); err != nil {
		return err
	}
	buttons = append(buttons, whole, Button{Label: labelOfficer, Data: dataOfficer}, Button{Label: labelMenu, Data: dataMenu})
	reply := lead + "\n\n" + f.Part
	return c.reply(reply, buttons, meta)
}

// nextStepOf returns the last paragraph of answer, its next step.
func nextStepOf(answer string) string {
	paras := strings.Split(strings.TrimSpace(answer), "\n\n")
	return paras[len(paras)-1]
}

// saysNew reports whether text holds a word, read folded, that known
// (the question before, the answer's title and text) has not and that is
// no filler of a follow-up.
func saysNew(text, known string) bool {
	have := map[string]bool{}
	for _, w := range foldedWords(known) {
		have[w] = true
	}
	for _, w := range foldedWords(text) {
		if len(w) >= 3 && !have[w] && !followFiller[w] {
			return true
		}
	}
	return false
}

// followFiller are the words of a follow-up that say nothing of its
// matter.
var followFiller = map[string]bool{
	"khong": true, "thi": true, "sao": true, "the": true, "nao": true, "con": true, "duoc": true, "vay": true,
	"roi": true, "nhu": true, "toi": true, "minh": true, "nha": true, "chua": true, "nua": true, "cho": true,
	"hoi": true, "em": true, "anh": true, "chi": true, "bac": true, "oi": true, "nhe": true, "voi": true, "luon": true,
	"phai": true, "lam": true, "sau": true, "truong": true, "hop": true, "neu": true, "ma": true, "vang": true,
	// An area, which answers name as "thành thị", "nông thôn".
	"pho": true, "que": true, "thon": true, "lang": true,
}

// householdEntry returns the entry of en's topic written for household, in
// a family of per-household answers (content.KB.FamilyMember), in force on
// day; nil when there is none or more than one family has one.
func householdEntry(kb *content.KB, en *content.Entry, household string, day content.Date) *content.Entry {
	if m := kb.FamilyMember(en, household, day); m != nil && m != en && slices.Contains(m.Households, household) {
		return m
	}
	var found *content.Entry
	for _, e := range kb.Entries() {
		if e.Topic != en.Topic || e.Family == "" || e == en || !e.ValidOn(day) || !slices.Contains(e.Households, household) {
			continue
		}
		if found != nil && found.Family != e.Family {
			return nil
		}
		if found == nil {
			found = e
		}
	}
	return found
}
