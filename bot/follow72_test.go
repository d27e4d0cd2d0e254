package bot_test

import (
	"strings"
	"testing"
)

// TestStudentLoanFollowUpKeepsItsProgramme: a household category named in
// the question about the student loan says who borrows; "vay được bao
// nhiêu" after that answer asks the student loan's amount, not the loan
// written for that category (QA pass 72 #8: the newly escaped household's
// 100 million at 8,25%).
func TestStudentLoanFollowUpKeepsItsProgramme(t *testing.T) {
	for _, c := range []struct{ first, then string }{
		{"hộ mới thoát nghèo con đi đại học vay được không", "vay được bao nhiêu"},
		{"nha toi moi thoat ngheo, con vao dai hoc co duoc vay von khong", "vay duoc toi da bao nhieu"},
		{"hộ nghèo có con học cao đẳng thì vay vốn được không", "được vay bao nhiêu một tháng"},
	} {
		h := newHarness(t)
		h.say(c.first)
		got := lastReply(t, h.say(c.then)).Text
		if !strings.Contains(got, "4 triệu đồng/tháng") || strings.Contains(got, "100 triệu") || strings.Contains(got, "8,25%") {
			t.Errorf("%q then %q: %q, want the student loan's 4 triệu đồng/tháng", c.first, c.then, got)
		}
	}
}
