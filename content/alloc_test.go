//go:build !race

package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestMatchAllocatesOnce: matching a message allocates once at most, on
// average over the own questions: its folded syllables share one string,
// and the danger detector, the pieces of a message (clauses, the text
// before the asking clause) and the rules read them without allocating
// once the pooled scratch has grown. (Under the race detector sync.Pool
// drops items at random, so the file is left out there.)
func TestMatchAllocatesOnce(t *testing.T) {
	kb := mustKB(t)
	set := readLabelled(t, "testdata/questions.tsv")
	day := content.DateOf(refDay)
	run := func() {
		for _, l := range set {
			kb.Match(l.message, day)
		}
	}
	// Warm up as the count runs, on one P: right after the load, the
	// first count read 1.02 on about half the runs, every later one 1.00.
	testing.AllocsPerRun(1, run)
	if got := testing.AllocsPerRun(3, run) / float64(len(set)); got > 1 {
		t.Errorf("Match allocates %.2f times a message, want 1 at most", got)
	}
}
