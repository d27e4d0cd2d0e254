package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestBroadcastQuietHoursAsConfigured: with ANSINH_QUIET_HOURS=22:00-06:00
// the /thongbao help named 21:00–07:00, and a broadcast at 23:30 was
// confirmed for 23:30 though it goes at 06:00 the next morning.
func TestBroadcastQuietHoursAsConfigured(t *testing.T) {
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{
		Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
		Officers: []string{"telegram:" + officerID}, OfficerChats: []string{"telegram:" + officerChat},
		Calendar: mustCalendar(t), Location: fixedNow.Location(),
		Quiet: bot.QuietHours{From: 22 * time.Hour, To: 6 * time.Hour},
	})
	rule := "\nKhông gửi trong giờ yên lặng 22:00–06:00: thông báo đến giờ trong khoảng đó được gửi lúc 06:00; người đã /stop không nhận."
	help := one(t, to(h.officer("/tamdung x", ""), officerChat)).Text
	if !strings.HasSuffix(help, rule) || strings.Contains(help, "21:00") {
		t.Errorf("help = %q, want it to end with %q", help, rule)
	}
	for _, c := range []struct{ cmd, want string }{
		{"/thongbao all 2026-12-06 23:30 Họp dân thôn Đông",
			"Đã tạo thông báo #1 → all, 23:30 ngày 06/12/2026: Họp dân thôn Đông\n" +
				"Giờ yên lặng 22:00–06:00: thông báo sẽ được gửi lúc 06:00 ngày 07/12/2026.\n"},
		{`/thongbao topic:loan cron "30 5 * * 1" Giao dịch NHCSXH`,
			"Đã tạo thông báo #2 → topic:loan, lịch 30 5 * * 1: Giao dịch NHCSXH\n" +
				"Giờ yên lặng 22:00–06:00: lần gửi tới, 05:30 ngày 30/11/2026, sẽ được gửi lúc 06:00 ngày 30/11/2026.\n"},
		{"/thongbao all 2026-12-06 21:30 Họp dân thôn Tây", // outside this window: no note
			"Đã tạo thông báo #3 → all, 21:30 ngày 06/12/2026: Họp dân thôn Tây\n"},
	} {
		got := one(t, to(h.officer(c.cmd, ""), officerChat)).Text
		if !strings.HasPrefix(got, c.want) || strings.Count(got, "Giờ yên lặng") != strings.Count(c.want, "Giờ yên lặng") {
			t.Errorf("%s:\n got %q\nwant it to start with %q", c.cmd, got, c.want)
		}
	}
}
