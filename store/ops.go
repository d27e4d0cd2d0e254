package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// OpsStats is what monitoring reads from the database: every figure that
// needs a scan, taken in one consistent read.
type OpsStats struct {
	// Pending counts outbox rows waiting to be sent, by channel.
	Pending map[string]int
	// OldestDue is, by channel, when the longest-waiting due row became
	// due (its NotBefore); a channel with no due row is absent. Rows held
	// back for quiet hours or a later time are not late and do not count.
	OldestDue map[string]time.Time
	// Dead counts the rows that failed for good (refused by the platform,
	// given up after retries). Withdrawn counts the rows that were never
	// tried because a broadcast was cancelled, or resumed past its grace:
	// they sit in the same bucket but are no failure.
	Dead      int
	Withdrawn int
	Parked    int
	// Tickets counts tickets by status; Overdue counts the active tickets
	// past their due date at the time asked.
	Tickets map[bot.TicketStatus]int
	Overdue int
}

// dueProbe is the part of an outbox row (deliveryRecord) OpsStats needs;
// its JSON name must follow deliveryRecord.Channel's.
type dueProbe struct {
	Channel string `json:"channel"`
}

// OpsStats scans the outbox, the dead-letter and parked buckets and the
// tickets. It costs a walk of every pending row's index key: callers cache
// it (the metrics refresh it at most every 15 s).
func (s *Store) OpsStats(now time.Time) (OpsStats, error) {
	st := OpsStats{Pending: map[string]int{}, OldestDue: map[string]time.Time{}, Tickets: map[bot.TicketStatus]int{}}
	err := s.db.View(func(tx *bbolt.Tx) error {
		// The chat index key starts with "channel:chat\x00": counting needs
		// no row decoded.
		c := tx.Bucket(bucketOutboxChat).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if i := bytes.IndexByte(k, ':'); i > 0 {
				st.Pending[string(k[:i])]++
			}
		}
		if err := oldestDue(tx, now, &st); err != nil {
			return err
		}
		st.Dead, st.Withdrawn = countDead(tx)
		st.Parked = tx.Bucket(bucketParked).Stats().KeyN
		return tx.Bucket(bucketTickets).ForEach(func(k, v []byte) error {
			t, err := decodeTicket(v)
			if err != nil {
				return fmt.Errorf("decode ticket %d: %w", beUint(k), err)
			}
			st.Tickets[t.Status]++
			if t.Overdue(now) {
				st.Overdue++
			}
			return nil
		})
	})
	if err != nil {
		return OpsStats{}, fmt.Errorf("ops stats: %w", err)
	}
	return st, nil
}

// withdrawnMarks are how the dead records of rows never tried begin their
// reason, as JSON writes it. A citizen's text cannot forge one: its quotes
// are escaped inside the record.
var withdrawnMarks = [][]byte{reasonMark(bot.WithdrawnReason), reasonMark(bot.MissedReason)}

func reasonMark(reason string) []byte {
	b, _ := json.Marshal(reason)
	return append([]byte(`"reason":`), b...)
}

// countDead splits the dead-letter bucket into failures and rows withdrawn
// on purpose, without decoding a record. Before session 61 every withdrawn
// row of a cancelled broadcast counted as a dead letter on /metrics.
func countDead(tx *bbolt.Tx) (dead, withdrawn int) {
	return countDeadIn(tx.Bucket(bucketOutboxDead))
}

func countDeadIn(b *bbolt.Bucket) (dead, withdrawn int) {
	_ = b.ForEach(func(_, v []byte) error {
		for _, m := range withdrawnMarks {
			if bytes.Contains(v, m) {
				withdrawn++
				return nil
			}
		}
		dead++
		return nil
	})
	return dead, withdrawn
}

// oldestDue walks the due index (ordered by class, then due time) and
// notes each channel's first due row of each class; a class's walk stops
// once every channel with pending rows is found in it, or at rows not yet
// due.
func oldestDue(tx *bbolt.Tx, now time.Time, st *OpsStats) error {
	rows := tx.Bucket(bucketOutbox)
	end := uint64(max(now.UnixNano(), 0))
	c := tx.Bucket(bucketOutboxDue).Cursor()
	for class := byte(0); class < 2; class++ {
		found := map[string]bool{}
		for k, _ := c.Seek([]byte{class}); k != nil && k[0] == class; k, _ = c.Next() {
			if len(found) == len(st.Pending) || beUint(k[1:9]) > end {
				break
			}
			v := rows.Get(k[9:])
			if v == nil {
				continue
			}
			var p dueProbe
			if err := json.Unmarshal(v, &p); err != nil {
				return fmt.Errorf("decode outbox %d: %w", beUint(k[9:]), err)
			}
			if found[p.Channel] {
				continue
			}
			found[p.Channel] = true
			at := time.Unix(0, int64(beUint(k[1:9])))
			if old, ok := st.OldestDue[p.Channel]; !ok || at.Before(old) {
				st.OldestDue[p.Channel] = at
			}
		}
	}
	return nil
}
