package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// Fair selection. Every chat with pending rows has one entry in
// outbox.heads, keyed by its head row's class and the time the chat has
// been waiting since, so the dispatcher reads chats in the order they
// have waited, one row each, and never walks a flooding chat's backlog:
//
//	outbox.by_chat  chat "\x00" dueKey(row)  → nil   the chat's queue, in send order
//	outbox.heads    class, since, row id      → chat  one entry per chat with rows
//	outbox.head_of  chat → floor (8 bytes) + its outbox.heads key (17 bytes)
//
// A chat's "since" is the later of its head row's NotBefore and the
// chat's floor: when its last row was completed (so a chat that was just
// served queues behind the chats that were not) or, while a row waits for
// a retry, the retry time (so a held chat is not even visited).

// chatIndexKey is a row's key in its chat's queue.
func chatIndexKey(channel, chat string, d *bot.Delivery) []byte {
	return append([]byte(chatKey(channel, chat)+"\x00"), dueKey(d)...)
}

// headRecord is a chat's entry in outbox.head_of.
type headRecord struct {
	floor time.Time
	key   []byte // in outbox.heads; nil when decoding an empty record
}

func decodeHead(v []byte) headRecord {
	if len(v) < 8 {
		return headRecord{}
	}
	h := headRecord{floor: time.Unix(0, int64(beUint(v[:8])))}
	if len(v) == 8+17 {
		h.key = bytes.Clone(v[8:])
	}
	return h
}

// refreshHead re-keys chat ck in outbox.heads after its queue changed.
// floor, when not nil, replaces the chat's floor; otherwise it is kept.
func refreshHead(tx *bbolt.Tx, ck string, floor *time.Time) error {
	heads, headOf := tx.Bucket(bucketOutboxHeads), tx.Bucket(bucketOutboxHeadOf)
	old := decodeHead(headOf.Get([]byte(ck)))
	if old.key != nil {
		if err := heads.Delete(old.key); err != nil {
			return fmt.Errorf("outbox head of %s: %w", ck, err)
		}
	}
	if floor != nil {
		old.floor = *floor
	}
	prefix := []byte(ck + "\x00")
	k, _ := tx.Bucket(bucketOutboxChat).Cursor().Seek(prefix)
	if k == nil || !bytes.HasPrefix(k, prefix) || len(k) != len(prefix)+17 {
		return headOf.Delete([]byte(ck)) // the chat has nothing left to send
	}
	due := k[len(prefix):]
	since := beUint(due[1:9])
	if f := old.floor.UnixNano(); f > 0 && uint64(f) > since {
		since = uint64(f)
	}
	key := make([]byte, 17)
	key[0] = due[0]
	binary.BigEndian.PutUint64(key[1:], since)
	copy(key[9:], due[9:])
	if err := heads.Put(key, []byte(ck)); err != nil {
		return fmt.Errorf("outbox head of %s: %w", ck, err)
	}
	v := make([]byte, 8, 8+17)
	binary.BigEndian.PutUint64(v, uint64(max(old.floor.UnixNano(), 0)))
	return headOf.Put([]byte(ck), append(v, key...))
}

// Heads implements the dispatcher's store (bot/outbox): for up to limit
// chats whose turn has come, the row each sends next, the chat that has
// waited longest first (replies before reminders). skip sees the chat and row before the row is read, so
// a chat the dispatcher holds back costs one index entry, not its backlog.
func (s *Store) Heads(ctx context.Context, now time.Time, limit int, skip func(channel, chat string, row uint64) bool) ([]bot.Delivery, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []bot.Delivery
	err := s.db.View(func(tx *bbolt.Tx) error {
		rows := tx.Bucket(bucketOutbox)
		end := uint64(max(now.UnixNano(), 0))
		c := tx.Bucket(bucketOutboxHeads).Cursor()
		for class := byte(0); class < 2; class++ {
			for k, v := c.Seek([]byte{class}); k != nil && k[0] == class && len(out) < limit; k, v = c.Next() {
				if beUint(k[1:9]) > end {
					break
				}
				id := beUint(k[9:17])
				channel, chat, _ := strings.Cut(string(v), ":")
				if skip != nil && skip(channel, chat, id) {
					continue
				}
				raw := rows.Get(k[9:17])
				if raw == nil {
					return fmt.Errorf("outbox head %d of %s: row missing", id, v)
				}
				d, err := decodeDelivery(raw)
				if err != nil {
					return fmt.Errorf("decode outbox %d: %w", id, err)
				}
				out = append(out, d)
			}
		}
		return nil
	})
	return out, err
}

// migrateOutboxHeads (schema 1 → 2) re-keys outbox.by_chat in send order
// and builds the chat heads from the pending rows; a chat waiting for a
// retry keeps waiting until its hold ends.
func migrateOutboxHeads(tx *bbolt.Tx) error {
	if err := tx.DeleteBucket(bucketOutboxChat); err != nil {
		return fmt.Errorf("migrate outbox: %w", err)
	}
	byChat, err := tx.CreateBucket(bucketOutboxChat)
	if err != nil {
		return fmt.Errorf("migrate outbox: %w", err)
	}
	chats := map[string]bool{}
	err = tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
		d, err := decodeDelivery(v)
		if err != nil {
			return fmt.Errorf("decode outbox %d: %w", beUint(k), err)
		}
		chats[chatKey(d.Channel, d.ChatID)] = true
		return byChat.Put(chatIndexKey(d.Channel, d.ChatID, &d), nil)
	})
	if err != nil {
		return fmt.Errorf("migrate outbox: %w", err)
	}
	holds := tx.Bucket(bucketOutboxHold)
	for ck := range chats {
		var floor time.Time
		if v := holds.Get([]byte(ck)); v != nil {
			var h holdRecord
			if json.Unmarshal(v, &h) == nil {
				floor = h.Until
			}
		}
		if err := refreshHead(tx, ck, &floor); err != nil {
			return fmt.Errorf("migrate outbox: %w", err)
		}
	}
	return nil
}
