package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
	"golang.org/x/text/unicode/norm"
)

// A message that names one of the citizen's own questions: "còn câu 1 thì
// sao" after a message asking two numbered questions; "còn câu trước"
// (the dialog keeps only the message just before, not the one before it:
// the citizen is asked to type it again). Until session 66 "câu" was read as "cậu" (an uncle:
// the last answer again, "với cậu của ông/bà") and "còn câu trước" got the
// lottery refusal.

// textQuestionRef leads the answer to the question named (%s, quoted).
const textQuestionRef = "Dạ, về câu ông/bà hỏi: «%s»"

// textQuestionRefNone answers a question named that the bot does not
// have (no numbered question, nothing asked before).
const textQuestionRefNone = "Dạ, tôi chưa rõ ông/bà muốn hỏi lại câu nào. Ông/bà gõ lại câu hỏi đó giúp tôi nhé."

// questionRefWords: "(còn|vậy|thế) câu (1|số 1|thứ nhất|trước|…) (thì
// sao|nữa|đâu)", folded.
var (
	questionRefLead = setOf("con", "vay", "the", "thi", "con cai")
	questionRefTail = setOf("thi", "sao", "nua", "dau", "a", "the", "nao", "oi", "chua", "tra", "loi", "nhi", "nhe", "di", "ban", "bot")
	questionRefPrev = map[string]bool{"truoc": true, "vua roi": true, "luc nay": true, "hoi nay": true, "kia": true, "vua nay": true, "ban nay": true, "tren": true}
	questionRefNth  = map[string]int{"nhat": 1, "dau": 1, "dau tien": 1, "thu nhat": 1, "thu hai": 2, "hai": 2, "thu ba": 3, "ba": 3}
)

// questionRefOf reads text as naming one of the citizen's questions: n
// (from 1) of a message asking numbered questions, or prev for the one
// asked before; ok false for anything else.
func questionRefOf(text string) (n int, prev, ok bool) {
	if strings.Contains(strings.ToLower(norm.NFC.String(text)), "cậu") {
		return 0, false, false // "còn cậu kia thì sao": the uncle
	}
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	i := 0
	for i < len(words) && questionRefLead[words[i]] {
		i++
	}
	if i >= len(words) || words[i] != "cau" || i == len(words)-1 {
		return 0, false, false
	}
	i++
	if (words[i] == "so" || words[i] == "hoi") && i+1 < len(words) {
		i++ // "câu số 1", "câu hỏi 1"
	}
	// The longest naming of the question, then only tail words.
	for size := 3; size >= 1; size-- {
		if i+size > len(words) {
			continue
		}
		name := strings.Join(words[i:i+size], " ")
		var got bool
		switch v, err := strconv.Atoi(name); {
		case err == nil && v >= 1 && v <= 9:
			n, got = v, true
		case questionRefNth[name] > 0:
			n, got = questionRefNth[name], true
		case questionRefPrev[name]:
			prev, got = true, true
		}
		if !got {
			continue
		}
		for _, w := range words[i+size:] {
			if !questionRefTail[w] {
				return 0, false, false
			}
		}
		return n, prev, true
	}
	return 0, false, false
}

// numberedMark finds the numbers that open the questions of a message
// asking several ("1 là …, 2 là …", "1. … 2) …").
var numberedMark = regexp.MustCompile(`(?:^|[\s,;:.(])([1-9])\s*(?:là|la|\.|\)|:|-|/)\s+`)

// numberedParts splits q into its numbered questions, in order: part i
// is the one numbered i+1. Nil unless q numbers at least two from 1.
func numberedParts(q string) []string {
	marks := numberedMark.FindAllStringSubmatchIndex(q, -1)
	var parts []string
	for k, m := range marks {
		if q[m[2]:m[3]] != strconv.Itoa(len(parts)+1) {
			return nil
		}
		end := len(q)
		if k+1 < len(marks) {
			end = marks[k+1][0]
		}
		parts = append(parts, strings.Trim(q[m[1]:end], " ,;.:"))
	}
	if len(parts) < 2 {
		return nil
	}
	return parts
}

// questionRef answers text when it names one of the citizen's questions
// (questionRefOf): that question is read again, led by it quoted. It
// reports whether text was such a message.
func (c *conv) questionRef(text string) (bool, error) {
	n, _, ok := questionRefOf(text)
	if !ok {
		return false, nil
	}
	// The message before this one (respond moved it to prevQuestion).
	var q string
	before := questionAfterLead(c.prevQuestion)
	if parts := numberedParts(before); n > 0 && len(parts) >= n {
		q = parts[n-1]
	}
	// "câu trước" names the question before the one just asked, which
	// the dialog does not keep: the citizen is asked to type it again.
	if q == "" {
		return true, c.reply(textQuestionRefNone, c.mainMenu(), logMeta{})
	}
	c.lead = fmt.Sprintf(textQuestionRef, q)
	return true, c.answer(q)
}
