package content

import (
	"math"
	"slices"
	"testing"
)

// TestPackedIDF: the topic classifier's packed rows hold every bucket's
// idf bit for bit, and the features weighed from them are the classifier's
// own weighing on every message of the test sets.
func TestPackedIDF(t *testing.T) {
	kb := loadOnce(t)
	pc := kb.packed
	if pc == nil || pc.idfAt == 0 {
		t.Fatal("the topic classifier's rows hold no idf")
	}
	for b, want := range kb.clf.idf {
		got := pc.w[int(pc.row[uint32(b)&pc.mask])*pc.stride+pc.idfAt]
		if math.Float32bits(got) != math.Float32bits(want) {
			t.Fatalf("bucket %d: idf %v in its row, %v in the classifier", b, got, want)
		}
	}
	s := kb.newScratch()
	for _, text := range fastpathMessages(t) {
		kb.score(s, text)
		f := hashedFeatures(nil, s.syl, s.w, nil)
		f = accentFeatures(f, text, 1)
		g := slices.Clone(f)
		kb.clf.weigh(f)
		pc.weigh(g)
		if !slices.Equal(f, g) {
			t.Fatalf("%q: weighed from the rows %v, by the classifier %v", text, g, f)
		}
	}
}
