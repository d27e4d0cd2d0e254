package bot

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// FollowUpWindow is how long the last answer, or a question the bot asked
// back, gives a short message its context: "được bao nhiêu tiền" asks about
// the subject just answered (content.KB.InContext).
const FollowUpWindow = 30 * time.Minute

// dataHousehold prefixes the answer to "Hộ ông/bà là hộ nghèo, cận nghèo
// hay mới thoát nghèo?": "hh:near_poor:loan-near-poor" declares the
// category and asks for that entry's answer for it.
const dataHousehold = "hh:"

// categoryNone is the category of a household in no programme category.
const categoryNone = "none"

// Recent reports whether the dialog's last answer was given within
// FollowUpWindow before now.
func (d *Dialog) Recent(now time.Time) bool {
	return d.LastEntry != "" && !d.LastAt.IsZero() && !now.Before(d.LastAt) && now.Sub(d.LastAt) <= FollowUpWindow
}

// Remember records the entry just answered as the dialog's context. An
// answer about a benefit whose people have their own card (personCards)
// is kept as the conversation's Benefit until an answer of another topic.
func (d *Dialog) Remember(en *content.Entry, now time.Time) {
	switch {
	case personCards[en.ID] != "":
		d.Benefit = en.ID
	case en.Topic != d.LastTopic:
		d.Benefit = ""
	}
	d.LastTopic, d.LastEntry, d.LastAt, d.Given = en.Topic, en.ID, now, ""
	d.SumQuestion, d.SumCategory, d.SumEntry, d.Menu = "", "", "", ""
}

// category returns the household category the conversation named
// (Dialog.Category)
// while it is recent at now, or "".
func (d *Dialog) category(now time.Time) string {
	if d.Category == "" || now.Before(d.CategoryAt) || now.Sub(d.CategoryAt) > FollowUpWindow {
		return ""
	}
	return d.Category
}

// noteCategory records that the citizen's message named category h as the
// household's (content.KB.HouseholdIn), or that the conversation goes on
// while it is kept: it is kept for FollowUpWindow more.
func (d *Dialog) noteCategory(h string, now time.Time) {
	d.noteCategoryFor(h, "", now)
}

// noteCategoryFor is noteCategory for the household whom ("" the
// writer's own; "hộ bà Lan", conv.forOther).
func (d *Dialog) noteCategoryFor(h, whom string, now time.Time) {
	d.Category, d.CategoryAt, d.CategoryFor = h, now, whom
}

// category is the household category of a question that names none: the
// one this conversation named while it lasts, else the declared one. A
// question for another household (conv.forOther) has the category told
// for that household alone.
func (c *conv) category() string {
	if h := c.dialogCategory(); h != "" {
		return h
	}
	return c.declaredCategory()
}

// dialogCategory is the category the conversation named while it lasts,
// unless the message asks for another household than the one it was
// named for.
func (c *conv) dialogCategory() string {
	d := &c.user.Dialog
	if c.forOther != "" && d.CategoryFor != c.forOther {
		return ""
	}
	return d.category(c.now)
}

// declaredCategory is the writer's declared category, "" for a message
// asking for another household.
func (c *conv) declaredCategory() string {
	if c.forOther != "" {
		return ""
	}
	return c.user.Category
}

// pendingAsk returns the question the bot asked back if it is still open
// at now, and clears it: the message being handled answers it or moves on.
func (d *Dialog) pendingAsk(now time.Time) *AskBack {
	a := d.Ask
	d.Ask = nil
	if a == nil || now.Before(a.At) || now.Sub(a.At) > FollowUpWindow {
		return nil
	}
	return a
}

// inContext reads a short message in the context of the last answer or
// the question asked back (within FollowUpWindow), replacing the matcher's
// verdict r. bent reports that it did: the result already is the answer for
// the household, so the household step is skipped.
func (c *conv) inContext(text string, r content.Result) (_ content.Result, bent bool) {
	kb := c.e.KB()
	d := &c.user.Dialog
	if r.Urgent {
		d.Ask = nil
		return r, false // a danger is never read as a follow-up
	}
	if ask := d.pendingAsk(c.now); ask != nil && ask.Kind == AskHousehold {
		en, ok := kb.EntryOn(ask.Entry, c.day)
		h := kb.HouseholdIn(text)
		if only, said := householdOnly(kb, text); h == "" && said {
			// "nhà không nghèo": the button "Không thuộc diện nào".
			h = only
		}
		if ok && h != "" && len(strings.Fields(text)) < content.FollowUpMaxWords {
			if ask.For != "" {
				// The category of the household asked for, not the writer's.
				c.forOther = ask.For
				c.user.Dialog.noteCategoryFor(h, ask.For, c.now)
			} else {
				c.user.Category = h
			}
			en = c.forHousehold(en, h)
			if ask.Question != "" {
				// The other question of the message asked back about
				// (pressHousehold).
				c.besides = c.othersForHousehold(ask.Question, en.Topic, h)
			}
			return content.Result{Topic: en.Topic, Entry: en, Score: 1}, true
		}
		// "mẹ tôi 82 tuổi" asked which household for the BHYT card: the
		// card of that person (the elderly's), the programme in progress;
		// read alone it was the social pension.
		if fr, in := kb.InContext(text, en, c.day); ok && in && fr.Entry != nil && fr.Entry.ID != en.ID {
			return fr, true
		}
	}
	if prev, ok := kb.Entry(d.LastEntry); !d.Recent(c.now) || !ok || !programmeTopic(prev.Topic) {
		// "bà tôi 71 tuổi", then "nhà không nghèo", no answer between:
		// what turns on that age for such a household (read alone, the
		// disaster answer).
		if fr, ok := c.householdWithAge(text); ok {
			return fr, true
		}
	}
	if !d.Recent(c.now) {
		return r, false
	}
	if c.forOther != "" && d.CategoryFor != c.forOther && kb.HouseholdIn(text) == "" {
		// "tôi là trưởng thôn, nhà bà Lan cạnh nhà tôi muốn vay vốn thì
		// được bao nhiêu" after the writer's own near-poor loan: another
		// household, whose category is not known, read on its own (until
		// session 72 it went on with the writer's near-poor loan).
		return r, false
	}
	if d.Asking && len(d.Between) > 0 && d.Given != d.LastEntry {
		// The last reply asked between readings and the message picked
		// none of them (a pick is a choice, read before): it is read on
		// its own, not as a follow-up to the likeliest reading, which the
		// citizen never saw. Until session 71 "interest rate bn" after
		// "1. Đi làm việc ở nước ngoài / 2. Hộ cận nghèo vay tối đa bao
		// nhiêu?" got the rate of the loan for working abroad. A message
		// that places no programme alone (unknown, out of scope, or two
		// readings) but would go on from the readings asks between them
		// again: "mất bao nhiêu tiền" after the ask-back between the
		// poverty certificate and the tuition exemption got the
		// certificate's answer until session 71.
		if alone := r.Topic == content.TopicUnknown || r.Topic == content.TopicOutOfScope || len(r.Ambiguous) > 1; alone && len(d.Between) > 1 {
			if prev, ok := kb.EntryOn(d.LastEntry, c.day); ok {
				if _, in := kb.InContext(text, prev, c.day); in {
					if again, ok := c.readingsAgain(d.Between); ok {
						return again, true
					}
				}
			}
		}
		return r, false
	}
	day := c.followDay(d.LastEntry)
	if kb.TimeAsked(text, c.day) {
		// "còn năm nay" after the 2027 standard: a time named is
		// counted from today.
		day = c.day
	}
	prev, ok := kb.EntryOn(d.LastEntry, day)
	if !ok || prev.Urgent {
		// After an urgent answer a short message is no question about
		// it (afterAlarm takes a plea for help).
		return r, false
	}
	if fr, ok := c.householdFollow(text, prev); ok {
		// "nhà không nghèo" after the pension: that answer for such a
		// household (read alone, the disaster answer).
		return fr, true
	}
	if fr, ok := kb.InContext(text, prev, day); ok {
		if ar, ok := c.ageWithHousehold(text, prev, fr); ok {
			return ar, true
		}
		if fr.Entry == prev && content.AgeConditioned(prev) {
			// "còn bố tôi 80 tuổi thì sao" after the pension: the
			// answer for that person, led by what the age makes of it
			// (personInFollow), not the same answer again (until
			// session 66).
			if pr, ok := c.personInFollow(text, prev); ok {
				return pr, true
			}
		}
		c.again = fr.Entry == prev && d.Given == prev.ID
		return fr, true
	}
	if fr, ok := c.personInFollow(text, prev); ok {
		return fr, true
	}
	return r, false
}

// readingsAgain is the result that asks again between the readings of
// ids, the ask-back just sent; ok is false when one is no longer in force.
func (c *conv) readingsAgain(ids []string) (content.Result, bool) {
	kb := c.e.KB()
	var r content.Result
	for _, id := range ids {
		en, ok := kb.EntryOn(id, c.day)
		if !ok {
			return content.Result{}, false
		}
		r.Ambiguous = append(r.Ambiguous, content.Candidate{Entry: en})
	}
	r.Entry, r.Topic, r.Score = r.Ambiguous[0].Entry, r.Ambiguous[0].Entry.Topic, 0
	return r, true
}

// followDay is the day a follow-up to the answer of entry id is read on:
// the day that answer comes into force when it is a coming version the
// citizen asked for ("chuẩn nghèo năm 2027", then "còn thành thị" asks
// the 2027 urban standard, not today's), else today.
func (c *conv) followDay(id string) content.Date {
	if en, ok := c.e.KB().Entry(id); ok && !en.ValidOn(c.day) && en.ValidFrom.After(c.day.Time) {
		return en.ValidFrom
	}
	return c.day
}

// dependsOnHousehold reports whether the answer to text is en's family
// member for the citizen's household category: en is written per category
// and the message names none. households are the family's categories.
// A category the message says the household is not in ("nhà tôi không
// phải hộ nghèo") is not offered; when it denies all of them, households
// is empty, and the matcher's answer, which weighed that, stands. So too
// when en is written for a kind of person the message names: the matcher
// chose it for that person, whose own standing does not wait on the
// household's category.
func dependsOnHousehold(kb *content.KB, text string, en *content.Entry) (households []string, ok bool) {
	households = kb.FamilyHouseholds(en)
	if len(en.Households) == 0 || len(households) < 2 || kb.HouseholdIn(text) != "" {
		return nil, false
	}
	denied, forPerson := kb.HouseholdsDenied(text, en)
	if forPerson {
		// "Cháu tôi mồ côi cả bố lẫn mẹ, có được thẻ BHYT miễn phí
		// không", "con tôi bị khuyết tật, nhà không phải hộ nghèo, …":
		// the free card answers for the child (people on monthly social
		// assistance); asking the household's category first would send
		// a household in none to the premium everyone pays.
		return nil, false
	}
	return slices.DeleteFunc(households, func(h string) bool { return slices.Contains(denied, h) }), true
}

// askHouseholdText asks the household's category among households, the
// categories of en's family the message did not deny.
func askHouseholdText(kb *content.KB, en *content.Entry, households []string) string {
	if len(households) < len(kb.FamilyHouseholds(en)) {
		return textAskHouseholdLeft
	}
	return textAskHousehold
}

// answerForHousehold gives the answer written for the citizen's household
// when en depends on it (it belongs to a family of entries per household
// category) and the message named no category: the declared category picks
// the family member; with none declared the bot asks, with buttons.
func (c *conv) answerForHousehold(text string, en *content.Entry, score float64) error {
	kb := c.e.KB()
	households, depends := dependsOnHousehold(kb, text, en)
	if !depends {
		if m := c.generalForHousehold(text, en); m != nil {
			return c.give(m, score)
		}
		return c.give(en, score)
	}
	// The category this conversation named comes before the declared one:
	// "bố mẹ tôi là hộ cận nghèo …" then "còn thẻ bhyt thì sao" asks for
	// the parents, whatever the writer declared for their own household.
	if cat := c.dialogCategory(); cat != "" {
		switch {
		case slices.Contains(households, cat):
			return c.give(c.forHousehold(en, cat), score)
		case !slices.Contains(kb.FamilyHouseholds(en), cat):
			// A category the family has no answer for (an average-living
			// household asking about the poor households' loan) is in
			// none of its categories.
			return c.give(c.forHousehold(en, categoryNone), score)
		}
	}
	// An answer just given about a benefit whose people have their own
	// card comes before the declared category: the question is about
	// that person, not the writer's household.
	if m := c.personInContext(en); m != nil {
		return c.give(m, score)
	}
	if cat := c.declaredCategory(); cat != "" {
		return c.give(c.forHousehold(en, cat), score)
	}
	if len(households) == 0 {
		return c.give(en, score) // every category denied: en weighed that
	}
	households = c.generalCategories(text, en, households)
	c.user.Dialog.Misses = 0
	c.user.Dialog.Ask = &AskBack{Kind: AskHousehold, Entry: en.ID, Question: text, At: c.now, For: c.forOther}
	buttons := make([]Button, 0, len(households)+1)
	for _, h := range households {
		buttons = append(buttons, Button{Label: CategoryLabel(h), Data: dataHousehold + h + ":" + en.ID})
	}
	buttons = append(buttons, Button{Label: CategoryLabel(categoryNone), Data: dataHousehold + categoryNone + ":" + en.ID})
	ask := askHouseholdText(kb, en, households)
	if c.forOther != "" {
		ask = fmt.Sprintf(textAskHouseholdFor, strings.ToUpper(c.forOther[:1])+c.forOther[1:])
	}
	return c.reply(ask, buttons, logMeta{topic: en.Topic})
}

// generalCategories adds to households, the categories offered when
// asking back for en, the poor and near-poor categories the family answers
// with its general member (FamilyMember) and the message did not deny: who
// gets the electricity support is the poor household's answer, and the
// ask-back for "còn tiền điện thì sao" left "Hộ nghèo" out until session
// 71. The order is content.Households'.
func (c *conv) generalCategories(text string, en *content.Entry, households []string) []string {
	kb := c.e.KB()
	denied, _ := kb.HouseholdsDenied(text, en)
	out := make([]string, 0, len(content.Households))
	for _, h := range content.Households {
		switch {
		case slices.Contains(households, h):
			out = append(out, h)
		case (h == content.HouseholdPoor || h == content.HouseholdNearPoor) && !slices.Contains(denied, h) &&
			!slices.Contains(kb.FamilyHouseholds(en), h) && kb.FamilyMember(en, h, c.day) != nil:
			out = append(out, h)
		}
	}
	return out
}

// personCards are, for the answers about a benefit whose people the state
// buys a BHYT card for whatever their household, that card's answer: "mẹ
// tôi 76 tuổi không có lương hưu" (the social pension), then "thẻ bhyt
// của bà thì sao" asks about the card of a person on it, which the
// household's category does not decide.
var personCards = map[string]string{
	"social-pension":           "bhyt-elderly",
	"social-pension-apply":     "bhyt-elderly",
	"social-monthly-allowance": "bhyt-free-card",
	"social-allowance-amount":  "bhyt-free-card",
	"social-disability":        "bhyt-free-card",
	"social-orphan":            "bhyt-free-card",
}

// personInContext is, when en is answered per household category and the
// answer just given (within FollowUpWindow) is about a benefit whose
// people have their card of en's topic whatever the household
// (personCards), or goes on about one (Dialog.Benefit: the allowance's
// papers asked after it), that card's entry; nil otherwise. Until session
// 71 only the benefit's own answer counted: "còn thẻ bhyt của cháu" after
// the disability allowance and its papers asked the household's category
// (QA #9).
func (c *conv) personInContext(en *content.Entry) *content.Entry {
	d := &c.user.Dialog
	id, ok := personCards[d.LastEntry]
	if !ok {
		id, ok = personCards[d.Benefit]
	}
	if !ok || !d.Recent(c.now) {
		return nil
	}
	m, ok := c.e.KB().EntryOn(id, c.day)
	if !ok || m.Topic != en.Topic {
		return nil
	}
	return m
}

// generalForHousehold is, when en is the general member of a family of
// answers per household category (the list of loan programmes, who gets
// the electricity support) and text a bare question about its programme
// ("vay vốn thì sao"), the member for the household category this
// conversation named or the citizen declared: after "nhà tôi hộ nghèo",
// "vay vốn thì sao" asks about the poor household's loan. Nil when no
// category is known, the message names one or says more than the
// programme and its ask ("có những chương trình vay nào" wants the list),
// or the family has no member for the category.
func (c *conv) generalForHousehold(text string, en *content.Entry) *content.Entry {
	kb := c.e.KB()
	if en.Family == "" || len(en.Households) > 0 || kb.HouseholdIn(text) != "" {
		return nil
	}
	cat := c.category()
	if cat == "" || cat == categoryNone || !kb.Bare(text, en.Topic) {
		return nil
	}
	if m := kb.FamilyMember(en, cat, c.day); m != nil && m.ID != en.ID && len(m.Households) > 0 {
		return m
	}
	return nil
}

// pressHousehold handles "hh:CATEGORY:ENTRY": the category is recorded and
// the entry answered for it.
func (c *conv) pressHousehold(data string) error {
	cat, id, _ := strings.Cut(strings.TrimPrefix(data, dataHousehold), ":")
	if CategoryLabel(cat) == "" {
		return c.reply(textExpired, c.mainMenu(), logMeta{})
	}
	asked := c.user.Dialog.Ask
	c.user.Dialog.Ask = nil
	if asked != nil && asked.Entry == id && asked.For != "" {
		// Pressed for the household asked for (a neighbour), not the
		// writer's own.
		c.forOther = asked.For
		c.user.Dialog.noteCategoryFor(cat, asked.For, c.now)
	} else {
		c.user.Category = cat
	}
	kb := c.e.KB()
	en, ok := kb.EntryOn(id, c.day)
	if !ok {
		return c.remindersMenu(fmt.Sprintf(textCategorySet, strings.ToLower(CategoryLabel(cat))))
	}
	if asked != nil && asked.Entry == id && asked.Question != "" {
		// The question asked back about may be a sum ("vay 50 triệu
		// thì lãi mỗi tháng bao nhiêu"): the category answers it.
		if s, ok := SumFor(kb, asked.Question, kb.Match(asked.Question, c.day), c.day, cat); ok {
			return c.replySumKept(s, asked.Question, cat, "")
		}
	}
	// The answer to the citizen's own question, asked back about:
	// "Chưa đúng ý tôi" is offered under it as under any.
	c.asked = asked != nil && asked.Entry == id && asked.Question != ""
	if c.asked {
		// "vay vốn bao nhiêu và thẻ bhyt làm ở đâu": the other question
		// of the message asked back about is offered under its answer,
		// as it would have been without the ask-back.
		c.besides = c.othersForHousehold(asked.Question, en.Topic, cat)
	}
	return c.give(c.forHousehold(en, cat), 1)
}

// othersForHousehold are the other questions question asks besides topic
// (content.KB.OthersAsked), each answered for a household of category
// cat, the one told to the ask-back: the near-poor household's card
// beside its loan.
func (c *conv) othersForHousehold(question, topic, cat string) []*content.Entry {
	others := c.e.KB().OthersAsked(question, topic, c.day)
	for i, o := range others {
		if m := c.e.KB().FamilyMember(o, cat, c.day); m != nil {
			others[i] = m
		}
	}
	return others
}

// forHousehold is en's family member for a household of category cat, or
// its general one. A household in none of the categories whose family has
// no general entry gets en, and the answer says first whom it is for.
func (c *conv) forHousehold(en *content.Entry, cat string) *content.Entry {
	if m := c.e.KB().FamilyMember(en, cat, c.day); m != nil {
		return m
	}
	if cat == categoryNone && len(en.Households) > 0 {
		c.notFor = en.Households[0]
	}
	return en
}

// CategoryLabel is the Vietnamese name of a household category ID ("" for
// an unknown ID).
func CategoryLabel(id string) string {
	for _, k := range Categories {
		if k.ID == id {
			return k.Label
		}
	}
	return ""
}
