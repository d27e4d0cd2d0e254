package content

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// A message may ask about two programmes at once: "hộ nghèo có được vay
// vốn và cấp thẻ bhyt miễn phí không", "cho hỏi con được miễn học phí
// không, còn tiền điện thì bao nhiêu". The matcher gives one answer, and
// the other question went unanswered. OtherAsked finds it: the message is
// cut into clauses, and a clause naming one programme by the follow-up
// vocabulary's words (kb/followup.tsv), not the answer's, is read on its
// own; the bot offers its answer beside the first.

// clauseCut splits a message where a new question may start: punctuation,
// and the joining words "và", "còn", "với cả", "với lại", "thêm nữa" (folded
// "còn" is also "con", the child, so only its marked spelling cuts).
var clauseCut = regexp.MustCompile(`(?i)[,;.?!\n]+|\s(?:và|va|còn|với cả|voi ca|với lại|voi lai|thêm nữa|them nua)\s`)

// OtherAsked returns the entry in force on day answering a programme that
// text asks about in a clause of its own besides topic, the programme of
// the answer given; nil when there is none. It is the first of
// OthersAsked.
func (kb *KB) OtherAsked(text, topic string, day Date) *Entry {
	if others := kb.OthersAsked(text, topic, day); len(others) > 0 {
		return others[0]
	}
	return nil
}

// OthersAsked returns, in the order asked, the entries in force on day
// answering each programme that text asks about in a clause of its own
// besides topic, the programme of the answer given: "tiền điện hộ nghèo
// bao nhiêu, bhyt có phải đóng không, vay vốn lãi bao nhiêu" offers the
// card and the loan beside the electricity answer. Nil when there is none.
func (kb *KB) OthersAsked(text, topic string, day Date) []*Entry {
	if !programme(topic) {
		return nil
	}
	// Both questions are asked apart: the answer's programme in a clause
	// of its own too ("… được trợ cấp bao nhiêu và thẻ bhyt có được cấp
	// không"). A programme asked beside a question that names none is
	// more often a word of the story.
	apart := kb.AskedApart(text, day)
	if !slices.ContainsFunc(apart, func(en *Entry) bool { return en.Topic == topic }) {
		// Only named after an opening, across sentences: "Em muốn hỏi
		// tiền điện. Và học phí cho con." (topicNamed).
		if named := kb.namedAsked(text, day); len(named) > 1 && named[0].Topic == topic {
			return named[1:]
		}
		return nil
	}
	return slices.DeleteFunc(apart, func(en *Entry) bool { return en.Topic == topic })
}

// firstAsked answers r with the programme asked first when the message
// asks about several in clauses of their own and the whole message was
// read as a later one: "hộ nghèo vay vốn được bao nhiêu và con đi học có
// được miễn học phí không" was answered with the school fees, the loan
// only offered. The first asked is answered (README: "the first asked is
// answered and the bot offers the other beside it"), with that clause's
// own reading (AskedApart), and the others are offered beside it
// (OthersAsked). Nothing changes when the answer's programme is not one
// of those asked apart (a programme named in the story is no question),
// when the message names the answer's programme first (the clause asking
// it most likely comes first), nor in a long message: a letter's question
// is found by the clause reading (clause.go), which already reads a
// second question joined to the first at half weight.
func (kb *KB) firstAsked(r *Result, text string, day Date) {
	if !firstAskedOn || r.firstNamed == "" || r.firstNamed == r.Topic || r.Entry == nil || len(r.Ambiguous) > 1 || r.Alarm != "" || !programme(r.Topic) {
		return
	}
	if utf8.RuneCountInString(text) > longRunes && !numbered(text) || !mayCut(text) {
		return
	}
	apart, upTo := kb.askedApart(text, day, firstAskedMin)
	if len(apart) < 2 || apart[0].Topic == r.Topic || !slices.ContainsFunc(apart, func(en *Entry) bool { return en.Topic == r.Topic }) {
		return
	}
	if kb.about(r.Entry, apart[0].Topic) {
		// The answer is about both: "Vay vốn làm nhà" answers the
		// loan asked for a house.
		return
	}
	en := apart[0]
	if f := kb.matchWords(upTo, day); f.Topic == en.Topic && f.Entry != nil && len(f.Ambiguous) < 2 && upTo != text {
		// The question read with what the message tells before it: "con
		// em bị tự kỷ, đi học trường chuyên biệt, có được miễn học phí
		// không, và …" asks the disabled learner's fees, which the clause
		// alone does not tell; the questions after it lend it nothing
		// ("… vay vốn được bao nhiêu và con đi học …" is no student loan).
		en = f.Entry
	}
	r.Topic, r.Entry, r.Urgent, r.Later, r.Earlier = en.Topic, en, en.Urgent, nil, nil
}

// AskedApart returns, for each programme text names by the follow-up
// vocabulary's words in a clause of its own that asks by its words ("…
// không", "bao nhiêu", "?"), in their order, the entry in force on day
// answering that clause: the clause's own reading, when it is that
// programme's and sure of one entry (otherAskedMin). A
// household category named anywhere in text picks its family's member.
// Nil for a message of one clause. A programme's word told in passing
// ("gọi điện", "bảo hiểm xe", "vay app") is no question about it: the
// clause must ask, and its reading must agree.
func (kb *KB) AskedApart(text string, day Date) []*Entry {
	out, _ := kb.askedApart(text, day, otherAskedMin)
	return out
}

// askedApart is AskedApart with each clause's reading at least min sure;
// upTo is the message, particles dropped, up to the end of the first
// clause counted: that question with what the message tells before it.
func (kb *KB) askedApart(text string, day Date, min float64) (out []*Entry, upTo string) {
	// Unmarked "vay" that is the particle "vậy" ("…, vay co dung ko")
	// names no loan.
	text = dropParticles(text)
	whole, from := text, 0
	// The questions are in the last sentence and the questions right
	// before it: a story before them names programmes in passing.
	if i := lastQuestions(text); i > 0 {
		text, from = text[i:], i
	}
	clauses := clauseCut.Split(text, -1)
	seps := clauseCut.FindAllString(text, -1) // seps[i] ends clauses[i]
	if len(clauses) < 2 {
		return nil, ""
	}
	at := from // where clauses[i] starts in whole
	household := ""
	if c, _ := kb.cuesOf(text); c.households == 1 {
		household = c.household
	}
	seen := map[string]bool{}
	listed := false // an "I want to ask" clause lists what follows it
	for i, clause := range clauses {
		end := at + len(clause)
		if i < len(seps) {
			at = end + len(seps[i])
		}
		p := kb.ProgrammeNamed(clause)
		// After "muốn hỏi", "cho hỏi" the programmes listed with "và",
		// "với cả" are what is asked ("muốn hỏi vay vốn và tiền điện"); not
		// past a comma, after which a clause tells something ("…, nhà em
		// vừa được cấp thẻ bhyt").
		joined := i < len(seps) && listJoin.MatchString(seps[i])
		listed = joined && (listed || opensAsking(clause)) || listed && i > 0 && listJoin.MatchString(seps[i-1])
		// The question mark cut off with the clause still ends it. After
		// "muốn hỏi", "cho hỏi" the programmes named are what is asked:
		// "nhà tôi cận nghèo, muốn hỏi vay vốn và tiền điện".
		asks := asksByWords(clause) || listed || i < len(clauses)-1 && strings.Contains(text, clause+"?")
		several := p == "" && asks && kb.namesSeveral(clause)
		if p == "" && !several || seen[p] || !asks || declines(clause) {
			continue
		}
		r := kb.matchWords(clause, day)
		if several && kb.namesProgramme(clause, r.Topic) && !seen[r.Topic] {
			// A clause naming two programmes asks about the one its
			// reading is sure of: "con tôi đi học đại học ở hà nội thì
			// có được vay vốn không" asks the student loan, "đi học"
			// telling who borrows.
			p = r.Topic
		}
		if r.Topic != p || r.Entry == nil || len(r.Ambiguous) > 1 || r.Score < min {
			continue
		}
		en := r.Entry
		switch m := kb.FamilyMember(en, household, day); {
		case household != "" && m != nil:
			en = m
		case household == "" && en.Family != "" && len(en.Households) > 0:
			// A category's member read with no category named ("… và
			// có được vay vốn không" gave the near-poor loan): the
			// programme's general entry answers.
			if g := kb.general; g != nil && g.entries[p] != nil {
				if e, ok := kb.EntryOn(g.entries[p].none, day); ok {
					en = e
				}
			}
		}
		seen[p] = true
		if len(out) == 0 {
			upTo = whole[:end]
		}
		out = append(out, en)
	}
	return out, upTo
}

// bothAsked answers r, an ask-back between two programmes, when the
// message asks about both in clauses of their own ("nhà tôi hộ nghèo, cho
// hỏi được vay vốn bao nhiêu và thẻ bhyt làm ở đâu"): the two are close
// because both are asked, not because the bot is unsure which. The first
// asked answers, with the entry the whole message was read as (a school
// level or a person told in another clause still counts), and the bot
// offers the other beside it (OtherAsked), rather than making the citizen
// pick one and ask the other again.
func (kb *KB) bothAsked(r *Result, text string, day Date) {
	if len(r.Ambiguous) != 2 || r.Ambiguous[0].Entry.Topic == r.Ambiguous[1].Entry.Topic {
		return
	}
	if !mayCut(text) {
		return // one clause: AskedApart would find nothing, after allocating
	}
	a, b := r.Ambiguous[0].Entry.Topic, r.Ambiguous[1].Entry.Topic
	apart, _ := kb.askedApart(text, day, otherAskedMin)
	i := slices.IndexFunc(apart, func(en *Entry) bool { return en.Topic == a || en.Topic == b })
	if i < 0 || !slices.ContainsFunc(apart[i+1:], func(en *Entry) bool {
		return (en.Topic == a || en.Topic == b) && en.Topic != apart[i].Topic
	}) {
		return
	}
	en := r.Ambiguous[0].Entry
	if en.Topic != apart[i].Topic {
		en = r.Ambiguous[1].Entry
	}
	r.Topic, r.Entry, r.Urgent, r.Ambiguous = en.Topic, en, en.Urgent, nil
}

// mayAskTwice reports whether text may ask two questions: two of its
// pieces between punctuation ask by their words (or end with "?"), or one
// does, or an intro marker ("cho hỏi") lists what is asked, and a joining
// word ("và", "còn", "với cả") may start another. It
// reuses b's buffers, so that Match allocates nothing more for it; "Con
// tôi là sinh viên năm hai, nhà cận nghèo, học xong thì bao lâu sau phải
// bắt đầu trả nợ vay?" names two programmes and asks once.
func (b *clauseBuf) mayAskTwice(text string) bool {
	b.foldPlain(text)
	f := b.folded
	asks, from := 0, 0
	for i := 0; i <= len(f); i++ {
		if i < len(f) && !isSentenceEnd(f[i]) && f[i] != ',' {
			continue
		}
		if i > from && (i < len(f) && f[i] == '?' || hasAskWord(askingPart(f[from:i]))) {
			asks++
		}
		from = i + 1
	}
	if asks >= 2 {
		return true
	}
	if !joinWord.MatchString(text) {
		return false
	}
	if asks == 1 {
		return true
	}
	// "cho hỏi học phí và bảo hiểm y tế cho con hộ nghèo": the items
	// listed after an intro marker are asked (AskedApart).
	b.foldOffsets(text)
	b.findWords()
	for i := range b.words {
		if b.introAt(i) > 0 {
			return true
		}
	}
	return false
}

// joinWord finds a joining word that may start a second question.
var joinWord = regexp.MustCompile(`(?i)\s(?:và|va|còn|với cả|voi ca|với lại|voi lai|thêm nữa|them nua)\s`)

// about reports whether en's title or keywords name topic by the
// follow-up vocabulary's subject words.
func (kb *KB) about(en *Entry, topic string) bool {
	for _, w := range append([]string{en.Title}, en.Keywords...) {
		if c, _ := kb.cuesOf(w); slices.Contains(c.subjects, topic) {
			return true
		}
	}
	return false
}

// firstAskedOn switches firstAsked on (tests compare the readings).
var firstAskedOn = true

// firstAskedMin is the least confidence of each clause's reading at which
// firstAsked answers the first asked rather than the whole message's
// reading: the clauses must each be sure of their programme.
const firstAskedMin = 0.9

// mayCut reports whether clauseCut may cut text in two: a mark or a
// joining word before its last words (the question mark that ends a
// message cuts nothing off). Matching allocates nothing, unlike the split.
func mayCut(text string) bool {
	return clauseCut.MatchString(strings.TrimRight(text, " \t\n?!."))
}

// otherAskedMin is the least confidence at which a clause's reading is
// offered beside the answer: as for the programme asked beside an alarm.
const otherAskedMin = alsoMin

// declinePrefix are the words with which a clause says what it does not
// ask: "không cần vay vốn đâu, tôi chỉ hỏi trợ cấp".
var declinePrefix = []string{"khong can", "chang can", "khong hoi", "khong phai hoi", "khong muon"}

// declines reports whether clause starts by saying what it does not ask.
func declines(clause string) bool {
	f := strings.TrimSpace(Fold(clause))
	for _, p := range declinePrefix {
		if strings.HasPrefix(f, p+" ") {
			return true
		}
	}
	return false
}

// sentenceStop ends a sentence: a full stop, an exclamation mark, a line
// break, or a question mark with more after it.
var sentenceStop = regexp.MustCompile(`[.!?\n]+\s`)

// lastQuestions returns the byte offset where text's last sentence that
// holds words starts, or, when questions (sentences ending with "?") come
// right before it, where the first of them starts: "Ông tôi được trợ cấp
// bao nhiêu? Thẻ BHYT có được cấp không?" asks two things. A sentence
// that asks by its words is a question whatever stop ends it: "ho ngheo
// vay bao nhieu. the bhyt lam o dau?" asks two things too.
func lastQuestions(text string) int {
	var starts []int // where each sentence after a stop starts
	var asked []bool // whether the sentence before it asks
	from := 0
	for _, m := range sentenceStop.FindAllStringIndex(text, -1) {
		if hasLetter(text[m[1]:]) {
			starts = append(starts, m[1])
			asked = append(asked, strings.Contains(text[m[0]:m[1]], "?") || asksByWords(text[from:m[0]]) || listNumber(text[from:m[0]]))
		}
		from = m[1]
	}
	if len(starts) == 0 {
		return 0
	}
	i := len(starts) - 1
	for i >= 0 && asked[i] {
		i--
	}
	if i < 0 {
		return 0
	}
	return starts[i]
}

// listNumber reports whether a sentence is only the number of an item in
// a list ("1", "2)", "b", "III"): a petition that numbers its questions
// ("… mấy việc sau: 1. … thủ tục gì? 2. Thẻ BHYT … ở đâu? 3. …") is cut
// at each number's full stop, and the number, asking nothing, hid the
// questions before it from lastQuestions (session 72: only the last of
// four was read).
func listNumber(sentence string) bool {
	t := strings.Trim(strings.TrimSpace(sentence), "()[]-–:")
	if t == "" {
		return false
	}
	if len(t) == 1 && t[0] >= 'a' && t[0] <= 'e' || len(t) <= 3 && strings.Trim(strings.ToLower(t), "ivx") == "" {
		return true
	}
	return len(t) <= 2 && strings.Trim(t, "0123456789") == ""
}

// numbered reports whether text numbers two questions or more as a list
// ("1. … ? 2. … ?", "1) …" on lines of their own, "câu 1: …"): a
// petition's questions, in the order the writer wants them answered,
// which firstAsked reads however long the letter.
func numbered(text string) bool {
	return len(itemMark.FindAllStringIndex(text, 3)) >= 2
}

// itemMark matches an item's number at the start of the text, a line or
// a sentence: a number of one or two digits, then ")", ".", ":" or "-"
// and a space ("50.000" and "ngày 15. Tôi …" are none).
var itemMark = regexp.MustCompile(`(?i)(?:^|[\n.?!:;])\s*(?:câu\s+|cau\s+)?\d{1,2}\s*[).:-]\s`)

// listJoin is a clauseCut separator that joins the items of a list: "và",
// "với cả", "với lại" (not "còn", which also means "still": "con đã 17
// tuổi còn đi học").
var listJoin = regexp.MustCompile(`(?i)^\s(?:và|va|với cả|voi ca|với lại|voi lai)\s$`)

// opensAsking reports whether text holds an intro marker that says a
// question comes ("cho tôi hỏi", "muốn hỏi", "xin hỏi"), not one that
// keeps to one thing ("chỉ muốn hỏi", "chỉ hỏi riêng").
func opensAsking(text string) bool {
	var b clauseBuf
	b.foldOffsets(text)
	b.findWords()
	for i := range b.words {
		if b.introAt(i) > 0 {
			return !strings.Contains(Fold(text), "chi ")
		}
	}
	return false
}

// medicalOOS is the out-of-scope entry for a question about an illness
// or a medicine.
const medicalOOS = "oos-medical"

// illnessOver are the words by which a story says its illness is over
// ("… bị sốt xuất huyết đã khỏi, giờ muốn làm bhyt học sinh"), folded.
var illnessOver = []string{" da khoi", " khoi roi", " khoi benh", " da lanh", " lanh roi", " het benh", " da het sot", " het sot roi", " da ha sot",
	" tuan truoc", " thang truoc", " nam ngoai", " nam truoc", " gio khoe", " gio ok", " da tiem"}

// storyAsideTold answers r, read as a question about an illness, with
// the programme its question asks about when the illness is the story
// told before it: "em bị sốt 3 ngày rồi, hộ nghèo khám ở đâu được miễn
// phí" asks where a poor household is treated free, not what to take for
// the fever. The message must name a programme or a household category
// (Result.subject); the question (the clause reading's, else the last
// clause) read alone must be a programme's, sure of one entry, ask by its
// words or name that programme, and ask for no medical advice itself, nor
// may the last clause read as out of scope. An illness not told as over
// (illnessOver) leads the answer with the health-advice caution line
// (Result.Caution). Other out-of-scope stories ("tôi đang xem phim …, mà
// hộ cận nghèo vay được bao nhiêu") are left as they were: an outside
// matter is often asked in a programme's words.
func (kb *KB) storyAsideTold(r *Result, text string, day Date) {
	if !r.subject || r.Entry == nil || r.Entry.ID != medicalOOS || !mayCut(text) {
		return
	}
	clauses := clauseCut.Split(strings.TrimRight(text, " \t\n?!."), -1)
	last := clauses[len(clauses)-1]
	q := last
	if i := questionStart(text); i > 0 {
		q = text[i:]
	}
	if strings.TrimSpace(q) == "" || len(q) == len(text) {
		return
	}
	if q != last {
		// The last clause asks nothing medical of its own: "…, có thẻ
		// bhyt hộ nghèo rồi, cho cháu uống gì" asks what to give.
		if l := kb.matchWords(last, day); l.Topic == TopicOutOfScope {
			return
		}
	}
	if _, ok := kb.Detect(q); ok {
		return
	}
	a := kb.matchWords(q, day)
	if !programme(a.Topic) || a.Entry == nil || len(a.Ambiguous) > 1 || a.Score < otherAskedMin {
		return
	}
	c, _ := kb.cuesOf(q)
	// "bhyt học sinh" names the card and school.
	if !asksByWords(q) && !slices.Contains(c.subjects, a.Topic) {
		return // "hiến máu có được bồi dưỡng không, tôi muốn đi hiến"
	}
	*r = a
	f := " " + Fold(text) + " "
	has := func(ws []string) bool {
		return slices.ContainsFunc(ws, func(w string) bool { return strings.Contains(f, w) })
	}
	if !has(illnessOver) {
		r.Caution = AlarmHealthAdvice
	}
}
