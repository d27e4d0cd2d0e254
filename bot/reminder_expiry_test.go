package bot_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
)

// Texts of a card reminder set close to the card's expiry.
const (
	cardText = "Thẻ bảo hiểm y tế sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn."
	// cardSet ends a confirmation: the reminder's text and the /stop line.
	cardSet      = " — Thẻ bảo hiểm y tế sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn.\nGõ /stop để dừng mọi tin nhắn tự động."
	renewNow     = " Ông/bà nên gia hạn ngay: hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội.\n"
	expiresToday = "Thẻ bảo hiểm y tế của ông/bà hết hạn hôm nay (06/12/2026), không còn kịp nhắc trước nên tôi không đặt lời nhắc. Ông/bà làm thủ tục gia hạn ngay:\n\n"
)

// TestCardReminderCloseToExpiry: on 06/12/2026 a card reminder is
// confirmed only for times still ahead. Before, "hết hạn 10/12/2026" was
// confirmed for 30 and 7 days before (10/11 and 03/12, both past), and
// the scheduler, which counts from the reminder's creation, never sent it.
// Now the reply says how many days are left and to renew, and sets what can
// still be sent: the 7-day reminder while it is ahead, else one tomorrow
// at 08:00; a card expiring today gets the renewal steps and no reminder.
func TestCardReminderCloseToExpiry(t *testing.T) {
	for _, tc := range []struct {
		ask   string
		reply string
		leads []int
		sends string // fmtTimes of what the reminder will send
	}{
		{"the bhyt het han 10/12/2026 nhac toi",
			"Thẻ bảo hiểm y tế của ông/bà còn 4 ngày nữa là hết hạn (10/12/2026)." + renewNow +
				"Đã đặt lời nhắc #1: 8 giờ sáng ngày 07/12/2026, 3 ngày trước khi thẻ hết hạn (10/12/2026)" + cardSet,
			[]int{3}, "2026-12-07 08:00;"},
		{"the bhyt het han 20/12/2026 nhac toi",
			"Thẻ bảo hiểm y tế của ông/bà còn 14 ngày nữa là hết hạn (20/12/2026)." + renewNow +
				"Đã đặt lời nhắc #1: 8 giờ sáng ngày 13/12/2026, 7 ngày trước khi thẻ hết hạn (20/12/2026)" + cardSet,
			[]int{7}, "2026-12-13 08:00;"},
		{"thẻ bhyt hết hạn 7/12/2026 nhắc tôi",
			"Thẻ bảo hiểm y tế của ông/bà hết hạn ngày mai (07/12/2026)." + renewNow +
				"Đã đặt lời nhắc #1: 8 giờ sáng ngày 07/12/2026, đúng ngày thẻ hết hạn" + cardSet,
			[]int{0}, "2026-12-07 08:00;"},
		// A month and more ahead, both reminders are set as before, and
		// the confirmation names their days too.
		{"thẻ bhyt hết hạn 31/1/2027 nhắc tôi",
			"Đã đặt lời nhắc #1: 8 giờ sáng ngày 01/01/2027 và 24/01/2027, 30 ngày và 7 ngày trước khi thẻ hết hạn (31/01/2027)" + cardSet,
			nil, "2027-01-01 08:00;2027-01-24 08:00;"},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			h.now = at("2026-12-06 10:00")
			got := one(t, h.say(tc.ask))
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			wantButtons := "rm:list m"
			if tc.leads != nil {
				wantButtons = "e:bhyt-renewal rm:list m"
			}
			if b := strings.Join(buttonData(got), " "); b != wantButtons {
				t.Errorf("buttons = %s, want %s", b, wantButtons)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != bot.ReminderBHYTExpiry || !slices.Equal(r.Leads, tc.leads) || r.Text != cardText {
				t.Fatalf("reminder = %+v, %v; want leads %v", r, err, tc.leads)
			}
			if sends := fmtTimes(r.Occurrences(r.Created, at("2027-12-31 00:00"), hcm, 10)); sends != tc.sends {
				t.Errorf("sends %s, want %s", sends, tc.sends)
			}
		})
	}

	// The scheduler sends what was confirmed, on the day confirmed.
	h := newHarness(t)
	h.now = at("2026-12-06 10:00")
	one(t, h.say("the bhyt het han 10/12/2026 nhac toi"))
	sch := remind.NewScheduler(remind.Config{Store: h.st, Location: hcm, Quiet: quiet})
	if _, err := sch.SendDue(context.Background(), at("2026-12-07 08:00")); err != nil {
		t.Fatal(err)
	}
	rows, err := h.st.Due(at("2026-12-07 08:00"), 10, nil)
	if err != nil || len(rows) != 1 || rows[0].ChatID != "42" || !strings.Contains(rows[0].Text, cardText) {
		t.Errorf("rows due on 07/12 = %+v, %v; want the card reminder to chat 42", rows, err)
	}

	// A card that expires today: the renewal steps, nothing set.
	h = newHarness(t)
	h.now = at("2026-12-06 10:00")
	got := one(t, h.say("thẻ bhyt hết hạn 6/12/2026 nhắc tôi"))
	if !strings.HasPrefix(got.Text, expiresToday+"Thẻ BHYT theo diện hộ nghèo") || !hasButton(got, "o") {
		t.Errorf("expiring today: %q", got.Text)
	}
	if r, err := h.st.Reminder(1); err == nil {
		t.Errorf("a reminder was set for a card expiring today: %+v", r)
	}

	// The menu's question and the date button set the same.
	h = newHarness(t)
	h.now = at("2026-12-06 10:00")
	one(t, h.press("rm:bhyt"))
	if got := one(t, h.say("20/12/2026")); !strings.HasPrefix(got.Text, "Thẻ bảo hiểm y tế của ông/bà còn 14 ngày nữa là hết hạn (20/12/2026).") {
		t.Errorf("answer to the menu's question: %q", got.Text)
	}
	if got := one(t, h.press("rm:bhyt:2026-12-10")); !strings.Contains(got.Text, "Đã đặt lời nhắc #2: 8 giờ sáng ngày 07/12/2026, 3 ngày trước khi thẻ hết hạn (10/12/2026)") {
		t.Errorf("date button: %q", got.Text)
	}
	// The list says the same as the confirmation.
	if got := one(t, h.press("rm:list")); !strings.Contains(got.Text, "#1: 8 giờ sáng ngày 13/12/2026, 7 ngày trước khi thẻ hết hạn (20/12/2026)") {
		t.Errorf("list: %q", got.Text)
	}
	// The renewal answer behind the button gives the next step the reply
	// quotes.
	if got := one(t, h.press("e:bhyt-renewal")); !strings.Contains(got.Text, "hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội") {
		t.Errorf("the renewal answer no longer gives the step the reply quotes: %q", got.Text)
	}
}

// TestLeadsAhead: the reminders a card can still get, by the hour.
func TestLeadsAhead(t *testing.T) {
	for _, tc := range []struct {
		expiry, now string
		want        []int
	}{
		{"2027-01-31", "2026-12-06 10:00", []int{30, 7}},
		{"2027-01-05", "2026-12-06 07:59", []int{30, 7}}, // 30 days before is today, 08:00
		{"2027-01-05", "2026-12-06 08:00", []int{7}},
		{"2026-12-13", "2026-12-06 07:00", []int{7}},
		{"2026-12-13", "2026-12-06 10:00", []int{6}}, // tomorrow
		{"2026-12-07", "2026-12-06 23:00", []int{0}},
		{"2026-12-06", "2026-12-06 00:00", nil},
		{"2026-12-01", "2026-12-06 10:00", nil},
	} {
		got := bot.LeadsAhead(at(tc.expiry+" 00:00"), at(tc.now), hcm)
		if !slices.Equal(got, tc.want) {
			t.Errorf("card expiring %s, at %s: leads %v, want %v", tc.expiry, tc.now, got, tc.want)
		}
	}
}

// TestCardExpiryToldSetsReminder: a message that only tells the card's
// expiry date sets its reminder, as the README's /nhac promises ("thẻ bhyt
// hết hạn 31/12/2026"), and the reply names the days it goes. Before, it
// got the renewal answer and a "Nhắc tôi trước ngày 31/12/2026" button,
// and no reminder (tester's report, defect 17). A question about the card
// with its date keeps the answer and the one-tap button; a day and month
// past this year, without the year, may be the day it expired: answered,
// with the button that asks.
func TestCardExpiryToldSetsReminder(t *testing.T) {
	const soon = "Thẻ bảo hiểm y tế của ông/bà còn 24 ngày nữa là hết hạn (31/12/2026)." + renewNow +
		"Đã đặt lời nhắc #1: 8 giờ sáng ngày 24/12/2026, 7 ngày trước khi thẻ hết hạn (31/12/2026)" + cardSet
	for _, tc := range []struct {
		ask, reply, buttons, expiry string
		leads                       []int
	}{
		{"thẻ bhyt hết hạn 31/12/2026", soon, "e:bhyt-renewal rm:list m", "2026-12-31 00:00", []int{7}},
		{"the bhyt het han 31/12/2026", soon, "e:bhyt-renewal rm:list m", "2026-12-31 00:00", []int{7}},
		{"thẻ bảo hiểm y tế nhà tôi hết hạn ngày 31/12/2026 ạ", soon, "e:bhyt-renewal rm:list m", "2026-12-31 00:00", []int{7}},
		{"thẻ bhyt của tôi hết hạn 15/3/2027",
			"Đã đặt lời nhắc #1: 8 giờ sáng ngày 13/02/2027 và 08/03/2027, 30 ngày và 7 ngày trước khi thẻ hết hạn (15/03/2027)" + cardSet,
			"rm:list m", "2027-03-15 00:00", nil},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			h.now = at("2026-12-07 02:47")
			got := one(t, h.say(tc.ask))
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if b := strings.Join(buttonData(got), " "); b != tc.buttons {
				t.Errorf("buttons = %s, want %s", b, tc.buttons)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != bot.ReminderBHYTExpiry || !r.Expiry.Equal(at(tc.expiry)) || !slices.Equal(r.Leads, tc.leads) || r.Owner.ID != "42" || r.ChatID != "42" {
				t.Fatalf("reminder = %+v, %v; want chat 42's card expiring %s, leads %v", r, err, tc.expiry, tc.leads)
			}
		})
	}
	for _, tc := range []struct{ ask, button string }{
		{"thẻ bhyt hết hạn ngày 30/12, năm sau có thẻ mới không", "rm:bhyt:2026-12-30"},
		{"thẻ bhyt hết hạn 20/11", "rm:bhyt"},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			h.now = at("2026-12-07 02:47")
			got := one(t, h.say(tc.ask))
			if !hasButton(got, tc.button) || !strings.HasPrefix(got.Text, "Thẻ BHYT theo diện hộ nghèo") {
				t.Errorf("reply %q %v, want the renewal answer with %s", got.Text, buttonData(got), tc.button)
			}
			if r, err := h.st.Reminder(1); err == nil {
				t.Errorf("reminder set: %+v", r)
			}
		})
	}
}

// TestCardListShowsWhatIsLeft: once the card's 30-day reminder has gone,
// the list names only the one still to come. Before, it kept naming both
// days, the one already past too.
func TestCardListShowsWhatIsLeft(t *testing.T) {
	h := newHarness(t)
	h.now = at("2026-11-20 10:00")
	one(t, h.say("thẻ bhyt hết hạn 31/12/2026 nhắc tôi"))
	sch := remind.NewScheduler(remind.Config{Store: h.st, Location: hcm})
	if _, err := sch.SendDue(context.Background(), at("2026-12-01 08:00")); err != nil {
		t.Fatal(err)
	}
	h.now = at("2026-12-02 10:00")
	h.drain() // the 30-day reminder goes
	want := "Các lời nhắc của ông/bà:\n• #1: 8 giờ sáng ngày 24/12/2026, 7 ngày trước khi thẻ hết hạn (31/12/2026) — " + cardText
	if got := one(t, h.press("rm:list")); got.Text != want {
		t.Errorf("list:\n%s\nwant:\n%s", got.Text, want)
	}
}
