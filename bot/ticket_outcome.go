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
		}
		return tx.PutTicket(&t)
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
	t.Name, t.Question, t.BotAnswer, t.Resolution, t.ContactReason = "", "", "", "", ""
	t.Thread = nil
	t.Purged = true
}
