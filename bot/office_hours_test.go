package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestOfficeHoursAnswered: asking the commune office's hours gets the
// knowledge base's answer (the bot holds no hours; where to find them) with
// "Gặp cán bộ" offered, and no request is filed unasked. Before, an officer
// topic reading always filed the message as a request.
func TestOfficeHoursAnswered(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("uy ban xa minh lam viec may gio vay"))
	if !strings.HasPrefix(got.Text, "Tôi chưa có giờ làm việc và địa chỉ của từng UBND xã/phường.") {
		t.Errorf("reply %q, want the office-hours answer", got.Text)
	}
	officer := false
	for _, b := range got.Buttons {
		officer = officer || b.Label == "Gặp cán bộ"
	}
	if !officer {
		t.Errorf("buttons %+v, want «Gặp cán bộ»", got.Buttons)
	}
	if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
		t.Errorf("tickets %d (%v), want none", len(tks), err)
	}
}
