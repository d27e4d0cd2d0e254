package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestPhoneAloneAsksTheMatterAndIDRefused: a phone number given alone to
// be called back gets "Ông/bà cần hỏi việc gì?" first, not a request with
// no matter; an ID-card number sent next is refused with a warning and
// goes nowhere; the matter then files the request with the phone. Until
// session 70 the phone filed request #1 at once and "cccd 027123456789"
// was added to it with "Đã thêm vào yêu cầu #1." (QA #17).
func TestPhoneAloneAsksTheMatterAndIDRefused(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("sdt cua toi 0912345678 goi lai cho toi"))
	const ask = "Dạ, tôi đã ghi số điện thoại để cán bộ xã gọi lại. Ông/bà cần hỏi việc gì? Ông/bà gõ câu hỏi hoặc kể ngắn gọn sự việc, tôi sẽ chuyển ngay cho cán bộ xã."
	if got.Text != ask {
		t.Errorf("the phone alone: %q, want %q", got.Text, ask)
	}
	if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
		t.Fatalf("tickets %v (%v) after the phone alone, want none", tks, err)
	}
	got = lastReply(t, h.say("cccd 027123456789"))
	const warn = "Ông/bà đừng gửi số căn cước (CCCD), số thẻ hay mã OTP qua tin nhắn. Tôi không chuyển số vừa gửi cho cán bộ; khi cần, cán bộ xã sẽ xem giấy tờ trực tiếp tại xã."
	if got.Text != warn+"\n\nÔng/bà cần hỏi việc gì? Ông/bà gõ câu hỏi hoặc kể ngắn gọn sự việc, tôi sẽ chuyển ngay cho cán bộ xã." {
		t.Errorf("the ID number: %q, want the warning and the matter asked again", got.Text)
	}
	h.say("toi muon hoi ve tro cap cho me toi")
	tks, err := h.st.Tickets(bot.TicketFilter{})
	if err != nil || len(tks) != 1 {
		t.Fatalf("tickets %v (%v), want the one the matter filed", tks, err)
	}
	tk := tks[0]
	if tk.Question != "toi muon hoi ve tro cap cho me toi\nsdt cua toi 0912345678 goi lai cho toi" || tk.Phone != "0912345678" {
		t.Errorf("ticket question %q, phone %q; want the matter with the phone message, and the phone", tk.Question, tk.Phone)
	}
	for _, it := range tk.Thread {
		if strings.Contains(it.Text, "027123456789") {
			t.Errorf("the ID number is in the thread: %+v", it)
		}
	}
	// With the request open, an ID number sent is refused and kept out
	// of its thread.
	n := len(tk.Thread)
	got = lastReply(t, h.say("so cccd cua toi la 027123456789"))
	if got.Text != warn {
		t.Errorf("the ID number with a request open: %q, want %q", got.Text, warn)
	}
	if tks, _ := h.st.Tickets(bot.TicketFilter{}); len(tks) != 1 || len(tks[0].Thread) != n {
		t.Errorf("the thread grew: %+v", tks)
	}
}
