package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestTicketKeepsWhatTheCitizenAdds: with a request open, a message that
// the bot answers (with the request's status, or a programme's answer)
// and that carries a phone number or names a programme goes to the
// request's thread too, and the reply says so first; a bare "how is my
// request" gets the status alone and goes in the thread as it is
// (TestStatusQuestionInThread).
func TestTicketKeepsWhatTheCitizenAdds(t *testing.T) {
	h := newHarness(t)
	h.say("hộ nghèo vay vốn được bao nhiêu")
	if got := lastReply(t, h.say("/canbo")); !strings.HasPrefix(got.Text, "Ông/bà cần hỏi việc gì?") {
		t.Fatalf("/canbo: %q, want the question for the matter", got.Text)
	}
	if got := lastReply(t, h.say("tôi muốn vay 50 triệu làm chuồng bò")); !strings.HasPrefix(got.Text, "Tôi đã ghi lại yêu cầu của ông/bà (số #1)") {
		t.Fatalf("the matter: %q, want ticket #1 opened", got.Text)
	}
	thread := func() []bot.ThreadItem {
		t.Helper()
		tks, err := h.st.Tickets(bot.TicketFilter{})
		if err != nil || len(tks) != 1 {
			t.Fatalf("tickets %v (%v), want one", tks, err)
		}
		return tks[0].Thread
	}
	before := len(thread())

	const bare = "yêu cầu của tôi đến đâu rồi"
	if got := lastReply(t, h.say(bare)); !strings.HasPrefix(got.Text, "Yêu cầu #1 của ông/bà") {
		t.Errorf("%q: %q, want the status alone", bare, got.Text)
	}
	if th := thread(); len(th) != before+1 || th[len(th)-1].Text != bare {
		t.Errorf("%q added %d items to the thread, want itself", bare, len(th)-before)
	}

	const matter = "Tôi muốn hỏi hồ sơ xin trợ cấp của mẹ tôi đến đâu rồi, SĐT 0987654321"
	got := lastReply(t, h.say(matter))
	if want := "Đã thêm số điện thoại vào yêu cầu #1 để cán bộ gọi lại.\n\nYêu cầu #1 của ông/bà"; !strings.HasPrefix(got.Text, want) {
		t.Errorf("%q: %q, want it to start %q", matter, got.Text, want)
	}
	if th := thread(); th[len(th)-1].Text != matter {
		t.Errorf("thread ends %+v, want %q", th[len(th)-1], matter)
	}

	const question = "ho so xin tro cap nop o dau, sdt cua toi 0912345678"
	got = lastReply(t, h.say(question))
	if want := "Đã thêm số điện thoại vào yêu cầu #1 để cán bộ gọi lại.\n\n"; !strings.HasPrefix(got.Text, want) || len(got.Text) < len(want)+40 {
		t.Errorf("%q: %q, want %q then the answer", question, got.Text, want)
	}
	// Since session 71 the bot's answer follows it in the thread.
	if th := thread(); th[len(th)-2].Text != question || th[len(th)-1].Kind != bot.ItemBot || !strings.HasPrefix(th[len(th)-1].Text, "Bot đã trả lời: ") {
		t.Errorf("thread ends %+v, want %q then the bot's answer", th[len(th)-2:], question)
	}
}
