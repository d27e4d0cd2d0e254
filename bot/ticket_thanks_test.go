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
