package content

// bigramTable answers "which term id is the bigram (a, b)?" for every pair
// of index.bigrams; the matcher asks it for every adjacent pair of
// syllables, where it costs less than the map look-up. When every id of
// the pairs fits 16 bits (the knowledge base has some 37,000 terms), each
// pair is one 8-byte slot of an open-addressing table probed linearly from
// a multiplicative hash, the pair's two ids in the slot's high half and
// the bigram's id in its low half: the table is 512 KB where a keyTable
// (16-byte slots, at most half full) took 2 MB, and a look-up reads one
// cache line of eight slots, so the look-ups a message makes stay in the
// processor's cache more often (docs/architecture.md, performance).
// Otherwise the pairs are in a keyTable (keys made by bigramKey, plus one
// so that none is zero).
type bigramTable struct {
	slots []uint64 // (a<<16 | b) + 1 in the high half, the id in the low; 0: empty
	shift uint
	keys  keyTable[int32] // when slots is nil
}

// bigramSmall is how many ids fit a slot's half of a key: a and b are
// below it.
const bigramSmall = 1<<16 - 1

// newBigramTable lays out the pairs of m.
func newBigramTable(m map[uint64]int32) bigramTable {
	small := true
	for k, id := range m {
		if k>>32 >= bigramSmall || uint32(k) >= bigramSmall || id < 0 {
			small = false
			break
		}
	}
	if !small {
		return bigramTable{keys: newKeyTable(len(m), func(put func(uint64, int32)) {
			for k, id := range m {
				put(k+1, id)
			}
		})}
	}
	// At most about five eighths full: few probes, the table a quarter
	// of a keyTable's.
	bits := uint(4)
	for 1<<bits*5/8 < len(m) {
		bits++
	}
	t := bigramTable{slots: make([]uint64, 1<<bits), shift: 64 - bits}
	for k, id := range m {
		key := bigramSlotKey(uint32(k>>32), uint32(k))
		i := t.home(key)
		for t.slots[i] != 0 {
			i = (i + 1) & uint64(len(t.slots)-1)
		}
		t.slots[i] = key<<32 | uint64(uint32(id))
	}
	return t
}

// bigramSlotKey is the key of the pair (a, b), both below bigramSmall: never
// zero.
func bigramSlotKey(a, b uint32) uint64 { return uint64(a<<16|b) + 1 }

// home is the slot where key's probe starts.
func (t *bigramTable) home(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> t.shift }

// lookup returns the term id of the bigram (a, b) and whether the
// knowledge base has it.
func (t *bigramTable) lookup(a, b int32) (int32, bool) {
	if a < 0 || b < 0 {
		return 0, false // the index pairs only known syllables
	}
	if t.slots == nil {
		return t.keys.at(bigramKey(a, b) + 1)
	}
	if a >= bigramSmall || b >= bigramSmall {
		return 0, false // no pair of the table has such an id
	}
	key := bigramSlotKey(uint32(a), uint32(b))
	mask := uint64(len(t.slots) - 1)
	for i := t.home(key); ; i = (i + 1) & mask {
		switch s := t.slots[i]; s >> 32 {
		case key:
			return int32(uint32(s)), true
		case 0:
			return 0, false
		}
	}
}
