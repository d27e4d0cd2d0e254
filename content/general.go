package content

import (
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strconv"
	"strings"
)

// A bare question names only a programme and what it asks: "vay bao
// nhiêu", "thẻ bhyt làm ở đâu", "miễn học phí cho ai", "tiền điện bao
// giờ có". Elderly citizens open a chat that way. Such a question is about
// the programme in general, but the entry choice, which tells entries
// apart by the words they do not share, has nothing to go on and falls on
// whatever entry one of the few words leans to (the loan abroad for "vay
// bao nhiêu", the lost card for "thẻ bhyt làm ở đâu"). The content team
// names, per topic and per kind of ask (asks.go), the entry written for
// everyone (kb/general.tsv); a bare question gets it. A message naming a
// household category, a person or a school level, or any word outside the
// programme's own, the filler words and the ask's words, is not bare and is
// answered as before.

// GeneralFile holds the programmes' words and their general entries.
const GeneralFile = "general.tsv"

// bareMaxSyllables: a message this long or longer is never bare.
const bareMaxSyllables = 16

// generalNone is the general table's column for a bare question that asks
// nothing the ask kinds name ("vay vốn được không").
const generalNone = "none"

// generalTable is kb/general.tsv read.
type generalTable struct {
	// words are, by topic, the programme's phrases; filler the phrases
	// any bare question may carry.
	words  map[string]*coverSet
	filler *coverSet
	// namesNone: the phrases that name no one programme (fillerOnly):
	// the filler phrases that are no topic's phrase too, and the phrases
	// two topics or more share.
	namesNone *coverSet
	// entries are, by topic, the general entry's id per ask kind (bit
	// index), and for asks of no kind.
	entries map[string]*generalEntries
	// household is the question about the asker's own household ("nhà
	// tôi được hỗ trợ gì", householdEntry), merit the one about a status
	// of the merit scheme ("bố tôi là thương binh thì được gì",
	// meritEntry).
	household, merit shortQuestion
}

// shortQuestion is a short question general.tsv answers with one entry: a
// message of its words, filler and what it asks, naming one of its named
// phrases at least (the kinds NAME, NAME-words, NAME-entry).
type shortQuestion struct {
	// named: the phrases one of which the message names ("nhà tôi",
	// "thương binh"); words: those it may hold besides (named included).
	named, words *coverSet
	entry        string
}

// coverSet holds phrases as folded syllables (abbreviations expanded),
// keyed by their first. Unlike scope.go's phrases, which give the longest
// phrase at a syllable, a cover needs every phrase that starts there.
type coverSet struct {
	first map[string][][]string
	// filter tells most syllables that start no phrase without a look-up,
	// and starts answers the others faster than the map: Match reads
	// every syllable of a message against the sets of the short
	// questions (shortAnswer) and of a bare question. Both are built
	// again at each add.
	filter setFilter
	starts wordTable[[][]string]
}

func newCoverSet() *coverSet { return &coverSet{first: map[string][][]string{}} }

// add adds a phrase (not empty).
func (ps *coverSet) add(syl []string) {
	ps.first[syl[0]] = append(ps.first[syl[0]], syl)
	ps.filter.build(maps.Keys(ps.first))
	ps.starts = newWordTable(ps.first)
}

// at returns the phrases that start with syllable s; a nil set has none.
func (ps *coverSet) at(s string) [][]string {
	if ps == nil || !ps.filter.may(s) {
		return nil
	}
	p, _ := ps.starts.get(s)
	return p
}

// empty reports whether the set has no phrase; a nil set has none.
func (ps *coverSet) empty() bool { return ps == nil || len(ps.first) == 0 }

// has reports whether syl is one of the phrases.
func (ps *coverSet) has(syl []string) bool {
	return slices.ContainsFunc(ps.at(syl[0]), func(q []string) bool { return slices.Equal(syl, q) })
}

type generalEntries struct {
	byAsk [askKinds]string
	none  string
}

// askByName maps an ask kind's name in general.tsv to the kind.
var askByName = map[string]askKind{
	"papers": askPapers, "where": askWhere, "who": askWho, "how": askHow, "when": askWhen,
	"amount": askAmount, "conditions": askCond, "benefit": askBenefit, "problem": askProblem,
}

// askIndex is the bit index of a single kind k (askNames, byAsk).
func askIndex(k askKind) int { return bits.TrailingZeros16(uint16(k)) }

// parseGeneral reads general.tsv; entry ids are checked against byID.
func parseGeneral(data string, ex *expander, byID map[string]*Entry) (*generalTable, []string) {
	g := &generalTable{words: map[string]*coverSet{}, filler: newCoverSet(), entries: map[string]*generalEntries{},
		household: shortQuestion{named: newCoverSet(), words: newCoverSet()}, merit: shortQuestion{named: newCoverSet(), words: newCoverSet()}}
	shortQuestions := map[string]*shortQuestion{"household": &g.household, "merit": &g.merit}
	var problems []string
	bad := func(n int, format string, a ...any) {
		problems = append(problems, GeneralFile+":"+strconv.Itoa(n+1)+": "+fmt.Sprintf(format, a...))
	}
	addPhrases := func(ps *coverSet, s string) {
		for _, p := range strings.Split(s, ";") {
			if syl := ex.syllables(nil, p); len(syl) > 0 {
				ps.add(syl)
			}
		}
	}
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			bad(n, "want TOPIC<TAB>KIND<TAB>VALUE")
			continue
		}
		topic, kind, value := cols[0], cols[1], strings.TrimSpace(cols[2])
		switch {
		case topic == "*" && kind == "filler":
			addPhrases(g.filler, value)
			continue
		case topic == "*" && shortQuestions[kind] != nil:
			addPhrases(shortQuestions[kind].named, value)
			addPhrases(shortQuestions[kind].words, value)
			continue
		case topic == "*" && shortQuestions[strings.TrimSuffix(kind, "-words")] != nil:
			addPhrases(shortQuestions[strings.TrimSuffix(kind, "-words")].words, value)
			continue
		case topic == "*" && shortQuestions[strings.TrimSuffix(kind, "-entry")] != nil:
			if _, ok := byID[value]; !ok {
				bad(n, "unknown entry %q", value)
			}
			shortQuestions[strings.TrimSuffix(kind, "-entry")].entry = value
			continue
		case !slices.Contains(Topics, topic) || topic == TopicOutOfScope || topic == TopicSmalltalk:
			bad(n, "unknown or unanswered topic %q", topic)
			continue
		case kind == "words":
			if g.words[topic] == nil {
				g.words[topic] = newCoverSet()
			}
			addPhrases(g.words[topic], value)
			continue
		}
		e, ok := byID[value]
		switch {
		case !ok:
			bad(n, "unknown entry %q", value)
			continue
		case e.Topic != topic:
			bad(n, "entry %s is in topic %s, not %s", value, e.Topic, topic)
			continue
		}
		ge := g.entries[topic]
		if ge == nil {
			ge = &generalEntries{}
			g.entries[topic] = ge
		}
		if kind == generalNone {
			ge.none = value
			continue
		}
		k, ok := askByName[kind]
		if !ok {
			bad(n, "unknown kind %q (words, %s or one of the asks: papers, where, who, how, when, amount, conditions, benefit, problem)", kind, generalNone)
			continue
		}
		ge.byAsk[askIndex(k)] = value
	}
	for _, topic := range Topics { // in menu order: the same problems every load
		if g.entries[topic] != nil && g.words[topic].empty() {
			problems = append(problems, fmt.Sprintf("%s: topic %s has general entries but no words", GeneralFile, topic))
		}
	}
	g.setNamesNone()
	return g, problems
}

// bare reports whether syllables syl say nothing but topic's words, the
// filler and the words of the asks: the syllables are covered, in order,
// by whole phrases of the first two and syllables of the third. It
// returns the asks read.
func (g *generalTable) bare(topic string, syl []string) (askKind, bool) {
	words := g.words[topic]
	if words.empty() {
		return 0, false
	}
	return g.cover(words, syl)
}

// fillerOnly reports whether syl holds nothing but filler, words several
// programmes share and what it asks ("hỗ trợ", "cho em hỏi tí", "tiền",
// "thủ tục thế nào"): no one programme is named. A filler phrase folded
// like one programme's word is that programme's ("vay" is the loan, not
// "vậy"; namesNone).
func (g *generalTable) fillerOnly(syl []string) bool {
	_, ok := g.coverWith(nil, g.namesNone, syl)
	return ok
}

// setNamesNone keeps in namesNone the filler phrases that are no topic's
// phrase as well, and the topics' phrases that two topics or more share.
func (g *generalTable) setNamesNone() {
	g.namesNone = newCoverSet()
	topicsOf := func(p []string) int {
		n := 0
		for _, words := range g.words {
			if words.has(p) {
				n++
			}
		}
		return n
	}
	for _, ps := range g.filler.first {
		for _, p := range ps {
			if topicsOf(p) == 0 {
				g.namesNone.add(p)
			}
		}
	}
	for _, words := range g.words {
		for _, ps := range words.first {
			for _, p := range ps {
				if topicsOf(p) >= 2 && !g.namesNone.has(p) {
					g.namesNone.add(p)
				}
			}
		}
	}
}

// cover reports whether syl is covered by whole phrases of words and the
// filler, and ask syllables, with the asks found.
func (g *generalTable) cover(words *coverSet, syl []string) (askKind, bool) {
	return g.coverWith(words, g.filler, syl)
}

// coverWith is cover with filler as the filler phrases.
func (g *generalTable) coverWith(words, filler *coverSet, syl []string) (askKind, bool) {
	if len(syl) == 0 || len(syl) >= bareMaxSyllables {
		return 0, false
	}
	var covered [bareMaxSyllables]bool // on the stack: Match allocates nothing
	var asks askKind
	read := 0 // the asks are read in syl[:read]
	// reach[i]: syl[:i] is covered by whole phrases and ask syllables;
	// furthest is the furthest i reached. Whether syl[i] is covered needs
	// the asks up to syl[i+1] (a pair marks the syllable before), so they
	// are read as the cover goes: a message the cover stops in (most) is
	// not read to its end, and one it covers is read whole.
	var reach [bareMaxSyllables + 1]bool
	reach[0] = true
	furthest := 0
	for i, s := range syl {
		if !reach[i] {
			if furthest < i {
				return 0, false // nothing reaches past syl[i]
			}
			continue
		}
		if to := min(i+2, len(syl)); read < to {
			asks |= readAsks(syl, &covered, read, to)
			read = to
		}
		if s == "" || covered[i] {
			reach[i+1], furthest = true, max(furthest, i+1)
			if s == "" {
				continue
			}
		}
		for _, set := range [2]*coverSet{words, filler} {
			for _, p := range set.at(s) {
				if len(p) <= len(syl)-i && slices.Equal(p, syl[i:i+len(p)]) {
					reach[i+len(p)], furthest = true, max(furthest, i+len(p))
				}
			}
		}
	}
	if !reach[len(syl)] {
		return 0, false
	}
	asks |= readAsks(syl, &covered, read, len(syl)) // past a phrase that ends it
	return asks, true
}

// readAsks returns the asks of syl[from:to] and marks in covered the
// syllables they cover.
func readAsks(syl []string, covered *[bareMaxSyllables]bool, from, to int) askKind {
	var asks askKind
	for j := from; j < to; j++ {
		k, pair := askAt(syl, j)
		covered[j] = k != 0 // a pair marks only the syllable before
		if pair {
			covered[j-1] = true
		}
		asks |= k
	}
	return asks
}

// generalOrder is the order in which a bare question's asks pick the
// general entry: the more particular first ("được hưởng bao nhiêu phần
// trăm" asks what one gets, in a figure; "ai được vay bao nhiêu" how much).
var generalOrder = []askKind{askPapers, askWhere, askWho, askHow, askWhen, askBenefit, askAmount, askCond, askProblem}

// generalFor returns the general entry of topic for a bare question with
// asks a, and the ask it answers ("" for none): the first ask kind, in
// generalOrder, that has one; for no ask with one, the topic's entry for
// asks of none. Problems are told in the whole message and asks nothing
// general: a problem with no entry of its own leaves the message as it is.
func (g *generalTable) generalFor(topic string, a askKind) (string, string) {
	ge := g.entries[topic]
	if ge == nil {
		return "", ""
	}
	for _, k := range generalOrder {
		if i := askIndex(k); a&k != 0 && ge.byAsk[i] != "" {
			return ge.byAsk[i], askNames[i]
		}
	}
	if a&askProblem != 0 {
		return "", ""
	}
	return ge.none, generalNone
}

// generalEntry returns the general entry in force on day answering r when
// the message in s is a bare question of r's topic, with the ask it
// answers; nil when the message is not bare, names a household category,
// a person or a school level, or the topic has no general entry for it.
func (kb *KB) generalEntry(s *scratch, r Result, day Date) (*Entry, string) {
	if kb.general == nil || r.Entry == nil || r.Alarm != "" || s.cats != 0 || s.asked != 0 || s.facets != 0 {
		return nil, ""
	}
	if r.Entry.Family != "" {
		// A family's member (the poor, near-poor … households' versions
		// of one answer) is swapped by the conversation for the category
		// the citizen declared, or the bot asks which: "tôi có được vay
		// vốn không" gets the declared household's loan, not the list of
		// programmes.
		return nil, ""
	}
	a, ok := kb.general.bare(r.Topic, s.syl)
	if !ok {
		return nil, ""
	}
	id, ask := kb.general.generalFor(r.Topic, a)
	if id == "" {
		return nil, ""
	}
	e, ok := kb.EntryOn(id, day)
	if !ok {
		return nil, ""
	}
	return e, ask
}

// householdAsks are the asks a question about the household's own
// support may carry: what it gets, how much. Not on what conditions: "nhà
// em hộ nghèo năm nay được xét không" asks about the yearly review.
const householdAsks = askBenefit | askAmount

// householdEntry returns the entry in force on day answering a question
// about what the asker's own household gets ("nhà tôi được hỗ trợ gì",
// "gia đình mình được hưởng chế độ gì", "nhà em hộ cận nghèo thì được
// những gì"): a short message of the household's words (one naming the
// household), filler and those asks (householdAsks), naming no programme. "Nhà" there is
// the family, not the house; read by the matcher the message was the
// housing answer, or an ask-back between two unrelated programmes. Nil
// when the message is not such a question. The entry is the family whose
// members the bot picks by the household's category, or asks for it.
func (kb *KB) householdEntry(s *scratch, day Date) *Entry {
	if kb.general == nil || asksWhatItIs(s.syl) {
		return nil
	}
	return kb.shortAnswer(s, day, &kb.general.household, householdAsks)
}

// shortAnswer returns q's entry in force on day when the message scored in
// s is q's question asking nothing but asks; nil otherwise. The filler it
// may hold is the filler that names no programme ("vay" folds as "vậy").
func (kb *KB) shortAnswer(s *scratch, day Date, q *shortQuestion, asks askKind) *Entry {
	if q.entry == "" || s.facets != 0 || !q.named.within(s.syl) {
		return nil
	}
	a, ok := kb.general.coverWith(q.words, kb.general.namesNone, s.syl)
	if !ok || a&^asks != 0 {
		return nil
	}
	e, ok := kb.EntryOn(q.entry, day)
	if !ok {
		return nil
	}
	return e
}

// meritAsks are the asks a question about the merit scheme's own
// benefits may carry: what it gets, how much, on what conditions.
const meritAsks = askBenefit | askAmount | askCond

// meritEntry returns the entry in force on day answering a question about
// what a status of the merit scheme itself brings ("bố tôi là thương binh
// thì được gì", "con liệt sĩ được trợ cấp bao nhiêu"): a short message of
// the merit words, filler and those asks (meritAsks), naming no programme.
// The scheme's allowances are no programme the bot answers; "thương binh"
// is a programme word only because such households' BHYT, housing and
// tuition questions are in scope ("con thương binh có được miễn học phí
// không" names the programme and is no such question). Read by the
// matcher, the message was an ask-back between two unrelated programmes.
// Nil when the message is not such a question.
func (kb *KB) meritEntry(s *scratch, day Date) *Entry {
	if kb.general == nil {
		return nil
	}
	return kb.shortAnswer(s, day, &kb.general.merit, meritAsks)
}

// asksWhatItIs reports whether syl asks what something is ("hộ cận nghèo
// là gì"): its "gì" asks for a definition, not for what one gets.
func asksWhatItIs(syl []string) bool {
	for i := 1; i < len(syl); i++ {
		if syl[i] == "gi" && syl[i-1] == "la" {
			return true
		}
	}
	return false
}

// within reports whether one of the phrases occurs in syl.
func (ps *coverSet) within(syl []string) bool {
	for i, s := range syl {
		for _, p := range ps.at(s) {
			if len(p) <= len(syl)-i && slices.Equal(p, syl[i:i+len(p)]) {
				return true
			}
		}
	}
	return false
}

// answerHousehold makes e, the household's own support, the answer.
func (r *Result) answerHousehold(e *Entry) {
	r.Topic, r.Entry, r.Urgent = e.Topic, e, e.Urgent
	r.Ambiguous, r.Near, r.Vague = nil, nil, false
	r.Score = max(r.Score, MinConfidence)
}

// answerGeneral makes e, a bare question's general entry, the answer: an
// ask-back between two entries of the topic is answered by it; one
// between two topics keeps its other topic.
func (r *Result) answerGeneral(e *Entry) {
	r.Entry, r.Urgent = e, e.Urgent
	if len(r.Ambiguous) > 1 {
		if r.Ambiguous[1].Entry.Topic == e.Topic {
			r.Ambiguous = nil
		} else {
			r.Ambiguous[0].Entry = e
		}
	}
}

// askLabel names an ask for ask --explain: "nothing in particular" for
// generalNone.
func askLabel(ask string) string {
	if ask == generalNone {
		return "nothing in particular"
	}
	return ask
}

// Bare reports whether text is a bare question about topic: it names only
// the programme's own words, filler and what it asks ("vay vốn thì sao",
// "thẻ bhyt đóng bao nhiêu"). Such a question asks about the programme in
// general, which a household category known from the conversation may
// narrow to the household's own entry.
func (kb *KB) Bare(text, topic string) bool {
	if kb.general == nil {
		return false
	}
	_, ok := kb.general.bare(topic, kb.syllables(nil, text))
	return ok
}
