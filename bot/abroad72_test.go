package bot_test

import (
	"strings"
	"testing"
)

// TestBackFromAbroadLoan: a worker back from abroad who wants to start a
// business gets the job-creation loan (200 million, about 8,38%), not the
// loan for going abroad (6,6% / 3,3%); one back without work gets the
// returning worker's answer (QA pass 72 #7).
func TestBackFromAbroadLoan(t *testing.T) {
	for _, q := range []string{
		"chồng tôi đi Hàn Quốc về nước, muốn vay vốn làm ăn, lãi suất bao nhiêu",
		"anh tôi đi Nhật về, giờ muốn vay ít vốn mở cửa hàng thì vay ở đâu",
		"toi moi o dai loan ve, muon vay ngan hang chinh sach lam trang trai, lai bao nhieu",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(q)).Text
		if !strings.Contains(got, "200 triệu") || strings.Contains(got, "3,3%/năm") {
			t.Errorf("%q: %q, want the job-creation loan", q, got)
		}
	}
	for _, q := range []string{
		"toi moi di xuat khau lao dong Nhat ve, khong co viec, duoc ho tro gi",
		"con trai tôi ở Hàn Quốc về đã hai tháng mà chưa có việc, xã có giúp gì không",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(q)).Text
		if !strings.Contains(got, "Người lao động đi làm ở nước ngoài về nước") {
			t.Errorf("%q: %q, want the returning worker's answer", q, got)
		}
	}
}
