package bot_test

import (
	"strings"
	"testing"
)

// TestRenewalCategoryThenAmount: after the card's renewal, a household
// category told ("nhà tôi hộ cận nghèo") is kept, and "bao nhiêu" next
// gets the share that household pays for the card (34.155 đồng/người/
// tháng), not the coverage of the fund. Until session 70 it got "quỹ BHYT
// trả 100%" and "không phải tiền đóng BHYT" (QA #9).
func TestRenewalCategoryThenAmount(t *testing.T) {
	h := newHarness(t)
	for _, m := range []string{"the bhyt cua toi het han roi lam lai o dau", "co mat tien khong", "nha toi ho can ngheo"} {
		h.say(m)
	}
	got := lastReply(t, h.say("bao nhieu"))
	if !strings.HasPrefix(got.Text, "Mức đóng BHYT đủ hiện nay: 113.850 đồng/người/tháng.\nHộ cận nghèo: Nhà nước hỗ trợ ít nhất 70%, mỗi người tự đóng tối đa 34.155 đồng/tháng (113.850 × 30%).") {
		t.Errorf("«bao nhieu» after the near-poor household was told: %.300q…, want its share of the premium", got.Text)
	}
}
