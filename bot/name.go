package bot

import (
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// MaxNameRunes bounds a display name: longer ones are cut.
const MaxNameRunes = 64

// CleanName makes a display name a platform reported safe to store and to
// show anywhere (officer announcements, the console, exports): one line,
// NFC, without control characters (ESC, BEL, …) or invisible format
// characters (bidirectional overrides, zero-width marks) that could
// reorder or hide what an officer reads, at most MaxNameRunes runes. The
// engine applies it once, when an update comes in.
func CleanName(s string) string {
	s = content.Clean(s) // valid UTF-8, NFC, control characters → spaces
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return ' '
		case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > MaxNameRunes {
		s = strings.TrimSpace(string(r[:MaxNameRunes]))
	}
	return s
}
