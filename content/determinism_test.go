package content

import (
	"slices"
	"testing"
)

// TestTypoCorrectionSameInEveryBuild: the index is built from Go maps,
// whose order changes from one build (and one process) to the next; the
// word a typo is corrected to must not.
func TestTypoCorrectionSameInEveryBuild(t *testing.T) {
	// The index does not depend on the trained models: the later builds
	// take the first's instead of training them again.
	builds := []*KB{loadOnce(t)}
	models := builds[0].models()
	for range 3 {
		kb, problems, err := loadTrained(Embedded(), &models)
		if err != nil || len(problems) > 0 {
			t.Fatal(err, problems)
		}
		builds = append(builds, kb)
	}
	var words []string
	for w := range builds[0].ix.vocab {
		if len(w) >= 4 {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	ambiguous := 0
	for _, w := range words {
		for i := range len(w) {
			// A letter replaced: often one edit from several known words.
			typo := w[:i] + "q" + w[i+1:]
			first := builds[0].ix.correct(typo)
			if len(builds[0].ix.deletes[string(deletion(nil, typo, i))]) > 1 {
				ambiguous++
			}
			for _, kb := range builds[1:] {
				if got := kb.ix.correct(typo); got != first {
					t.Fatalf("correct(%q) is %d in one build and %d in another", typo, first, got)
				}
			}
		}
	}
	if ambiguous == 0 {
		t.Fatal("no typo was one edit from several words: the test cannot fail")
	}
}
