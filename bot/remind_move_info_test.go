package bot_test

import (
	"slices"
	"strings"
	"testing"
)

// TestMoveAfterRemindersInformation: "đổi sang thứ 7" right after the
// reminders' information answer ("nhắc lịch là gì") asks to change a
// reminder, as after the list: with several one-off reminders it asks
// which (a button each), with one it moves it, with none it says there is
// none to change. Until session 69 it set a new reminder "đổi" at 08:00 on
// Saturday; so it did after a list holding none.
func TestMoveAfterRemindersInformation(t *testing.T) {
	const info = "nhắc lịch là gì"
	h := newHarness(t)
	h.say("nhắc tôi ngày 20/12 đóng tiền điện")
	h.say("nhắc tôi thứ 6 tuần sau đi họp tổ vay vốn lúc 7 giờ")
	h.say(info)
	got := lastReply(t, h.say("đổi sang thứ 7"))
	want := "Ông/bà muốn đổi lời nhắc nào? Bấm để chọn:\n• #1: 08:00 ngày 20/12/2026 — đóng tiền điện\n• #2: 07:00 ngày 04/12/2026 — đi họp tổ vay vốn"
	if got.Text != want {
		t.Errorf("several: %q, want %q", got.Text, want)
	}
	if d := buttonData(got); !slices.Equal(d, []string{"rm:move:1:thu 7", "rm:move:2:thu 7", "m"}) {
		t.Errorf("several: buttons %v", d)
	}

	h = newHarness(t)
	h.say("nhắc tôi thứ 6 tuần sau đi họp tổ vay vốn lúc 7 giờ")
	h.say(info)
	got = lastReply(t, h.say("đổi sang thứ 7"))
	if want := "Đã hủy lời nhắc #1 và đặt lại theo ngày mới:\n\nĐã đặt lời nhắc #2: 07:00 ngày 05/12/2026 — đi họp tổ vay vốn."; !strings.HasPrefix(got.Text, want) {
		t.Errorf("one: %q, want %q…", got.Text, want)
	}

	for _, set := range []string{"", "nhắc tôi ngày 15 hằng tháng đóng lãi"} {
		h = newHarness(t)
		want := textMoveNoneWant
		if set != "" {
			h.say(set)
			want = textMoveOnlyRepeatWant
		}
		h.say(info)
		got = lastReply(t, h.say("đổi sang thứ 7"))
		if got.Text != want {
			t.Errorf("none (%q set): %q, want %q", set, got.Text, want)
		}
		if d := buttonData(got); !slices.Equal(d, []string{"rm:once", "rm:list", "m"}) {
			t.Errorf("none (%q set): buttons %v", set, d)
		}
		if _, err := h.st.Reminder(2); err == nil {
			t.Errorf("none (%q set): a reminder #2 was set", set)
		}
		if set == "" {
			if _, err := h.st.Reminder(1); err == nil {
				t.Errorf("none: a reminder #1 was set")
			}
		}
	}

	// After a list holding none, the same.
	h = newHarness(t)
	h.press("rm:list")
	if got = lastReply(t, h.say("đổi sang thứ 7")); got.Text != textMoveNoneWant {
		t.Errorf("after an empty list: %q, want %q", got.Text, textMoveNoneWant)
	}
}

const (
	textMoveNoneWant       = "Ông/bà chưa có lời nhắc nào để đổi. Muốn đặt lời nhắc mới, ông/bà gõ ví dụ: \"8 giờ sáng thứ 7 nhắc tôi đi họp\"."
	textMoveOnlyRepeatWant = "Ông/bà chưa có lời nhắc một lần nào để đổi ngày; lời nhắc đang có là lời nhắc định kỳ, muốn đổi thì ông/bà hủy rồi đặt lại. Muốn đặt lời nhắc mới, ông/bà gõ ví dụ: \"8 giờ sáng thứ 7 nhắc tôi đi họp\"."
)
