package bot_test

import (
	"testing"

	"github.com/bacninh/ansinh/bot"
)

const (
	wantWasSent      = "Câu trả lời này đã gửi cho người dân (phiếu #1); bấm lại không gửi thêm gì."
	wantWasCancelled = "Bản nháp này đã hủy, người dân không nhận được gì (phiếu #1); bấm lại không thay đổi gì."
)

// TestEndedPreviewButtonsSayWhatHappened: the buttons of a preview already
// sent or cancelled stay on the officer's screen. Pressed again, each says
// "đã gửi" or "đã hủy" and changes nothing: no second answer, no new draft,
// and no "the citizen got nothing" under an answer that went (before
// session 61, "Hủy" under a sent preview said so). It holds after newer
// drafts too.
func TestEndedPreviewButtonsSayWhatHappened(t *testing.T) {
	h := newTwoOfficerHarness(t)
	ann := h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	const answer = "Mời bà mang sổ hộ khẩu lên xã sáng thứ Hai ạ."
	sent := wantPreview(t, h.groupText(officerID, answer, ann), 1, answer)
	if got := to(h.groupPress(officerID, buttonOf(t, sent, "Gửi")), "42"); len(got) != 1 || got[0].Text != answerText(1, answer) {
		t.Fatalf("Gửi: the citizen got %+v", got)
	}
	before := h.ticket(1)

	// A second draft, cancelled.
	const second = "Bà chờ cán bộ gọi lại nhé."
	cancelled := wantPreview(t, h.groupText(officerID, second, ann), 1, second)
	if got := one(t, h.groupPress(officerID, buttonOf(t, cancelled, "Hủy"))); got.Text != "Đã hủy. Người dân không nhận được gì (phiếu #1)." {
		t.Fatalf("Hủy = %q", got.Text)
	}

	for _, c := range []struct {
		preview bot.Delivery
		label   string
		want    string
	}{
		{sent, "Gửi", wantWasSent}, {sent, "Hủy", wantWasSent}, {sent, "Sửa", wantWasSent},
		{cancelled, "Gửi", wantWasCancelled}, {cancelled, "Sửa", wantWasCancelled}, {cancelled, "Hủy", wantWasCancelled},
	} {
		rows := h.groupPress(officerID, buttonOf(t, c.preview, c.label))
		got := one(t, rows)
		if got.ChatID != officerChat || got.Text != c.want || len(got.Buttons) != 0 {
			t.Errorf("%s under the %s preview: %q to %s %v, want %q", c.label, map[bool]string{true: "sent", false: "cancelled"}[c.preview.ID == sent.ID], got.Text, got.ChatID, got.Buttons, c.want)
		}
		if n := len(to(rows, "42")); n != 0 {
			t.Errorf("%s pressed again: the citizen got %d messages", c.label, n)
		}
	}
	after := h.ticket(1)
	if len(after.Thread) != len(before.Thread) || after.Status != before.Status || len(officerAnswers(h, 1)) != 1 {
		t.Errorf("ticket changed: thread %d → %d items, status %s → %s, answers %q", len(before.Thread), len(after.Thread), before.Status, after.Status, officerAnswers(h, 1))
	}
	// Nothing is waiting for the officer's text: a message is not a draft.
	if rows := h.groupText(officerID, "ok", ""); len(to(rows, "42")) != 0 {
		t.Errorf("a message after the presses reached the citizen: %+v", to(rows, "42"))
	}
	// Another officer pressing them gets no one else's outcome: the
	// usual "no draft of yours".
	if got := one(t, h.groupPress(officer2ID, buttonOf(t, sent, "Gửi"))); got.Text != "Không có câu trả lời nháp nào của anh/chị cho phiếu #1 trong cuộc trò chuyện này; chưa gửi gì cho người dân." {
		t.Errorf("another officer's Gửi = %q", got.Text)
	}
}
