package content

import "unicode"

// lettersOnly reports whether text is nothing but two or more single
// letters ("N U", "-n u", "x y z"): keys pressed by mistake or a word
// spelled out letter by letter, which names no programme however the
// letters fold ("nu" is no "nữ"). One letter alone is left to the
// matcher: "v", "k" are common shorthand.
func lettersOnly(text string) bool {
	if len(text) > 40 {
		return false
	}
	tokens, run := 0, 0
	for _, r := range text {
		switch {
		case unicode.IsLetter(r):
			run++
			if run > 1 {
				return false
			}
		case unicode.IsDigit(r):
			return false
		default:
			if run == 1 {
				tokens++
			}
			run = 0
		}
	}
	if run == 1 {
		tokens++
	}
	return tokens >= 2
}
