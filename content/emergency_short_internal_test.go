package content

import (
	"strings"
	"testing"
)

// TestDangerModelShortMessages: the words citizens end a conversation with
// raise no alarm, though the danger model alone reads a wish to die or an
// urgent need in them (modelShortWords, bareModelMargin); a cry for help, a
// phrase of the vocabulary and a farewell of five words still do. With the
// two limits off, the model's readings come back (the test shows the rule).
func TestDangerModelShortMessages(t *testing.T) {
	kb := loadOnce(t)
	closings := []string{
		"không cần nữa",
		"khong can nua dau",
		"tôi đi đây",
		"đi ngủ đây",
		"không hỏi nữa",
		"không còn gì nữa",
		"cảm ơn nhé không cần nữa",
	}
	for _, text := range closings {
		if a, ok := kb.Detect(text); ok {
			t.Errorf("%q: alarm %s (%s), want none", text, a.Kind, a.Phrase)
		}
	}
	// ask --explain says what was held back.
	if a, ok := kb.Detect("không cần nữa"); ok || !a.Held || a.Kind != AlarmSelfHarm || a.Urgent {
		t.Errorf("không cần nữa: alarm %+v (raised %v), want self_harm held back", a, ok)
	}
	if x := kb.Explain("tôi đi đây", scopeDay, 3); !strings.HasPrefix(x.DangerHeld, "self_harm (margin ") || x.Danger != "" {
		t.Errorf("tôi đi đây: explained danger %q, held %q; want self_harm held back", x.Danger, x.DangerHeld)
	}
	for text, kind := range map[string]string{
		"cứu tôi với":               AlarmWelfare,
		"tôi muốn chết":             AlarmSelfHarm,
		"không còn gì để ăn":        AlarmNeed,
		"chào mọi người, em đi đây": AlarmSelfHarm,
	} {
		if a, ok := kb.Detect(text); !ok || a.Kind != kind || !a.Urgent {
			t.Errorf("%q: alarm %q (urgent %v, raised %v), want %s", text, a.Kind, a.Urgent, ok, kind)
		}
	}
	defer func(w int, m float64) { modelShortWords, bareModelMargin = w, m }(modelShortWords, bareModelMargin)
	modelShortWords, bareModelMargin = 0, 0
	off := 0
	for _, text := range closings {
		if a, ok := kb.Detect(text); ok && a.Urgent {
			off++
		}
	}
	if off < len(closings)-1 {
		t.Errorf("with the limits off the model raised %d alarms on the %d closings; the test no longer shows the rule", off, len(closings))
	}
}
