package content

import "unicode/utf8"

// Long messages often tell the family's story before the question ("nhà tôi
// có hai ông bà già … chính quyền có chương trình nào giúp làm lại nhà
// không"), sometimes after it, and end in thanks ("…, em cảm ơn nhiều, mong
// cán bộ giúp đỡ"). The story names many programmes; the question names the
// one the citizen wants. So the matcher cuts the message into clauses (at
// punctuation, and where none is typed at the words that open a question or
// a courtesy), finds the question (the last clause that asks, with the
// asking clauses right before it: "… có được vay không? Nếu được thì vay bao
// nhiêu?"), and weighs every clause by its part:
//   - the question: 1;
//   - the clause right before it (it often names the subject: "… người từ
//     80 tuổi được nhận tiền hằng tháng. Cho tôi hỏi thủ tục thế nào"):
//     leadWeight, or 1 when the question is shorter than minCore words;
//   - an earlier question: otherQWeight;
//   - the story before, and the words told after the question: storyWeight
//     for retrieval, clfStoryWeight for the classifier;
//   - greetings, thanks and wishes, and "cho tôi hỏi" itself: 0.
//
// In a clause typed without punctuation (more than runOn words before its
// asking word), the words more than qSpan words before that word, or before
// "giờ" turning to the present, are the story's (leadSpan of them lead).
var (
	storyWeight    float32 = 0.2
	clfStoryWeight float32 = 0.1
	leadWeight     float32 = 0.5
	otherQWeight   float32 = 0.5
	// doneWeight: in a short message, a clause telling what is already
	// done before the question ("… thẻ bhyt rồi, …") (clauseshort.go).
	doneWeight float32 = 0.5
	// laterQWeight: a second question joined to the first by "và",
	// "còn", "ngoài ra" … ("… có bị cắt không, và thẻ bhyt có còn miễn
	// phí không"): the first is what the citizen wants most, so the
	// classifier reads the second at clfLaterWeight. Retrieval reads it
	// almost as the question (its entry may be the one asked: "…, còn mức
	// vay tối đa bao nhiêu"); the value just below 1 tells the part apart.
	// A follow-up that narrows the first ("Nếu được thì vay tối đa bao
	// nhiêu") weighs as the question.
	laterQWeight   float32 = 0.99
	clfLaterWeight float32 = 0.5
)

// laterQContent and laterOwnContent (words naming something): a first
// question naming fewer than laterQContent ("điều kiện là gì, và …") does
// not put the next one behind it, and one naming fewer than
// laterOwnContent is no second question ("…, và được bao nhiêu").
var laterQContent, laterOwnContent = 3, 2

var (
	// minStory and minQuestion (words): shorter parts are not split.
	minStory    = 8
	minQuestion = 3
	minCore     = 6
	// qSpan and leadSpan (words): see above.
	qSpan    = 12
	leadSpan = 6
	// leadMax (words): a run-on clause before the question (more than
	// runOn words) leads with its last leadMax words; those before are the
	// story's.
	leadMax = 12
	// runOn (words): a clause with more words before its asking word is
	// a story and a question typed without punctuation.
	runOn = 20
)

// Clause kinds, as ask --explain names them.
const (
	partStory    = "story"
	partLead     = "lead"
	partQuestion = "question"
	partOther    = "other question"
	partLater    = "later question"
	partAfter    = "after"
	partPolite   = "courtesy"
	partLends    = "lends subject"
)

// clausePart is a part of a long message and its weight.
type clausePart struct {
	start, end int // byte offsets in the text
	w          float32
	kind       string
}

// clfWeight is the classifier's weight of a syllable weighing w for
// retrieval: the story weighs less still.
func clfWeight(w float32) float32 {
	if w == storyWeight {
		return clfStoryWeight
	}
	if w == laterQWeight {
		return clfLaterWeight
	}
	return w
}

// fword is a word of the folded text: its byte offsets, and the strongest
// punctuation between it and the word before ('?', '.', ',' or 0).
type fword struct {
	s, e int
	brk  byte
}

// How a clause asks: not at all, by a word that also says other things, by
// following "cho tôi hỏi", by its words or question mark.
const (
	askNone int8 = iota
	askWeak
	askIntro
	askWord
)

// fclause is a clause: words [from, to), the punctuation closing it, how
// it asks, the word where its first strong asking marker starts (-1: none),
// the word after a closing one ("… không ạ"; -1: none), the word after an
// intro marker at its start (from: none), and whether it is a courtesy.
type fclause struct {
	from, to      int
	end           byte
	ask           int8
	mark, markEnd int
	body          int
	polite        bool
}

// clauseBuf holds the clause finder's folded text, offsets, words and
// parts, kept in the matcher's scratch so that a long message allocates
// nothing.
type clauseBuf struct {
	text    string // the message as written, before folding
	folded  []byte
	orig    []int
	words   []fword
	clauses []fclause
	parts   []clausePart
	tail    byte // the punctuation after the last word
	// ask is the byte offset in text of the asking clause (0: the whole
	// message), split that of the question (0: not split).
	ask, split int
	// done: a short message's clause before the question tells what is
	// already done (isDone), or the question opens with "vậy" (soAt); the
	// clause before it leads at doneWeight.
	done bool
	// soAt is the byte offset in the text of a clause "vậy" opened (the
	// particle itself dropped before: particleBuf.opened); 0 for none.
	soAt int
}

// questionStart returns the byte offset in text where the question begins,
// or 0 when the message is not read as a story and a question.
func questionStart(text string) int {
	var b clauseBuf
	if utf8.RuneCountInString(text) <= longRunes {
		start, _ := b.shortClause(text)
		return start
	}
	b.weigh(text)
	return b.split
}

// weigh cuts text into parts with their weights (see above) into b.parts,
// b.split and b.ask; no parts when the message is not a story and a
// question.
func (b *clauseBuf) weigh(text string) {
	b.parts, b.split, b.ask = b.parts[:0], 0, 0
	b.foldOffsets(text)
	b.findWords()
	b.findClauses()
	b.ask = b.askedAt()
	if start, core := runOnClause(b.folded); start > 0 && !b.askedFirst() && !b.introLast() {
		// Not one comma or full stop (see runon.go): the last words ask,
		// the story before them weighs as a story.
		b.parts = append(b.parts, clausePart{0, b.orig[start], storyWeight, partStory},
			clausePart{b.orig[start], b.orig[core], leadWeight, partLead},
			clausePart{b.orig[core], len(text), 1, partQuestion})
		b.split, b.ask = b.orig[start], b.orig[core]
		return
	}
	cl := b.clauses
	// The question ends in the last clause that asks by its words; a
	// later "cho tôi hỏi …" opens a new one ("… có được vay không? Cho tôi
	// hỏi thủ tục vay vốn làm nhà.").
	main := -1
	for i := len(cl) - 1; i >= 0 && main < 0; i-- {
		if cl[i].ask == askWord && !cl[i].polite {
			main = i
		}
	}
	for i := len(cl) - 1; i > main; i-- {
		if cl[i].ask == askIntro && !cl[i].polite {
			main = i
			break
		}
	}
	// No clause asks by its words: the last one opened by "cho tôi hỏi"
	// is the question ("cháu hỏi thủ tục xin trợ cấp cho mẹ, nhà không ai
	// đi làm được, …"), else the last one that is no courtesy is the point
	// ("…, giờ tôi làm công nhân, học bổng cho con hộ nghèo").
	for i := len(cl) - 1; i >= 0 && main < 0; i-- {
		if cl[i].ask == askIntro && !cl[i].polite {
			main = i
		}
	}
	for i := len(cl) - 1; i >= 0 && main < 0; i-- {
		if !cl[i].polite {
			main = i
		}
	}
	first := 0
	for first < len(cl) && cl[first].polite && !b.startsWith(cl[first], thanksSet) {
		first++
	}
	if main < 0 || first == len(cl) || b.startsWith(cl[first], thanksSet) {
		return // no question, or a thank-you
	}
	// The question: main and the asking clauses right before it.
	g := main
	for g > 0 && !cl[g-1].polite && (cl[g-1].ask >= askIntro || cl[g-1].body == cl[g-1].to) {
		g--
	}
	// A question sentence of two clauses is the question whole: the clause
	// before the asking one names its subject ("tôi nghe hộ nghèo được cho
	// tiền điện, nhà tôi cũng nghèo mà chưa được là sao").
	ss := main
	for ss > 0 && b.words[cl[ss].from].brk != '.' && b.words[cl[ss].from].brk != '?' {
		ss--
	}
	if main-ss < 2 && ss < g && cl[main].body == cl[main].from && cl[ss].to-cl[ss].from <= runOn {
		g = ss
	}
	// "Cho tôi hỏi" opens the question: what follows it in its sentence
	// is the question ("… Cho tôi hỏi nhà bác cận nghèo, 4 người, năm nay
	// xã bảo phải nộp tiền bảo hiểm, có đúng không").
	// Not when it opens the message, after an address at most ("bà con
	// cho hỏi, nhà tôi có …, …, tôi phải hỏi ai"): the story follows it.
	for i := ss; i < g; i++ {
		if cl[i].body > cl[i].from && !cl[i].polite && cl[i].from >= minStory {
			g = i
			break
		}
	}
	// Typed without punctuation, the story is the words well before the
	// asking word, and what follows the question's last asking word is
	// told after it.
	head, tail := cl[g].body, cl[main].to
	if c := cl[g]; g == first && c.body == c.from && c.mark >= 0 && c.mark-c.from > runOn {
		head = b.numberStart(c.mark-qSpan, c.from)
		// "… gio em muon vay von … thi can giay to gi": the story ends
		// where it turns to the present or to its consequence ("giờ",
		// "bây giờ", "nên").
		for i := head - 1; i >= c.mark-runOn && i > c.from; i-- {
			if turnWords[string(b.word(i))] {
				head = i
				break
			}
		}
	}
	if c := cl[main]; c.markEnd >= 0 && c.to-c.markEnd >= minQuestion {
		tail = c.markEnd
	}
	// The question's words, the story's before the clause that leads to
	// it, and those told after it: a part shorter than minStory is read
	// with the question.
	qWords, story, after := tail-head, 0, cl[main].to-tail
	if g < main {
		qWords = cl[g].to - head + tail - cl[main].body
	}
	story = max(0, head-leadSpan-cl[g].from)
	for i, c := range cl {
		switch {
		case i > g && i < main:
			qWords += c.to - c.body
		case c.polite:
		case i < g-1:
			story += c.to - c.from
		case i == g-1 && c.to-c.from > runOn:
			story += c.to - c.from - leadMax
		case i > main:
			after += c.to - c.from
		}
	}
	if qWords < minQuestion {
		return
	}
	before := story >= minStory
	if !before {
		head = cl[g].body
	}
	if !before && after < minStory && !b.anyPolite() {
		return
	}
	lw := leadWeight
	if qWords < minCore {
		lw = 1 // "…, xã lập danh sách hộ cần sửa nhà, mình cần chuẩn bị gì"
	}
	// A question that names nothing ("… chưa thấy phát thẻ bảo hiểm, hỏi
	// thì bảo chờ. Chờ bao lâu thì có ạ?", "…, tôi phải hỏi ai") asks
	// about what the clauses right before it tell: they weigh as the
	// question, back to the one naming something (clauses [lean, g)).
	lean := g
	if before {
		need := minContent - b.content(head, min(cl[g].to, tail))
		for i := g + 1; i <= main; i++ {
			need -= b.content(cl[i].body, min(cl[i].to, tail))
		}
		for need > 0 && lean > first && !cl[lean-1].polite && g-lean < maxLean {
			lean--
			need -= b.content(cl[lean].from, cl[lean].to)
		}
	}
	q, asked := 0, false
	for i, c := range cl {
		switch {
		case c.polite:
			b.add(c.from, c.to, 0, partPolite)
			continue
		case i >= lean && i < g:
			if b.doneClause(c.from, c.to) {
				// What is already done names the subject without asking it.
				b.add(c.from, c.to, doneWeight, partLead)
			} else {
				b.add(c.from, c.to, 1, partLead)
			}
			continue
		case i < g && !before, i > main && after < minStory:
			b.add(c.from, c.to, 1, partQuestion)
			continue
		case i < g && c.ask >= askIntro:
			b.add(c.from, c.to, otherQWeight, partOther)
			continue
		case i < g-1:
			b.add(c.from, c.to, storyWeight, partStory)
			continue
		case i == g-1:
			// A run-on story before "cho tôi hỏi": its last words lead.
			lead := c.from
			if c.to-c.from > runOn {
				lead = b.numberStart(c.to-leadMax, c.from)
			}
			b.add(c.from, lead, storyWeight, partStory)
			if b.words[cl[g].from].brk == '.' || b.words[cl[g].from].brk == '?' || cl[g].body > cl[g].from {
				b.add(lead, c.to, storyWeight, partLead)
			} else {
				b.add(lead, c.to, lw, partLead)
			}
			continue
		case i > main:
			b.add(c.from, c.to, storyWeight, partAfter)
			continue
		}
		from, to := c.body, c.to
		b.add(c.from, c.body, 0, partPolite) // "cho tôi hỏi"
		if i == g {
			if head > c.body {
				lead := b.numberStart(max(c.from, head-leadSpan), c.from)
				b.add(c.from, lead, storyWeight, partStory)
				b.add(lead, head, leadWeight, partLead)
				from = head
			}
			q = len(b.parts)
		}
		if i == main {
			to = tail
		}
		w, kind := float32(1), partQuestion
		if asked && b.in(alsoSet, c.from) > 0 && b.content(from, to) >= laterOwnContent {
			w, kind = laterQWeight, partLater
		}
		if i < main && b.doneClause(from, to) {
			// "Chị đang được miễn học phí cho cháu rồi, chỉ hỏi trợ cấp
			// nuôi con …": what the family already has is told, not
			// asked; it leads, as in a short message.
			w, kind = doneWeight, partLead
		}
		asked = asked || c.ask == askWord && b.content(from, to) >= laterQContent
		b.add(from, to, w, kind)
		if to < c.to && after < minStory {
			b.add(to, c.to, w, kind)
		} else if to < c.to {
			b.addAfter(to, c.to)
		}
	}
	if q < len(b.parts) {
		// From just after the punctuation before it, as before.
		b.split = b.parts[q].start
		for b.split > 1 && text[b.split-1] == ' ' {
			b.split--
		}
	}
}

// askedFirst reports a run-on message that asks first and tells after:
// its one clause closes a question ("… có phải trả lại không cháu", "… ở
// đâu cháu ơi": closeAddress) and at least runOnStory words follow that ask
// nothing strongly. Zalo's voice-to-text types what an elderly person says
// without punctuation, the question often first; runOnClause would read
// the story's last words as the question.
func (b *clauseBuf) askedFirst() bool {
	if len(b.clauses) != 1 {
		return false
	}
	c := b.clauses[0]
	// A strong ask after the close has already undone it (clause).
	if c.markEnd < 0 || c.to-c.markEnd < runOnStory {
		return false
	}
	last := c.to - 1
	for last > c.markEnd && b.in(tailSet, last) == 1 {
		last--
	}
	return b.in(endSet, last) != 1
}

// introLast reports a run-on message whose last clause "cho tôi hỏi",
// "hỏi là" opens (findClauses cut before it) and holds at most
// 2×runOnCore words: that clause is the question.
func (b *clauseBuf) introLast() bool {
	if len(b.clauses) < 2 {
		return false
	}
	c := b.clauses[len(b.clauses)-1]
	return c.body > c.from && c.to-c.body <= 2*runOnCore && c.ask >= askIntro
}

// doneClause reports the words [from, to) telling what is already done
// (isDone: they end in "rồi" and do not ask).
func (b *clauseBuf) doneClause(from, to int) bool {
	return from < to && isDone(b.folded[b.words[from].s:b.words[to-1].e])
}

// content counts the words [from, to) that name something: not a
// function word, a pronoun or an asking word (emptyWords).
func (b *clauseBuf) content(from, to int) int {
	n := 0
	for i := from; i < to; i++ {
		if w := b.word(i); len(w) > 1 && !emptyWords[string(w)] && (w[0] < '0' || w[0] > '9') {
			n++
		}
	}
	return n
}

func (b *clauseBuf) anyPolite() bool {
	for _, c := range b.clauses {
		if c.polite {
			return true
		}
	}
	return false
}

// addAfter adds the words [from, to) told after the question: courtesies
// weigh nothing, the rest as the story.
func (b *clauseBuf) addAfter(from, to int) {
	c := b.clause(from, to)
	if c.polite {
		b.add(from, to, 0, partPolite)
	} else {
		b.add(from, to, storyWeight, partAfter)
	}
}

// asksByWords reports whether a clause of text asks by its words, as the
// question weigh looks for does (askWord: a question mark, a strong ask
// marker, or an asking word last before the closing particles: "… có được
// hỗ trợ không ạ"); a weak marker inside ("gọi không tỉnh", "nếu không
// trả nợ") or an opening "cho tôi hỏi" alone does not.
func asksByWords(text string) bool {
	var b clauseBuf
	b.foldOffsets(text)
	b.findWords()
	b.findClauses()
	for _, c := range b.clauses {
		if c.ask == askWord {
			return true
		}
	}
	return false
}

// findClauses cuts the words into clauses: at punctuation, before an intro
// marker, before thanks ("… không ạ em cảm ơn nhiều"), and before the
// "thì" that follows what is already done (doneThen).
func (b *clauseBuf) findClauses() {
	cl, from := b.clauses[:0], 0
	for i := b.introAt(0) + 1; i <= len(b.words); i++ {
		n := b.introAt(i)
		if i < len(b.words) && b.words[i].brk == 0 && n == 0 && !b.thanksAt(i) && !b.doneThen(from, i) {
			continue
		}
		cl = append(cl, b.clause(from, i))
		from = i
		i += max(n-1, 0) // not inside the marker ("cho tôi hỏi")
	}
	b.clauses = cl
}

// doneThen reports a "thì" at word i after words [from, i) telling what
// is already done and ending in "rồi" ("… nhận học bổng rồi thì có được vay
// vốn sinh viên nữa không"): the condition is told, not asked, and what
// follows "thì" is the question. Cut there, the told part leads as a
// clause of what the family already gets does (doneWeight).
func (b *clauseBuf) doneThen(from, i int) bool {
	if string(b.word(i)) != "thi" || i-from < 3 {
		return false
	}
	if r := b.word(i - 1); string(r) != "roi" && string(r) != "r" {
		return false
	}
	return isDone(b.folded[b.words[from].s:b.words[i-1].e])
}

// thanksAt reports whether thanks start at word i ("em cảm ơn", "cảm ơn",
// "xin cảm ơn", "chúc", "thanks"), a pronoun before them with them.
func (b *clauseBuf) thanksAt(i int) bool {
	w := b.word(i)
	if string(w) == "cam" && string(b.word(i+1)) == "on" {
		return !pronoun[string(b.word(i-1))] || b.words[i].brk != 0
	}
	if pronoun[string(w)] && string(b.word(i+1)) == "cam" && string(b.word(i+2)) == "on" {
		return true
	}
	switch string(w) {
	case "chuc":
		// A wish opens a clause or follows a pronoun ("em chúc cán bộ sức
		// khỏe"); inside one it is "di chúc" (a will), "tổ chức", "công
		// chức", "chức vụ".
		return i == 0 || b.words[i].brk != 0 || pronoun[string(b.word(i-1))]
	case "camon", "thanks", "tks":
		return true
	}
	return false
}

// turnWords turn a story to the question in a run-on message.
var turnWords = map[string]bool{"gio": true, "nen": true}

var pronoun = map[string]bool{"em": true, "chau": true, "toi": true, "con": true, "minh": true, "xin": true, "tui": true, "e": true}

// clause reads the clause of words [from, to).
func (b *clauseBuf) clause(from, to int) fclause {
	c := fclause{from: from, to: to, mark: -1, markEnd: -1, body: from}
	if to < len(b.words) {
		c.end = b.words[to].brk
	} else {
		c.end = b.tail
	}
	if n := b.introAt(from); n > 0 {
		c.body = from + n
		if c.body < to {
			c.ask = askIntro
		}
	}
	// The last word before the closing particles.
	last, tailAsks := to-1, false
	for last > c.body && b.in(tailSet, last) == 1 {
		tailAsks = tailAsks || askParticle[string(b.word(last))]
		last--
	}
	polite := b.in(openSet, from) > 0 || (pronoun[string(b.word(from))] && b.in(openSet, from+1) > 0)
	for i := from; i < to; i++ {
		if polite && b.in(politeSet, i) == 0 {
			polite = false
		}
		if n := b.in(strongSet, i); n > 0 && i >= c.body {
			if c.mark < 0 {
				c.mark = i
			}
			c.ask = askWord
			if c.markEnd >= 0 && i >= c.markEnd {
				c.markEnd = -1 // the question goes on after its close
			}
		} else if c.ask == 0 && b.in(askSet, i) > 0 {
			c.ask = askWeak
		}
		if n := b.in(closeSet, i); n > 0 && i >= c.body {
			c.markEnd = i + n
		}
	}
	if last >= c.body && (c.end == '?' || tailAsks || b.in(endSet, last) == 1 && !b.measured(last)) {
		c.ask = askWord
		if c.mark < 0 {
			c.mark = last
		}
	}
	if c.ask != askWord {
		for i := c.body; i < to; i++ {
			if b.in(requestSet, i) > 0 {
				c.ask, c.mark = askWord, i
				break
			}
		}
	}
	if c.ask != askWord {
		for i := from; i < to && i < from+3; i++ {
			if b.in(pledgeSet, i) > 0 {
				polite = true
			}
		}
	}
	if c.markEnd >= 0 {
		for c.markEnd < to && b.in(tailSet, c.markEnd) == 1 {
			c.markEnd++
		}
	}
	c.polite = polite && c.body == from
	return c
}

// measured reports an asking word typed after digits, which is a measure
// and asks nothing: without marks "3 sào" (of rice field) is "3 sao" and
// "2 máy" "2 may" ("bố mẹ làm ruộng 3 sao, …").
func (b *clauseBuf) measured(i int) bool {
	w := b.word(i - 1)
	return i > 0 && len(w) > 0 && isDigit(w[0]) && b.words[i].brk == 0
}

// add appends the part of the text spanning words [from, to), if any.
func (b *clauseBuf) add(from, to int, w float32, kind string) {
	if from >= to {
		return
	}
	b.parts = append(b.parts, clausePart{b.orig[b.words[from].s], b.orig[b.words[to-1].e], w, kind})
}
