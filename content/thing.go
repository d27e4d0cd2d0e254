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
// the monthly payment's (0.91). An entry the thing asked reads at
// thingJoin or more joins the choice whatever its retrieval. Only a thing
// asked how, where, when, with which papers or to whom (procedureWords)
// is read so: when the words after "thì" ask whether or how much the
// category gets ("… thì có được hỗ trợ tiền điện không", "hộ cận nghèo thì
// nhà nước hỗ trợ đóng bhyt mấy phần trăm") the category's entry answers.
// Cross-validated on the four citizen batches (ANSINH_TUNE=citizen
// ANSINH_TUNE_ENTRY=thing): read for every thing asked, the right entry
// where a category is named fell 75.1% → 74.8% (eligibility questions
// went to "who gets it"); for the procedural ones only 75.1% = 75.1% (and
// 80.1% = 80.1% with the fourth batch held out), the own entry sets +2.
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
// question (weight 1) follow it and they ask how something is done
// (procedureWords); -1 for none.
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
			if anyWord(s.syl, j+1, len(s.syl), procedureWords) {
				s.thing = j + 1
			}
			return
		}
	}
}

// procedureWords ask how something is done rather than whether or how
// much the household gets: where, how, when, which papers, to whom, and
// the card's lost, wrong, expired or renewed. A thing asked without one
// ("… thì có được hỗ trợ tiền điện không", "… thì được vay tối đa bao
// nhiêu") is the category's own question and is not read apart. Each is a
// word, or "a b" for a pair (see anyWord).
var procedureWords = []string{"o dau", "cho nao", "noi nao", "the nao", "lam sao", "ra sao", "giay to", "ho so", "thu tuc",
	"bao gio", "khi nao", "luc nao", "ngay nao", "ngay may", "bao lau", "cho ai", "hoi ai", "gap ai", "lam lai", "cap lai",
	"gia han", "het han", "ghi sai", "bi mat", "nop", "dang ky", "doi"}

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
		s.thingFeats = askFeatures(s.thingFeats, asksOf(s.syl[s.thing:], nil))
		s.ebuf = kb.clf.entryProbs(k, s.thingFeats, nil, s.thingP, s.ebuf)
	}
	return slices.Max(s.thingP)
}
