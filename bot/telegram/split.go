package telegram

import (
	"strings"

	"github.com/bacninh/ansinh/bot/internal/platform"
)

// MaxMessageLength is Telegram's sendMessage limit, in UTF-16 code units.
const MaxMessageLength = 4096

// splitEscaped splits plain (already NFC) text into parts of at most max
// UTF-16 units and returns them escaped for parse mode HTML. Telegram
// counts a message's length after parsing its entities, so an escape
// ("&lt;") is one character, as the character it stands for
// (docs/platforms.md §1.4).
func splitEscaped(text string, max int) []string {
	parts := platform.SplitWidth(text, max, platform.UTF16Width)
	for i, p := range parts {
		parts[i] = escapeHTML(p)
	}
	return parts
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escapeHTML escapes the three characters Telegram's HTML mode reserves.
// Quotes need no escaping outside attributes.
func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

var htmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// unescapeHTML undoes escapeHTML: the text a part shows, to send as plain
// text.
func unescapeHTML(s string) string { return htmlUnescaper.Replace(s) }
