package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// TicketRef ties an outbox row to a ticket (Delivery.Ref): the row
// announces the ticket to officers, or carries an officer's answer to the
// citizen.
type TicketRef struct {
	Kind   string // RefAnnouncement, RefAnswer, RefReplyPrompt or RefClosePrompt
	Ticket uint64
}

// String is the ref as Delivery.Ref stores it ("ann:12").
func (r TicketRef) String() string { return r.Kind + strconv.FormatUint(r.Ticket, 10) }

// ParseTicketRef reads a Delivery.Ref; ok is false for a ref that is not a
// ticket's (empty, or some other kind of row).
func ParseTicketRef(s string) (TicketRef, bool) {
	for _, kind := range []string{RefAnnouncement, RefAnswer, RefReplyPrompt, RefClosePrompt} {
		if rest, found := strings.CutPrefix(s, kind); found {
			id, err := strconv.ParseUint(rest, 10, 64)
			if err != nil || id == 0 {
				return TicketRef{}, false
			}
			return TicketRef{Kind: kind, Ticket: id}, true
		}
	}
	return TicketRef{}, false
}

// textUndelivered is the thread line recorded when an officer's answer
// could not reach the citizen.
const textUndelivered = "Không gửi được trả lời: "

// TicketOutcome applies what the outcome of a ticket's outbox row means for
// the ticket. The store calls it inside the transaction that records the
// outcome, so both are written or neither:
//   - an announcement, or a prompt to an officer, the platform accepted:
//     its message ids lead back to the ticket and say what a reply to them
//     is (officers answer by replying to it);
//   - an answer the platform accepted: the ticket records when;
//   - an answer that could not be delivered: the ticket needs the officer
//     to contact the citizen another way, and says why in its thread.
//
// A row whose ticket is gone (purged, unknown) changes nothing.
func TicketOutcome(tx Tx, d *Delivery, o Outcome) error {
	ref, ok := ParseTicketRef(d.Ref)
	if !ok {
		return nil
	}
	switch {
	case o.Sent && ref.Kind != RefAnswer:
		// Officers reply in the chat that got the message, which is not the
		// row's when the group has a new id (a Telegram supergroup).
		chat := d.ChatID
		if o.Result.ChatID != "" {
			chat = o.Result.ChatID
		}
		for _, m := range o.Result.MessageIDs {
			if err := tx.LinkTicketMessage(d.Channel, chat, m, ref); err != nil {
				return fmt.Errorf("link message %s of ticket %d: %w", ref.Kind, ref.Ticket, err)
			}
		}
		return nil
	case ref.Kind == RefAnswer && (o.Sent || o.Dead):
		t, err := tx.Ticket(ref.Ticket)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if o.Sent {
			t.AnswerDelivered(o.At)
		} else {
			t.AnswerUndelivered(o.Reason, o.At)
			if err := tellUndelivered(tx, &t, o); err != nil {
				return err
			}
		}
		return tx.PutTicket(&t)
	}
	return nil
}

// textUndeliveredOfficer tells the officer whose answer could not reach
// the citizen (%d: the ticket, twice): they were told "Đã gửi" when they
// confirmed it. Why is in the ticket's thread, in the platform's words.
const textUndeliveredOfficer = "⚠️ Chưa gửi được câu trả lời phiếu #%d đến người dân. Ông/bà liên hệ lại bằng điện thoại hoặc mời người dân lên xã; lý do ghi trong phiếu (/phieu %d)."

// tellUndelivered queues, in the transaction that records the failure, a
// message to the private chat of the officer who wrote the answer t's
// latest officer item holds: their confirmation said it was sent. An
// answer from the console or a channel without private chats is left to
// the ticket's "cần liên hệ lại" mark.
func tellUndelivered(tx Tx, t *Ticket, o Outcome) error {
	author := ""
	for i := len(t.Thread) - 1; i >= 0 && author == ""; i-- {
		if t.Thread[i].Kind == ItemOfficer {
			author = t.Thread[i].Author
		}
	}
	channel, id, ok := strings.Cut(author, ":")
	if !ok || id == "" || channel != ChannelTelegram && channel != ChannelZalo && channel != ChannelZaloOA {
		return nil
	}
	d := Delivery{Kind: KindOfficer, Channel: channel, ChatID: id, UserID: id,
		Text: fmt.Sprintf(textUndeliveredOfficer, t.ID, t.ID), Created: o.At, NotBefore: o.At}
	if _, err := tx.Enqueue(&d); err != nil {
		return fmt.Errorf("tell the officer ticket %d's answer was not delivered: %w", t.ID, err)
	}
	return nil
}

// AnswerDelivered records that the platform accepted the officer's answer.
func (t *Ticket) AnswerDelivered(at time.Time) { t.AnswerSent = at }

// AnswerUndelivered flags the ticket for contact by other means, with the
// reason in its thread.
func (t *Ticket) AnswerUndelivered(reason string, at time.Time) {
	t.ContactNeeded, t.ContactReason, t.Updated = true, reason, at
	t.Thread = append(t.Thread, ThreadItem{Time: at, Kind: ItemEvent, Text: textUndelivered + reason})
}

// PurgeDue reports whether the retention period is over for the ticket:
// closed before cutoff and not yet purged.
func (t *Ticket) PurgeDue(cutoff time.Time) bool {
	return t.Status == StatusClosed && !t.Purged && !t.Closed.IsZero() && t.Closed.Before(cutoff)
}

// Purge removes what the citizen and officers wrote, keeping the number,
// dates, topic and status for statistics.
func (t *Ticket) Purge() {
	t.Name, t.Question, t.BotAnswer, t.Resolution, t.ContactReason, t.Phone = "", "", "", "", "", ""
	t.Thread = nil
	t.Purged = true
}
