package content

import (
	"strings"
	"testing"
)

// TestOfficeHoursAndKindWords: asking for the commune office's hours or
// address gets officer-office-hours (it says the bot holds no hours and
// where to find them, never a time); an apology for asking much or a
// compliment gets a short small-talk reply that invites the next question.
// The messages are written for this test, not taken from a test set.
func TestOfficeHoursAndKindWords(t *testing.T) {
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-07")
	for _, c := range []struct{ text, id, lead string }{
		{"uy ban xa minh lam viec may gio vay", "officer-office-hours", "Tôi chưa có giờ làm việc và địa chỉ của từng UBND xã/phường."},
		{"thứ 7 phường có làm việc không ạ", "officer-office-hours", "Tôi chưa có giờ làm việc và địa chỉ của từng UBND xã/phường."},
		{"bo phan mot cua xa nam o dau a", "officer-office-hours", "Tôi chưa có giờ làm việc và địa chỉ của từng UBND xã/phường."},
		{"sorry ad, em hỏi nhiều quá", "chat-apology", "Dạ, ông/bà không làm phiền gì đâu ạ."},
		{"xin lỗi đã làm phiền cháu nhé", "chat-apology", "Dạ, ông/bà không làm phiền gì đâu ạ."},
		{"ad dễ thương ghê", "chat-compliment", "Dạ, cảm ơn ông/bà đã khen ạ!"},
		{"bot gioi qua", "chat-compliment", "Dạ, cảm ơn ông/bà đã khen ạ!"},
	} {
		r := kb.Match(c.text, day)
		if r.Entry == nil || r.Entry.ID != c.id {
			got := ""
			if r.Entry != nil {
				got = r.Entry.ID
			}
			t.Errorf("%q: %s %q, want %s", c.text, r.Topic, got, c.id)
			continue
		}
		if !strings.HasPrefix(r.Entry.Answer, c.lead) {
			t.Errorf("%q: answer %q, want it to lead with %q", c.text, r.Entry.Answer, c.lead)
		}
	}
}
