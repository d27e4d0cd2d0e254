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
// It runs on every message, so it allocates nothing and stops at the
// first word that is no cry.
func cryAlone(text string) bool {
	if len(text) > 80 || strings.HasPrefix(strings.TrimSpace(text), "/") {
		return false // "/help" is a command
	}
	cry, start := false, -1
	for i, r := range text {
		if unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !cryWord(text[start:i]) {
				return false
			}
			cry, start = true, -1
		}
		cry = cry || r == sosSign
	}
	if start >= 0 {
		if !cryWord(text[start:]) {
			return false
		}
		cry = true
	}
	return cry
}

// cryWord: "cứu" or "cuu" with its last letter repeated at will, "sos",
// "help", in any case.
func cryWord(w string) bool {
	if strings.EqualFold(w, "sos") || strings.EqualFold(w, "help") {
		return true
	}
	for _, stem := range [...]string{"cứu", "cuu"} {
		if len(w) >= len(stem) && strings.EqualFold(w[:len(stem)], stem) {
			return strings.Trim(w[len(stem):], "uU") == ""
		}
	}
	return false
}
