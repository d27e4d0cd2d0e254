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
	const added = "✅ Tôi đã ghi thêm tin này vào yêu cầu khẩn #1 và báo lại cán bộ xã."
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
