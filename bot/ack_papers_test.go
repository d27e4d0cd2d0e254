package bot_test

import (
	"strings"
	"testing"
)

// TestAckWithoutPapersLine: "ừ", "vâng" and "dập được rồi, không ai bị
// sao" get the agreement alone; the line about papers to bring to the
// commune follows only an agreement that says the citizen will go there
// (tester s67 r4: c87, c06, c74).
func TestAckWithoutPapersLine(t *testing.T) {
	const ack = "Dạ vâng ạ. Nếu còn điều gì chưa rõ, ông/bà cứ hỏi tiếp, hoặc gõ /menu để xem các chủ đề khác."
	const papers = "Khi lên xã, nhớ mang theo căn cước"
	h := newHarness(t)
	h.say("hộ cận nghèo có được vay vốn không")
	if got := lastReply(t, h.say("ừ")); got.Text != ack {
		t.Errorf("ừ: %q, want %q", got.Text, ack)
	}
	h = newHarness(t)
	h.say("bếp nhà tôi đang cháy")
	if got := lastReply(t, h.say("dập được rồi, không ai bị sao")); strings.Contains(got.Text, papers) {
		t.Errorf("after the fire: %q", got.Text)
	}
	h = newHarness(t)
	if got := lastReply(t, h.say("okie để mai tôi lên xã hỏi")); got.Text != ack+"\n\n"+papers+" và các giấy tờ liên quan để làm việc cho nhanh." {
		t.Errorf("going to the commune: %q", got.Text)
	}
}
