package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Debt told in despair: "tôi nợ nần quá không biết làm sao sống nổi",
// "vợ chồng tôi nợ 200 triệu, ngân hàng đòi, không biết làm thế nào".
// Read by the matcher such a message was a refusal (another procedure, a
// commercial bank) or an ask-back between two programmes: a cold answer to
// someone at the end of their tether. It now gets a warm one, with what
// can be done at once (the social-policy bank's group leader, the police
// for threats, the household check, an officer) and, gently, what to do
// if the weight becomes too much. A wish to die said outright is the
// danger detector's, which runs before (docs/architecture.md §4). The
// words are read folded, in words and pairs of words, so marks may be left
// out; the matcher and its models are not involved.

var (
	// debtWords say the household is in debt. "Nợ" folds as "no", which
	// is also "nó" (he, it): it counts only in these phrases, or before
	// a sum ("nợ 200 triệu").
	debtWords = []string{
		"no nan", "mac no", "gang no", "doi no", "tra no", "chu no", "khoan no", "siet no",
		"no ngan hang", "no chong chat", "chong chat no", "no nhieu", "no qua", "no lai", "no tien",
		"tin dung den", "vay nong", "vay lai nang", "lai nang", "om no", "ngap no", "no ngap", "no co bac",
		"bi doi no", "vay no", "bi vo no", "da vo no", "vo no roi",
	}
	// heavyDebt says debt that is despair by itself, in a short message:
	// "nợ nần chồng chất", "nợ ngập đầu".
	heavyDebt = []string{"no nan chong chat", "no chong chat", "chong chat no", "no ngap dau", "ngap dau no", "ngap trong no"}
	// despairWords say the writer sees no way out.
	despairWords = []string{
		"khong biet lam sao", "khong biet lam the nao", "khong biet tinh sao", "khong biet xoay",
		"khong biet song", "song sao noi", "song noi", "song kieu gi", "be tac", "tung quan", "cung duong",
		"het cach", "khong con cach", "khong con duong", "kho qua", "khon kho", "khon don", "kiet que",
		"chan qua", "suy sup", "khong lo noi", "khong gang noi", "toi chet mat", "chac toi chet", "chac chet mat", "chet mat thoi", "co ai giup",
		"ai giup voi", "giup toi voi", "giup voi", "bi doi qua",
	}
)

// heavyDebtWords: heavy debt alone is despair in a message of at most
// this many words. A longer one asks its question after it ("… nợ nần
// chồng chất, có được xét hộ nghèo không"), which the matcher answers.
const heavyDebtWords = 12

// debtDespair reports whether text tells of debt in despair: heavy debt
// in a short message, or a debt phrase, "vỡ nợ" or "nợ" before a sum
// together with words that see no way out.
func debtDespair(text string) bool {
	if hasFolded(text, heavyDebt) && len(strings.Fields(text)) <= heavyDebtWords {
		return true
	}
	if !hasFolded(text, despairWords) {
		return false
	}
	// Folded, "vỡ nợ" (bankrupt) is "vợ nó" (his wife): written with marks,
	// or in debtWords' phrases.
	if hasFolded(text, debtWords) || strings.Contains(strings.ToLower(text), "vỡ nợ") {
		return true
	}
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words[:max(len(words)-1, 0)] {
		if w == "no" && unicode.IsDigit(rune(words[i+1][0])) {
			return true
		}
	}
	return false
}

// textDebtDespair answers debt told in despair. It names no amount, rate or
// number but the police's and the ambulance's.
const textDebtDespair = "Tôi rất tiếc vì ông/bà đang phải lo chuyện nợ nần. Ông/bà đừng giữ một mình, có mấy việc làm được ngay:\n" +
	"- Nợ Ngân hàng Chính sách xã hội mà chưa trả kịp: báo sớm tổ trưởng tổ tiết kiệm và vay vốn ở thôn, hoặc cán bộ ngân hàng ở điểm giao dịch xã, để được hướng dẫn.\n" +
	"- Bị đòi nợ, đe dọa, vay lãi nặng: báo công an xã/phường hoặc gọi 113.\n" +
	"- Nhà khó khăn: bấm \"" + labelCheck + "\" để xem hộ mình có thể được hỗ trợ gì, hoặc bấm \"" + labelOfficer + "\" để cán bộ xã liên hệ.\n" +
	"- Nếu thấy quá sức chịu đựng, nghĩ quẩn: nói ngay với người thân, hàng xóm, hoặc gọi 115."

// DebtDespairReply is the bot's answer when text tells of debt in despair
// (ok false otherwise). `ansinh ask` uses it so that its answer is the
// bot's.
func DebtDespairReply(text string) (string, bool) {
	if !debtDespair(text) {
		return "", false
	}
	return textDebtDespair, true
}

// debtDespair answers debt told in despair and reports whether it did. A
// programme the matcher reads in the message with confidence is offered as
// the first button; an open request gets the message in its thread.
func (c *conv) debtDespair(text string) (bool, error) {
	reply, ok := DebtDespairReply(text)
	if !ok {
		return false, nil
	}
	if err := c.keepInThread(text); err != nil {
		return true, err
	}
	var buttons []Button
	if r := c.e.KB().Match(text, c.day); r.Entry != nil && len(r.Ambiguous) == 0 && r.Score >= 0.5 && programmeTopic(r.Topic) {
		buttons = append(buttons, Button{Label: r.Entry.Title, Data: dataEntry + r.Entry.ID})
	}
	buttons = append(buttons,
		Button{Label: labelCheck, Data: dataCheck},
		Button{Label: labelOfficer, Data: dataOfficer},
		Button{Label: labelMenu, Data: dataMenu})
	return true, c.reply(reply, buttons, logMeta{topic: content.TopicSmalltalk, entry: "debt-despair", score: 1})
}

// A complaint that an officer asks for money ("cán bộ xã đòi thu phí 2
// triệu mới cho vay", "phải bồi dưỡng mới được làm hồ sơ") is filed for
// an officer like any complaint, and the citizen, who got the receipt
// alone, did not learn that the poor household's loan costs no fee. The
// receipt now starts with it (the complaint's entry carries the source).

// complaintEntry is the knowledge base's complaint.
const complaintEntry = "officer-complaint"

// feeWords say money is asked for a service.
var feeWords = []string{
	"thu phi", "doi phi", "mat phi", "tien phi", "phi ho so", "le phi", "bat nop tien", "bat dong tien",
	"doi tien", "phai nop tien", "phai dong tien", "nop tien moi", "dua tien", "boi duong", "lot tay",
	"tien ca phe", "phong bi", "tien lam ho so", "tien hoa hong", "chi phi ho so", "doi chia",
}

// textFeeNotice leads the receipt of a complaint that money was asked;
// textFeeNoticeLoan too when the complaint is about a loan.
const (
	textFeeNotice     = "Lưu ý: khoản tiền nào phải nộp đều phải có biên lai hợp lệ; không có biên lai thì ông/bà đừng nộp."
	textFeeNoticeLoan = "Lưu ý: vay vốn hộ nghèo ở Ngân hàng Chính sách xã hội không phải thế chấp và không mất phí làm hồ sơ. Khoản tiền nào phải nộp đều phải có biên lai hợp lệ; không có biên lai thì ông/bà đừng nộp."
)

// feeNotice makes the fee notice lead the next reply when text, read as a
// complaint (en), says money was asked: the loan's when it names a loan.
func (c *conv) feeNotice(text string, en *content.Entry) {
	if en == nil || en.ID != complaintEntry || !feeAsked(text) {
		return
	}
	c.noted = textFeeNotice
	switch {
	case feeTold(text):
		// Money to be put on the list or to get a loan: never "pay with a
		// receipt" (scam.go).
		c.noted = textFeeNoticeFree
	case hasFolded(text, loanWords):
		c.noted = textFeeNoticeLoan
	}
}

// loanWords name a loan in a complaint.
var loanWords = []string{"vay", "vay von", "cho vay", "ngan hang", "giai ngan"}

// feeDemand are the verbs of asking for money; a sum a few words after
// one ("đòi tôi 2 triệu", "bắt nộp 500 nghìn") is a fee asked.
var feeDemand = map[string]bool{"doi": true, "bat": true, "thu": true, "nop": true, "dong": true, "lay": true, "xin": true}

// moneyUnits follow a sum.
var moneyUnits = map[string]bool{"trieu": true, "tr": true, "nghin": true, "ngan": true, "k": true, "dong": true, "d": true}

// feeAsked reports whether text tells that money was asked: a fee's words
// (feeWords), or a sum within four words after a verb of asking.
func feeAsked(text string) bool {
	if hasFolded(text, feeWords) {
		return true
	}
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	isSum := func(j int) bool {
		w := words[j]
		if w == "" || !unicode.IsDigit(rune(w[0])) {
			return false
		}
		rest := strings.TrimLeftFunc(w, unicode.IsDigit)
		return moneyUnits[rest] || rest == "" && j+1 < len(words) && moneyUnits[words[j+1]]
	}
	for i, w := range words {
		if !feeDemand[w] {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+4; j++ {
			if isSum(j) {
				return true
			}
		}
	}
	return false
}

// hasFolded reports whether one of phrases, folded words, is in text read
// folded, in whole words.
func hasFolded(text string, phrases []string) bool {
	folded := " " + strings.Join(strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for _, p := range phrases {
		if strings.Contains(folded, " "+p+" ") {
			return true
		}
	}
	return false
}

// officerWords name who may have asked for the money: an officer, the
// village head, the commune.
var officerWords = []string{"can bo", "truong thon", "thon", "xa", "phuong", "uy ban", "ubnd"}

// ComplaintOverAskBack makes the complaint the answer when r would ask
// back between it and something else and text tells that an officer asked
// for money: "cán bộ đòi tiền mới làm thẻ bhyt" was asked back between
// the newborn's card ("mới") and the complaint. Such a message is filed
// for an officer with the fee notice, as the complaint read alone is.
// `ansinh ask` applies it too, so that its answer is the bot's.
func ComplaintOverAskBack(text string, r content.Result) content.Result {
	if len(r.Ambiguous) < 2 || !feeAsked(text) || !hasFolded(text, officerWords) {
		return r
	}
	for _, cand := range r.Ambiguous {
		if cand.Entry != nil && cand.Entry.ID == complaintEntry {
			return content.Result{Topic: cand.Entry.Topic, Entry: cand.Entry, Score: r.Score}
		}
	}
	return r
}
