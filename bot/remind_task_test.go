package bot_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// activeReminders are the harness citizen's running reminders, oldest
// first.
func activeReminders(t *testing.T, h *harness) []bot.Reminder {
	t.Helper()
	all, err := h.st.ActiveReminders(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []bot.Reminder
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].Personal() {
			out = append(out, all[i])
		}
	}
	return out
}

// TestRemindTaskTypedAfterMenu: "nhắc tôi" alone gets the reminders menu;
// the task typed next ("nộp tiền lãi ngân hàng chính sách") is what to
// remind of, and the day after it ("mùng 10 hàng tháng") sets the
// monthly reminder on the 10th. A task of another kind is asked its day
// by name. Until session 67 the task got the loan payment answer and the
// day the festivals refusal (tester s67 R9, c63).
func TestRemindTaskTypedAfterMenu(t *testing.T) {
	h := newHarness(t)
	if got := lastReply(t, h.say("nhắc tôi")); !strings.HasPrefix(got.Text, "Tôi có thể nhắc ông/bà:") {
		t.Fatalf("nhắc tôi: %q", got.Text)
	}
	if got := lastReply(t, h.say("nộp tiền lãi ngân hàng chính sách")); got.Text != "Ông/bà đóng lãi ngày nào hằng tháng? Gõ một số từ 1 đến 31, ví dụ: 15" {
		t.Fatalf("the task: %q, want the loan day asked", got.Text)
	}
	got := lastReply(t, h.say("mùng 10 hàng tháng"))
	if !strings.HasPrefix(got.Text, "Đã đặt lời nhắc #1: 8 giờ sáng ngày 10 hằng tháng — Hôm nay là ngày đóng lãi, trả nợ vay Ngân hàng Chính sách xã hội.") {
		t.Errorf("the day: %q", got.Text)
	}
	rs := activeReminders(t, h)
	if len(rs) != 1 || rs[0].Type != bot.ReminderLoanDay || rs[0].Day != 10 {
		t.Fatalf("reminders %+v, want the loan day on the 10th", rs)
	}

	h = newHarness(t)
	h.say("nhắc tôi")
	if got := lastReply(t, h.say("đi họp tổ vay vốn")); got.Text != "Ông/bà muốn tôi nhắc «đi họp tổ vay vốn» vào ngày nào? Ví dụ: \"ngày 15 hằng tháng\", \"8 giờ sáng thứ 2 tuần sau\"." {
		t.Fatalf("another task: %q", got.Text)
	}
	if got := lastReply(t, h.say("8 giờ sáng thứ 2 tuần sau")); !strings.HasPrefix(got.Text, "Đã đặt lời nhắc #1: 08:00 ngày 30/11/2026 — đi họp tổ vay vốn.") {
		t.Errorf("its day: %q", got.Text)
	}

	// A question after the menu is answered as before, not taken as a task.
	h = newHarness(t)
	h.say("nhắc tôi")
	if got := lastReply(t, h.say("hộ nghèo vay được bao nhiêu")); strings.Contains(got.Text, "nhắc") && strings.HasPrefix(got.Text, "Ông/bà muốn tôi nhắc") {
		t.Errorf("a question after the menu: %q", got.Text)
	}
}

// TestReminderListCancelMoveLabel: a bare "danh sách" after a reminder
// was set lists the reminders; "hủy nhắc nộp tiền vay" finds "đi nộp
// tiền vay"; "đổi sang chủ nhật" after the list moves the one reminder
// listed; a card's reminder said "của mẹ hết hạn, thẻ hết hạn …" is
// named as the mother's card (tester s67 R9: c16/c63/c64, c04, c64, c11).
func TestReminderListCancelMoveLabel(t *testing.T) {
	h := newHarness(t)
	h.say("nhắc tôi chiều thứ 7 này đi họp tổ vay vốn")
	if got := lastReply(t, h.say("danh sách")); got.Text != "Các lời nhắc của ông/bà:\n• #1: 14:00 ngày 28/11/2026 — đi họp tổ vay vốn" {
		t.Errorf("danh sách: %q", got.Text)
	}
	got := lastReply(t, h.say("đổi sang chủ nhật"))
	if !strings.Contains(got.Text, "Đã đặt lời nhắc #2: 14:00 ngày 29/11/2026 — đi họp tổ vay vốn.") {
		t.Errorf("đổi sang chủ nhật: %q", got.Text)
	}

	h = newHarness(t)
	h.say("nhắc tôi mùng 5 tháng sau đi nộp tiền vay")
	h.say("nhắc tôi thứ 2 tuần sau lên xã nộp giấy đề nghị rà soát")
	if got := lastReply(t, h.say("hủy nhắc nộp tiền vay")); got.Text != "Đã hủy lời nhắc #1." {
		t.Errorf("hủy nhắc nộp tiền vay: %q", got.Text)
	}
	if rs := activeReminders(t, h); len(rs) != 1 || rs[0].Text != "lên xã nộp giấy đề nghị rà soát" {
		t.Errorf("left %+v, want the review's only", rs)
	}

	h = newHarness(t)
	got = lastReply(t, h.say("nhắc tôi trước khi thẻ bhyt của mẹ hết hạn, thẻ hết hạn 31/12/2026"))
	const label = "Thẻ bảo hiểm y tế của mẹ ông/bà sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn."
	if !strings.Contains(got.Text, "— "+label) {
		t.Errorf("card reminder: %q", got.Text)
	}
	if rs := activeReminders(t, h); len(rs) != 1 || rs[0].Text != label {
		t.Errorf("reminders %+v, want the text %q", rs, label)
	}
}
