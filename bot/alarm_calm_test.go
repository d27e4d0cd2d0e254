package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestAlarmCalmReplies: within the alarm's window, a message that says the
// danger is over ("đỡ rồi", "không sao rồi", "xe cấp cứu đến rồi"), that
// help was called ("đã gọi rồi"), a bare phone number, or "thôi"/"ok"
// alone gets a short, kind reply with the number to call if it is needed
// again, not the whole emergency answer, and is kept on the urgent
// request (a phone number and news of the danger reach the officers). A
// plea still gets the emergency answer again, number first. Before, all
// of these but "ok" got the emergency answer again, and "xe cấp cứu đến
// rồi" after a fire the ambulance's.
func TestAlarmCalmReplies(t *testing.T) {
	const fire, medical, violence = "nha toi dang chay", "bo toi len con dot quy", "chồng tôi đánh tôi"
	over := func(n string) string {
		return "Dạ, tôi mừng vì mọi người đã ổn hơn. Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã biết.\nNếu cần, ông/bà gọi ngay " + n + "."
	}
	came := func(n string) string {
		return "Dạ, may quá, đã có người đến giúp. Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã biết.\nNếu cần, ông/bà gọi ngay " + n + "."
	}
	called := func(n string) string {
		return "Dạ, ông/bà đã gọi là tốt rồi. Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã biết.\nNếu cần, ông/bà gọi ngay " + n + "."
	}
	phone := func(n string) string {
		return "✅ Tôi đã ghi số điện thoại này vào yêu cầu khẩn #1, cán bộ xã sẽ gọi lại vào số này.\nNếu cần, ông/bà gọi ngay " + n + "."
	}
	ack := func(n string) string {
		return "Dạ. Tôi vẫn giữ yêu cầu khẩn #1 để cán bộ xã liên lạc với ông/bà.\nNếu cần, ông/bà gọi ngay " + n + "."
	}
	for _, tc := range []struct {
		alarm, msg, reply string
		announced         bool // the officers are told
	}{
		{fire, "không sao rồi", over("114"), true},
		{fire, "khong sao roi", over("114"), true},
		{fire, "ổn rồi", over("114"), true},
		{fire, "lửa tắt rồi", over("114"), true},
		{fire, "dập được lửa rồi", over("114"), true},
		{fire, "cứu được rồi", over("114"), true},
		{medical, "đỡ rồi", over("115"), true},
		{medical, "bố tôi đỡ hơn rồi ạ", over("115"), true},
		{medical, "xe cấp cứu đến rồi", came("115"), true},
		{fire, "xe cứu hỏa tới rồi", came("114"), true},
		{fire, "xe đến rồi", came("114"), true},
		{medical, "đã gọi rồi", called("115"), true},
		{medical, "da goi 115 roi", called("115"), true},
		{fire, "0912345678", phone("114"), true},
		{medical, "0912 345 678", phone("115"), true},
		{medical, "số tôi 0912.345.678", phone("115"), true},
		{violence, "toi an toan roi", over("113"), true},
		{violence, "tôi an toàn rồi", over("113"), true},
		{violence, "em an toàn rồi ạ", over("113"), true},
		{fire, "thôi", ack("114"), false},
		{fire, "ok", ack("114"), false},
		{medical, "thoi", ack("115"), false},
	} {
		t.Run(tc.alarm+" "+tc.msg, func(t *testing.T) {
			h := newOfficerHarness(t)
			h.say(tc.alarm)
			h.now = h.now.Add(2 * time.Minute)
			rows := h.say(tc.msg)
			got := one(t, to(rows, "42"))
			if got.Text != tc.reply {
				t.Errorf("reply:\n%s\nwant:\n%s", got.Text, tc.reply)
			}
			if ann := to(rows, officerChat); (len(ann) > 0) != tc.announced || tc.announced && !strings.Contains(ann[0].Text, tc.msg) {
				t.Errorf("officers got %+v, want announced %v", ann, tc.announced)
			}
			tks := ticketsOf(t, h)
			if len(tks) != 1 || tks[0].Priority != bot.PriorityUrgent {
				t.Fatalf("tickets %+v, want the one urgent ticket", tks)
			}
			if texts := threadTexts(tks[0]); len(texts) != 2 || texts[1] != tc.msg {
				t.Errorf("thread %q, want %q kept on the urgent request", texts, tc.msg)
			}
		})
	}

	// A plea, or the danger going on, still gets the emergency answer,
	// number first.
	for _, msg := range []string{"cứu với", "phải làm sao", "không ai nghe máy", "con tôi vẫn ở trong nhà",
		"gọi rồi mà chưa thấy ai đến", "xe chưa đến", "lửa tắt rồi nhưng con tôi vẫn trong nhà", "0912345678 cứu với",
		"gọi rồi, máy bận", "không sao gọi được", "cứu được rồi nhưng con tôi vẫn trong nhà", "lửa tắt rồi mà vẫn còn khói"} {
		h := newOfficerHarness(t)
		h.say(fire)
		h.now = h.now.Add(2 * time.Minute)
		if got := one(t, to(h.say(msg), "42")); !strings.HasPrefix(got.Text, "Gọi ngay 114 (cứu hỏa, cứu nạn).") {
			t.Errorf("%q: %q, want the fire's answer again", msg, got.Text)
		}
	}
}

// TestAlarmCalmMother: "má" (mother, as said in the South) followed by a
// person word is the mother, marked or not: "má tôi đỡ rồi" after a
// medical alarm is news that the danger is over. "mà" as a conjunction
// still says more is to come ("đỡ rồi mà tôi sợ quá" gets the stroke
// answer's key action, textAlarmKey, since session 70). Before, "má tôi đỡ rồi" and "ma toi do roi" got the
// emergency answer again: unmarked, "má" was read as "mà".
func TestAlarmCalmMother(t *testing.T) {
	const medical = "bo toi len con dot quy"
	const over = "Dạ, tôi mừng vì mọi người đã ổn hơn. Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã biết.\nNếu cần, ông/bà gọi ngay 115."
	for _, tc := range []struct{ msg, want string }{
		{"má tôi đỡ rồi", over},
		{"ma toi do roi", over},
		{"má em đỡ hơn rồi ạ", over},
		{"ma em do hon roi a", over},
		{"má cháu tỉnh lại rồi", over},
		{"đỡ rồi mà tôi sợ quá", "Dạ, việc cần làm ngay: Gọi ngay 115"},
		{"do roi ma toi so qua", "Dạ, việc cần làm ngay: Gọi ngay 115"},
	} {
		t.Run(tc.msg, func(t *testing.T) {
			h := newOfficerHarness(t)
			h.say(medical)
			h.now = h.now.Add(2 * time.Minute)
			got := one(t, to(h.say(tc.msg), "42"))
			if !strings.HasPrefix(got.Text, tc.want) {
				t.Errorf("reply:\n%s\nwant it to begin:\n%s", got.Text, tc.want)
			}
			tks := ticketsOf(t, h)
			if len(tks) != 1 {
				t.Fatalf("tickets %+v, want the one urgent request", tks)
			}
			if texts := threadTexts(tks[0]); texts[len(texts)-1] != tc.msg {
				t.Errorf("thread %q, want %q last", texts, tc.msg)
			}
		})
	}
}
