package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// A message in English ("can you speak english", "how much can a poor
// household borrow") gets one line in English and one in Vietnamese saying
// the bot answers in Vietnamese; a request to move to private messages
// ("ib em với", Zalo's "inbox me") is told to write here. Until session 71
// the first got the thank-you reply and the second an ask-back about loan
// rates (QA pass 71 #21).

const (
	textEnglish = "Sorry, I answer in Vietnamese only. Please type your question in Vietnamese or press a button below.\nXin lỗi, tôi chỉ trả lời bằng tiếng Việt. Ông/bà gõ câu hỏi bằng tiếng Việt hoặc bấm nút bên dưới."
	textInbox   = "Dạ, ông/bà cứ nhắn câu hỏi ngay ở đây, tôi trả lời luôn. Cần nói chuyện với cán bộ xã thì ông/bà bấm «Gặp cán bộ»."
)

// englishWords are English words a citizen's message in English is made of;
// englishMarks those of them only an English sentence has.
var (
	englishWords = setOf("can", "could", "you", "speak", "english", "do", "does", "how", "what", "is", "are", "i", "my", "me",
		"the", "a", "an", "for", "to", "of", "please", "help", "hello", "hi", "much", "many", "where", "when", "who", "why",
		"household", "households", "poor", "near", "health", "insurance", "loan", "loans", "borrow", "money", "support",
		"yes", "no", "in", "on", "with", "have", "has", "get", "need", "want", "language", "translate", "understand",
		"it", "this", "that", "we", "our", "family", "interest", "rate", "card", "electricity", "bill", "school", "fee",
		"fees", "old", "age", "pension", "house", "housing", "apply", "register", "and", "or", "if", "be", "am", "there")
	englishMarks = setOf("you", "speak", "english", "does", "how", "what", "is", "are", "the", "please", "for", "can", "could", "much", "i", "my")
)

// inEnglish reports whether text is a sentence in English: three words or
// more, without Vietnamese marks, every one an English word and one only
// an English sentence has ("interest rate bn" is not).
func inEnglish(text string) bool {
	if strings.ContainsFunc(text, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }) {
		return false // Vietnamese marks
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < 3 {
		return false
	}
	marked := false
	for _, w := range words {
		if !englishWords[w] {
			return false
		}
		marked = marked || englishMarks[w]
	}
	return marked
}

// inboxWords are the folded words a request to move to private messages
// may hold besides "ib" or "inbox".
var inboxWords = setOf("ib", "inbox", "em", "voi", "a", "nhe", "nha", "minh", "chi", "anh", "ad", "oi", "cho", "toi", "di",
	"rieng", "tin", "nhan", "duoc", "khong", "ko", "k", "vs", "e", "m", "t", "giup", "gium", "qua", "zalo")

// asksInbox reports whether text only asks the bot to write in private.
func asksInbox(text string) bool {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	asked := false
	for _, w := range words {
		if !inboxWords[w] {
			return false
		}
		asked = asked || w == "ib" || w == "inbox"
	}
	return asked
}
