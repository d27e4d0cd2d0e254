package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// "hồi 2023 ông tôi 78 tuổi có được trợ cấp không": the social pension's
// ages date from 1/7/2025 (the qualifying age was 80 before), so a
// question about 2023 is told the rule then differed, not that 78 is old
// enough. Until session 67 the answer said "Người 78 tuổi: đủ tuổi hưởng
// trợ cấp hưu trí xã hội" of 2023.
func TestNotThenSocialPension(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string]string{
		// Since session 68 the lead tells the age asked then (80) and
		// applies it to the age told.
		"hồi 2023 ông tôi 78 tuổi có được trợ cấp không":                     "📌 Ông/bà hỏi về năm 2023: quy định dưới đây chỉ áp dụng từ ngày 01/07/2025. Trước đó, người không có lương hưu phải từ đủ 80 tuổi mới được trợ cấp hằng tháng (chi tiết thời gian đó ông/bà hỏi UBND xã/phường). Người 78 tuổi khi đó chưa đủ 80 tuổi. Quy định hiện nay:",
		"trước 1/7/2025 bố tôi 76 tuổi có được trợ cấp hưu trí xã hội không": "📌 Ông/bà hỏi về thời gian trước ngày 01/07/2025: quy định dưới đây chỉ áp dụng từ ngày 01/07/2025. Trước đó, người không có lương hưu phải từ đủ 80 tuổi mới được trợ cấp hằng tháng (chi tiết thời gian đó ông/bà hỏi UBND xã/phường). Người 76 tuổi khi đó chưa đủ 80 tuổi.",
		"năm 2024 bố tôi 82 tuổi có được trợ cấp hưu trí xã hội không":       "📌 Ông/bà hỏi về năm 2024: quy định dưới đây chỉ áp dụng từ ngày 01/07/2025. Trước đó, người không có lương hưu phải từ đủ 80 tuổi mới được trợ cấp hằng tháng (chi tiết thời gian đó ông/bà hỏi UBND xã/phường). Người 82 tuổi khi đó đã đủ 80 tuổi. Quy định hiện nay:",
	} {
		r := kb.Match(msg, day)
		if r.Entry == nil || r.Entry.ID != "social-pension" {
			t.Errorf("%q: entry %s, want social-pension", msg, idOf(r.Entry))
			continue
		}
		if got := kb.NotThen(r.Entry, msg, day); !strings.HasPrefix(got, want) {
			t.Errorf("%q: lead %q, want it to start %q", msg, got, want)
		}
	}
	// Today, or a year after the rule began, is answered as it stands.
	for _, msg := range []string{"ông tôi 78 tuổi có được trợ cấp không", "năm 2025 ông tôi 78 tuổi có được trợ cấp không"} {
		r := kb.Match(msg, day)
		if got := kb.NotThen(r.Entry, msg, day); got != "" {
			t.Errorf("%q: lead %q, want none", msg, got)
		}
	}
}

// "trước 1/7/2026 đóng bhyt cận nghèo bao nhiêu": the premium sum of the
// day before, 105.300 × 30% = 31.590, led by the old rule's last day and
// followed by today's figures. Until session 67 it gave today's 34.155 with
// no word of the old rule.
func TestPremiumSumBeforeDate(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string][]string{
		"trước 1/7/2026 đóng bhyt cận nghèo bao nhiêu": {
			"📌 Quy định cũ, chỉ áp dụng đến hết ngày 30/06/2026 (nay đã thay):",
			"mỗi người tự đóng tối đa 31.590 đồng/tháng (105.300 × 30%)",
			"Từ 01/07/2026: mức đóng đủ 113.850 đồng/người/tháng, hộ cận nghèo tự đóng tối đa 34.155 đồng/tháng.",
		},
		"năm 2025 nhà tôi 4 người cận nghèo đóng bhyt hết bao nhiêu": {
			"Cả nhà 4 người: tối đa 126.360 đồng/tháng, tức 1.516.320 đồng/năm (4 × 31.590 × 12).",
		},
	} {
		s, ok := kb.Sum(msg, day, "")
		if !ok {
			t.Errorf("%q: no sum", msg)
			continue
		}
		for _, w := range want {
			if !strings.Contains(s.Text, w) {
				t.Errorf("%q: sum lacks %q:\n%s", msg, w, s.Text)
			}
		}
	}
	// Today's premium, asked without a past time, is today's.
	s, ok := kb.Sum("nhà em cận nghèo đóng bhyt bao nhiêu", day, "")
	if !ok || !strings.Contains(s.Text, "34.155 đồng/tháng (113.850 × 30%)") || strings.Contains(s.Text, "Quy định cũ") {
		t.Errorf("today's premium: %v %q", ok, s.Text)
	}
}

// "rà soát hộ nghèo cuối năm nay có dùng chuẩn mới 2,2 triệu không" asks
// which standard this year's review uses: the 2026 review's answer (it
// may already class households by the 2027 standard), not the 2027
// version. Until session 67 "chuẩn mới" got the 2027 version.
func TestReviewThisYearNewStandard(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "rà soát hộ nghèo cuối năm nay có dùng chuẩn mới 2,2 triệu không"
	r := kb.Match(msg, day)
	if r.Entry == nil || r.Entry.ID != "poverty-review-2026" || r.Later != nil {
		t.Fatalf("%q: entry %s later %s, want poverty-review-2026 alone", msg, idOf(r.Entry), idOf(r.Later))
	}
	if !strings.Contains(r.Entry.Answer, "có thể đã xếp loại hộ theo chuẩn 2027") {
		t.Errorf("%q: the answer lacks the hedged 2027 line", msg)
	}
	// The new standard asked alone still points to 2027.
	if r := kb.Match("chuẩn nghèo mới năm nay là bao nhiêu", day); r.Later == nil || r.Later.ID != "poverty-standard-2027" {
		t.Errorf("chuẩn nghèo mới năm nay: later %s, want poverty-standard-2027", idOf(r.Later))
	}
}

// idOf is e's id, "none" for nil.
func idOf(e *content.Entry) string {
	if e == nil {
		return "none"
	}
	return e.ID
}
