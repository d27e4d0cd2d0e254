package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// Texts of the half-given reminder requests, as the citizen reads them.
const (
	askLoanDayText = "Ông/bà đóng lãi ngày nào hằng tháng? Gõ một số từ 1 đến 31, ví dụ: 15"
	askExpiryText  = "Thẻ bảo hiểm y tế hết hạn ngày nào? Gõ ngày/tháng/năm, ví dụ: 31/12/2026"
	loanSetText    = "Đã đặt lời nhắc #1: 8 giờ sáng ngày %d hằng tháng — Hôm nay là ngày đóng lãi, trả nợ vay Ngân hàng Chính sách xã hội.\nGõ /stop để dừng mọi tin nhắn tự động."
)

// TestReminderKindWithoutDay: a reminder of a known kind asked for without
// its day or date is asked for exactly that, and the answer sets it.
func TestReminderKindWithoutDay(t *testing.T) {
	for _, tc := range []struct {
		ask, question, answer string
		want                  bot.Reminder
		confirm               string
	}{
		{"nhắc tôi đóng tiền vay", askLoanDayText, "ngày 20",
			bot.Reminder{Type: bot.ReminderLoanDay, Day: 20}, fmt.Sprintf(loanSetText, 20)},
		{"nhắc tôi ngày đóng lãi", askLoanDayText, "25",
			bot.Reminder{Type: bot.ReminderLoanDay, Day: 25}, fmt.Sprintf(loanSetText, 25)},
		{"nhac toi tra no ngan hang chinh sach", askLoanDayText, "mùng 5",
			bot.Reminder{Type: bot.ReminderLoanDay, Day: 5}, fmt.Sprintf(loanSetText, 5)},
		{"nhắc tôi thẻ bảo hiểm hết hạn", askExpiryText, "15-1-2027",
			bot.Reminder{Type: bot.ReminderBHYTExpiry, Expiry: at("2027-01-15 00:00")},
			"Đã đặt lời nhắc #1: 8 giờ sáng ngày 16/12/2026 và 08/01/2027, 30 ngày và 7 ngày trước khi thẻ hết hạn (15/01/2027) — Thẻ bảo hiểm y tế sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn.\nGõ /stop để dừng mọi tin nhắn tự động."},
		{"nhắc tôi gia hạn thẻ bhyt", askExpiryText, "31/12/2026",
			bot.Reminder{Type: bot.ReminderBHYTExpiry, Expiry: at("2026-12-31 00:00")},
			"Đã đặt lời nhắc #1: 8 giờ sáng ngày 01/12/2026 và 24/12/2026, 30 ngày và 7 ngày trước khi thẻ hết hạn (31/12/2026) — Thẻ bảo hiểm y tế sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn.\nGõ /stop để dừng mọi tin nhắn tự động."},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			if q := one(t, h.say(tc.ask)); q.Text != tc.question || len(q.Buttons) != 0 {
				t.Fatalf("%q asked %q %v, want %q", tc.ask, q.Text, q.Buttons, tc.question)
			}
			set := one(t, h.say(tc.answer))
			if set.Text != tc.confirm || !hasButton(set, "rm:list") {
				t.Errorf("%q answered:\n%s\nwant:\n%s", tc.answer, set.Text, tc.confirm)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != tc.want.Type || r.Day != tc.want.Day || !r.Expiry.Equal(tc.want.Expiry) || r.Owner.ID != "42" || !r.Active() {
				t.Errorf("reminder = %+v, %v; want %s day %d expiry %v", r, err, tc.want.Type, tc.want.Day, tc.want.Expiry)
			}
		})
	}
}

// TestReminderDayWaitEnds: a cancel word ends the wait with nothing set; a
// question instead of the day is answered, and the wait is over, as after
// any answer.
func TestReminderDayWaitEnds(t *testing.T) {
	h := newHarness(t)
	one(t, h.say("nhắc tôi đóng tiền vay"))
	if got := one(t, h.say("thôi")); got.Text != "Dạ, tôi chưa đặt hay đổi gì. Khi cần, ông/bà vào mục Nhắc lịch." {
		t.Errorf("cancel = %q", got.Text)
	}
	h.say("ngày 20")
	if _, err := h.st.Reminder(1); err == nil {
		t.Error("a day after the cancel set a reminder")
	}

	h = newHarness(t)
	one(t, h.say("nhắc tôi thẻ bhyt hết hạn"))
	got := one(t, h.say("hộ nghèo vay được bao nhiêu"))
	if !containsAll(got.Text, "Hộ nghèo được vay vốn ưu đãi", "100 triệu") {
		t.Errorf("question during the wait was not answered: %q", got.Text)
	}
	u, _ := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"})
	if u.Dialog.Awaiting != "" {
		t.Errorf("still awaiting %q after a question", u.Dialog.Awaiting)
	}

	// A poor answer that asks nothing keeps the reply it always had.
	h = newHarness(t)
	one(t, h.say("nhắc tôi ngày đóng lãi"))
	if got := one(t, h.say("không nhớ")); got.Text != "Xin lỗi, tôi chưa hiểu thời gian cần nhắc. Ví dụ: \"ngày 15 hằng tháng\", \"31/12/2026\", \"8 giờ sáng mai\"." {
		t.Errorf("unparseable day = %q", got.Text)
	}
}

// TestReminderDayWithoutKind: "nhắc tôi" with a day but nothing to remind
// of asks which kind, with buttons, and each button sets its reminder.
func TestReminderDayWithoutKind(t *testing.T) {
	h := newHarness(t)
	q := one(t, h.say("nhắc tôi ngày 20 hằng tháng"))
	if q.Text != "Ông/bà muốn tôi nhắc việc gì vào ngày 20 hằng tháng?" ||
		strings.Join(buttonData(q), " ") != "rm:loan:20 rm:what:20 m" || q.Buttons[0].Label != "Đóng lãi, trả nợ vay (ngày 20 hằng tháng)" || q.Buttons[1].Label != "Việc khác" {
		t.Fatalf("monthly day without kind: %q %v", q.Text, q.Buttons)
	}
	if _, err := h.st.Reminder(1); err == nil {
		t.Fatal("a reminder was set before the kind was chosen")
	}
	if set := one(t, h.press("rm:loan:20")); set.Text != fmt.Sprintf(loanSetText, 20) {
		t.Errorf("loan button = %q", set.Text)
	}
	if r, err := h.st.Reminder(1); err != nil || r.Type != bot.ReminderLoanDay || r.Day != 20 || !r.Active() {
		t.Errorf("reminder #1 = %+v, %v", r, err)
	}

	// Something else every month: its words are asked, then set.
	one(t, h.say("nhắc tôi ngày 5 hằng tháng"))
	if got := one(t, h.press("rm:what:5")); got.Text != "Ông/bà muốn tôi nhắc việc gì vào ngày 5 hằng tháng? Gõ ngắn gọn, ví dụ: nộp tiền điện" {
		t.Errorf("Việc khác = %q", got.Text)
	}
	if set := one(t, h.say("nộp tiền điện")); set.Text != "Đã đặt lời nhắc #2: 8 giờ sáng ngày 5 hằng tháng — nộp tiền điện.\nGõ /stop để dừng mọi tin nhắn tự động." {
		t.Errorf("monthly other = %q", set.Text)
	}
	if r, err := h.st.Reminder(2); err != nil || r.Type != bot.ReminderLoanDay || r.Day != 5 || r.Text != "nộp tiền điện" {
		t.Errorf("reminder #2 = %+v, %v", r, err)
	}

	// A bare day is this month's or next: the loan day, a card expiring
	// then, or something else on that date.
	q = one(t, h.say("nhắc tôi ngày 20"))
	if q.Text != "Ông/bà muốn tôi nhắc việc gì vào ngày 20/12/2026?" ||
		strings.Join(buttonData(q), " ") != "rm:loan:20 rm:bhyt:2026-12-20 rm:what:2026-12-20 m" || q.Buttons[1].Label != "Thẻ BHYT hết hạn ngày 20/12/2026" {
		t.Fatalf("bare day without kind: %q %v", q.Text, q.Buttons)
	}
	one(t, h.press("rm:what:2026-12-20"))
	if set := one(t, h.say("nộp hồ sơ cho con")); set.Text != "Đã đặt lời nhắc #3: 08:00 ngày 20/12/2026 — nộp hồ sơ cho con.\nGõ /stop để dừng mọi tin nhắn tự động." {
		t.Errorf("one-off other = %q", set.Text)
	}
	if r, err := h.st.Reminder(3); err != nil || r.Type != bot.ReminderOnce || !r.At.Equal(at("2026-12-20 08:00")) || r.Text != "nộp hồ sơ cho con" {
		t.Errorf("reminder #3 = %+v, %v", r, err)
	}
	one(t, h.say("nhắc tôi ngày 20"))
	one(t, h.press("rm:bhyt:2026-12-20"))
	if r, err := h.st.Reminder(4); err != nil || r.Type != bot.ReminderBHYTExpiry || !r.Expiry.Equal(at("2026-12-20 00:00")) {
		t.Errorf("reminder #4 = %+v, %v", r, err)
	}

	// With what to remind of, or a clock time, nothing is asked.
	if set := one(t, h.say("nhắc tôi ngày 15 hằng tháng đóng lãi")); !containsAll(set.Text, "Đã đặt lời nhắc #5", "ngày 15 hằng tháng") {
		t.Errorf("a full request = %q", set.Text)
	}
	if set := one(t, h.say("nhắc tôi 9 giờ ngày 20")); !containsAll(set.Text, "Đã đặt lời nhắc #6: 09:00 ngày 20/12/2026") {
		t.Errorf("a day with its hour = %q", set.Text)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
