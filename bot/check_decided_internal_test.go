package bot

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestDecidedInWords: every rule that places a household in its category
// is said to the officer in Vietnamese words, never by its English id.
func TestDecidedInWords(t *testing.T) {
	for _, id := range []string{content.ByPoor, content.ByNearPoor, content.ByNeedsDeprived, content.ByDeprivedUnsure,
		content.ByLocalStandard, content.ByAverageBand, content.ByAverageUnsure, content.ByAboveBands} {
		w := decidedWords[id]
		if w == "" || strings.Contains(w, "_") {
			t.Errorf("%s: words %q, want a Vietnamese phrase", id, w)
		}
	}
}
