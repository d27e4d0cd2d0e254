package bot_test

import (
	"testing"
	"time"
)

// TestHouseholdAmountAskedGetsTheAmount: "thế hộ nghèo thì được bao nhiêu"
// after the near-poor electricity answer asks the poor household's amount:
// the answer that states it (with its uncertainty), not who gets the
// support, whose rule names no sum. Until session 71 it got the rule alone
// (QA pass 71 #23, a05).
func TestHouseholdAmountAskedGetsTheAmount(t *testing.T) {
	h := newHarness(t)
	en, ok := h.eng.KB().Entry("elec-amount")
	if !ok {
		t.Fatal("no elec-amount")
	}
	for _, m := range []string{"ho tro tien dien", "cận nghèo"} {
		h.say(m)
		h.now = h.now.Add(time.Minute)
	}
	if got := lastReply(t, h.say("thế hộ nghèo thì được bao nhiêu")).Text; got != en.Render() {
		t.Errorf("got %q, want elec-amount's answer %q", got, en.Render())
	}
}
