package store

import (
	"bytes"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// A broadcast's rows that have not gone can be withdrawn, paused and
// resumed by the prefix of their idempotency keys (bot/broadcast_held.go,
// docs/architecture.md §6). outbox.by_key keeps the keys of sent and dead
// rows too, so one prefix walk finds every row of a broadcast in whatever
// state. A paused row leaves outbox, by_due and by_chat for outbox.paused
// (its record by id) and comes back with the same id and key.

// rowsByPrefix returns the ids of the rows whose key starts with prefix.
func rowsByPrefix(tx *bbolt.Tx, prefix string) []uint64 {
	var ids []uint64
	p := []byte(prefix)
	c := tx.Bucket(bucketOutboxKey).Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
		if len(v) == 8 {
			ids = append(ids, beUint(v))
		}
	}
	return ids
}

// QueuedRows implements bot.Tx.
func (t *txn) QueuedRows(prefix string) (bot.QueuedRows, error) {
	var q bot.QueuedRows
	for _, id := range rowsByPrefix(t.tx, prefix) {
		k := u64(id)
		switch {
		case t.tx.Bucket(bucketOutbox).Get(k) != nil:
			q.Pending++
		case t.tx.Bucket(bucketOutboxPaused).Get(k) != nil:
			q.Paused++
		case t.tx.Bucket(bucketOutboxSent).Get(k) != nil:
			q.Sent++
		case t.tx.Bucket(bucketOutboxDead).Get(k) != nil:
			q.Dead++
		}
	}
	return q, nil
}

// WithdrawRows implements bot.Tx: pending and paused rows become dead
// letters with why, in this transaction.
func (t *txn) WithdrawRows(prefix, why string, at time.Time) (int, error) {
	n := 0
	for _, id := range rowsByPrefix(t.tx, prefix) {
		if v := t.tx.Bucket(bucketOutbox).Get(u64(id)); v != nil {
			d, err := decodeDelivery(v)
			if err != nil {
				return n, fmt.Errorf("decode outbox %d: %w", id, err)
			}
			if err := bury(t.tx, &d, why, at); err != nil {
				return n, err
			}
			if err := refreshHead(t.tx, chatKey(d.Channel, d.ChatID), nil); err != nil {
				return n, err
			}
			n++
			continue
		}
		if v := t.tx.Bucket(bucketOutboxPaused).Get(u64(id)); v != nil {
			if err := buryPaused(t.tx, id, v, why, at); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

func buryPaused(tx *bbolt.Tx, id uint64, v []byte, why string, at time.Time) error {
	d, err := decodeDelivery(v)
	if err != nil {
		return fmt.Errorf("decode paused outbox %d: %w", id, err)
	}
	if err := putJSON(tx.Bucket(bucketOutboxDead), u64(id), deadRecord{deliveryRecord: deliveryToRecord(&d), Reason: why, Died: at}); err != nil {
		return err
	}
	return tx.Bucket(bucketOutboxPaused).Delete(u64(id))
}

// PauseRows implements bot.Tx. A row in flight when it is paused may
// still be delivered: complete then records it as sent (completePaused).
func (t *txn) PauseRows(prefix string) (int, error) {
	n := 0
	for _, id := range rowsByPrefix(t.tx, prefix) {
		v := t.tx.Bucket(bucketOutbox).Get(u64(id))
		if v == nil {
			continue
		}
		d, err := decodeDelivery(v)
		if err != nil {
			return n, fmt.Errorf("decode outbox %d: %w", id, err)
		}
		if err := t.tx.Bucket(bucketOutboxPaused).Put(u64(id), bytes.Clone(v)); err != nil {
			return n, err
		}
		if err := removeRow(t.tx, &d); err != nil {
			return n, err
		}
		if err := refreshHead(t.tx, chatKey(d.Channel, d.ChatID), nil); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// ResumeRows implements bot.Tx.
func (t *txn) ResumeRows(prefix string, from, stale time.Time) (resumed, missed int, err error) {
	paused := t.tx.Bucket(bucketOutboxPaused)
	for _, id := range rowsByPrefix(t.tx, prefix) {
		v := paused.Get(u64(id))
		if v == nil {
			continue
		}
		d, err := decodeDelivery(v)
		if err != nil {
			return resumed, missed, fmt.Errorf("decode paused outbox %d: %w", id, err)
		}
		if d.Created.Before(stale) {
			if err := buryPaused(t.tx, id, v, bot.MissedReason, from); err != nil {
				return resumed, missed, err
			}
			missed++
			continue
		}
		if err := paused.Delete(u64(id)); err != nil {
			return resumed, missed, err
		}
		if d.NotBefore.Before(from) {
			d.NotBefore = from
		}
		if err := putRow(t.tx, &d); err != nil {
			return resumed, missed, err
		}
		resumed++
	}
	return resumed, missed, nil
}

// putRow writes row d (its ID set) into the outbox and its indexes.
func putRow(tx *bbolt.Tx, d *bot.Delivery) error {
	if err := putJSON(tx.Bucket(bucketOutbox), u64(d.ID), deliveryToRecord(d)); err != nil {
		return fmt.Errorf("outbox %d: %w", d.ID, err)
	}
	if err := tx.Bucket(bucketOutboxDue).Put(dueKey(d), nil); err != nil {
		return err
	}
	if err := tx.Bucket(bucketOutboxChat).Put(chatIndexKey(d.Channel, d.ChatID, d), nil); err != nil {
		return err
	}
	return refreshHead(tx, chatKey(d.Channel, d.ChatID), nil)
}

// completePaused records the outcome of a row paused while its send was
// in flight: delivered, it is sent and leaves outbox.paused, so a resume
// does not send it twice; refused for good, it is dead. A retry leaves it
// paused.
func completePaused(tx *bbolt.Tx, o bot.Outcome) error {
	v := tx.Bucket(bucketOutboxPaused).Get(u64(o.ID))
	if v == nil || (!o.Sent && !o.Dead) {
		return nil
	}
	d, err := decodeDelivery(v)
	if err != nil {
		return fmt.Errorf("decode paused outbox %d: %w", o.ID, err)
	}
	if o.Dead {
		return buryPaused(tx, o.ID, v, o.Reason, o.At)
	}
	rec := sentRecord{ID: d.ID, Key: d.Key, Kind: d.Kind, Channel: d.Channel, ChatID: d.ChatID, Ref: d.Ref,
		MessageIDs: o.Result.MessageIDs, Attempts: d.Attempts + 1, Sent: o.At}
	if err := putJSON(tx.Bucket(bucketOutboxSent), u64(d.ID), rec); err != nil {
		return err
	}
	return tx.Bucket(bucketOutboxPaused).Delete(u64(o.ID))
}
