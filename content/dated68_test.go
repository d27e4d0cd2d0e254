package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// "năm 2023 đóng bhyt cận nghèo bao nhiêu": the knowledge base holds no
// premium before 1/7/2024, so today's sum is led by a line saying so.
// Until session 68 it gave today's figure labelled "hiện nay" alone.
func TestPremiumSumBeforeFirstVersion(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for msg, want := range map[string]string{
		"năm 2023 đóng bhyt cận nghèo bao nhiêu":       "📌 Ông/bà hỏi về năm 2023: tôi chỉ có mức đóng từ ngày 01/07/2024; mức trước đó khác, tôi không trả lời được cho thời gian đó (ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội). Mức hiện nay:\n\nMức đóng BHYT đủ hiện nay: 113.850 đồng/người/tháng.",
		"trước 1/7/2024 đóng bhyt cận nghèo bao nhiêu": "📌 Ông/bà hỏi về thời gian trước ngày 01/07/2024: tôi chỉ có mức đóng từ ngày 01/07/2024;",
	} {
		s, ok := kb.Sum(msg, day, "")
		if !ok || !strings.HasPrefix(s.Text, want) {
			t.Errorf("%q: sum %v %q, want it to start %q", msg, ok, s.Text, want)
		}
	}
	// A year a version held keeps that version's sum (TestPremiumSumBeforeDate).
	if s, _ := kb.Sum("năm 2025 đóng bhyt cận nghèo bao nhiêu", day, ""); !strings.HasPrefix(s.Text, "📌 Quy định cũ, chỉ áp dụng đến hết ngày 30/06/2026") {
		t.Errorf("năm 2025: %q", s.Text)
	}
}

// "--members 1 --income 0 --ages 82": an elder living alone may claim the
// monthly social allowance besides the pension, with its condition; a
// household of two elders is not offered it. Until session 68 only the
// pension was listed.
func TestElderAloneOffersAllowance(t *testing.T) {
	r := mustRules(t)
	day, _ := content.ParseDate("2026-12-07")
	for members, want := range map[int]bool{1: true, 2: false} {
		ages := []int{82, 80}[:members]
		a, err := r.Assess(content.Household{Area: content.Rural, Members: members, Income: content.Amount{VND: 0}, Ages: ages}, day)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, c := range a.Programmes {
			if c.Entry == "social-monthly-allowance" {
				found = true
				if c.Condition != "người cao tuổi ở một mình, không ai phụng dưỡng" {
					t.Errorf("members %d: the allowance's condition %q", members, c.Condition)
				}
			}
		}
		if found != want {
			t.Errorf("members %d: allowance offered %v, want %v (%v)", members, found, want, a.Programmes)
		}
	}
}
