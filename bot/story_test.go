package bot_test

import (
	"strings"
	"testing"
)

// TestStoryToldBefore: whom the questions are for, told in an earlier
// message of the chat (a school level, a disability), is read with a later
// question that tells none. Until session 68 "vay được không" after "con
// tôi năm nay thi đại học" and "nhà hộ nghèo" got the poor household's
// loan, and "bố tôi có được trợ cấp gì không" after a stroke that left
// the father paralysed the allowances in general (tester c52, c41).
func TestStoryToldBefore(t *testing.T) {
	h := newHarness(t)
	h.say("con tôi năm nay thi đại học")
	h.say("nhà hộ nghèo")
	student := entry(t, h, "loan-student")
	if got := lastReply(t, h.say("vay được không")).Text; !strings.HasSuffix(got, student.Render()) {
		t.Errorf("vay được không: %.200q…, want the student loan", got)
	}
	if got := lastReply(t, h.say("bao nhiêu")).Text; !strings.HasPrefix(got, "Dạ, phần trả lời cho câu này trong «"+student.Title+"»:") {
		t.Errorf("bao nhiêu: %.200q…, want the student loan's amounts", got)
	}
	if got := lastReply(t, h.say("còn học phí")).Text; !strings.HasPrefix(got, "Học trung cấp, cao đẳng, đại học:") {
		t.Errorf("còn học phí: %.200q…, want the fees of vocational school and university", got)
	}

	h = newHarness(t)
	h.say("bố tôi bị đột quỵ năm ngoái giờ liệt nửa người")
	h.say("nhà tôi cận nghèo")
	disability := entry(t, h, "social-disability")
	if got := lastReply(t, h.say("bố tôi có được trợ cấp gì không")).Text; !strings.HasSuffix(got, disability.Render()) {
		t.Errorf("trợ cấp: %.200q…, want the disability allowance", got)
	}

	// Another person named is not the one the story told of.
	h = newHarness(t)
	h.say("con tôi năm nay thi đại học")
	if got, want := lastReply(t, h.say("mẹ tôi có được vay vốn không")).Text, lastReply(t, newHarness(t).say("mẹ tôi có được vay vốn không")).Text; got != want {
		t.Errorf("mẹ: %.200q…, want as in a fresh chat %.200q…", got, want)
	}
}
