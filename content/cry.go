package content

import (
	"strings"
	"unicode"
)

// sosSign is the SOS button emoji (🆘), a plea as plain as the word.
const sosSign = '\U0001F198'

// cryAlone reports whether text is nothing but a cry for help: "cứu",
// "cuuu", "CỨU!!!", "sos", "help" or 🆘, once or repeated, with
// punctuation and other emoji around it. Such a message names no danger
// the vocabulary can place and is too short for the danger model to go
// on, yet it is the plainest plea there is: the general urgent answer
// (every number) goes out, not an ordinary request. A word of any other
// kind ("cứu trợ", "cấp cứu", "cứu hộ") makes it a message to read.
func cryAlone(text string) bool {
	if len(text) > 80 || strings.HasPrefix(strings.TrimSpace(text), "/") {
		return false // "/help" is a command
	}
	cry := false
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		if r == sosSign {
			cry = true
			return true
		}
		return !unicode.IsLetter(r)
	}) {
		if !cryWord(w) {
			return false
		}
		cry = true
	}
	return cry
}

// cryWord: "cứu" or "cuu" with its last letter repeated at will, "sos",
// "help".
func cryWord(w string) bool {
	switch w {
	case "sos", "help":
		return true
	}
	for _, stem := range []string{"cứu", "cuu"} {
		if rest, ok := strings.CutPrefix(w, stem); ok {
			return strings.Trim(rest, "u") == ""
		}
	}
	return false
}
