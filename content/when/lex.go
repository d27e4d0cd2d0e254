package when

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bacninh/ansinh/content"
)

// remindToken is a word or a number of a reminder request. Its byte offsets
// point into the cleaned text, so that the words kept for What can be copied
// back exactly as the citizen typed them.
type remindToken struct {
	text       string // as typed
	fold       string // content.Fold(text): lower case, no diacritics
	lower      string // lower case with diacritics, repeated letters squashed
	start, end int
	glued      bool  // no space before it, as "h" and "30" in "8h30"
	nums       []int // digit groups ("31/12/2026" → 31, 12, 2026); nil for a word
	sep        byte  // between digit groups: '/', '-', '.' or ':'
}

// maxDigits bounds a digit group: longer groups are kept as -1 and never
// read as a day, an hour or a year.
const maxDigits = 4

// tokenizeReminder splits cleaned text into words (runs of letters) and
// numbers (runs of digits, with "/-.:" between digit groups). Letters and
// digits typed together ("8h30", "t2") become separate, glued tokens.
func tokenizeReminder(s string) []remindToken {
	var toks []remindToken
	prevEnd := -1
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		var tok remindToken
		switch {
		case isASCIIDigit(r):
			tok = scanNumber(s, i)
		case isWordRune(r):
			j := i
			for j < len(s) {
				r, w := utf8.DecodeRuneInString(s[j:])
				if !isWordRune(r) {
					break
				}
				j += w
			}
			tok = remindToken{text: s[i:j], start: i, end: j}
			tok.fold = content.Fold(tok.text)
			tok.lower = squashLetters(strings.ToLower(tok.text))
		default:
			i += w
			continue
		}
		tok.glued = i == prevEnd
		toks = append(toks, tok)
		prevEnd = tok.end
		i = tok.end
	}
	return toks
}

// scanNumber reads digit groups from s[i:], joined by one kind of separator.
func scanNumber(s string, i int) remindToken {
	tok := remindToken{start: i}
	j := i
	for {
		k := j
		for k < len(s) && isASCIIDigit(rune(s[k])) {
			k++
		}
		tok.nums = append(tok.nums, digitValue(s[j:k]))
		j = k
		if len(tok.nums) == 3 || j+1 >= len(s) || !isASCIIDigit(rune(s[j+1])) {
			break
		}
		sep := s[j]
		if !strings.ContainsRune("/-.:", rune(sep)) || (tok.sep != 0 && sep != tok.sep) {
			break
		}
		tok.sep = sep
		j++
	}
	tok.end = j
	tok.text = s[i:j]
	tok.fold, tok.lower = tok.text, tok.text
	return tok
}

func digitValue(d string) int {
	if len(d) > maxDigits {
		return -1
	}
	n := 0
	for _, c := range d {
		n = n*10 + int(c-'0')
	}
	return n
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// squashLetters drops a letter repeated right after itself ("tốiii" → "tối"),
// as content.Fold does, so that the two spellings line up.
func squashLetters(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if r == prev && unicode.IsLetter(r) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// tokenIs reports whether tok is the word w, written with its diacritics in
// the tables below.
func tokenIs(tok remindToken, w string) bool {
	if tok.nums != nil || tok.fold != foldWord(w) {
		return false
	}
	return isPlain(tok.text) || !ambiguousFolds[tok.fold] || tok.lower == strings.ToLower(w)
}

// foldCache holds the folded table words; only words from the tables
// below are ever stored, so it stays small.
var foldCache sync.Map

func foldWord(w string) string {
	if f, ok := foldCache.Load(w); ok {
		return f.(string)
	}
	f := content.Fold(w)
	foldCache.Store(w, f)
	return f
}

// is reports whether token i exists and is one of words.
func (p *remindParser) is(i int, words ...string) bool {
	if i < 0 || i >= len(p.toks) {
		return false
	}
	for _, w := range words {
		if tokenIs(p.toks[i], w) {
			return true
		}
	}
	return false
}

// phrase returns len(words) when the tokens from i spell words, else 0.
func (p *remindParser) phrase(i int, words []string) int {
	for k, w := range words {
		if !p.is(i+k, w) {
			return 0
		}
	}
	return len(words)
}

// longestPhrase returns the length of the longest of list spelled from i.
func (p *remindParser) longestPhrase(i int, list [][]string) int {
	best := 0
	for _, ph := range list {
		best = max(best, p.phrase(i, ph))
	}
	return best
}

func (p *remindParser) anyPhrase(list [][]string) bool {
	for i := range p.toks {
		if p.longestPhrase(i, list) > 0 {
			return true
		}
	}
	return false
}

func (p *remindParser) mark(i, n int, u remindUse) {
	for k := i; k < i+n && k < len(p.use); k++ {
		p.use[k] = u
	}
}

// digits returns the value of token i when it is a plain number.
func (p *remindParser) digits(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) || len(p.toks[i].nums) != 1 || p.toks[i].nums[0] < 0 {
		return 0, false
	}
	return p.toks[i].nums[0], true
}

// number reads a number in digits or words ("15", "mười lăm", "hai mươi
// mốt") at i and returns it with the tokens it spans.
func (p *remindParser) number(i int) (n, width int) {
	if v, ok := p.digits(i); ok {
		return v, 1
	}
	tens, ok := p.numberWord(i, remindNumberWords)
	if !ok {
		return 0, 0
	}
	switch {
	case tens == 10: // "mười", "mười lăm"
		if u, ok := p.numberWord(i+1, unitsDigits); ok {
			return 10 + u, 2
		}
		return 10, 1
	case p.is(i+1, "mươi"): // "hai mươi", "ba mươi mốt"
		if u, ok := p.numberWord(i+2, unitsDigits); ok {
			return tens*10 + u, 3
		}
		return tens * 10, 2
	}
	return tens, 1
}

func (p *remindParser) numberWord(i int, table []struct {
	word string
	n    int
}) (int, bool) {
	for _, e := range table {
		if p.is(i, e.word) {
			return e.n, true
		}
	}
	return 0, false
}

func (p *remindParser) startsNumber(i int) bool {
	_, w := p.number(i)
	return w > 0
}

// amountAt reports whether token i makes the number before it an amount.
func (p *remindParser) amountAt(i int) bool {
	return p.is(i, quantityUnits...) || (p.is(i, "k") && p.toks[i].glued) // "50k"
}

// isName reports whether token i looks like a name: capitalised after a
// lower-case word ("chị Mai" is not "tomorrow").
func (p *remindParser) isName(i int) bool {
	if i <= 0 || i >= len(p.toks) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(p.toks[i].text)
	prev, _ := utf8.DecodeRuneInString(p.toks[i-1].text)
	return unicode.IsUpper(first) && !unicode.IsUpper(prev)
}
