package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestLetterRunsAreNotUnderstood: words that are each one letter typed
// over and over ("zzzz qqqq", a 3,500-letter run of "A") are no question:
// they get the "chưa hiểu" reply and reach the unanswered list, not a
// loan ask-back or the greeting (QA 72 #13). "aaa" told with a real word
// is read as usual.
func TestLetterRunsAreNotUnderstood(t *testing.T) {
	for _, msg := range []string{"zzzz qqqq", strings.Repeat("A", 3500), "kkkkk!"} {
		h := newHarness(t)
		got := lastReply(t, h.say(msg))
		if !strings.HasPrefix(got.Text, "Xin lỗi, tôi chưa hiểu rõ câu hỏi.") {
			t.Errorf("%.12q: reply %q, want the unknown reply", msg, got.Text)
		}
		recs, err := h.st.Unanswered(time.Time{})
		if err != nil || len(recs) != 1 || recs[0].Kind != bot.UnansweredUnknown {
			t.Errorf("%.12q: unanswered %+v, %v; want it recorded as unknown", msg, recs, err)
		}
	}
	h := newHarness(t)
	if got := lastReply(t, h.say("aaaa vay von ho ngheo")); strings.HasPrefix(got.Text, "Xin lỗi, tôi chưa hiểu") {
		t.Errorf("a loan question after aaaa: %q, want it answered", got.Text)
	}
}
