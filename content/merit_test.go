package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestMeritSchemeQuestionIsOutOfScope: a short question about what a
// status of the merit scheme itself brings gets the out-of-scope answer
// that says where to ask, not an ask-back between the poor household's
// benefits and the tuition exemption; the same status beside a programme
// the bot answers keeps that programme.
func TestMeritSchemeQuestionIsOutOfScope(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for text, want := range map[string]string{
		"bố tôi là thương binh thì được gì":                     "oos-civil-pension",
		"con liệt sĩ được trợ cấp bao nhiêu":                    "oos-civil-pension",
		"thuong binh duoc huong che do gi":                      "oos-civil-pension",
		"bo toi thuong binh 2/4 duoc tro cap bao nhieu 1 thang": "oos-civil-pension",
		"me toi la me viet nam anh hung duoc tro cap bao nhieu": "oos-civil-pension",
		"con thương binh có được miễn học phí không":            "edu-exempt-groups",
		"bố tôi là thương binh có được cấp thẻ bhyt không":      "bhyt-free-card",
	} {
		r := kb.Match(text, day)
		if got := entryID(r); got != want || len(r.Ambiguous) > 1 {
			t.Errorf("Match(%q) = %s (ask-back %d), want %s", text, got, len(r.Ambiguous), want)
		}
	}
	e, _ := kb.Entry("oos-civil-pension")
	const where = "- Chế độ, trợ cấp người có công: ông/bà hỏi UBND xã/phường nơi cư trú."
	if got := e.Render(); !strings.Contains(got, where) {
		t.Errorf("oos-civil-pension answer lacks %q:\n%s", where, got)
	}
}
