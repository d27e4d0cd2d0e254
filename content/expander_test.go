package content

import (
	"slices"
	"testing"
)

// TestShortFormFilter: the expander skips the abbreviation look-up for a
// syllable whose first byte, last byte and length no short form has; on
// every message of the test sets (and variants) it expands exactly as
// looking every syllable up does, and it does skip most syllables.
func TestShortFormFilter(t *testing.T) {
	kb, err := Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	ex := kb.ex
	if !ex.filtered {
		t.Fatal("the embedded abbreviations left the filter off")
	}
	for k := range ex.abbrev {
		if !ex.mayBeShort(k) {
			t.Fatalf("short form %q filtered out", k)
		}
	}
	plain := *ex
	plain.filtered = false
	var syl []string
	skipped, all := 0, 0
	for _, text := range fastpathMessages(t) {
		got := ex.syllables(nil, text)
		if want := plain.syllables(nil, text); !slices.Equal(got, want) {
			t.Fatalf("%q: %q with the filter, %q without", text, got, want)
		}
		syl = appendSyllables(syl[:0], text)
		for _, s := range syl {
			all++
			if !ex.mayBeShort(s) {
				skipped++
			}
		}
	}
	if 2*skipped < all {
		t.Fatalf("the filter skipped only %d of %d syllables", skipped, all)
	}
	t.Logf("skipped %d of %d syllables", skipped, all)
}
