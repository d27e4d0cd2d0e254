package content

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// matchMode says how much a phrase relies on the marks the citizen typed.
type matchMode uint8

const (
	modeLenient  matchMode = iota // folded form; typed marks must agree
	modeStrict                    // as lenient, but a message typed with marks must carry them
	modeAccented                  // only where the marks were typed
)

// Vietnamese tone marks (combining, after NFD).
const (
	toneGrave = '\u0300'
	toneAcute = '\u0301'
	toneTilde = '\u0303' // ngã
	toneHook  = '\u0309' // hỏi
	toneDot   = '\u0323'
)

// dsyl is one syllable as the detector sees it: folded for comparison, with
// the letters and tone the citizen typed, when they typed any.
type dsyl struct {
	fold    string
	alts    []string // danger words this unknown word is one typo away from
	word    []byte   // as typed (lower case, NFC; in dmsg.low); nil for a word teencode stands for
	letters []rune   // the letters with vowel marks (ô, ư, đ), tone removed; filled on first use
	tone    rune
	marked  bool
	// brk: a clause ends after this word (a comma, full stop, colon,
	// semicolon, question or exclamation mark, line break): no phrase
	// runs across it. stop: the sentence ends there too (sentenceEnd).
	brk, stop bool
	w         *dword // what the detector knows of fold, nil: nothing
	// src: for a word teencode or an abbreviation stands for, the word
	// typed ("bhyt" for each of "bảo hiểm y tế"), so that dmsg.cut cuts
	// before it.
	src []byte
}

// dphrase is a vocabulary phrase.
type dphrase struct {
	id   int32
	text string
	syl  []dsyl
	mode matchMode
}

// bareWords is the most words a bare message has (emergencyKind.Combos):
// who and the harm, "ông tôi bị đột quỵ rồi".
const bareWords = 6

// bare reports whether m is a bare message: at most bareWords words.
func (m *dmsg) bare() bool { return len(m.syl) <= bareWords }

// dmsg is a message split for the detector.
type dmsg struct {
	syl []dsyl
	// caution: the kind whose danger detector.headAlarm read before the
	// question but did not raise (Alarm.Caution); nil for none.
	caution  *dangerKind
	accented bool // the citizen types with diacritics
	// The phrases found and where: hitAt[id] is 1 + the index in spans of
	// phrase id's spans (0: not found), set only for the ids in hitIDs, in
	// the order first found. Slices rather than a map: no allocation once
	// the pooled message has grown.
	hitAt  []int32
	hitIDs []int32
	spans  [][][2]int
	low    []byte          // the message in lower case, NFC: the syllables' words are in it
	text   string          // the message as the citizen typed it (for its capitals)
	nouns  map[string]bool // the detector's place nouns
	// titled: by syllable, 1 when written with one capital letter first,
	// 2 when not, 0 not looked at yet. titles and plain count the words
	// outside clause starts and names capitalised and not, titles -1: not
	// counted yet (mostlyTitled).
	titled        []uint8
	titles, plain int
	buf           []byte   // scratch for folding a word
	respelt       []byte   // scratch for respelling one
	alts          []string // the syllables' alts share it
	// vetoed, kindVetoed: scratch for judge's masks; asked: for
	// detector.adviceAside's (the benefit's words).
	vetoed, kindVetoed, asked []bool
	runes                     []rune  // the syllables' letters (dsyl.letters) share it
	nsig                      []int   // by kind: signals found (possible)
	mhas                      []uint8 // by marker list (detector.markerAt): what a calmer read
	sides                     []uint8 // by combo: sides found (possible)
	// Scratch for the danger model (dangermodel.go): the message's
	// syllables, term buckets, their counts (svmBuckets long, left zero),
	// distinct buckets and the margins.
	msyl   []string
	mhash  []uint64
	mterms []uint32
	mcnt   []uint16
	muniq  []uint32
	mout   []float64
	// share: where the danger model's first reading of the message also
	// leaves the topic view's (viewShare); nil: nowhere.
	share *viewShare
}

// addHit records that phrase id matches the syllables span[0]:span[1].
func (m *dmsg) addHit(id int32, span [2]int) {
	if int(id) >= len(m.hitAt) {
		m.hitAt = append(m.hitAt, make([]int32, int(id)+1-len(m.hitAt))...)
	}
	k := m.hitAt[id]
	if k == 0 {
		m.hitIDs = append(m.hitIDs, id)
		if n := len(m.spans); n < cap(m.spans) {
			m.spans = m.spans[:n+1]
			m.spans[n] = m.spans[n][:0]
		} else {
			m.spans = append(m.spans, nil)
		}
		k = int32(len(m.spans))
		m.hitAt[id] = k
	}
	m.spans[k-1] = append(m.spans[k-1], span)
}

// hitsOf returns where phrase id matches, nil when it does not.
func (m *dmsg) hitsOf(id int32) [][2]int {
	if int(id) < len(m.hitAt) {
		if k := m.hitAt[id]; k > 0 {
			return m.spans[k-1]
		}
	}
	return nil
}

// clearHits forgets the phrases found.
func (m *dmsg) clearHits() {
	for _, id := range m.hitIDs {
		m.hitAt[id] = 0
	}
	m.hitIDs, m.spans = m.hitIDs[:0], m.spans[:0]
}

// mask marks, in dst (reused), the syllables any of list covers.
func (m *dmsg) mask(dst []bool, list []*dphrase) []bool {
	dst = slices.Grow(dst[:0], len(m.syl))[:len(m.syl)]
	clear(dst)
	for _, v := range list {
		for _, span := range m.hitsOf(v.id) {
			for i := span[0]; i < span[1]; i++ {
				dst[i] = true
			}
		}
	}
	return dst
}

// phrase compiles a vocabulary phrase and registers its syllables.
func (d *detector) phrase(text string, mode matchMode, ex *expander) *dphrase {
	ph := &dphrase{id: int32(len(d.all)), text: text, mode: mode, syl: d.split(text, ex)}
	if len(ph.syl) == 0 {
		return ph
	}
	for _, s := range ph.syl {
		d.vocab[s.fold] = true
	}
	d.all = append(d.all, ph)
	d.first[ph.syl[0].fold] = append(d.first[ph.syl[0].fold], ph.id)
	return ph
}

// maxGap is how many words a "*" in a phrase stands for at most ("bị *
// đánh": "bị chồng đánh", "bị người yêu cũ đánh").
const maxGap = 3

// matchFrom matches ph.syl[j:] at message position i with fuzzy typos so
// far, returning where the match ends.
func matchFrom(m *dmsg, i int, ph *dphrase, j, fuzzy int) (int, bool) {
	if j == len(ph.syl) {
		return i, true
	}
	p := &ph.syl[j]
	if p.fold == "*" {
		for g := 1; g <= maxGap && i+g < len(m.syl); g++ {
			if m.syl[i+g-1].brk {
				break // the gap would cross a clause's end
			}
			if end, ok := matchFrom(m, i+g, ph, j+1, fuzzy); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i >= len(m.syl) {
		return 0, false
	}
	s := &m.syl[i]
	switch {
	case s.fold == p.fold:
	case len(ph.syl) > 1 && fuzzy == 0 && slices.Contains(s.alts, p.fold):
		fuzzy++
	default:
		return 0, false
	}
	if !marksAgree(m, s, p, ph.mode) || s.brk && j+1 < len(ph.syl) {
		return 0, false
	}
	return matchFrom(m, i+1, ph, j+1, fuzzy)
}

// named reports whether a strict or accented phrase, or a phrase of a
// marker list (marker), found at syllables i:end lies on a place's name
// (inName), where it does not count: "đi chợ Nhã Nam rồi không thấy về"
// typed without marks holds "nam roi", the "năm rồi" of a person gone for
// years, in the market's name.
func (m *dmsg) named(ph *dphrase, i, end int, marker bool) bool {
	if ph.mode == modeLenient && !marker || len(m.nouns) == 0 {
		return false
	}
	for k := i; k < end; k++ {
		if m.inName(k) {
			return true
		}
	}
	return false
}

// maxNameWords is how many capitalised words after a place noun are its
// name at most ("xóm Đồng Bến Trên").
const maxNameWords = 3

// inName reports whether syllable i is part of a place's name: written
// with a capital first letter, one to three such words after a place noun
// ("thôn Khe Ngát", "chùa Đâm"), in a message whose words are mostly not
// capitalised ("Tôi Ở Xóm Trên Bị Ngất" capitalises every word and proves
// nothing). A strict or accented phrase, whose folded form is an ordinary
// word too, does not match there; a lenient one still does.
func (m *dmsg) inName(i int) bool {
	if i == 0 || m.syl[i-1].brk || !m.title(i) {
		return false
	}
	for k := i; k >= 1 && i-k < maxNameWords; k-- {
		prev := &m.syl[k-1]
		if prev.brk {
			return false
		}
		if m.nouns[prev.fold] {
			return !m.mostlyTitled()
		}
		if !m.title(k - 1) {
			return false
		}
	}
	return false
}

// title reports whether syllable i was typed with one capital, first.
func (m *dmsg) title(i int) bool {
	if len(m.titled) < len(m.syl) {
		m.titled = slices.Grow(m.titled[:0], len(m.syl))[:len(m.syl)]
		clear(m.titled)
		m.titles = -1
	}
	if m.titled[i] == 0 {
		m.titled[i] = 2
		if w := m.syl[i].word; len(w) > 0 {
			// w is a slice of m.low: its offset there is the capacity it
			// lacks. The gap "*" is no word of the message.
			at := cap(m.low) - cap(w)
			if at >= 0 && at+len(w) <= len(m.low) && &m.low[at] == &w[0] &&
				isTitle(m.text, m.low, at, at+len(w)) {
				m.titled[i] = 1
			}
		}
	}
	return m.titled[i] == 1
}

// mostlyTitled reports whether the message capitalises words at random:
// half or more of the words that neither start a clause nor follow a
// place noun ("Bà Tôi Ở Thôn Trên Bị Ngất Rồi"). Places named without a
// noun ("ở Việt Yên, thôn Khe Ngát") are a few such words in a longer
// message.
func (m *dmsg) mostlyTitled() bool {
	if m.titles < 0 {
		m.titles, m.plain = 0, 0
		chain := 0
		for i := range m.syl {
			titled := m.title(i)
			switch {
			case m.nouns[m.syl[i].fold]:
				chain = maxNameWords
				continue
			case titled && chain > 0:
				chain--
				continue
			}
			chain = 0
			if i == 0 || m.syl[i-1].brk {
				continue
			}
			if titled {
				m.titles++
			} else {
				m.plain++
			}
		}
	}
	return m.titles > 0 && m.titles >= m.plain
}

// isTitle reports whether text[at:end] is a word with a capital first
// letter and no other, whose lower case is low[at:end]: where lowering
// changed the message's length the offsets do not carry over, and no word
// counts as capitalised.
func isTitle(text string, low []byte, at, end int) bool {
	if end > len(text) {
		return false
	}
	w, l := text[at:end], low[at:end]
	first := true
	for _, r := range w {
		lr, n := utf8.DecodeRune(l)
		if n == 0 || unicode.ToLower(r) != lr || unicode.IsUpper(r) != first {
			return false
		}
		l, first = l[n:], false
	}
	return len(l) == 0 && !first
}

// marksAgree compares what the citizen typed with the phrase's spelling:
// missing marks are forgiven (unless the mode needs them), marks that were
// typed must agree, except hỏi and ngã, which people mix up.
func marksAgree(m *dmsg, s, p *dsyl, mode matchMode) bool {
	needMarks := mode == modeAccented || (mode == modeStrict && m.accented)
	if !s.marked {
		return !p.marked || !needMarks
	}
	if !p.marked {
		return false // the phrase's word has no mark: a typed mark means another word
	}
	if s.letters == nil {
		start := len(m.runes)
		m.runes, s.tone = untoneTo(m.runes, s.word)
		s.letters = m.runes[start:len(m.runes):len(m.runes)]
	}
	if len(s.letters) == len(p.letters) {
		for i, r := range s.letters {
			if r != p.letters[i] && !(r < utf8.RuneSelf && foldRune(p.letters[i]) == r) {
				return false
			}
		}
	}
	switch {
	case s.tone == 0 && !needMarks, s.tone == p.tone:
		return true
	case (s.tone == toneHook || s.tone == toneTilde) && (p.tone == toneHook || p.tone == toneTilde):
		return true
	}
	return false
}

// split turns a vocabulary phrase into detector syllables, teencode and
// abbreviations expanded. Messages go through scan instead.
func (d *detector) split(text string, ex *expander) []dsyl {
	var out []dsyl
	for _, w := range words(text) {
		fold := foldWord(w)
		long, ok := d.teen[fold]
		if !ok && ex != nil {
			long, ok = ex.abbrev[fold]
		}
		if ok {
			for _, l := range long {
				out = append(out, dsyl{fold: l})
			}
			continue
		}
		s := dsyl{fold: fold}
		if !isASCII(w) {
			s.marked, s.word = true, []byte(w)
			s.letters, s.tone = untone(s.word)
		}
		out = append(out, s)
	}
	return out
}

// respell undoes common phone spellings: "wá" for "quá", "fải" for "phải".
func respell(f string) string {
	if r, ok := respellTo(nil, []byte(f)); ok {
		return string(r)
	}
	return f
}

// respellTo appends respell(f) to dst when it differs from f.
func respellTo(dst, f []byte) ([]byte, bool) {
	switch {
	case len(f) > 1 && f[0] == 'w':
		return append(append(dst, "qu"...), f[1:]...), true
	case len(f) > 1 && f[0] == 'f':
		return append(append(dst, "ph"...), f[1:]...), true
	}
	return dst, false
}

// typosOf appends to dst the danger words s is one edit from (deletion,
// insertion, substitution or transposition), sorted.
func (d *detector) typosOf(dst []string, s []byte) []string {
	if len(s) < 3 || len(s) > 12 || !isASCII(s) {
		return dst
	}
	start := len(dst)
	add := func(w string) {
		if !slices.Contains(dst[start:], w) {
			dst = append(dst, w)
		}
	}
	var buf [12]byte
	for i := range len(s) {
		if del := deletion(buf[:0], s, i); len(del) >= 3 && d.vocab[string(del)] {
			add(d.words[string(del)].key)
		}
	}
	for _, w := range d.deletes[string(s)] {
		add(w)
	}
	for i := range len(s) {
		for _, w := range d.deletes[string(deletion(buf[:0], s, i))] {
			if len(w) == len(s) {
				add(w)
			}
		}
	}
	slices.Sort(dst[start:])
	return dst
}

// words splits lower-cased text into runs of letters and runs of digits.
func words(text string) []string { return splitWords(text, true) }

// splitWords splits text into runs of letters and runs of digits, lower
// case when lower; "*" is a word of its own.
func splitWords(text string, lower bool) []string {
	var out []string
	var b strings.Builder
	kind := 0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
		kind = 0
	}
	for _, r := range norm.NFC.String(text) {
		if lower {
			r = unicode.ToLower(r)
		}
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			if kind == 2 {
				flush()
			}
			kind = 1
			b.WriteRune(r)
		case r == '*':
			flush()
			out = append(out, "*")
		case unicode.IsDigit(r):
			if kind == 1 {
				flush()
			}
			kind = 2
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// foldWord is Fold for one lower-case NFC word.
func foldWord(w string) string {
	if isASCII(w) && !hasRepeat(w) {
		return w
	}
	return string(appendFoldWord(make([]byte, 0, len(w)), []byte(w)))
}

func hasRepeat[T string | []byte](w T) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] && w[i] > '9' {
			return true
		}
	}
	return false
}

// untone returns w's letters (vowel marks kept) and its tone mark.
func untone(w []byte) ([]rune, rune) {
	return untoneTo(make([]rune, 0, len(w)), w)
}

// untoneTo appends w's letters (vowel marks kept) to out and returns its
// tone mark.
func untoneTo(out []rune, w []byte) ([]rune, rune) {
	var tone rune
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRune(w[i:])
		i += n
		if t, ok := toneTable[r]; ok {
			r, tone = t.base, t.tone
		} else if r == toneGrave || r == toneAcute || r == toneTilde || r == toneHook || r == toneDot {
			tone = r // a combining mark from decomposed input
			continue
		}
		out = append(out, r)
	}
	return out, tone
}

type toned struct{ base, tone rune }

// toneTable maps every precomposed letter carrying a tone mark to the
// letter without it and the mark (ấ → â, acute), built once from NFD.
var toneTable = buildToneTable()

func buildToneTable() map[rune]toned {
	t := map[rune]toned{}
	for _, rng := range unicode.Latin.R16 {
		for r := rune(rng.Lo); r <= rune(rng.Hi); r += rune(rng.Stride) {
			var tone rune
			var rest []rune
			for _, d := range norm.NFD.String(string(r)) {
				switch d {
				case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
					tone = d
				default:
					rest = append(rest, d)
				}
			}
			if tone == 0 {
				continue
			}
			base, _ := utf8.DecodeRuneInString(norm.NFC.String(string(rest)))
			t[r] = toned{base, tone}
		}
	}
	return t
}
