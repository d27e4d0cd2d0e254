package content

import (
	"slices"
	"unicode/utf8"
)

// The thing asked against the category's entry. An entry written for a
// household category ("BHYT hộ cận nghèo", "Vay vốn hộ nghèo") answers
// what the category gets, and its examples are full of the category's
// name. A message often names the category first and then, after "thì",
// the thing it asks about: "thẻ bhyt hộ cận nghèo bị mất thì làm lại ở
// đâu" asks where to get a card made again, "hộ nghèo vay vốn ưu đãi thì
// hằng tháng trả lãi ở đâu" where to pay the interest. Read as a whole,
// such a message resembles the category's entry; the words after "thì"
// are read once more on their own by the topic's entry model (entryclf.go),
// and its reading weighs in the entry choice in proportion to how sure it
// is: "làm lại ở đâu" is the lost card's (0.49), "hằng tháng trả lãi ở đâu"
// the monthly payment's (0.91), while "vay lãi bao nhiêu" or "vay gói
// nào" leave the whole message's reading almost alone. An entry the thing
// asked reads at thingJoin or more joins the choice whatever its
// retrieval. When the words after "thì" ask the category's own rate or
// benefit ("hộ cận nghèo thì nhà nước đóng bhyt bao nhiêu phần trăm"), the
// model reads them as the category entry's.
var thingWeight = 0.5

// thingJoin: an entry the model reads in the thing asked with at least
// this probability joins the entry choice though its retrieval is below
// the band.
var thingJoin = 0.5

// thingMaxRunes: only a message of up to this many characters is read so;
// in a longer one a "thì" more often closes a clause of the story ("hỏi
// thôn thì bảo chưa về") or opens a second question, and the clause
// weights (clause.go) already read the question apart.
var thingMaxRunes = longRunes

// minThing is the fewest syllables after "thì" read as the thing asked.
const minThing = 2

// markThing sets s.thing to the syllable after the last "thì" that follows
// every household category named, when at least minThing syllables of the
// question (weight 1) follow it; -1 for none.
func (s *scratch) markThing() {
	s.thing = -1
	if thingWeight == 0 || utf8.RuneCountInString(s.text) > thingMaxRunes {
		return
	}
	last := -1
	for _, m := range s.ments {
		last = max(last, m.at)
	}
	if last < 0 {
		return
	}
	for j := len(s.syl) - minThing - 1; j > last; j-- {
		if s.syl[j] == "thi" && s.w[j+1] >= 1 && !examWord(s.syl[j+1]) {
			s.thing = j + 1
			return
		}
	}
}

// examWord reports a word that makes "thi" the exam ("thi đại học", "thi
// vào lớp 10", "thi tốt nghiệp") or a town ("thị trấn"), not "thì".
func examWord(w string) bool {
	switch w {
	case "dai", "vao", "tot", "do", "truot", "lai", "cu", "tuyen", "hoc", "xong", "tran":
		return true
	}
	return false
}

// thingProbs fills s.thingP with topic class k's entry model's reading of
// the thing asked and returns its largest probability (0: no thing asked,
// or the topic has one entry).
func (kb *KB) thingProbs(s *scratch, k int) float64 {
	if s.thing < 0 || k < 0 || kb.clf.entries[k].nc == 0 {
		return 0
	}
	if s.thingTopic != k {
		s.thingTopic = k
		clear(s.thingP)
		s.thingFeats = features(s.thingFeats[:0], s.syl[s.thing:], s.w[s.thing:])
		kb.clf.weigh(s.thingFeats)
		s.ebuf = kb.clf.entryProbs(k, s.thingFeats, s.thingP, s.ebuf)
	}
	return slices.Max(s.thingP)
}
