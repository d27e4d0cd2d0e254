package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// "oan" (wronged) is a real word, not a typo of "dọa": "nhà tôi bị loại
// oan khỏi hộ nghèo" raised the violence alarm ("bị * dọa") and opened an
// urgent ticket until session 69. A threat keeps it.
func TestWrongedIsNoThreat(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string]string{
		"bị cắt hộ nghèo oan thì khiếu nại ở đâu": "poverty-appeal",
		"nhà tôi bị loại oan khỏi hộ nghèo":       "poverty-appeal",
	} {
		if r := kb.Match(msg, day); r.Alarm != "" || idOf(r.Entry) != want {
			t.Errorf("%q: alarm %q, entry %s, want no alarm and %s", msg, r.Alarm, idOf(r.Entry), want)
		}
	}
	for _, msg := range []string{"bị trừ tiền oan", "bi xu oan"} {
		if r := kb.Match(msg, day); r.Alarm != "" || r.Urgent {
			t.Errorf("%q: alarm %q", msg, r.Alarm)
		}
	}
	if r := kb.Match("bị nó dọa giết", day); r.Alarm != content.AlarmViolence {
		t.Errorf("a threat: alarm %q, want violence", r.Alarm)
	}
}
