package bot_test

import (
	"context"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// auditActions lists the actions of ticket id's audit records.
func auditActions(t *testing.T, h *harness, id uint64) []string {
	t.Helper()
	recs, err := h.st.AuditLog(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs {
		out = append(out, r.Action)
	}
	return out
}

// TestOlderPreviewSendsNothing: "Gửi" sends the text shown above it or
// nothing. Before, the draft was bound to ticket, officer and chat only:
// "Gửi" on the first of two previews sent the second's text.
func TestOlderPreviewSendsNothing(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	v1 := "Phiên bản 1: mời bà lên xã sáng thứ Hai."
	v2 := "Phiên bản 2: mời bà lên xã sáng thứ Ba."
	p1 := wantPreview(t, h.groupText(officerID, "/traloi 1 "+v1, ""), 1, v1)
	p2 := wantPreview(t, h.groupText(officerID, "/traloi 1 "+v2, ""), 1, v2)
	if want := "Bản này thay cho câu trả lời nháp trước của phiếu #1; bản trước sẽ không được gửi.\n\n"; p2.Text[:len(want)] != want {
		t.Errorf("the second preview does not say it replaces the first:\n%s", p2.Text)
	}
	send1, send2 := buttonOf(t, p1, "Gửi"), buttonOf(t, p2, "Gửi")
	if send1 == send2 || len(send1) > 64 || len(send2) > 64 {
		t.Fatalf("Gửi data %q and %q: want distinct, at most 64 bytes", send1, send2)
	}

	// Gửi and Hủy on the older preview: a refusal, nothing sent, the newer
	// draft kept.
	for _, data := range []string{send1, buttonOf(t, p1, "Hủy")} {
		rows := h.groupPress(officerID, data)
		got := replies(rows)
		if len(got) != 1 || got[0].ChatID != officerChat || got[0].Text !=
			`Bản nháp này đã được thay bằng bản mới nên không gửi gì cho người dân (phiếu #1). Bấm "Gửi" trên bản xem trước mới nhất.` {
			t.Errorf("%s on the older preview: %+v", data, got)
		}
	}
	if a := officerAnswers(h, 1); len(a) != 0 || h.ticket(1).Status != bot.StatusOpen {
		t.Fatalf("after Gửi on the older preview: answers %q, status %s; want none, open", a, h.ticket(1).Status)
	}

	// Gửi on the newer preview sends exactly its text, once.
	rows := h.groupPress(officerID, send2)
	if got := to(rows, "42"); len(got) != 1 || got[0].Text != answerText(1, v2) {
		t.Fatalf("the citizen got %+v, want exactly %q", got, answerText(1, v2))
	}
	// The older preview's Gửi still sends nothing.
	if got := one(t, h.groupPress(officerID, send1)); got.Text !=
		"Không có câu trả lời nháp nào của anh/chị cho phiếu #1 trong cuộc trò chuyện này; chưa gửi gì cho người dân." {
		t.Errorf("older Gửi after the newer was sent: %q", got.Text)
	}
	if a := officerAnswers(h, 1); len(a) != 1 || a[0] != v2 {
		t.Errorf("answers %q, want only %q", a, v2)
	}
	// After a new draft of the same ticket begins, the sent preview's Gửi
	// says it was sent (until session 61: "replaced, nothing sent", which
	// was untrue) and sends nothing more.
	h.groupText(officerID, "/traloi 1 Phiên bản 3", "")
	if got := one(t, h.groupPress(officerID, send2)); got.Text !=
		"Câu trả lời này đã gửi cho người dân (phiếu #1); bấm lại không gửi thêm gì." {
		t.Errorf("the sent preview's Gửi after a new draft: %q", got.Text)
	}
	if a := officerAnswers(h, 1); len(a) != 1 {
		t.Errorf("answers %q, want one", a)
	}
}

// TestDraftNotSentAfterClose: a ticket closed (or taken by another officer)
// between the preview and "Gửi" is not answered: the officer is told and
// nothing is sent, and the ticket keeps its state. Before, the answer went
// out and silently made the closed ticket "Đã trả lời", result and all.
func TestDraftNotSentAfterClose(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	answer := "Mời bà lên xã sáng thứ Hai ạ."
	p := wantPreview(t, h.groupText(officerID, "/traloi 1 "+answer, ""), 1, answer)
	h.groupPress(officer2ID, previewButton(t, h.groupText(officer2ID, "/dong 1 Đã gọi điện hướng dẫn", ""), "Vẫn đóng"))
	closed := h.ticket(1)
	if closed.Status != bot.StatusClosed {
		t.Fatalf("ticket #1 after /dong: %s", closed.Status)
	}

	rows := h.groupPress(officerID, buttonOf(t, p, "Gửi"))
	want := "Phiếu #1 đã được cán bộ trên Telegram đóng (Đã gọi điện hướng dẫn) sau khi anh/chị soạn câu trả lời, " +
		"nên chưa gửi gì cho người dân. Nếu vẫn cần trả lời, dùng /molai 1 rồi soạn lại."
	if got := replies(rows); len(got) != 1 || got[0].ChatID != officerChat || got[0].Text != want {
		t.Fatalf("Gửi after the close: %+v\nwant only %q", got, want)
	}
	tk := h.ticket(1)
	if tk.Status != bot.StatusClosed || tk.Resolution != "Đã gọi điện hướng dẫn" || tk.Closed != closed.Closed ||
		len(tk.Thread) != len(closed.Thread) || len(officerAnswers(h, 1)) != 0 {
		t.Errorf("ticket #1 changed: %+v", tk)
	}
	if a := auditActions(t, h, 1); len(a) != 1 || a[0] != "close" {
		t.Errorf("audit of #1 = %q, want only the close", a)
	}
	// A new preview of a closed ticket is refused: reopening is explicit.
	if got := one(t, h.groupText(officerID, "/traloi 1 "+answer, "")); got.Text !=
		"Phiếu #1 đã đóng hoặc đã xóa nội dung. Dùng /molai 1 nếu cần mở lại." {
		t.Errorf("/traloi on the closed ticket: %q", got.Text)
	}
	h.groupText(officerID, "/molai 1", "")
	p = wantPreview(t, h.groupText(officerID, "/traloi 1 "+answer, ""), 1, answer)
	if got := to(h.groupPress(officerID, buttonOf(t, p, "Gửi")), "42"); len(got) != 1 || got[0].Text != answerText(1, answer) {
		t.Errorf("after /molai the citizen got %+v", got)
	}

	// Taken by another officer since the preview: the same, nothing sent.
	h.citizenAsks("43", "Ông Ba", "tôi hỏi về vay vốn làm nhà")
	p = wantPreview(t, h.groupText(officer2ID, "/traloi 2 Ông mang sổ hộ khẩu lên xã ạ.", ""), 2, "Ông mang sổ hộ khẩu lên xã ạ.")
	h.groupText(officerID, "/nhan 2", "")
	before := h.ticket(2)
	want = "Phiếu #2 đã được cán bộ trên Telegram nhận xử lý sau khi anh/chị soạn câu trả lời, " +
		`nên chưa gửi gì cho người dân. Nếu vẫn cần trả lời, bấm "Trả lời" để soạn lại.`
	if got := replies(h.groupPress(officer2ID, buttonOf(t, p, "Gửi"))); len(got) != 1 || got[0].Text != want {
		t.Errorf("Gửi after another officer took the ticket: %+v\nwant only %q", got, want)
	}
	if tk := h.ticket(2); len(tk.Thread) != len(before.Thread) || tk.Status != bot.StatusAssigned ||
		tk.Assignee != "telegram:"+officerID || len(officerAnswers(h, 2)) != 0 {
		t.Errorf("ticket #2 changed: %+v", tk)
	}
}

// TestConsoleAnswerToClosedTicket: the console's send form follows the
// same rule: a closed ticket is reopened first, never by an answer.
func TestConsoleAnswerToClosedTicket(t *testing.T) {
	h := newTwoOfficerHarness(t)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	h.groupPress(officer2ID, previewButton(t, h.groupText(officer2ID, "/dong 1 Đã gọi điện hướng dẫn", ""), "Vẫn đóng"))
	msg, changed, err := h.eng.Act(context.Background(), bot.ConsoleAction{Officer: "telegram:" + officerID, Key: "k1",
		Verb: bot.VerbReply, ID: 1, Text: "Mời bà lên xã ạ."})
	if err != nil || changed || msg != "Phiếu #1 đã đóng hoặc đã xóa nội dung. Dùng /molai 1 nếu cần mở lại." {
		t.Errorf("console reply to a closed ticket: %q, %v, %v", msg, changed, err)
	}
	if rows := h.drain(); len(rows) != 0 {
		t.Errorf("rows enqueued: %+v", rows)
	}
	if tk := h.ticket(1); tk.Status != bot.StatusClosed || len(officerAnswers(h, 1)) != 0 {
		t.Errorf("ticket #1: %s, answers %q", tk.Status, officerAnswers(h, 1))
	}
}
