package bot_test

import (
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestOwnBadDateKeepsWaiting: a card's reminder asked with a date the
// calendar does not have in the same message is refused without buttons
// and waits for the date, with the card's owner, as when the date comes
// after the question (TestRefusedDateKeepsWaiting). Before, the refusal
// ended the request: it had buttons ("1" pressed "Nhắc lịch") and
// "28/02/2027" next got "tôi chưa hiểu rõ câu hỏi", nothing set.
func TestOwnBadDateKeepsWaiting(t *testing.T) {
	for _, tc := range []struct{ ask, text string }{
		{"nhắc tôi thẻ bhyt hết hạn 31/02/2027", cardText},
		{"nhắc tôi thẻ bhyt của mẹ tôi hết hạn 31/02/2027", "Thẻ bảo hiểm y tế của mẹ ông/bà sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn."},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			const refusal = "Tháng 2 năm 2027 không có ngày 31. Ông/bà kiểm tra lại ngày giúp."
			if got := one(t, h.say(tc.ask)); got.Text != refusal || len(got.Buttons) != 0 {
				t.Errorf("reply %q %v, want %q and no buttons", got.Text, buttonData(got), refusal)
			}
			want := "Đã đặt lời nhắc #1: 8 giờ sáng ngày 29/01/2027 và 21/02/2027, 30 ngày và 7 ngày trước khi thẻ hết hạn (28/02/2027) — " + tc.text + "\nGõ /stop để dừng mọi tin nhắn tự động."
			if got := one(t, h.say("28/02/2027")); got.Text != want {
				t.Errorf("the date after the refusal:\n%s\nwant:\n%s", got.Text, want)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != bot.ReminderBHYTExpiry || !r.Expiry.Equal(at("2027-02-28 00:00")) || r.Text != tc.text {
				t.Errorf("reminder = %+v, %v", r, err)
			}
		})
	}
}

// TestThanksEndsReminderWait: "ok", "cảm ơn", "vâng ạ" or 👍 sent while a
// reminder waits for its day ends the wait with one line saying the
// reminder is not set and how to set it later; "15" next is no loan day.
// Before, each got "tôi chưa hiểu thời gian cần nhắc" and the wait went
// on, so the citizen who thought it done was asked again and again.
func TestThanksEndsReminderWait(t *testing.T) {
	const ended = "Dạ. Lời nhắc này chưa được đặt. Khi cần, ông/bà bấm «Nhắc lịch» hoặc gõ /nhac."
	for _, ask := range []string{"nhắc tôi đóng tiền vay", "nhắc tôi thẻ bảo hiểm hết hạn"} {
		for _, said := range []string{"ok", "cảm ơn", "cam on ban nhieu nhe", "vâng ạ", "👍"} {
			t.Run(ask+" "+said, func(t *testing.T) {
				h := newHarness(t)
				one(t, h.say(ask))
				got := one(t, h.say(said))
				if got.Text != ended || len(got.Buttons) != 2 || got.Buttons[0].Data != "t:reminders" {
					t.Errorf("reply %q %v, want %q with Nhắc lịch first", got.Text, buttonData(got), ended)
				}
				if a := h.user42().Dialog.Awaiting; a != "" {
					t.Errorf("still awaiting %q", a)
				}
				h.say("15")
				if r, err := h.st.Reminder(1); err == nil {
					t.Errorf("reminder set after the wait ended: %+v", r)
				}
			})
		}
	}
}
