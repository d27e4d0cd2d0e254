package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// bucketUnanswered holds bot.Unanswered records keyed by time (big-endian
// nanoseconds) and a sequence, so that reading from a date and pruning old
// records are range scans.
var bucketUnanswered = []byte("unanswered")

// pruneBatch bounds how many old records one write removes, keeping the
// citizen's transaction short; every write prunes, so the backlog drains.
const pruneBatch = 64

// unansweredRecord is the stored form of bot.Unanswered.
type unansweredRecord struct {
	At      time.Time `json:"at"`
	Kind    string    `json:"kind"`
	Channel string    `json:"channel"`
	Commune string    `json:"commune,omitempty"`
	Text    string    `json:"text"`
	Guesses []string  `json:"guesses,omitempty"`
	Chosen  string    `json:"chosen,omitempty"`
}

func (unansweredRecord) storedRecord() {}

func unansweredToRecord(u *bot.Unanswered) unansweredRecord {
	return unansweredRecord{At: u.At, Kind: u.Kind, Channel: u.Channel, Commune: u.Commune, Text: u.Text,
		Guesses: append([]string(nil), u.Guesses...), Chosen: u.Chosen}
}

func unansweredFromRecord(r *unansweredRecord) bot.Unanswered {
	return bot.Unanswered{At: r.At, Kind: r.Kind, Channel: r.Channel, Commune: r.Commune, Text: r.Text,
		Guesses: append([]string(nil), r.Guesses...), Chosen: r.Chosen}
}

func unansweredKey(at time.Time, seq uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, uint64(at.UnixNano()))
	binary.BigEndian.PutUint64(k[8:], seq)
	return k
}

func (t *txn) RecordUnanswered(u bot.Unanswered) (uint64, error) {
	b := t.tx.Bucket(bucketUnanswered)
	seq, err := b.NextSequence()
	if err != nil {
		return 0, err
	}
	if err := putJSON(b, unansweredKey(u.At, seq), unansweredToRecord(&u)); err != nil {
		return 0, fmt.Errorf("put unanswered: %w", err)
	}
	return seq, pruneUnanswered(b, u.At.Add(-bot.UnansweredKeep), pruneBatch)
}

// ChooseUnanswered sets the choice of the record at at, seq.
func (t *txn) ChooseUnanswered(at time.Time, seq uint64, chosen string) error {
	b := t.tx.Bucket(bucketUnanswered)
	k := unansweredKey(at, seq)
	v := b.Get(k)
	if v == nil {
		return nil // pruned, or never written
	}
	var r unansweredRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return fmt.Errorf("read unanswered: %w", err)
	}
	r.Chosen = chosen
	if err := putJSON(b, k, r); err != nil {
		return fmt.Errorf("put unanswered: %w", err)
	}
	return nil
}

// pruneUnanswered deletes up to limit records older than cutoff.
func pruneUnanswered(b *bbolt.Bucket, cutoff time.Time, limit int) error {
	end := unansweredKey(cutoff, 0)
	var old [][]byte // deleting while a cursor walks can skip keys
	c := b.Cursor()
	for k, _ := c.First(); k != nil && len(old) < limit && string(k) < string(end); k, _ = c.Next() {
		old = append(old, append([]byte(nil), k...))
	}
	for _, k := range old {
		if err := b.Delete(k); err != nil {
			return fmt.Errorf("prune unanswered: %w", err)
		}
	}
	return nil
}

// Unanswered returns the unanswered records from since on (zero: all),
// oldest first.
func (s *Store) Unanswered(since time.Time) ([]bot.Unanswered, error) {
	var out []bot.Unanswered
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketUnanswered).Cursor()
		k, v := c.First()
		if !since.IsZero() {
			k, v = c.Seek(unansweredKey(since, 0))
		}
		for ; k != nil; k, v = c.Next() {
			var r unansweredRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("read unanswered %x: %w", k, err)
			}
			out = append(out, unansweredFromRecord(&r))
		}
		return nil
	})
	return out, err
}

// PruneUnanswered deletes every record older than bot.UnansweredKeep
// before now and reports how many it removed.
func (s *Store) PruneUnanswered(now time.Time) (n int, err error) {
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketUnanswered)
		before := b.Stats().KeyN
		if err := pruneUnanswered(b, now.Add(-bot.UnansweredKeep), 1<<30); err != nil {
			return err
		}
		n = before - b.Stats().KeyN
		return nil
	})
	return n, err
}
