package bot_test

import (
	"slices"
	"strings"
	"testing"
)

const aboutBotLead = "Tôi là Trợ lý An sinh, một trợ lý tự động (không phải người thật)"

// TestAskedIfBotIsAPerson: "bot có phải người thật không" gets the answer
// about the bot with "Gặp cán bộ" as a button, and no request is opened
// (until session 63 the matcher's reading, a wish for a person, asked for
// the matter and "ko, tôi hỏi thôi" became request #1). Asking for a
// person still asks for the matter.
func TestAskedIfBotIsAPerson(t *testing.T) {
	for _, q := range []string{"bot có phải người thật không", "day la nguoi that hay may tra loi", "co phai robot ko"} {
		h := newOfficerHarness(t)
		got := lastReply(t, h.say(q))
		if !strings.HasPrefix(got.Text, aboutBotLead) || !slices.Contains(buttonData(got), "o") {
			t.Errorf("%q: reply %q %v, want the answer about the bot with the officer button", q, got.Text, buttonData(got))
		}
		h.say("ko, toi hoi thoi")
		if n := len(ticketsOf(t, h)); n != 0 {
			t.Errorf("%q: %d tickets, want none", q, n)
		}
	}
	h := newOfficerHarness(t)
	if got := lastReply(t, h.say("toi muon noi chuyen voi nguoi that")).Text; got != askMatterText {
		t.Errorf("a person asked for: %q, want the question for the matter", got)
	}
}

// TestMatterDeclined: "no, I was only asking" given for the matter ends
// the wait with nothing filed; until session 63 "ko", "hỏi thôi" and "ko,
// tôi hỏi thôi" became the request's question.
func TestMatterDeclined(t *testing.T) {
	const cancelled = "Dạ, tôi chưa gửi gì cho cán bộ xã. Khi cần, ông/bà bấm \"Gặp cán bộ\" hoặc gõ câu hỏi."
	for _, no := range []string{"ko", "không ạ", "không cần", "thôi", "hỏi thôi", "ko, toi hoi thoi", "Không, em chỉ hỏi thôi ạ"} {
		h := newOfficerHarness(t)
		if got := lastReply(t, h.say("gap can bo")).Text; got != askMatterText {
			t.Fatalf("gap can bo: %q", got)
		}
		got := lastReply(t, h.say(no))
		if got.Text != cancelled || !slices.Contains(buttonData(got), "t:officer") {
			t.Errorf("%q: reply %q %v, want %q over the menu", no, got.Text, buttonData(got), cancelled)
		}
		if n := len(ticketsOf(t, h)); n != 0 {
			t.Errorf("%q: %d tickets, want none", no, n)
		}
		// The wait is over: a question next is answered, not filed.
		h.say("ho ngheo vay von duoc bao nhieu")
		if n := len(ticketsOf(t, h)); n != 0 {
			t.Errorf("%q then a question: %d tickets, want none", no, n)
		}
	}
}

// TestAboutBotWhileMatterAsked: asked for a request's matter after "gặp
// cán bộ", a question whether the bot is a person is answered (an
// automatic assistant; what is typed next goes to an officer) in one
// message, and the matter typed next is filed. Until session 63 the bot
// asked for the matter again each time.
func TestAboutBotWhileMatterAsked(t *testing.T) {
	const want = "Dạ, tôi là Trợ lý An sinh, trả lời tự động, không phải người thật. Ông/bà gõ việc cần hỏi, tôi sẽ chuyển ngay cho cán bộ xã (người thật) trả lời."
	h := newHarness(t)
	h.say("gặp cán bộ")
	for _, msg := range []string{"bot có phải người thật không", "ban la nguoi that a", "bạn là người hay máy"} {
		rows := h.say(msg)
		if len(rows) != 1 || rows[0].Text != want {
			t.Errorf("%q: %d replies, last %q, want %q", msg, len(rows), lastReply(t, rows).Text, want)
		}
		if tks := ticketsOf(t, h); len(tks) != 0 {
			t.Errorf("%q: filed %+v", msg, tks)
		}
	}
	h.say("me toi 80 tuoi xin tro cap o dau")
	if tks := ticketsOf(t, h); len(tks) != 1 || tks[0].Question != "me toi 80 tuoi xin tro cap o dau" {
		t.Errorf("matter: filed %+v, want it", tks)
	}
}
