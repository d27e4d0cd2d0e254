package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestLoanPaymentDayIsMonthly: a loan payment with a day of the month is
// the monthly loan day, as "nhắc tôi đóng tiền vay" then "25" sets it;
// before, "nhắc tôi trả nợ ngày 15" was set once, for 15/12/2026 only. A
// request that names one occasion, or no loan, stays a one-off.
func TestLoanPaymentDayIsMonthly(t *testing.T) {
	const monthly = "Đã đặt lời nhắc #1: 8 giờ sáng ngày %d hằng tháng — %s.\nGõ /stop để dừng mọi tin nhắn tự động."
	const once = "Đã đặt lời nhắc #1: %s — %s.\nGõ /stop để dừng mọi tin nhắn tự động."
	for _, tc := range []struct {
		ask, reply string
		want       bot.Reminder
		sends      string // the first three sends from now (27/11/2026)
	}{
		{"nhắc tôi trả nợ ngày 15", fmt.Sprintf(monthly, 15, "trả nợ"),
			bot.Reminder{Type: bot.ReminderLoanDay, Day: 15, Text: "trả nợ"}, "2026-12-15 08:00;2027-01-15 08:00;2027-02-15 08:00;"},
		{"nhac toi tra lai ngay 15", fmt.Sprintf(monthly, 15, "tra lai"),
			bot.Reminder{Type: bot.ReminderLoanDay, Day: 15, Text: "tra lai"}, "2026-12-15 08:00;2027-01-15 08:00;2027-02-15 08:00;"},
		{"nhắc tôi ngày 31 đóng tiền vay", strings.Replace(fmt.Sprintf(monthly, 31, "đóng tiền vay"), " — ", " (tháng ngắn hơn: ngày cuối tháng) — ", 1),
			bot.Reminder{Type: bot.ReminderLoanDay, Day: 31, Text: "đóng tiền vay"}, "2026-11-30 08:00;2026-12-31 08:00;2027-01-31 08:00;"},
		{"nhắc tôi ngày 15 trả nợ lần này thôi", fmt.Sprintf(once, "08:00 ngày 15/12/2026", "trả nợ"),
			bot.Reminder{Type: bot.ReminderOnce, At: at("2026-12-15 08:00"), Text: "trả nợ"}, "2026-12-15 08:00;"},
		{"nhắc tôi ngày 15 tháng 1 trả nợ", fmt.Sprintf(once, "08:00 ngày 15/01/2027", "trả nợ"),
			bot.Reminder{Type: bot.ReminderOnce, At: at("2027-01-15 08:00"), Text: "trả nợ"}, "2027-01-15 08:00;"},
		{"nhắc tôi trả lại sách thư viện ngày 15", fmt.Sprintf(once, "08:00 ngày 15/12/2026", "trả lại sách thư viện"),
			bot.Reminder{Type: bot.ReminderOnce, At: at("2026-12-15 08:00"), Text: "trả lại sách thư viện"}, "2026-12-15 08:00;"},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			if got := one(t, h.say(tc.ask)); got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != tc.want.Type || r.Day != tc.want.Day || !r.At.Equal(tc.want.At) || r.Text != tc.want.Text {
				t.Fatalf("reminder = %+v, %v; want %+v", r, err, tc.want)
			}
			if sends := fmtTimes(r.Occurrences(r.Created, at("2028-01-01 00:00"), hcm, 3)); sends != tc.sends {
				t.Errorf("sends %s, want %s", sends, tc.sends)
			}
		})
	}
}

// TestYearWordsAreTheDate: "năm sau" after a date is its year, not the
// reminder's text; before, "nhac toi 15/1 nam sau dong lai" was saved as
// "nam sau dong lai", and "20/12 năm sau" was this December.
func TestYearWordsAreTheDate(t *testing.T) {
	for _, tc := range []struct{ ask, reply, at, text string }{
		{"nhac toi 15/1 nam sau dong lai", "Đã đặt lời nhắc #1: 08:00 ngày 15/01/2027 — dong lai.\nGõ /stop để dừng mọi tin nhắn tự động.",
			"2027-01-15 08:00", "dong lai"},
		{"nhắc tôi 20/12 năm sau đi khám mắt", "Đã đặt lời nhắc #1: 08:00 ngày 20/12/2027 — đi khám mắt.\nGõ /stop để dừng mọi tin nhắn tự động.",
			"2027-12-20 08:00", "đi khám mắt"},
		{"sang năm ngày 5/1 nhắc tôi nộp học phí cho con", "Đã đặt lời nhắc #1: 08:00 ngày 05/01/2027 — nộp học phí cho con.\nGõ /stop để dừng mọi tin nhắn tự động.",
			"2027-01-05 08:00", "nộp học phí cho con"},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			if got := one(t, h.say(tc.ask)); got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if r, err := h.st.Reminder(1); err != nil || r.Type != bot.ReminderOnce || !r.At.Equal(at(tc.at)) || r.Text != tc.text {
				t.Errorf("reminder = %+v, %v; want once at %s, %q", r, err, tc.at, tc.text)
			}
		})
	}
}

// TestMorningAskedInSmallHours: "8 giờ sáng mai" sent at 02:47 is set for
// 08:00 that coming morning. Before, it was set for the day after
// (tester's report).
func TestMorningAskedInSmallHours(t *testing.T) {
	h := nightHarness(t)
	h.now = at("2026-12-07 02:47")
	if got := one(t, h.say("8 giờ sáng mai nhắc tôi đi khám")); got.Text != "Đã đặt lời nhắc #1: 08:00 ngày 07/12/2026 — đi khám.\nGõ /stop để dừng mọi tin nhắn tự động." {
		t.Errorf("reply = %q", got.Text)
	}
	if r, err := h.st.Reminder(1); err != nil || !r.At.Equal(at("2026-12-07 08:00")) || r.ChatID != "42" {
		t.Errorf("reminder = %+v, %v; want chat 42's at 08:00 on 07/12", r, err)
	}
}

// TestReminderAskedTwiceIsSetOnce: a reminder asked for again, the same
// card's expiry, the same loan day or the same one-off, is not set a
// second time: the reply names the one already set. Before, each request
// saved a reminder and the citizen got the same message twice. Once that
// one is cancelled, asking again sets a new one.
func TestReminderAskedTwiceIsSetOnce(t *testing.T) {
	const exists = "Ông/bà đã có lời nhắc này rồi, tôi không đặt thêm để ông/bà không nhận tin hai lần:\n"
	for _, tc := range []struct{ first, again, reply string }{
		{"thẻ bhyt của tôi hết hạn 15/3/2027", "nhắc tôi thẻ bhyt hết hạn ngày 15/03/2027",
			exists + "#1: 8 giờ sáng ngày 13/02/2027 và 08/03/2027, 30 ngày và 7 ngày trước khi thẻ hết hạn (15/03/2027) — Thẻ bảo hiểm y tế sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn."},
		{"nhắc tôi ngày 15 hằng tháng đóng lãi", "nhac toi ngay 15 hang thang dong lai",
			exists + "#1: 8 giờ sáng ngày 15 hằng tháng — đóng lãi."},
		{"nhắc tôi 10 giờ tối nay đi họp thôn", "nhắc tôi 10 giờ tối nay đi họp thôn",
			exists + "#1: 20:45 ngày 07/12/2026 — đi họp thôn."},
		// Typed again without diacritics, or with other case and
		// punctuation: the same reminder, kept as typed the first time.
		{"nhắc tôi ngày 5 hàng tháng trả nợ ngân hàng", "nhac toi ngay 5 hang thang tra no ngan hang",
			exists + "#1: 8 giờ sáng ngày 5 hằng tháng — trả nợ ngân hàng."},
		{"nhắc tôi 8 giờ sáng mai đi họp thôn", "nhac toi 8 gio sang mai di hop thon",
			exists + "#1: 08:00 ngày 08/12/2026 — đi họp thôn."},
		{"nhắc tôi 8 giờ sáng mai đi họp thôn", "Nhắc tôi 8 giờ sáng mai: Đi họp thôn!",
			exists + "#1: 08:00 ngày 08/12/2026 — đi họp thôn."},
		// The loan day set by its button and asked for in words.
		{"nhắc tôi ngày 15 hằng tháng trả nợ ngân hàng", "nhắc tôi trả lãi ngày 15",
			exists + "#1: 8 giờ sáng ngày 15 hằng tháng — trả nợ ngân hàng."},
	} {
		t.Run(tc.first, func(t *testing.T) {
			h := nightHarness(t)
			h.now = at("2026-12-07 09:00")
			if got := one(t, h.say(tc.first)); !strings.HasPrefix(got.Text, "Đã đặt lời nhắc #1: ") {
				t.Fatalf("first reply = %q", got.Text)
			}
			got := one(t, h.say(tc.again))
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if b := strings.Join(buttonData(got), " "); b != "rm:list m" {
				t.Errorf("buttons = %s, want rm:list m", b)
			}
			if r, err := h.st.Reminder(2); err == nil {
				t.Errorf("second reminder set: %+v", r)
			}
			if r, err := h.st.Reminder(1); err != nil || r.Cancelled {
				t.Errorf("first reminder = %+v, %v; want it kept", r, err)
			}
			one(t, h.press("rm:cancel:1"))
			if got := one(t, h.say(tc.again)); !strings.HasPrefix(got.Text, "Đã đặt lời nhắc #2: ") {
				t.Errorf("after cancelling, reply = %q", got.Text)
			}
		})
	}
}

// TestOtherThingSameDayIsSet: another thing to remind of on the same day
// and time is a reminder of its own, not a repeat. Before, any monthly
// reminder on a day already taken ("ngày 5 hằng tháng nộp tiền điện" after
// "ngày 5 hằng tháng trả nợ ngân hàng") was refused as set already, and the
// citizen was never reminded of it; nor was a one-off at the same time
// with other words.
func TestOtherThingSameDayIsSet(t *testing.T) {
	for _, tc := range []struct{ first, second, reply string }{
		{"nhắc tôi ngày 5 hàng tháng trả nợ ngân hàng", "nhắc tôi ngày 5 hằng tháng nộp tiền điện",
			"Đã đặt lời nhắc #2: 8 giờ sáng ngày 5 hằng tháng — nộp tiền điện.\nGõ /stop để dừng mọi tin nhắn tự động."},
		{"nhắc tôi 8 giờ sáng mai đi họp thôn", "nhắc tôi 8 giờ sáng mai đưa cháu đi tiêm",
			"Đã đặt lời nhắc #2: 08:00 ngày 08/12/2026 — đưa cháu đi tiêm.\nGõ /stop để dừng mọi tin nhắn tự động."},
	} {
		t.Run(tc.second, func(t *testing.T) {
			h := nightHarness(t)
			h.now = at("2026-12-07 09:00")
			one(t, h.say(tc.first))
			if got := one(t, h.say(tc.second)); got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			for id := uint64(1); id <= 2; id++ {
				if r, err := h.st.Reminder(id); err != nil || !r.Active() {
					t.Errorf("reminder #%d = %+v, %v; want it set", id, r, err)
				}
			}
		})
	}
}

// TestCancelByWordsNamesTheReminder: a cancel in words that names what the
// reminder is for cancels that one, and only that one. Before, words the
// bot did not read as a kind or a day were ignored: "hủy nhắc tiền điện"
// cancelled the citizen's only reminder, to go for a check-up, and "hủy
// nhắc trả nợ" asked to choose between the loan and the electricity bill
// set for the same day. Without diacritics, "huy nhac tien dien" offered
// both "đóng tiền điện" and "nộp tiền vay", and "hủy nhắc bhyt" found no
// one-off "gia han the bhyt" (tester's report).
func TestCancelByWordsNamesTheReminder(t *testing.T) {
	const (
		visit  = "#1: 08:00 ngày 08/12/2026 — đi khám"
		which  = "Tôi không thấy lời nhắc nào như vậy để hủy.\nÔng/bà muốn hủy lời nhắc nào? Bấm để hủy:\n• " + visit
		loan   = "nhắc tôi ngày 5 hàng tháng trả nợ ngân hàng"
		bill   = "nhắc tôi ngày 5 hằng tháng nộp tiền điện"
		doctor = "nhắc tôi 8h sáng mai đi khám"
	)
	for _, tc := range []struct {
		set      []string
		cancel   string
		reply    string
		gone     uint64 // the reminder cancelled; 0 none
		stillSet int
	}{
		{[]string{doctor}, "hủy nhắc tiền điện", which, 0, 1},
		{[]string{doctor}, "huy nhac di kham", "Đã hủy lời nhắc #1.", 1, 0},
		{[]string{doctor, bill}, "hủy nhắc tiền điện đi", "Đã hủy lời nhắc #2.", 2, 1},
		{[]string{loan, bill}, "hủy nhắc trả nợ", "Đã hủy lời nhắc #1.", 1, 1},
		{[]string{doctor}, "hủy nhắc", "Đã hủy lời nhắc #1.", 1, 0},
		// Without diacritics, by the words that tell them apart: "tiền"
		// is in both, "điện" in one (tester's report: both offered).
		{[]string{"nhắc tôi mai đóng tiền điện", "nhắc tôi ngày 10 nộp tiền vay"}, "huy nhac tien dien", "Đã hủy lời nhắc #1.", 1, 1},
		{[]string{"nhắc tôi mai đóng tiền điện", "nhắc tôi ngày 10 nộp tiền vay"}, "hủy nhắc tiền điện", "Đã hủy lời nhắc #1.", 1, 1},
		{[]string{"nhac toi mai dong tien dien", "nhac toi ngay 10 nop tien vay"}, "huy nhac tien vay", "Đã hủy lời nhắc #2.", 2, 1},
		// "bhyt" names a one-off about the card, whatever its words for it
		// (tester's report: "không thấy").
		{[]string{"nhac toi mai dong tien dien", "nhac toi ngay 10 gia han the bhyt"}, "hủy nhắc bhyt", "Đã hủy lời nhắc #2.", 2, 1},
		{[]string{"nhac toi mai dong tien dien", "nhắc tôi ngày 10 đi gia hạn bảo hiểm"}, "huy nhac bhyt", "Đã hủy lời nhắc #2.", 2, 1},
		{[]string{"nhac toi mai dong tien dien", "nhắc tôi ngày 10 gia hạn thẻ bảo hiểm y tế"}, "hủy nhắc thẻ bhyt", "Đã hủy lời nhắc #2.", 2, 1},
		{[]string{"nhắc tôi ngày 10 đóng bảo hiểm xã hội", "nhac toi mai gia han bao hiem"}, "hủy nhắc bhyt", "Đã hủy lời nhắc #2.", 2, 1},
		// Both are loan days: both offered, without "không thấy".
		{[]string{loan, "nhắc tôi ngày 10 hằng tháng đóng lãi"}, "hủy nhắc trả nợ", "Ông/bà muốn hủy lời nhắc nào? Bấm để hủy:\n" +
			"• #1: 8 giờ sáng ngày 5 hằng tháng — trả nợ ngân hàng\n" +
			"• #2: 8 giờ sáng ngày 10 hằng tháng — đóng lãi", 0, 2},
	} {
		t.Run(strings.Join(tc.set, "+")+" "+tc.cancel, func(t *testing.T) {
			h := nightHarness(t)
			h.now = at("2026-12-07 09:00")
			for _, s := range tc.set {
				one(t, h.say(s))
			}
			if got := one(t, h.say(tc.cancel)); got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			active := 0
			for id := uint64(1); id <= uint64(len(tc.set)); id++ {
				r, err := h.st.Reminder(id)
				if err != nil {
					t.Fatal(err)
				}
				if r.Active() {
					active++
				} else if id != tc.gone {
					t.Errorf("reminder #%d (%s) was cancelled", id, r.Text)
				}
			}
			if active != tc.stillSet {
				t.Errorf("%d reminders still set, want %d", active, tc.stillSet)
			}
		})
	}
}

// TestLoanDayNamesShortMonthsOnlyWhenTheyMatter: the confirmation of a
// monthly loan day says what a short month does to it only for the 29th
// to the 31st.
// Before, every loan day, the 5th too, read "(tháng ngắn hơn: ngày cuối
// tháng)", a line to puzzle over for nothing.
func TestLoanDayNamesShortMonthsOnlyWhenTheyMatter(t *testing.T) {
	for _, tc := range []struct{ ask, when string }{
		{"nhắc tôi ngày 5 hằng tháng đóng lãi", "8 giờ sáng ngày 5 hằng tháng"},
		{"nhắc tôi ngày 28 hằng tháng đóng lãi", "8 giờ sáng ngày 28 hằng tháng"},
		{"nhắc tôi ngày 30 hằng tháng đóng lãi", "8 giờ sáng ngày 30 hằng tháng (tháng ngắn hơn: ngày cuối tháng)"},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := newHarness(t)
			want := "Đã đặt lời nhắc #1: " + tc.when + " — đóng lãi.\nGõ /stop để dừng mọi tin nhắn tự động."
			if got := one(t, h.say(tc.ask)); got.Text != want {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, want)
			}
		})
	}
}
