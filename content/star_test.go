package content_test

import (
	"testing"
	"time"

	"github.com/bacninh/ansinh/content"
)

// TestStarBeforeADangerTail: a "*" typed where the part after a question
// begins used to make the detector cut the message at an offset outside it
// (the gap word is not a slice of the lower-cased text), and Match
// panicked; in the bot the message was parked and the person in danger got
// only "received". The danger after the question gets its number.
func TestStarBeforeADangerTail(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(time.Date(2026, 12, 8, 9, 0, 0, 0, time.UTC))
	for _, c := range []struct{ text, entry string }{
		{"vay vốn thế nào? * nhà tôi đang cháy to lắm", "officer-urgent-fire"},
		{"cho hỏi vay vốn thế nào ạ. *con tôi ngã không dậy được từ sáng", "officer-urgent"},
		{"nhà tôi * đang cháy to lắm", "officer-urgent-fire"},
	} {
		var r content.Result
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%q: Match panicked: %v", c.text, p)
				}
			}()
			r = kb.Match(c.text, day)
		}()
		if r.Entry == nil || r.Entry.Key != c.entry || !r.Urgent {
			t.Errorf("%q: got %v (urgent %v), want %s, urgent", c.text, r.Entry, r.Urgent, c.entry)
		}
	}
}
