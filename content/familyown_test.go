package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestFamilyOwn: an entry written for a category the question names as
// the household's own is not swapped for its family's member for another
// category the question also names (familyOwn), and ask --explain says so.
func TestFamilyOwn(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	text := "hộ nghèo muốn tự xin thoát nghèo thì sau đó còn được hưởng gì không"
	x := kb.Explain(text, day, 3)
	if x.Result.Entry == nil || x.Result.Entry.ID != "poverty-escape" {
		t.Fatalf("%q: got %v, want poverty-escape", text, x.Result.Entry)
	}
	if !strings.HasPrefix(x.Member, "kept poverty-escape") {
		t.Errorf("%q: family step %q, want it kept", text, x.Member)
	}
}
