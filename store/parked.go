package store

import (
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

var bucketParked = []byte("parked")

// parkedRecord is an update that kept failing, kept for inspection. Its
// JSON names are the on-disk schema: never rename one without a schema
// step.
type parkedRecord struct {
	Update updateRecord `json:"update"`
	Reason string       `json:"reason"`
	Time   time.Time    `json:"time"`
}

func (parkedRecord) storedRecord() {}

// updateRecord is a bot.Update; it was stored with Go's field names.
type updateRecord struct {
	Channel    string    `json:"Channel"`
	ID         string    `json:"ID"`
	Offset     int64     `json:"Offset"`
	ChatID     string    `json:"ChatID"`
	UserID     string    `json:"UserID"`
	Name       string    `json:"Name"`
	IsGroup    bool      `json:"IsGroup"`
	Addressed  bool      `json:"Addressed"`
	Text       string    `json:"Text"`
	Cut        bool      `json:"Cut,omitempty"`
	Data       string    `json:"Data"`
	CallbackID string    `json:"CallbackID"`
	ReplyTo    string    `json:"ReplyTo"`
	Thread     string    `json:"Thread,omitempty"`
	Unfollowed bool      `json:"Unfollowed,omitempty"`
	Time       time.Time `json:"Time"`
	Attachment string    `json:"Attachment,omitempty"`
	FileID     string    `json:"FileID,omitempty"`
}

func updateToRecord(u *bot.Update) updateRecord {
	return updateRecord{Channel: u.Channel, ID: u.ID, Offset: u.Offset, ChatID: u.ChatID, UserID: u.UserID,
		Name: u.Name, IsGroup: u.IsGroup, Addressed: u.Addressed, Text: u.Text, Cut: u.Cut, Data: u.Data,
		CallbackID: u.CallbackID, ReplyTo: u.ReplyTo, Thread: u.Thread, Unfollowed: u.Unfollowed, Time: u.Time,
		Attachment: u.Attachment, FileID: u.FileID}
}

func updateFromRecord(r *updateRecord) bot.Update {
	return bot.Update{Channel: r.Channel, ID: r.ID, Offset: r.Offset, ChatID: r.ChatID, UserID: r.UserID,
		Name: r.Name, IsGroup: r.IsGroup, Addressed: r.Addressed, Text: r.Text, Cut: r.Cut, Data: r.Data,
		CallbackID: r.CallbackID, ReplyTo: r.ReplyTo, Thread: r.Thread, Unfollowed: r.Unfollowed, Time: r.Time,
		Attachment: r.Attachment, FileID: r.FileID}
}

func (t *txn) Park(u bot.Update, reason string, now time.Time) error {
	b := t.tx.Bucket(bucketParked)
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("park update %s/%s: %w", u.Channel, u.ID, err)
	}
	return putJSON(b, u64(seq), parkedRecord{Update: updateToRecord(&u), Reason: reason, Time: now})
}

// Parked returns the parked updates with their reasons, oldest first.
func (s *Store) Parked() (updates []bot.Update, reasons []string, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketParked).ForEach(func(k, v []byte) error {
			var r parkedRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode parked update %d: %w", beUint(k), err)
			}
			updates, reasons = append(updates, updateFromRecord(&r.Update)), append(reasons, r.Reason)
			return nil
		})
	})
	return updates, reasons, err
}

// ParkedCount returns how many updates are parked.
func (s *Store) ParkedCount() (n int, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		n = tx.Bucket(bucketParked).Stats().KeyN
		return nil
	})
	return n, err
}
