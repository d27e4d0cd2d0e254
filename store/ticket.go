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
)

// ticketRecord is a bot.Ticket as stored in the tickets bucket. Its JSON
// names are the on-disk schema: never rename one without a schema step.
type ticketRecord struct {
	ID            uint64             `json:"id"`
	Citizen       userKeyRecord      `json:"citizen"`
	ChatID        string             `json:"chat"`
	Name          string             `json:"name,omitempty"`
	Commune       string             `json:"commune,omitempty"`
	Topic         string             `json:"topic,omitempty"`
	Question      string             `json:"question"`
	BotAnswer     string             `json:"bot_answer,omitempty"`
	Status        string             `json:"status"`
	Priority      string             `json:"priority"`
	Assignee      string             `json:"assignee,omitempty"`
	Created       time.Time          `json:"created"`
	Updated       time.Time          `json:"updated"`
	Due           time.Time          `json:"due"`
	Closed        time.Time          `json:"closed,omitzero"`
	Seen          time.Time          `json:"seen,omitzero"`
	Resolution    string             `json:"resolution,omitempty"`
	Thread        []threadItemRecord `json:"thread"`
	ContactNeeded bool               `json:"contact_needed,omitempty"`
	ContactReason string             `json:"contact_reason,omitempty"`
	Phone         string             `json:"phone,omitempty"`
	AnswerSent    time.Time          `json:"answer_sent,omitzero"`
	Purged        bool               `json:"purged,omitempty"`
}

func (ticketRecord) storedRecord() {}

type threadItemRecord struct {
	Time   time.Time `json:"time"`
	Kind   string    `json:"kind"`
	Author string    `json:"author,omitempty"`
	Text   string    `json:"text"`
	// Courtesy is absent in items stored before it was recorded.
	Courtesy bool `json:"courtesy,omitempty"`
	// Answering is absent in items stored before session 69.
	Answering bool `json:"answering,omitempty"`
	// Attachment and FileID are absent in items stored before schema 3,
	// whose text held both ("[ảnh] mã tệp: AgAC…"): migrateThreadFiles
	// moved them into these fields once.
	Attachment string `json:"attachment,omitempty"`
	FileID     string `json:"file_id,omitempty"`
}

// threadItem is r as the bot reads it: a file is the item's fields,
// never read from its text.
func (r threadItemRecord) threadItem() bot.ThreadItem {
	return bot.ThreadItem{Time: r.Time, Kind: r.Kind, Author: r.Author, Text: r.Text, Courtesy: r.Courtesy,
		Answering: r.Answering, Attachment: r.Attachment, FileID: r.FileID}
}

// migrateThreadFiles is the schema 2 to 3 step: a citizen's attachment,
// stored before thread items had fields for it as one text ("[ảnh] mã
// tệp: AgAC…"), gets its kind and file id in the fields and its tag as
// text. Only items written before the step are read this way: after it, a
// citizen who types such a text sends text.
func migrateThreadFiles(tx *bbolt.Tx) error {
	b := tx.Bucket(bucketTickets)
	type change struct {
		k, v []byte
	}
	var changes []change
	err := b.ForEach(func(k, v []byte) error {
		var r ticketRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("ticket %x: %w", k, err)
		}
		changed := false
		for i, it := range r.Thread {
			if it.Kind != bot.ItemCitizen || it.Attachment != "" {
				continue
			}
			if kind, id, ok := bot.ParseAttachmentLine(it.Text); ok {
				r.Thread[i].Attachment, r.Thread[i].FileID, r.Thread[i].Text = kind, id, bot.AttachmentTag(kind)
				changed = true
			}
		}
		if !changed {
			return nil
		}
		nv, err := json.Marshal(r)
		if err != nil {
			return err
		}
		changes = append(changes, change{append([]byte(nil), k...), nv})
		return nil
	})
	if err != nil {
		return err
	}
	for _, c := range changes {
		if err := b.Put(c.k, c.v); err != nil {
			return err
		}
	}
	return nil
}

func ticketToRecord(t *bot.Ticket) ticketRecord {
	r := ticketRecord{ID: t.ID, Citizen: userKeyToRecord(t.Citizen), ChatID: t.ChatID, Name: t.Name,
		Commune: t.Commune, Topic: t.Topic, Question: t.Question, BotAnswer: t.BotAnswer,
		Status: string(t.Status), Priority: t.Priority, Assignee: t.Assignee, Created: t.Created,
		Updated: t.Updated, Due: t.Due, Closed: t.Closed, Seen: t.Seen, Resolution: t.Resolution,
		ContactNeeded: t.ContactNeeded, ContactReason: t.ContactReason, Phone: t.Phone, AnswerSent: t.AnswerSent, Purged: t.Purged}
	if t.Thread != nil {
		r.Thread = make([]threadItemRecord, len(t.Thread))
		for i, it := range t.Thread {
			r.Thread[i] = threadItemRecord{Time: it.Time, Kind: it.Kind, Author: it.Author, Text: it.Text, Courtesy: it.Courtesy,
				Answering: it.Answering, Attachment: it.Attachment, FileID: it.FileID}
		}
	}
	return r
}

func ticketFromRecord(r *ticketRecord) bot.Ticket {
	t := bot.Ticket{ID: r.ID, Citizen: r.Citizen.userKey(), ChatID: r.ChatID, Name: r.Name,
		Commune: r.Commune, Topic: r.Topic, Question: r.Question, BotAnswer: r.BotAnswer,
		Status: bot.TicketStatus(r.Status), Priority: r.Priority, Assignee: r.Assignee, Created: r.Created,
		Updated: r.Updated, Due: r.Due, Closed: r.Closed, Seen: r.Seen, Resolution: r.Resolution,
		ContactNeeded: r.ContactNeeded, ContactReason: r.ContactReason, Phone: r.Phone, AnswerSent: r.AnswerSent, Purged: r.Purged}
	if r.Thread != nil {
		t.Thread = make([]bot.ThreadItem, len(r.Thread))
		for i, it := range r.Thread {
			t.Thread[i] = it.threadItem()
		}
	}
	return t
}

func decodeTicket(v []byte) (bot.Ticket, error) {
	var r ticketRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return bot.Ticket{}, err
	}
	return ticketFromRecord(&r), nil
}

func getTicket(tx *bbolt.Tx, id uint64) (bot.Ticket, error) {
	v := tx.Bucket(bucketTickets).Get(u64(id))
	if v == nil {
		return bot.Ticket{}, fmt.Errorf("ticket %d: %w", id, bot.ErrNotFound)
	}
	t, err := decodeTicket(v)
	if err != nil {
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
	if err := putJSON(b, u64(tk.ID), ticketToRecord(tk)); err != nil {
		return fmt.Errorf("save ticket %d: %w", tk.ID, err)
	}
	return t.tx.Bucket(bucketTicketsByCitizen).Put(userKey(tk.Citizen), u64(tk.ID))
}

func messageKey(channel, chat, msgID string) []byte {
	return []byte(channel + ":" + chat + ":" + msgID)
}

// A message link's value is the ticket number, then the kind of message
// (bot.TicketRef.Kind); a bare number, as written before prompts were
// linked, is an announcement.
func (t *txn) LinkTicketMessage(channel, chat, msgID string, ref bot.TicketRef) error {
	v := append(u64(ref.Ticket), ref.Kind...)
	if err := t.tx.Bucket(bucketTicketsByMessage).Put(messageKey(channel, chat, msgID), v); err != nil {
		return fmt.Errorf("link message %s to ticket %d: %w", msgID, ref.Ticket, err)
	}
	return nil
}

func (t *txn) MessageRef(channel, chat, msgID string) (bot.TicketRef, error) {
	v := t.tx.Bucket(bucketTicketsByMessage).Get(messageKey(channel, chat, msgID))
	if len(v) < 8 {
		return bot.TicketRef{}, fmt.Errorf("ticket of message %s: %w", msgID, bot.ErrNotFound)
	}
	ref := bot.TicketRef{Kind: string(v[8:]), Ticket: beUint(v[:8])}
	if ref.Kind == "" {
		ref.Kind = bot.RefAnnouncement
	}
	return ref, nil
}

func (t *txn) Tickets(f bot.TicketFilter) ([]bot.Ticket, error) { return listTickets(t.tx, f) }

func listTickets(tx *bbolt.Tx, f bot.TicketFilter) ([]bot.Ticket, error) {
	var out []bot.Ticket
	c := tx.Bucket(bucketTickets).Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		t, err := decodeTicket(v)
		if err != nil {
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

// PurgeTickets removes the texts of tickets closed before cutoff, keeping
// their numbers, dates, topic and status for statistics. It returns how
// many tickets it purged.
func (s *Store) PurgeTickets(cutoff time.Time) (n int, err error) {
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketTickets)
		var purged []bot.Ticket
		err := b.ForEach(func(k, v []byte) error {
			t, err := decodeTicket(v)
			if err != nil {
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
			if err := putJSON(b, u64(t.ID), ticketToRecord(&t)); err != nil {
				return fmt.Errorf("purge ticket %d: %w", t.ID, err)
			}
		}
		n = len(purged)
		return nil
	})
	return n, err
}
