package content_test

import (
	"strings"
	"testing"
)

// TestBoundaryVersions71: questions that name the period the way
// citizens do, on both sides of 1 January 2027, get the version in force
// and the other version they ask about. Until session 71: "sang năm 2
// triệu 2 là chuẩn nghèo phải không" named no coming version (the "2"
// after "sang năm" was read as a school year); "nghị định 351 quy định
// chuẩn nghèo thế nào" in December 2026 got today's standard alone;
// "nghi dinh 07/2021 con hieu luc khong" got Resolution 06/2024;
// "chuẩn cũ còn dùng đến bao giờ" was not understood; "chuan ngheo cu la
// bao nhieu" in 2027 got the new standard alone; "nghị định 351/2025 quy
// định gì" in 2027 was offered the old standard as the one asked about.
func TestBoundaryVersions71(t *testing.T) {
	kb := mustKB(t)
	for _, c := range []struct {
		date, msg, entry, later, earlier string
	}{
		{"2026-12-07", "sang năm 2 triệu 2 là chuẩn nghèo phải không", "poverty-standard-2026", "poverty-standard-2027", ""},
		{"2026-12-07", "nghị định 351 quy định chuẩn nghèo thế nào", "poverty-standard-2026", "poverty-standard-2027", ""},
		{"2026-12-31", "chuan ngheo theo nd 351/2025 la bao nhieu", "poverty-standard-2026", "poverty-standard-2027", ""},
		{"2027-01-01", "nghị định 351 quy định chuẩn nghèo thế nào", "poverty-standard-2027", "", ""},
		{"2027-03-01", "nghị định 351/2025 quy định chuẩn nghèo gì", "poverty-standard-2027", "", ""},
		{"2026-12-07", "nghi dinh 07/2021 con hieu luc khong", "poverty-standard-2026", "", ""},
		{"2027-01-01", "nghi dinh 07/2021 con hieu luc khong", "poverty-standard-2027", "", "poverty-standard-2026"},
		{"2026-12-07", "chuẩn cũ còn dùng đến bao giờ", "poverty-standard-2026", "", ""},
		{"2027-01-01", "chuẩn cũ còn dùng đến bao giờ", "poverty-standard-2027", "", "poverty-standard-2026"},
		{"2027-03-01", "chuan ngheo cu la bao nhieu", "poverty-standard-2027", "", "poverty-standard-2026"},
	} {
		r := kb.Match(c.msg, day(t, c.date))
		got, later, earlier := "", "", ""
		if r.Entry != nil {
			got = r.Entry.ID
		}
		if r.Later != nil {
			later = r.Later.ID
		}
		if r.Earlier != nil {
			earlier = r.Earlier.ID
		}
		if got != c.entry || later != c.later || earlier != c.earlier {
			t.Errorf("%s %q: entry %q later %q earlier %q, want %q %q %q", c.date, c.msg, got, later, earlier, c.entry, c.later, c.earlier)
		}
	}
}

// TestNearPoorCardUnderNewStandard: "… từ đầu năm 2027 có chuẩn nghèo mới,
// thế thì thẻ bảo hiểm y tế của cả nhà có bị cắt không" is answered by
// the near-poor card's entry, which now says what the new standard does to
// the card, on both sides of 1 January 2027. Until session 71 it only
// told the premium support.
func TestNearPoorCardUnderNewStandard(t *testing.T) {
	const msg = "Bác ơi năm nay nhà bác được công nhận hộ cận nghèo, bác nghe nói từ đầu năm 2027 có chuẩn nghèo mới, thế thì thẻ bảo hiểm y tế của cả nhà có bị cắt không"
	const line = "Từ 01/01/2027 xét theo chuẩn nghèo mới (Nghị định 351/2025/NĐ-CP): hộ không còn trong danh sách cận nghèo thì thẻ theo diện này không được cấp tiếp."
	checkDatedAnswers(t, []datedAnswer{
		{"2026-12-07", msg, "bhyt-near-poor", line},
		{"2027-01-01", msg, "bhyt-near-poor", line},
	})
}

// TestPremiumSumYearAsked: "hộ cận nghèo năm 2027 đóng bhyt bao nhiêu"
// asked in December 2026 gets today's figures and the line that no change
// for 2027 is known, as the base salary's sum says. Until session 71 the
// sum named today's figures alone, as if the year had not been asked.
func TestPremiumSumYearAsked(t *testing.T) {
	kb := mustKB(t)
	const line = "Năm 2027: tôi chưa thấy văn bản thay đổi mức này.\nSố tiền cụ thể:"
	for _, d := range []string{"2026-12-07", "2026-12-31"} {
		s, ok := kb.Sum("hộ cận nghèo năm 2027 đóng bhyt bao nhiêu", day(t, d), "")
		if !ok || !strings.Contains(s.Text, "mỗi người tự đóng tối đa 34.155 đồng/tháng") || !strings.Contains(s.Text, line) {
			t.Errorf("%s: sum %v %q, want 34.155 đồng and %q", d, ok, s.Text, line)
		}
	}
	// Asked in 2027 without a year, or about this year: no such line.
	if s, _ := kb.Sum("hộ cận nghèo năm 2027 đóng bhyt bao nhiêu", day(t, "2027-01-01"), ""); strings.Contains(s.Text, "tôi chưa thấy văn bản thay đổi") {
		t.Errorf("2027: %q", s.Text)
	}
}
