package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

const askMatterText = "Ông/bà cần hỏi việc gì? Ông/bà gõ câu hỏi hoặc kể ngắn gọn sự việc, tôi sẽ chuyển ngay cho cán bộ xã."

func buttonsOf(d bot.Delivery) string {
	var b []string
	for _, x := range d.Buttons {
		b = append(b, x.Label+"="+x.Data)
	}
	return strings.Join(b, ", ")
}

func ticketsOf(t *testing.T, h *harness) []bot.Ticket {
	t.Helper()
	tks, err := h.st.Tickets(bot.TicketFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return tks
}

// TestOfficerAskedForTheMatter: /canbo after a question the bot answered
// files nothing yet: the bot asks what the officer should help with, and the
// next message is the request's matter, with the answer given as its
// context. Until session 61 the answered question was filed at once.
func TestOfficerAskedForTheMatter(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("hộ nghèo vay vốn được bao nhiêu")
	rows := h.say("/canbo")
	ask := one(t, rows)
	if ask.ChatID != "42" || ask.Text != askMatterText || buttonsOf(ask) != "Danh mục=m" {
		t.Fatalf("/canbo: %q to %s with [%s], want the question for the matter with the menu only", ask.Text, ask.ChatID, buttonsOf(ask))
	}
	if n := len(to(rows, officerChat)); n != 0 || len(ticketsOf(t, h)) != 0 {
		t.Fatalf("/canbo: %d announcements, %d tickets, want none yet", n, len(ticketsOf(t, h)))
	}
	const matter = "tôi muốn vay 50 triệu làm chuồng bò, nhờ cán bộ hướng dẫn hồ sơ"
	rows = h.say(matter)
	tks := ticketsOf(t, h)
	if len(tks) != 1 || tks[0].Question != matter || tks[0].Thread[0].Text != matter || tks[0].Topic != content.TopicLoan || tks[0].BotAnswer == "" {
		t.Fatalf("tickets = %+v, want one about %q, topic loan, with the answer given before", tks, matter)
	}
	ann := to(rows, officerChat)
	if len(ann) != 1 || !strings.Contains(ann[0].Text, "Câu hỏi: "+matter+"\n") || !strings.Contains(ann[0].Text, "Bot đã trả lời: "+tks[0].BotAnswer) {
		t.Errorf("announcement = %+v", ann)
	}
	if got := to(rows, "42"); len(got) != 1 || !strings.Contains(got[0].Text, "#1") {
		t.Errorf("citizen told %+v, want the request #1 confirmed", got)
	}
}

// TestAskedBeforeOffered: a question the bot could not answer, asked within
// the last ten minutes, is offered under the question for the matter as
// "Gửi câu vừa hỏi"; pressing it (or its number, on Zalo) files that
// question; pressing it again files nothing twice. An older question, or
// one the bot answered, is not offered.
func TestAskedBeforeOffered(t *testing.T) {
	const q = "nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong"
	h := newOfficerHarness(t)
	h.say(q)
	h.now = h.now.Add(3 * time.Minute)
	ask := one(t, h.press("o"))
	if ask.Text != askMatterText || buttonsOf(ask) != "Gửi câu vừa hỏi=o:q, Danh mục=m" {
		t.Fatalf("Gặp cán bộ after a miss: %q [%s], want the question for the matter and the offer", ask.Text, buttonsOf(ask))
	}
	if len(ticketsOf(t, h)) != 0 {
		t.Fatal("a ticket before the citizen chose")
	}
	rows := h.press("o:q")
	tks := ticketsOf(t, h)
	if len(tks) != 1 || tks[0].Question != q || len(tks[0].Thread) != 1 || tks[0].Thread[0].Text != q {
		t.Fatalf("after Gửi câu vừa hỏi: tickets %+v, want one with the question", tks)
	}
	if ann := to(rows, officerChat); len(ann) != 1 || !strings.Contains(ann[0].Text, "Câu hỏi: "+q+"\n") {
		t.Errorf("announcement = %+v", ann)
	}
	h.press("o:q") // an old button pressed again
	if tks := ticketsOf(t, h); len(tks) != 1 || len(tks[0].Thread) != 1 {
		t.Errorf("pressed again: tickets %+v, want the same one, its thread unchanged", tks)
	}

	// Older than ten minutes: not offered.
	h2 := newOfficerHarness(t)
	h2.say(q)
	h2.now = h2.now.Add(11 * time.Minute)
	if ask := one(t, h2.say("/canbo")); buttonsOf(ask) != "Danh mục=m" {
		t.Errorf("/canbo 11 minutes after the miss: [%s], want no offer", buttonsOf(ask))
	}

	// Zalo: the number typed picks it.
	h3 := newOfficerHarness(t)
	zalo := func(text string) []bot.Delivery {
		h3.seq++
		return h3.handle(bot.Update{Channel: bot.ChannelZalo, ID: fmt.Sprint(h3.seq), ChatID: "z1", UserID: "z1", Name: "Ông Ba", Text: text, Addressed: true})
	}
	zalo(q)
	if ask := one(t, zalo("gặp cán bộ")); ask.Text != askMatterText || buttonsOf(ask) != "Gửi câu vừa hỏi=o:q, Danh mục=m" {
		t.Fatalf("Zalo: %q [%s]", ask.Text, buttonsOf(ask))
	}
	zalo("1")
	if tks := ticketsOf(t, h3); len(tks) != 1 || tks[0].Question != q || tks[0].Citizen.Channel != bot.ChannelZalo {
		t.Errorf("Zalo \"1\": tickets %+v, want one with the question", tks)
	}
}

// TestStatusAskedForMatter: asked for the matter, a citizen who asks about
// their request ("phieu cua toi the nao") gets its status, here that there
// is none, and no ticket is filed with the question as its matter.
func TestStatusAskedForMatter(t *testing.T) {
	h := newOfficerHarness(t)
	if got := one(t, h.say("/canbo")).Text; got != askMatterText {
		t.Fatalf("/canbo: %q, want the question for the matter", got)
	}
	rows := h.say("phieu cua toi the nao")
	if n := len(ticketsOf(t, h)); n != 0 {
		t.Fatalf("%d tickets, want none filed", n)
	}
	if n := len(to(rows, officerChat)); n != 0 {
		t.Errorf("%d announcements to the officers, want none", n)
	}
	got := lastReply(t, rows)
	const none = "Ông/bà chưa gửi yêu cầu nào cho cán bộ xã. Nếu cần hỏi cán bộ, ông/bà bấm \"Gặp cán bộ\" và ghi rõ việc cần hỏi."
	if got.Text != none {
		t.Errorf("reply %q, want %q", got.Text, none)
	}
}

// TestBareNumberIsNoMatter: asked for a request's matter, a bare number
// (the main menu's "10", which this reply does not list) is asked again,
// as a greeting is, and files nothing. Until session 63 it filed a
// request whose question was "10".
func TestBareNumberIsNoMatter(t *testing.T) {
	for _, msg := range []string{"10", "số 10", "7"} {
		h := newHarness(t)
		h.say("gặp cán bộ")
		if got := lastReply(t, h.say(msg)); got.Text != askMatterText {
			t.Errorf("%q: %q, want the matter asked again", msg, got.Text)
		}
		if tks := ticketsOf(t, h); len(tks) != 0 {
			t.Errorf("%q: filed %+v", msg, tks)
		}
	}
}
