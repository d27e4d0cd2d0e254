package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestPleaUnderFittedAdviceKeyAction: "phải làm sao bây giờ" under the
// answer for a child pulled from the water not breathing gets the key
// action line (call 115, do what its operator says), not the same block;
// until session 70 it got the same block again.
func TestPleaUnderFittedAdviceKeyAction(t *testing.T) {
	h := newHarness(t)
	first := lastReply(t, h.say("con toi vua bi duoi nuoc o ao keo len roi nhung khong tho"))
	if !strings.HasPrefix(first.Text, "Gọi ngay 115 (cấp cứu), nói rõ địa chỉ và người bị nạn không thở.") {
		t.Fatalf("first reply %q", first.Text)
	}
	h.now = h.now.Add(time.Minute)
	got := lastReply(t, h.say("phai lam sao bay gio"))
	const want = "Dạ, việc cần làm ngay: Gọi ngay 115 (cấp cứu), nói rõ địa chỉ và người bị nạn không thở. Làm theo hướng dẫn của nhân viên 115 qua điện thoại: ép tim, thổi ngạt nếu biết cách, cho đến khi có người đến."
	if !strings.HasPrefix(got.Text, want) || got.Text == first.Text {
		t.Errorf("plea: reply %q, want it to start %q", got.Text, want)
	}
}

// TestQuestionAfterAlarmAnsweredAsItself: a question telling no danger
// after an alarm ("làm hồ sơ thế nào, tôi làm hộ có được không") is
// answered as itself, not with the emergency answer again, which until
// session 70 kept the chat stuck.
func TestQuestionAfterAlarmAnsweredAsItself(t *testing.T) {
	h := newHarness(t)
	first := lastReply(t, h.say("nha toi dang chay"))
	if !strings.HasPrefix(first.Text, "Gọi ngay 114") {
		t.Fatalf("fire: %q", first.Text)
	}
	h.now = h.now.Add(2 * time.Minute)
	got := lastReply(t, h.say("lam ho so the nao, toi lam ho co duoc khong"))
	if strings.HasPrefix(got.Text, "Gọi ngay 114") || strings.Contains(got.Text, "yêu cầu khẩn") {
		t.Errorf("question after alarm: reply %q, want it answered as a question", got.Text)
	}
}
