package content

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxTextRunes is the longest message the bot reads; longer text is cut.
const MaxTextRunes = 4096

// Clean makes arbitrary input safe to store and match: invalid UTF-8 and
// control characters become spaces, the text is NFC-normalised, runs of
// white space are folded and the result is cut to MaxTextRunes runes.
func Clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	n, space := 0, false
	for _, r := range s {
		if n >= MaxTextRunes {
			break
		}
		if r == '\n' {
			// Keep line breaks: a pasted list reads better in the log.
			b.WriteRune(r)
			n++
			space = false
			continue
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError || r == '\u200b' || r == '\ufeff' {
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
				n++
			}
			space = true
			continue
		}
		b.WriteRune(r)
		n++
		space = false
	}
	return strings.TrimSpace(b.String())
}

// foldRune maps a lower-case rune to its form without tone or vowel marks
// (ấ→a, ơ→o, đ→d). It returns 0 for combining marks, which are dropped.
func foldRune(r rune) rune {
	if uint32(r) < fastRunes {
		return runeTab[r].fold
	}
	return foldSlow(r)
}

// foldSlow is foldRune without the table.
func foldSlow(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return r
}

// foldTable covers every precomposed Vietnamese letter, built once from NFD.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]rune {
	t := map[rune]rune{'đ': 'd', 'Đ': 'd'}
	for _, rng := range unicode.Latin.R16 {
		for r := rune(rng.Lo); r <= rune(rng.Hi); r += rune(rng.Stride) {
			if r < 0xC0 {
				continue
			}
			d := norm.NFD.String(string(r))
			base, _ := utf8.DecodeRuneInString(d)
			if base < utf8.RuneSelf && unicode.IsLetter(base) && base != r {
				t[r] = unicode.ToLower(base)
			}
		}
	}
	return t
}

// Fold returns s lower-cased, without diacritics (đ→d), with runs of a
// repeated letter squashed to one ("khongggg" → "khong").
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for _, r := range nfc(s) {
		r = foldRune(lowerRune(r))
		if r == 0 || (r == prev && runeClass(r)&rcLetter != 0) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// appendSyllables splits s into folded syllables: runs of letters, or of
// digits (so "20tr" is "20" and "tr"), squashing repeated letters. Accents
// are removed so that text typed without diacritics matches the same way.
// The syllables share one string: one allocation per call, not per word.
func appendSyllables(dst []string, s string) []string {
	var buf [256]byte
	var ends [64]int32
	b, cut, _ := foldSyllables(buf[:0], ends[:0], nil, false, s)
	return sliceSyllables(dst, string(b), cut)
}

// sliceSyllables appends the syllables of all, the k-th ending at cut[k],
// to dst.
func sliceSyllables(dst []string, all string, cut []int32) []string {
	dst = slices.Grow(dst, len(cut))
	from := int32(0)
	for _, to := range cut {
		dst = append(dst, all[from:to])
		from = to
	}
	return dst
}

// foldSyllables appends the letters of s's folded syllables to b and the
// end offset in b of each to cut, as appendSyllables splits s; with
// starts set, from gets the byte offset in s where each starts.
func foldSyllables(b []byte, cut, from []int32, starts bool, s string) ([]byte, []int32, []int32) {
	kind := 0 // 0 none, 1 letters, 2 digits
	var prev rune
	word := len(b) // start in b of the current syllable
	flush := func() {
		if len(b) > word {
			cut = append(cut, int32(len(b)))
			word = len(b)
		}
		kind, prev = 0, 0
	}
	for i, r := range s {
		r = lowerRune(r)
		switch c := runeClass(r); {
		case c&(rcLetter|rcMark) != 0:
			f := foldRune(r)
			if f == 0 {
				continue // a combining mark from decomposed input
			}
			if kind == 2 {
				flush()
			}
			kind = 1
			if f == prev {
				continue
			}
			if starts && len(b) == word {
				from = append(from, int32(i))
			}
			b = utf8.AppendRune(b, f)
			prev = f
		case c&rcDigit != 0:
			if kind == 1 {
				flush()
			}
			kind = 2
			if starts && len(b) == word {
				from = append(from, int32(i))
			}
			b = utf8.AppendRune(b, r)
			prev = 0
		default:
			flush()
		}
		if len(b)-word > 48 {
			flush() // a run this long is not a word; keep memory bounded
		}
	}
	flush()
	return b, cut, from
}
