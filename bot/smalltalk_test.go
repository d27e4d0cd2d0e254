package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// Replies to small talk (bot/smalltalk.go).
const (
	inviteAsk   = "Dạ, ông/bà cứ hỏi ạ. Ông/bà gõ câu hỏi như khi nói chuyện, ví dụ: \"hộ cận nghèo có được vay vốn không\", \"thẻ BHYT hết hạn thì làm thế nào\"."
	botHere     = "Dạ, có tôi đây ạ: Trợ lý An sinh, trả lời tự động. Ông/bà cứ hỏi, ví dụ: \"hộ cận nghèo có được vay vốn không\". Muốn hỏi cán bộ xã, ông/bà bấm \"Gặp cán bộ\"."
	symbolNoted = "Dạ, tôi đã nhận được ạ. Ông/bà cần hỏi gì, cứ nhắn cho tôi."
	askMatter   = "Ông/bà cần hỏi việc gì? Ông/bà gõ câu hỏi hoặc kể ngắn gọn sự việc, tôi sẽ chuyển ngay cho cán bộ xã."
)

// noUnanswered fails when the unanswered list holds anything.
func noUnanswered(t *testing.T, h *harness, after string) {
	t.Helper()
	if recs, err := h.st.Unanswered(time.Time{}); err != nil || len(recs) != 0 {
		t.Errorf("%s: %d unanswered records (%v), want none: %+v", after, len(recs), err, recs)
	}
}

// TestSmallTalkOutsideARequest: with no request open and nothing awaited,
// a message that only asks leave to ask ("cho em hỏi chút ạ", marked or
// not), asks whether anyone is there, agrees or is an emoji gets a short
// reply without the menu's ten buttons; none goes on the unanswered list,
// opens a ticket or reaches the officers. Before, the openers got the
// "which programme" question over the menu and went on the list, "có ai
// không ạ" started a request for an officer, "oki" was read as students'
// support and "👍" was not understood.
func TestSmallTalkOutsideARequest(t *testing.T) {
	kb := mustKB(t)
	entry := func(id string) string {
		en, ok := kb.Entry(id)
		if !ok {
			t.Fatalf("no entry %s", id)
		}
		return en.Render()
	}
	ok, thanks, greeting := entry("chat-ok"), entry("chat-thanks"), entry("chat-greeting")
	for _, c := range []struct {
		text, want string
		buttons    string // the buttons' data
	}{
		{"cho em hỏi chút ạ", inviteAsk, "m"},
		{"em hỏi tí", inviteAsk, "m"},
		{"bác ơi cho hỏi", inviteAsk, "m"},
		{"cho em hoi chut a", inviteAsk, "m"},
		{"bac oi cho hoi", inviteAsk, "m"},
		{"hỏi tý", inviteAsk, "m"},
		{"cho mình hỏi 1 chút", inviteAsk, "m"},
		{"Anh chị ơi, em muốn hỏi ạ", inviteAsk, "m"},
		{"ad ơi", inviteAsk, "m"},
		{"có ai không ạ", botHere, "o m"},
		{"co ai khong a", botHere, "o m"},
		{"có ai ở đó không", botHere, "o m"},
		{"alo alo có ai không", botHere, "o m"},
		{"👍", symbolNoted, "m"},
		{"👍👍", symbolNoted, "m"},
		{"🙏", symbolNoted, "m"},
		{"ok", ok, "e:chat-help o m"},
		{"vâng", ok, "e:chat-help o m"},
		{"oki", ok, "e:chat-help o m"},
		{"ừm", ok, "e:chat-help o m"},
		{"dạ vâng ạ", ok, "e:chat-help o m"},
		{"cảm ơn nhé", thanks, "e:chat-help o m"},
		{"xin chào", greeting, "e:chat-help e:chat-about-bot o m"},
	} {
		got := quietReply(t, c.text, c.buttons)
		if got.Text != c.want {
			t.Errorf("%q: %q, want %q", c.text, got.Text, c.want)
		}
	}
}

// quietReply says text in a new conversation and returns the one reply,
// having checked its buttons and that nothing else followed: no
// unanswered record, no ticket, nothing to the officers.
func quietReply(t *testing.T, text, buttons string) bot.Delivery {
	t.Helper()
	h := newOfficerHarness(t)
	rows := h.say(text)
	got := one(t, rows)
	if b := strings.Join(buttonData(got), " "); b != buttons {
		t.Errorf("%q: buttons %s, want %s", text, b, buttons)
	}
	noUnanswered(t, h, text)
	noTickets(t, h, text)
	if n := len(officerRows(rows)); n != 0 {
		t.Errorf("%q: %d rows to the officers, want none", text, n)
	}
	return got
}

// TestSmallTalkThenTheQuestion: words of small talk before a question do
// not hide it ("cho em hỏi chút, hộ cận nghèo có được vay không" is the
// near-poor loan's), and the question sent after an opener or "có ai
// không" is answered by the bot, not filed for an officer. Messages that
// say more than small talk are read as before.
func TestSmallTalkThenTheQuestion(t *testing.T) {
	kb := mustKB(t)
	const question = "hộ cận nghèo có được vay không"
	r := kb.Match(question, content.DateOf(fixedNow))
	if r.Entry == nil || r.Entry.ID != "loan-near-poor" {
		t.Fatalf("%q reads %v, want loan-near-poor", question, r.Entry)
	}
	want := r.Entry.Render()
	h := newOfficerHarness(t)
	if got := lastReply(t, h.say("cho em hỏi chút, "+question)); got.Text != want {
		t.Errorf("opener and question: %.80q…, want loan-near-poor's answer", got.Text)
	}
	for _, opener := range []string{"cho em hỏi chút ạ", "có ai không ạ"} {
		h := newOfficerHarness(t)
		h.say(opener)
		rows := h.say(question)
		if got := lastReply(t, rows); got.Text != want {
			t.Errorf("%q then the question: %.80q…, want loan-near-poor's answer", opener, got.Text)
		}
		noTickets(t, h, opener+" then the question")
		if n := len(officerRows(rows)); n != 0 {
			t.Errorf("%q then the question: %d rows to the officers, want none", opener, n)
		}
	}
	for _, text := range []string{
		"cho em hỏi về vay vốn", "có ai trực không", "tôi muốn hỏi cán bộ", "em không hiểu",
		"ok vay 50 triệu lãi bao nhiêu", "dạ nhà em hộ nghèo", "hỏi gì", "rồi",
	} {
		h := newOfficerHarness(t)
		got := lastReply(t, h.say(text))
		if got.Text == inviteAsk || got.Text == botHere || got.Text == symbolNoted {
			t.Errorf("%q: %q, want it read as a message of its own", text, got.Text)
		}
	}
}

// TestSmallTalkWhileWaitingForTheMatter: after "Gặp cán bộ", an opener or
// an emoji is no matter for the officer: the bot asks for it again and
// files nothing (before, "cho em hỏi chút ạ" became the request). Once a
// request is open, small talk keeps the request's own replies: an emoji
// is noted without alerting the officers, words are added to the request.
func TestSmallTalkWhileWaitingForTheMatter(t *testing.T) {
	h := newOfficerHarness(t)
	if got := lastReply(t, h.say("gặp cán bộ")); got.Text != askMatter {
		t.Fatalf("gặp cán bộ: %q", got.Text)
	}
	for _, text := range []string{"cho em hỏi chút ạ", "👍", "ok"} {
		rows := h.say(text)
		if got := lastReply(t, rows); got.Text != askMatter {
			t.Errorf("%q as the matter: %q, want the question again", text, got.Text)
		}
		if n := len(officerRows(rows)); n != 0 {
			t.Errorf("%q as the matter: %d rows to the officers, want none", text, n)
		}
		noTickets(t, h, text+" as the matter")
	}
	if got := lastReply(t, h.say("tôi cần xin giấy xác nhận hộ cận nghèo")); !strings.Contains(got.Text, "#1") {
		t.Fatalf("no request opened: %q", got.Text)
	}
	for _, s := range []struct {
		text, want string
		alerts     int
	}{
		{"👍", "Dạ, tôi đã nhận được ạ.", 0},
		{"cho em hỏi chút ạ", "Đã thêm vào yêu cầu #1.", 1},
	} {
		rows := h.say(s.text)
		if got := lastReply(t, rows); got.Text != s.want {
			t.Errorf("request open, %q: %q, want %q", s.text, got.Text, s.want)
		}
		if n := len(officerRows(rows)); n != s.alerts {
			t.Errorf("request open, %q: %d rows to the officers, want %d", s.text, n, s.alerts)
		}
		if th := h.ticket(1).Thread; th[len(th)-1].Text != s.text {
			t.Errorf("request open, %q: last thread item %q, want the message", s.text, th[len(th)-1].Text)
		}
	}
	if tickets, _ := h.st.Tickets(bot.TicketFilter{}); len(tickets) != 1 {
		t.Errorf("%d tickets, want 1", len(tickets))
	}
	noUnanswered(t, h, "the matter and the request")
}
