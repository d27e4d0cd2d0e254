package platform

import (
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// SplitText normalises text to NFC and splits it into parts of at most max
// UTF-16 code units each. UTF-16 is the unit Telegram counts in and the
// stricter reading of Zalo's "2000 characters" (a JavaScript string
// length); for Vietnamese text it equals the number of characters, since
// every Vietnamese letter, precomposed, is one code unit.
//
// It cuts at the last paragraph break ("\n\n") that fits, else at the last
// line break, else at the last space, and only as a last resort inside a
// word (never inside a character). Whitespace around a cut is dropped;
// text that fits is returned unchanged apart from normalisation. An empty
// text gives no parts. max below 2 is treated as 2, so that every
// character fits.
func SplitText(text string, max int) []string {
	return SplitWidth(norm.NFC.String(text), max, UTF16Width)
}

// SplitWidth splits text like SplitText, without normalising it, measuring
// each rune with width: an adapter that escapes text before sending passes
// the escaped width of each rune, so that every part still fits afterwards.
func SplitWidth(text string, max int, width func(rune) int) []string {
	if max < 2 {
		max = 2
	}
	var parts []string
	rest := text
	for rest != "" {
		p := FitWidth(rest, max, width)
		if p == len(rest) {
			parts = append(parts, rest)
			break
		}
		cut := boundary(rest, p)
		head := strings.TrimRightFunc(rest[:cut], unicode.IsSpace)
		rest = strings.TrimLeftFunc(rest[cut:], unicode.IsSpace)
		if head != "" {
			parts = append(parts, head)
		}
	}
	return parts
}

// UTF16Width is the number of UTF-16 code units r takes: 2 for characters
// outside the Basic Multilingual Plane (most emoji), else 1. Invalid runes
// count 1, as they are sent as U+FFFD.
func UTF16Width(r rune) int {
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1
}

// FitWidth returns the byte length of the longest prefix of s whose width
// is at most max, ending on a rune boundary.
func FitWidth(s string, max int, width func(rune) int) int {
	n := 0
	for i, r := range s {
		n += width(r)
		if n > max {
			return i
		}
	}
	return len(s)
}

// boundary picks where to cut s, given that s[:p] is the longest prefix
// that fits. It always returns a positive index so that splitting advances.
func boundary(s string, p int) int {
	for _, sep := range []string{"\n\n", "\n", " "} {
		// A separator that starts at p is still a clean cut after s[:p].
		window := s[:min(len(s), p+len(sep))]
		if i := strings.LastIndex(window, sep); i > 0 {
			return i
		}
	}
	if p > 0 {
		return p
	}
	for i := range s {
		if i > 0 {
			return i
		}
	}
	return len(s)
}
