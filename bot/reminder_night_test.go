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
// hours is set for their end, and the confirmation says so. Before, "nhac
// toi 11h dem nay" was set for 23:00 and confirmed "kể cả ban đêm" (05:00
// and 21:00 too), while the bot's help says no reminder goes between 21:00
// and 07:00; and "ngày 15 hàng tháng lúc 22h" was set for 8:00 without a
// word. A monthly reminder keeps its day: 08:00 that morning, as always.
func TestNightReminderIsSetForMorning(t *testing.T) {
	const (
		set     = "Đã đặt lời nhắc #1: %s — %s.%s\nGõ /stop để dừng mọi tin nhắn tự động."
		monthly = "8 giờ sáng ngày 15 hằng tháng (tháng ngắn hơn: ngày cuối tháng)"
	)
	for _, tc := range []struct {
		ask, when, what, note string
		at                    string // the stored one-off time; "" for the monthly day
	}{
		{"nhac toi 11h toi nay uong thuoc", "07:00 ngày 07/12/2026", "uong thuoc",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 07/12/2026, thay vì 23:00 như ông/bà hẹn.", "2026-12-07 07:00"},
		{"nhac toi 23h dem nay uong thuoc", "07:00 ngày 07/12/2026", "uong thuoc",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 07/12/2026, thay vì 23:00 như ông/bà hẹn.", "2026-12-07 07:00"},
		{"nhắc tôi 5h sáng mai tập thể dục", "07:00 ngày 07/12/2026", "tập thể dục",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 07/12/2026, thay vì 05:00 như ông/bà hẹn.", "2026-12-07 07:00"},
		{"nhắc tôi 21h tối nay xem thời sự", "07:00 ngày 07/12/2026", "xem thời sự",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 07/12/2026, thay vì 21:00 như ông/bà hẹn.", "2026-12-07 07:00"},
		// The bot chose 21:00 for "đêm nay": no "như ông/bà hẹn".
		{"nhắc tôi đêm nay khóa cửa chuồng gà", "07:00 ngày 07/12/2026", "khóa cửa chuồng gà",
			"\nBan đêm (21:00–07:00) tôi không nhắn tin, nên tôi sẽ nhắc lúc 07:00 sáng 07/12/2026.", "2026-12-07 07:00"},
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
	h.now = at("2026-11-27 20:00")
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
	if got := strings.Join(texts, "|"); got != "⏰ Nhắc lịch: khóa cửa chuồng gà|⏰ Nhắc lịch: uống thuốc huyết áp" && got != "⏰ Nhắc lịch: uống thuốc huyết áp|⏰ Nhắc lịch: khóa cửa chuồng gà" {
		t.Errorf("rows due at 07:00 = %q", got)
	}
}
