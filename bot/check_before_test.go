package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
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
		if want := textIntro + "\nTôi đã ghi: " + c.known + ". Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n"; !strings.HasPrefix(got, want) {
			t.Errorf("after %q:\n%s\nwant it to start\n%s", c.before, got, want)
		}
	}
}

// TestCheckCommandReadsTheConversation: /kiemtra typed, or the button
// pressed, after a message that told the household's size, income or
// members starts from what it told, as a check opened by a message does,
// and shows it; it used to start blank. Not after FollowUpWindow, and
// not with a loan's amount for the income.
func TestCheckCommandReadsTheConversation(t *testing.T) {
	const story = "nhà tôi 4 người, bà nội 80 tuổi, có được hỗ trợ gì không"
	opening := textIntro + "\nTôi đã ghi: 4 người; trong nhà có người từ 75 tuổi trở lên. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qArea
	for _, c := range []struct {
		name   string
		before string
		later  time.Duration
		start  func(h *harness) []bot.Delivery
		want   string
	}{
		{"command", story, time.Minute, func(h *harness) []bot.Delivery { return h.say("/kiemtra") }, opening},
		{"button", story, time.Minute, func(h *harness) []bot.Delivery { return h.press("chk") }, opening},
		{"income", "nhà tôi thu nhập 4 triệu một tháng", time.Minute, func(h *harness) []bot.Delivery { return h.say("/kiemtra") },
			textIntro + "\nTôi đã ghi: thu nhập 4.000.000 đồng/tháng cả nhà. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qArea},
		{"too-late", story, bot.FollowUpWindow + time.Minute, func(h *harness) []bot.Delivery { return h.say("/kiemtra") }, textIntro + "\n\n" + qArea},
		{"loan", "hộ nghèo vay 50 triệu thì lãi bao nhiêu", time.Minute, func(h *harness) []bot.Delivery { return h.say("/kiemtra") }, textIntro + "\n\n" + qArea},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := newCheckHarness(t, "2026-12-06")
			h.say(c.before)
			h.now = h.now.Add(c.later)
			if got := lastReply(t, c.start(h)).Text; !strings.HasPrefix(got, c.want) {
				t.Errorf("reply:\n%s\nwant it to start\n%s", got, c.want)
			}
		})
	}
}

// TestCheckCommandRestarts: /kiemtra typed in the middle of a check
// starts it again, as its button does, from what the conversation told;
// it was read as an answer to the question and not understood.
func TestCheckCommandRestarts(t *testing.T) {
	h := newCheckHarness(t, "2026-12-06")
	h.say("nhà tôi 3 người ở xã thu nhập 4 triệu có phải hộ nghèo không")
	h.say("0")
	got := lastReply(t, h.say("/kiemtra")).Text
	if want := textIntro + "\nTôi đã ghi: nông thôn, 3 người, thu nhập 4.000.000 đồng/tháng cả nhà. Nếu tôi ghi sai, ông/bà gõ \"sửa\".\n\n" + qGroup; !strings.HasPrefix(got, want) {
		t.Errorf("reply:\n%s\nwant it to start\n%s", got, want)
	}
	if s := h.user42().Check; s == nil || s.Step != "group:1" || len(s.Groups) != 0 {
		t.Errorf("check %+v, want it started again", s)
	}
}
