package bot_test

import "testing"

// TestPrivacyAskedAnyHowNoRequest: whether the bot keeps the citizen's
// number, with or without marks and "của", and a request to erase what
// they sent, get the privacy answer (what is kept, no deletion on
// request: "Gặp cán bộ"), and open no request. Until session 71 "bot co
// luu so dien thoai toi khong" opened one, and "xoa het thong tin cua toi
// di" got the /stop help and was added to it (QA pass 71 #14, g05).
func TestPrivacyAskedAnyHowNoRequest(t *testing.T) {
	for _, text := range []string{
		"bot co luu so dien thoai toi khong",
		"bot có lưu số điện thoại tôi không",
		"xoa het thong tin cua toi di",
		"xóa hết thông tin của tôi đi",
		"xoa so dien thoai cua toi di",
		"xóa tin nhắn của em đi",
	} {
		t.Run(text, func(t *testing.T) {
			h := newHarness(t)
			if got, want := lastReply(t, h.say(text)).Text, entry(t, h, "chat-privacy").Render(); got != want {
				t.Errorf("reply %.120q…, want the privacy answer", got)
			}
			if tks := ticketsOf(t, h); len(tks) != 0 {
				t.Errorf("tickets %+v, want none", tks)
			}
		})
	}
}
