package store

import (
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
