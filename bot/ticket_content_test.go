package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// TestPhoneAfterAnsweredQuestionKeepsTheProblem: a phone number sent right
// after a question the bot answered opens a request that names that
// question, as a matter given after "Gặp cán bộ" does ("cho câu hỏi
// trước: «…»"). Before, the ticket held only "goi cho toi so …".
func TestPhoneAfterAnsweredQuestionKeepsTheProblem(t *testing.T) {
	h := newOfficerHarness(t)
	const problem = "cccd cua toi 038085001234 bi sai ten tren the bhyt"
	h.say(problem)
	rows := h.say("goi cho toi so +84912345678 nhe")
	tks := ticketsOf(t, h)
	if len(tks) != 1 {
		t.Fatalf("%d tickets, want 1", len(tks))
	}
	tk := tks[0]
	if !strings.HasSuffix(tk.BotAnswer, " (cho câu hỏi trước: «"+problem+"»)") || tk.Topic != content.TopicHealthInsurance {
		t.Errorf("ticket bot answer %q, topic %q; want the question before quoted, topic BHYT", tk.BotAnswer, tk.Topic)
	}
	if ann := to(rows, officerChat); len(ann) != 1 || !strings.Contains(ann[0].Text, "cho câu hỏi trước: «") {
		t.Errorf("announcement %+v, want the question before", ann)
	}
}

// TestTicketTopicFromTheMatter: a request that names no programme has no
// topic. Before, "sdt toi 0912345678 ai goi lai giup voi" was filed under
// "Hỗ trợ tiền điện".
func TestTicketTopicFromTheMatter(t *testing.T) {
	h := newOfficerHarness(t)
	// The phone alone asks the matter first (session 70,
	// TestPhoneAloneAsksTheMatterAndIDRefused).
	h.say("sdt toi 0912345678 ai goi lai giup voi")
	h.say("hàng xóm lấn đất nhà tôi")
	tks := ticketsOf(t, h)
	if len(tks) != 1 || tks[0].Topic != "" {
		t.Fatalf("tickets %+v, want one with no topic", tks)
	}
	h2 := newOfficerHarness(t)
	h2.say("/canbo tôi muốn hỏi về vay vốn hộ nghèo")
	if tks := ticketsOf(t, h2); len(tks) != 1 || tks[0].Topic != content.TopicLoan {
		t.Fatalf("tickets %+v, want one about the loan", tks)
	}
}

// TestNothingLostWhileTicketOpen: a message read as a question about the
// open request that says more (an ID number) goes in its thread, is
// announced to the officers and acknowledged; one that only asks how it
// stands gets the status and goes in the thread without an alert
// (TestStatusQuestionInThread). Before, "so cmnd 123456789 cua toi sai"
// got the status and was kept nowhere.
func TestNothingLostWhileTicketOpen(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("sdt toi 0912345678 ai goi lai giup voi")
	h.say("hàng xóm lấn đất nhà tôi")
	const more = "so cmnd 123456789 cua toi sai"
	rows := h.say(more)
	tk := h.ticket(1)
	last := tk.Thread[len(tk.Thread)-1]
	if last.Kind != bot.ItemCitizen || last.Text != more || last.Courtesy {
		t.Fatalf("last thread item %+v, want %q from the citizen", last, more)
	}
	if off := to(rows, officerChat); len(off) != 1 || off[0].Text != "✉️ Người dân nhắn thêm vào yêu cầu #1:\n«so cmnd *******89 cua toi sai»" {
		// Officers read an ID number masked; the thread keeps it.
		t.Errorf("officers got %+v", off)
	}
	if mine := to(rows, "42"); len(mine) != 1 || !strings.HasPrefix(mine[0].Text, "Đã thêm vào yêu cầu #1.\n\n") {
		t.Errorf("citizen got %+v, want the acknowledgement first", mine)
	}
	n := len(h.ticket(1).Thread)
	rows = h.say("phiếu của tôi thế nào rồi")
	if len(h.ticket(1).Thread) != n+1 || len(to(rows, officerChat)) != 0 {
		t.Errorf("status question: thread %d→%d items, officers %d; want one more item, no alert", n, len(h.ticket(1).Thread), len(to(rows, officerChat)))
	}
}

// TestStatusQuestionInThread: a question that only asks how the open
// request stands ("phiếu của tôi thế nào", "yêu cầu của tôi đến đâu rồi",
// "cán bộ trả lời chưa") gets the status and goes in the request's thread
// as the citizen's message, so the officer sees they asked; the status
// still speaks of the message before it. Asked again before NudgeEvery
// has passed since, it is not added again (as "gặp cán bộ" repeated is
// not); after it, it is. Before, none of them went in the thread.
func TestStatusQuestionInThread(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("/canbo tôi muốn khiếu nại cán bộ xã làm sai danh sách hộ nghèo")
	n := len(h.ticket(1).Thread)
	h.now = h.now.Add(10 * time.Minute)
	rows := h.say("phiếu của tôi thế nào")
	const status = "Yêu cầu #1 của ông/bà (gửi 09:30 ngày 27/11/2026): đang chờ cán bộ nhận.\nHạn trả lời: chậm nhất 17:00 ngày 02/12/2026.\nCán bộ chưa xem tin nhắn cuối của ông/bà (gửi lúc 09:30 ngày 27/11/2026)."
	if mine := to(rows, "42"); len(mine) != 1 || mine[0].Text != status {
		t.Errorf("citizen got %+v, want %q", mine, status)
	}
	tk := h.ticket(1)
	last := tk.Thread[len(tk.Thread)-1]
	if len(tk.Thread) != n+1 || last.Kind != bot.ItemCitizen || last.Text != "phiếu của tôi thế nào" || last.Courtesy || !last.Time.Equal(h.now) {
		t.Fatalf("thread %d→%d items, last %+v; want the question added as the citizen's", n, len(tk.Thread), last)
	}
	if off := to(rows, officerChat); len(off) != 0 {
		t.Errorf("officers got %+v, want no alert", off)
	}
	for _, msg := range []string{"yêu cầu của tôi đến đâu rồi", "cán bộ trả lời chưa"} {
		h.now = h.now.Add(5 * time.Minute)
		h.say(msg)
		if got := len(h.ticket(1).Thread); got != n+1 {
			t.Errorf("%q within the hour: thread %d items, want %d", msg, got, n+1)
		}
	}
	h.now = h.now.Add(bot.NudgeEvery)
	h.say("cán bộ trả lời chưa")
	tk = h.ticket(1)
	if last := tk.Thread[len(tk.Thread)-1]; len(tk.Thread) != n+2 || last.Text != "cán bộ trả lời chưa" {
		t.Errorf("after an hour: thread %d items, last %+v; want the question added", len(tk.Thread), last)
	}
}

// TestUrgentTicketNamesTheCommune: the commune a message names fills a
// ticket's, urgent or not, when the citizen declared none. Before, an
// urgent ticket told from "xa Tien Du" showed no commune.
func TestUrgentTicketNamesTheCommune(t *testing.T) {
	h := newOfficerHarness(t)
	rows := h.say("nha toi o xa Tien Du dang bi chay, cuu voi")
	tks := ticketsOf(t, h)
	if len(tks) != 1 || tks[0].Priority != bot.PriorityUrgent || tks[0].Commune != "Tiên Du" {
		t.Fatalf("tickets %+v, want one urgent in Tiên Du", tks)
	}
	if ann := to(rows, officerChat); len(ann) != 1 || !strings.Contains(ann[0].Text, "(xã/phường: Tiên Du)") {
		t.Errorf("announcement %+v, want the commune", ann)
	}
	h2 := newOfficerHarness(t)
	h2.say("/canbo tôi ở phường Tiên Du, muốn hỏi cán bộ về hồ sơ hộ nghèo")
	if tks := ticketsOf(t, h2); len(tks) != 1 || tks[0].Commune != "Tiên Du" {
		t.Fatalf("tickets %+v, want one in Tiên Du", tks)
	}
}
