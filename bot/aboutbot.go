package bot

import (
	"strings"

	"github.com/bacninh/ansinh/content"
)

// aboutBotEntry answers a question about the bot itself: an automatic
// assistant, not a person, with "Gặp cán bộ" for one.
const aboutBotEntry = "chat-about-bot"

// Words of a question whether the bot is a person (folded, on word
// boundaries): "bot có phải người thật không", "đây là người thật hay máy
// trả lời". The matcher read such questions as asking for a person, and
// the bot asked for a request's matter.
var (
	// botWords name what the citizen wonders the bot is.
	botWords = foldAll("người thật", "người hay máy", "máy hay người", "máy trả lời", "trả lời tự động",
		"tự động trả lời", "robot", "rô bốt", "bot")
	// whetherWords ask whether: "có phải … không", "… hay …", "… à".
	whetherWords = foldAll("có phải", "phải không", "phải ko", "hay", "hay là", "à", "hả", "chứ", "không", "ko", "k")
	// wantWords ask for a person rather than about the bot: "tôi muốn
	// nói chuyện với người thật" is a request for an officer.
	wantWords = foldAll("muốn", "cần", "cho gặp", "cho tôi", "cho em", "gặp", "nói chuyện với", "tư vấn",
		"liên hệ", "gọi cho", "chuyển", "nối máy", "kết nối", "được không", "dc ko", "đc ko", "được ko")
)

// asksIfBot reports whether text asks whether the bot is a person or a
// machine, and asks for no person.
func asksIfBot(text string) bool {
	return len(strings.Fields(text)) <= 12 && hasFolded(text, botWords) && hasFolded(text, whetherWords) && !hasFolded(text, wantWords)
}

// aboutBotOverPerson makes the answer about the bot the reading of a
// question whether it is a person, which the matcher read as asking for
// one (r is personEntry): the answer says what the bot is and offers "Gặp
// cán bộ" as a button, and no request is opened.
func aboutBotOverPerson(kb *content.KB, text string, r content.Result, day content.Date) content.Result {
	if r.Urgent || r.Entry == nil || r.Entry.ID != personEntry || !asksIfBot(text) {
		return r
	}
	en, ok := kb.EntryOn(aboutBotEntry, day)
	if !ok {
		return r
	}
	return content.Result{Topic: en.Topic, Entry: en, Score: r.Score}
}
