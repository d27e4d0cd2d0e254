package content

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// FollowUpFile is the vocabulary that tells a follow-up ("được bao nhiêu
// tiền") from a question of its own (content/kb/followup.tsv).
const FollowUpFile = "followup.tsv"

// FollowUpMaxWords: a message of this many words or more is a question of
// its own, never a follow-up.
const FollowUpMaxWords = 8

// Household categories, as entries' `households` and the vocabulary name
// them.
const (
	HouseholdPoor     = "poor"
	HouseholdNearPoor = "near_poor"
	HouseholdEscaped  = "escaped"
	HouseholdAverage  = "average"
)

// Households lists the categories an entry may be written for.
var Households = []string{HouseholdPoor, HouseholdNearPoor, HouseholdEscaped, HouseholdAverage}

// Kinds of follow-up vocabulary.
const (
	cueSubject   = "subject"
	cueAspect    = "aspect"
	cueHousehold = "household"
)

// vocabPhrase is one phrase of the follow-up vocabulary, as folded syllables.
type vocabPhrase struct {
	kind, name string
	syl        []string
}

// followVocab holds the follow-up phrases keyed by their first syllable.
type followVocab struct {
	byFirst map[string][]vocabPhrase
	// first tells most syllables that start no phrase without a look-up,
	// and at answers the others faster than the map: Match reads every
	// syllable of every message here (twoProgrammes), and most start none.
	first setFilter
	at    wordTable[[]vocabPhrase]
}

func parseFollowUp(data string, ex *expander) (*followVocab, []string) {
	v := &followVocab{byFirst: map[string][]vocabPhrase{}}
	var problems []string
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			problems = append(problems, FollowUpFile+":"+strconv.Itoa(n+1)+": want KIND<TAB>NAME<TAB>phrase; phrase; ...")
			continue
		}
		kind, name := cols[0], cols[1]
		switch {
		case kind != cueSubject && kind != cueAspect && kind != cueHousehold:
			problems = append(problems, fmt.Sprintf("%s:%d: unknown kind %q (subject, aspect or household)", FollowUpFile, n+1, kind))
			continue
		case kind == cueHousehold && !slices.Contains(Households, name):
			problems = append(problems, fmt.Sprintf("%s:%d: unknown household %q", FollowUpFile, n+1, name))
			continue
		}
		for _, p := range strings.Split(cols[2], ";") {
			syl := ex.syllables(nil, p)
			if len(syl) == 0 {
				continue
			}
			v.byFirst[syl[0]] = append(v.byFirst[syl[0]], vocabPhrase{kind: kind, name: name, syl: syl})
		}
	}
	v.first.build(maps.Keys(v.byFirst))
	v.at = newWordTable(v.byFirst)
	return v, problems
}

// cues are what the vocabulary finds in one message.
type cues struct {
	subject   bool
	subjects  []string
	aspects   []string
	household string
	// asked are the folded syllables of the aspect phrases found ("bao",
	// "nhieu" of "bao nhiêu"): what the message asks, not what it is about.
	asked []string
	// households counts the distinct categories named ("hộ nghèo, cận
	// nghèo" names two: no single category).
	households int
}

// longestAt returns the vocabulary's longest phrase that starts at syl[i],
// or nil.
func (v *followVocab) longestAt(syl []string, i int) *vocabPhrase {
	if !v.first.may(syl[i]) {
		return nil
	}
	var best *vocabPhrase
	starting, _ := v.at.get(syl[i])
	for j, p := range starting {
		if len(p.syl) <= len(syl)-i && slices.Equal(p.syl, syl[i:i+len(p.syl)]) && (best == nil || len(p.syl) > len(best.syl)) {
			best = &starting[j]
		}
	}
	return best
}

// scan finds the vocabulary's phrases in syl, the longest at each position.
func (v *followVocab) scan(syl []string) cues {
	var c cues
	for i := 0; i < len(syl); {
		best := v.longestAt(syl, i)
		if best == nil {
			i++
			continue
		}
		switch best.kind {
		case cueSubject:
			c.subject = true
			c.subjects = append(c.subjects, best.name)
		case cueAspect:
			c.asked = append(c.asked, best.syl...)
			if !slices.Contains(c.aspects, best.name) {
				c.aspects = append(c.aspects, best.name)
			}
		case cueHousehold:
			if c.household != best.name {
				c.households++
			}
			c.household = best.name
		}
		i += len(best.syl)
	}
	return c
}

// twoProgrammes returns the first programme syl names by the
// vocabulary's subject phrases, read as scan reads them, and whether it
// names another too; it allocates nothing, as Match runs it on every
// message.
func (v *followVocab) twoProgrammes(syl []string) (first string, two bool) {
	if v == nil {
		return "", false
	}
	for i := 0; i < len(syl); {
		best := v.longestAt(syl, i)
		if best == nil {
			i++
			continue
		}
		if best.kind == cueSubject && programme(best.name) {
			if first != "" && first != best.name {
				return first, true
			}
			first = best.name
		}
		i += len(best.syl)
	}
	return first, false
}

// AsksSomething reports whether text says what it is about: a programme
// subject, an aspect ("bao nhiêu", "giấy tờ gì") or a household category.
// "Gặp cán bộ", "alo có ai không" and "cảm ơn" do not; "cảm ơn cháu, thế
// bác cần mang theo giấy gì không" does.
func (kb *KB) AsksSomething(text string) bool {
	// Any rate phrase counts, "lại" included: this only tells a message
	// with something to pass on to an officer from a bare call for one.
	c := kb.fv.scan(kb.syllables(nil, text))
	if len(c.aspects) > 0 || c.households > 0 {
		return true
	}
	for _, s := range c.subjects {
		if s != TopicOfficer && s != TopicReminders {
			return true
		}
	}
	return false
}

// ProgrammeNamed returns the one programme topic text names by its words
// ("tôi muốn gặp cán bộ hỏi về vay vốn hộ nghèo": loan), "" when it names
// none or several. A request for an officer is filed under it.
func (kb *KB) ProgrammeNamed(text string) string {
	named, several := kb.programmesNamed(text)
	if several {
		return ""
	}
	return named
}

// namesSeveral reports whether text names more than one programme topic
// by the follow-up vocabulary's words.
func (kb *KB) namesSeveral(text string) bool {
	_, several := kb.programmesNamed(text)
	return several
}

// programmesNamed returns the first programme topic text names by the
// follow-up vocabulary's words and whether it names another one too.
func (kb *KB) programmesNamed(text string) (named string, several bool) {
	for _, s := range kb.fv.scan(kb.syllables(nil, text)).subjects {
		switch {
		case !programme(s):
		case named == "":
			named = s
		case named != s:
			return named, true
		}
	}
	return named, false
}

// namesProgramme reports whether text names topic by the follow-up
// vocabulary's words.
func (kb *KB) namesProgramme(text, topic string) bool {
	return programme(topic) && slices.Contains(kb.fv.scan(kb.syllables(nil, text)).subjects, topic)
}

// cuesOf returns what the follow-up vocabulary finds in text, and text's
// folded syllables. The rate is asked only where asksRate says so.
func (kb *KB) cuesOf(text string) (cues, []string) {
	syl := kb.syllables(nil, dropParticles(text))
	c := kb.fv.scan(syl)
	if slices.Contains(c.aspects, AspectRate) && !asksRate(text, syl) {
		c.aspects = slices.DeleteFunc(c.aspects, func(a string) bool { return a == AspectRate })
	}
	return c, syl
}

// asksRate reports whether the rate phrases found in a message are the
// interest: folded, "lãi" is "lại" too ("làm lại ở đâu" asks where to
// have the card made again). A message with marks asks the rate only with
// "lãi" or "phần trăm"; one without, not with a "lai" after a verb that
// "lại" follows ("lam lai", "cap lai", "hoi lai"; "tra lai" and "nop lai"
// are read as paying the interest).
func asksRate(text string, syl []string) bool {
	if hasMarks(text) {
		low := strings.ToLower(Clean(text))
		return strings.Contains(low, "lãi") || strings.Contains(low, "phần trăm")
	}
	for i, x := range syl {
		switch {
		case x == "phan" && i+1 < len(syl) && syl[i+1] == "tram":
			return true
		case x == "lai" && (i == 0 || !againAfter[syl[i-1]]):
			return true
		case x == "ls":
			// "ls bn": lãi suất bao nhiêu, as typed on a phone.
			return true
		}
	}
	return false
}

// againAfter are the folded verbs "lại" (again, back) follows.
var againAfter = map[string]bool{"lam": true, "con": true, "cap": true, "hoi": true, "gui": true, "di": true, "ve": true,
	"doi": true, "xin": true, "ky": true, "noi": true, "nhac": true, "viet": true, "mua": true, "xem": true, "in": true}

// HouseholdIn returns the household category text names ("" when it names
// none), as the matcher reads it: of several, the one the question is
// about ("trước là hộ nghèo, giờ lên cận nghèo, vay lãi bao nhiêu":
// near-poor); none that is denied ("nhà tôi không phải hộ nghèo"); also
// names the follow-up vocabulary lacks ("hộ cn", "hộ trung bình").
func (kb *KB) HouseholdIn(text string) string {
	return kb.askedHousehold(text)
}

// InContext reads a short message as the continuation of the previous
// answer prev: "được bao nhiêu tiền" after the housing answer asks for the
// housing amount, "còn hộ nghèo thì sao" after the near-poor BHYT answer
// asks for the poor household's BHYT. ok is false when text is not such a
// follow-up: it has FollowUpMaxWords words or more (followLength), names a subject of its
// own, or asks for neither an aspect nor a household category.
//
// The answer stays in prev's topic:
//   - a household category named: the entry of prev's family written for
//     it (prev itself when prev has no family);
//   - an amount, a rate, a cost or a duration asked, and a line of
//     prev's answer states it: prev again;
//   - otherwise the entries of the topic whose title carries the aspect
//     asked ("Giấy tờ cần chuẩn bị khi vay" for "cần giấy tờ gì"), the one
//     closest to the message read with prev's title;
//   - when none does, the message's own reading if it is sure
//     (aloneInContext), in prev's programme topic and shares a word of its
//     entry's title (titleShared); prev otherwise.
func (kb *KB) InContext(text string, prev *Entry, day Date) (Result, bool) {
	if prev == nil || !programme(prev.Topic) || kb.followLength(text) >= FollowUpMaxWords {
		// Only a programme's answer is continued: "được bao nhiêu" after
		// the lottery is its own message, not another outside subject, and
		// after a greeting or a thank-you it asks which programme.
		return Result{}, false
	}
	c, syl := kb.cuesOf(text)
	at, timed := timeAsked(syl, day)
	fs := facetsOf(withoutVocative(syl)) & (fcPersons | fcLevels)
	if c.subject && !kb.ownSubjectOnly(text, c, prev, day) || (len(c.aspects) == 0 && c.households == 0 && !timed && fs == 0) || scopeMarker(syl, nil) != "" {
		// A subject of its own, a programme's or an outside one ("giá
		// vàng hôm nay", "xổ số bao nhiêu"), makes it a question of its own.
		return Result{}, false
	}
	if timed {
		// "năm 2027 thì sao" after today's poverty standard: the version
		// of the same answer in force then, read whole (the citizen has
		// not seen it); the same version goes on like any follow-up.
		if v := kb.versionOn(prev, at); v != nil && v != prev {
			return Result{Topic: v.Topic, Entry: v, Score: 1}, true
		}
	}
	asks := c.households > 0 || len(c.aspects) > 0
	if i := slices.Index(kb.entries, prev); fs != 0 && i >= 0 && kb.facets[i]&fs == 0 {
		// A person or a school level named ("mẹ tôi 80 tuổi", "con tôi
		// học lớp 10", "nhà tôi dân tộc Tày") after an answer not written
		// for them: the entry of the same programme written for them, on
		// which what else the message asks goes on; none, and a message
		// that asks nothing more is read on its own.
		var cands []*Entry
		for i, e := range kb.entries {
			if e.Topic == prev.Topic && e.ValidOn(day) && kb.facets[i]&fs != 0 {
				cands = append(cands, e)
			}
		}
		best, ok := kb.closest(text+" "+prev.Title, cands)
		switch {
		case ok && !asks:
			return Result{Topic: best.Topic, Entry: best, Score: 1}, true
		case ok:
			prev = best
		case !asks && !timed:
			return Result{}, false
		}
	}
	same := Result{Topic: prev.Topic, Entry: prev, Score: 1}
	if c.households > 0 {
		if c.households == 1 {
			if e := kb.FamilyMember(prev, c.household, day); e != nil {
				if m := kb.amountFor(e, c, text, day); m != nil {
					return Result{Topic: m.Topic, Entry: m, Score: 1}, true
				}
				return Result{Topic: e.Topic, Entry: e, Score: 1}, true
			}
		}
		return same, true
	}
	if len(c.aspects) == 0 {
		return same, true // a time asked, and the answer is the same then
	}
	aspect := c.aspects[0]
	if aspect == AspectRate && prev.Topic != TopicLoan {
		// Only loans have a rate: "lãi bn ạ" after the near-poor
		// household's card, whose shares are in percent too, asks the
		// loan's rate, read on its own.
		return Result{}, false
	}
	if slices.Contains(stated, aspect) && anyLine(prev.Answer, aspectLine(aspect)) {
		return same, true
	}
	if aspect == AspectEarly {
		// "có phải trả trước hạn không" after the newly-escaped
		// household's loan asks about that loan: its answer tells what is
		// known, or Focus says it tells nothing (session 69; read alone it
		// was the monthly payment's answer).
		return same, true
	}
	if kb.titleAsks(prev, aspect) {
		return same, true
	}
	var siblings []*Entry
	for _, e := range kb.entries {
		if e.Topic == prev.Topic && e.ValidOn(day) && kb.titleAsks(e, aspect) {
			siblings = append(siblings, e)
		}
	}
	if len(siblings) > 1 {
		// Of several, the one the message read alone is sure of: "khi
		// nào xét" after the registration answer is the review's
		// calendar ("Lịch rà soát hộ nghèo hằng năm"), not when a
		// household leaves the list, whose title carries "khi nào" too
		// and which the words of both titles brought closer (until
		// session 71, QA #13).
		if r := kb.Match(text, day); r.Entry != nil && r.Alarm == "" && len(r.Ambiguous) == 0 && r.Score >= sureSibling && slices.Contains(siblings, r.Entry) {
			return Result{Topic: r.Topic, Entry: r.Entry, Score: 1}, true
		}
	}
	if best, ok := kb.closest(text+" "+prev.Title, siblings); ok {
		return Result{Topic: best.Topic, Entry: best, Score: 1}, true
	}
	// No title of the topic carries the aspect: the message read alone,
	// when that reading is sure, stays in prev's programme and shares a
	// word with its entry's title ("bao giờ thì được nhận tiền" after the
	// social pension: the payment day, "Ngày nhận tiền trợ cấp"; not "hồ
	// sơ gồm những gì" read as the review's "12 chỉ số thiếu hụt"), one
	// prev's title lacks: "vay" of «Vay vốn học sinh, sinh viên» is
	// «Vay vốn hộ nghèo»'s too, and "thế vay xong thì bao giờ phải trả
	// hết tiền" after it asks that loan's term (session 72). Read
	// alone it may ask back between topics; prev's topic settles that,
	// not a choice within it.
	if r := kb.Match(text, day); r.Topic == prev.Topic && programme(r.Topic) && r.Entry != nil && r.Alarm == "" &&
		r.Score >= aloneInContext && kb.titleShared(text, r.Entry) && (r.Entry.Key == prev.Key || kb.ownTitleWord(text, r.Entry, prev, nil)) &&
		!slices.ContainsFunc(r.Ambiguous, func(c Candidate) bool { return c.Entry.Topic == prev.Topic && c.Entry.Key != r.Entry.Key }) {
		return Result{Topic: r.Topic, Entry: r.Entry, Score: 1}, true
	}
	if aspectLine(aspect) == nil {
		// No title of the topic carries what is asked and no line of an
		// answer is known to state it ("ai xét" after the loan rates):
		// the message is read on its own, not answered with prev whole
		// again.
		return Result{}, false
	}
	return same, true
}

// withoutVocative is syl without the person it ends by addressing: "hả
// cháu", "nhé con", "bác ơi" close a question to the bot, and name no
// person it is about ("thế vay xong thì bao giờ phải trả hết tiền hả
// cháu" after the poor household's loan is no grandchild's student loan).
func withoutVocative(syl []string) []string {
	n := len(syl)
	switch {
	case n >= 2 && vocativeClose[syl[n-2]] && addressWord[syl[n-1]]:
		return syl[:n-1]
	case n >= 2 && syl[n-1] == "oi" && addressWord[syl[n-2]]:
		return syl[:n-2]
	}
	return syl
}

// vocativeClose are the folded particles that close a spoken question
// before the address; addressWord the folded words a speaker calls the
// bot by.
var (
	vocativeClose = map[string]bool{"ha": true, "nhe": true, "nhi": true, "a": true, "nha": true, "vay": true, "the": true, "day": true}
	addressWord   = map[string]bool{"chau": true, "con": true, "em": true, "anh": true, "chi": true, "co": true, "chu": true, "bac": true, "ong": true, "ba": true}
)

// followLength is how many words text counts for against
// FollowUpMaxWords: its words, or, for a message of up to twice as many,
// its syllables that are no filler of general.tsv (particles, the
// speaker's and the listener's names, "có", "phải", "rồi"). "thế vay xong
// thì bao giờ phải trả hết tiền hả cháu" after a loan's answer asks its
// term as "bao giờ phải trả" does; until session 72 its eleven words made
// it a question of its own (the student loan).
func (kb *KB) followLength(text string) int {
	n := len(strings.Fields(text))
	if n < FollowUpMaxWords || n >= 2*FollowUpMaxWords || kb.general == nil || kb.general.filler.empty() {
		return n
	}
	words := 0
	for _, s := range kb.syllables(nil, text) {
		if s != "" && !kb.general.filler.has([]string{s}) {
			words++
		}
	}
	return words
}

// amountFor is, when a follow-up naming a household category asks an
// amount and e, the answer for that household, states no sum of money,
// the entry of e's topic whose title asks the amount, for that household
// and stating a sum: "thế hộ nghèo thì được bao nhiêu" after the near-poor
// electricity answer asks the poor household's sum, which who gets the
// support (a rule in kWh) does not state (session 71). Nil otherwise.
func (kb *KB) amountFor(e *Entry, c cues, text string, day Date) *Entry {
	if len(c.aspects) == 0 || c.aspects[0] != AspectAmount || anyLine(e.Answer, money.MatchString) {
		return nil
	}
	var cands []*Entry
	for _, o := range kb.entries {
		if o != e && o.Topic == e.Topic && o.ValidOn(day) && kb.titleAsks(o, AspectAmount) &&
			(len(o.Households) == 0 || slices.Contains(o.Households, c.household)) && anyLine(o.Answer, money.MatchString) {
			cands = append(cands, o)
		}
	}
	best, ok := kb.closest(text+" "+e.Title, cands)
	if !ok {
		return nil
	}
	return best
}

// titleAsks reports whether en's title carries aspect ("Nhận tiền điện
// hỗ trợ khi nào, ở đâu" carries when and where): its answer is about it.
func (kb *KB) titleAsks(en *Entry, aspect string) bool {
	return slices.Contains(kb.fv.scan(kb.ex.syllables(nil, en.Title)).aspects, aspect)
}

// programme reports whether topic is one of the support programmes (the
// first eight topics), not the officer, reminders, small talk or out of
// scope.
func programme(topic string) bool {
	return slices.Contains(Topics[:slices.Index(Topics, TopicOfficer)], topic)
}

// titleShared reports whether text holds a word of en's title, compared
// with the marks when text has them: "hồ sơ" shares nothing with "chỉ số",
// though both fold to "so".
func (kb *KB) titleShared(text string, en *Entry) bool {
	fold := !hasMarks(text)
	title := titleWords(en.Title, fold)
	for _, w := range titleWords(text, fold) {
		if !titleFiller[w] && slices.Contains(title, w) {
			return true
		}
	}
	return false
}

// titleWords is s in lowercase words as a title and a question are
// compared (titleShared, ownTitleWord): cleaned, and folded when fold is
// set (the question was typed without marks).
func titleWords(s string, fold bool) []string {
	s = strings.ToLower(Clean(s))
	if fold {
		s = Fold(s)
	}
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// titleFiller are words a title may share with any question.
var titleFiller = map[string]bool{"được": true, "duoc": true, "có": true, "co": true, "của": true, "cua": true,
	"và": true, "va": true, "cho": true, "thì": true, "thi": true, "là": true, "la": true, "không": true, "khong": true}

// aloneInContext is the confidence a follow-up read alone needs to answer
// in prev's topic with another entry than prev (InContext).
var aloneInContext = 0.6

// sureSibling is the confidence a follow-up read alone needs to pick, of
// several entries whose titles carry the aspect it asks, its own reading
// (InContext).
var sureSibling = 0.9

// AspectAmount is the aspect of "bao nhiêu tiền", "vay được mấy triệu";
// AspectRate of "lãi bn", "lãi suất bao nhiêu": the loan limits state
// amounts but not the interest, which another entry gives. AspectCost is
// what the household pays ("có mất phí không", "mất tiền không"),
// AspectDuration how long ("trả trong bao lâu", "được mấy năm").
const (
	AspectAmount   = "amount"
	AspectRate     = "rate"
	AspectCost     = "cost"
	AspectDuration = "duration"
	// AspectWait is how long the application takes ("mất bao lâu",
	// "bao lâu thì được"), not how long a loan runs.
	AspectWait = "wait"
	// AspectEarly is repaying a loan before its term ("có phải trả trước
	// hạn không", "trả sớm được không"): asked after a loan's answer, it
	// is about that loan (InContext).
	AspectEarly = "early"
	// AspectStill is whether the programme goes on ("hết chưa", "còn hỗ
	// trợ không", "dừng chưa"): a line saying it goes on or ended answers
	// it, else the entry whose title asks it ("Giá điện tăng, còn hỗ trợ
	// không").
	AspectStill = "still"
	// AspectWho is who reviews or recognises ("ai xét", "ai công nhận"):
	// the entry whose title names it ("Các bước rà soát, ai công nhận").
	AspectWho = "who"
	// AspectForm is which form a letter or request is written on ("mẫu
	// đơn là mẫu nào", "theo mẫu gì"): the answer just given, when a line
	// of it names a letter or a form, answers it (its lines), else Focus
	// says it does not. Until session 72 "mẫu đơn là mẫu nào" after the
	// appeal was read on its own, as the school's papers.
	AspectForm = "form"
)

// stated are the aspects an answer may state in passing: the answer just
// given, when a line of it states the aspect (aspectLine), answers such a
// follow-up again.
var stated = []string{AspectAmount, AspectRate, AspectCost, AspectDuration, AspectStill, AspectForm}

// anyLine reports whether a line of answer, in lower case, passes test.
func anyLine(answer string, test func(string) bool) bool {
	for _, l := range strings.Split(answer, "\n") {
		if test(strings.ToLower(l)) {
			return true
		}
	}
	return false
}

// figure is an amount with its unit: "500.000 đồng", "6,6%", "4 triệu";
// rate one in percent.
var (
	figure = regexp.MustCompile(`\d[\d.,]*\s*(%|đồng|triệu|nghìn|ngàn)`)
	rate   = regexp.MustCompile(`\d[\d.,]*\s*%`)
)

// closest returns the entry among cands that scores best for text (ties:
// the first in file order).
func (kb *KB) closest(text string, cands []*Entry) (*Entry, bool) {
	if len(cands) == 0 {
		return nil, false
	}
	s := kb.newScratch()
	kb.score(s, text)
	best, bestScore := cands[0], -1.0
	for _, e := range cands {
		for i, x := range kb.entries {
			if x == e && s.scores[i] > bestScore {
				best, bestScore = e, s.scores[i]
			}
		}
	}
	return best, true
}

// FamilyMember returns the entry of en's family written for household, in
// force on day (en itself when it is written for household: a family may
// hold two entries for one category, "Vay vốn hộ cận nghèo" and "Hộ cận
// nghèo vay tối đa bao nhiêu"), or else the family's general entry (one
// that names no household); nil when en has no family or neither exists.
func (kb *KB) FamilyMember(en *Entry, household string, day Date) *Entry {
	if en == nil || en.Family == "" {
		return nil
	}
	if slices.Contains(en.Households, household) && en.ValidOn(day) {
		return en
	}
	var general *Entry
	for _, e := range kb.entries {
		if e.Family != en.Family || !e.ValidOn(day) {
			continue
		}
		if slices.Contains(e.Households, household) {
			return e
		}
		if len(e.Households) == 0 && general == nil {
			general = e
		}
	}
	return general
}

// FamilyHouseholds lists the categories en's family has an entry for, in
// the order of Households; nil when en has no family.
func (kb *KB) FamilyHouseholds(en *Entry) []string {
	if en == nil || en.Family == "" {
		return nil
	}
	var out []string
	for _, h := range Households {
		for _, e := range kb.entries {
			if e.Family == en.Family && slices.Contains(e.Households, h) {
				out = append(out, h)
				break
			}
		}
	}
	return out
}

// readFollowUp reads the follow-up vocabulary from fsys, or the embedded
// one when a content folder has none.
func readFollowUp(fsys fs.FS) ([]byte, error) {
	b, err := fs.ReadFile(fsys, FollowUpFile)
	if err == nil {
		return b, nil
	}
	if b, eerr := fs.ReadFile(Embedded(), FollowUpFile); eerr == nil {
		return b, nil
	}
	return nil, fmt.Errorf("read %s: %w", FollowUpFile, err)
}

// TimeAsked reports whether text names a time (timeAsked): a year, "sang
// năm", "năm nay", "bây giờ".
func (kb *KB) TimeAsked(text string, day Date) bool {
	_, ok := timeAsked(kb.syllables(nil, text), day)
	return ok
}

// timeAsked returns the day a follow-up asks about, when it names a time:
// the end of a coming year ("năm 2027", "sang năm": yearAsked) or of a
// past one ("năm 2025", "năm ngoái"), or today ("năm nay", "bây giờ",
// "hiện nay", this year by its number). The end of a year, because the
// latest rule of that year answers for it.
func timeAsked(syl []string, day Date) (Date, bool) {
	endOf := func(y int) Date { return Date{time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)} }
	today := day.Year()
	if y := yearAskedOn(syl, day); y > 0 {
		return endOf(y), true
	}
	for i, x := range syl {
		next := ""
		if i+1 < len(syl) {
			next = syl[i+1]
		}
		switch {
		case len(x) == 4 && x[0] == '2' && isDigits(x):
			y, _ := strconv.Atoi(x)
			if y == today {
				return day, true
			}
			if y < today && y >= today-laterYears {
				return endOf(y), true
			}
		case x == "nam" && (next == "ngoai" || next == "truoc") && !countedAfter(syl, i+2):
			return endOf(today - 1), true
		case x == "nam" && next == "nay", x == "bay" && next == "gio", x == "hien" && (next == "nay" || next == "tai" || next == "gio"),
			x == "luc" && next == "nay", x == "hom" && next == "nay":
			return day, true
		}
	}
	return Date{}, false
}
