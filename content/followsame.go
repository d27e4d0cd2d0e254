package content

import "slices"

// A follow-up may name the programme of the answer it follows: "vay được
// bao nhiêu 1 tháng" after the student loan asks that loan's monthly cap,
// and "vay" names the loans only. Read alone it was a question of its own,
// answered with the poor household's loan (the matcher's likeliest
// loan). The answer in progress wins unless the message names, besides,
// another answer of the programme: "vay nước sạch được bao nhiêu" after
// the student loan asks the water loan. The particle "vậy" ("vậy so với
// cận nghèo thì sao") names no loan: the cues are read without it
// (dropParticles).

// ownSubjectOnly reports whether the message text, whose cues are c, names
// no programme but prev's topic, asks an aspect and names no household
// category, and names no word of another answer's title that prev's
// title lacks, that answer being the one text read alone gets: it then
// goes on about prev.
func (kb *KB) ownSubjectOnly(text string, c cues, prev *Entry, day Date) bool {
	if c.households > 0 || len(c.aspects) == 0 {
		return false
	}
	for _, s := range c.subjects {
		if s != prev.Topic {
			return false
		}
	}
	r := kb.Match(text, day)
	if r.Alarm != "" || r.Urgent {
		return false
	}
	var asked []string
	if slices.Contains(stated, c.aspects[0]) && anyLine(prev.Answer, aspectLine(c.aspects[0])) {
		// prev states what is asked ("vay được bao nhiêu" after the
		// student loan's cap): the words asking it, and "tối đa", name
		// no other answer. When prev states none, they may.
		asked = append(slices.Clone(c.asked), "toi", "da")
	}
	return r.Entry == nil || r.Entry.Key == prev.Key || !kb.ownTitleWord(text, r.Entry, prev, asked)
}

// ownTitleWord reports whether text holds a word of en's title that
// prev's title lacks (compared as titleShared compares): "nước" of «Vay
// nước sạch, nhà vệ sinh» against «Vay vốn học sinh, sinh viên». The
// words of what the message asks (asked, folded: "bao nhiêu", "mức") name
// no answer: "vay được bao nhiêu" after the student loan holds the "bao
// nhiêu" of «Hộ cận nghèo vay tối đa bao nhiêu» and asks that loan's
// amount (QA pass 72 #8), as "tối đa" does, when prev states it.
func (kb *KB) ownTitleWord(text string, en, prev *Entry, asked []string) bool {
	fold := !hasMarks(text)
	title, had := titleWords(en.Title, fold), titleWords(prev.Title, fold)
	for _, w := range titleWords(text, fold) {
		if !titleFiller[w] && !slices.Contains(asked, Fold(w)) && slices.Contains(title, w) && !slices.Contains(had, w) {
			return true
		}
	}
	return false
}
