package bot_test

import (
	"strings"
	"testing"
)

// TestFeelingsGetAKindRefusal: a sigh ("buồn quá", "chán quá", typed with or
// without marks) is out of scope and answered with the daily-life refusal;
// that refusal no longer speaks of recipes alone, it points the citizen to
// people who can listen and to the support the bot can find. Before, "buồn
// quá" got only "tôi không hướng dẫn nấu ăn, mẹo vặt hay làm đẹp".
func TestFeelingsGetAKindRefusal(t *testing.T) {
	const kind = "Nếu ông/bà đang buồn hay mệt mỏi, ông/bà nói chuyện với người thân, hàng xóm hoặc cán bộ xã cho nhẹ lòng."
	for _, msg := range []string{"buồn quá", "chan qua", "bố mẹ chồng hay soi mói, em chán quá"} {
		h := newHarness(t)
		got := lastReply(t, h.say(msg)).Text
		if !strings.Contains(got, kind) {
			t.Errorf("%q → %q, want the line %q", msg, got, kind)
		}
		if strings.Contains(got, "115") || strings.Contains(got, "113") {
			t.Errorf("%q → %q: a sigh is no emergency", msg, got)
		}
	}
}
