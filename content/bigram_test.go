package content

import "testing"

// TestBigramTableSameAsMap holds the matcher's bigram table to the index's
// map: every pair of the map is found with its term id, and pairs around
// them that the map lacks are not.
func TestBigramTableSameAsMap(t *testing.T) {
	kb := loadOnce(t)
	ix := kb.ix
	if len(ix.bigrams) == 0 {
		t.Fatal("the index has no bigrams")
	}
	for key, want := range ix.bigrams {
		a, b := int32(uint32(key>>32)), int32(uint32(key))
		if got, ok := ix.bigramT.lookup(a, b); !ok || got != want {
			t.Fatalf("lookup(%d, %d) = %d, %v; want %d, true", a, b, got, ok, want)
		}
		for _, c := range []int32{b - 1, b + 1, -1, int32(len(ix.post))} {
			_, inMap := ix.bigrams[bigramKey(a, c)]
			if got, ok := ix.bigramT.lookup(a, c); ok != inMap || ok && got != ix.bigrams[bigramKey(a, c)] {
				t.Fatalf("lookup(%d, %d) = %d, %v; the map has it: %v", a, c, got, ok, inMap)
			}
		}
	}
	for _, a := range []int32{-1, int32(len(ix.post)), int32(len(ix.post)) + 5} {
		for _, b := range []int32{0, -1, a} {
			if _, ok := ix.bigramT.lookup(a, b); ok {
				t.Errorf("lookup(%d, %d) found a bigram", a, b)
			}
		}
	}
}

// TestIndexIDSameAsVocab holds the matcher's syllable look-ups (index.id,
// index.idOf) to the index's vocabulary map: every word, packed (up to
// eight bytes) or not, is found with its term id, and words one letter
// off that the map lacks are not.
func TestIndexIDSameAsVocab(t *testing.T) {
	ix := loadOnce(t).ix
	long := 0
	for w := range ix.vocab {
		if len(w) > 8 {
			long++
		}
		for _, probe := range []string{w, w + "q", w[1:]} {
			want, inMap := ix.vocab[probe]
			got, ok := ix.id(probe)
			gotB, okB := ix.idOf([]byte(probe))
			if ok != inMap || got != want || okB != inMap || gotB != want {
				t.Fatalf("id(%q) = %d, %v and idOf = %d, %v; the map has %d, %v", probe, got, ok, gotB, okB, want, inMap)
			}
		}
	}
	if long == 0 {
		t.Error("no word longer than eight bytes: the map's fallback is untested")
	}
}

// TestHeardSameAsSpelled holds dialect's table of a known syllable's
// other spellings (index.heard) to heardAs and the vocabulary: for every
// word and both kinds of sound, the id of the spelling heardAs gives when
// the knowledge base uses it, else -1.
func TestHeardSameAsSpelled(t *testing.T) {
	ix := loadOnce(t).ix
	found := 0
	for w, id := range ix.vocab {
		for k := range 2 {
			want := int32(-1)
			if len(w) >= 2 {
				if y, ok := ix.vocab[string(heardAs(nil, w, k))]; ok {
					want = y
					found++
				}
			}
			if got := ix.heard[id][k]; got != want {
				t.Fatalf("heard[%q][%d] = %d; heardAs and the vocabulary give %d", w, k, got, want)
			}
		}
	}
	if found < 100 {
		t.Errorf("only %d known syllables have a known other spelling", found)
	}
}
