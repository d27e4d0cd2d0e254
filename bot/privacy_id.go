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
