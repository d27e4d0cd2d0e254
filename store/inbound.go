package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// bucketInboundLoad keeps each chat's inbound allowance (bot.ChatLoad),
// keyed by chat.
var bucketInboundLoad = []byte("inbound.load")

// chatLoadRecord is a bot.ChatLoad as stored. Its JSON names are the
// on-disk schema: never rename one without a schema step.
type chatLoadRecord struct {
	Tokens  float64   `json:"tokens"`
	At      time.Time `json:"at"`
	Noticed bool      `json:"noticed,omitempty"`
}

func (chatLoadRecord) storedRecord() {}

func chatLoadToRecord(l *bot.ChatLoad) chatLoadRecord {
	return chatLoadRecord{Tokens: l.Tokens, At: l.At, Noticed: l.Noticed}
}

func chatLoadFromRecord(r *chatLoadRecord) bot.ChatLoad {
	return bot.ChatLoad{Tokens: r.Tokens, At: r.At, Noticed: r.Noticed}
}

func (t *txn) ChatLoad(channel, chat string) (bot.ChatLoad, error) {
	v := t.tx.Bucket(bucketInboundLoad).Get([]byte(chatKey(channel, chat)))
	if v == nil {
		return bot.ChatLoad{}, nil
	}
	var r chatLoadRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return bot.ChatLoad{}, fmt.Errorf("decode inbound load of %s: %w", chatKey(channel, chat), err)
	}
	return chatLoadFromRecord(&r), nil
}

func (t *txn) PutChatLoad(channel, chat string, l bot.ChatLoad) error {
	return putJSON(t.tx.Bucket(bucketInboundLoad), []byte(chatKey(channel, chat)), chatLoadToRecord(&l))
}

func (t *txn) Pending(channel, chat string, atMost int) (int, error) {
	prefix := []byte(chatKey(channel, chat) + "\x00")
	n := 0
	c := t.tx.Bucket(bucketOutboxChat).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && n < atMost; k, _ = c.Next() {
		n++
	}
	return n, nil
}

// PruneChatLoads forgets the inbound allowances last touched before
// cutoff: by then they are full again, which is what a missing one means.
func (s *Store) PruneChatLoads(cutoff time.Time) (n int, err error) {
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketInboundLoad)
		var old [][]byte
		err := b.ForEach(func(k, v []byte) error {
			var l chatLoadRecord
			if json.Unmarshal(v, &l) != nil || l.At.Before(cutoff) {
				old = append(old, bytes.Clone(k))
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range old {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		n = len(old)
		return nil
	})
	return n, err
}
