package bot_test

import (
	"strings"
	"testing"
)

// TestMatterKeepsTheQuestionAnswered: the matter given after "Gặp cán bộ"
// often leaves out what was asked before it; the ticket's "Bot đã trả lời"
// names that question, so the officer reads both.
func TestMatterKeepsTheQuestionAnswered(t *testing.T) {
	const q = "ba toi 80 tuoi o mot minh, khong con ai, co duoc tro cap gi khong"
	const matter = "ba toi o thon Dong Xuyen xa Dai Dong, ba khong biet chu, nho toi hoi ho"
	h := newOfficerHarness(t)
	h.say(q)
	h.say("gặp cán bộ")
	rows := h.say(matter)
	tks := ticketsOf(t, h)
	if len(tks) != 1 || tks[0].Question != matter {
		t.Fatalf("tickets = %+v, want one about %q", tks, matter)
	}
	want := " (cho câu hỏi trước: «" + q + "»)"
	if !strings.HasSuffix(tks[0].BotAnswer, want) || strings.HasPrefix(tks[0].BotAnswer, " ") {
		t.Errorf("BotAnswer = %q, want the answer's title and %q", tks[0].BotAnswer, want)
	}
	ann := to(rows, officerChat)
	if len(ann) != 1 || !strings.Contains(ann[0].Text, "Bot đã trả lời: "+tks[0].BotAnswer+"\n") {
		t.Errorf("announcement = %+v, want the answer with the question it was for", ann)
	}
}
