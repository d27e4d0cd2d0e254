package bot_test

import (
	"testing"
)

// TestCancelAllReminders: "hủy tất cả" under the list of reminders, and
// "hủy hết các lời nhắc" anywhere, cancel every active reminder and say
// which. Until session 66 the first got the ask-back «Dừng tin nhắn tự
// động»? (tester q3, c34) and the second the list to cancel one by one.
func TestCancelAllReminders(t *testing.T) {
	for _, tc := range []struct {
		list bool
		msg  string
	}{{true, "hủy tất cả"}, {false, "hủy hết các lời nhắc"}, {false, "huy het cac loi nhac"}} {
		h := newHarness(t)
		h.say("nhắc tôi đóng bhyt trước 31/12")
		h.say("nhắc tôi đóng lãi ngày 5 hàng tháng")
		if tc.list {
			h.say("xem lời nhắc")
		}
		got := lastReply(t, h.say(tc.msg))
		if want := "Đã hủy 2 lời nhắc của ông/bà (#1, #2). Muốn dừng cả thông báo theo chủ đề, ông/bà gõ /stop."; got.Text != want {
			t.Errorf("%q: %q, want %q", tc.msg, got.Text, want)
		}
		for id := uint64(1); id <= 2; id++ {
			if r, err := h.st.Reminder(id); err != nil || !r.Cancelled {
				t.Errorf("%q: reminder %d = %+v, %v; want cancelled", tc.msg, id, r, err)
			}
		}
	}
	// Without the list shown and without "nhắc", "hủy tất cả" cancels
	// nothing.
	h := newHarness(t)
	h.say("nhắc tôi đóng lãi ngày 5 hàng tháng")
	h.say("hộ nghèo vay được bao nhiêu")
	h.say("hủy tất cả")
	if r, err := h.st.Reminder(1); err != nil || r.Cancelled {
		t.Errorf("reminder = %+v, %v; want it kept", r, err)
	}
}
