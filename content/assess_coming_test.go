package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// A household told 2 deprivations, under the 2027 line: below the new
// standard's 3, it is near-poor from 01/01/2027 unless the new list finds
// more, and the result says so. Until session 67 it said "có thể là hộ
// nghèo hoặc hộ cận nghèo", as if the count were not known.
func TestAssessComingDeprivedTold(t *testing.T) {
	r := mustRules(t)
	h := content.Household{Area: content.Rural, Members: 5, Income: content.Amount{VND: 9_000_000}, Deprived: 2, DeprivedKnown: true}
	a, err := r.Assess(h, day(t, "2026-12-07"))
	if err != nil {
		t.Fatal(err)
	}
	const want = "📅 Từ 01/01/2027 theo chuẩn mới (nông thôn 2.200.000 đồng), nhà mình có thể là hộ cận nghèo (thiếu 2, dưới 3 chỉ số; chưa chắc).\n"
	if got := a.Text(); !strings.Contains(got, want) {
		t.Errorf("result lacks %q:\n%s", want, got)
	}
	// The count not told: both stay possible.
	h.Deprived, h.DeprivedKnown = 0, false
	a, _ = r.Assess(h, day(t, "2026-12-07"))
	if got := a.Text(); !strings.Contains(got, "nhà mình có thể là hộ nghèo hoặc hộ cận nghèo.\n") {
		t.Errorf("count not told:\n%s", got)
	}
}
