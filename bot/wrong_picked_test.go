package bot_test

import (
	"testing"
)

// TestWrongAfterPickedReading: "Chưa đúng ý tôi" under the answer to a
// reading picked from the ask-back between two readings offers the other
// reading first, then the two next readings as before, then the
// officer (m5). Before, only the two next readings were offered, and the
// reading the citizen had been offered for this question was gone.
func TestWrongAfterPickedReading(t *testing.T) {
	for _, how := range []string{"pressed", "typed"} {
		t.Run(how, func(t *testing.T) {
			h := newHarness(t)
			_, options := askBack(t, h)
			if how == "pressed" {
				h.press("e:" + options[0].ID)
			} else {
				h.say("1")
			}
			got := lastReply(t, h.press("w:"+options[0].ID))
			if len(got.Buttons) < 2 || got.Buttons[0].Data != "e:"+options[1].ID {
				t.Fatalf("buttons %v, want e:%s first", buttonData(got), options[1].ID)
			}
			want := "Xin lỗi ông/bà. Ông/bà muốn hỏi:\n1. " + options[1].Title
			if len(got.Text) < len(want) || got.Text[:len(want)+1] != want+"\n" {
				t.Errorf("reply:\n%s\nwant it to begin:\n%s", got.Text, want)
			}
			if n := len(got.Buttons); n != 4 || got.Buttons[n-1].Data != "o" {
				t.Errorf("buttons %v, want the other reading, two next readings and the officer", buttonData(got))
			}
		})
	}
}
