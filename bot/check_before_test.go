package bot_test

import (
	"strings"
	"testing"
)

// TestCheckEarlierLoanIsNoIncome: a check opened by a message reads the
// message just before for what it does not tell, but a sum borrowed,
// owed or paid there is not the household's income: "hộ nghèo vay 50
// triệu thì lãi bao nhiêu", then "nhà tôi 4 người có phải hộ nghèo
// không", recorded 50.000.000 đồng a month and found the household above
// every line. An income told there is still read.
func TestCheckEarlierLoanIsNoIncome(t *testing.T) {
	for _, c := range []struct{ before, known string }{
		{"hộ nghèo vay 50 triệu thì lãi bao nhiêu", "4 người"},
		{"còn nợ ngân hàng 30 triệu", "4 người"},
		{"nhà tôi thu nhập mỗi tháng 5 triệu", "4 người, thu nhập 5.000.000 đồng/tháng cả nhà"},
	} {
		h := newCheckHarness(t, "2026-12-06")
		h.say(c.before)
		got := lastReply(t, h.say("nhà tôi 4 người có phải hộ nghèo không")).Text
		if want := textIntro + "\nTôi đã ghi: " + c.known + ".\n\n"; !strings.HasPrefix(got, want) {
			t.Errorf("after %q:\n%s\nwant it to start\n%s", c.before, got, want)
		}
	}
}
