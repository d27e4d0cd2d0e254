package bot

import (
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
	)
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
	case onlyOf(rest, openerWords) && contains(rest, "hoi"):
		return smallOpener
	case onlyOf(rest, nil) && contains(rest, "oi") && len(rest) > 1:
		return smallOpener // a call: "ad ơi", "bác ơi"
	case onlyOf(rest, presenceWords) && contains(rest, "khong") && (contains(rest, "ai") || contains(all, "co")):
		return smallPresence
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
)

// SmallTalkReply is the bot's reply to text when it is small talk outside
// a request (smallTalkOf), with the knowledge base's entry that gives it
// (nil for the bot's own lines); ok is false for anything else. `ansinh
// ask` uses it so that its answer is the bot's.
func SmallTalkReply(kb *content.KB, text string, day content.Date) (reply string, en *content.Entry, ok bool) {
	switch smallTalkOf(text) {
	case smallNone:
		return "", nil, false
	case smallOpener:
		return textInviteAsk, nil, true
	case smallPresence:
		return textHere, nil, true
	case smallAck:
		if en, ok := kb.EntryOn(ackEntry, day); ok {
			return en.Render(), en, true
		}
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
	reply, en, ok := SmallTalkReply(c.e.KB(), text, c.day)
	if !ok {
		return false, nil
	}
	c.noteMatch(content.Result{Topic: content.TopicSmalltalk, Score: 1})
	c.user.Dialog.Misses = 0
	if en != nil {
		return true, c.give(en, 1)
	}
	menu := []Button{{Label: labelMenu, Data: dataMenu}}
	if reply == textHere {
		menu = append([]Button{{Label: labelOfficer, Data: dataOfficer}}, menu...)
	}
	return true, c.reply(reply, menu, logMeta{topic: content.TopicSmalltalk, score: 1})
}
