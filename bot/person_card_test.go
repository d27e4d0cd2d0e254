package bot_test

import (
	"strings"
	"testing"
)

// TestPersonCardInContext: after the social pension's answer, "thẻ bhyt
// của bà thì sao" asks about the card of a person on it, which the state
// pays whatever the household: the elderly's card is answered, where until
// session 63 the bot asked the household's category. With no such answer
// before, the question still asks it.
func TestPersonCardInContext(t *testing.T) {
	h := newHarness(t)
	// The answer is led by its age condition applied (session 66).
	if got := lastReply(t, h.say("me toi 76 tuoi ko co luong huu")).Text; !strings.HasPrefix(got, "Người 76 tuổi: đủ tuổi hưởng trợ cấp hưu trí xã hội") || !strings.Contains(got, "\n\nTrợ cấp hưu trí xã hội (từ 1/7/2025)") {
		t.Fatalf("pension: %q", got)
	}
	if got := lastReply(t, h.say("the bhyt cua ba thi sao")).Text; !strings.HasPrefix(got, "BHYT cho người cao tuổi:") {
		t.Errorf("card after the pension: %q, want the elderly's card", got)
	}
	h = newHarness(t)
	if got := lastReply(t, h.say("the bhyt cua ba thi sao")).Text; !strings.HasPrefix(got, "Hộ ông/bà là hộ nghèo, cận nghèo hay mới thoát nghèo?") {
		t.Errorf("card alone: %q, want the household asked", got)
	}
}
