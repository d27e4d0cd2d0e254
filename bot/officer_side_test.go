package bot_test

import (
	"strings"
	"testing"
)

// TestOfficerSideInChat: one who says they are a commune officer or a
// village head and asks for lists or how to use the bot is told how
// officers use it (the console through /dangnhap, the officer commands),
// and no request is opened. Until session 66 the first two opened a
// citizen request and sent the writer to the one-stop desk (tester P15,
// c22).
func TestOfficerSideInChat(t *testing.T) {
	for _, msg := range []string{
		"tôi là cán bộ xã, cần danh sách hộ nghèo của xã",
		"tôi là trưởng thôn, làm sao để báo danh sách hộ khó khăn cho xã qua bot",
		"làm sao xuất danh sách yêu cầu của dân",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(msg))
		if !strings.HasPrefix(got.Text, "Dạ, tôi là trợ lý tự động trả lời người dân; tôi không cung cấp hay nhận danh sách hộ nghèo") ||
			!strings.Contains(got.Text, "/dangnhap") || !strings.Contains(got.Text, "/trogiup") {
			t.Errorf("%q: %q, want how officers use the bot", msg, got.Text)
		}
		if tks := ticketsOf(t, h); len(tks) != 0 {
			t.Errorf("%q: tickets %+v, want none", msg, tks)
		}
	}
}

// TestPrivacyQuestionNoRequest: "bot có lưu số điện thoại của tôi không"
// gets the answer on messages and personal data, and opens no request.
// Until session 66 it opened a normal request for an officer (tester
// P15, c76).
func TestPrivacyQuestionNoRequest(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("bot có lưu số điện thoại của tôi không"))
	if want := entry(t, h, "chat-privacy").Render(); got.Text != want {
		t.Errorf("reply %q, want the privacy answer %q", got.Text, want)
	}
	if tks := ticketsOf(t, h); len(tks) != 0 {
		t.Errorf("tickets %+v, want none", tks)
	}
}

// TestCitizenNamingOfficerIsNoOfficer: a citizen who names an officer and
// a list ("tôi là hộ cận nghèo, cán bộ thôn bảo nhà tôi không có trong
// danh sách") is not told how officers use the bot.
func TestCitizenNamingOfficerIsNoOfficer(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("tôi là hộ cận nghèo, cán bộ thôn bảo nhà tôi không có trong danh sách"))
	if strings.Contains(got.Text, "/dangnhap") {
		t.Errorf("citizen: %q, want no officer-side reply", got.Text)
	}
}
