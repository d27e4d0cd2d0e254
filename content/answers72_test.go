package content_test

import (
	"strings"
	"testing"
)

// TestPremiumLevelAsked: "mức đóng BHYT hộ cận nghèo" asks the premium's
// level as "bao nhiêu" does: the sum with the household's share, and for
// 2027 asked in December 2026 the line that no change is known. Until
// session 72 it got the card's answer, with no figure.
func TestPremiumLevelAsked(t *testing.T) {
	kb := mustKB(t)
	const share = "mỗi người tự đóng tối đa 34.155 đồng/tháng"
	const line = "Năm 2027: tôi chưa thấy văn bản thay đổi mức này."
	for _, tc := range []struct {
		day, msg string
		year     bool
	}{
		{"2026-12-08", "mức đóng BHYT hộ cận nghèo năm 2027", true},
		{"2026-12-31", "mức đóng BHYT hộ cận nghèo năm 2027", true},
		{"2026-12-08", "mức đóng BHYT hộ cận nghèo", false},
		{"2026-12-08", "muc dong bhyt ho can ngheo nam 2027", true},
		{"2026-12-08", "mức phí bảo hiểm y tế hộ cận nghèo hiện nay", false},
	} {
		s, ok := kb.Sum(tc.msg, day(t, tc.day), "")
		if !ok || !strings.Contains(s.Text, share) || strings.Contains(s.Text, line) != tc.year {
			t.Errorf("%s %q: sum %v %q, want %q (and the 2027 line: %v)", tc.day, tc.msg, ok, s.Text, share, tc.year)
		}
	}
	// The support's level is no premium asked: the card's answer says it.
	if s, ok := kb.Sum("mức hỗ trợ đóng BHYT hộ cận nghèo", day(t, "2026-12-08"), ""); ok {
		t.Errorf("the support's level: sum %q", s.Text)
	}
}

// TestReviewCalendarNotConfirmedFor2026: the review calendar's answer,
// asked on either side of 2027-01-01, says the 1/9–14/12 dates are the
// 2022–2025 procedure's and that no later calendar is known; until session
// 72 it said only that none was known "cho giai đoạn từ 2027", as if the
// 2026 review's calendar were confirmed (the fact sheet has no procedure
// after Decision 24/2021/QĐ-TTg).
func TestReviewCalendarNotConfirmedFor2026(t *testing.T) {
	kb := mustKB(t)
	const line = "Lịch trên theo quy trình giai đoạn 2022–2025 (Quyết định 24/2021/QĐ-TTg); tôi chưa thấy văn bản quy định lịch cho các năm sau giai đoạn đó, nên lịch có thể thay đổi."
	for _, d := range []string{"2026-12-08", "2026-12-31", "2027-01-02"} {
		r := kb.Match("rà soát hộ nghèo năm nay bao giờ kết thúc", day(t, d))
		if r.Entry == nil || r.Entry.ID != "poverty-review-timeline" || !strings.Contains(r.Entry.Answer, line) {
			t.Errorf("%s: %+v", d, r.Entry)
		}
	}
}
