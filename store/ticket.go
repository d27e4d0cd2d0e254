package store

import (
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

var (
	bucketTickets          = []byte("tickets")
	bucketTicketsByCitizen = []byte("tickets.by_citizen")
	bucketTicketsByMessage = []byte("tickets.by_message")
	bucketAudit            = []byte("audit")
)

func getTicket(tx *bbolt.Tx, id uint64) (bot.Ticket, error) {
	var t bot.Ticket
	v := tx.Bucket(bucketTickets).Get(u64(id))
	if v == nil {
		return t, fmt.Errorf("ticket %d: %w", id, bot.ErrNotFound)
	}
	if err := json.Unmarshal(v, &t); err != nil {
		return t, fmt.Errorf("decode ticket %d: %w", id, err)
	}
	return t, nil
}

func (t *txn) Ticket(id uint64) (bot.Ticket, error) { return getTicket(t.tx, id) }

func (t *txn) LatestTicket(k bot.UserKey) (bot.Ticket, error) {
	v := t.tx.Bucket(bucketTicketsByCitizen).Get(userKey(k))
	if v == nil {
		return bot.Ticket{}, fmt.Errorf("ticket of %s: %w", k, bot.ErrNotFound)
	}
	return getTicket(t.tx, beUint(v))
}

func (t *txn) PutTicket(tk *bot.Ticket) error {
	b := t.tx.Bucket(bucketTickets)
	if tk.ID == 0 {
		id, err := b.NextSequence()
		if err != nil {
			return fmt.Errorf("number new ticket: %w", err)
		}
		tk.ID = id
	}
	if err := putJSON(b, u64(tk.ID), tk); err != nil {
		return fmt.Errorf("save ticket %d: %w", tk.ID, err)
	}
	return t.tx.Bucket(bucketTicketsByCitizen).Put(userKey(tk.Citizen), u64(tk.ID))
}

func messageKey(channel, chat, msgID string) []byte {
	return []byte(channel + ":" + chat + ":" + msgID)
}

func (t *txn) LinkTicketMessage(channel, chat, msgID string, ticket uint64) error {
	if err := t.tx.Bucket(bucketTicketsByMessage).Put(messageKey(channel, chat, msgID), u64(ticket)); err != nil {
		return fmt.Errorf("link message %s to ticket %d: %w", msgID, ticket, err)
	}
	return nil
}

func (t *txn) TicketByMessage(channel, chat, msgID string) (bot.Ticket, error) {
	v := t.tx.Bucket(bucketTicketsByMessage).Get(messageKey(channel, chat, msgID))
	if v == nil {
		return bot.Ticket{}, fmt.Errorf("ticket of message %s: %w", msgID, bot.ErrNotFound)
	}
	return getTicket(t.tx, beUint(v))
}

func (t *txn) Tickets(f bot.TicketFilter) ([]bot.Ticket, error) { return listTickets(t.tx, f) }

func listTickets(tx *bbolt.Tx, f bot.TicketFilter) ([]bot.Ticket, error) {
	var out []bot.Ticket
	c := tx.Bucket(bucketTickets).Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		var t bot.Ticket
		if err := json.Unmarshal(v, &t); err != nil {
			return nil, fmt.Errorf("decode ticket %d: %w", beUint(k), err)
		}
		if !f.Match(&t) {
			continue
		}
		out = append(out, t)
		if f.Limit > 0 && len(out) == f.Limit {
			break
		}
	}
	return out, nil
}

func (t *txn) Audit(r bot.AuditRecord) error {
	b := t.tx.Bucket(bucketAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("number audit record %s: %w", r.Action, err)
	}
	if err := putJSON(b, u64(seq), r); err != nil {
		return fmt.Errorf("save audit record %d: %w", seq, err)
	}
	return nil
}

// Ticket returns one ticket.
func (s *Store) Ticket(id uint64) (t bot.Ticket, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		t, err = getTicket(tx, id)
		return err
	})
	return t, err
}

// Tickets lists tickets, newest first.
func (s *Store) Tickets(f bot.TicketFilter) (out []bot.Ticket, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		out, err = listTickets(tx, f)
		return err
	})
	return out, err
}

// AuditLog returns the audit records, oldest first; ticket 0 means all.
func (s *Store) AuditLog(ticket uint64) ([]bot.AuditRecord, error) {
	var out []bot.AuditRecord
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
			var r bot.AuditRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode audit record %d: %w", beUint(k), err)
			}
			if ticket == 0 || r.Ticket == ticket {
				out = append(out, r)
			}
			return nil
		})
	})
	return out, err
}

// PurgeTickets removes the texts of tickets closed before cutoff, keeping
// their numbers, dates, topic and status for statistics. It returns how
// many tickets it purged.
func (s *Store) PurgeTickets(cutoff time.Time) (n int, err error) {
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketTickets)
		var purged []bot.Ticket
		err := b.ForEach(func(k, v []byte) error {
			var t bot.Ticket
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("decode ticket %d: %w", beUint(k), err)
			}
			if t.PurgeDue(cutoff) {
				purged = append(purged, t)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, t := range purged {
			t.Purge()
			if err := putJSON(b, u64(t.ID), t); err != nil {
				return fmt.Errorf("purge ticket %d: %w", t.ID, err)
			}
		}
		n = len(purged)
		return nil
	})
	return n, err
}
