package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
)

// nightHarness is the harness with the default quiet hours (21:00–07:00),
// at 14:30 on 06/12/2026.
func nightHarness(t *testing.T) *harness {
	h := newHarness(t)
	h.now = at("2026-12-06 14:30")
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: mustKB(t), Location: hcm, Quiet: quiet, Now: func() time.Time { return h.now }})
	return h
}

// TestNightReminderIsSetForMorning: a personal reminder asked for in quiet
// hours is set out of them, and the confirmation says so: after midnight,
// for their end; in the evening, a quarter of an hour before they begin. Before, "nhac
// toi 11h dem nay" was set for 23:00 and confirmed "kể cả ban đêm" (05:00
// and 21:00 too), while the bot's help says no reminder goes between 21:00
// and 07:00; and "ngày 15 hàng tháng lúc 22h" was set for 8:00 without a
// word. A monthly reminder keeps its day: 08:00 that morning, as always.
func TestNightReminderIsSetForMorning(t *testing.T) {
	const (
		set     = "Đã đặt lời nhắc #1: %s — %s.%s\nGõ /stop để dừng mọi tin nhắn tự động."
		monthly = "8 giờ sáng ngày 15 hằng tháng"
	)
	for _, tc := range []struct {
		ask, when, what, note string
		at                    string // the stored one-off time; "" for the monthly day
	}{
		// The evening: before quiet hours begin, so that it comes before
		// what it is for (TestEveningReminderComesBeforeIt).
		{"nhac toi 11h toi nay uong thuoc", "20:45 ngày 06/12/2026", "uong thuoc",
			"\nBuổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:45 tối nay, thay vì 23:00 như ông/bà hẹn.", "2026-12-06 20:45"},
		{"nhac toi 23h dem nay uong thuoc", "20:45 ngày 06/12/2026", "uong thuoc",
			"\nBuổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:45 tối nay, thay vì 23:00 như ông/bà hẹn.", "2026-12-06 20:45"},
		{"nhắc tôi 5h sáng mai tập thể dục", "07:00 ngày 07/12/2026", "tập thể dục",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 07/12/2026, thay vì 05:00 như ông/bà hẹn.", "2026-12-07 07:00"},
		// Nothing said to remind of: the same real time, and why.
		{"nhắc tôi 5h sáng mai", "07:00 ngày 07/12/2026", "Ông/bà có việc đã hẹn",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 07/12/2026, thay vì 05:00 như ông/bà hẹn.", "2026-12-07 07:00"},
		{"nhac toi 5h sang mai", "07:00 ngày 07/12/2026", "Ông/bà có việc đã hẹn",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 07/12/2026, thay vì 05:00 như ông/bà hẹn.", "2026-12-07 07:00"},
		{"nhắc tôi 21h tối nay xem thời sự", "20:45 ngày 06/12/2026", "xem thời sự",
			"\nBuổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:45 tối nay, thay vì 21:00 như ông/bà hẹn.", "2026-12-06 20:45"},
		// The bot chose 21:00 for "đêm nay": no "như ông/bà hẹn".
		{"nhắc tôi đêm nay khóa cửa chuồng gà", "20:45 ngày 06/12/2026", "khóa cửa chuồng gà",
			"\nBuổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:45 tối nay.", "2026-12-06 20:45"},
		// Just outside quiet hours: kept, no note.
		{"nhắc tôi 20h59 tối nay xem thời sự", "20:59 ngày 06/12/2026", "xem thời sự", "", "2026-12-06 20:59"},
		{"nhắc tôi 7h sáng mai tập thể dục", "07:00 ngày 07/12/2026", "tập thể dục", "", "2026-12-07 07:00"},
		{"nhắc tôi ngày 15 hàng tháng lúc 22h trả lãi", monthly, "trả lãi",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 08:00 sáng ngày 15 hằng tháng, thay vì 22:00 như ông/bà hẹn.", ""},
		{"nhắc tôi ngày 15 hằng tháng lúc 5h sáng trả lãi", monthly, "trả lãi",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 08:00 sáng ngày 15 hằng tháng, thay vì 05:00 như ông/bà hẹn.", ""},
		{"nhắc tôi ngày 15 hằng tháng lúc 14h trả lãi", monthly, "trả lãi",
			"\nLời nhắc hằng tháng tôi chỉ gửi lúc 08:00 sáng, nên tôi sẽ nhắc lúc 08:00 sáng ngày 15 hằng tháng, thay vì 14:00 như ông/bà hẹn.", ""},
		{"nhắc tôi ngày 15 hằng tháng lúc 8h trả lãi", monthly, "trả lãi", "", ""},
		{"nhắc tôi ngày 15 hằng tháng trả lãi", monthly, "trả lãi", "", ""},
	} {
		t.Run(tc.ask, func(t *testing.T) {
			h := nightHarness(t)
			want := strings.Replace(strings.Replace(strings.Replace(set, "%s", tc.when, 1), "%s", tc.what, 1), "%s", tc.note, 1)
			if got := one(t, h.say(tc.ask)); got.Text != want {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, want)
			}
			r, err := h.st.Reminder(1)
			if err != nil {
				t.Fatal(err)
			}
			if tc.at == "" {
				if r.Type != bot.ReminderLoanDay || r.Day != 15 {
					t.Errorf("reminder = %+v, want the loan day 15", r)
				}
				return
			}
			if r.Type != bot.ReminderOnce || !r.At.Equal(at(tc.at)) {
				t.Errorf("stored at %v (%s), want %s", r.At.In(hcm), r.Type, tc.at)
			}
		})
	}
}

// TestNoPersonalReminderGoesAtNight: the scheduler sends no personal
// reminder in quiet hours, whoever chose its time. Before, a time the
// citizen gave ("21h05", Reminder.Exact) went at night.
func TestNoPersonalReminderGoesAtNight(t *testing.T) {
	h := newHarness(t)
	// Asked in quiet hours: too late for the evening, so set for 07:00.
	h.now = at("2026-11-27 21:00")
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: mustKB(t), Location: hcm, Quiet: quiet, Now: func() time.Time { return h.now }})
	if set := one(t, h.say("nhắc tôi 21h05 uống thuốc huyết áp")); !strings.HasPrefix(set.Text, "Đã đặt lời nhắc #1: 07:00 ngày 28/11/2026 — uống thuốc huyết áp.\nBan đêm") {
		t.Fatalf("confirmation = %q", set.Text)
	}
	// A reminder stored with a night time before that rule.
	old := bot.Reminder{Type: bot.ReminderOnce, Owner: bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}, ChatID: "42",
		Text: "khóa cửa chuồng gà", At: at("2026-11-27 21:30"), Exact: true, Created: h.now}
	if err := h.st.PutReminder(&old); err != nil {
		t.Fatal(err)
	}
	sch := remind.NewScheduler(remind.Config{Store: h.st, Location: hcm, Quiet: quiet})
	for _, tick := range []string{"2026-11-27 21:05", "2026-11-27 21:30", "2026-11-28 07:00"} {
		if _, err := sch.SendDue(context.Background(), at(tick)); err != nil {
			t.Fatal(err)
		}
	}
	if night, _ := h.st.Due(at("2026-11-28 06:59"), 10, nil); len(night) != 0 {
		t.Errorf("rows due before 07:00: %+v", night)
	}
	morning, _ := h.st.Due(at("2026-11-28 07:00"), 10, nil)
	var texts []string
	for _, r := range morning {
		texts = append(texts, r.Text)
		if r.Kind != bot.KindReminder || r.ChatID != "42" || !r.NotBefore.Equal(at("2026-11-28 07:00")) {
			t.Errorf("row %+v, want a reminder to chat 42 at 07:00", r)
		}
	}
	// The one stored at night says when it was for (LateReminderText).
	const late = "⏰ Nhắc lịch (lẽ ra gửi lúc 21:30 tối 27/11/2026, gửi muộn vì ban đêm tôi không nhắn tin): khóa cửa chuồng gà"
	if got := strings.Join(texts, "|"); got != late+"|⏰ Nhắc lịch: uống thuốc huyết áp" && got != "⏰ Nhắc lịch: uống thuốc huyết áp|"+late {
		t.Errorf("rows due at 07:00 = %q", got)
	}
}

// TestEveningReminderComesBeforeIt: a one-off asked for in the evening part
// of quiet hours (from 21:00) is for something that evening, so it is set
// for 20:45 that day, a quarter of an hour before quiet hours begin (or,
// asked after 20:45, for 20:59, the last minute), and the confirmation
// says so. Before, "nhắc tôi 10 giờ tối nay đi họp thôn" sent
// at 02:47 was set for 07:00 the next day, after the meeting (tester's
// report, defect 15). Asked once 20:59 has passed, it goes at 07:00 the
// next morning: the reply says it cannot come before the time asked for
// and offers to cancel it in one tap.
func TestEveningReminderComesBeforeIt(t *testing.T) {
	const stop = "\nGõ /stop để dừng mọi tin nhắn tự động."
	for _, tc := range []struct {
		now, ask, reply, buttons, at string
	}{
		{"2026-12-07 02:47", "nhắc tôi 10 giờ tối nay đi họp thôn",
			"Đã đặt lời nhắc #1: 20:45 ngày 07/12/2026 — đi họp thôn.\n" +
				"Buổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:45 tối nay, thay vì 22:00 như ông/bà hẹn." + stop,
			"rm:list m", "2026-12-07 20:45"},
		{"2026-12-07 02:47", "nhắc tôi 10 giờ tối mai đi họp thôn",
			"Đã đặt lời nhắc #1: 20:45 ngày 08/12/2026 — đi họp thôn.\n" +
				"Buổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:45 tối 08/12/2026, thay vì 22:00 như ông/bà hẹn." + stop,
			"rm:list m", "2026-12-08 20:45"},
		{"2026-12-07 20:58", "nhắc tôi 10 giờ tối nay đi họp thôn",
			"Đã đặt lời nhắc #1: 20:59 ngày 07/12/2026 — đi họp thôn.\n" +
				"Buổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:59 tối nay, thay vì 22:00 như ông/bà hẹn." + stop,
			"rm:list m", "2026-12-07 20:59"},
		// Too late for the evening: the morning, said plainly, or cancel.
		{"2026-12-07 21:10", "nhắc tôi 10 giờ tối nay đi họp thôn",
			"Đã đặt lời nhắc #1: 07:00 ngày 08/12/2026 — đi họp thôn.\n" +
				"Ban đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 08/12/2026, muộn hơn giờ ông/bà hẹn (22:00 tối nay)." +
				" Nếu lúc đó không cần nữa, ông/bà bấm «Hủy nhắc #1»." + stop,
			"rm:cancel:1 rm:list m", "2026-12-08 07:00"},
		{"2026-12-07 20:59", "nhắc tôi 11h đêm nay uống thuốc",
			"Đã đặt lời nhắc #1: 07:00 ngày 08/12/2026 — uống thuốc.\n" +
				"Ban đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 08/12/2026, muộn hơn giờ ông/bà hẹn (23:00 tối nay)." +
				" Nếu lúc đó không cần nữa, ông/bà bấm «Hủy nhắc #1»." + stop,
			"rm:cancel:1 rm:list m", "2026-12-08 07:00"},
		// Asked in quiet hours, for a time within them: when it goes and
		// why, plainly. Before: "không nhắc được trước 21:47 tối nay;
		// sớm nhất là …" (tester's report).
		{"2026-12-07 21:17", "nhắc tôi 30 phút nữa uống thuốc",
			"Đã đặt lời nhắc #1: 07:00 ngày 08/12/2026 — uống thuốc.\n" +
				"Ban đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 08/12/2026, muộn hơn giờ ông/bà hẹn (21:47 tối nay)." +
				" Nếu lúc đó không cần nữa, ông/bà bấm «Hủy nhắc #1»." + stop,
			"rm:cancel:1 rm:list m", "2026-12-08 07:00"},
		{"2026-12-07 20:59", "nhắc tôi đêm nay uống thuốc",
			"Đã đặt lời nhắc #1: 07:00 ngày 08/12/2026 — uống thuốc.\n" +
				"Ban đêm (21:00–07:00) tôi không nhắn tin, nên không nhắc được trong tối nay; tôi sẽ nhắc lúc 07:00 sáng 08/12/2026." +
				" Nếu lúc đó không cần nữa, ông/bà bấm «Hủy nhắc #1»." + stop,
			"rm:cancel:1 rm:list m", "2026-12-08 07:00"},
	} {
		t.Run(tc.now+" "+tc.ask, func(t *testing.T) {
			h := nightHarness(t)
			h.now = at(tc.now)
			got := one(t, h.say(tc.ask))
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if b := strings.Join(buttonData(got), " "); b != tc.buttons {
				t.Errorf("buttons = %s, want %s", b, tc.buttons)
			}
			r, err := h.st.Reminder(1)
			if err != nil || r.Type != bot.ReminderOnce || !r.At.Equal(at(tc.at)) || r.Text != "đi họp thôn" && r.Text != "uống thuốc" {
				t.Fatalf("reminder = %+v, %v; want a one-off at %s", r, err, tc.at)
			}
		})
	}

	// The scheduler sends it at 20:45, to the citizen, before quiet hours.
	h := nightHarness(t)
	h.now = at("2026-12-07 02:47")
	one(t, h.say("nhắc tôi 10 giờ tối nay đi họp thôn"))
	sch := remind.NewScheduler(remind.Config{Store: h.st, Location: hcm, Quiet: quiet})
	for _, tick := range []string{"2026-12-07 20:44", "2026-12-07 20:45"} {
		if _, err := sch.SendDue(context.Background(), at(tick)); err != nil {
			t.Fatal(err)
		}
	}
	rows, _ := h.st.Due(at("2026-12-07 20:45"), 10, nil)
	if len(rows) != 1 || rows[0].ChatID != "42" || rows[0].Text != "⏰ Nhắc lịch: đi họp thôn" || !rows[0].NotBefore.Equal(at("2026-12-07 20:45")) {
		t.Errorf("rows due at 20:45 = %+v, want the meeting's reminder to chat 42 at 20:45", rows)
	}

	// Too late for the evening: one tap cancels it.
	h = nightHarness(t)
	h.now = at("2026-12-07 21:10")
	one(t, h.say("nhắc tôi 10 giờ tối nay đi họp thôn"))
	if got := one(t, h.press("rm:cancel:1")); got.Text != "Đã hủy lời nhắc #1." {
		t.Errorf("cancel reply = %q", got.Text)
	}
	if r, err := h.st.Reminder(1); err != nil || !r.Cancelled {
		t.Errorf("reminder = %+v, %v; want it cancelled", r, err)
	}
}

// TestEveningReminderSurvivesALateSend: the time the bot chooses for an
// evening reminder leaves room before quiet hours begin, so that a send a
// few minutes late (a tick skipped while a big broadcast was written, a
// slow platform) still comes that evening. Before, it was set for 20:59,
// the last minute: any delay past 21:00 held it until 07:00 the next day,
// after the meeting it was for. A reminder that does miss the evening
// (the citizen's own 20:59) says at 07:00 when it was for and why it is
// late, instead of reading as that morning's.
func TestEveningReminderSurvivesALateSend(t *testing.T) {
	h := nightHarness(t)
	h.now = at("2026-12-07 02:47")
	want := "Đã đặt lời nhắc #1: 20:45 ngày 07/12/2026 — đi họp thôn.\n" +
		"Buổi tối muộn (từ 21:00) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc 20:45 tối nay, thay vì 22:00 như ông/bà hẹn." +
		"\nGõ /stop để dừng mọi tin nhắn tự động."
	if got := one(t, h.say("nhắc tôi 10 giờ tối nay đi họp thôn")); got.Text != want {
		t.Errorf("reply:\n%s\nwant:\n%s", got.Text, want)
	}
	if r, err := h.st.Reminder(1); err != nil || !r.At.Equal(at("2026-12-07 20:45")) {
		t.Fatalf("reminder = %+v, %v; want it at 20:45", r, err)
	}
	// The citizen's own time, the last minute before quiet hours.
	if got := one(t, h.say("nhắc tôi 20h59 tối nay xem thời sự")); !strings.HasPrefix(got.Text, "Đã đặt lời nhắc #2: 20:59 ngày 07/12/2026 — xem thời sự.\nGõ /stop") {
		t.Errorf("reply = %q", got.Text)
	}
	// The scheduler runs 13 minutes late (20:58), then misses 20:59.
	sch := remind.NewScheduler(remind.Config{Store: h.st, Location: hcm, Quiet: quiet})
	if _, err := sch.SendDue(context.Background(), at("2026-12-07 20:59").Add(-time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := sch.SendDue(context.Background(), at("2026-12-07 21:00")); err != nil {
		t.Fatal(err)
	}
	evening, _ := h.st.Due(at("2026-12-07 20:59"), 10, nil)
	if len(evening) != 1 || evening[0].Text != "⏰ Nhắc lịch: đi họp thôn" || !evening[0].NotBefore.Equal(at("2026-12-07 20:58")) {
		t.Errorf("rows due by 20:59 = %+v, want the meeting's reminder at 20:58", evening)
	}
	morning, _ := h.st.Due(at("2026-12-08 07:00"), 10, nil)
	if len(morning) != 2 || morning[1].Text != "⏰ Nhắc lịch (lẽ ra gửi lúc 20:59 tối 07/12/2026, gửi muộn vì ban đêm tôi không nhắn tin): xem thời sự" ||
		!morning[1].NotBefore.Equal(at("2026-12-08 07:00")) {
		for _, r := range morning {
			t.Logf("row at %s: %q", r.NotBefore.In(hcm).Format("02/01 15:04"), r.Text)
		}
		t.Errorf("want the 20:59 reminder at 07:00, saying it is late")
	}
}

// TestQuietHoursAfterMidnightHaveNoEvening: quiet hours configured within
// one night's small hours (ANSINH_QUIET_HOURS=00:00-06:00) have no evening
// part: "5h sáng mai" goes when they end. Before, every time in quiet
// hours at or after their start was taken for that evening's, and this one
// was set for 23:45 the night before, "Buổi tối muộn (từ 00:00)".
func TestQuietHoursAfterMidnightHaveNoEvening(t *testing.T) {
	h := newHarness(t)
	h.now = at("2026-12-06 14:30")
	small := bot.QuietHours{From: 0, To: 6 * time.Hour}
	h.eng = bot.NewEngine(bot.EngineConfig{Store: h.st, KB: mustKB(t), Location: hcm, Quiet: small, Now: func() time.Time { return h.now }})
	want := "Đã đặt lời nhắc #1: 06:00 ngày 07/12/2026 — tập thể dục.\n" +
		"Ban đêm (00:00–06:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 06:00 sáng 07/12/2026, thay vì 05:00 như ông/bà hẹn." +
		"\nGõ /stop để dừng mọi tin nhắn tự động."
	if got := one(t, h.say("nhắc tôi 5h sáng mai tập thể dục")); got.Text != want {
		t.Errorf("reply:\n%s\nwant:\n%s", got.Text, want)
	}
	if r, err := h.st.Reminder(1); err != nil || !r.At.Equal(at("2026-12-07 06:00")) {
		t.Errorf("reminder = %+v, %v; want it at 06:00", r, err)
	}
}
