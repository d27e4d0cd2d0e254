package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestLeadInKeepsTheFollowUp: a follow-up led by "tôi hỏi là", "ý tôi là"
// or "cho hỏi là" is read as the same words without the lead. Until
// session 71 "tôi hỏi là nhà tôi phải đóng bao nhiêu tiền" after the
// near-poor BHYT answer was refused as an administrative procedure, twice
// (QA pass 71 #7).
func TestLeadInKeepsTheFollowUp(t *testing.T) {
	const first = "the bhyt can ngheo duoc ho tro bao nhieu"
	follow := func(msg string) string {
		h := newHarness(t)
		h.say(first)
		h.now = h.now.Add(time.Minute)
		return lastReply(t, h.say(msg)).Text
	}
	plain := follow("nha toi phai dong bao nhieu tien")
	if !strings.Contains(plain, "34.155 đồng/tháng") {
		t.Fatalf("without a lead: %q, want the near-poor share 34.155 đồng/tháng", plain)
	}
	for _, msg := range []string{
		"toi hoi la nha toi phai dong bao nhieu tien",
		"tôi hỏi là nhà tôi phải đóng bao nhiêu tiền",
		"ý tôi là nhà tôi phải đóng bao nhiêu tiền",
		"cho hỏi là nhà tôi phải đóng bao nhiêu tiền",
		"TOI HOI LA NHA TOI PHAI DONG BAO NHIEU TIEN",
	} {
		if got := follow(msg); got != plain {
			t.Errorf("%q: %q, want the reply without the lead %q", msg, got, plain)
		}
	}
}
