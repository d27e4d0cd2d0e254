package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestRefusedDateKeepsWaiting: a date or day the bot refuses leaves the
// reminder waiting for it, with what was known, and the corrected answer
// sets it. Until session 65 the wait ended with the refusal: "28/2/2027"
// after "31/02/2027" got "tôi chưa hiểu rõ câu hỏi" and nothing was set,
// and "ngày 25" after "ngày 35" asked what to remind of on 25/12, a
// one-off, the loan forgotten; "1" after "không nhớ" was its reply's
// first button.
func TestRefusedDateKeepsWaiting(t *testing.T) {
	for _, tc := range []struct {
		ask, bad, refusal, good string
		want                    bot.Reminder
		confirm                 string
	}{
		{"nhắc tôi thẻ bảo hiểm hết hạn", "31/02/2027", "Tháng 2 năm 2027 không có ngày 31. Ông/bà kiểm tra lại ngày giúp.", "28/2/2027",
			bot.Reminder{Type: bot.ReminderBHYTExpiry, Expiry: at("2027-02-28 00:00"), Text: cardText},
			"Đã đặt lời nhắc #1: 8 giờ sáng ngày 29/01/2027 và 21/02/2027, 30 ngày và 7 ngày trước khi thẻ hết hạn (28/02/2027)" + cardSet},
		{"nhắc tôi thẻ bảo hiểm hết hạn", "31/11/2027", "Tháng 11 năm 2027 không có ngày 31. Ông/bà kiểm tra lại ngày giúp.", "30/11/2027",
			bot.Reminder{Type: bot.ReminderBHYTExpiry, Expiry: at("2027-11-30 00:00"), Text: cardText},
			"Đã đặt lời nhắc #1: 8 giờ sáng ngày 31/10/2027 và 23/11/2027, 30 ngày và 7 ngày trước khi thẻ hết hạn (30/11/2027)" + cardSet},
		{"nhắc tôi đóng tiền vay", "ngày 35", "Không tháng nào có ngày 35. Ông/bà gõ một số từ 1 đến 31, ví dụ: 15", "ngày 25",
			bot.Reminder{Type: bot.ReminderLoanDay, Day: 25, Text: "Hôm nay là ngày đóng lãi, trả nợ vay Ngân hàng Chính sách xã hội."},
			fmt.Sprintf(loanSetText, 25)},
		{"nhắc tôi đóng tiền vay", "không nhớ", remindNotUnderstood + " Ví dụ: \"ngày 15 hằng tháng\", \"31/12/2026\", \"8 giờ sáng mai\".", "1",
			bot.Reminder{Type: bot.ReminderLoanDay, Day: 1, Text: "Hôm nay là ngày đóng lãi, trả nợ vay Ngân hàng Chính sách xã hội."},
			fmt.Sprintf(loanSetText, 1)},
	} {
		t.Run(tc.ask+" "+tc.bad, func(t *testing.T) {
			h := newHarness(t)
			one(t, h.say(tc.ask))
			// No buttons: "1" next is the 1st, not a button's number.
			if got := one(t, h.say(tc.bad)); got.Text != tc.refusal || len(got.Buttons) != 0 {
				t.Errorf("%q: reply %q %v, want %q and no buttons", tc.bad, got.Text, buttonData(got), tc.refusal)
			}
			if got := one(t, h.say(tc.good)); got.Text != tc.confirm {
				t.Errorf("%q after the refusal:\n%s\nwant:\n%s", tc.good, got.Text, tc.confirm)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != tc.want.Type || r.Day != tc.want.Day || !r.Expiry.Equal(tc.want.Expiry) || r.Text != tc.want.Text || !r.Active() {
				t.Errorf("reminder = %+v, %v; want %+v", r, err, tc.want)
			}
			if a := h.user42().Dialog.Awaiting; a != "" {
				t.Errorf("still awaiting %q once set", a)
			}
		})
	}
}

// TestStopEndsReminderWait: /stop typed while the bot waits for the loan's
// day ends the wait, as "thôi" does; the day typed next sets nothing, and
// the citizen stays stopped. Until session 65 "ngày 15" set the reminder
// and silently turned every automatic message back on.
func TestStopEndsReminderWait(t *testing.T) {
	h := newHarness(t)
	one(t, h.say("nhắc tôi đóng tiền vay"))
	if got := one(t, h.say("/stop")); !strings.HasPrefix(got.Text, "Ông/bà đã dừng nhận tin nhắn tự động") {
		t.Fatalf("/stop = %q", got.Text)
	}
	if u := h.user42(); !u.Stopped || u.Dialog.Awaiting != "" {
		t.Fatalf("after /stop: stopped %v, awaiting %q", u.Stopped, u.Dialog.Awaiting)
	}
	if got := lastReply(t, h.say("ngày 15")); strings.HasPrefix(got.Text, "Đã đặt lời nhắc") {
		t.Errorf("a day after /stop set a reminder: %q", got.Text)
	}
	if _, err := h.st.Reminder(1); err == nil {
		t.Error("a reminder was saved after /stop")
	}
	if !h.user42().Stopped {
		t.Error("the day after /stop turned automatic messages back on")
	}
}

// TestReminderAfterStopSaysMessagesOn: a reminder asked for after /stop is
// set and turns automatic messages back on, broadcasts too (one switch, as
// /start), and the confirmation now says so in one line; a topic
// subscribed to after /stop says it too. Without /stop the confirmation
// is as before.
func TestReminderAfterStopSaysMessagesOn(t *testing.T) {
	h := newHarness(t)
	h.say("/stop")
	got := one(t, h.say("nhắc tôi ngày 15 hằng tháng đóng lãi"))
	want := "Đã đặt lời nhắc #1: 8 giờ sáng ngày 15 hằng tháng — đóng lãi.\nTôi đã bật lại tin nhắn tự động cho ông/bà (cả thông báo chung).\nGõ /stop để dừng mọi tin nhắn tự động."
	if got.Text != want {
		t.Errorf("reminder after /stop:\n%s\nwant:\n%s", got.Text, want)
	}
	if r, err := h.st.Reminder(1); err != nil || r.Type != bot.ReminderLoanDay || r.Day != 15 || r.Text != "đóng lãi" || !r.Active() {
		t.Errorf("reminder = %+v, %v", r, err)
	}
	if h.user42().Stopped {
		t.Error("still stopped with a reminder set")
	}
	// Messages are on now: the next reminder's confirmation is as ever.
	if got := one(t, h.say("nhắc tôi ngày 20 hằng tháng nộp tiền điện")); got.Text != "Đã đặt lời nhắc #2: 8 giờ sáng ngày 20 hằng tháng — nộp tiền điện.\nGõ /stop để dừng mọi tin nhắn tự động." {
		t.Errorf("second reminder = %q", got.Text)
	}

	h = newHarness(t)
	h.say("/stop")
	subs := one(t, h.press("sub:loan"))
	if want := "Tôi đã bật lại tin nhắn tự động cho ông/bà (cả thông báo chung).\nĐang nhận thông báo về: vay vốn ưu đãi. Bấm để thêm hoặc bỏ:"; subs.Text != want {
		t.Errorf("subscription after /stop = %q, want %q", subs.Text, want)
	}
	if u := h.user42(); u.Stopped || !u.Subscribed("loan") {
		t.Errorf("after subscribing: stopped %v, subscriptions %v", u.Stopped, u.Subscriptions)
	}
}

// TestCardOwnerNamed: a card the message says is a relative's ("thẻ bhyt
// của mẹ tôi") is named so in the reply and in the reminder; until
// session 65 the bot said "Thẻ bảo hiểm y tế của ông/bà còn 24 ngày", the
// mother's card taken for the citizen's. The citizen's own card, and one
// whose owner is not named, read as before; the mother's card and the
// citizen's, expiring the same day, are two reminders.
func TestCardOwnerNamed(t *testing.T) {
	const soon = " còn 24 ngày nữa là hết hạn (31/12/2026)." + renewNow +
		"Đã đặt lời nhắc #%d: 8 giờ sáng ngày 24/12/2026, 7 ngày trước khi thẻ hết hạn (31/12/2026) — %s\nGõ /stop để dừng mọi tin nhắn tự động."
	h := newHarness(t)
	h.now = at("2026-12-07 10:00")
	mother := "Thẻ bảo hiểm y tế của mẹ ông/bà sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn."
	for _, tc := range []struct {
		say, lead, text string
		id              uint64
	}{
		{"thẻ bhyt của mẹ tôi hết hạn 31/12/2026", "Thẻ bảo hiểm y tế của mẹ ông/bà", mother, 1},
		{"thẻ bhyt của tôi hết hạn 31/12/2026", "Thẻ bảo hiểm y tế của ông/bà", cardText, 2},
		{"nhac toi the bhyt cua bo toi het han 31/12/2026", "Thẻ bảo hiểm y tế của bố ông/bà",
			"Thẻ bảo hiểm y tế của bố ông/bà sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn.", 3},
	} {
		got := one(t, h.say(tc.say))
		if want := tc.lead + fmt.Sprintf(soon, tc.id, tc.text); got.Text != want {
			t.Errorf("%q:\n%s\nwant:\n%s", tc.say, got.Text, want)
		}
		r, err := h.st.Reminder(tc.id)
		if err != nil || r.Type != bot.ReminderBHYTExpiry || !r.Expiry.Equal(at("2026-12-31 00:00")) || r.Text != tc.text {
			t.Errorf("%q: reminder = %+v, %v", tc.say, r, err)
		}
	}
	// The mother's card told again is the same reminder.
	if got := one(t, h.say("the bhyt cua me toi het han 31/12/2026")); !strings.Contains(got.Text, "Ông/bà đã có lời nhắc này rồi") || !strings.Contains(got.Text, "#1:") {
		t.Errorf("the mother's card again = %q", got.Text)
	}
	// Expired: the renewal steps, for the mother's card.
	if got := lastReply(t, h.say("thẻ bhyt của mẹ tôi hết hạn rồi, nhắc tôi gia hạn")); !strings.HasPrefix(got.Text, "Thẻ bảo hiểm y tế của mẹ ông/bà đã hết hạn nên tôi không đặt lời nhắc.") {
		t.Errorf("the mother's expired card = %q", got.Text)
	}

	// Named in the request, the owner stays through the date's question.
	h = newHarness(t)
	if q := one(t, h.say("nhắc tôi thẻ bhyt của bà nội hết hạn")); q.Text != askExpiryText {
		t.Fatalf("ask = %q", q.Text)
	}
	one(t, h.say("31/11/2027"))
	grandma := "Thẻ bảo hiểm y tế của bà nội ông/bà sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn."
	if got := one(t, h.say("30/11/2027")); !strings.HasSuffix(got.Text, " — "+grandma+"\nGõ /stop để dừng mọi tin nhắn tự động.") {
		t.Errorf("grandmother's card = %q", got.Text)
	}
	if r, err := h.st.Reminder(1); err != nil || r.Text != grandma || !r.Expiry.Equal(at("2027-11-30 00:00")) {
		t.Errorf("reminder = %+v, %v", r, err)
	}

	// Asked about with its date, the card's button keeps its owner.
	h = newHarness(t)
	q := lastReply(t, h.say("thẻ bhyt của con gái tôi hết hạn ngày 30/12, năm sau có thẻ mới không"))
	if !hasButton(q, "rm:bhyt:2026-12-30:con gái ông/bà") {
		t.Fatalf("buttons = %v", buttonData(q))
	}
	one(t, h.press("rm:bhyt:2026-12-30:con gái ông/bà"))
	if r, err := h.st.Reminder(1); err != nil || !strings.HasPrefix(r.Text, "Thẻ bảo hiểm y tế của con gái ông/bà sắp hết hạn") {
		t.Errorf("reminder from the button = %+v, %v", r, err)
	}
	// Data the bot did not write sets nothing.
	h.press("rm:bhyt:2026-12-30:hàng xóm")
	if _, err := h.st.Reminder(2); err == nil {
		t.Error("a forged owner set a reminder")
	}
}
