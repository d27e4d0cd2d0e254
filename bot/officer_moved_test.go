package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestMovedOfficerChatStaysOne: after the officers' group moved to a new id
// (a Telegram supergroup, Engine.ChatMoved), what an officer does there is
// not echoed to the old id, which is the same group; before, the answer
// came back as "✅ Phiếu #1 đã được … trả lời riêng".
func TestMovedOfficerChatStaysOne(t *testing.T) {
	const superGroup = "-100999"
	h := newTwoOfficerHarness(t)
	h.eng.ChatMoved(bot.ChannelTelegram, officerChat, superGroup)
	h.citizenAsks("42", "Bà Lan", "nhà tôi cần hỏi về sổ hộ nghèo")
	in := func(user, text, data string) []bot.Delivery {
		h.seq++
		u := bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: superGroup, UserID: user,
			IsGroup: true, Addressed: true, Text: text, Data: data}
		if data != "" {
			u.CallbackID = fmt.Sprint("cb", h.seq)
		}
		return h.handle(u)
	}
	preview := to(in(officerID, "/traloi 1 Mời bà lên xã.", ""), superGroup)
	if len(preview) != 1 {
		t.Fatalf("preview %+v", preview)
	}
	rows := in(officerID, "", buttonOf(t, preview[0], "Gửi"))
	if got := to(rows, "42"); len(got) != 1 {
		t.Fatalf("the citizen got %+v", got)
	}
	for _, r := range replies(rows) {
		if strings.HasPrefix(r.Text, "✅") {
			t.Errorf("the answer was echoed to %s: %q", r.ChatID, r.Text)
		}
	}
	rows = in(officerID, "/dong 1 Đã hướng dẫn người dân", "")
	if got := replies(rows); len(got) != 1 || got[0].ChatID != superGroup || got[0].Text != "Đã đóng phiếu #1." {
		t.Errorf("/dong in the moved group: %+v, want only \"Đã đóng phiếu #1.\" there", got)
	}
}
