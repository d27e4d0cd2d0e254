package bot_test

import (
	"strings"
	"testing"
)

// TestBesidesKeptOverHouseholdAsk: "vay von bao nhieu va the bhyt lam o
// dau" asks the household's category for the loan; the category told,
// typed or pressed, answers the loan and still offers the card, for that
// household (it was lost with the ask-back).
func TestBesidesKeptOverHouseholdAsk(t *testing.T) {
	for _, typed := range []bool{true, false} {
		h := newHarness(t)
		ask := lastReply(t, h.say("vay von bao nhieu va the bhyt lam o dau"))
		if !strings.HasPrefix(ask.Text, "Hộ ông/bà là hộ nghèo, cận nghèo hay mới thoát nghèo?") {
			t.Fatalf("%q, want the household asked", ask.Text)
		}
		var got = ask
		if typed {
			got = lastReply(t, h.say("2"))
		} else {
			got = lastReply(t, h.press(buttonData(ask)[1]))
		}
		d := buttonData(got)
		if !strings.Contains(got.Text, "Nếu ông/bà hỏi cả về «BHYT hộ cận nghèo», bấm nút đó bên dưới.") || len(d) == 0 || d[0] != "e:bhyt-near-poor" {
			t.Errorf("typed %v: %q, buttons %v, want the near-poor card offered first", typed, got.Text, d)
		}
	}
}
