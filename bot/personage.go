package bot

import (
	"fmt"
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

// awaitAge is the state after the age question:
// "age:<entry>|<person>|<household told with the person, if any>".
const awaitAge = "age:"

// textAskAge asks the person's age (%s: the person).
const textAskAge = "Dạ, %s năm nay bao nhiêu tuổi? Điều kiện của chính sách này tùy theo tuổi."

// ageHousehold is the household category the age told in text is read
// with: the one text tells (content.KB.AgeTold: "72, nhà không nghèo"),
// else told, the one the follow-up that named the person told, else the
// one this conversation named or the citizen declared (conv.category).
func (c *conv) ageHousehold(text, told string) string {
	if _, h := c.e.KB().AgeTold(text); h != "" {
		return h
	}
	if told != "" {
		return told
	}
	return c.category()
}

// ageLead is the line leading en's answer for a person age years old of
// household: content's reader of an age against an entry's age facts
// (content.KB.AgeLine), the same line a question telling the age and the
// household at once gets (content.KB.AgePoint). Until session 67 the bot
// read the ages out of the answer's text and worded them its own way.
func (c *conv) ageLead(en *content.Entry, age int, household string) string {
	return c.e.KB().AgeLine(en, age, household, c.day)
}

// agePoint is the line leading en's answer to text, which tells an age
// (content.KB.AgePoint): its household is the one text tells, else the
// conversation's (ageHousehold), as when the age is told in a chat.
func (c *conv) agePoint(en *content.Entry, text string) string {
	if !content.AgeConditioned(en) {
		return ""
	}
	age, _ := c.e.KB().AgeTold(text)
	return c.ageLead(en, age, c.ageHousehold(text, ""))
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

// askAge asks who's age, needed for en's answer, and waits for it;
// household is the category the follow-up told, if any.
func (c *conv) askAge(who, household string, en *content.Entry) error {
	d := &c.user.Dialog
	d.Remember(en, c.now)
	d.Awaiting = awaitAge + en.ID + "|" + who + "|" + household
	return c.reply(fmt.Sprintf(textAskAge, who), nil, logMeta{topic: en.Topic, entry: en.ID})
}

// ageGiven answers the age question (askAge) with the answer it was asked
// for, led by what the age makes of it (conv.ageLead). Anything else ends the
// wait and is read as any message.
func (c *conv) ageGiven(state, text string) (bool, error) {
	d := &c.user.Dialog
	d.Awaiting = ""
	id, rest, _ := strings.Cut(strings.TrimPrefix(state, awaitAge), "|")
	who, told, _ := strings.Cut(rest, "|")
	age, ok := ageIn(text)
	if !ok || strings.HasPrefix(text, "/") {
		return false, nil
	}
	en, found := c.e.KB().EntryOn(id, c.day)
	if !found {
		return false, nil
	}
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	d.noteAge(strings.TrimSuffix(who, " của ông/bà"), age, c.now)
	c.lead = c.ageLead(en, age, c.ageHousehold(text, told))
	return true, c.give(en, 1)
}
