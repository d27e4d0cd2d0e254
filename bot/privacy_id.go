package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Privacy in a request (session 70, QA #17). "sdt của tôi 0912345678 gọi
// lại cho tôi" filed a request with no matter: the officer had a number and
// nothing to call about. Such a message, which says nothing but a phone
// and a call-back, now gets "Ông/bà cần hỏi việc gì?" first; the number is
// kept (Dialog.CallBack) and filed with the matter given next. And an
// ID-card number sent into a request ("cccd 027123456789") was added to its
// thread without a word: it is refused with a warning not to send ID
// numbers, and kept out of the thread (the logs mask it, Mask).

// callBackWords are the words a message that gives only a phone number
// to be called back on may hold, folded.
var callBackWords = setOf(
	"sdt", "so", "dien", "thoai", "dt", "dthoai", "cua", "toi", "em", "minh", "la", "goi", "lai", "cho", "giup",
	"voi", "nhe", "a", "ak", "ah", "ai", "do", "nay", "lien", "he", "can", "bo", "xin", "vui", "long", "oi", "ban",
	"hay", "nhan", "tin", "zalo", "sđt", "ạ", "nha", "dum", "ho", "cho", "di", "duoc", "khong", "ko", "k",
)

// onlyCallBack reports whether text gives a phone number and asks to be
// called back, with no matter besides.
func onlyCallBack(text string) bool {
	if len(callbackPhones(text, "", false)) == 0 {
		return false
	}
	for _, w := range strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !callBackWords[w] {
			return false
		}
	}
	return true
}

// idNumberWords name an identity document, folded ("cccd" folds to
// "cd").
var idNumberWords = setOf("cccd", "cd", "cmnd", "cmt", "can", "cuoc", "chung", "minh", "nhan", "dan", "so", "cua", "toi",
	"em", "minh", "la", "day", "a", "ak", "the", "dinh", "danh", "ma", "ho", "chieu", "nhe", "oi")

// idNumberAlone reports whether text sends an ID-card number (a personal
// number MaskIDs masks) with nothing else but words naming it.
func idNumberAlone(text string) bool {
	if MaskIDs(text) == text {
		return false
	}
	for _, w := range strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !idNumberWords[w] {
			return false
		}
	}
	return true
}

// textPhoneKept leads the question for the matter after a phone number
// given alone.
const textPhoneKept = "Dạ, tôi đã ghi số điện thoại để cán bộ xã gọi lại."

// textNoIDNumber refuses an ID-card number sent in the chat.
const textNoIDNumber = "Ông/bà đừng gửi số căn cước (CCCD), số thẻ hay mã OTP qua tin nhắn. Tôi không chuyển số vừa gửi cho cán bộ; khi cần, cán bộ xã sẽ xem giấy tờ trực tiếp tại xã."

// idRefused refuses an ID-card number sent while the bot waits for a
// request's matter or a request is open, and reports whether it did. The
// number goes nowhere: not the request, not its thread.
func (c *conv) idRefused(text string) (bool, error) {
	if c.u.IsGroup || !idNumberAlone(text) {
		return false, nil
	}
	d := &c.user.Dialog
	switch {
	case d.Awaiting == awaitQuestion:
		return true, c.reply(textNoIDNumber+"\n\n"+textAskMatter, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicOfficer})
	case c.ticket != nil && c.ticket.Active():
		return true, c.ticketReply(textNoIDNumber, c.citizenButtons())
	}
	return false, nil
}

// textNoAccount warns a citizen who sends a bank account number (to
// receive the support, typically): like the ID card's warning, and that
// whoever asks for one, or for an OTP or a fee, "to receive the support"
// is a swindler (bot/scam.go).
const textNoAccount = "Ông/bà đừng gửi số tài khoản ngân hàng, số thẻ, mật khẩu hay mã OTP qua tin nhắn: tôi không ghi nhận tài khoản để nhận tiền và không chuyển số vừa gửi cho cán bộ. Tiền hỗ trợ được chi theo thủ tục của UBND xã/phường; cách nhận, ông/bà hỏi cán bộ xã trực tiếp tại xã.\n" +
	"Cán bộ không xin số tài khoản, mã OTP hay tiền phí qua điện thoại, tin nhắn để \"nhận hỗ trợ\": ai đòi như vậy là lừa đảo."

// accountRefused answers a message holding a bank account number with
// textNoAccount, wherever it is sent, and reports whether it did. The
// number goes nowhere: not a request, not its thread, and the
// conversation log has it masked (run). While the bot waits for a
// request's matter, the question for it follows. Until session 71 "số tài
// khoản của tôi 1903… techcombank, nhận tiền hỗ trợ vào đây được không"
// got the commercial-bank refusal, with no warning (QA pass 71 #15).
func (c *conv) accountRefused(text string) (bool, error) {
	if !ownAccountSent(text) {
		return false, nil
	}
	if c.user.Dialog.Awaiting == awaitQuestion {
		return true, c.reply(textNoAccount+"\n\n"+textAskMatter, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicOfficer})
	}
	return true, c.reply(textNoAccount, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicOfficer})
}

// ownAccountSent reports whether text sends a bank account number as the
// citizen's own (to receive the support): the number and a first person
// or "nhận", and nothing telling that someone asked for money to be paid
// into it. An account a citizen was told to pay a fee into ("họ bảo
// chuyển phí hồ sơ vào số tài khoản …") is a swindle's trace the officer
// needs whole (TestOfficerViewsShowBankAccounts).
func ownAccountSent(text string) bool {
	return accountNumberIn(text) && (hasFolded(text, mineWords) || hasFolded(text, firstPersons) || hasFolded(text, receiveWords)) &&
		!hasFolded(text, demandWords)
}

var (
	// receiveWords say the account is to receive money.
	receiveWords = foldAll("nhận", "nhận tiền", "nhận hỗ trợ", "nhận trợ cấp")
	// demandWords tell that someone asked for money to be paid.
	demandWords = foldAll("phí", "họ bảo", "nó bảo", "bảo chuyển", "đòi", "bắt chuyển", "bắt nộp", "lừa", "lừa đảo", "kẻ gian",
		"người lạ", "gọi điện bảo", "nhắn tin bảo", "yêu cầu chuyển", "chuyển trước", "đặt cọc")
)
