package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestCancelEndsWhatTheBotWaitsFor: "thôi" after "Gặp cán bộ" sends
// nothing to the officer (no ticket), "hủy" after the reminder's question
// sets no reminder, and the next message is an ordinary one again; a bare
// "thôi" or "không cần nữa ạ" elsewhere gets a short acknowledgement with
// the menu, not a refusal about another subject.
func TestCancelEndsWhatTheBotWaitsFor(t *testing.T) {
	h := newHarness(t)
	if got := lastReply(t, h.say("gặp cán bộ")); !strings.HasPrefix(got.Text, "Ông/bà cần hỏi việc gì?") {
		t.Fatalf("gặp cán bộ: %q", firstLines(got.Text, 1))
	}
	got := lastReply(t, h.say("Thôi ạ"))
	if got.Text != "Dạ, tôi chưa gửi gì cho cán bộ xã. Khi cần, ông/bà bấm \"Gặp cán bộ\" hoặc gõ câu hỏi." || !hasButton(got, "t:loan") {
		t.Errorf("thôi after gặp cán bộ: %q %v", got.Text, buttonData(got))
	}
	if tickets, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tickets) != 0 {
		t.Fatalf("tickets after thôi: %d (%v), want none", len(tickets), err)
	}
	if got := lastReply(t, h.say("hộ nghèo vay vốn được bao nhiêu")); !strings.Contains(got.Text, "100 triệu") {
		t.Errorf("the question after thôi was not answered: %q", firstLines(got.Text, 2))
	}

	lastReply(t, h.press("rm:loan"))
	got = lastReply(t, h.say("hủy"))
	if got.Text != "Dạ, tôi chưa đặt hay đổi gì. Khi cần, ông/bà vào mục Nhắc lịch." {
		t.Errorf("hủy after the loan-day question: %q", got.Text)
	}
	if rems, err := h.st.AllReminders(); err != nil || len(rems) != 0 {
		t.Errorf("reminders after hủy: %d (%v), want none", len(rems), err)
	}
	if got := lastReply(t, h.say("15")); strings.Contains(got.Text, "nhắc") && strings.Contains(got.Text, "15") {
		t.Errorf("\"15\" after hủy still set the reminder: %q", firstLines(got.Text, 1))
	}

	for _, text := range []string{"thôi", "khong can nua nhe", "không cần nữa ạ", "để sau"} {
		got := lastReply(t, h.say(text))
		if !strings.HasPrefix(got.Text, "Dạ vâng ạ. Khi cần, ông/bà cứ nhắn lại") || !hasButton(got, "t:loan") {
			t.Errorf("%q: %q %v, want the acknowledgement and the menu", text, firstLines(got.Text, 1), buttonData(got))
		}
	}
	for _, text := range []string{"menu", "quay lại", "Về trang chủ"} {
		got := lastReply(t, h.say(text))
		if !strings.HasPrefix(got.Text, "Ông/bà muốn hỏi về nội dung nào?") || !hasButton(got, "t:loan") {
			t.Errorf("%q: %q %v, want the main menu", text, firstLines(got.Text, 1), buttonData(got))
		}
	}
	// A question using the words is still a question.
	if got := lastReply(t, h.say("thôi không vay nữa thì có phải trả hết nợ ngay không")); strings.HasPrefix(got.Text, "Dạ vâng ạ") {
		t.Errorf("a question starting with thôi got the acknowledgement")
	}
}

// TestMatterIsNotSmallTalk: after "Gặp cán bộ", a greeting is no matter
// for an officer (the bot asks again) and thanks end the request; neither
// opens a ticket, and the matter given next does.
func TestMatterIsNotSmallTalk(t *testing.T) {
	h := newHarness(t)
	lastReply(t, h.say("gặp cán bộ"))
	if got := lastReply(t, h.say("alo alo")); !strings.HasPrefix(got.Text, "Ông/bà cần hỏi việc gì?") {
		t.Errorf("alo alo as the matter: %q, want the question asked again", firstLines(got.Text, 1))
	}
	if got := lastReply(t, h.say("không biết nữa")); !strings.HasPrefix(got.Text, "Dạ, không sao ạ. Ông/bà kể ngắn gọn việc nhà mình đang cần") {
		t.Errorf("không biết as the matter: %q, want what to write", firstLines(got.Text, 1))
	}
	if got := lastReply(t, h.say("cảm ơn nhé")); !strings.HasPrefix(got.Text, "Dạ, tôi chưa gửi gì cho cán bộ xã.") {
		t.Errorf("cảm ơn as the matter: %q, want nothing sent", firstLines(got.Text, 1))
	}
	if tickets, _ := h.st.Tickets(bot.TicketFilter{}); len(tickets) != 0 {
		t.Fatalf("%d tickets after small talk and \"không biết\", want none", len(tickets))
	}
	lastReply(t, h.say("gặp cán bộ"))
	lastReply(t, h.say("vâng"))
	lastReply(t, h.say("nhà tôi bị loại khỏi danh sách hộ nghèo mà không ai báo"))
	tickets, err := h.st.Tickets(bot.TicketFilter{})
	if err != nil || len(tickets) != 1 || !strings.Contains(tickets[0].Question, "bị loại khỏi danh sách") {
		t.Fatalf("tickets %+v (%v), want one with the matter given", tickets, err)
	}
}
