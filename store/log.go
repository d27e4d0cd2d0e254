package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// logRecord is a bot.LogRecord, one line of the conversation log, as
// stored. Its JSON names are the on-disk schema: never rename one without
// a schema step.
type logRecord struct {
	Time     time.Time `json:"time"`
	Channel  string    `json:"channel"`
	ChatID   string    `json:"chat"`
	UserID   string    `json:"user"`
	Inbound  bool      `json:"in"`
	UpdateID string    `json:"update,omitempty"`
	Text     string    `json:"text,omitempty"`
	Data     string    `json:"data,omitempty"`
	Topic    string    `json:"topic,omitempty"`
	Entry    string    `json:"entry,omitempty"`
	Score    float64   `json:"score,omitempty"`
}

func (logRecord) storedRecord() {}

func logToRecord(l *bot.LogRecord) logRecord {
	return logRecord{Time: l.Time, Channel: l.Channel, ChatID: l.ChatID, UserID: l.UserID, Inbound: l.Inbound,
		UpdateID: l.UpdateID, Text: l.Text, Data: l.Data, Topic: l.Topic, Entry: l.Entry, Score: l.Score}
}

func logFromRecord(r *logRecord) bot.LogRecord {
	return bot.LogRecord{Time: r.Time, Channel: r.Channel, ChatID: r.ChatID, UserID: r.UserID, Inbound: r.Inbound,
		UpdateID: r.UpdateID, Text: r.Text, Data: r.Data, Topic: r.Topic, Entry: r.Entry, Score: r.Score}
}

func (t *txn) Log(r bot.LogRecord) error {
	b := t.tx.Bucket(bucketLog)
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("number log record: %w", err)
	}
	return putJSON(b, u64(seq), logToRecord(&r))
}

// Logs returns the conversation log of one chat (all chats if chat is
// empty), oldest first, at most limit records from the end.
func (s *Store) Logs(channel, chat string, limit int) ([]bot.LogRecord, error) {
	var out []bot.LogRecord
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketLog).Cursor()
		for k, v := c.Last(); k != nil && len(out) < limit; k, v = c.Prev() {
			var rec logRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("decode log %d: %w", beUint(k), err)
			}
			r := logFromRecord(&rec)
			if chat != "" && (r.Channel != channel || r.ChatID != chat) {
				continue
			}
			out = append(out, r)
		}
		return nil
	})
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, err
}

// logProbe is the part of a logRecord PruneLogs reads; its JSON names
// follow logRecord's.
type logProbe struct {
	Time    time.Time `json:"time"`
	Channel string    `json:"channel"`
	ChatID  string    `json:"chat"`
	UserID  string    `json:"user"`
}

// pruneLogBatch bounds one transaction of PruneLogs, so that the first run
// over a long history does not hold the write lock for long.
const pruneLogBatch = 5000

// PruneLogs deletes the conversation-log records older than cutoff, except
// those of a citizen whose ticket is still open (not closed): the officer
// may need what was said before it. The log is appended in time order, so
// the walk stops at the first record at or after cutoff. It returns how many
// records it deleted.
func (s *Store) PruneLogs(cutoff time.Time) (n int, err error) {
	var after []byte // the key to go on from; nil: the first
	for {
		deleted, next, done := 0, []byte(nil), false
		err := s.db.Update(func(tx *bbolt.Tx) error {
			keep, err := openTicketChats(tx)
			if err != nil {
				return err
			}
			b := tx.Bucket(bucketLog)
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
			}
			var old [][]byte
			for ; k != nil; k, v = c.Next() {
				if len(old) == pruneLogBatch {
					next = bytes.Clone(k)
					break
				}
				var p logProbe
				if err := json.Unmarshal(v, &p); err != nil {
					return fmt.Errorf("decode log %d: %w", beUint(k), err)
				}
				if !p.Time.Before(cutoff) {
					done = true
					break
				}
				if keep[p.Channel+"\x00"+p.ChatID] || keep[p.Channel+"\x00"+p.UserID] {
					continue
				}
				old = append(old, bytes.Clone(k))
			}
			if k == nil {
				done = true
			}
			for _, k := range old {
				if err := b.Delete(k); err != nil {
					return fmt.Errorf("prune log %d: %w", beUint(k), err)
				}
			}
			deleted = len(old)
			return nil
		})
		if err != nil {
			return n, fmt.Errorf("prune conversation log: %w", err)
		}
		n += deleted
		if done || next == nil {
			return n, nil
		}
		after = next
	}
}

// openTicketChats returns "channel\x00chat" and "channel\x00user" for
// every ticket not closed.
func openTicketChats(tx *bbolt.Tx) (map[string]bool, error) {
	keep := map[string]bool{}
	err := tx.Bucket(bucketTickets).ForEach(func(k, v []byte) error {
		t, err := decodeTicket(v)
		if err != nil {
			return fmt.Errorf("decode ticket %d: %w", beUint(k), err)
		}
		if t.Active() {
			keep[t.Citizen.Channel+"\x00"+t.ChatID] = true
			keep[t.Citizen.Channel+"\x00"+t.Citizen.ID] = true
		}
		return nil
	})
	return keep, err
}
