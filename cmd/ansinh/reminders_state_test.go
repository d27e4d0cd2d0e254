package main

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestSentBroadcastIsNotCancelled replays the tester's evening with quiet
// hours 18:00–18:08: a one-off sent at 17:59 was listed "Đã hủy" and could
// not be paused "because it is cancelled"; two due at 18:00 and 18:01 were
// listed at 18:02 as "đã gửi 18:02" though they went at 18:08. The list
// shows what happened, with the real times, and pause says the truth.
func TestSentBroadcastIsNotCancelled(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	at := func(s string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			panic(err)
		}
		return t
	}
	quiet := bot.QuietHours{From: 18 * time.Hour, To: 18*time.Hour + 8*time.Minute}
	st := storetest.Open(t)
	created := at("2026-12-06 17:50")
	err := st.Apply(context.Background(), func(tx bot.Tx) error {
		if err := tx.PutUser(bot.User{Key: bot.UserKey{Channel: bot.ChannelWeb, ID: "w1"}, ChatID: "w1", Created: created, LastSeen: created}); err != nil {
			return err
		}
		for _, r := range []bot.Reminder{
			{Text: "Họp dân thôn Đông", At: at("2026-12-06 17:59")},                // 1: sent
			{Text: "Tiêm chủng", At: at("2026-12-06 18:00")},                       // 2: waits for 18:08
			{Text: "Phát gạo", At: at("2026-12-06 18:30")},                         // 3: cancelled before its time
			{Text: "Lịch cũ", At: at("2026-12-05 17:00"), Grace: bot.MinGrace},     // 4: missed beyond its grace
			{Text: "Giao dịch NHCSXH", Spec: "0 18 * * *", Audience: "topic:loan"}, // 5: repeating, waits
		} {
			r.Type, r.CreatedBy = bot.ReminderBroadcast, "cli"
			if r.Audience == "" {
				r.Audience = bot.AudienceAll
			}
			r.Created = created
			if r.Text == "Lịch cũ" {
				r.Created = at("2026-12-05 16:00")
			}
			if err := tx.PutReminder(&r); err != nil {
				return err
			}
		}
		_, _, err := bot.ChangeReminder(tx, 3, bot.ActionCancel, "cli", created)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sch := remind.NewScheduler(remind.Config{Store: st, Location: loc, Quiet: quiet})
	for _, tick := range []string{"2026-12-06 17:59", "2026-12-06 18:00", "2026-12-06 18:01"} {
		if _, err := sch.SendDue(context.Background(), at(tick)); err != nil {
			t.Fatal(err)
		}
	}
	rems, err := st.AllReminders()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		now  string
		want string
	}{
		{"2026-12-06 18:02", "" +
			"#5  Đang chạy    topic:loan  cron 0 18 * * *       —  chờ hết giờ yên lặng, gửi lúc 06/12/2026 18:08  bởi cli  Giao dịch NHCSXH\n" +
			"#4  Quá hạn      all         lúc 05/12/2026 17:00  —  lỡ 05/12/2026 17:00, quá hạn không gửi          bởi cli  Lịch cũ\n" +
			"#3  Đã hủy       all         lúc 06/12/2026 18:30  —  chưa gửi                                        bởi cli  Phát gạo\n" +
			"#2  Chờ giờ gửi  all         lúc 06/12/2026 18:00  —  chờ hết giờ yên lặng, gửi lúc 06/12/2026 18:08  bởi cli  Tiêm chủng\n" +
			"#1  Đã gửi       all         lúc 06/12/2026 17:59  —  đã gửi 06/12/2026 17:59                         bởi cli  Họp dân thôn Đông\n" +
			"5 lịch nhắc: 1 đang chạy, 1 chờ giờ gửi, 1 đã gửi, 1 quá hạn, 1 đã hủy\n"},
		{"2026-12-06 18:09", "" +
			"#5  Đang chạy  topic:loan  cron 0 18 * * *       —  đã gửi 06/12/2026 18:08                 bởi cli  Giao dịch NHCSXH\n" +
			"#4  Quá hạn    all         lúc 05/12/2026 17:00  —  lỡ 05/12/2026 17:00, quá hạn không gửi  bởi cli  Lịch cũ\n" +
			"#3  Đã hủy     all         lúc 06/12/2026 18:30  —  chưa gửi                                bởi cli  Phát gạo\n" +
			"#2  Đã gửi     all         lúc 06/12/2026 18:00  —  đã gửi 06/12/2026 18:08                 bởi cli  Tiêm chủng\n" +
			"#1  Đã gửi     all         lúc 06/12/2026 17:59  —  đã gửi 06/12/2026 17:59                 bởi cli  Họp dân thôn Đông\n" +
			"5 lịch nhắc: 1 đang chạy, 2 đã gửi, 1 quá hạn, 1 đã hủy\n"},
	} {
		var out bytes.Buffer
		if err := writeReminderList(&out, rems, loc, at(c.now)); err != nil {
			t.Fatal(err)
		}
		if got := out.String(); got != c.want {
			t.Errorf("list at %s:\n%s\nwant:\n%s", c.now, got, c.want)
		}
	}

	// #1's message went at 17:59.
	due, err := st.Due(at("2026-12-06 17:59"), 10, nil)
	if err != nil || len(due) != 1 {
		t.Fatalf("due at 17:59 = %+v, %v", due, err)
	}
	if err := st.Complete(context.Background(), []bot.Outcome{{ID: due[0].ID, Sent: true, At: at("2026-12-06 17:59")}}); err != nil {
		t.Fatal(err)
	}
	// Pause, resume and cancel of a sent one-off say it was sent; #2's
	// message still waits for quiet hours to end, so it can be paused
	// (TestHeldBroadcastCanBeStopped in bot/remind).
	for id, want := range map[uint64]string{
		1: "reminder 1 has been sent: its time came and its messages are queued; nothing is left to pause",
		4: "reminder 4 is over: its time passed beyond its grace and nothing was sent; nothing is left to pause",
	} {
		err := st.Apply(context.Background(), func(tx bot.Tx) error {
			_, _, err := bot.ChangeReminder(tx, id, bot.ActionPause, "cli", at("2026-12-06 18:02"))
			return err
		})
		if ref, ok := bot.AsRefusal(err); !ok || !ref.Conflict || ref.Msg != want {
			t.Errorf("pause %d = %v, want the conflict %q", id, err, want)
		}
	}
}
