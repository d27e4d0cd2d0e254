package bot

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// A computed sum (loan interest, the household's BHYT share) is the
// conversation's subject as an answer is: "còn hộ cận nghèo thì sao"
// after the poor household's interest on 50 triệu asks the same interest
// for a near-poor household, "còn 1 năm thì sao" the same over a year.
// Read alone, those messages got the poverty-review calendar or the
// near-poor household's list of benefits, and lost the figure.

// textSumAgain leads a sum sent again: the follow-up asks what it told.
const textSumAgain = "Dạ, như tôi vừa tính:"

// sum answers text with the computed sum it asks for (SumFor), for the
// household category it names or this conversation's, and keeps the sum
// as the conversation's subject.
func (c *conv) sum(text string, r content.Result) (bool, error) {
	kb := c.e.KB()
	cat := c.category()
	s, ok := SumFor(kb, text, r, c.day, cat)
	if !ok {
		return false, nil
	}
	if h := kb.HouseholdIn(text); h != "" {
		cat = h
	}
	// "… 4 người đóng bhyt bao nhiêu, vay vốn lãi bao nhiêu": the other
	// questions are offered under the sum as under an answer.
	c.besides = kb.OthersAsked(text, s.Topic, c.day)
	return true, c.replySumKept(s, text, cat, "")
}

// replySumKept sends the sum s and keeps what it answered: question, the
// household category cat it was computed for and, for a sum that answered
// a follow-up about an answer, that answer's entry.
func (c *conv) replySumKept(s content.Sum, question, cat, entry string) error {
	if err := c.replySum(s); err != nil {
		return err
	}
	d := &c.user.Dialog
	// The sum's first entry is the answer a follow-up it does not answer
	// goes on about ("cần giấy tờ gì" after the interest: the loan's
	// papers); the citizen has not read that answer.
	d.LastAt, d.Given, d.Menu = c.now, "", ""
	d.SumQuestion, d.SumCategory, d.SumEntry = question, cat, entry
	return nil
}

// sumFollowUp answers a short follow-up (followsOn) to the sum the bot
// gave last, within FollowUpWindow, with that sum asked again as the
// follow-up changes it: for the household category it names ("còn hộ
// nghèo thì sao", "nhà tôi cận nghèo"), over a year ("còn 1 năm thì
// sao"). A follow-up asking the figure again ("bao nhiêu tiền") gets the
// same sum, said to be the same. One that changes nothing a sum computes
// ("cần giấy tờ gì"), or names a household no sum is computed for ("còn
// hộ mới thoát nghèo" after the BHYT share: the newly escaped household's
// card), goes on about the sum's entry like any follow-up.
//
// With no sum given last, a follow-up asking an amount or a cost about
// the answer just given gets the sum that answers it (content.KB.EntrySum):
// "được bao nhiêu tiền" after the near-poor household's card, which states
// shares and no figure, gets the share each member pays.
func (c *conv) sumFollowUp(text string, r content.Result) (bool, error) {
	d := &c.user.Dialog
	if done, err := c.capsAdded(text, r); done || err != nil {
		return done, err
	}
	if !d.Recent(c.now) || !c.followsOnFigures(text, r) && !amountAlone(text) {
		return false, nil
	}
	kb := c.e.KB()
	if d.SumQuestion == "" {
		en, ok := kb.EntryOn(d.LastEntry, c.day)
		if !ok {
			return false, nil
		}
		cat := kb.HouseholdIn(text)
		if cat == "" && len(en.Households) == 1 {
			cat = en.Households[0]
		}
		if cat == "" {
			cat = c.category()
		}
		if s, ok := kb.EntrySum(en, c.withMembersTold(text), c.day, cat); ok {
			return true, c.replySumKept(s, text, cat, en.ID)
		}
		if own, ok := kb.EntryOn(premiumOwn[d.category(c.now)], c.day); ok && en.Topic == content.TopicHealthInsurance && kb.HouseholdIn(text) == "" {
			// "nhà tôi hộ cận nghèo", then "bao nhiêu" after the card's
			// renewal: the share that household pays, as after its own
			// card's answer. Until session 70 "bao nhiêu" got what the
			// fund pays (QA #9).
			if s, ok := kb.EntrySum(own, c.withMembersTold(text), c.day, d.category(c.now)); ok {
				return true, c.replySumKept(s, text, d.category(c.now), own.ID)
			}
		}
		// "60 triệu thì 1 năm bao nhiêu" after a loan's answer: the
		// interest on that sum, as "vay 60 triệu thì 1 năm bao nhiêu
		// tiền lãi" gets it, for the loan in progress.
		if q, ok := loanSumQuestion(kb, text, en); ok {
			if s, ok := kb.SumAs(q, c.day, cat); ok && s.Covers(en) {
				return true, c.replySumKept(s, q, cat, "")
			}
		}
		if en.Topic == content.TopicLoan && amountAlone(text) {
			// "5 triệu" after the student loan, whose interest is no
			// sum computed: the part of the answer on how much may be
			// borrowed.
			c.again = d.Given == en.ID
			return true, c.focus(amountAsked, en, 1)
		}
		// "vay 30 triệu hộ nghèo", then "lãi bn ạ": the two messages ask
		// the interest on the loan the answer between them is about. Not
		// "vay được tối đa bao nhiêu", which asks the limit.
		if c.prevQuestion == "" || !kb.AsksRate(text) {
			return false, nil
		}
		q := text + " " + c.prevQuestion
		s, ok := kb.Sum(q, c.day, c.category())
		if h := kb.HouseholdIn(text); h != "" {
			s, ok = kb.SumAs(q, c.day, h)
		}
		if !ok || !s.Covers(en) {
			return false, nil
		}
		if cat = kb.HouseholdIn(text); cat == "" {
			cat = cmp.Or(kb.HouseholdIn(c.prevQuestion), c.category())
		}
		return true, c.replySumKept(s, q, cat, "")
	}
	if kb.AsksOther(text) {
		// "hộ cận nghèo được hưởng gì": a question of its own, which
		// goes on about the sum's entry at most.
		return false, nil
	}
	cat := d.SumCategory
	if h := kb.HouseholdIn(text); h != "" {
		cat = h
	}
	s, ok := c.sumAgain(text, cat)
	if !ok {
		return false, nil
	}
	question := strings.TrimSpace(text + " " + d.SumQuestion)
	if was, _ := c.sumAgain("", d.SumCategory); was.Text == s.Text {
		// "còn 1 năm thì sao" after the yearly sum too: a figure the
		// sum already reads for is asked again, as is the amount.
		if !kb.AsksAmount(text) && !strings.ContainsAny(text, "0123456789") {
			return false, nil
		}
		s.Text = textSumAgain + "\n\n" + s.Text
		question = d.SumQuestion
	}
	// The question kept is the follow-up with what it follows: "bao
	// nhiêu tiền" after "còn 1 năm thì sao" asks the year's sum again.
	return true, c.replySumKept(s, question, cat, d.SumEntry)
}

// followsOnFigures is followsOn for a follow-up that tells the figures of
// a sum: the numbers it tells ("5 người", "60 triệu", "1 năm") do not
// count against its length, so that "ca nha 5 nguoi thi dong bao nhieu"
// after the near-poor household's card is read as one (it was read on
// its own, and got that answer again).
func (c *conv) followsOnFigures(text string, r content.Result) bool {
	if c.followsOn(text, r) {
		return true
	}
	words := strings.Fields(text)
	kept := words[:0:0]
	for i, w := range words {
		if strings.Trim(w, "0123456789.,") != "" || i+1 == len(words) || !figureUnits[content.Fold(strings.ToLower(words[i+1]))] {
			kept = append(kept, w)
		}
	}
	return len(kept) < len(words) && !opensCheck(text, r) && c.followsOn(strings.Join(kept, " "), r)
}

// figureUnits are the words after a number that make it a sum's figure
// (folded): people, money, a period. Not "lớp 8", a school year.
var figureUnits = map[string]bool{"nguoi": true, "khau": true, "nhan": true, "trieu": true, "tr": true, "nghin": true,
	"ngan": true, "k": true, "ty": true, "ti": true, "dong": true, "nam": true, "thang": true}

// withMembersTold is text, a follow-up asking a sum, with the message
// before it when text tells no household size and that message does
// ("nhà tôi cận nghèo, 4 người", then "cả nhà 1 năm hết bao nhiêu"): the
// sum is computed for the household told, as for the two in one message.
func (c *conv) withMembersTold(text string) string {
	if content.ReadSaid(text).Members > 0 || c.prevQuestion == "" || c.prevSeen.IsZero() || c.now.Sub(c.prevSeen) > FollowUpWindow {
		return text
	}
	if n := content.ReadSaid(c.prevQuestion).Members; n < 1 || n > content.MaxMembers {
		return text
	}
	return text + " " + c.prevQuestion
}

// loanSumQuestion is, for text, a follow-up to the loan answer en asking
// how much a sum of money comes to ("60 triệu thì 1 năm bao nhiêu"), the
// question the interest sum reads ("vay 60 triệu thì 1 năm bao nhiêu
// tiền lãi"); ok is false when en is no loan or text asks no amount.
func loanSumQuestion(kb *content.KB, text string, en *content.Entry) (string, bool) {
	if en.Topic != content.TopicLoan || !kb.AsksAmount(text) && !amountAlone(text) {
		return "", false
	}
	if said := content.ReadSaid(text); said.Income == nil || said.Income.VND < 1_000_000 {
		return "", false // no sum of money told ("vay được bao nhiêu 1 tháng")
	}
	q := text
	if !slices.Contains(strings.Fields(content.Fold(text)), "vay") {
		q = "vay " + q
	}
	if !kb.AsksAmount(text) {
		// The sum alone: asked of the loan the answer is about, named by
		// its title, so that a loan with a rate of its own (clean water)
		// is not computed at a household category's.
		return strings.ToLower(en.Title) + ", " + q + " thì tiền lãi bao nhiêu", true
	}
	return q + " tiền lãi", true
}

// amountAsked is how a sum of money sent alone after a loan's answer is
// read when no interest is computed for it: as asking how much may be
// borrowed.
const amountAsked = "vay được bao nhiêu tiền"

// amountWords are the folded words a message telling only a sum of money
// may hold besides its figures: the units, "vay", and the particles
// around them ("tầm 50 triệu thôi ạ").
var amountWords = setOf("trieu", "tr", "nghin", "ngan", "k", "ty", "ti", "dong", "vay", "tam", "khoang",
	"chung", "thoi", "a", "nhe", "nha", "muon", "can", "toi", "em", "minh")

// amountAlone reports whether text tells a sum of money (a million or
// more) and nothing else: "50 triệu" sent alone after a loan's answer
// asks about borrowing that sum (read alone, it was the consumer loans'
// refusal).
func amountAlone(text string) bool {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ',' && r != '.' })
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		if !amountWords[w] && strings.IndexFunc(w, unicode.IsDigit) < 0 {
			return false
		}
	}
	said := content.ReadSaid(text)
	return said.Income != nil && said.Income.VND >= 1_000_000
}

// sumAgain computes the last sum again for a household of category cat,
// with text, a follow-up, read before the question it follows: what the
// follow-up says ("1 năm") comes first.
func (c *conv) sumAgain(text, cat string) (content.Sum, bool) {
	kb := c.e.KB()
	d := &c.user.Dialog
	q := strings.TrimSpace(text + " " + d.SumQuestion)
	if d.SumEntry == "" {
		return kb.SumAs(q, c.day, cat)
	}
	en, ok := kb.EntryOn(d.SumEntry, c.day)
	if !ok {
		return content.Sum{}, false
	}
	return kb.EntrySum(en, q, c.day, cat)
}

// followsOn reports whether text, read by the matcher as r, may go on
// about the conversation's subject: a short message that names no
// programme but the subject's own, and is no danger, no request for an
// officer or a reminder and no household check. "còn thẻ bhyt thì sao"
// after the loan's interest changes the subject.
func (c *conv) followsOn(text string, r content.Result) bool {
	if len(strings.Fields(text)) >= content.FollowUpMaxWords || r.Urgent || r.Alarm != "" {
		return false
	}
	switch r.Topic {
	case content.TopicOfficer, content.TopicReminders:
		return false
	}
	if p := c.e.KB().ProgrammeNamed(text); p != "" && p != c.user.Dialog.LastTopic {
		return false
	}
	return !opensCheck(text, r)
}

// showMenu records that the bot listed topic's questions: the topic is
// the conversation's subject, and no answer is (inMenu).
func (d *Dialog) showMenu(topic string, now time.Time) {
	d.LastTopic, d.LastEntry, d.LastAt, d.Given = topic, "", now, ""
	d.SumQuestion, d.SumCategory, d.SumEntry, d.Menu = "", "", "", topic
}

// inMenu reads a short follow-up (followsOn) to the list of a programme's
// questions the bot showed last, within FollowUpWindow, as a question
// about that programme: the message with the programme's name, when the
// matcher reads that surely in the programme. "Hỗ trợ nhà ở" (the menu),
// then "nhà tôi là hộ cận nghèo" asks about housing for a near-poor
// household, not what a near-poor household gets in general. r stands
// otherwise.
func (c *conv) inMenu(text string, r content.Result) content.Result {
	d := &c.user.Dialog
	topic := d.Menu
	if topic == "" || c.now.Before(d.LastAt) || c.now.Sub(d.LastAt) > FollowUpWindow || !c.followsOn(text, r) {
		return r
	}
	m := c.e.KB().Match(text+" "+content.TopicTitles[topic], c.day)
	if m.Topic != topic || m.Entry == nil || m.Alarm != "" || len(m.Ambiguous) > 1 {
		return r
	}
	return m
}

// capsAdded answers "làm cả giếng và nhà vệ sinh thì được bao nhiêu"
// after the clean-water loan, whose cap is per kind of work, with both
// caps added (until session 68 an ask-back between it and the housing
// support): the answer just given states a cap per kind (capPerKind), the
// message asks an amount for two kinds (bothKinds), and reads as that
// answer, as one of its ask-back or as nothing.
func (c *conv) capsAdded(text string, r content.Result) (bool, error) {
	d := &c.user.Dialog
	if !d.Recent(c.now) || r.Alarm != "" || r.Urgent || !bothKinds(text) {
		return false, nil
	}
	kb := c.e.KB()
	en, ok := kb.EntryOn(d.LastEntry, c.day)
	if !ok || !kb.AsksAmount(text) {
		return false, nil
	}
	line, v, owner, ok := capPerKind(kb, en)
	if !ok {
		return false, nil
	}
	read := r.Topic == content.TopicUnknown || r.Entry == en || r.Entry == owner
	for _, a := range r.Ambiguous {
		read = read || a.Entry == en || a.Entry == owner
	}
	if !read {
		return false, nil
	}
	return true, c.replyCapsAdded(en, line, v)
}

// textCapsAdded leads the answer to a question about two kinds of work at
// once under a cap per kind (%s: the cap, twice the cap, the cap's
// figure).
const textCapsAdded = "Dạ, làm cả hai loại công trình: mỗi loại được vay tối đa %s, cả hai tối đa %s (%s × 2)."

// capPerKind returns the line of en's answer stating a cap for each kind
// ("25 triệu đồng cho mỗi loại công trình"), the cap, and the entry whose
// cap it is: en's own "cap" fact, or a fact of en restating another
// entry's (the same figure from the same source: the disaster housing
// answer's "tối đa 25 triệu đồng mỗi loại công trình" is the clean-water
// loan's cap). That loan's is the only cap per kind in the knowledge
// base; five answers restate it (session 69; until then only the loan's
// own answer added both caps).
func capPerKind(kb *content.KB, en *content.Entry) (string, int64, *content.Entry, bool) {
	if f, ok := en.Fact("cap"); ok && f.Value != nil {
		if line, ok := perKindLine(en, f.Text); ok {
			return line, int64(*f.Value), en, true
		}
	}
	for _, f := range en.Facts {
		line, ok := perKindLine(en, f.Text)
		if !ok {
			continue
		}
		src, _ := en.Source(f.Source)
		for _, o := range kb.Entries() {
			cap, ok := o.Fact("cap")
			if o == en || !ok || cap.Value == nil || cap.Text != f.Text {
				continue
			}
			if s, _ := o.Source(cap.Source); s.URL == "" || s.URL != src.URL {
				continue
			}
			if _, ok := perKindLine(o, cap.Text); ok {
				return line, int64(*cap.Value), o, true
			}
		}
	}
	return "", 0, nil, false
}

// perKindLine returns the line of en's answer stating figure for each kind
// of work ("mỗi loại").
func perKindLine(en *content.Entry, figure string) (string, bool) {
	if figure == "" {
		return "", false
	}
	for _, line := range strings.Split(en.Answer, "\n") {
		if strings.Contains(line, figure) && strings.Contains(line, "mỗi loại") {
			return strings.TrimSpace(line), true
		}
	}
	return "", false
}

// bothKinds reports whether text asks about two kinds at once: "cả hai",
// "2 loại", or "cả" with "và" ("làm cả giếng và nhà vệ sinh").
func bothKinds(text string) bool {
	key := " " + wordsKey(text) + " "
	for _, s := range []string{" ca hai ", " ca 2 ", " 2 loai ", " hai loai ", " 2 cong trinh ", " hai cong trinh "} {
		if strings.Contains(key, s) {
			return true
		}
	}
	i := strings.Index(key, " ca ")
	return i >= 0 && strings.Contains(key[i:], " va ")
}

// replyCapsAdded answers a question about both kinds under en's cap per
// kind v (its line, line): both caps added, then that line of the answer.
func (c *conv) replyCapsAdded(en *content.Entry, line string, v int64) error {
	figure := strings.TrimSuffix(content.FormatVND(v), " đồng")
	lead := fmt.Sprintf(textCapsAdded, content.FormatVND(v), content.FormatVND(2*v), figure)
	c.user.Dialog.Misses = 0
	c.user.Dialog.Remember(en, c.now)
	c.user.Dialog.Given = en.ID
	whole := Button{Label: labelWhole, Data: dataEntry + en.ID}
	return c.reply(lead+"\n\n"+en.RenderPart(line), append([]Button{whole}, c.answerButtons(en)...), logMeta{topic: en.Topic, entry: en.ID, score: 1})
}

// premiumOwn is the card's entry of each household category the premium
// sum is computed for.
var premiumOwn = map[string]string{content.CatPoor: "bhyt-free-card", content.CatNearPoor: "bhyt-near-poor"}
