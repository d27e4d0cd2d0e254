package bot

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// What the citizen told in earlier messages of the chat, applied to a
// later one: the household's category alone ("nhà không nghèo" after the
// pension's answer: that answer for such a household, not the disaster
// answer the words read alone get), and each person's age ("bố em 71
// tuổi, mẹ 69", then "bố em có được trợ cấp 500k không" asks for a man of
// 71, "còn mẹ em thì sao" for a woman of 69, who is told she is not of
// age rather than "cũng áp dụng").

// ToldAge is the age the chat told for a person ("bố", "mẹ", "bà
// ngoại"), as the family word names them.
type ToldAge struct {
	Person string `json:"person"`
	Age    int    `json:"age"`
}

// householdWords are the words a message that only says the household's
// category may hold besides the category's own (folded): "nhà tôi không
// phải hộ nghèo", "không phải, ý tôi là hộ mới thoát nghèo", "thế nhà
// cận nghèo thì sao", "nhà bình thường".
var householdWords = map[string]bool{
	"nha": true, "toi": true, "tui": true, "minh": true, "em": true, "chau": true, "con": true, "cua": true,
	"ho": true, "ngheo": true, "can": true, "khong": true, "ko": true, "k": true, "phai": true, "thuoc": true,
	"dien": true, "binh": true, "thuong": true, "trung": true, "muc": true, "song": true, "tb": true, "moi": true,
	"thoat": true, "la": true, "thi": true, "sao": true, "vay": true, "the": true, "a": true, "nhe": true,
	"y": true, "hoi": true, "ma": true, "chi": true, "thoi": true, "o": true, "da": true, "va": true,
}

// householdOnly returns the household category text says and whether it
// says nothing else: a category named (content.KB.HouseholdIn) or none
// (content.HouseholdNone: "nhà không nghèo"), in a short message of
// householdWords.
func householdOnly(kb *content.KB, text string) (string, bool) {
	text = afterNo(text)
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > 10 {
		return "", false
	}
	for _, w := range words {
		if !householdWords[w] {
			return "", false
		}
	}
	_, h := kb.AgeTold(text)
	return h, h != ""
}

// householdFollow reads text, when it only says the household's category
// (householdOnly), as asking prev, the answer just given, for that
// household: prev's family member for it, or prev led by what the age of
// the person the chat told makes of it for that household (an answer that
// turns on age: "bà tôi 71 tuổi" then "nhà không nghèo" is under the
// pension's 75), or prev itself. ok is false when text is no such
// message.
func (c *conv) householdFollow(text string, prev *content.Entry) (content.Result, bool) {
	kb := c.e.KB()
	h, ok := householdOnly(kb, text)
	if !ok || prev == nil || !programmeTopic(prev.Topic) {
		return content.Result{}, false
	}
	c.user.Dialog.noteCategory(h, c.now)
	if content.AgeConditioned(prev) {
		if _, age, ok := c.user.Dialog.lastAge(c.now); ok {
			c.lead = c.ageLead(prev, age, h)
			return content.Result{Topic: prev.Topic, Entry: prev, Score: 1}, true
		}
	}
	if len(kb.FamilyHouseholds(prev)) > 0 {
		en := c.forHousehold(prev, h)
		return content.Result{Topic: en.Topic, Entry: en, Score: 1}, true
	}
	// An answer the household's category does not change: the part of it
	// for that household, or the answer said to be the same (focus).
	c.again = c.user.Dialog.Given == prev.ID
	return content.Result{Topic: prev.Topic, Entry: prev, Score: 1}, true
}

// householdWithAge reads text, when it only says the household's
// category (householdOnly) and the chat told a person's age with no
// answer since, as asking about that person: the answer that turns on age
// which the person, the age and the household read together get, led by
// what the age makes of it for that household. ok is false otherwise.
func (c *conv) householdWithAge(text string) (content.Result, bool) {
	kb := c.e.KB()
	h, ok := householdOnly(kb, text)
	if !ok {
		return content.Result{}, false
	}
	person, age, ok := c.user.Dialog.lastAge(c.now)
	if !ok {
		return content.Result{}, false
	}
	ar := kb.Match(fmt.Sprintf("%s %d tuổi, %s", person, age, text), c.day)
	if ar.Alarm != "" || ar.Urgent || ar.Entry == nil || !programmeTopic(ar.Topic) || len(ar.Ambiguous) > 1 || !content.AgeConditioned(ar.Entry) {
		return content.Result{}, false
	}
	c.user.Dialog.noteCategory(h, c.now)
	c.lead = c.ageLead(ar.Entry, age, h)
	return content.Result{Topic: ar.Topic, Entry: ar.Entry, Score: 1}, true
}

// ageWithHousehold reads a follow-up that only tells a person's age
// ("bố tôi 73 tuổi"), which InContext took from prev to fr, another
// entry, with the household the conversation named: the answer that age
// and household read together get, when it turns on age in prev's topic,
// led by what the age makes of it. After the disability allowance the
// near-poor father of 73 is the social pension's, not the province's
// support from 70 that the allowance's title is closest to. Without a
// household the reading of fr stands.
func (c *conv) ageWithHousehold(text string, prev *content.Entry, fr content.Result) (content.Result, bool) {
	h := c.category()
	if fr.Entry == nil || fr.Entry == prev || h == "" || len(peopleIn(text)) > 1 {
		return content.Result{}, false
	}
	age, ok := ageIn(text)
	if !ok || len(strings.Fields(text)) > 6 {
		return content.Result{}, false
	}
	kb := c.e.KB()
	ar := kb.Match(text+", nhà "+strings.ToLower(CategoryLabel(h)), c.day)
	if ar.Alarm != "" || ar.Urgent || ar.Entry == nil || ar.Topic != prev.Topic || len(ar.Ambiguous) > 1 || !content.AgeConditioned(ar.Entry) || ar.Entry == fr.Entry {
		return content.Result{}, false
	}
	c.lead = c.ageLead(ar.Entry, age, h)
	if kb.WrittenFor(prev, kb.FacetsTold(c.user.Dialog.story(c.now))) {
		// What the chat told before still counts: its answer is
		// offered first.
		c.other = prev
	}
	return content.Result{Topic: ar.Topic, Entry: ar.Entry, Score: 1}, true
}

// noteAges records the ages text tells for the people it names ("bố em
// 71 tuổi, mẹ 69"), each read by the age readers on the words from the
// person up to the next one: content.KB.AgeTold ("71 tuổi"), else ageIn
// for an elder's age right after the person ("mẹ 69"). A person told
// again takes the new age; the ages are kept for FollowUpWindow from the
// last told.
func (c *conv) noteAges(text string) {
	d := &c.user.Dialog
	for _, p := range peopleIn(text) {
		age, _ := c.e.KB().AgeTold(p.words)
		if age == 0 {
			if n, ok := ageIn(p.head); ok && n >= 40 {
				age = n
			}
		}
		if age == 0 {
			continue
		}
		d.noteAge(p.name, age, c.now)
	}
}

// noteAge records that the chat told person's age at now.
func (d *Dialog) noteAge(person string, age int, now time.Time) {
	if d.AgesAt.IsZero() || now.Before(d.AgesAt) || now.Sub(d.AgesAt) > FollowUpWindow {
		d.Ages = nil
	}
	d.Ages = slices.DeleteFunc(d.Ages, func(a ToldAge) bool { return a.Person == person })
	d.Ages = append(d.Ages, ToldAge{Person: person, Age: age})
	d.AgesAt = now
}

// ageOf is the age the chat told for person, while recent.
func (d *Dialog) ageOf(person string, now time.Time) (int, bool) {
	if d.AgesAt.IsZero() || now.Before(d.AgesAt) || now.Sub(d.AgesAt) > FollowUpWindow {
		return 0, false
	}
	for _, a := range d.Ages {
		if a.Person == person {
			return a.Age, true
		}
	}
	return 0, false
}

// lastAge is the person whose age the chat told last, and that age,
// while recent.
func (d *Dialog) lastAge(now time.Time) (string, int, bool) {
	if len(d.Ages) == 0 {
		return "", 0, false
	}
	a := d.Ages[len(d.Ages)-1]
	if _, ok := d.ageOf(a.Person, now); !ok {
		return "", 0, false
	}
	return a.Person, a.Age, true
}

// personSpan is a person a message names: the family word's name ("bố",
// "bà ngoại"), the message's words from it up to the next person, and
// the first of those words (the person, whose it is, a number: "mẹ 69",
// "bố em 71").
type personSpan struct {
	name, words, head string
}

// peopleIn splits text at the people it names (family words, as a
// follow-up naming a person reads them: personMarked, personFolded). A
// family word right after another is part of the same person ("bố em",
// "bà ngoại", "ông nội"). Unmarked "ba" names no one.
func peopleIn(text string) []personSpan {
	raw := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	low := strings.ToLower(text)
	marked := content.Fold(low) != low
	var out []personSpan
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		s := personSpan{name: personName(raw, start, marked), words: strings.Join(raw[start:end], " ")}
		s.head = strings.Join(raw[start:min(end, start+3)], " ")
		if s.name != "" {
			out = append(out, s)
		}
	}
	for i, w := range raw {
		f := content.Fold(w)
		if !isPersonWord(f) || i > 0 && isPersonWord(content.Fold(raw[i-1])) {
			continue
		}
		if w == "con" && !marked || w == "còn" {
			continue // "còn" (folded "con") opens a follow-up
		}
		flush(i)
		start = i
	}
	flush(len(raw))
	return out
}

// personName names the person whose family word is raw[i] ("bà
// ngoại" with the word after it when that says which side), "" when the
// word is unmarked "ba".
func personName(raw []string, i int, marked bool) string {
	w, f := raw[i], content.Fold(raw[i])
	name := ""
	switch n, ok := personMarked[w]; {
	case ok && (w != f || marked):
		name = n
	default:
		name = personFolded[f]
	}
	if name == "" {
		return ""
	}
	if i+1 < len(raw) {
		if side := content.Fold(raw[i+1]); side == "noi" || side == "ngoai" {
			name += " " + personFolded[side]
		}
	}
	return name
}

// withToldAge is text, a question about one person that tells no age
// ("bố em có được trợ cấp 500k không"), with the age the chat told for
// them ("bố 71 tuổi, bố em có được …"), and the matcher's reading of it,
// when that reading is an answer that turns on age in the topic of r, the
// reading of text alone: the question is answered as if asked in one
// message. ok is false otherwise.
func (c *conv) withToldAge(text string, r content.Result) (string, content.Result, bool) {
	people := peopleIn(text)
	if len(people) != 1 || (r.Entry == nil || !programmeTopic(r.Topic)) && r.Topic != content.TopicUnknown {
		return "", content.Result{}, false
	}
	kb := c.e.KB()
	if age, _ := kb.AgeTold(text); age != 0 {
		return "", content.Result{}, false
	}
	if _, ok := ageIn(people[0].head); ok {
		return "", content.Result{}, false
	}
	age, ok := c.user.Dialog.ageOf(people[0].name, c.now)
	if !ok {
		return "", content.Result{}, false
	}
	q := fmt.Sprintf("%s %d tuổi, %s", people[0].name, age, text)
	ar := kb.Match(q, c.day)
	// A question not understood alone ("bà không có lương hưu" after
	// "bà cụ 80 tuổi") is taken when the age makes it one.
	if ar.Alarm != "" || ar.Urgent || ar.Entry == nil || ar.Topic != r.Topic && r.Topic != content.TopicUnknown || len(ar.Ambiguous) > 1 || !content.AgeConditioned(ar.Entry) {
		return "", content.Result{}, false
	}
	return q, ar, true
}

// storyMax bounds the message kept as the chat's story (Dialog.Story).
const storyMax = 300

// noteStory keeps text as the chat's story when it tells of a person of
// the family ("con tôi", "bố tôi") whom the questions are for
// (content.KB.FacetsTold) and is short enough. A programme asked for
// someone unnamed ("vay vốn học sinh sinh viên") is no story: the next
// question ("BHYT hộ cận nghèo") is the household's.
func (c *conv) noteStory(text string) {
	if len([]rune(text)) > storyMax || len(peopleIn(text)) == 0 || c.e.KB().FacetsTold(text) == 0 {
		return
	}
	c.user.Dialog.Story, c.user.Dialog.StoryAt = text, c.now
}

// story is the chat's story, while recent.
func (d *Dialog) story(now time.Time) string {
	if d.Story == "" || d.StoryAt.IsZero() || now.Before(d.StoryAt) || now.Sub(d.StoryAt) > FollowUpWindow {
		return ""
	}
	return d.Story
}

// withToldStory reads a question that tells nothing of whom it is for
// with the chat's story before it: "con tôi năm nay thi đại học", "nhà hộ
// nghèo", then "vay được không" asks the student loan, not the poor
// household's; "bố tôi … liệt nửa người", then "bố tôi có được trợ cấp gì
// không" the disability allowance, not the allowances in general. The
// reading with the story is taken when it is an entry of the same topic
// written for what the story tells, sure and no ask-back, and the answer
// in progress is not already one (a follow-up goes on with it). A person
// named that the story does not name (the mother, after the son's
// school) leaves the question alone.
func (c *conv) withToldStory(text string, r content.Result) (content.Result, bool) {
	d := &c.user.Dialog
	story := d.story(c.now)
	if story == "" || story == text || r.Entry == nil || !programmeTopic(r.Topic) {
		return content.Result{}, false
	}
	kb := c.e.KB()
	fs := kb.FacetsTold(story)
	if fs == 0 || kb.FacetsTold(text) != 0 || kb.WrittenFor(r.Entry, fs) {
		return content.Result{}, false
	}
	if last, ok := kb.Entry(d.LastEntry); ok && d.Recent(c.now) && kb.WrittenFor(last, fs) && last.Topic == r.Topic {
		return content.Result{}, false
	}
	told := map[string]bool{}
	for _, p := range peopleIn(story) {
		told[p.name] = true
	}
	for _, p := range peopleIn(text) {
		if !told[p.name] {
			return content.Result{}, false
		}
	}
	sr := kb.Match(story+". "+text, c.day)
	if sr.Alarm != "" || sr.Urgent || sr.Entry == nil || sr.Topic != r.Topic || len(sr.Ambiguous) > 1 || !kb.WrittenFor(sr.Entry, fs) {
		return content.Result{}, false
	}
	d.StoryAt = c.now
	return sr, true
}

// noWords are the folded words of a clause that only says "no" to the
// answer just given ("không,", "ko phải,", "sai rồi,", "nhầm,").
var noWords = map[string]bool{"khong": true, "ko": true, "k": true, "kg": true, "phai": true, "dung": true, "chua": true,
	"sai": true, "nham": true, "roi": true, "a": true, "da": true, "thua": true, "la": true}

// afterNo is text without a first clause that only says no ("không, hộ
// nghèo" is "hộ nghèo"): the "không" answers the reply before, it does not
// deny the category named after the comma (until session 71 it did, and
// the correction got the answer for a household in no category). Text
// itself when it has no such clause or nothing follows it.
func afterNo(text string) string {
	i := strings.IndexAny(text, ",.;!")
	if i <= 0 {
		return text
	}
	head, rest := text[:i], strings.TrimLeft(text[i:], ",.;! ")
	words := strings.Fields(content.Fold(head))
	if len(words) == 0 || !hasWords(rest) || words[0] != "khong" && words[0] != "ko" && words[0] != "k" && words[0] != "kg" && words[0] != "sai" && words[0] != "nham" {
		return text
	}
	for _, w := range words {
		if !noWords[w] {
			return text
		}
	}
	return rest
}
