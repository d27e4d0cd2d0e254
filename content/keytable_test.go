package content

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestWordTableAgreesWithMap: the word table answers every look-up as the
// map it was built from does, for words that pack (one to eight bytes)
// and words that do not (longer, empty, holding a zero byte), present or
// absent.
func TestWordTableAgreesWithMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		var b strings.Builder
		for range 1 + rng.IntN(11) {
			b.WriteByte("abcdeghiklmnoqrstuvxy\x00"[rng.IntN(22)])
		}
		return b.String()
	}
	m := map[string]int{"": -1, "nghieng": 7, "khuyettat": 8}
	for i := range 3000 {
		m[word()] = i
	}
	tab := newWordTable(m)
	probes := []string{"", "nghieng", "nghien", "khuyettat", "khuyetta", "\x00"}
	for k := range m {
		probes = append(probes, k)
	}
	for range 3000 {
		probes = append(probes, word())
	}
	for _, w := range probes {
		want, wantOK := m[w]
		if got, ok := tab.get(w); got != want || ok != wantOK {
			t.Fatalf("get(%q) = %d, %v; the map has %d, %v", w, got, ok, want, wantOK)
		}
		if got, ok := tab.getBytes([]byte(w)); got != want || ok != wantOK {
			t.Fatalf("getBytes(%q) = %d, %v; the map has %d, %v", w, got, ok, want, wantOK)
		}
	}
	var zero wordTable[int]
	if _, ok := zero.get("a"); ok {
		t.Error("the zero table has a word")
	}
}

// TestBigramTableAgreesWithMap: the bigram table finds exactly the pairs
// of the map it was built from, with their ids, and no pair with an
// unknown syllable (a negative id).
func TestBigramTableAgreesWithMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	m := map[uint64]int32{}
	for i := range 2000 {
		m[bigramKey(rng.Int32N(500), rng.Int32N(500))] = int32(i)
	}
	tab := newBigramTable(m)
	for a := int32(-1); a < 500; a++ {
		for b := int32(-1); b < 500; b += 7 {
			want, wantOK := int32(0), false
			if a >= 0 && b >= 0 {
				want, wantOK = m[bigramKey(a, b)]
			}
			if got, ok := tab.lookup(a, b); got != want || ok != wantOK {
				t.Fatalf("lookup(%d, %d) = %d, %v; the map has %d, %v", a, b, got, ok, want, wantOK)
			}
		}
	}
	for k, id := range m {
		a, b := int32(k>>32), int32(uint32(k)) // bigramKey's halves
		if got, ok := tab.lookup(a, b); !ok || got != id {
			t.Fatalf("lookup(%d, %d) = %d, %v; want %d", a, b, got, ok, id)
		}
	}
	if tab.slots == nil {
		t.Fatal("pairs of small ids are not in the compact table")
	}
	// Ids past 16 bits: the pairs are in a keyTable.
	m[bigramKey(70000, 3)] = 2001
	big := newBigramTable(m)
	if big.slots != nil {
		t.Fatal("a pair of a 17-bit id in the compact table")
	}
	for k, id := range m {
		a, b := int32(k>>32), int32(uint32(k))
		if got, ok := big.lookup(a, b); !ok || got != id {
			t.Fatalf("keyTable: lookup(%d, %d) = %d, %v; want %d", a, b, got, ok, id)
		}
		if _, ok := tab.lookup(a+bigramSmall, b); ok {
			t.Fatalf("lookup(%d, %d) found a pair of the table", a+bigramSmall, b)
		}
	}
}
