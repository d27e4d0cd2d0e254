package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Numbered choices. Zalo and the terminal show buttons as a numbered list,
// and an ask-back numbers its options in the text on every channel, so a
// citizen may answer with the number instead of pressing: "2", "số 2",
// "so 2", "cái 2", "mục 2", "chọn số hai ạ". The buttons of the bot's latest
// message to the chat are the dialog's choices (Dialog.Buttons); any later
// reply or officer answer replaces them, and a reminder or broadcast sent
// after an ask-back ends it (Dialog.Asking), so a number only picks from
// the list the citizen sees last.

// choicePrefixes are the folded words a number may follow ("cái 2").
var choicePrefixes = map[string]bool{"so": true, "cai": true, "muc": true, "chon": true, "y": true}

// choiceOrdinal is "thứ" in "cái thứ 2": allowed only after a prefix,
// because "thứ 2" alone means Monday.
const choiceOrdinal = "thu"

// choiceTrailers are folded politeness words a choice may end with ("2 ạ").
var choiceTrailers = map[string]bool{"a": true, "nhe": true, "nha": true}

// numberWords are the folded Vietnamese words for small numbers, read only
// after a prefix ("số hai"): alone, "ba" is also a father and "năm" a year.
var numberWords = map[string]int{"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}

// choiceNumber reads a reply that names one numbered choice and returns the
// number, or 0 when text is anything else.
func choiceNumber(text string) int {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return r == ' ' || r == '.' || r == ',' || r == ')' || r == '(' || r == ':' || r == '!' || r == '?' || r == '\t' || r == '\n'
	})
	for len(words) > 1 && choiceTrailers[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || len(words) > 4 {
		return 0
	}
	prefixed := 0
	for prefixed < len(words)-1 && choicePrefixes[words[prefixed]] {
		prefixed++
	}
	if prefixed > 0 && prefixed < len(words)-1 && words[prefixed] == choiceOrdinal {
		prefixed++
		if words[prefixed] == "nhat" && prefixed == len(words)-1 {
			return 1 // "cái thứ nhất"
		}
	}
	if prefixed > 0 && prefixed == len(words)-2 && words[prefixed] == "dau" && words[prefixed+1] == "tien" {
		return 1 // "cái đầu tiên"
	}
	if prefixed != len(words)-1 {
		return 0
	}
	last := words[prefixed]
	if n, err := strconv.Atoi(last); err == nil && n > 0 && len(last) <= 2 {
		return n
	}
	if prefixed > 0 {
		return numberWords[last]
	}
	return 0
}

// choiceLast reports whether text names the last of the choices: "cái
// cuối", "số cuối cùng", "mục cuối ạ".
func choiceLast(text string) bool {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for len(words) > 1 && choiceTrailers[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) > 1 && words[len(words)-1] == "cung" {
		words = words[:len(words)-1]
	}
	return len(words) == 2 && choicePrefixes[words[0]] && words[0] != "y" && words[1] == "cuoi"
}

// choice maps a reply naming a button last shown to its data: its number
// ("2" presses the second), its label typed out ("gap can bo", "Chưa đúng
// ý tôi"), or, after an answer offering "Chưa đúng ý tôi", the same said in
// other words ("sai rồi", "không phải cái tôi hỏi"). It returns "" for
// anything else.
func (c *conv) choice(text string) string {
	buttons := c.user.Dialog.Buttons
	if n := choiceNumber(text); n >= 1 && n <= len(buttons) {
		return buttons[n-1].Data
	}
	if choiceLast(text) && len(buttons) > 0 {
		return buttons[len(buttons)-1].Data
	}
	said := choiceWords(text)
	if said == "" {
		return ""
	}
	for _, b := range buttons {
		if choiceWords(b.Label) == said {
			return b.Data
		}
	}
	if saysWrong(said) {
		for _, b := range buttons {
			if strings.HasPrefix(b.Data, dataWrong) {
				return b.Data
			}
		}
		// Said to an ask-back, which has no such button: the question
		// asked back (the household's category, which of two readings)
		// is not what the citizen meant, so the reading it came from is
		// the wrong one.
		d := &c.user.Dialog
		switch {
		case d.Ask != nil && d.Ask.Kind == AskHousehold && d.Ask.Entry != "":
			return dataWrong + d.Ask.Entry
		case d.Asking && len(d.Between) > 0:
			return dataWrong + d.Between[0]
		case d.Given != "" && d.Given == d.LastEntry && d.Recent(c.now) && d.LastQuestion != "":
			// Typed under an answer that has no such button (reached
			// through an ask-back before session 64, a follow-up): the
			// answer given is the one meant, as the button would say.
			return dataWrong + d.Given
		case d.SumQuestion != "" && d.LastEntry != "" && d.Recent(c.now) && d.LastQuestion != "":
			// Typed under a computed sum ("vay 50 triệu mỗi tháng trả
			// lãi bao nhiêu"), which has no such button: the sum's
			// first entry is the answer corrected, so the other
			// readings are offered and the correction recorded. Until
			// session 71 it got the menu (QA pass 71 #22).
			return dataWrong + d.LastEntry
		}
	}
	return ""
}

// choiceWords is text as a choice is compared: folded, the negation's chat
// spellings written out ("ko" is "khong"), without punctuation and without
// the politeness words it may end with ("ạ", "nhé"); "" for text of more
// than eight words, which is a message of its own.
func choiceWords(text string) string {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for len(words) > 1 && choiceTrailers[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 || len(words) > 8 {
		return ""
	}
	for i, w := range words {
		if negations[w] {
			words[i] = "khong"
		}
	}
	return strings.Join(words, " ")
}

// negations are the folded chat spellings of "không".
var negations = map[string]bool{"ko": true, "k": true, "kg": true, "khg": true, "hok": true, "hong": true, "kh": true}

// wrongSayings are the whole replies (as choiceWords gives them) that say
// the answer just given is not what was asked: they press its "Chưa đúng ý
// tôi". Only whole replies: "không phải hộ nghèo thì sao" is a question.
var wrongSayings = setOf(
	"chua dung y", "chua dung y toi", "khong dung y", "khong dung y toi", "chua dung", "khong dung",
	"chua dung cau toi hoi", "khong dung cau toi hoi", "khong dung cai toi hoi", "chua phai y toi",
	"sai", "sai roi", "tra loi sai", "tra loi sai roi", "bot tra loi sai", "sai y toi",
	"khong phai", "khong phai roi", "khong phai y toi", "khong phai cai do", "khong phai cai nay",
	"khong phai cai toi hoi", "khong phai dieu toi hoi", "khong phai cau toi hoi", "khong phai vay",
	"toi khong hoi cai do", "toi khong hoi cai nay", "toi hoi cai khac", "khong lien quan",
)

// wrongLead and wrongTail are words a reply saying "not that" may start
// or end with: "thôi không phải", "dạ sai rồi", "không phải đâu".
var (
	wrongLead = setOf("thoi", "da", "u", "o", "a", "ui", "oi", "nhung", "ma", "bot")
	wrongTail = setOf("dau", "ma", "nhe", "nha", "the", "vay", "oi", "r")
)

// saysWrong reports whether said (choiceWords) says the answer just given
// is not what was asked: one of wrongSayings, with leading and trailing
// words such replies carry left out.
func saysWrong(said string) bool {
	if wrongSayings[said] {
		return true
	}
	words := strings.Fields(said)
	for len(words) > 1 && wrongLead[words[0]] {
		words = words[1:]
	}
	for len(words) > 1 && wrongTail[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	return wrongSayings[strings.Join(words, " ")]
}

// setOf is the set of words.
func setOf(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// offerTo makes buttons the choices of user key: a message the bot sends
// to that user from another user's update (an officer's answer) becomes
// the latest one in their chat, so a number they type next picks from it,
// not from the list before it.
func (c *conv) offerTo(key UserKey, buttons []Button) error {
	if key == c.user.Key {
		// c.user is written last. The message goes to the private chat
		// (tickets are private), so it is that conversation's choice.
		d := c.privateDialog()
		d.Buttons, d.Asking = buttons, false
		return nil
	}
	u, err := c.tx.User(key)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil
	case err != nil:
		return fmt.Errorf("read user %s: %w", key, err)
	}
	u.Dialog.Buttons, u.Dialog.Asking = buttons, false
	if err := c.tx.PutUser(u); err != nil {
		return fmt.Errorf("store choices of %s: %w", key, err)
	}
	return nil
}

// EndAskBack ends the ask-back waiting on user key, as a reminder or a
// broadcast is sent to them: it is no longer the bot's latest message, so
// a number typed next is an ordinary message.
func EndAskBack(tx Tx, key UserKey) error {
	u, err := tx.User(key)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil
	case err != nil:
		return fmt.Errorf("read user %s: %w", key, err)
	}
	if !u.Dialog.Asking {
		return nil
	}
	u.Dialog.Buttons, u.Dialog.Asking, u.Dialog.Between = nil, false, nil
	if err := tx.PutUser(u); err != nil {
		return fmt.Errorf("end ask-back of %s: %w", key, err)
	}
	return nil
}

// numbered writes the ask-back question: lead, then one "N. title" line
// per option, the last ending with a question mark ("Ông/bà muốn hỏi:\n1.
// Vay vốn làm nhà\n2. Hỗ trợ tiền làm nhà?"). The numbers are those of
// the buttons, which list the options first and in this order.
func numbered(lead string, titles []string) string {
	var b strings.Builder
	b.WriteString(lead)
	for i, t := range titles {
		b.WriteString("\n")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". ")
		b.WriteString(strings.TrimRight(strings.TrimSpace(t), " ?.!"))
	}
	b.WriteString("?")
	return b.String()
}

// askBetween is the ask-back between close readings: the question with the
// options numbered, and the options as buttons in the same order, then
// "Gặp cán bộ".
func askBetween(cands []content.Candidate) (string, []Button) {
	titles := make([]string, 0, len(cands))
	buttons := make([]Button, 0, len(cands)+1)
	for _, cand := range cands {
		titles = append(titles, cand.Entry.Title)
		buttons = append(buttons, Button{Label: cand.Entry.Title, Data: dataEntry + cand.Entry.ID})
	}
	buttons = append(buttons, Button{Label: labelOfficer, Data: dataOfficer})
	return numbered(textAskBack, titles), buttons
}
