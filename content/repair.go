package content

import "math"

// Citizens on cheap phones type without marks and in haste: telex keys
// left in a word when the keyboard did not convert them ("ngheof",
// "dduowcj"), chat spellings ("tjen", "thj", "fai", "wa", "jup"), words run
// together ("hotro", "canngheo") and the local dialect's l/n confusion
// ("nai suat", "nam ho so"). repair rewrites such syllables into the
// knowledge base's own before the message is scored, so that retrieval, the
// classifier and the household category all read the same words. It only
// touches a syllable the knowledge base never uses (or, for l/n, one whose
// neighbours show it is the other word), and it is deterministic: the
// candidates are tried in a fixed order against fixed tables.

// fix is one repair, shown by ask --explain.
type fix struct {
	from, to string
	how      string
}

// Fix kinds.
const (
	fixTelex   = "telex keys"
	fixSpell   = "chat spelling"
	fixSplit   = "run-together words"
	fixTypo    = "one-letter typo"
	fixDialect = "l/n dialect"
	fixHeard   = "heard as another sound"
	fixVNI     = "VNI keys"
	fixOnset   = "onset spelt as before a back vowel"
	// fixVay: unmarked "vay" read as the particle "vậy", not the verb
	// (particle.go).
	fixVay = "the particle, not the verb"
)

// repair rewrites syl (with its weights w, kept parallel when not nil) in
// place and returns both; when fixes is not nil each repair is appended to
// it.
func (ix *index) repair(syl []string, w []float32, fixes *[]fix) ([]string, []float32) {
	var ids [128]int32 // on the stack: only a longer message allocates
	syl, w, _ = ix.repairIDs(syl, w, ids[:0], fixes)
	return syl, w
}

// lookUp in the ids repairIDs returns: the syllable's id is not known yet.
const lookUp = math.MinInt32

// repairIDs is repair that also returns, in ids[:0], each repaired
// syllable's vocabulary id (unknownWord: not in the vocabulary; lookUp:
// not looked up), so that queryTerms need not look the syllables up again.
func (ix *index) repairIDs(syl []string, w []float32, ids []int32, fixes *[]fix) ([]string, []float32, []int32) {
	var buf [32]byte
	syl, w = ix.vni(syl, w, fixes)
	telex := ix.telexTyped(syl)
	ids = ids[:0]
	for i := 0; i < len(syl); i++ {
		x := syl[i]
		known, ok := ix.id(x)
		if !ok {
			known = unknownWord
		}
		ids = append(ids, known)
		if len(x) <= 24 {
			// "ngeo", "gep": a spelling no syllable has, even where a
			// citizen message taught it to the index (frontOnset reads
			// the first letters only, then the syllable's validity).
			if id := ix.frontOnset(buf[:0], x); id >= 0 {
				syl[i] = ix.words[id]
				ids[i] = id
				note(fixes, x, syl[i], fixOnset)
				continue
			}
		}
		if ok || len(x) > 24 || !isLetters(x) {
			continue
		}
		if id, how := ix.finalJ(syl, i, telex); id >= 0 {
			syl[i] = ix.words[id]
			ids[i] = id
			note(fixes, x, syl[i], how)
			continue
		}
		if id, how := ix.respell(buf[:0], x, telex); id >= 0 {
			syl[i] = ix.words[id]
			ids[i] = id
			note(fixes, x, syl[i], how)
			continue
		}
		var seg [3]piece
		if k := ix.segment(x, &seg); k > 1 {
			var parts [16]string
			var partIDs [16]int32
			n := 0
			for _, p := range seg[:k] {
				if p.abbr {
					m := copy(parts[n:], ix.abbrev[x[p.start:p.end]])
					for j := range m {
						partIDs[n+j] = lookUp
					}
					n += m
				} else {
					parts[n], partIDs[n] = ix.words[p.id], p.id
					n++
				}
			}
			for range n - 1 {
				syl = append(syl, "")
			}
			copy(syl[i+n:], syl[i+1:])
			copy(syl[i:], parts[:n])
			// The syllables after i are not looked up yet: ids ends at i.
			ids = append(ids[:i], partIDs[:n]...)
			if w != nil {
				for range n - 1 {
					w = append(w, 0)
				}
				copy(w[i+n:], w[i+1:])
				for j := 1; j < n; j++ {
					w[i+j] = w[i]
				}
			}
			if fixes != nil {
				*fixes = append(*fixes, fix{x, joinWords(syl[i : i+n]), fixSplit})
			}
			i += n - 1
			continue
		}
		if id := ix.swapLN(buf[:0], x); id >= 0 {
			syl[i] = ix.words[id]
			ids[i] = id
			note(fixes, x, syl[i], fixDialect)
			continue
		}
		// A typo that cannot be a syllable is corrected to the likeliest
		// word; a real word the knowledge base lacks ("thit", "vach") only
		// where the correction fits its neighbours.
		if id := ix.closest(x); id >= 0 && (!validSyllable(x) && len(x) >= invalidMin || len(x) >= validMin && ix.context(syl, i, id) > 0) {
			syl[i] = ix.words[id]
			ids[i] = id
			note(fixes, x, syl[i], fixTypo)
		}
	}
	if repairDialect {
		ix.dialect(syl, ids, fixes)
	}
	return syl, w, ids
}

// telexTyped reports whether the message shows telex keys left in its
// words (a known word with s, f, r or x after it): then a final j is the
// nặng key ("hooj" → "ho"), not the chat spelling of i ("roj" → "roi").
func (ix *index) telexTyped(syl []string) bool {
	for _, x := range syl {
		n := len(x)
		if n < 3 || !isToneKey(x[n-1]) || x[n-1] == 'j' {
			continue
		}
		if _, ok := ix.id(x); ok {
			continue
		}
		if _, ok := ix.id(x[:n-1]); ok && hasVowel([]byte(x[:n-1])) {
			return true
		}
	}
	return false
}

// finalJ reads a j after the last vowel of syl[i] when both readings are
// words: the nặng key ("troj" → "tro") or i ("roj" → "roi"). The one that
// forms more bigrams with the neighbours wins; on a tie, the telex key if
// the message is typed in telex. It returns -1 when x is not such a word.
func (ix *index) finalJ(syl []string, i int, telex bool) (int32, string) {
	x := syl[i]
	n := len(x)
	if n < 2 || n > 31 || x[n-1] != 'j' || !isVowel(x[n-2]) {
		return -1, ""
	}
	key, ok := ix.id(x[:n-1])
	if !ok {
		return -1, ""
	}
	var buf [32]byte
	b := append(append(buf[:0], x[:n-1]...), 'i')
	vowel, ok := ix.idOf(b)
	if !ok {
		return -1, ""
	}
	ck, cv := ix.context(syl, i, key), ix.context(syl, i, vowel)
	if ck > cv || ck == cv && telex {
		return key, fixTelex
	}
	return vowel, fixSpell
}

// swapLN returns the known word x is with its leading l and n swapped
// ("luoc" → "nuoc"), or -1.
func (ix *index) swapLN(b []byte, x string) int32 {
	if len(x) < 2 || (x[0] != 'l' && x[0] != 'n') || x[1] == 'g' || x[1] == 'h' {
		return -1
	}
	b = append(b[:0], x...)
	b[0] ^= 'l' ^ 'n'
	if id, ok := ix.idOf(b); ok {
		return id
	}
	return -1
}

// frontOnset returns the id of x spelt with the onset Vietnamese writes
// before e, ê and i ("ngh", "gh", "k"), when x has the one it writes before
// the other vowels ("ngeo" for "nghèo", "gep" for "ghép", "cem" for
// "kem") and the respelt word is known; -1 otherwise.
func (ix *index) frontOnset(buf []byte, x string) int32 {
	var head, rest string
	switch {
	case len(x) > 2 && x[:2] == "ng" && x[2] != 'h' && (x[2] == 'e' || x[2] == 'i'):
		head, rest = "ngh", x[2:]
	case len(x) > 1 && x[0] == 'g' && x[1] == 'e':
		head, rest = "gh", x[1:]
	case len(x) > 1 && x[0] == 'c' && (x[1] == 'e' || x[1] == 'i' || x[1] == 'y'):
		head, rest = "k", x[1:]
	default:
		return -1
	}
	if !isLetters(x) || validSyllable(x) {
		return -1
	}
	buf = append(append(buf, head...), rest...)
	if id, ok := ix.idOf(buf); ok && validSyllable(string(buf)) {
		return id
	}
	return -1
}

func note(fixes *[]fix, from, to, how string) {
	if fixes != nil {
		*fixes = append(*fixes, fix{from, to, how})
	}
}

func joinWords(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

// isLetters reports whether s is all ASCII letters (a folded syllable).
func isLetters(s string) bool {
	for i := range len(s) {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// respell returns the known syllable x is a telex or chat spelling of, or
// -1, and how it was spelt. Telex: w after a vowel marks ư, ơ or ă
// ("duowc" → "duoc"), a tone key after the vowel ("ngheof" → "ngheo",
// "tiefn" → "tien"). Chat: j for i ("tjen" → "tien", "thj" → "thi", and
// "roj" → "roi" unless the message is typed in telex), j for gi ("jup" →
// "giup"), f for ph ("fai" → "phai"), w for qu ("wa" → "qua"), k for c
// before a, o, u ("kon" → "con").
func (ix *index) respell(b []byte, x string, telex bool) (int32, string) {
	b = append(b[:0], x[0])
	for i := 1; i < len(x); i++ {
		if x[i] == 'w' && isVowel(x[i-1]) {
			continue
		}
		b = append(b, x[i])
	}
	if len(b) < len(x) {
		if id, ok := ix.idOf(b); ok {
			return id, fixTelex
		}
	}
	if j := indexByte(x, 'j'); j > 0 && (!telex || j < len(x)-1 || !isVowel(x[j-1])) {
		c := append(b[:0], x...)
		c[j] = 'i'
		if id, ok := ix.idOf(c); ok {
			return id, fixSpell
		}
		b = append(b[:0], x[0])
		for i := 1; i < len(x); i++ {
			if x[i] != 'w' || !isVowel(x[i-1]) {
				b = append(b, x[i])
			}
		}
	}
	for i := len(b) - 1; i >= 1; i-- {
		if !isToneKey(b[i]) || !hasVowel(b[:i]) {
			continue // a tone key follows the vowel it marks
		}
		var c [32]byte
		d := append(append(c[:0], b[:i]...), b[i+1:]...)
		if id, ok := ix.idOf(d); ok && len(d) >= 2 {
			return id, fixTelex
		}
	}
	var pre string
	switch {
	case x[0] == 'j':
		pre = "gi"
	case x[0] == 'f':
		pre = "ph"
	case x[0] == 'w':
		pre = "qu"
	case x[0] == 'k' && len(x) > 1 && (x[1] == 'a' || x[1] == 'o' || x[1] == 'u'):
		pre = "c"
	}
	if pre != "" {
		b = append(append(b[:0], pre...), x[1:]...)
		if id, ok := ix.idOf(b); ok {
			return id, fixSpell
		}
	}
	return -1, ""
}

func hasVowel(b []byte) bool {
	for _, c := range b {
		if isVowel(c) {
			return true
		}
	}
	return false
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// isToneKey reports a telex tone key: s sắc, f huyền, r hỏi, x ngã, j nặng.
func isToneKey(c byte) bool {
	switch c {
	case 's', 'f', 'r', 'x', 'j':
		return true
	}
	return false
}

func indexByte(s string, c byte) int {
	for i := range len(s) {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// dialect swaps a leading l and n where the neighbours show the other word
// is meant: "tai lan lao dong" → "tai nan lao dong", "hom lay" → "hom
// nay". The typed word must form none of the knowledge base's bigrams
// with the syllables beside it, the other word one with each (TestTune:
// a looser rule swaps right words too often). Voice-to-text, writing what
// a northern speaker says, confuses more sounds the same way (heardAs):
// "chợ cấp" for "trợ cấp", "suất khẩu" for "xuất khẩu", "vai vốn" for
// "vay vốn"; the same rule reads them.
func (ix *index) dialect(syl []string, ids []int32, fixes *[]fix) {
	var buf [32]byte
	for i, x := range syl {
		if len(x) < 2 || len(x) > len(buf) {
			continue
		}
		typed := -1 // the typed word's bigrams with its neighbours, once looked up
		known := len(ids) == len(syl) && ids[i] >= 0
		for k := range 2 {
			var y int32
			if known {
				if y = ix.heard[ids[i]][k]; y < 0 {
					continue
				}
			} else {
				alt := heardAs(buf[:0], x, k)
				if alt == nil {
					continue
				}
				var ok bool
				if y, ok = ix.idOf(alt); !ok {
					continue
				}
			}
			if typed < 0 {
				xid, ok := ix.vocabID(syl, ids, i)
				if !ok {
					xid = -1
				}
				typed = ix.contextIDs(syl, ids, i, xid)
			}
			if typed > 0 {
				break
			}
			if ix.contextIDs(syl, ids, i, y) == 2 {
				syl[i] = ix.words[y]
				ids[i] = y
				how := fixHeard
				if k == 0 && (x[0] == 'l' || x[0] == 'n') {
					how = fixDialect
				}
				note(fixes, x, syl[i], how)
				break
			}
		}
	}
}

// heardAs appends to b the other spelling of the folded syllable x that
// sounds alike in the north, by its leading sound (k = 0: l and n, "lam"
// for "nam"; ch and tr, "cho cap"; s and x, "suat khau") or its final one
// (k = 1: ai and ay, "vai von"), and returns it; nil when there is none.
func heardAs(b []byte, x string, k int) []byte {
	if k == 0 {
		switch {
		case (x[0] == 'l' || x[0] == 'n') && x[1] != 'g' && x[1] != 'h':
			return append(append(b, x[0]^'l'^'n'), x[1:]...)
		case len(x) > 2 && x[:2] == "ch":
			return append(append(b, "tr"...), x[2:]...)
		case len(x) > 2 && x[:2] == "tr":
			return append(append(b, "ch"...), x[2:]...)
		case x[0] == 's' && x[1] != 'h':
			return append(append(b, 'x'), x[1:]...)
		case x[0] == 'x':
			return append(append(b, 's'), x[1:]...)
		}
		return nil
	}
	switch n := len(x); {
	case n > 2 && x[n-2:] == "ai":
		return append(append(b, x[:n-2]...), "ay"...)
	case n > 2 && x[n-2:] == "ay" && x[n-3] != 'u':
		return append(append(b, x[:n-2]...), "ai"...)
	}
	return nil
}

// vocabID returns the vocabulary id of syl[j], from ids (repairIDs) when
// they hold it.
func (ix *index) vocabID(syl []string, ids []int32, j int) (int32, bool) {
	if len(ids) == len(syl) && ids[j] != lookUp {
		return ids[j], ids[j] >= 0
	}
	id, ok := ix.id(syl[j])
	return id, ok
}

// context counts the knowledge base's bigrams id forms with the syllables
// before and after position i.
func (ix *index) context(syl []string, i int, id int32) int {
	return ix.contextIDs(syl, nil, i, id)
}

// contextIDs is context reading the neighbours' ids from ids (repairIDs)
// when they hold them.
func (ix *index) contextIDs(syl []string, ids []int32, i int, id int32) int {
	if id < 0 {
		return 0
	}
	n := 0
	if i > 0 {
		if p, ok := ix.vocabID(syl, ids, i-1); ok {
			if _, ok := ix.bigramT.lookup(p, id); ok {
				n++
			}
		}
	}
	if i+1 < len(syl) {
		if q, ok := ix.vocabID(syl, ids, i+1); ok {
			if _, ok := ix.bigramT.lookup(id, q); ok {
				n++
			}
		}
	}
	return n
}

// repairSyllables switches repair on (TestTune measures it off).
var repairSyllables = true

// repairDialect switches the l/n swaps on.
var repairDialect = true

// syllables returns text's folded syllables with abbreviations expanded and
// repaired, as the matcher reads them.
func (kb *KB) syllables(dst []string, text string) []string {
	dst = kb.ex.syllables(dst, text)
	if repairSyllables {
		dst, _ = kb.ix.repair(dst, nil, nil)
	}
	return dst
}

// Typo correction applies to words of invalidMin letters or more that
// cannot be a syllable, and of validMin or more that could (TestTune's
// repair mode: correcting three-letter real words too reads fewer
// dialect messages right).
var invalidMin, validMin = 3, 4
