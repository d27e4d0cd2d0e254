package bot

import (
	"slices"
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Small talk outside a request: a whole message that only opens the
// conversation ("cho em hỏi chút ạ", "bác ơi cho hỏi"), asks whether
// anyone is there ("có ai không ạ"), agrees ("ok", "vâng", "ừm") or is an
// emoji ("👍"). Read by the matcher, such a message was a question naming
// no programme (the menu, and a line on the unanswered list), another
// programme's answer on a stray word ("oki" read as students, "hỏi tý" as
// wages) or a request for an officer. It gets a short reply, nothing on
// the unanswered list and no ticket. Greetings and thanks are the
// knowledge base's (chat-greeting, chat-thanks); the words here are the
// ones it did not read well. A message with any other word is a question
// of its own: "cho em hỏi chút, hộ cận nghèo có được vay không" is the
// loan's. Words are compared folded, so marks may be left out.

// smallKind is what a small-talk message does.
type smallKind int

const (
	smallNone     smallKind = iota
	smallOpener             // "cho em hỏi chút ạ": asks leave to ask
	smallPresence           // "có ai không ạ": asks whether anyone is there
	smallAck                // "ok", "vâng", "ừm": agrees
	smallSymbol             // "👍": an emoji or a sticker's symbol alone
	smallRude               // "bot ngu quá": a cross word at the bot
	smallTold               // "tôi 61 tuổi, ở Tiên Du": an age and a commune told, no question
)

// maxSmallWords bounds a small-talk message; a longer one says more.
const maxSmallWords = 10

var (
	// smallFiller are words any small talk may hold: particles, the ways
	// to address someone and to speak of oneself, greetings.
	smallFiller = setOf(
		"a", "ah", "ak", "oi", "nhe", "nha", "nhi", "ha", "he", "voi", "day", "da",
		"em", "e", "toi", "minh", "mk", "mik", "to", "chau", "con", "bac", "anh", "chi", "c",
		"co", "chu", "ong", "ba", "ad", "admin", "bot", "ban", "cac",
		"alo", "lo", "chao", "xin", "hello", "hi",
	)
	// smallFillerPhrases are filler of two words, removed before the words
	// are read one by one ("mọi người": "người" alone may ask for a person).
	smallFillerPhrases = []string{"moi nguoi", "ca nha", "tro ly"}
	// openerWords may stand with "hỏi" in a message asking leave to ask.
	openerWords = setOf(
		"hoi", "cho", "muon", "can", "nho", "chut", "ti", "ty", "xiu", "teo", "it", "mot", "1",
		"cau", "cai", "viec", "nay", "nhanh", "duoc", "dc", "khong",
		// Who the question is for: "em muốn hỏi cho bố mẹ em ở quê",
		// "em hỏi giúp bố mẹ ạ", "mẹ ơi con muốn hỏi".
		"giup", "ho", "thay", "bo", "me", "cha", "vo", "chong", "cu", "noi", "ngoai", "o", "que", "nha",
	)
	// toldWords may stand with an age in a message that only tells it
	// ("con tôi năm nay 5 tuổi"): persons, "năm nay", "tuổi".
	toldWords = setOf("bo", "me", "cha", "vo", "chong", "cu", "noi", "ngoai", "nam", "nay", "tuoi", "gai", "trai", "nho", "lon")
	// presenceWords may stand in "có ai ở đây không".
	presenceWords = setOf("ai", "o", "do", "day", "khong", "con", "dang")
	// ackWords agree or say the answer was understood; ackCore are those
	// that make a message an agreement by themselves ("rồi" alone is not).
	ackWords = setOf(
		"ok", "oke", "okie", "oki", "okay", "okey", "okela", "uh", "uhm", "um", "u", "uk", "uki",
		"vang", "da", "duoc", "dc", "roi", "r", "hieu", "biet", "ro",
	)
	ackCore = setOf(
		"ok", "oke", "okie", "oki", "okay", "okey", "okela", "uh", "uhm", "um", "u", "uk", "uki",
		"vang", "da", "duoc", "dc", "hieu", "biet",
	)
)

// smallTalkOf reads text as small talk; smallNone when it says more.
func smallTalkOf(text string) smallKind {
	if symbolMessage(text) {
		return smallSymbol
	}
	folded := " " + strings.Join(strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	all := strings.Fields(folded)
	if len(all) == 0 || len(all) > maxSmallWords {
		return smallNone
	}
	for _, p := range smallFillerPhrases {
		folded = strings.ReplaceAll(folded, " "+p+" ", " ")
	}
	var rest []string
	for _, w := range strings.Fields(folded) {
		if negations[w] {
			w = "khong"
		}
		rest = append(rest, w)
	}
	switch {
	case onlyOf(rest, openerWords) && contains(rest, "hoi") && !strings.Contains(folded, " can bo "):
		// "tôi muốn hỏi cán bộ" asks for an officer, not leave to ask.
		return smallOpener
	case onlyOf(rest, nil) && contains(rest, "oi") && len(rest) > 1:
		return smallOpener // a call: "ad ơi", "bác ơi"
	case onlyOf(rest, presenceWords) && contains(rest, "khong") && (contains(rest, "ai") || contains(all, "co")):
		return smallPresence
	}
	if rudeTo(rest) {
		return smallRude
	}
	if toldOnly(rest) {
		return smallTold
	}
	// An agreement: every word is agreeing or filler and one agrees by
	// itself ("dạ vâng", "ok em", "hiểu rồi ạ").
	core := false
	for _, w := range rest {
		switch {
		case ackCore[w]:
			core = true
		case !ackWords[w] && !smallFiller[w]:
			return smallNone
		}
	}
	if core {
		return smallAck
	}
	return smallNone
}

// toldOnly reports whether words (folded, filler phrases dropped) only
// tell an age, and perhaps a listed commune after "ở": "tôi 61 tuổi, ở
// Tiên Du", "con tôi năm nay 5 tuổi". Such a message opens a question
// still to come; read by the matcher, it got the job-ads or the medical
// refusal (until session 67).
func toldOnly(words []string) bool {
	if i := slices.Index(words, "o"); i > 0 {
		if _, ok := content.ListedCommune(strings.Join(words[i+1:], " ")); !ok {
			return false
		}
		words = words[:i]
	}
	age := false
	for k, w := range words {
		switch {
		case isDigits(w) && k+1 < len(words) && words[k+1] == "tuoi":
			age = true
		case toldWords[w], smallFiller[w]:
		default:
			return false
		}
	}
	return age
}

// declines are whole replies (choiceWords) that say no to a list shown.
var declines = setOf("khong", "thoi", "khong can", "thoi khong", "khong co", "khong a", "da khong", "thoi khong can", "khong hoi")

// Cross words at the bot ("bot ngu quá", "trả lời như hạch"): the matcher
// read "bot ngu quá" as a goodbye (until session 66).
var (
	// rudeCore make a message cross by themselves, said to the bot.
	rudeCore = setOf("ngu", "dot", "vo dung", "nhu hach", "te", "kem", "lao")
	// rudeWords may stand with them.
	rudeWords = setOf("qua", "the", "vay", "vl", "vcl", "lam", "that", "the nay", "nay", "tra loi", "het", "suc", "thi")
	// rudeAt name the bot ("bot", "mày", "trợ lý"): "tôi ngu quá" is no
	// word at the bot.
	rudeAt = setOf("bot", "may", "ad", "admin", "ban", "tra loi")
)

// rudeTo reports whether words (folded, filler left in) are only a cross
// word at the bot.
func rudeTo(words []string) bool {
	joined := " " + strings.Join(words, " ") + " "
	core, at := false, false
	for _, set := range []map[string]bool{rudeCore, rudeAt, rudeWords} {
		for p := range set {
			if strings.Contains(joined, " "+p+" ") {
				switch {
				case rudeCore[p]:
					core = true
				case rudeAt[p]:
					at = true
				}
				joined = strings.ReplaceAll(joined, " "+p+" ", " ")
			}
		}
	}
	if !core || !at {
		return false
	}
	for _, w := range strings.Fields(joined) {
		if !smallFiller[w] || w == "toi" || w == "em" || w == "minh" || w == "con" || w == "chau" {
			return false
		}
	}
	return true
}

// sadSymbols are the emoji of tears and sorrow: alone, they get a caring
// line and the offer of help, not a receipt (textSymbolSad).
var sadSymbols = []string{"😭", "😢", "😥", "😞", "😔", "😿", "💔", "😩", "😫", "☹", "🙁", "😟", "😰", "😓", "🥺"}

// sadSymbol reports whether text, symbols alone, holds an emoji of tears
// or sorrow.
func sadSymbol(text string) bool {
	for _, s := range sadSymbols {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// angrySymbols are the emoji of anger: alone, they get the apology a
// cross word at the bot gets (textRude), not a receipt.
var angrySymbols = []string{"😡", "😠", "🤬", "👿", "💢", "😤"}

// angrySymbol reports whether text, symbols alone, holds an emoji of
// anger.
func angrySymbol(text string) bool {
	for _, s := range angrySymbols {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// sadEmoticon reports whether text is a sad face typed alone (":(",
// ":((", ":'(", ":-(", "=(").
func sadEmoticon(text string) bool {
	t := strings.Join(strings.Fields(text), "")
	for _, face := range []string{":'(", ":-(", ":(", "=("} {
		if rest, ok := strings.CutPrefix(t, face); ok && strings.Trim(rest, "(") == "" {
			return true
		}
	}
	return false
}

// onlyOf reports whether every word is one of set or filler, and one at
// least is of set; with no set, whether every word is filler.
func onlyOf(words []string, set map[string]bool) bool {
	found := set == nil
	for _, w := range words {
		switch {
		case set[w]:
			found = true
		case !smallFiller[w]:
			return false
		}
	}
	return found
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// symbolMessage reports whether text is symbols alone, an emoji at least
// ("👍", "❤️", "👍👍"): no letter, no digit.
func symbolMessage(text string) bool {
	symbol := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r):
			return false
		case unicode.Is(unicode.So, r):
			symbol = true
		}
	}
	return symbol
}

// ackEntry is the knowledge base's answer to an agreement ("ok", "vâng").
const ackEntry = "chat-ok"

// Replies to small talk.
const (
	// textInviteAsk answers leave asked to ask.
	textInviteAsk = "Dạ, ông/bà cứ hỏi ạ. Ông/bà gõ câu hỏi như khi nói chuyện, ví dụ: \"hộ cận nghèo có được vay vốn không\", \"thẻ BHYT hết hạn thì làm thế nào\"."
	// textHere answers "có ai không": the bot is there, and says what it
	// is; an officer is a button away.
	textHere = "Dạ, có tôi đây ạ: Trợ lý An sinh, trả lời tự động. Ông/bà cứ hỏi, ví dụ: \"hộ cận nghèo có được vay vốn không\". Muốn hỏi cán bộ xã, ông/bà bấm \"Gặp cán bộ\"."
	// textSymbolNoted answers an emoji alone.
	textSymbolNoted = "Dạ, tôi đã nhận được ạ. Ông/bà cần hỏi gì, cứ nhắn cho tôi."
	// textSymbolSad answers an emoji of tears alone ("😭😭😭").
	textSymbolSad = "Dạ, tôi rất tiếc thấy ông/bà đang buồn. Ông/bà gặp chuyện gì, cứ nhắn cho tôi, tôi sẽ cố gắng giúp. Muốn cán bộ xã liên lạc, ông/bà bấm \"Gặp cán bộ\"."
	// textRude answers a cross word at the bot ("bot ngu quá").
	textRude = "Xin lỗi ông/bà, tôi chưa giúp được như ý. Ông/bà thử hỏi lại ngắn gọn hơn, ví dụ \"hộ cận nghèo có được vay vốn không\", hoặc bấm \"Gặp cán bộ\" để hỏi cán bộ xã."
	// textAckReminder answers an agreement ("ok", "ừ") right after a
	// reminder was set or cancelled: the knowledge base's answer to it
	// (chat-ok) adds a line about papers to bring to the commune, beside
	// the point there (until session 66); and "ko" under a programme's
	// list of questions.
	textAckReminder = "Dạ vâng ạ. Ông/bà cần hỏi gì thêm, cứ nhắn cho tôi."
)

// textBringPapers follows an agreement that says the citizen will go to
// the commune ("okie để mai tôi lên xã hỏi"). Until session 67 the
// agreement's answer (chat-ok) always had it, after "ừ", "vâng" and
// "dập được rồi, không ai bị sao" too (tester s67 r4).
const textBringPapers = "Khi lên xã, nhớ mang theo căn cước và các giấy tờ liên quan để làm việc cho nhanh."

// communeTrips are the folded words that say the citizen will go to the
// commune: "lên xã", "ra xã", "lên ủy ban".
var communeTrips = []string{" len xa ", " ra xa ", " xuong xa ", " den xa ", " len uy ban ", " ra uy ban ", " len ubnd ", " ra ubnd ", " len phuong ", " ra phuong "}

// goesToCommune reports whether text says the citizen will go to the
// commune's office.
func goesToCommune(text string) bool {
	f := " " + wordsKey(text) + " "
	for _, w := range communeTrips {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// AckWithPapers is en's answer to text: an agreement saying the citizen
// will go to the commune gets textBringPapers after it (as the chat gives
// it).
func AckWithPapers(en *content.Entry, text string) string {
	if en.ID == ackEntry && goesToCommune(text) {
		return en.Render() + "\n\n" + textBringPapers
	}
	return en.Render()
}

// SmallTalkReply is the bot's reply to text when it is small talk outside
// a request (smallTalkOf), with the knowledge base's entry that gives it
// (nil for the bot's own lines); ok is false for anything else. `ansinh
// ask` uses it so that its answer is the bot's.
func SmallTalkReply(kb *content.KB, text string, day content.Date) (reply string, en *content.Entry, ok bool) {
	switch {
	case inEnglish(text):
		return textEnglish, nil, true
	case asksInbox(text):
		return textInbox, nil, true
	}
	switch smallTalkOf(text) {
	case smallNone:
		return "", nil, false
	case smallOpener, smallTold:
		return textInviteAsk, nil, true
	case smallPresence:
		return textHere, nil, true
	case smallRude:
		return textRude, nil, true
	case smallAck:
		if en, ok := kb.EntryOn(ackEntry, day); ok {
			return en.Render(), en, true
		}
	}
	if sadSymbol(text) {
		return textSymbolSad, nil, true
	}
	if angrySymbol(text) {
		return textRude, nil, true
	}
	return textSymbolNoted, nil, true
}

// smallTalk answers text when it is small talk (smallTalkOf) and reports
// whether it was. A request being open keeps its own replies (followUp):
// there an emoji or a word goes to the officers' thread.
func (c *conv) smallTalk(text string) (bool, error) {
	if t := c.ticket; t != nil && t.Active() {
		return false, nil
	}
	if d := &c.user.Dialog; d.Menu != "" && !c.now.Before(d.LastAt) && c.now.Sub(d.LastAt) <= FollowUpWindow && declines[choiceWords(text)] {
		// "ko" under a programme's list of questions: none of them.
		// Until session 66 it was read with the programme's name and
		// got the answer to one.
		c.noteMatch(content.Result{Topic: content.TopicSmalltalk, Score: 1})
		return true, c.reply(textAckReminder, d.Buttons, logMeta{topic: content.TopicSmalltalk, score: 1})
	}
	if smallTalkOf(text) == smallTold {
		if d := &c.user.Dialog; d.Recent(c.now) || d.Ask != nil || c.e.KB().Match(text, c.day).Alarm != "" {
			// An age told within a conversation answers or follows what
			// was asked ("bố em 71 tuổi" after the social pension, "mẹ
			// tôi 82 tuổi" asked the household for her BHYT card), and
			// the danger detector reads a told age first.
			return false, nil
		}
		// Kept for the question to come (toldbefore.go).
		c.noteAges(text)
	}
	reply, en, ok := SmallTalkReply(c.e.KB(), text, c.day)
	if !ok {
		return false, nil
	}
	c.noteMatch(content.Result{Topic: content.TopicSmalltalk, Score: 1})
	c.user.Dialog.Misses = 0
	if b := c.user.Dialog.Buttons; en != nil && en.ID == ackEntry && len(b) > 0 && b[0].Data == dataRemind+"list" {
		// Right after a reminder was set or cancelled (its buttons are
		// the last shown).
		return true, c.reply(textAckReminder, b, logMeta{topic: content.TopicSmalltalk, score: 1})
	}
	if en != nil {
		return true, c.give(en, 1)
	}
	menu := []Button{{Label: labelMenu, Data: dataMenu}}
	if reply == textHere || reply == textSymbolSad || reply == textRude || reply == textEnglish || reply == textInbox {
		menu = append([]Button{{Label: labelOfficer, Data: dataOfficer}}, menu...)
	}
	return true, c.reply(reply, menu, logMeta{topic: content.TopicSmalltalk, score: 1})
}
