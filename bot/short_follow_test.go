package bot_test

import (
	"strings"
	"testing"
	"time"
)

// TestRateAskedInTeencodeQuotesTheRate: "lsuat bn a" after the near-poor
// loan asks for its rate, as "ls bn" does: the reply quotes the rate line,
// not the whole answer again. Until session 71 it got "Dạ, như tôi vừa trả
// lời:" and all five lines (QA pass 71 #18, f10).
func TestRateAskedInTeencodeQuotesTheRate(t *testing.T) {
	reply := func(follow string) string {
		h := newHarness(t)
		h.say("ad oi cho e hoi ho can ngheo dc vay bn z")
		h.now = h.now.Add(time.Minute)
		return lastReply(t, h.say(follow)).Text
	}
	want := reply("ls bn a")
	if strings.HasPrefix(want, "Dạ, như tôi vừa trả lời:") || !strings.Contains(want, "7,92%/năm") {
		t.Fatalf("ls bn a: %q, want the rate line", want)
	}
	for _, m := range []string{"lsuat bn a", "lai suat bn"} {
		if got := reply(m); got != want {
			t.Errorf("%q: %q, want %q", m, got, want)
		}
	}
}

// TestSameQuestionAgainGetsTheAnswerAgain: the same question sent again
// gets the answer again, whole, as the answer has scrolled away. Until
// session 71 "hộ nghèo được hỗ trợ gì" sent twice got "Dạ, câu trả lời «Hộ
// nghèo được hưởng những gì» ở trên là dành cho hộ nghèo ạ." (QA pass 71
// #18, f07).
func TestSameQuestionAgainGetsTheAnswerAgain(t *testing.T) {
	h := newHarness(t)
	const q = "ho ngheo duoc ho tro gi"
	first := lastReply(t, h.say(q)).Text
	if !strings.HasPrefix(first, "Hộ có tên trong danh sách hộ nghèo của xã được:") {
		t.Fatalf("first: %q", first)
	}
	want := "Dạ, như tôi vừa trả lời:\n\n" + first
	for i, m := range []string{q, "Hộ nghèo được hỗ trợ gì?"} {
		h.now = h.now.Add(time.Minute)
		if got := lastReply(t, h.say(m)).Text; got != want {
			t.Errorf("%d %q: %q, want %q", i+2, m, got, want)
		}
	}
}
