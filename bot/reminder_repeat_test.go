package bot_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestRepeatNotSupportedSaidPlainly: a weekly (daily, yearly) reminder
// cannot be scheduled; the reply says so and offers what can be, and sets
// nothing. Before, the citizen got the general list of reminders.
func TestRepeatNotSupportedSaidPlainly(t *testing.T) {
	const want = "Dạ, tôi chưa đặt được lời nhắc %s. Tôi nhắc được:\n" +
		"- một ngày cố định hằng tháng, ví dụ: \"nhắc tôi ngày 15 hằng tháng đóng lãi\";\n" +
		"- một lần vào ngày, giờ ông/bà chọn, ví dụ: \"8 giờ sáng thứ 2 tuần sau đi họp\"."
	for _, tc := range []struct{ ask, period, buttons string }{
		{"nhac toi thu 2 hang tuan di hop to vay von", "hằng tuần", "rm:loan rm:once m"},
		{"nhắc tôi uống thuốc 8h hằng ngày", "hằng ngày", "rm:loan rm:once m"},
		{"mỗi năm nhắc tôi gia hạn thẻ bhyt", "hằng năm", "rm:loan rm:bhyt rm:once m"},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			got := one(t, h.say(tc.ask))
			if got.Text != fmt.Sprintf(want, tc.period) || strings.Join(buttonData(got), " ") != tc.buttons {
				t.Errorf("reply:\n%s\n%v\nwant:\n%s\n%s", got.Text, buttonData(got), fmt.Sprintf(want, tc.period), tc.buttons)
			}
			if r, err := h.st.Reminder(1); err == nil {
				t.Errorf("a reminder was set: %+v", r)
			}
		})
	}

	// Typed as the answer to "Đặt lời nhắc khác", it is told the same.
	h := newHarness(t)
	one(t, h.press("rm:once"))
	if got := one(t, h.say("thứ 2 hằng tuần đi họp")); got.Text != fmt.Sprintf(want, "hằng tuần") {
		t.Errorf("answer to the one-off question: %q", got.Text)
	}
	if got := one(t, h.press("rm:once")); got.Text == "" {
		t.Error("the one-off button of the reply asks nothing")
	}
	if got := one(t, h.say("8 giờ sáng thứ 2 tuần sau đi họp")); !strings.Contains(got.Text, "Đã đặt lời nhắc #1: 08:00 ngày 30/11/2026 — đi họp.") {
		t.Errorf("the example given sets: %q", got.Text)
	}
}
