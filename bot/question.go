package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Words that make a message a question (folded, on word boundaries), and
// the indefinite uses of them that do not: "hỏi thuốc gì cho dễ ngủ" asks,
// "15 hay 20 gì đó" answers.
var (
	questionWords = foldAll("bao nhiêu", "thế nào", "ra sao", "làm sao", "tại sao", "vì sao", "ở đâu",
		"chỗ nào", "được không", "có phải", "là gì", "gì", "cho hỏi")
	notQuestionWords = foldAll("gì đó", "gì cả", "gì đâu", "gì cũng", "nào cũng")
	// questionEnds end a question: "… có mưa không", "… chưa".
	questionEnds = setOf("khong", "chua", "nao", "sao", "ha", "nhi", "the", "dau", "gi", "ko", "k", "hok", "hong", "kg")
)

// asksQuestion reports whether text is put as a question: a question mark,
// a question word used as one, or a last word that asks.
func asksQuestion(text string) bool {
	if strings.Contains(text, "?") {
		return true
	}
	if hasFolded(text, questionWords) && !hasFolded(text, notQuestionWords) {
		return true
	}
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for len(words) > 1 && choiceTrailers[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return len(words) > 1 && questionEnds[words[len(words)-1]]
}

// DeclinedQuestion reports whether r, the matcher's reading of text, is a
// question the bot declines: a medical one (r.Alarm) or one out of its
// scope put as a question ("hỏi thuốc gì cho dễ ngủ", "mai trời có mưa
// không"). Sent while the bot waits for a reminder's day, it is answered
// and the wait ends, as a programme's question is (remindask.go).
func DeclinedQuestion(text string, r content.Result) bool {
	if r.Urgent {
		return false
	}
	return r.Alarm != "" || r.Topic == content.TopicOutOfScope && asksQuestion(text)
}
