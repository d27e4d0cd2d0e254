package bot_test

import (
	"slices"
	"strings"
	"testing"
)

// TestScamWarnedFirstWhateverTheBotWaitsFor: "họ gọi từ số 09… bảo tôi lên
// xã nhận tiền hỗ trợ, phải chuyển phí trước" tells of a swindle (a
// caller's number, a fee asked first): the citizen gets the warning in a
// fresh chat, with a request open, while the bot waits for a request's
// matter (the warning leads the request's confirmation, the caller's
// number is no callback) and while it waits for a reminder's day. Until
// session 69 none of them got it: the words were not read as a swindle,
// and a matter or a day awaited took the message before the warning.
func TestScamWarnedFirstWhateverTheBotWaitsFor(t *testing.T) {
	const msg = "họ gọi từ số 0912 345 678 bảo tôi lên xã nhận tiền hỗ trợ, phải chuyển phí trước"
	const unmarked = "ho goi tu so 0912345678 bao toi len xa nhan tien ho tro, phai chuyen phi truoc"
	warned := func(name string, got string, buttons []string, wantButtons []string) {
		t.Helper()
		if !strings.HasPrefix(got, warningStart) || !strings.Contains(got, "gọi 113") {
			t.Errorf("%s: %.120q…, want the swindle warning first", name, got)
		}
		if wantButtons != nil && !slices.Equal(buttons, wantButtons) {
			t.Errorf("%s: buttons %v, want %v", name, buttons, wantButtons)
		}
	}

	for _, m := range []string{msg, unmarked} {
		h := newHarness(t)
		got := lastReply(t, h.say(m))
		warned("fresh chat "+m, got.Text, buttonData(got), []string{"o", "m"})
	}

	// A request open: the warning, and the message in its thread.
	h := newHarness(t)
	h.say("gặp cán bộ")
	h.say("tiền điện quý này sao chưa nhận")
	got := lastReply(t, h.say(msg))
	warned("request open", got.Text, buttonData(got), []string{"o", "m"})
	if th := h.ticket(1).Thread; th[len(th)-1].Text != msg {
		t.Errorf("request open: thread ends %+v, want the message", th[len(th)-1])
	}

	// Told as the matter of a request: the warning leads the request's
	// confirmation; the caller's number is not the callback.
	h = newHarness(t)
	h.say("gặp cán bộ")
	got = lastReply(t, h.say(msg))
	warned("as the matter", got.Text, nil, nil)
	if !strings.Contains(got.Text, "\n\nTôi đã ghi lại yêu cầu của ông/bà (số #1)") {
		t.Errorf("as the matter: %q, want the request #1 confirmed after the warning", got.Text)
	}
	if tk := h.ticket(1); tk.Question != msg || tk.Phone != "" {
		t.Errorf("as the matter: question %q, Phone %q; want the message and no callback", tk.Question, tk.Phone)
	}

	// While the bot waits for a reminder's day: the warning, and the
	// wait ends (a question instead of the day ends it too).
	h = newHarness(t)
	h.say("nhắc tôi đóng tiền vay")
	got = lastReply(t, h.say(msg))
	warned("a day awaited", got.Text, buttonData(got), []string{"o", "m"})
	if got := lastReply(t, h.say("15")); strings.HasPrefix(got.Text, "Đã đặt lời nhắc") {
		t.Errorf("\"15\" after the warning set a reminder: %q", got.Text)
	}
}
