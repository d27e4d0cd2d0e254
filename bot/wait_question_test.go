package bot_test

import (
	"strings"
	"testing"
)

const remindNotUnderstood = "Xin lỗi, tôi chưa hiểu thời gian cần nhắc."

// TestDeclinedQuestionEndsReminderWait: while the bot waits for the loan's
// day, a question it declines (medical, out of its scope) is answered as
// such and the wait ends, as for a programme's question; until session 63
// it got "Xin lỗi, tôi chưa hiểu thời gian cần nhắc…". A poor answer that
// asks nothing still gets that line.
func TestDeclinedQuestionEndsReminderWait(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{"hoi thuoc gi cho de ngu", "Xin lỗi ông/bà, tôi không tư vấn được về bệnh và thuốc."},
		{"mai troi co mua khong", "Xin lỗi ông/bà, tôi không có thông tin thời tiết"},
	} {
		h := newHarness(t)
		if got := lastReply(t, h.say("nhac toi dong tien vay")).Text; !strings.HasPrefix(got, "Ông/bà đóng lãi ngày nào hằng tháng?") {
			t.Fatalf("ask for the day: %q", got)
		}
		if got := lastReply(t, h.say(c.msg)).Text; !strings.HasPrefix(got, c.want) {
			t.Errorf("%q: reply %q, want %q", c.msg, got, c.want)
		}
		// The wait is over: a number next is no loan day.
		if u := h.user42(); u.Dialog.Awaiting != "" {
			t.Errorf("%q: still awaiting %q", c.msg, u.Dialog.Awaiting)
		}
	}
	h := newHarness(t)
	h.say("nhac toi dong tien vay")
	if got := lastReply(t, h.say("huyet ap cao uong thuoc gi")).Text; strings.HasPrefix(got, remindNotUnderstood) || h.user42().Dialog.Awaiting != "" {
		t.Errorf("medical advice: reply %q, want it answered and the wait over", got)
	}
	for _, poor := range []string{"chua biet", "15 hay 20 gi do", "quen roi", "thang nao cung dong", "hom nao co tien thi dong"} {
		h := newHarness(t)
		h.say("nhac toi dong tien vay")
		if got := lastReply(t, h.say(poor)).Text; !strings.HasPrefix(got, remindNotUnderstood) {
			t.Errorf("%q: reply %q, want %q", poor, got, remindNotUnderstood)
		}
	}
}
