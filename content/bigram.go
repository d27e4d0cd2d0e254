package content

// bigramTable answers "which term id is the bigram (a, b)?" from an
// open-addressing table of the pairs of index.bigrams (keys made by
// bigramKey), probed linearly from a multiplicative hash. It holds
// exactly the map's pairs; the matcher asks it for every adjacent pair of
// syllables, where it costs less than the map look-up.
type bigramTable struct {
	slots []bigramSlot // a power of two, at most half full
	shift uint
}

// bigramSlot is one pair: key+1 (0 marks an empty slot) and its term id.
type bigramSlot struct {
	key uint64
	id  int32
}

// newBigramTable lays out the pairs of m.
func newBigramTable(m map[uint64]int32) bigramTable {
	bits := uint(4)
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := bigramTable{slots: make([]bigramSlot, 1<<bits), shift: 64 - bits}
	for k, id := range m {
		i := t.home(k + 1)
		for t.slots[i].key != 0 {
			i = (i + 1) & uint64(len(t.slots)-1)
		}
		t.slots[i] = bigramSlot{key: k + 1, id: id}
	}
	return t
}

// home is the slot where key's probe starts.
func (t *bigramTable) home(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> t.shift }

// lookup returns the term id of the bigram (a, b) and whether the
// knowledge base has it.
func (t *bigramTable) lookup(a, b int32) (int32, bool) {
	if a < 0 || b < 0 {
		return 0, false // the index pairs only known syllables
	}
	key := bigramKey(a, b) + 1
	mask := uint64(len(t.slots) - 1)
	for i := t.home(key); ; i = (i + 1) & mask {
		switch s := &t.slots[i]; s.key {
		case key:
			return s.id, true
		case 0:
			return 0, false
		}
	}
}
