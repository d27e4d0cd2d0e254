package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestThanksKeepsTheTicketAnswered: a thank-you after the officer's answer
// goes in the thread and leaves the ticket "Đã trả lời": no alert, no
// "người dân nhắn thêm", no warning when closing. Before, the status was
// put back to "Đang xử lý" before the thank-you was recognised.
func TestThanksKeepsTheTicketAnswered(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("/canbo nhà tôi cần hỏi về sổ hộ nghèo")
	h.officerPress("tk:take:1")
	answer := "Bà mang sổ lên xã sáng thứ Hai ạ."
	h.officerPress(previewButton(t, h.officer("/traloi 1 "+answer, ""), "Gửi"))
	if s := h.ticket(1).Status; s != bot.StatusAnswered {
		t.Fatalf("status after the answer = %s", s)
	}
	for _, thanks := range []string{"cảm ơn", "cảm ơn cán bộ ạ", "👍"} {
		rows := h.say(thanks)
		if got := to(rows, officerChat); len(got) != 0 {
			t.Errorf("%q alerted the officers: %+v", thanks, got)
		}
		if len(to(rows, "42")) == 0 {
			t.Errorf("%q got no reply", thanks)
		}
		tk := h.ticket(1)
		last := tk.Thread[len(tk.Thread)-1]
		if tk.Status != bot.StatusAnswered || last.Kind != bot.ItemCitizen || last.Text != thanks {
			t.Errorf("after %q: status %s, last thread item %+v; want answered, the thank-you kept", thanks, tk.Status, last)
		}
	}
	list := one(t, h.officer("/phieu", "")).Text
	if !strings.Contains(list, "#1 Đã trả lời") || strings.Contains(list, "nhắn thêm") {
		t.Errorf("/phieu after the thanks:\n%s", list)
	}
	if got := one(t, h.officerPress("tk:close:1")).Text; !strings.HasPrefix(got, "Đóng phiếu #1: kết quả xử lý là gì?") {
		t.Errorf("Đóng after the thanks = %q, want the question without a warning", got)
	}

	// A real question after the thanks still puts the ticket back.
	rows := h.say("thế tôi cần mang giấy tờ gì ạ")
	if len(to(rows, officerChat)) != 1 || h.ticket(1).Status != bot.StatusAssigned {
		t.Errorf("a question after the thanks: status %s, officers got %+v", h.ticket(1).Status, to(rows, officerChat))
	}
	if got := one(t, h.officerPress("tk:close:1")).Text; !strings.HasPrefix(got, "⚠️ Người dân nhắn lúc") || !strings.Contains(got, "«thế tôi cần mang giấy tờ gì ạ»") {
		t.Errorf("Đóng after the question = %q, want the warning naming it", got)
	}
}

// TestThanksBeforeAnswerNotKept: "cảm ơn" or "ok" right after the
// request was sent thank the bot for its receipt: no officer has answered
// yet, so they do not go in the thread as a message waiting for the
// officer, and alert nobody. Before, they were added to the thread as the
// citizen's message (session 65 tester, m2).
func TestThanksBeforeAnswerNotKept(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("/canbo nhà tôi bị đưa ra khỏi danh sách hộ nghèo mà không biết lý do, sđt 0987654321")
	for _, thanks := range []string{"cảm ơn", "ok", "cảm ơn ạ", "dạ vâng", "oke"} {
		rows := h.say(thanks)
		if got := to(rows, officerChat); len(got) != 0 {
			t.Errorf("%q alerted the officers: %+v", thanks, got)
		}
		if len(to(rows, "42")) == 0 {
			t.Errorf("%q got no reply", thanks)
		}
		if texts := threadTexts(h.ticket(1)); len(texts) != 1 {
			t.Errorf("after %q the thread's citizen items are %q, want only the matter", thanks, texts)
		}
	}
	if tk := h.ticket(1); tk.Status != bot.StatusOpen {
		t.Errorf("status %s, want open", tk.Status)
	}
}

// TestStatusAfterThanksSpeaksOfTheMessage: once an officer answered, a
// thank-you is kept in the thread (Courtesy), but the status the citizen
// asks for speaks of their last message that awaits an answer, not of
// the thank-you. Before, it said the officer had not seen "the last
// message", the thank-you.
func TestStatusAfterThanksSpeaksOfTheMessage(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("/canbo nhà tôi cần hỏi về sổ hộ nghèo")
	h.officerPress("tk:take:1")
	h.officerPress(previewButton(t, h.officer("/traloi 1 Bà mang sổ lên xã sáng thứ Hai ạ.", ""), "Gửi"))
	h.now = h.now.Add(20 * 60e9)
	h.say("cảm ơn")
	tk := h.ticket(1)
	if last := tk.Thread[len(tk.Thread)-1]; last.Text != "cảm ơn" || !last.Courtesy {
		t.Fatalf("last item %+v, want the thank-you kept as courtesy", last)
	}
	const status = "Yêu cầu #1 của ông/bà (gửi 09:30 ngày 27/11/2026): cán bộ đã trả lời.\nHạn trả lời: chậm nhất 17:00 ngày 02/12/2026.\nCán bộ đã xem tin nhắn cuối của ông/bà (lúc 09:30 ngày 27/11/2026)."
	if got := one(t, h.say("phiếu của tôi thế nào")).Text; got != status {
		t.Errorf("status:\n%s\nwant:\n%s", got, status)
	}
}
