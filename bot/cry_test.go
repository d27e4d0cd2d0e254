package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestCryAloneIsUrgent: a bare cry for help ("cứu", "CỨUUU!!!", 🆘) gets
// every emergency number first and an urgent request, never an ordinary
// one with office hours (until session 65, chat filed "cứu" as a normal
// request: "… đến bộ phận một cửa … trong giờ hành chính").
func TestCryAloneIsUrgent(t *testing.T) {
	for _, msg := range []string{"cứu", "cuu", "CỨUUU!!!", "🆘🆘🆘"} {
		h := newOfficerHarness(t)
		var rs []bot.Delivery
		for _, r := range replies(h.say(msg)) {
			if r.ChatID != officerChat {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 || !strings.HasPrefix(rs[0].Text, "Có người đang gặp nguy hiểm, ông/bà gọi ngay:\n- 115") {
			t.Errorf("%q: first reply %q, want the emergency numbers first", msg, first(rs))
			continue
		}
		if tk := h.ticket(1); tk.Priority != bot.PriorityUrgent {
			t.Errorf("%q: request #1 is %q, want urgent", msg, tk.Priority)
		}
	}
}

func first(rs []bot.Delivery) string {
	if len(rs) == 0 {
		return ""
	}
	return rs[0].Text
}
