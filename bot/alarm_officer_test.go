package bot_test

import (
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestAlarmThenOfficerWanted: within the alarm's window, a bare request
// for an officer ("gặp cán bộ") is answered with one short line that the
// urgent request is with the commune officers (honest when no officer
// chat is on the channel, and outside working hours) and the number to
// call now, not the whole emergency answer again; the words add nothing
// to the request's thread and alert nobody. Before, it got the emergency
// answer again ("Gọi ngay 115 (cấp cứu). …") and the words joined the
// thread as the citizen's message.
func TestAlarmThenOfficerWanted(t *testing.T) {
	const shock = "con tôi bị điện giật bất tỉnh"
	for _, tc := range []struct {
		name    string
		officer bool
		at      time.Time
		msg     string
		want    string
	}{
		{"officers at work", true, fixedNow, "gặp cán bộ",
			"✅ Yêu cầu khẩn #1 của ông/bà đã được chuyển cho cán bộ xã.\nĐể được giúp ngay, ông/bà hãy gọi 115."},
		{"typed without marks", true, fixedNow, "gap can bo",
			"✅ Yêu cầu khẩn #1 của ông/bà đã được chuyển cho cán bộ xã.\nĐể được giúp ngay, ông/bà hãy gọi 115."},
		{"at night", true, time.Date(2026, 11, 27, 22, 0, 0, 0, fixedNow.Location()), "cho tôi gặp cán bộ",
			"✅ Yêu cầu khẩn #1 của ông/bà đã được chuyển cho cán bộ xã. Bây giờ ngoài giờ làm việc, cán bộ có thể chỉ xem được vào sáng 30/11/2026.\nĐể được giúp ngay, ông/bà hãy gọi 115."},
		{"no officer chat", false, fixedNow, "gặp cán bộ",
			"📝 Yêu cầu khẩn #1 của ông/bà đã được ghi để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này.\nĐể được giúp ngay, ông/bà hãy gọi 115."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var h *harness
			if tc.officer {
				h = newOfficerHarness(t)
			} else {
				h = newHarness(t)
			}
			h.now = tc.at
			h.say(shock)
			h.now = h.now.Add(time.Minute)
			rows := h.say(tc.msg)
			if got := one(t, to(rows, "42")); got.Text != tc.want {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.want)
			}
			if off := to(rows, officerChat); len(off) != 0 {
				t.Errorf("officers got %+v, want nothing", off)
			}
			tks := ticketsOf(t, h)
			if len(tks) != 1 || tks[0].Priority != bot.PriorityUrgent {
				t.Fatalf("tickets %+v, want the one urgent ticket", tks)
			}
			if texts := threadTexts(tks[0]); len(texts) != 1 || texts[0] != shock {
				t.Errorf("thread %q, want only %q", texts, shock)
			}
		})
	}
}
