package content

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Matching reads every rune of a message several times (lower case, letter
// or digit, fold), and the unicode package answers these for a Vietnamese
// letter by searching range tables. runeTab holds the answers for the runes
// below fastRunes (Latin with all Vietnamese letters, Greek, Cyrillic, the
// combining marks), computed once from the same functions.
const fastRunes = 0x2000

// Rune classes.
const (
	rcLetter = 1 << iota // unicode.IsLetter
	rcMark               // unicode.Mn: a combining mark
	rcDigit              // unicode.IsDigit
	rcNFC                // NFC keeps it and never composes it with the rune before
)

type runeFacts struct {
	lower rune // unicode.ToLower
	fold  rune // foldSlow
	class uint8
}

var runeTab = buildRuneTab()

func buildRuneTab() []runeFacts {
	t := make([]runeFacts, fastRunes)
	for r := range rune(fastRunes) {
		f := runeFacts{lower: unicode.ToLower(r), fold: foldSlow(r)}
		if unicode.IsLetter(r) {
			f.class |= rcLetter
		}
		if unicode.Is(unicode.Mn, r) {
			f.class |= rcMark
		}
		if unicode.IsDigit(r) {
			f.class |= rcDigit
		}
		if p := norm.NFC.PropertiesString(string(r)); utf8.ValidRune(r) && p.BoundaryBefore() && p.CCC() == 0 && norm.NFC.IsNormalString(string(r)) {
			f.class |= rcNFC
		}
		t[r] = f
	}
	return t
}

// lowerRune is unicode.ToLower.
func lowerRune(r rune) rune {
	if uint32(r) < fastRunes {
		return runeTab[r].lower
	}
	return unicode.ToLower(r)
}

// runeClass returns r's rcLetter, rcMark and rcDigit bits (and rcNFC
// below fastRunes).
func runeClass(r rune) uint8 {
	if uint32(r) < fastRunes {
		return runeTab[r].class
	}
	return runeClassSlow(r)
}

// runeClassSlow is runeClass without the table: apart, so that runeClass
// is inlined in the loops that read every rune of a message.
func runeClassSlow(r rune) uint8 {
	var c uint8
	if unicode.IsLetter(r) {
		c |= rcLetter
	}
	if unicode.Is(unicode.Mn, r) {
		c |= rcMark
	}
	if unicode.IsDigit(r) {
		c |= rcDigit
	}
	return c
}

// lowerString is strings.ToLower for splitting into words: s itself when
// it has no upper-case rune. (Invalid bytes are kept, not replaced by
// U+FFFD: either way they separate words.)
func lowerString(s string) string {
	for i, r := range s {
		if lowerRune(r) == r {
			continue
		}
		// ASCII bytes and runes that stay as they are are copied, not
		// encoded again; an invalid byte becomes U+FFFD, as range reads it.
		var b strings.Builder
		b.Grow(len(s) + 4)
		b.WriteString(s[:i])
		for j := i; j < len(s); {
			if c := s[j]; c < utf8.RuneSelf {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if l := lowerRune(r); l != r || n == 1 {
				b.WriteRune(l)
			} else {
				b.WriteString(s[j : j+n])
			}
			j += n
		}
		return b.String()
	}
	return s
}

// nfc is norm.NFC.String, without its work when every rune is one NFC
// keeps and composes with nothing before it (precomposed Vietnamese
// letters, ASCII): such text is already NFC.
func nfc(s string) string {
	for _, r := range s {
		if uint32(r) >= fastRunes || runeTab[r].class&rcNFC == 0 {
			return norm.NFC.String(s)
		}
	}
	return s
}

// appendLowerNFC appends lowerString(nfc(s)) to dst, in one pass for the
// usual message (every rune one NFC keeps as it is): the detector reads
// each message into a buffer of its own instead of a new string.
func appendLowerNFC(dst []byte, s string) []byte {
	start := len(dst)
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if uint32(r) >= fastRunes || runeTab[r].class&rcNFC == 0 {
			// Decomposed marks, an invalid byte or a rare script.
			return append(dst[:start], lowerString(norm.NFC.String(s))...)
		}
		if l := runeTab[r].lower; l != r {
			dst = utf8.AppendRune(dst, l)
		} else {
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst
}
