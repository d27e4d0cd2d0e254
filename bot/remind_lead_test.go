package bot_test

import "testing"

// TestCardReminderLeadAsked: right after a card's reminder was set, "nhắc
// tôi trước 1 tuần" is confirmed (the 7-day notice is set already) and
// "trước 3 ngày" adds a notice. Until session 70 both got the reminders'
// help and menu (QA #19).
func TestCardReminderLeadAsked(t *testing.T) {
	h := newHarness(t)
	h.say("the bhyt cua toi het han 31/12/2026")
	got := lastReply(t, h.say("nhac toi truoc 1 tuan"))
	if want := "Dạ, lời nhắc #1 đã có lần nhắc trước 7 ngày: 8 giờ sáng ngày 24/12/2026."; got.Text != want {
		t.Errorf("«nhac toi truoc 1 tuan»: %q, want %q", got.Text, want)
	}
	got = lastReply(t, h.say("nhắc thêm trước 3 ngày nhé"))
	if want := "Dạ, tôi đã thêm lần nhắc trước 3 ngày vào lời nhắc #1: 8 giờ sáng ngày 01/12/2026 và 24/12/2026 và 28/12/2026, 30 ngày và 7 ngày và 3 ngày trước khi thẻ hết hạn (31/12/2026)."; got.Text != want {
		t.Errorf("«trước 3 ngày»: %q, want %q", got.Text, want)
	}
	if rs := activeReminders(t, h); len(rs) != 1 || len(rs[0].Leads) != 3 || rs[0].Leads[2] != 3 {
		t.Errorf("reminders %+v, want the card's with leads 30, 7, 3", rs)
	}
}
