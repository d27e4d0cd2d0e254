package content

// keyTable maps nonzero integer keys to values from an open-addressing
// table probed linearly from a multiplicative hash: where a key can be
// made cheaply from what is looked up (a pair of term ids, a short word's
// bytes), it costs less than a Go map's look-up, which hashes and compares
// the whole key. The matcher's bigram look-ups (bigramTable), and its
// syllable look-ups and the danger detector's word look-ups (wordTable),
// use it.
type keyTable[V any] struct {
	slots []keySlot[V] // a power of two, at most half full
	shift uint
}

// keySlot is one key (0 marks an empty slot) and its value.
type keySlot[V any] struct {
	key uint64
	v   V
}

// newKeyTable lays out n entries, which each hands to put one by one;
// every key must be nonzero and given once.
func newKeyTable[V any](n int, each func(put func(key uint64, v V))) keyTable[V] {
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	t := keyTable[V]{slots: make([]keySlot[V], 1<<bits), shift: 64 - bits}
	each(func(key uint64, v V) {
		i := t.home(key)
		for t.slots[i].key != 0 {
			i = (i + 1) & uint64(len(t.slots)-1)
		}
		t.slots[i] = keySlot[V]{key: key, v: v}
	})
	return t
}

// home is the slot where key's probe starts.
func (t *keyTable[V]) home(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> t.shift }

// at returns key's value and whether t has key.
func (t *keyTable[V]) at(key uint64) (V, bool) {
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
