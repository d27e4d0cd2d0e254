package content

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPassOrderKeepsTheOthers: a key added among others takes one place in
// each pass, and the others keep their order; the same document twice
// gets two keys; the radix sort orders as a comparison sort would.
func TestPassOrderKeepsTheOthers(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	docs := make([][]feature, 3000)
	for i := range docs {
		for range 1 + rng.IntN(20) {
			docs[i] = append(docs[i], feature{bucket: rng.Uint32N(1 << 16), v: 1})
		}
	}
	docs[17] = docs[3] // the same document twice
	keysOf := func(docs [][]feature) []uint64 {
		return orderKeys(len(docs), func(i int) ([]feature, int) { return docs[i], 0 })
	}
	before := keysOf(docs)
	if before[3] == before[17] {
		t.Fatal("two copies of a document share a key")
	}
	added := slices.Insert(slices.Clone(docs), 1200, []feature{{bucket: 7, v: 1}, {bucket: 9, v: 1}})
	after := keysOf(added)
	for pass := range 4 {
		a, b := make([]int32, len(before)), make([]int32, len(after))
		passOrder(before, 99, pass, a)
		passOrder(after, 99, pass, b)
		var kept []int32
		for _, i := range b {
			switch {
			case i < 1200:
				kept = append(kept, i)
			case i > 1200:
				kept = append(kept, i-1)
			}
		}
		if !slices.Equal(kept, a) {
			t.Fatalf("pass %d: the documents already there changed order when one was added", pass)
		}
		if pass > 0 {
			prev := make([]int32, len(before))
			passOrder(before, 99, pass-1, prev)
			if slices.Equal(prev, a) {
				t.Fatalf("pass %d has the order of the pass before", pass)
			}
		}
	}
	s := make([]keyed, 5000)
	for i := range s {
		s[i] = keyed{rng.Uint64() >> (rng.IntN(4) * 20), int32(i)} // some equal high bits
	}
	s[10].k, s[20].k = s[30].k, s[30].k // ties
	want := slices.Clone(s)
	slices.SortStableFunc(want, func(a, b keyed) int {
		switch {
		case a.k < b.k:
			return -1
		case a.k > b.k:
			return 1
		}
		return 0
	})
	if got := radixSort(s, make([]keyed, len(s))); !slices.Equal(got, want) {
		t.Fatal("radixSort differs from a stable comparison sort")
	}
}
