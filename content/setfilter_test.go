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
	kb := loadOnce(t)
	ex := kb.ex
	if !ex.short.on {
		t.Fatal("the embedded abbreviations left the filter off")
	}
	for k := range ex.abbrev {
		if !ex.short.may(k) {
			t.Fatalf("short form %q filtered out", k)
		}
	}
	plain := *ex
	plain.short.on = false
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
			if !ex.short.may(s) {
				skipped++
			}
		}
	}
	if 2*skipped < all {
		t.Fatalf("the filter skipped only %d of %d syllables", skipped, all)
	}
	t.Logf("skipped %d of %d syllables", skipped, all)
}

// TestScopePhraseFilter: the scope rule's phrase sets skip the look-up for
// a syllable no phrase can start with; at every syllable of every test-set
// message they find what looking every syllable up finds.
func TestScopePhraseFilter(t *testing.T) {
	var syl []string
	for _, set := range []*phrases{&scopeAnchors, &scopeMarkers} {
		if !set.filter.on {
			t.Fatal("a scope phrase set left its filter off")
		}
		plain := *set
		plain.filter.on = false
		skipped, all := 0, 0
		for _, text := range fastpathMessages(t) {
			syl = appendSyllables(syl[:0], text)
			for i := range syl {
				all++
				if !set.filter.may(syl[i]) {
					skipped++
				}
				got, gn := set.at(syl, i)
				if want, wn := plain.at(syl, i); got != want || gn != wn {
					t.Fatalf("%q at %d: %q (%d) with the filter, %q (%d) without", text, i, got, gn, want, wn)
				}
			}
		}
		if 2*skipped < all {
			t.Fatalf("the filter skipped only %d of %d syllables", skipped, all)
		}
		t.Logf("skipped %d of %d syllables", skipped, all)
	}
}

// TestWordSetFilter: every clause marker set's filters let each of its own
// words and pairs through, and hasAskWord reads every test-set message as
// the maps alone do.
func TestWordSetFilter(t *testing.T) {
	sets := []wordSet{askSet, strongSet, closeSet, endSet, tailSet, politeSet, openSet, thanksSet, alsoSet}
	for _, s := range sets {
		for w := range s.one {
			if !mayHave(s.oneF, []byte(w)) {
				t.Fatalf("word %q filtered out", w)
			}
		}
		for w := range s.two {
			if !mayHave(s.twoF, []byte(w)) {
				t.Fatalf("pair %q filtered out", w)
			}
		}
	}
	filtered := askSet
	plain := wordSet{askSet.one, askSet.two, &setFilter{}, &setFilter{}}
	for _, text := range fastpathMessages(t) {
		f := Fold(text)
		askSet = plain
		want := hasAskWord(f)
		askSet = filtered
		if got := hasAskWord(f); got != want {
			t.Fatalf("%q: hasAskWord %v with the filters, %v without", f, got, want)
		}
	}
}
