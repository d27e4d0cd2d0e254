package bot_test

import (
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestCancelAllReminders: "hủy tất cả" under the list of reminders, and
// "hủy hết các lời nhắc" anywhere, ask first, then cancel every active
// reminder and say which, once the citizen agrees by the button or "có";
// "Không, giữ lại" keeps them. Until session 66 the first got the
// ask-back «Dừng tin nhắn tự động»? (tester q3, c34) and the second the
// list to cancel one by one; until session 68 they cancelled at once,
// unasked (tester c68 item 7c).
func TestCancelAllReminders(t *testing.T) {
	for _, tc := range []struct {
		list      bool
		msg, sure string
	}{{true, "hủy tất cả", "có"}, {false, "hủy hết các lời nhắc", "đồng ý"}, {false, "huy het cac loi nhac", ""}} {
		h := newHarness(t)
		h.say("nhắc tôi đóng bhyt trước 31/12")
		h.say("nhắc tôi đóng lãi ngày 5 hàng tháng")
		if tc.list {
			h.say("xem lời nhắc")
		}
		asked := lastReply(t, h.say(tc.msg))
		if want := "Ông/bà muốn hủy cả 2 lời nhắc (#1, #2)? Đã hủy thì không khôi phục được."; asked.Text != want || len(asked.Buttons) == 0 || asked.Buttons[0].Data != "rm:cancelall" {
			t.Errorf("%q: %q %+v, want %q with the button", tc.msg, asked.Text, asked.Buttons, want)
		}
		if r, err := h.st.Reminder(1); err != nil || r.Cancelled {
			t.Errorf("%q: reminder 1 = %+v, %v; want kept until agreed", tc.msg, r, err)
		}
		var got bot.Delivery
		if tc.sure != "" {
			got = lastReply(t, h.say(tc.sure))
		} else {
			got = lastReply(t, h.press("rm:cancelall"))
		}
		if want := "Đã hủy 2 lời nhắc của ông/bà (#1, #2). Muốn dừng cả thông báo theo chủ đề, ông/bà gõ /stop."; got.Text != want {
			t.Errorf("%q, %q: %q, want %q", tc.msg, tc.sure, got.Text, want)
		}
		for id := uint64(1); id <= 2; id++ {
			if r, err := h.st.Reminder(id); err != nil || !r.Cancelled {
				t.Errorf("%q: reminder %d = %+v, %v; want cancelled", tc.msg, id, r, err)
			}
		}
	}
	// "Không, giữ lại": the list again, nothing cancelled.
	h := newHarness(t)
	h.say("nhắc tôi đóng bhyt trước 31/12")
	h.say("nhắc tôi đóng lãi ngày 5 hàng tháng")
	h.say("hủy hết các lời nhắc")
	h.say("2")
	for id := uint64(1); id <= 2; id++ {
		if r, err := h.st.Reminder(id); err != nil || r.Cancelled {
			t.Errorf("kept: reminder %d = %+v, %v; want kept", id, r, err)
		}
	}
	// Without the list shown and without "nhắc", "hủy tất cả" cancels
	// nothing.
	h = newHarness(t)
	h.say("nhắc tôi đóng lãi ngày 5 hàng tháng")
	h.say("hộ nghèo vay được bao nhiêu")
	h.say("hủy tất cả")
	if r, err := h.st.Reminder(1); err != nil || r.Cancelled {
		t.Errorf("reminder = %+v, %v; want it kept", r, err)
	}
}
