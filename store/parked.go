package store

import (
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

var bucketParked = []byte("parked")

// parkedRecord is an update that kept failing, kept for inspection.
type parkedRecord struct {
	Update bot.Update `json:"update"`
	Reason string     `json:"reason"`
	Time   time.Time  `json:"time"`
}

func (t *txn) Park(u bot.Update, reason string, now time.Time) error {
	b := t.tx.Bucket(bucketParked)
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("park update %s/%s: %w", u.Channel, u.ID, err)
	}
	return putJSON(b, u64(seq), parkedRecord{Update: u, Reason: reason, Time: now})
}

// Parked returns the parked updates with their reasons, oldest first.
func (s *Store) Parked() (updates []bot.Update, reasons []string, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketParked).ForEach(func(k, v []byte) error {
			var r parkedRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode parked update %d: %w", beUint(k), err)
			}
			updates, reasons = append(updates, r.Update), append(reasons, r.Reason)
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
