package bot_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// threadTexts are the citizen's messages in ticket t's thread.
func threadTexts(t bot.Ticket) []string {
	var out []string
	for _, it := range t.Thread {
		if it.Kind == bot.ItemCitizen {
			out = append(out, it.Text)
		}
	}
	return out
}

// TestPleaAfterAlarmRepeatsNumber: right after an urgent answer, "what do
// I do", "I'm scared" or a bare "help" gets that answer again, the number
// first, with the line saying it joined the urgent request, and the text is
// added to that request. Until session 63 "phải làm sao bây giờ" and "sợ
// quá" after a fire got only "Đã thêm vào yêu cầu #1.", and "cứu với" the
// general list of numbers.
func TestPleaAfterAlarmRepeatsNumber(t *testing.T) {
	h := newHarness(t)
	first := lastReply(t, h.say("nha toi dang chay"))
	if !strings.HasPrefix(first.Text, "Gọi ngay 114") {
		t.Fatalf("fire: %q", first.Text)
	}
	// No officer chat is configured: the request is recorded, nobody
	// alerted (TestUrgentReplyTellsWhoIsAlerted).
	const added = "📝 Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Để được giúp ngay, ông/bà hãy gọi 114."
	for i, msg := range []string{"phai lam sao bay gio", "so qua", "cứu với"} {
		h.now = h.now.Add(2 * time.Minute)
		got := lastReply(t, h.say(msg))
		if !strings.HasPrefix(got.Text, "Gọi ngay 114 (cứu hỏa, cứu nạn).") || !strings.HasSuffix(got.Text, added) {
			t.Errorf("%q: reply %q, want the fire's answer and %q", msg, got.Text, added)
		}
		tks := ticketsOf(t, h)
		if len(tks) != 1 || tks[0].Priority != bot.PriorityUrgent {
			t.Fatalf("%q: tickets %+v, want the one urgent ticket", msg, tks)
		}
		if texts := threadTexts(tks[0]); len(texts) != i+2 || texts[i+1] != msg {
			t.Errorf("%q: thread %q, want it added", msg, texts)
		}
	}
}

// TestPleaAfterAlarmNotThePolicyBefore: a danger told after a programme's
// answer becomes what the conversation is about: "phải làm sao" gets the
// child-protection answer again, 111 first, never the tuition answer read
// as its follow-up (as it did until session 63), and joins the urgent
// request.
func TestPleaAfterAlarmNotThePolicyBefore(t *testing.T) {
	h := newHarness(t)
	if got := lastReply(t, h.say("mien hoc phi cho con ho ngheo")); !strings.Contains(got.Text, "học phí") {
		t.Fatalf("tuition: %q", got.Text)
	}
	if got := lastReply(t, h.say("ma chau toi dang bi bo duong danh o nha ben, no keu khoc nhieu lam")); !strings.HasPrefix(got.Text, "Gọi ngay 111") {
		t.Fatalf("child: %q", got.Text)
	}
	got := lastReply(t, h.say("phai lam sao"))
	if !strings.HasPrefix(got.Text, "Gọi ngay 111") || strings.Contains(got.Text, "học phí") {
		t.Errorf("plea: %q, want the child's answer again", got.Text)
	}
	if !strings.Contains(got.Text, "yêu cầu khẩn #1") {
		t.Errorf("plea: %q, want the line about the urgent request", got.Text)
	}
	tks := ticketsOf(t, h)
	if len(tks) != 1 || !slices.Contains(threadTexts(tks[0]), "phai lam sao") {
		t.Errorf("tickets %+v, want the plea in the urgent one", tks)
	}
}

// TestPleaAfterAlarmBounds: a question about a programme after a danger is
// answered as itself, and a plea once the danger is FollowUpWindow old is
// not read against it.
func TestPleaAfterAlarmBounds(t *testing.T) {
	h := newHarness(t)
	h.say("nha toi dang chay")
	got := lastReply(t, h.say("phai lam sao de duoc ho tro lam lai nha"))
	if strings.HasPrefix(got.Text, "Gọi ngay") {
		t.Errorf("housing question: %q, want its answer", got.Text)
	}
	h = newHarness(t)
	h.say("nha toi dang chay")
	h.now = h.now.Add(bot.FollowUpWindow + time.Minute)
	if got := lastReply(t, h.say("phai lam sao bay gio")); strings.HasPrefix(got.Text, "Gọi ngay") {
		t.Errorf("late plea: %q, want no urgent answer", got.Text)
	}
}

// TestSameNumberIsSameEmergency: after a fire (114), "bà tôi bị kẹt trong
// nhà" and "không ra được" are read by the detector as a flood, whose
// answer also leads with 114: they are the fire told again, and get the
// fire's answer, not "lên chỗ cao, tránh xa dòng nước" (as until session
// 63), and join the urgent request; so does "gọi số nào" after them.
func TestSameNumberIsSameEmergency(t *testing.T) {
	h := newHarness(t)
	h.say("nha toi dang chay")
	const fire = "Gọi ngay 114 (cứu hỏa, cứu nạn)."
	for i, msg := range []string{"khong ra duoc", "ba toi bi ket trong nha", "goi so nao"} {
		h.now = h.now.Add(time.Minute)
		got := lastReply(t, h.say(msg))
		if !strings.HasPrefix(got.Text, fire) || strings.Contains(got.Text, "dòng nước") {
			t.Errorf("%q: reply %q, want the fire's answer", msg, got.Text)
		}
		tks := ticketsOf(t, h)
		if len(tks) != 1 || tks[0].BotAnswer != "Cháy nhà, rò ga" {
			t.Fatalf("%q: tickets %+v, want the one fire ticket", msg, tks)
		}
		if texts := threadTexts(tks[0]); len(texts) != i+2 || texts[i+1] != msg {
			t.Errorf("%q: thread %q, want it added", msg, texts)
		}
	}
}

// TestOtherNumberIsOwnDanger: a danger with another number after an
// alarm gets its own answer, and the urgent request notes the new kind: a
// fire after a medical emergency, and "nó đánh cả tôi nữa" (the
// detector reads "nó đánh tôi") after the child-protection answer, 113
// first; until session 63 it got the answer about stopping automatic
// messages.
func TestOtherNumberIsOwnDanger(t *testing.T) {
	h := newHarness(t)
	h.say("bo toi len con dot quy")
	got := lastReply(t, h.say("nha toi dang chay"))
	if !strings.HasPrefix(got.Text, "Gọi ngay 114 (cứu hỏa") {
		t.Errorf("fire after medical: %q", got.Text)
	}
	tks := ticketsOf(t, h)
	if len(tks) != 1 || tks[0].BotAnswer != "Cấp cứu người bệnh, tai nạn; Cháy nhà, rò ga" {
		t.Errorf("tickets %+v, want the fire noted on the medical one", tks)
	}

	h = newHarness(t)
	if got := lastReply(t, h.say("ma chau toi dang bi bo duong danh o nha ben")); !strings.HasPrefix(got.Text, "Gọi ngay 111") {
		t.Fatalf("child: %q", got.Text)
	}
	got = lastReply(t, h.say("nó đánh cả tôi nữa"))
	if !strings.HasPrefix(got.Text, "Gọi ngay 113 (công an).") || !strings.Contains(got.Text, "yêu cầu khẩn #1") {
		t.Errorf("violence: %q, want its own answer on the urgent request", got.Text)
	}
	tks = ticketsOf(t, h)
	if len(tks) != 1 || !slices.Contains(threadTexts(tks[0]), "nó đánh cả tôi nữa") {
		t.Errorf("tickets %+v, want the message in the urgent one", tks)
	}
}

// TestShortMessageAfterAlarmRepeatsIt: within the window, a short message
// that is no clear programme question and no thanks gets the alarm's
// answer again, number first, and joins the urgent request. Until session
// 63 these got a bare receipt, a programme's ask-back or a category
// question.
func TestShortMessageAfterAlarmRepeatsIt(t *testing.T) {
	cases := []struct {
		alarm, number, call string
		msgs                []string
	}{
		{"nha toi dang chay", "Gọi ngay 114 (cứu hỏa, cứu nạn).", "114", []string{
			"con toi van o trong nha", "lam gi tiep", "ko ai nghe may", "khong ai giup",
			"tôi ko biet lam gi ca", "làm ơn giúp", "so lam", "huhu", "trời ơi",
		}},
		{"ma chau toi dang bi bo duong danh o nha ben", "Gọi ngay 111", "111", []string{"no con dang danh"}},
	}
	for _, tc := range cases {
		h := newHarness(t)
		h.say(tc.alarm)
		for i, msg := range tc.msgs {
			h.now = h.now.Add(time.Minute)
			got := lastReply(t, h.say(msg))
			if !strings.HasPrefix(got.Text, tc.number) || !strings.HasSuffix(got.Text, "📝 Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này. Để được giúp ngay, ông/bà hãy gọi "+tc.call+".") {
				t.Errorf("%q after %q: %q, want the alarm's answer again", msg, tc.alarm, got.Text)
			}
			tks := ticketsOf(t, h)
			if len(tks) != 1 || len(threadTexts(tks[0])) != i+2 {
				t.Errorf("%q: tickets %+v, want it in the urgent one", msg, tks)
			}
		}
	}
	// A clear programme question, and thanks, are read as themselves.
	h := newHarness(t)
	h.say("nha toi dang chay")
	for _, msg := range []string{"the bhyt ho ngheo lam o dau", "cảm ơn", "ok", "vâng"} {
		if got := lastReply(t, h.say(msg)); strings.HasPrefix(got.Text, "Gọi ngay") {
			t.Errorf("%q: %q, want no urgent answer", msg, got.Text)
		}
	}
}
