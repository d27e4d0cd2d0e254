package content

// wordTable answers a word map's look-ups from an open-addressing table of
// the words packed into one machine word each (packWord), probed linearly
// from a multiplicative hash: a syllable is at most a few bytes, and the
// table compares it as one integer where the map hashes the string and
// compares its bytes. The detector looks up every word of every message
// (detector.word). Words that do not pack are looked up in the map.
type wordTable[V any] struct {
	slots []wordSlot[V] // a power of two, at most half full
	shift uint
	long  map[string]V // the map itself, for the words that do not pack
}

// wordSlot is one packed word (0 marks an empty slot) and its value.
type wordSlot[V any] struct {
	key uint64
	v   V
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
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	t := wordTable[V]{slots: make([]wordSlot[V], 1<<bits), shift: 64 - bits, long: m}
	for k, v := range m {
		key, ok := packWord(k)
		if !ok {
			continue
		}
		i := t.home(key)
		for t.slots[i].key != 0 {
			i = (i + 1) & uint64(len(t.slots)-1)
		}
		t.slots[i] = wordSlot[V]{key: key, v: v}
	}
	return t
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

// home is the slot where key's probe starts.
func (t *wordTable[V]) home(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> t.shift }

// get returns w's value and whether t has w, as the map's look-up would.
func (t *wordTable[V]) get(w string) (V, bool) {
	key, ok := packWord(w)
	if !ok || t.slots == nil {
		v, ok := t.long[w] // the zero table has no words
		return v, ok
	}
	return t.at(key)
}

// getBytes is get of a word held in bytes.
func (t *wordTable[V]) getBytes(w []byte) (V, bool) {
	key, ok := packWord(w)
	if !ok || t.slots == nil {
		v, ok := t.long[string(w)]
		return v, ok
	}
	return t.at(key)
}

// at returns the value of the packed word key and whether t has it.
func (t *wordTable[V]) at(key uint64) (V, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := t.home(key); ; i = (i + 1) & mask {
		switch s := &t.slots[i]; s.key {
		case key:
			return s.v, true
		case 0:
			var zero V
			return zero, false
		}
	}
}
