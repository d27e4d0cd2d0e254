package content

// bigramTable answers "which term id is the bigram (a, b)?" from a
// keyTable of the pairs of index.bigrams (keys made by bigramKey, plus one
// so that none is zero). It holds exactly the map's pairs; the matcher
// asks it for every adjacent pair of syllables, where it costs less than
// the map look-up.
type bigramTable struct{ keys keyTable[int32] }

// newBigramTable lays out the pairs of m.
func newBigramTable(m map[uint64]int32) bigramTable {
	return bigramTable{newKeyTable(len(m), func(put func(uint64, int32)) {
		for k, id := range m {
			put(k+1, id)
		}
	})}
}

// lookup returns the term id of the bigram (a, b) and whether the
// knowledge base has it.
func (t *bigramTable) lookup(a, b int32) (int32, bool) {
	if a < 0 || b < 0 {
		return 0, false // the index pairs only known syllables
	}
	return t.keys.at(bigramKey(a, b) + 1)
}
