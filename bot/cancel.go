package bot

import "github.com/bacninh/ansinh/content"

// Whole replies that steer the conversation rather than ask something:
// "thôi", "hủy", "không cần nữa" end what the bot is waiting for (the
// matter of a request to an officer, a reminder's day) without sending or
// setting anything, and otherwise get a short acknowledgement instead of a
// reading of their words ("thôi" is no question about the weather);
// "menu", "quay lại" open the main menu; "hỏi thôi", "không, tôi hỏi
// thôi" (onlyAsking) say there is nothing to do. They are compared as
// choiceWords gives them (folded, the politeness words at their end
// dropped), so "Thôi ạ" and "khong can nua nhe" count; longer messages
// are questions.
// The eligibility check reads its own ("quay lại" goes back a question
// there), and a danger is read before any of them.
var (
	cancelSayings = setOf(
		"thoi", "thoi khoi", "khoi", "khoi can", "thoi khong can", "khong can", "khong can nua",
		"thoi khong can nua", "thoi khong can dau", "khong can dau", "thoi khoi can",
		"huy", "huy bo", "huy yeu cau", "thoi huy", "cancel", "dung lai", "thoi dung lai",
		"bo qua", "thoi bo qua", "de sau", "thoi de sau", "luc khac", "de luc khac", "thoi de luc khac",
		"thoi ke", "khong gui nua", "thoi khong gui nua", "khong hoi nua", "thoi khong hoi nua", "thoat",
	)
	menuSayings = setOf(
		"menu", "muc luc", "quay lai", "tro lai", "tro ve", "quay ve", "ve menu", "ve dau", "quay lai dau",
		"trang chu", "ve trang chu", "bat dau lai", "lam lai tu dau", "main menu",
	)
)

const (
	textCancelledMatter  = "Dạ, tôi chưa gửi gì cho cán bộ xã. Khi cần, ông/bà bấm \"Gặp cán bộ\" hoặc gõ câu hỏi."
	textCancelledRemind  = "Dạ, tôi chưa đặt hay đổi gì. Khi cần, ông/bà vào mục Nhắc lịch."
	textWrongNothing     = "Dạ, ông/bà muốn hỏi việc gì ạ? Ông/bà gõ câu hỏi hoặc chọn một mục dưới đây."
	textCancelledNothing = "Dạ vâng ạ. Khi cần, ông/bà cứ nhắn lại hoặc chọn một mục dưới đây. Muốn dừng tin nhắn tự động, ông/bà gõ /stop."
)

// steer handles a reply that steers the conversation (cancelSayings,
// menuSayings); it reports whether text was one.
func (c *conv) steer(text string) (bool, error) {
	said := choiceWords(text)
	if !menuSayings[said] && !cancelSayings[said] && !saysWrong(said) && !onlyAsking(said) {
		// "Sai rồi", "thôi không phải" with no answer to correct (choice
		// takes them after one) steer too: read by the matcher, "thôi
		// không phải" was the refusal for other procedures.
		return false, nil
	}
	// A "Chưa đúng ý tôi" left unanswered is recorded as such.
	if err := c.settleCorrection(""); err != nil {
		return true, err
	}
	if menuSayings[said] {
		c.user.Dialog.Awaiting = ""
		return true, c.reply(textMenu, c.mainMenu(), logMeta{})
	}
	text, topic := textCancelledNothing, ""
	if saysWrong(said) {
		// "Sai rồi" with nothing to correct: agreeing or pointing to /stop
		// would be beside the point.
		text = textWrongNothing
	}
	switch state := c.user.Dialog.Awaiting; {
	case state == awaitQuestion:
		text, topic = textCancelledMatter, content.TopicOfficer
	case state != "":
		text, topic = textCancelledRemind, content.TopicReminders
	}
	c.user.Dialog.Awaiting = ""
	return true, c.reply(text, c.mainMenu(), logMeta{topic: topic})
}
