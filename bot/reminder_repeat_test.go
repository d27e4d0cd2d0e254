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

// TestMonthlyReplacesOneOffOnItsDay: a monthly reminder for the thing a
// one-off already reminds of on one of its days replaces the one-off, and
// the confirmation says so; a one-off asked for beside a monthly reminder
// that already comes that day is not set. Before, "nhắc tôi ngày 15 đóng
// tiền điện" then "nhắc tôi đóng tiền điện ngày 15 hàng tháng" set both,
// and on the 15th the citizen was reminded twice (tester's report). A
// one-off at an hour of the citizen's own choosing, or for another thing,
// stays.
func TestMonthlyReplacesOneOffOnItsDay(t *testing.T) {
	const (
		stop     = "\nGõ /stop để dừng mọi tin nhắn tự động."
		monthly  = "nhắc tôi đóng tiền điện ngày 15 hàng tháng"
		setTwo   = "Đã đặt lời nhắc #2: 8 giờ sáng ngày 15 hằng tháng — đóng tiền điện."
		replaced = "\nLời nhắc #1 (%s) cùng việc, cùng ngày với lời nhắc hằng tháng này nên tôi đã hủy, để ông/bà không nhận tin hai lần."
	)
	for _, tc := range []struct {
		first, second, reply string
		active               []uint64 // the reminders still set after
	}{
		{"nhắc tôi ngày 15 đóng tiền điện", monthly, setTwo + fmt.Sprintf(replaced, "08:00 ngày 15/12/2026") + stop, []uint64{2}},
		{"nhac toi ngay 15 dong tien dien", monthly, setTwo + fmt.Sprintf(replaced, "08:00 ngày 15/12/2026") + stop, []uint64{2}},
		{"nhắc tôi 15/1 đóng tiền điện", monthly, setTwo + fmt.Sprintf(replaced, "08:00 ngày 15/01/2027") + stop, []uint64{2}},
		{"nhắc tôi 14h ngày 15 đóng tiền điện", monthly, setTwo + stop, []uint64{1, 2}},
		{"nhắc tôi ngày 15 đi khám", monthly, "Đã đặt lời nhắc #2: 8 giờ sáng ngày 15 hằng tháng — đóng tiền điện." + stop, []uint64{1, 2}},
		{"nhắc tôi ngày 16 đóng tiền điện", monthly, setTwo + stop, []uint64{1, 2}},
		// The other way round: the monthly one already comes that day.
		{monthly, "nhắc tôi ngày 15 đóng tiền điện",
			"Ông/bà đã có lời nhắc này rồi, tôi không đặt thêm để ông/bà không nhận tin hai lần:\n#1: 8 giờ sáng ngày 15 hằng tháng — đóng tiền điện.",
			[]uint64{1}},
	} {
		t.Run(tc.first+" + "+tc.second, func(t *testing.T) {
			h := nightHarness(t)
			one(t, h.say(tc.first))
			if got := one(t, h.say(tc.second)); got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			var active []uint64
			for id := uint64(1); id <= 2; id++ {
				if r, err := h.st.Reminder(id); err == nil && r.Active() {
					active = append(active, r.ID)
				}
			}
			if fmt.Sprint(active) != fmt.Sprint(tc.active) {
				t.Errorf("active reminders %v, want %v", active, tc.active)
			}
		})
	}
}
