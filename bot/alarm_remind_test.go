package bot_test

import (
	"testing"
	"time"
)

// TestReminderAfterAlarmIsSet: a clear reminder request sent within the
// window after an urgent answer is no plea. It sets the reminder as it
// would outside the window, the reply led by one line with the number to
// call, and it stays out of the urgent request. Until session 64 it got
// the emergency answer again, joined the urgent request and set nothing.
func TestReminderAfterAlarmIsSet(t *testing.T) {
	for _, msg := range []string{
		"nhắc tôi 7 giờ sáng mai đi lên xã nộp hồ sơ",
		"nhắc tôi ngày 15 hằng tháng đóng lãi",
		"nhac toi thu 2 tuan sau di lam the bhyt",
	} {
		t.Run(msg, func(t *testing.T) {
			// The reply and reminder the request gets with no alarm before.
			ref := newHarness(t)
			ref.now = ref.now.Add(2 * time.Minute)
			want := lastReply(t, ref.say(msg))
			wantR, err := ref.st.Reminder(1)
			if err != nil {
				t.Fatalf("reference: no reminder set for %q: %v", msg, err)
			}

			h := newHarness(t)
			h.say("ba toi ngat xiu khong tinh")
			h.now = h.now.Add(2 * time.Minute)
			got := lastReply(t, h.say(msg))
			if lead := "Nếu cần, ông/bà gọi ngay 115.\n\n"; got.Text != lead+want.Text {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, lead+want.Text)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != wantR.Type || r.Day != wantR.Day || !r.At.Equal(wantR.At) || r.Text != wantR.Text {
				t.Errorf("reminder = %+v, %v; want %+v", r, err, wantR)
			}
			tks := ticketsOf(t, h)
			if len(tks) != 1 || len(threadTexts(tks[0])) != 1 {
				t.Errorf("tickets %+v, want the urgent one with the alarm alone", tks)
			}
		})
	}
}
