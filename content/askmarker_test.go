package content

import "testing"

// TestHasAskMarker compares the one-pass marker test with matching each
// marker as whole words.
func TestHasAskMarker(t *testing.T) {
	plain := func(folded string) bool {
		for _, m := range askMarkers {
			if hasWord(folded, m) {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"", "vay bao nhieu", "bao", "nhieu bao", "co duoc khong", "khongx", "o dau ay", "the nao", "thenao", "nha toi 5 nguoi, ", "a", "ba a.", "lam sao", "sao", "cho toi hoi ve vay von", "ra, sao", "bao  nhieu", "bao, nhieu", "o dau"} {
		if got, want := hasAskMarker(s), plain(s); got != want {
			t.Errorf("hasAskMarker(%q) = %v, want %v", s, got, want)
		}
	}
	for _, l := range readTSV(t, "testdata/questions.tsv") {
		f := Fold(l[1])
		if got, want := hasAskMarker(f), plain(f); got != want {
			t.Errorf("hasAskMarker(%q) = %v, want %v", f, got, want)
		}
	}
}
