package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestCryWithItsParticle: "cứu tôi với", "cứu em với" are a cry for help
// and a word of now, though a danger phrase of the same words holds them
// (calmer.inLonger hides a marker inside a longer danger phrase): after a
// question about a programme the cry is no longer calmed, and the urgent
// reply sends the number alone (Alarm.Cry). Until session 71 "cho hỏi vay
// vốn, cứu tôi với" raised no alarm.
func TestCryWithItsParticle(t *testing.T) {
	kb := mustKB(t)
	for text, kind := range map[string]string{
		"cho hỏi vay vốn, cứu tôi với": content.AlarmWelfare,
		"cứu em với, nhà em cháy":      content.AlarmFire,
		"cứu tôi với":                  content.AlarmWelfare,
	} {
		if a, ok := kb.Detect(text); !ok || a.Kind != kind || !a.Cry {
			t.Errorf("Detect(%q) = %+v (%v), want a cry, %s", text, a, ok, kind)
		}
	}
}
