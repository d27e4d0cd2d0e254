package bot_test

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestUnrelatedAfterAlarmIsNotTheWholeBlock: with an urgent request open,
// a message plainly about something else (a question about the
// administrative units, a bare number, a sentence in English) joins the
// request with one line saying so and one with the number, not the whole
// emergency answer again with "ép tim, thổi ngạt" (QA 72 #15). A plea
// after them still gets the danger's key action, 115 first, and a danger
// told next its own emergency answer, its number first.
func TestUnrelatedAfterAlarmIsNotTheWholeBlock(t *testing.T) {
	h := newHarness(t)
	first := lastReply(t, h.say("bố tôi ngã cầu thang bất tỉnh không thở được"))
	if !strings.HasPrefix(first.Text, "Gọi ngay 115") {
		t.Fatalf("fall: %q", first.Text)
	}
	const want = "Dạ, tôi đã ghi thêm tin này vào yêu cầu khẩn #1 để cán bộ xã xem.\nNếu cần, ông/bà gọi ngay 115."
	for _, msg := range []string{"huyen Luc Ngan con khong", "123", "how much interest"} {
		h.now = h.now.Add(time.Minute)
		if got := lastReply(t, h.say(msg)); got.Text != want {
			t.Errorf("%q: reply %q, want %q", msg, got.Text, want)
		}
	}
	// A plea is still the danger's: its answer again, the number first.
	h.now = h.now.Add(time.Minute)
	if got := lastReply(t, h.say("phai lam sao bay gio")); !strings.HasPrefix(got.Text, "Dạ, việc cần làm ngay: Gọi ngay 115") {
		t.Errorf("plea: %q, want the emergency answer again", got.Text)
	}
	// A new danger gets its own answer, its number first.
	h.now = h.now.Add(time.Minute)
	if got := lastReply(t, h.say("nha toi dang chay")); !strings.HasPrefix(got.Text, "Gọi ngay 114") {
		t.Errorf("fire: %q, want the fire's answer, 114 first", got.Text)
	}
	tks := ticketsOf(t, h)
	if len(tks) != 1 || !slices.Contains(threadTexts(tks[0]), "nha toi dang chay") || !slices.Contains(threadTexts(tks[0]), "how much interest") {
		t.Errorf("tickets %+v, want the fire on the one urgent request", tks)
	}
}
