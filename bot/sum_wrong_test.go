package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestWrongAfterSum: "chưa đúng ý tôi" typed under a computed sum is a
// correction of that answer, as under any answer: other readings of the
// question are offered with "Gặp cán bộ", and the correction is recorded
// for the content team. Until session 71 it got the main menu, as if
// nothing had been answered, and nothing was recorded (QA pass 71 #22,
// h11).
func TestWrongAfterSum(t *testing.T) {
	h := newHarness(t)
	const q = "vay 50 trieu moi thang tra lai bao nhieu"
	if sum := one(t, h.say(q)).Text; !strings.Contains(sum, "275.000 đồng") {
		t.Fatalf("no sum: %q", sum)
	}
	got := one(t, h.say("chưa đúng ý tôi"))
	if !strings.HasPrefix(got.Text, "Xin lỗi ông/bà. Ông/bà muốn hỏi:\n1. ") || !strings.HasSuffix(got.Text, "\nNếu không phải, ông/bà chọn \"Gặp cán bộ\" để cán bộ xã trả lời.") {
		t.Errorf("reply:\n%s", got.Text)
	}
	if !hasButton(got, "o") {
		t.Errorf("no officer button: %+v", got.Buttons)
	}
	recs, err := h.st.Unanswered(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Kind != bot.UnansweredCorrection || recs[0].Text != q {
		t.Errorf("unanswered records %+v, want one correction of %q", recs, q)
	}
	// "Gặp cán bộ" there sends the question at once.
	h.press("o")
	if ts := h.allTickets(); len(ts) != 1 || ts[0].Question != q {
		t.Errorf("tickets %+v", ts)
	}
}
