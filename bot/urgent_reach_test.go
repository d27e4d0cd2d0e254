package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestUrgentReplyTellsWhoIsAlerted: the line under an urgent answer, and
// the short replies after it, say what really happened. With no officer
// chat configured nobody is alerted: the message is recorded for the
// commune's officers to see, and the number to call is the help now. With
// one, the officers are alerted; outside working hours (Friday 22:00)
// they may only read it on the next working morning (Monday 30/11), and
// the number is the help now. Until session 64 every case said "Tôi đã
// chuyển khẩn việc này cho cán bộ xã" and "cán bộ xã sẽ gọi lại", while a
// normal request in the same installation said no officer was on duty.
func TestUrgentReplyTellsWhoIsAlerted(t *testing.T) {
	const fire = "nha toi dang chay"
	friday22 := time.Date(2026, 11, 27, 22, 0, 0, 0, fixedNow.Location())
	saturday10 := time.Date(2026, 11, 28, 10, 0, 0, 0, fixedNow.Location())
	for _, tc := range []struct {
		name     string
		officers bool
		now      time.Time
		alarm    string
		opened   string // the urgent answer's last line
		plea     string // "phải làm sao bây giờ": its last line
		phone    string // "0912345678": the reply
		ack      string // "ok": the reply
	}{
		{"no officer chat", false, fixedNow, fire,
			"📝 Tôi đã ghi việc này (yêu cầu khẩn #1) để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Để được giúp ngay, ông/bà hãy gọi 114.",
			"📝 Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Để được giúp ngay, ông/bà hãy gọi 114.",
			"✅ Tôi đã ghi số điện thoại này vào yêu cầu khẩn #1 để cán bộ xã xem.\nNếu cần, ông/bà gọi ngay 114.",
			"Dạ. Tôi vẫn giữ yêu cầu khẩn #1 để cán bộ xã xem.\nNếu cần, ông/bà gọi ngay 114."},
		{"no officer chat, a danger without a number", false, fixedNow, "cứu với",
			"📝 Tôi đã ghi việc này (yêu cầu khẩn #1) để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Để được giúp ngay, ông/bà làm theo hướng dẫn ở trên.",
			"📝 Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Để được giúp ngay, ông/bà làm theo hướng dẫn ở trên.",
			"✅ Tôi đã ghi số điện thoại này vào yêu cầu khẩn #1 để cán bộ xã xem.", ""},
		{"officers at work", true, fixedNow, fire,
			"✅ Tôi đã chuyển khẩn việc này cho cán bộ xã (yêu cầu #1).",
			"✅ Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 và báo lại cán bộ xã.",
			"✅ Tôi đã ghi số điện thoại này vào yêu cầu khẩn #1, cán bộ xã sẽ gọi lại vào số này.\nNếu cần, ông/bà gọi ngay 114.",
			"Dạ. Tôi vẫn giữ yêu cầu khẩn #1 để cán bộ xã liên lạc với ông/bà.\nNếu cần, ông/bà gọi ngay 114."},
		{"officers, at night", true, friday22, fire,
			"✅ Tôi đã chuyển khẩn việc này cho cán bộ xã (yêu cầu #1). Bây giờ ngoài giờ làm việc, cán bộ có thể chỉ xem được vào sáng 30/11/2026. Để được giúp ngay, ông/bà hãy gọi 114.",
			"✅ Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 và báo lại cán bộ xã. Bây giờ ngoài giờ làm việc, cán bộ có thể chỉ xem được vào sáng 30/11/2026. Để được giúp ngay, ông/bà hãy gọi 114.",
			"✅ Tôi đã ghi số điện thoại này vào yêu cầu khẩn #1, cán bộ xã sẽ gọi lại vào số này khi vào giờ làm việc.\nNếu cần, ông/bà gọi ngay 114.",
			"Dạ. Tôi vẫn giữ yêu cầu khẩn #1 để cán bộ xã liên lạc với ông/bà khi vào giờ làm việc.\nNếu cần, ông/bà gọi ngay 114."},
		{"officers, on a Saturday", true, saturday10, fire,
			"✅ Tôi đã chuyển khẩn việc này cho cán bộ xã (yêu cầu #1). Bây giờ ngoài giờ làm việc, cán bộ có thể chỉ xem được vào sáng 30/11/2026. Để được giúp ngay, ông/bà hãy gọi 114.",
			"", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			if tc.officers {
				h = newOfficerHarness(t)
			}
			h.now = tc.now
			rows := h.say(tc.alarm)
			if got := lastReply(t, to(rows, "42")); !strings.HasSuffix(got.Text, "\n\n"+tc.opened) {
				t.Errorf("urgent answer:\n%s\nwant it to end:\n%s", got.Text, tc.opened)
			}
			if ann := to(rows, officerChat); len(ann) > 0 != tc.officers {
				t.Errorf("officers got %d messages, want them only with an officer chat", len(ann))
			}
			for _, step := range []struct{ msg, want string }{
				{"phai lam sao bay gio", "\n\n" + tc.plea}, {"0912345678", tc.phone}, {"ok", tc.ack},
			} {
				if step.want == "" || step.want == "\n\n" {
					continue
				}
				h.now = h.now.Add(time.Minute)
				got := lastReply(t, to(h.say(step.msg), "42"))
				if step.msg == "phai lam sao bay gio" && !strings.HasSuffix(got.Text, step.want) || step.msg != "phai lam sao bay gio" && got.Text != step.want {
					t.Errorf("%q: reply:\n%s\nwant (the end of it):\n%s", step.msg, got.Text, step.want)
				}
			}
		})
	}
}
