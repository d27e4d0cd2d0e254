package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestMoveAfterListOfSeveral: "đổi sang thứ 7" after a list of several
// one-off reminders asks which one, a button for each, and the button
// moves it, the time of day kept. Until session 68 it moved none and set
// a new reminder "đổi" (tester c68 item 7a).
func TestMoveAfterListOfSeveral(t *testing.T) {
	h := newHarness(t)
	h.say("nhắc tôi ngày 20/12 đóng tiền điện")
	h.say("nhắc tôi thứ 6 tuần sau đi họp tổ vay vốn lúc 7 giờ")
	h.say("xem lời nhắc")
	asked := lastReply(t, h.say("đổi sang thứ 7"))
	want := "Ông/bà muốn đổi lời nhắc nào? Bấm để chọn:\n• #1: 08:00 ngày 20/12/2026 — đóng tiền điện\n• #2: 07:00 ngày 04/12/2026 — đi họp tổ vay vốn"
	if asked.Text != want || len(asked.Buttons) < 2 || asked.Buttons[1].Data != "rm:move:2:thu 7" {
		t.Fatalf("đổi sang thứ 7: %q %+v, want %q with a button per reminder", asked.Text, asked.Buttons, want)
	}
	got := lastReply(t, h.say("2")).Text
	if want := "Đã hủy lời nhắc #2 và đặt lại theo ngày mới:\n\nĐã đặt lời nhắc #3: 07:00 ngày 05/12/2026 — đi họp tổ vay vốn."; !strings.HasPrefix(got, want) {
		t.Errorf("2: %q, want %q…", got, want)
	}
	if r, err := h.st.Reminder(1); err != nil || r.Cancelled {
		t.Errorf("reminder 1 = %+v, %v; want kept", r, err)
	}
}

// TestMoveToClockKeepsDay: "đổi sang 8 giờ" right after a one-off
// reminder was set moves it to 8 o'clock on its own day. Until session 68
// it went to the next 8 o'clock, days before the day asked.
func TestMoveToClockKeepsDay(t *testing.T) {
	h := newHarness(t)
	h.say("nhắc tôi thứ 6 tuần sau đi họp tổ vay vốn lúc 7 giờ")
	got := lastReply(t, h.say("đổi sang 8 giờ")).Text
	if want := "Đã hủy lời nhắc #1 và đặt lại theo ngày mới:\n\nĐã đặt lời nhắc #2: 08:00 ngày 04/12/2026 — đi họp tổ vay vốn."; !strings.HasPrefix(got, want) {
		t.Errorf("đổi sang 8 giờ: %q, want %q…", got, want)
	}
}

// TestPauseReminders: "tạm dừng nhắc" is offered the stop of every
// automatic message and the list of reminders. Until session 68 it was
// told no reminder "tạm" was found (tester c68 item 7b).
func TestPauseReminders(t *testing.T) {
	h := newHarness(t)
	h.say("nhắc tôi ngày 20/12 đóng tiền điện")
	got := lastReply(t, h.say("tạm dừng nhắc"))
	stop := entry(t, h, "remind-stop")
	want := []bot.Button{{Label: "Dừng tất cả tin tự động", Data: "rm:stopall"}, {Label: "Xem, hủy lời nhắc", Data: "rm:list"}}
	if got.Text != stop.Render() || len(got.Buttons) < 2 || got.Buttons[0] != want[0] || got.Buttons[1] != want[1] {
		t.Errorf("tạm dừng nhắc: %q %+v, want the stop answer with %+v", got.Text, got.Buttons, want)
	}
	if r, err := h.st.Reminder(1); err != nil || r.Cancelled {
		t.Errorf("reminder 1 = %+v, %v; want kept", r, err)
	}
}
