package bot_test

import (
	"strings"
	"testing"
)

// TestElectricityHouseholdFollowUp: "hộ cận nghèo có được không" after
// where the electricity support is paid gets the electricity answer for
// near-poor households, not what near-poor households get in general
// (BHYT, loans, pension). Until session 70 it got the general list (QA
// #10).
func TestElectricityHouseholdFollowUp(t *testing.T) {
	h := newHarness(t)
	want := entry(t, h, "elec-near-poor")
	for _, m := range []string{"ho ngheo duoc ho tro tien dien bao nhieu", "nhan o dau"} {
		h.say(m)
	}
	got := lastReply(t, h.say("ho can ngheo co duoc khong"))
	if !strings.HasPrefix(got.Text, want.Answer[:80]) {
		t.Errorf("«ho can ngheo co duoc khong» after the electricity payment: %.200q…, want %s's answer", got.Text, want.ID)
	}
}
