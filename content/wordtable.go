package content

// wordTable answers a word map's look-ups from a keyTable of the words
// packed into one machine word each (packWord): a syllable is at most a
// few bytes, and the table compares it as one integer where the map
// hashes the string and compares its bytes. The detector looks up every
// word of every message (detector.word). Words that do not pack are
// looked up in the map.
type wordTable[V any] struct {
	keys keyTable[V]
	long map[string]V // the map itself, for the words that do not pack
}

// newWordTable lays out the words of m, which it keeps for the rest and
// which must not change afterwards.
func newWordTable[V any](m map[string]V) wordTable[V] {
	n := 0
	for k := range m {
		if _, ok := packWord(k); ok {
			n++
		}
	}
	return wordTable[V]{long: m, keys: newKeyTable(n, func(put func(uint64, V)) {
		for k, v := range m {
			if key, ok := packWord(k); ok {
				put(key, v)
			}
		}
	})}
}

// packWord packs a word of one to eight bytes, none of them zero, into
// an integer, its first byte lowest: two such words are equal exactly when
// their packings are. Any other word does not pack.
func packWord[S ~string | ~[]byte](w S) (uint64, bool) {
	if len(w) == 0 || len(w) > 8 {
		return 0, false
	}
	var key uint64
	for i := len(w) - 1; i >= 0; i-- {
		if w[i] == 0 {
			return 0, false
		}
		key = key<<8 | uint64(w[i])
	}
	return key, true
}

// get returns w's value and whether t has w, as the map's look-up would.
func (t *wordTable[V]) get(w string) (V, bool) {
	key, ok := packWord(w)
	if !ok || t.keys.slots == nil {
		v, ok := t.long[w] // the zero table has no words
		return v, ok
	}
	return t.keys.at(key)
}

// getBytes is get of a word held in bytes.
func (t *wordTable[V]) getBytes(w []byte) (V, bool) {
	key, ok := packWord(w)
	if !ok || t.keys.slots == nil {
		v, ok := t.long[string(w)]
		return v, ok
	}
	return t.keys.at(key)
}
