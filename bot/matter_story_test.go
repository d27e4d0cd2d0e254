package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestMatterStoryWithAPersonAskedFor: asked "Ông/bà cần hỏi việc gì?", a
// citizen who tells their situation and asks again for an officer to come
// or listen has given the matter: it is filed, the story as the ticket's
// question. A bare request for a person, with courtesy or a greeting
// beside it, is still asked for the matter. The messages are written for
// this test.
func TestMatterStoryWithAPersonAskedFor(t *testing.T) {
	const askMatter = "Ông/bà cần hỏi việc gì?"
	for _, matter := range []string{
		"nhà tôi có mẹ già 80 tuổi nằm liệt, tôi muốn cán bộ xã xuống nhà xem hoàn cảnh",
		"chồng tôi mất năm ngoái, một mình nuôi 3 con, muốn gặp cán bộ trình bày",
		"bo toi bi tai bien nam mot cho, nha khong ai di lam, can gap can bo xa",
	} {
		h := newHarness(t)
		if got := lastReply(t, h.say("gặp cán bộ")); !strings.HasPrefix(got.Text, askMatter) {
			t.Fatalf("gặp cán bộ: %.80q, want the matter asked", got.Text)
		}
		got := lastReply(t, h.say(matter))
		tks, err := h.st.Tickets(bot.TicketFilter{})
		if err != nil || len(tks) != 1 {
			t.Errorf("%q: %.80q, tickets %d (%v), want one filed", matter, got.Text, len(tks), err)
			continue
		}
		if tks[0].Question != matter {
			t.Errorf("%q: the ticket's question %q, want the story", matter, tks[0].Question)
		}
	}
	for _, bare := range []string{
		"tôi muốn gặp cán bộ",
		"dạ, cho tôi gặp cán bộ xã",
		"alo alo có ai không, tôi muốn gặp cán bộ",
		"vâng ạ, em cần gặp người thật, không phải máy",
	} {
		h := newHarness(t)
		h.say("gặp cán bộ")
		got := lastReply(t, h.say(bare))
		if !strings.HasPrefix(got.Text, askMatter) {
			t.Errorf("%q: %.80q, want the matter asked again", bare, got.Text)
		}
		if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
			t.Errorf("%q: tickets %d (%v), want none", bare, len(tks), err)
		}
	}
}
