package telegram

import (
	"strings"

	"github.com/bacninh/ansinh/bot/internal/platform"
)

// MaxMessageLength is Telegram's sendMessage limit, in UTF-16 code units.
const MaxMessageLength = 4096

// splitEscaped splits plain (already NFC) text so that every part still
// fits after HTML escaping, and returns the escaped parts.
func splitEscaped(text string, max int) []string {
	parts := platform.SplitWidth(text, max, escapedWidth)
	for i, p := range parts {
		parts[i] = escapeHTML(p)
	}
	return parts
}

// escapedWidth is the UTF-16 length of r once escaped for parse mode HTML.
func escapedWidth(r rune) int {
	switch r {
	case '<', '>':
		return 4 // &lt; &gt;
	case '&':
		return 5 // &amp;
	}
	return platform.UTF16Width(r)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeHTML escapes the three characters Telegram's HTML mode reserves.
// Quotes need no escaping outside attributes.
func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

var htmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// unescapeHTML undoes escapeHTML: the text a part shows, to send as plain
// text.
func unescapeHTML(s string) string { return htmlUnescaper.Replace(s) }
