package bot_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

const wantTooFast = "Ông/bà gửi nhanh quá, tôi sẽ trả lời lần lượt. Các tin gửi thêm lúc này tôi chỉ ghi lại; xin ông/bà chờ một phút rồi hỏi tiếp."

func flood(t *testing.T, h *harness, chat string, n int) {
	t.Helper()
	for i := range n {
		h.seq++
		u := bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: chat, UserID: chat,
			Text: fmt.Sprint("vay vốn hộ nghèo ", i), Addressed: true}
		if err := h.eng.Handle(context.Background(), u); err != nil {
			t.Fatal(err)
		}
	}
}

// A chat over 20 messages a minute gets one notice and then silence; every
// message is still in the log; the allowance comes back with time.
func TestInboundLimitPerChat(t *testing.T) {
	h := newHarness(t)
	var got []bot.Delivery
	for i := range 25 {
		rows := replies(h.say(fmt.Sprint("vay vốn hộ nghèo lần ", i+1)))
		if i < 20 && len(rows) != 1 {
			t.Fatalf("message %d: %d replies, want an answer", i+1, len(rows))
		}
		if i >= 20 {
			got = append(got, rows...)
		}
	}
	if len(got) != 1 || got[0].Text != wantTooFast || got[0].ChatID != "42" {
		t.Fatalf("messages 21-25 gave %+v, want the notice once", got)
	}
	inbound := inboundLogged(t, h)
	if inbound != 25 {
		t.Errorf("%d inbound messages in the log, want all 25", inbound)
	}
	// Another chat is not affected.
	h.seq++
	other := replies(h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "43", UserID: "43", Text: "vay vốn hộ nghèo", Addressed: true}))
	if len(other) != 1 || other[0].Text == wantTooFast {
		t.Errorf("another chat got %+v, want its answer", other)
	}
	// Three seconds give one message back; the notice is not repeated
	// while the chat stays over the limit, even after an answer.
	h.now = h.now.Add(3 * time.Second)
	if rows := replies(h.say("vay vốn hộ nghèo")); len(rows) != 1 || rows[0].Text == wantTooFast {
		t.Errorf("after 3 s: %+v, want an answer", rows)
	}
	if rows := replies(h.say("vay vốn hộ nghèo")); len(rows) != 0 {
		t.Errorf("over the limit again: %+v, want nothing (the flood had its notice)", rows)
	}
}

// The tester's flood: 30 messages in 3 seconds, then one a second for a
// minute. The chat gets its first 20 messages answered, ONE notice, then
// only what the allowance gives back (one message in three seconds), never
// a second notice; every message is in the log. After a quiet minute the
// chat is answered normally, and a new flood gets a notice again.
func TestFloodGetsOneNotice(t *testing.T) {
	h := newHarness(t)
	answers, notices, sent := 0, 0, 0
	count := func(rows []bot.Delivery) {
		for _, r := range replies(rows) {
			if r.ChatID != "42" {
				t.Fatalf("reply to chat %s", r.ChatID)
			}
			if r.Text == wantTooFast {
				notices++
			} else {
				answers++
			}
		}
	}
	for i := range 30 {
		count(h.say(fmt.Sprint("vay vốn hộ nghèo lần ", i+1)))
		sent++
		h.now = h.now.Add(100 * time.Millisecond)
	}
	if answers != 20 || notices != 1 {
		t.Fatalf("30 messages in 3 s: %d answers and %d notices, want 20 and 1", answers, notices)
	}
	for i := range 60 {
		h.now = h.now.Add(time.Second)
		count(h.say(fmt.Sprint("alo alo ", i+1)))
		sent++
	}
	if notices != 1 {
		t.Errorf("a minute more of flooding: %d notices in all, want still 1", notices)
	}
	if answers < 37 || answers > 41 {
		t.Errorf("%d answers after the flood went on a minute, want 20 + about one every 3 s (20)", answers)
	}
	inbound := inboundLogged(t, h)
	if inbound != sent {
		t.Errorf("%d inbound messages in the log, want all %d", inbound, sent)
	}
	// A quiet minute: the flood is over.
	h.now = h.now.Add(time.Minute)
	before := answers
	count(h.say("vay vốn hộ nghèo"))
	if answers != before+1 || notices != 1 {
		t.Errorf("after a quiet minute: %d answers, %d notices, want one answer more and no notice", answers-before, notices)
	}
	for range 25 {
		count(h.say("vay vốn hộ nghèo"))
	}
	if notices != 2 {
		t.Errorf("a new flood after the quiet minute: %d notices in all, want 2", notices)
	}
}

// Replies a chat has waiting in the outbox count too: a chat whose rows
// cannot be sent does not queue more than bot.MaxPendingReplies of them.
func TestInboundLimitCapsPendingReplies(t *testing.T) {
	h := newHarness(t)
	for range 40 {
		flood(t, h, "77", 1)
		h.now = h.now.Add(10 * time.Second) // within the rate: only the cap applies
	}
	rows, err := h.st.Due(h.now.Add(time.Hour), 1000, nil)
	if err != nil {
		t.Fatal(err)
	}
	notices := 0
	for _, r := range rows {
		if r.Text == wantTooFast {
			notices++
		}
	}
	if len(rows) != bot.MaxPendingReplies+1 || notices != 1 {
		t.Errorf("%d rows pending with %d notices, want %d and one notice", len(rows), notices, bot.MaxPendingReplies+1)
	}
}

// A citizen with a request open who floods the bot loses nothing: the
// messages over the limit go to the request's thread, unannounced, besides
// the log.
func TestFloodKeptInTheOpenTicket(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("/canbo nhà tôi bị dột, xin hỗ trợ sửa nhà")
	officerMsgs := 0
	for i := range 25 {
		rows := h.say(fmt.Sprint("tin số ", i+1))
		officerMsgs += len(to(rows, officerChat))
	}
	h.seq++
	h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "42", UserID: "42",
		Attachment: bot.AttachPhoto, FileID: "AgAC-9", Addressed: true})
	var thread []string
	for _, it := range h.ticket(1).Thread {
		if it.Kind == bot.ItemCitizen {
			thread = append(thread, it.Text+it.FileID)
		}
	}
	if len(thread) != 27 || thread[25] != "tin số 25" || thread[26] != "[ảnh]AgAC-9" {
		t.Errorf("thread holds %d citizen items (last %q), want the question, all 25 messages and the photo", len(thread), thread[len(thread)-1])
	}
	// The officers heard of the 19 messages within the limit (the request
	// took one of the 20), not of the 6 over it.
	if officerMsgs != 19 {
		t.Errorf("the officers got %d messages for the flood, want 19", officerMsgs)
	}
}

// inboundLogged counts the inbound records of chat 42's conversation log.
func inboundLogged(t *testing.T, h *harness) int {
	t.Helper()
	logs, err := h.st.Logs(bot.ChannelTelegram, "42", 100000)
	if err != nil {
		t.Fatal(err)
	}
	inbound := 0
	for _, r := range logs {
		if r.Inbound {
			inbound++
		}
	}
	return inbound
}

// TestButtonPressedDuringFloodIsAnswered: a button pressed over the limit
// changes nothing in the conversation, but the press is answered at once
// with a short note, so that Telegram's spinner stops on the button.
func TestButtonPressedDuringFloodIsAnswered(t *testing.T) {
	h := newHarness(t)
	for i := range 25 {
		h.say(fmt.Sprint("vay vốn hộ nghèo lần ", i+1))
		h.now = h.now.Add(100 * time.Millisecond)
	}
	rows := h.press("m")
	var acks []bot.Delivery
	for _, r := range rows {
		if r.Kind == bot.KindAck {
			acks = append(acks, r)
		}
	}
	if len(acks) != 1 || acks[0].CallbackID != "cb26" || acks[0].Text != "Ông/bà bấm nhanh quá, xin chờ một phút rồi bấm lại." {
		t.Fatalf("acknowledgements %+v, want one for cb26 with the note", acks)
	}
	if r := replies(rows); len(r) != 0 {
		t.Errorf("replies %+v to a press over the limit, want none", r)
	}
}

// TestFloodKeepsNoBareOfficerRequest: over the limit, "gặp cán bộ" said
// again is not put in the open request's thread as the citizen's message
// (as within the limit, alreadyOpen); what follows it still is.
func TestFloodKeepsNoBareOfficerRequest(t *testing.T) {
	h := newOfficerHarness(t)
	h.say("/canbo nhà tôi bị dột, xin hỗ trợ sửa nhà")
	for i := range 19 {
		h.say(fmt.Sprint("tin số ", i+1))
	}
	for _, text := range []string{"gặp cán bộ", "toi muon gap can bo", "gặp cán bộ, tôi muốn hỏi sao chưa được duyệt vay"} {
		h.say(text)
	}
	var thread []string
	for _, it := range h.ticket(1).Thread {
		if it.Kind == bot.ItemCitizen {
			thread = append(thread, it.Text)
		}
	}
	if len(thread) != 21 || thread[19] != "tin số 19" || thread[20] != "gặp cán bộ, tôi muốn hỏi sao chưa được duyệt vay" {
		t.Errorf("thread holds %d citizen items, ending %q; want the question, the 19 messages and the one with content", len(thread), thread[max(len(thread)-2, 0):])
	}
	if n := inboundLogged(t, h); n != 23 {
		t.Errorf("%d inbound records, want all 23", n)
	}
}
