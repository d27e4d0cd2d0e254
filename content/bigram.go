package content

import "slices"

// bigramTable answers "which term id is the bigram (a, b)?" without hashing:
// the bigrams starting with term a are next[at[a]:at[a+1]], sorted, and
// id[k] is the term id of the bigram (a, next[k]). It holds exactly the
// pairs of index.bigrams; the matcher asks it for every adjacent pair of
// syllables, where a map look-up cost more than the search of a few ids.
type bigramTable struct {
	at   []int32
	next []int32
	id   []int32
}

// newBigramTable lays out the pairs of m (keys made by bigramKey) for n
// term ids.
func newBigramTable(m map[uint64]int32, n int) bigramTable {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys) // by first id, then by second id
	t := bigramTable{at: make([]int32, n+1), next: make([]int32, len(keys)), id: make([]int32, len(keys))}
	for k, key := range keys {
		t.at[int(key>>32)+1]++
		t.next[k] = int32(uint32(key))
		t.id[k] = m[key]
	}
	for a := range n {
		t.at[a+1] += t.at[a]
	}
	return t
}

// lookup returns the term id of the bigram (a, b) and whether the
// knowledge base has it.
func (t *bigramTable) lookup(a, b int32) (int32, bool) {
	if a < 0 || int(a)+1 >= len(t.at) {
		return 0, false
	}
	lo, hi := int(t.at[a]), int(t.at[a+1])
	next := t.next[lo:hi]
	for len(next) > 8 {
		mid := len(next) / 2
		if next[mid] <= b {
			lo += mid
			next = next[mid:]
		} else {
			next = next[:mid]
		}
	}
	for k, x := range next {
		if x == b {
			return t.id[lo+k], true
		}
	}
	return 0, false
}
