package bot_test

import (
	"strings"
	"testing"
)

// TestLeftNearPoorListCard: a household that has just left the near-poor
// list asking about its card gets the answer for a household that left
// the list (bhyt-newly-escaped: the support stops), not the near-poor
// card's 70% (QA pass 72 #9).
func TestLeftNearPoorListCard(t *testing.T) {
	for _, q := range []string{
		"Hộ cận nghèo vừa thoát cận nghèo thì thẻ bhyt còn không",
		"nha toi la ho can ngheo, nam nay thoat can ngheo roi thi bhyt co bi cat khong",
		"hộ nghèo vừa thoát nghèo thì thẻ bảo hiểm y tế còn dùng được không",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(q)).Text
		// The card's answer, or an ask-back offering it first.
		if !strings.Contains(got, "Khi ra khỏi danh sách hộ nghèo, hộ cận nghèo") && !strings.Contains(got, "1. BHYT hộ mới thoát nghèo") || strings.Contains(got, "ít nhất 70%") {
			t.Errorf("%q: %q, want the answer for a household that left the list", q, got)
		}
	}
}
