package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestUnclearOffersOfficerOnce: an unclear message whose nearest reading
// is "Gặp cán bộ" offers it once, first, as the officer button; the menu
// under it leaves its own out. Before: "1. Gặp cán bộ" and again "Gặp cán
// bộ" in the menu.
func TestUnclearOffersOfficerOnce(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("mãi không được"))
	const want = "o t:loan t:health_insurance t:housing t:education t:electricity t:social_assistance t:poverty_status t:jobs t:reminders"
	if d := strings.Join(buttonData(got), " "); d != want {
		t.Errorf("buttons %s, want %s", d, want)
	}
	n := 0
	for _, b := range got.Buttons {
		if b.Label == "Gặp cán bộ" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d buttons labelled Gặp cán bộ, want 1", n)
	}
}

// TestNumberWithNoChoice: a number beyond the latest message's buttons
// says there is no such choice and shows the same buttons again; a number
// in range still picks. Before, "99" got "Xin lỗi, tôi chưa hiểu rõ câu
// hỏi".
func TestNumberWithNoChoice(t *testing.T) {
	h := newHarness(t)
	menu := lastReply(t, h.say("/menu"))
	for _, typed := range []string{"99", "số 12"} {
		got := lastReply(t, h.say(typed))
		n := strings.TrimPrefix(typed, "số ")
		want := "Dạ, không có lựa chọn số " + n + ". Ông/bà gõ số từ 1 đến 10, hoặc chọn một mục dưới đây."
		if got.Text != want || strings.Join(buttonData(got), " ") != strings.Join(buttonData(menu), " ") {
			t.Errorf("%q: %q %v, want %q with the menu again", typed, got.Text, buttonData(got), want)
		}
	}
	if got := lastReply(t, h.say("2")); !hasButton(got, "e:bhyt-poor") && !strings.Contains(got.Text, "bảo hiểm y tế") {
		t.Errorf("2 after it: %q %v, want the BHYT topic", got.Text, buttonData(got))
	}
}

// TestStartAfterStopSaysResumed: /start after /stop says automatic
// messages are on again before the welcome; a /start without a /stop
// before is the welcome alone.
func TestStartAfterStopSaysResumed(t *testing.T) {
	h := newHarness(t)
	welcome := one(t, h.say("/start")).Text
	h.say("/stop")
	got := one(t, h.say("/start"))
	want := "Dạ, tôi đã bật lại tin nhắn tự động: ông/bà sẽ nhận lại thông báo. Các lời nhắc đã hủy khi ông/bà gõ /stop; cần thì ông/bà đặt lại trong mục Nhắc lịch.\n\n" + welcome
	if got.Text != want {
		t.Errorf("/start after /stop: %q, want %q", got.Text, want)
	}
	if again := one(t, h.say("/start")); again.Text != welcome {
		t.Errorf("/start again: %q, want the welcome alone", again.Text)
	}
	u, err := h.st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"})
	if err != nil || u.Stopped {
		t.Errorf("user stopped %v (%v), want not", u.Stopped, err)
	}
}
