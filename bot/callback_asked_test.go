package bot_test

import (
	"testing"
)

// TestBareNumberToAQuestionIsNoCallback: a number typed alone in answer to
// a question of the bot that asks for no phone ("Ông/bà cần hỏi việc
// gì?", "Hộ ông/bà là hộ nghèo, cận nghèo hay mới thoát nghèo?") is not
// given as the citizen's own: it is no callback Phone (until session 69
// it was). "số của tôi là …" still is, and so is a number sent alone to
// an open request when the bot asked nothing.
func TestBareNumberToAQuestionIsNoCallback(t *testing.T) {
	h := newHarness(t)
	h.say("gặp cán bộ")
	if got := lastReply(t, h.say("0912 345 678")); got.Text == "Đã thêm số điện thoại vào yêu cầu #1 để cán bộ gọi lại." {
		t.Errorf("the bare number as the matter: %q", got.Text)
	}
	if tk := h.ticket(1); tk.Phone != "" {
		t.Errorf("Phone %q after a bare number given as the matter, want none", tk.Phone)
	}
	if got := lastReply(t, h.say("số của tôi là 0987 654 321")); got.Text != "Đã thêm số điện thoại vào yêu cầu #1 để cán bộ gọi lại." {
		t.Errorf("the own number: %q", got.Text)
	}
	if tk := h.ticket(1); tk.Phone != "0987654321" {
		t.Errorf("Phone %q, want the number given as the citizen's own", tk.Phone)
	}

	// A request open, the bot asks the household's category, a bare
	// number comes: added to the request, not as the callback.
	h = newHarness(t)
	h.say("gặp cán bộ")
	h.say("tiền điện quý này sao chưa nhận")
	h.say("thẻ bhyt có mất tiền không")
	if got := lastReply(t, h.say("0912345678")); got.Text != "Đã thêm vào yêu cầu #1." {
		t.Errorf("a bare number to the household question: %q, want %q", got.Text, "Đã thêm vào yêu cầu #1.")
	}
	if tk := h.ticket(1); tk.Phone != "" {
		t.Errorf("Phone %q after a bare number to the household question, want none", tk.Phone)
	}
	// Sent alone when the bot asked nothing, it is the callback (as
	// before).
	if got := lastReply(t, h.say("0987 654 321")); got.Text != "Đã thêm số điện thoại vào yêu cầu #1 để cán bộ gọi lại." {
		t.Errorf("a bare number after the bot's reply: %q", got.Text)
	}
	if tk := h.ticket(1); tk.Phone != "0987654321" {
		t.Errorf("Phone %q, want 0987654321", tk.Phone)
	}
}
