package content

import (
	"math"
	"slices"
	"testing"
)

// TestPackedIDF: the topic classifier's rows, laid out by bucket, hold
// every bucket's weights and idf bit for bit, the features weighed from
// them are the classifier's own weighing, and the probabilities read from
// them the classifier's, on every message of the test sets.
func TestPackedIDF(t *testing.T) {
	kb := loadOnce(t)
	pc := kb.packed
	if pc == nil || pc.idfAt == 0 || pc.row != nil {
		t.Fatal("the topic classifier's rows are not laid out by bucket with their idf")
	}
	for b, want := range kb.clf.idf {
		got := pc.w[pc.at(uint32(b))+pc.idfAt]
		if math.Float32bits(got) != math.Float32bits(want) {
			t.Fatalf("bucket %d: idf %v in its row, %v in the classifier", b, got, want)
		}
		row := pc.w[pc.at(uint32(b)):][:pc.nc]
		if !slices.Equal(row, kb.clf.w[b*pc.nc:(b+1)*pc.nc]) {
			t.Fatalf("bucket %d: weights %v in its row, %v in the classifier", b, row, kb.clf.w[b*pc.nc:(b+1)*pc.nc])
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
		want, got := make([]float64, pc.nc), make([]float64, pc.nc)
		kb.clf.probs(f, want)
		pc.probs(f, got)
		if !slices.Equal(got, want) {
			t.Fatalf("%q: probabilities %v from the rows, %v from the classifier", text, got, want)
		}
	}
}
