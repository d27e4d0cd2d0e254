package bot_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store/storetest"
)

func TestParseTicketRef(t *testing.T) {
	cases := map[string]bot.TicketRef{
		"ann:12":   {Kind: bot.RefAnnouncement, Ticket: 12},
		"reply:3":  {Kind: bot.RefAnswer, Ticket: 3},
		"":         {},
		"ann:":     {},
		"ann:0":    {},
		"ann:x":    {},
		"reply:-1": {},
		"rem:4":    {},
	}
	for in, want := range cases {
		got, ok := bot.ParseTicketRef(in)
		if got != want || ok != (want.Ticket != 0) {
			t.Errorf("ParseTicketRef(%q) = %+v, %v; want %+v", in, got, ok, want)
		}
		if ok && got.String() != in {
			t.Errorf("%+v.String() = %q, want %q", got, got.String(), in)
		}
	}
}

// TestTicketOutcome runs the consequences of delivery outcomes inside a
// real store transaction, as the store does when it records them.
func TestTicketOutcome(t *testing.T) {
	st := storetest.Open(t)
	at := fixedNow.Add(time.Hour)
	tk := bot.Ticket{Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}, ChatID: "42", Question: "Hỏi vay vốn",
		Status: bot.StatusAnswered, Priority: bot.PriorityNormal, Created: fixedNow, Updated: fixedNow,
		Thread: []bot.ThreadItem{{Time: fixedNow, Kind: bot.ItemOfficer, Author: "telegram:5001", Text: "Mời bác lên xã"}}}
	apply := func(fn func(tx bot.Tx) error) {
		t.Helper()
		if err := st.Apply(context.Background(), fn); err != nil {
			t.Fatal(err)
		}
	}
	apply(func(tx bot.Tx) error { return tx.PutTicket(&tk) })
	ann := bot.Delivery{Channel: bot.ChannelTelegram, ChatID: "-100500", Ref: bot.TicketRef{Kind: bot.RefAnnouncement, Ticket: tk.ID}.String()}
	answer := bot.Delivery{Channel: bot.ChannelTelegram, ChatID: "42", Ref: bot.TicketRef{Kind: bot.RefAnswer, Ticket: tk.ID}.String()}

	apply(func(tx bot.Tx) error {
		return bot.TicketOutcome(tx, &ann, bot.Outcome{Sent: true, At: at, Result: bot.SendResult{MessageIDs: []string{"77", "78"}}})
	})
	apply(func(tx bot.Tx) error {
		for _, m := range []string{"77", "78"} {
			got, err := tx.MessageRef(bot.ChannelTelegram, "-100500", m)
			if err != nil || got != (bot.TicketRef{Kind: bot.RefAnnouncement, Ticket: tk.ID}) {
				t.Errorf("announcement message %s → %+v, %v; want ticket %d's announcement", m, got, err, tk.ID)
			}
		}
		return nil
	})

	apply(func(tx bot.Tx) error { return bot.TicketOutcome(tx, &answer, bot.Outcome{Sent: true, At: at}) })
	if got, _ := st.Ticket(tk.ID); !got.AnswerSent.Equal(at) || got.ContactNeeded {
		t.Errorf("after delivery: AnswerSent %v, ContactNeeded %v", got.AnswerSent, got.ContactNeeded)
	}

	apply(func(tx bot.Tx) error {
		return bot.TicketOutcome(tx, &answer, bot.Outcome{Dead: true, At: at, Reason: "người dùng đã chặn bot"})
	})
	got, _ := st.Ticket(tk.ID)
	last := got.Thread[len(got.Thread)-1]
	if !got.ContactNeeded || got.ContactReason != "người dùng đã chặn bot" || last.Kind != bot.ItemEvent ||
		last.Text != "Không gửi được trả lời: người dùng đã chặn bot" {
		t.Errorf("after a dead answer: %+v", got)
	}
	// The officer who wrote the answer, told "Đã gửi" when confirming it,
	// is told in their private chat that it did not arrive.
	due, err := st.Due(at, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	var told []string
	for _, d := range due {
		if d.Kind == bot.KindOfficer {
			told = append(told, d.Channel+":"+d.ChatID+" "+d.Text)
		}
	}
	want := fmt.Sprintf("telegram:5001 ⚠️ Chưa gửi được câu trả lời phiếu #%d đến người dân. Ông/bà liên hệ lại bằng điện thoại hoặc mời người dân lên xã; lý do ghi trong phiếu (/phieu %d).", tk.ID, tk.ID)
	if len(told) != 1 || told[0] != want {
		t.Errorf("officer rows after a dead answer: %q, want [%q]", told, want)
	}

	// A row of a ticket that no longer exists changes nothing and fails nothing.
	gone := bot.Delivery{Ref: bot.TicketRef{Kind: bot.RefAnswer, Ticket: 999}.String()}
	apply(func(tx bot.Tx) error {
		return bot.TicketOutcome(tx, &gone, bot.Outcome{Dead: true, At: at, Reason: "x"})
	})
}

func TestTicketPurge(t *testing.T) {
	cutoff := fixedNow
	closed := bot.Ticket{Status: bot.StatusClosed, Closed: fixedNow.Add(-time.Hour), Name: "Bà Lan", Question: "q", BotAnswer: "a",
		Resolution: "r", ContactReason: "c", Thread: []bot.ThreadItem{{Text: "x"}}, Topic: "loan"}
	if !closed.PurgeDue(cutoff) {
		t.Fatal("a ticket closed before the cutoff is not due")
	}
	closed.Purge()
	if closed.Name != "" || closed.Question != "" || closed.BotAnswer != "" || closed.Resolution != "" || closed.ContactReason != "" ||
		closed.Thread != nil || !closed.Purged || closed.Topic != "loan" || closed.PurgeDue(cutoff) {
		t.Errorf("purged = %+v", closed)
	}
	for _, tk := range []bot.Ticket{
		{Status: bot.StatusClosed, Closed: fixedNow.Add(time.Hour)},
		{Status: bot.StatusAnswered, Closed: fixedNow.Add(-time.Hour)},
		{Status: bot.StatusClosed},
	} {
		if tk.PurgeDue(cutoff) {
			t.Errorf("%+v is due for purging", tk)
		}
	}
}
