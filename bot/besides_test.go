package bot_test

import (
	"strings"
	"testing"
)

// TestSecondQuestionOffered: a message asking about two programmes in
// clauses of their own gets the first answer with the second one's entry
// as the first button and the line pointing to it.
func TestSecondQuestionOffered(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("ong toi 80 tuoi thi dc nhan tro cap bao nhieu 1 thang va co dc cap the bhyt mien phi ko"))
	d := buttonData(got)
	if len(d) == 0 || !strings.HasPrefix(d[0], "e:bhyt-") {
		t.Fatalf("buttons %v, want a BHYT entry first", d)
	}
	if !strings.Contains(got.Text, "Nếu ông/bà hỏi cả về «"+got.Buttons[0].Label+"», bấm nút đó bên dưới.") {
		t.Errorf("%q, want the line pointing to %q", got.Text, got.Buttons[0].Label)
	}
	h = newHarness(t)
	if got := lastReply(t, h.say("vay von ho ngheo lai suat bao nhieu, lam the nao de vay")); strings.Contains(got.Text, "Nếu ông/bà hỏi cả về") {
		t.Errorf("one programme asked: %q, want no second answer offered", got.Text)
	}
}
