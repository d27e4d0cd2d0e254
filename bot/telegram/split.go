package telegram

import (
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// MaxMessageLength is Telegram's sendMessage limit, in UTF-16 code units.
const MaxMessageLength = 4096

// SplitText normalises text to NFC and splits it into parts of at most
// maxUTF16 UTF-16 code units each, the unit Telegram counts in (for
// Vietnamese and most text it equals the number of characters, so it is
// also a safe measure for Zalo's 2000-character limit).
//
// It cuts at the last paragraph break ("\n\n") that fits, else at the last
// line break, else at the last space, and only as a last resort inside a
// word (never inside a character). Whitespace around a cut is dropped;
// text that fits is returned unchanged apart from normalisation. An empty
// text gives no parts. maxUTF16 below 2 is treated as 2, so that every
// character fits.
func SplitText(text string, maxUTF16 int) []string {
	return split(norm.NFC.String(text), maxUTF16, utf16Width)
}

// splitEscaped splits plain (already NFC) text so that every part still
// fits after HTML escaping, and returns the escaped parts.
func splitEscaped(text string, max int) []string {
	parts := split(text, max, escapedWidth)
	for i, p := range parts {
		parts[i] = escapeHTML(p)
	}
	return parts
}

func utf16Width(r rune) int {
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1 // invalid runes are sent as U+FFFD
}

// escapedWidth is the UTF-16 length of r once escaped for parse mode HTML.
func escapedWidth(r rune) int {
	switch r {
	case '<', '>':
		return 4 // &lt; &gt;
	case '&':
		return 5 // &amp;
	}
	return utf16Width(r)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeHTML escapes the three characters Telegram's HTML mode reserves.
// Quotes need no escaping outside attributes.
func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

func split(text string, max int, width func(rune) int) []string {
	if max < 2 {
		max = 2
	}
	var parts []string
	rest := text
	for rest != "" {
		p := fit(rest, max, width)
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

// fit returns the byte length of the longest prefix of s whose width is at
// most max, ending on a rune boundary.
func fit(s string, max int, width func(rune) int) int {
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
