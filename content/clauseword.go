package content

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The clause finder's view of a message: folded words with the punctuation
// before each, read by word and word pair.

// foldOffsets folds text (lower case, no marks, a repeated letter
// squashed) into b.folded and maps every folded byte back to its byte
// offset in text (b.orig).
func (b *clauseBuf) foldOffsets(text string) {
	b.text = text
	f, orig := b.folded[:0], b.orig[:0]
	var prev rune
	for i, r := range text {
		r = foldRune(lowerRune(r))
		if r == 0 || (r == prev && runeClass(r)&rcLetter != 0) {
			continue
		}
		prev = r
		n := len(f)
		f = utf8.AppendRune(f, r)
		for range len(f) - n {
			orig = append(orig, i)
		}
	}
	b.folded, b.orig = f, append(orig, len(text))
}

// findWords splits the folded text into words.
func (b *clauseBuf) findWords() {
	f, ws := b.folded, b.words[:0]
	brk := byte(0)
	for i := 0; i < len(f); {
		if !isWordByte(f[i]) {
			brk = strongerBreak(brk, f[i])
			i++
			continue
		}
		j := i
		for j < len(f) && isWordByte(f[j]) {
			j++
		}
		ws = append(ws, fword{i, j, brk})
		brk, i = 0, j
	}
	b.words, b.tail = ws, brk
}

func strongerBreak(brk, c byte) byte {
	switch {
	case c == '?':
		return '?'
	case isSentenceEnd(c):
		if brk != '?' {
			return '.'
		}
	case c == ',' || c == ':' || c == '(' || c == ')':
		if brk == 0 {
			return ','
		}
	}
	return brk
}

func isSentenceEnd(c byte) bool {
	return c == '.' || c == '?' || c == '!' || c == ';' || c == '\n'
}

func isWordByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 }

// nextWord returns the bounds [start, end) of the first word of folded at
// or after byte i; start == end when there is none. Walk the words with
// for i, j := nextWord(s, 0); j > i; i, j = nextWord(s, j) {…}.
func nextWord[T string | []byte](folded T, i int) (start, end int) {
	for i < len(folded) && !isWordByte(folded[i]) {
		i++
	}
	end = i
	for end < len(folded) && isWordByte(folded[end]) {
		end++
	}
	return i, end
}

// word returns word i of the folded text (nil outside it); its callers
// convert it to a string only to compare it or look it up, which does not
// allocate.
func (b *clauseBuf) word(i int) []byte {
	if i < 0 || i >= len(b.words) {
		return nil
	}
	return b.folded[b.words[i].s:b.words[i].e]
}

// numberStart returns i, or, when words i-1 and i are both number words
// ("mười | hai tuổi", "ba | mươi"), the first word of that number, not
// before lo: a part cut by word count never splits a number.
func (b *clauseBuf) numberStart(i, lo int) int {
	for i > lo && isNumberWord(b.word(i-1)) && isNumberWord(b.word(i)) {
		i--
	}
	return i
}

// isNumberWord reports whether a folded word is a number: digits, or a
// number word as amounts read them (amount.go: "hai", "mươi", "lăm",
// "triệu").
func isNumberWord(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	if isDigit(w[0]) {
		return true
	}
	_, digit := digitWords[string(w)]
	_, trailing := trailingDigitWords[string(w)]
	return digit || trailing || bigUnits[string(w)] > 0 || tensWords[string(w)]
}

// tensWords are the number words between digits and units: "mười",
// "mươi", "chục", "trăm", and "linh", "lẻ" before a last digit.
var tensWords = map[string]bool{"muoi": true, "chuc": true, "tram": true, "linh": true, "le": true}

// pair returns words i and i+1 as "a b" when only a space is between them.
func (b *clauseBuf) pair(i int) []byte {
	if i < 0 || i+1 >= len(b.words) || b.words[i+1].brk != 0 || b.words[i+1].s != b.words[i].e+1 {
		return nil
	}
	return b.folded[b.words[i].s:b.words[i+1].e]
}

// in reports whether word i, or words i and i+1, are in set (n: how many).
func (b *clauseBuf) in(set wordSet, i int) (n int) {
	if p := b.pair(i); p != nil && mayHave(set.twoF, p) && set.two[string(p)] {
		return 2
	}
	if w := b.word(i); mayHave(set.oneF, w) && set.one[string(w)] {
		return 1
	}
	return 0
}

func (b *clauseBuf) startsWith(c fclause, set wordSet) bool {
	for i := c.from; i < c.to && i < c.from+3; i++ {
		if set.one[string(b.word(i))] {
			return true
		}
	}
	return false
}

// introAt returns how many words an intro marker starting at word i has,
// or 0.
func (b *clauseBuf) introAt(i int) int {
	for _, m := range introWords[string(b.word(i))] {
		if k := slices.Index(m, "hoi"); b.restAt(i, m) && (k < 0 || b.asksHoi(b.words[i+k].s)) {
			return len(m) + b.addressAt(i+len(m))
		}
	}
	return 0
}

// restAt reports whether words i+1… are m[1:], with no break before any
// of them (word i is known to be m[0]).
func (b *clauseBuf) restAt(i int, m []string) bool {
	if i+len(m) > len(b.words) {
		return false
	}
	for k := 1; k < len(m); k++ {
		if string(b.word(i+k)) != m[k] || b.words[i+k].brk != 0 {
			return false
		}
	}
	return true
}

// addressAt returns how many words a formal address starting at word i
// has ("quý cơ quan"), or 0.
func (b *clauseBuf) addressAt(i int) int {
	if i >= len(b.words) || string(b.word(i)) != "quy" || b.words[i].brk != 0 {
		return 0
	}
	for _, a := range formalAddress {
		if b.restAt(i, a) {
			return len(a)
		}
	}
	return 0
}

// introWords are the intro markers' words, by their first word.
var introWords = func() map[string][][]string {
	m := map[string][][]string{}
	for _, s := range introMarkers {
		w := strings.Fields(s)
		m[w[0]] = append(m[w[0]], w)
	}
	// The longest first: a marker that begins another is not read in its
	// place.
	for _, l := range m {
		slices.SortStableFunc(l, func(a, b []string) int { return len(b) - len(a) })
	}
	return m
}()

// askedAt returns the byte offset in the text of the clause the household
// category is read from (see askedCategory): the words after the last
// "cho tôi hỏi" that comes after the start of the last sentence that asks
// (by a question mark or any ask marker, closing thanks aside), else the
// last comma clause of that sentence that asks, else the sentence; 0 when
// no sentence asks. A category named there is the one asked about: "… ,
// nhà tôi là hộ cận nghèo thì có được vay không".
func (b *clauseBuf) askedAt() int {
	ws := b.words
	qs, qe, intro := -1, -1, -1
	for from, i := 0, 0; i <= len(ws); i++ {
		if n := b.introAt(i); n > 0 && i < len(ws) {
			intro = i + n
		}
		if i < len(ws) && ws[i].brk != '.' && ws[i].brk != '?' {
			continue
		}
		end := b.tail
		if i < len(ws) {
			end = ws[i].brk
		}
		if i > from && b.in(thanksStart, from) == 0 && (end == '?' || b.anyAsk(from, i)) {
			qs, qe = from, i
		}
		from = i
	}
	at := -1
	switch {
	case intro > qs && intro < len(ws):
		at = intro
	case qs >= 0:
		at = qs
		for cs, i := qs, qs+1; i <= qe; i++ {
			if i < qe && ws[i].brk == 0 {
				continue
			}
			if b.anyAsk(cs, i) {
				at = cs
			}
			cs = i
		}
	}
	if at <= 0 {
		return 0
	}
	return b.orig[ws[at].s]
}

// anyAsk reports whether words [from, to) hold any ask marker.
func (b *clauseBuf) anyAsk(from, to int) bool {
	for i := from; i < to; i++ {
		if b.in(askSet, i) > 0 {
			return true
		}
	}
	return false
}

// thanksStart open a closing sentence of thanks.
var thanksStart = newWordSet([]string{"cam on", "xin cam", "thanks"})

// hasAskMarker reports whether folded holds an ask marker (askMarkers) as
// whole words.
func hasAskMarker[T string | []byte](folded T) bool { return hasAskWord(folded) }
