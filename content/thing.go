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
// that reading is multiplied by the model's reading of the whole message
// (thingWithMessage), and it weighs in the entry choice in proportion to
// how sure it is: "làm lại ở đâu" is the lost card's, "hằng tháng trả lãi
// ở đâu" the monthly payment's. An entry the thing asked reads at
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
// 0.75 since the thing is read with the message (thingWithMessage).
var thingWeight = 0.75

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
// much the household gets: where, how, when, which papers (the papers'
// ask words of asks.go: "làm đơn", "tờ khai" …), to whom, and the card's
// lost, wrong, expired or renewed. A thing asked without one
// ("… thì có được hỗ trợ tiền điện không", "… thì được vay tối đa bao
// nhiêu") is the category's own question and is not read apart. Each is a
// word, or "a b" for a pair (see anyWord).
var procedureWords = wordsOf("o dau", "cho nao", "noi nao", "the nao", "lam sao", "ra sao", "giay to", "ho so", "thu tuc",
	"lam don", "viet don", "mau don", "to khai", "bao gio", "khi nao", "luc nao", "ngay nao", "ngay may", "bao lau", "cho ai", "hoi ai", "gap ai", "lam lai", "cap lai",
	"gia han", "het han", "ghi sai", "bi mat", "nop", "dang ky", "doi")

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
		kb.weighFeatures(s.thingFeats)
		s.thingFeats = askFeatures(s.thingFeats, asksOf(s.syl[s.thing:], nil))
		s.ebuf = kb.clf.entryProbs(k, s.thingFeats, nil, s.thingP, s.ebuf)
		if thingWithMessage {
			kb.readThingWithMessage(s, k)
		}
	}
	return slices.Max(s.thingP)
}

// thingWithMessage: the thing asked is read together with the whole
// message (readThingWithMessage). Alone, the words after "thì" seldom name the
// programme: "… trợ cấp hằng tháng thì phải làm đơn không" reads as any
// application, the social pension's (0.30) a little before the allowance
// papers' (0.26), so neither joined the choice. Each entry's reading of
// the thing is multiplied by the entry model's reading of the whole
// message and the topic's readings scaled to sum to 1: the thing asked
// says what is asked, the message which programme it is asked of (the
// allowance papers' 0.62). With it thingWeight 0.5 → 0.75; on the citizen
// messages (TestTune, ANSINH_TUNE=citizen, pooled over trainSeed 2026, 1
// and 2, citizen batches 10 and 11 in) five folds' right entry 81.0 /
// 80.6% (category named) and the held-out writers' citizen3, 4, 5, 7 and
// 10 unchanged, citizen11 83.1 → 83.2% / 81.7 → 81.9%; TestTune current's
// entry 80.0 → 80.1%; fresh6's right entry 339 → 338 of 432, fresh8's
// unchanged (389 of 490). Without the product 0.5 and 0.75 read the
// citizen messages alike (seed 2026, ANSINH_TUNE_ENTRY=thing).
var thingWithMessage = true

// readThingWithMessage multiplies s.thingP, topic class k's entry model's
// reading of the thing asked, by its reading of the whole message
// (s.entryProbs) and scales the products to sum to 1.
func (kb *KB) readThingWithMessage(s *scratch, k int) {
	kb.entryModelProbs(s, k)
	var sum float64
	for i, p := range s.thingP {
		s.thingP[i] = p * s.entryProbs[i]
		sum += s.thingP[i]
	}
	if sum <= 0 {
		return
	}
	for i := range s.thingP {
		s.thingP[i] /= sum
	}
}
