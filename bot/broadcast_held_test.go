package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestOfficerStopsHeldBroadcast: a broadcast whose time (21:06) fell in
// quiet hours was missing from /dsthongbao, and /huythongbao answered
// "đã chuyển đi gửi; không còn gì để hủy" though nothing had gone and
// nothing would until 07:00. Officers now see it with its real time and
// can pause, resume and cancel it; the cancel says how many messages it
// withdrew, and none of them goes.
func TestOfficerStopsHeldBroadcast(t *testing.T) {
	loc := fixedNow.Location()
	day := func(hm string) time.Time {
		t, err := time.ParseInLocation("2006-01-02 15:04", "2026-12-06 "+hm, loc)
		if err != nil {
			panic(err)
		}
		return t
	}
	quiet := bot.QuietHours{From: 21 * time.Hour, To: 7 * time.Hour}
	h := &harness{t: t, st: storetest.Open(t), now: day("20:00")}
	h.eng = bot.NewEngine(bot.EngineConfig{
		Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
		Officers: []string{"telegram:" + officerID}, OfficerChats: []string{"telegram:" + officerChat},
		Calendar: mustCalendar(t), Location: loc, Quiet: quiet,
	})
	err := h.st.Apply(context.Background(), func(tx bot.Tx) error {
		for i := range 3 {
			id := fmt.Sprint(7100 + i)
			u := bot.User{Key: bot.UserKey{Channel: bot.ChannelTelegram, ID: id}, ChatID: id, Created: h.now, LastSeen: h.now}
			if err := tx.PutUser(u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	say := func(cmd string) string {
		t.Helper()
		return one(t, to(h.officer(cmd, ""), officerChat)).Text
	}
	if got := say("/thongbao all 2026-12-06 21:06 Thử giờ yên lặng"); !strings.Contains(got, "sẽ được gửi lúc 07:00 ngày 07/12/2026") {
		t.Fatalf("created: %q", got)
	}
	sch := remind.NewScheduler(remind.Config{Store: h.st, Location: loc, Quiet: quiet})
	if st, err := sch.SendDue(context.Background(), day("21:06")); err != nil || st.Enqueued != 4 { // the three citizens and the officer
		t.Fatalf("tick at 21:06 = %+v, %v", st, err)
	}
	h.now = day("21:30")
	line := "#1 [chờ hết giờ yên lặng, gửi lúc 07:00 07/12] → all, 21:06 ngày 06/12/2026: Thử giờ yên lặng"
	for _, c := range []struct{ cmd, want string }{
		{"/dsthongbao", "Thông báo (chưa hủy): 1\n• " + line},
		{"/tamdung 1", "Đã cập nhật: #1 [tạm dừng, chưa gửi hết; /tieptuc để gửi] → all, 21:06 ngày 06/12/2026: Thử giờ yên lặng"},
		{"/tieptuc 1", "Đã cập nhật: " + line},
		{"/huythongbao 1", "Đã cập nhật: #1 [đã hủy: rút lại 4 tin chưa gửi, 0 tin đã đi] → all, 21:06 ngày 06/12/2026: Thử giờ yên lặng"},
		{"/huythongbao 1", "Không có gì thay đổi: #1 [đã hủy: rút lại 4 tin chưa gửi, 0 tin đã đi] → all, 21:06 ngày 06/12/2026: Thử giờ yên lặng"},
	} {
		if got := say(c.cmd); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.cmd, got, c.want)
		}
	}
	if got := say("/dsthongbao"); strings.Contains(got, "#1") {
		t.Errorf("/dsthongbao after the cancel lists it: %q", got)
	}
	due, err := h.st.Due(day("07:00").AddDate(0, 0, 1), 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range due {
		if d.Kind == bot.KindReminder {
			t.Errorf("row %d (%s) still goes at 07:00", d.ID, d.Key)
		}
	}
}
