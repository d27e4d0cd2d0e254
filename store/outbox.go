package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

func beUint(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// dueKey orders the outbox: priority class first (replies before reminders,
// so a broadcast never delays an answer), then time, then id. An urgent
// row is keyed at time zero: due at once, it goes before every other row
// of its chat (an urgent ticket's announcement overtakes the officers'
// group's backlog); so is the answer to a button press (enqueue). Rows
// written before Urgent existed are never urgent, so their keys are
// unchanged.
func dueKey(d *bot.Delivery) []byte {
	k := make([]byte, 17)
	if d.Kind == bot.KindReminder {
		k[0] = 1
	}
	due := d.NotBefore.UnixNano()
	if d.Urgent && d.Kind != bot.KindReminder {
		due = 0
	}
	binary.BigEndian.PutUint64(k[1:], uint64(max(due, 0)))
	binary.BigEndian.PutUint64(k[9:], d.ID)
	return k
}

func (t *txn) Enqueue(d *bot.Delivery) (bool, error) { return enqueue(t.tx, d) }

func enqueue(tx *bbolt.Tx, d *bot.Delivery) (bool, error) {
	if d.Channel == "" || d.ChatID == "" {
		return false, fmt.Errorf("enqueue: delivery without channel or chat")
	}
	byKey := tx.Bucket(bucketOutboxKey)
	if d.Key != "" && byKey.Get([]byte(d.Key)) != nil {
		return false, nil
	}
	out := tx.Bucket(bucketOutbox)
	id, err := out.NextSequence()
	if err != nil {
		return false, err
	}
	d.ID = id
	if d.NotBefore.IsZero() {
		d.NotBefore = d.Created
	}
	if d.Kind == bot.KindAck {
		// The answer to a button press is no message to the chat: it
		// goes before the replies waiting there (for the chat's send
		// allowance, or the messages handled before the press), so
		// Telegram's spinner stops at once (docs/platforms.md §1.5).
		// Stored as urgent, the row keeps its key however it is read
		// later; acks written before session 62 keep theirs.
		d.Urgent = true
	}
	if err := putJSON(out, u64(id), deliveryToRecord(d)); err != nil {
		return false, fmt.Errorf("enqueue %d: %w", id, err)
	}
	if err := tx.Bucket(bucketOutboxDue).Put(dueKey(d), nil); err != nil {
		return false, err
	}
	if err := tx.Bucket(bucketOutboxChat).Put(chatIndexKey(d.Channel, d.ChatID, d), nil); err != nil {
		return false, err
	}
	if err := refreshHead(tx, chatKey(d.Channel, d.ChatID), nil); err != nil {
		return false, err
	}
	if d.Key != "" {
		if err := byKey.Put([]byte(d.Key), u64(id)); err != nil {
			return false, err
		}
	}
	return true, nil
}

// Due returns up to limit outbox rows whose time has come (NotBefore ≤
// now), in send order across all chats, skipping rows for which skip
// returns true and chats waiting for a retry. It reads every row it
// passes: tests and tools use it; the dispatcher uses Heads.
func (s *Store) Due(now time.Time, limit int, skip func(*bot.Delivery) bool) ([]bot.Delivery, error) {
	var out []bot.Delivery
	err := s.db.View(func(tx *bbolt.Tx) error {
		rows, holds := tx.Bucket(bucketOutbox), tx.Bucket(bucketOutboxHold)
		held := map[string]bool{}
		end := uint64(now.UnixNano())
		c := tx.Bucket(bucketOutboxDue).Cursor()
		for class := byte(0); class < 2; class++ {
			for k, _ := c.Seek([]byte{class}); k != nil && k[0] == class && len(out) < limit; k, _ = c.Next() {
				if beUint(k[1:9]) > end {
					break
				}
				v := rows.Get(k[9:])
				if v == nil {
					continue
				}
				d, err := decodeDelivery(v)
				if err != nil {
					return fmt.Errorf("decode outbox %d: %w", beUint(k[9:]), err)
				}
				ck := chatKey(d.Channel, d.ChatID)
				h, seen := held[ck]
				if !seen {
					h = isHeld(holds, ck, now)
					held[ck] = h
				}
				if h || (skip != nil && skip(&d)) {
					continue
				}
				out = append(out, d)
			}
		}
		return nil
	})
	return out, err
}

// isHeld reports whether chat ck waits for a retry. The row being retried
// itself is released once the hold expires; later rows are held until then.
func isHeld(holds *bbolt.Bucket, ck string, now time.Time) bool {
	v := holds.Get([]byte(ck))
	if v == nil {
		return false
	}
	var h holdRecord
	if json.Unmarshal(v, &h) != nil {
		return false
	}
	return now.Before(h.Until)
}

// Complete records the dispatcher's outcomes in one transaction (the
// dispatcher's store, bot/outbox). It is idempotent: an outcome for a row
// already completed is ignored.
func (s *Store) Complete(ctx context.Context, outcomes []bot.Outcome) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		for _, o := range outcomes {
			if err := complete(tx, o); err != nil {
				return err
			}
		}
		return nil
	})
}

func complete(tx *bbolt.Tx, o bot.Outcome) error {
	rows := tx.Bucket(bucketOutbox)
	v := rows.Get(u64(o.ID))
	if v == nil {
		// Already completed (a duplicate outcome after a retry), withdrawn
		// or paused while in flight.
		return completePaused(tx, o)
	}
	d, err := decodeDelivery(v)
	if err != nil {
		return fmt.Errorf("decode outbox %d: %w", o.ID, err)
	}
	d.Attempts++
	ck := []byte(chatKey(d.Channel, d.ChatID))
	if d.Ref != "" {
		// What the outcome means for a ticket is the domain's to say.
		if err := bot.TicketOutcome(&txn{tx: tx}, &d, o); err != nil {
			return err
		}
	}
	switch {
	case o.Sent:
		rec := sentRecord{ID: d.ID, Key: d.Key, Kind: d.Kind, Channel: d.Channel, ChatID: d.ChatID, Ref: d.Ref,
			MessageIDs: o.Result.MessageIDs, Attempts: d.Attempts, Sent: o.At}
		if err := putJSON(tx.Bucket(bucketOutboxSent), u64(d.ID), rec); err != nil {
			return err
		}
		if err := removeRow(tx, &d); err != nil {
			return err
		}
		if d.Kind != bot.KindAck {
			if err := tx.Bucket(bucketOutboxLast).Put(ck, u64(uint64(o.At.UnixNano()))); err != nil {
				return err
			}
			if err := noteRecent(tx.Bucket(bucketOutboxRecent), ck, o.At); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketOutboxHold).Delete(ck); err != nil {
			return err
		}
		return refreshHead(tx, string(ck), &o.At)
	case o.Dead:
		if err := bury(tx, &d, o.Reason, o.At); err != nil {
			return err
		}
		if err := tx.Bucket(bucketOutboxHold).Delete(ck); err != nil {
			return err
		}
		if o.Unreachable {
			if err := markUnreachable(tx, &d, o.Reason, o.At); err != nil {
				return err
			}
		}
		return refreshHead(tx, string(ck), &o.At)
	default:
		d.LastError = o.Reason
		if err := putJSON(rows, u64(d.ID), deliveryToRecord(&d)); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bucketOutboxHold), ck, holdRecord{Until: o.RetryAt, Row: d.ID}); err != nil {
			return err
		}
		return refreshHead(tx, string(ck), &o.RetryAt)
	}
}

func removeRow(tx *bbolt.Tx, d *bot.Delivery) error {
	if err := tx.Bucket(bucketOutbox).Delete(u64(d.ID)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketOutboxDue).Delete(dueKey(d)); err != nil {
		return err
	}
	return tx.Bucket(bucketOutboxChat).Delete(chatIndexKey(d.Channel, d.ChatID, d))
}

func bury(tx *bbolt.Tx, d *bot.Delivery, reason string, at time.Time) error {
	if err := putJSON(tx.Bucket(bucketOutboxDead), u64(d.ID), deadRecord{deliveryRecord: deliveryToRecord(d), Reason: reason, Died: at}); err != nil {
		return err
	}
	return removeRow(tx, d)
}

// markUnreachable flags the recipient and moves every other pending row for
// the same chat to the dead-letter bucket: the platform will refuse them too.
func markUnreachable(tx *bbolt.Tx, d *bot.Delivery, reason string, at time.Time) error {
	prefix := []byte(chatKey(d.Channel, d.ChatID) + "\x00")
	var ids []uint64
	c := tx.Bucket(bucketOutboxChat).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == len(prefix)+17 {
			ids = append(ids, beUint(k[len(prefix)+9:]))
		}
	}
	for _, id := range ids {
		v := tx.Bucket(bucketOutbox).Get(u64(id))
		if v == nil {
			continue
		}
		other, err := decodeDelivery(v)
		if err != nil {
			return fmt.Errorf("decode outbox %d: %w", id, err)
		}
		if err := bury(tx, &other, "recipient unreachable: "+reason, at); err != nil {
			return err
		}
	}
	if d.UserID == "" {
		return nil
	}
	u, err := getUser(tx, bot.UserKey{Channel: d.Channel, ID: d.UserID})
	if err != nil {
		return nil // an officer group or a chat we never saw write: nothing to flag
	}
	u.Unreachable, u.UnreachableReason = true, reason
	return putUser(tx, &u)
}

// OutboxStats counts rows by state.
type OutboxStats struct {
	Pending, Sent, Dead int
}

// OutboxStats returns the row counts.
func (s *Store) OutboxStats() (st OutboxStats, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		st.Pending = tx.Bucket(bucketOutbox).Stats().KeyN
		st.Sent = tx.Bucket(bucketOutboxSent).Stats().KeyN
		st.Dead = tx.Bucket(bucketOutboxDead).Stats().KeyN
		return nil
	})
	return st, err
}

// DeadLetters returns dead rows with their reasons, newest last.
func (s *Store) DeadLetters() ([]bot.Delivery, []string, error) {
	var rows []bot.Delivery
	var reasons []string
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketOutboxDead).ForEach(func(_, v []byte) error {
			var r deadRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			rows, reasons = append(rows, deliveryFromRecord(&r.deliveryRecord)), append(reasons, r.Reason)
			return nil
		})
	})
	return rows, reasons, err
}

// RecentKeep is how far back a chat's send times are kept (RecentSends):
// Telegram's longest limit counts over a minute (docs/platforms.md §1.1).
const RecentKeep = time.Minute

// maxRecent bounds a chat's kept send times; no platform lets a chat take
// more in RecentKeep.
const maxRecent = 64

// noteRecent adds a send at t to chat ck's recent send times, forgetting
// those older than RecentKeep before it. The value is the times as 8-byte
// Unix nanoseconds, oldest first.
func noteRecent(b *bbolt.Bucket, ck []byte, t time.Time) error {
	old := b.Get(ck)
	v := make([]byte, 0, len(old)+8)
	for i := 0; i+8 <= len(old); i += 8 {
		if at := int64(beUint(old[i : i+8])); at >= t.Add(-RecentKeep).UnixNano() && at <= t.UnixNano() {
			v = append(v, old[i:i+8]...)
		}
	}
	v = append(v, u64(uint64(t.UnixNano()))...)
	if len(v) > maxRecent*8 {
		v = v[len(v)-maxRecent*8:]
	}
	return b.Put(ck, v)
}

// RecentSends returns when messages reached the chat since since, oldest
// first, as far as the store keeps them (RecentKeep), for the dispatcher's
// limits after a restart (bot/outbox). A database written before these
// times were kept has none: LastSent is all it knows.
func (s *Store) RecentSends(ctx context.Context, channel, chat string, since time.Time) (out []time.Time, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	err = s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketOutboxRecent).Get([]byte(chatKey(channel, chat)))
		for i := 0; i+8 <= len(v); i += 8 {
			if at := time.Unix(0, int64(beUint(v[i:i+8]))); !at.Before(since) {
				out = append(out, at)
			}
		}
		return nil
	})
	return out, err
}

// LastSent returns when a message last reached the chat (zero if never),
// for the dispatcher's limits after a restart (bot/outbox).
func (s *Store) LastSent(ctx context.Context, channel, chat string) (t time.Time, err error) {
	if err := ctx.Err(); err != nil {
		return t, err
	}
	err = s.db.View(func(tx *bbolt.Tx) error {
		if v := tx.Bucket(bucketOutboxLast).Get([]byte(chatKey(channel, chat))); v != nil {
			t = time.Unix(0, int64(beUint(v)))
		}
		return nil
	})
	return t, err
}
