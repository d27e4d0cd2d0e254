package content

import (
	"slices"
	"testing"
)

// TestHasSeqSylSet: hasSeq, which skips the phrases whose first syllable's
// bit is clear in the message's sylSet, finds exactly what a scan of every
// phrase finds, for every route's phrases over the own questions' folded
// syllables and each phrase's own syllables.
func TestHasSeqSylSet(t *testing.T) {
	kb := loadOnce(t)
	scan := func(syl []string, phrases [][]string) bool {
		for _, p := range phrases {
			for i := 0; i+len(p) <= len(syl); i++ {
				if slices.Equal(syl[i:i+len(p)], p) {
					return true
				}
			}
		}
		return false
	}
	var texts [][]string
	for _, l := range probeMessages(t, "testdata/questions.tsv") {
		texts = append(texts, kb.syllables(nil, l))
	}
	for _, w := range routeWords {
		for _, ps := range w {
			texts = append(texts, ps...)
		}
	}
	found := 0
	for _, syl := range texts {
		in := sylSetOf(syl)
		for i, w := range routeWords {
			for j, ps := range w {
				got := hasSeq(syl, &in, ps)
				if got != scan(syl, ps) {
					t.Fatalf("hasSeq(%q, route %d, list %d) = %v, a scan says %v", syl, i, j, got, !got)
				}
				if got {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no phrase found: the test reads nothing")
	}
}
