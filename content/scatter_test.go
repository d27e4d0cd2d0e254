package content

import (
	"math"
	"testing"
)

// TestAddTermDenseSameAsScatter holds the dense rows to the postings: adding
// every common term through its row, and through its postings, leaves the
// same scores bit for bit, with positive, negative and zero weights.
func TestAddTermDenseSameAsScatter(t *testing.T) {
	kb, err := Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	ix := kb.ix
	n := len(kb.entries)
	dense, viaRow, viaPost := 0, make([]float64, n), make([]float64, n)
	for id, row := range ix.dense {
		if row == nil {
			continue
		}
		dense++
		if len(row) != n {
			t.Fatalf("term %d: dense row of %d entries, want %d", id, len(row), n)
		}
		for _, wi := range []float64{1.7, -0.3, 0, ix.idf[id]} {
			ix.addTerm(viaRow, int32(id), wi)
			for _, p := range ix.post[id] {
				viaPost[p.entry] += wi * p.w
			}
		}
	}
	if dense == 0 {
		t.Fatal("no term has a dense row")
	}
	for j := range viaRow {
		if math.Float64bits(viaRow[j]) != math.Float64bits(viaPost[j]) {
			t.Fatalf("entry %d: %v through the rows, %v through the postings", j, viaRow[j], viaPost[j])
		}
	}
}
