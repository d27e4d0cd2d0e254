package bot_test

import (
	"testing"
)

// TestSmallTalkSadAndCross: tears alone get a caring line and the offer
// of an officer, a cross word at the bot an apology and how to ask. Until
// session 66 "😭😭😭" got "Dạ, tôi đã nhận được ạ" and "bot ngu quá" the
// goodbye (tester q1).
func TestSmallTalkSadAndCross(t *testing.T) {
	for msg, want := range map[string]string{
		"😭😭😭":         "Dạ, tôi rất tiếc thấy ông/bà đang buồn. Ông/bà gặp chuyện gì, cứ nhắn cho tôi, tôi sẽ cố gắng giúp. Muốn cán bộ xã liên lạc, ông/bà bấm \"Gặp cán bộ\".",
		"bot ngu quá": "Xin lỗi ông/bà, tôi chưa giúp được như ý. Ông/bà thử hỏi lại ngắn gọn hơn, ví dụ \"hộ cận nghèo có được vay vốn không\", hoặc bấm \"Gặp cán bộ\" để hỏi cán bộ xã.",
		"👍":           "Dạ, tôi đã nhận được ạ. Ông/bà cần hỏi gì, cứ nhắn cho tôi.",
		// A sad face typed and an angry emoji (QA 72 #14).
		":(":   "Dạ, tôi rất tiếc thấy ông/bà đang buồn. Ông/bà gặp chuyện gì, cứ nhắn cho tôi, tôi sẽ cố gắng giúp. Muốn cán bộ xã liên lạc, ông/bà bấm \"Gặp cán bộ\".",
		":'((": "Dạ, tôi rất tiếc thấy ông/bà đang buồn. Ông/bà gặp chuyện gì, cứ nhắn cho tôi, tôi sẽ cố gắng giúp. Muốn cán bộ xã liên lạc, ông/bà bấm \"Gặp cán bộ\".",
		"😡😡":   "Xin lỗi ông/bà, tôi chưa giúp được như ý. Ông/bà thử hỏi lại ngắn gọn hơn, ví dụ \"hộ cận nghèo có được vay vốn không\", hoặc bấm \"Gặp cán bộ\" để hỏi cán bộ xã.",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(msg))
		if got.Text != want {
			t.Errorf("%q: %q, want %q", msg, got.Text, want)
		}
		if msg != "👍" && !hasButton(got, "o") {
			t.Errorf("%q: buttons %+v, want «Gặp cán bộ»", msg, got.Buttons)
		}
	}
}

// TestAckAfterReminderSet: "ok", "dc", "ừ" right after a reminder is set
// get a short line, not the general one about papers to bring to the
// commune (tester q2, c12, c13, c64).
func TestAckAfterReminderSet(t *testing.T) {
	for _, msg := range []string{"ok", "dc", "ừ"} {
		h := newHarness(t)
		lastReply(t, h.say("nhắc tôi ngày 10 hàng tháng đóng lãi ngân hàng chính sách"))
		got := lastReply(t, h.say(msg))
		if got.Text != "Dạ vâng ạ. Ông/bà cần hỏi gì thêm, cứ nhắn cho tôi." {
			t.Errorf("%q after a reminder: %q", msg, got.Text)
		}
		if !hasButton(got, "rm:list") {
			t.Errorf("%q: buttons %+v, want «Xem, hủy lời nhắc»", msg, got.Buttons)
		}
	}
}
