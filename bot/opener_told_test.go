package bot_test

import "testing"

// Openers that say whom the question is for, and messages that only tell
// an age (and a listed commune), ask nothing yet: they get the invitation
// to ask, with no unanswered record, ticket or officer row. Until session
// 67 they got the land-dispute, job-ads or medical refusal, or "chưa
// hiểu".
func TestOpenerForSomeoneOrAgeTold(t *testing.T) {
	for _, text := range []string{
		"em muốn hỏi cho bố mẹ em ở quê",
		"em hỏi giúp bố mẹ ạ",
		"mẹ ơi con muốn hỏi",
		"tôi 61 tuổi, ở Tiên Du",
		"con tôi năm nay 5 tuổi",
	} {
		if got := quietReply(t, text, "m"); got.Text != inviteAsk {
			t.Errorf("%q: %q, want the invitation to ask", text, got.Text)
		}
	}
}

// An age told with a place that is no commune ("ở dưới ao") is no opener,
// and in a conversation an age answers what was asked: "bố em 71 tuổi"
// after the social pension's question is not met with the invitation.
func TestAgeToldNotOpener(t *testing.T) {
	h := newHarness(t)
	if got := lastReply(t, h.say("con tôi 3 tuổi ở dưới ao")); got.Text == inviteAsk {
		t.Errorf("a child by a pond got the invitation to ask")
	}
	h = newHarness(t)
	h.say("bố tôi có được trợ cấp hưu trí xã hội không")
	if got := lastReply(t, h.say("bố em 71 tuổi")); got.Text == inviteAsk {
		t.Errorf("an age told after the pension question got the invitation to ask")
	}
}
