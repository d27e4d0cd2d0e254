package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
)

// TestExactTimeIsKeptInQuietHours: "nhắc tôi 21h05 uống thuốc huyết áp"
// set at 20:00 is due at 21:05 to the citizen's chat although quiet hours
// start at 21:00; a reminder at a time the bot chose ("đêm nay", 21:00)
// waits until 07:00.
func TestExactTimeIsKeptInQuietHours(t *testing.T) {
	h := newHarness(t)
	h.now = at("2026-11-27 20:00")
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: mustKB(t), Location: hcm, Quiet: quiet, Now: func() time.Time { return h.now }})
	if set := one(t, h.say("nhắc tôi 21h05 uống thuốc huyết áp")); !strings.Contains(set.Text, "21:05 ngày 27/11/2026") {
		t.Fatalf("confirmation = %q", set.Text)
	}
	if set := one(t, h.say("nhắc tôi đêm nay khóa cửa chuồng gà")); !strings.Contains(set.Text, "sẽ đến lúc 07:00 ngày 28/11/2026") {
		t.Errorf("confirmation of a bot-chosen night time = %q", set.Text)
	}
	sch := remind.NewScheduler(remind.Config{Store: h.st, Location: hcm, Quiet: quiet})
	for _, tick := range []string{"2026-11-27 21:00", "2026-11-27 21:05"} {
		if _, err := sch.SendDue(context.Background(), at(tick)); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := h.st.Due(at("2026-11-27 21:05"), 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].ChatID != "42" || rows[0].Kind != bot.KindReminder || rows[0].Text != "⏰ Nhắc lịch: uống thuốc huyết áp" {
		t.Fatalf("rows due at 21:05 = %+v, want the blood-pressure reminder to chat 42", rows)
	}
	if later, _ := h.st.Due(at("2026-11-28 06:59"), 10, nil); len(later) != 1 {
		t.Errorf("the bot-chosen night reminder is due before 07:00: %+v", later)
	}
	if morning, _ := h.st.Due(at("2026-11-28 07:00"), 10, nil); len(morning) != 2 || !strings.Contains(morning[1].Text, "khóa cửa chuồng gà") {
		t.Errorf("rows due at 07:00 = %+v", morning)
	}
}
