package store

import (
	"context"
	"strconv"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// postponeChunk bounds the rows one Postpone transaction re-keys.
const postponeChunk = 5000

// Postpone implements the dispatcher's store (bot/outbox): when quiet
// hours begin, every reminder row not yet sent that is due before until
// is re-keyed to go at until, and each broadcast whose latest occurrence it belongs to
// records until as its SendFrom, so that lists show the real time
// (docs/architecture.md §6). It commits in chunks; each chunk is whole.
func (s *Store) Postpone(ctx context.Context, until time.Time) (int, error) {
	total := 0
	for {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		n := 0
		err := s.db.Update(func(tx *bbolt.Tx) error {
			var err error
			n, err = postpone(tx, until)
			return err
		})
		total += n
		if err != nil || n < postponeChunk {
			return total, err
		}
	}
}

func postpone(tx *bbolt.Tx, until time.Time) (int, error) {
	rows := tx.Bucket(bucketOutbox)
	end := uint64(until.UnixNano())
	var todo []bot.Delivery
	c := tx.Bucket(bucketOutboxDue).Cursor()
	for k, _ := c.Seek([]byte{1}); k != nil && k[0] == 1 && len(todo) < postponeChunk; k, _ = c.Next() {
		if beUint(k[1:9]) >= end {
			break
		}
		v := rows.Get(k[9:])
		if v == nil {
			continue
		}
		d, err := decodeDelivery(v)
		if err != nil {
			return 0, err
		}
		if d.Kind == bot.KindReminder {
			todo = append(todo, d)
		}
	}
	occs := map[uint64]int64{} // reminder → latest occurrence postponed
	for i := range todo {
		d := &todo[i]
		if err := removeRow(tx, d); err != nil {
			return 0, err
		}
		d.NotBefore = until
		if err := putRow(tx, d); err != nil {
			return 0, err
		}
		if id, occ, ok := reminderOfKey(d.Key); ok && occ > occs[id] {
			occs[id] = occ
		}
	}
	for id, occ := range occs {
		r, err := getReminder(tx, id)
		if err != nil || r.Personal() || r.Last.Unix() != occ || !r.SendFrom.Before(until) {
			continue // gone, or its rows' time is already right
		}
		r.SendFrom = until
		if err := putReminder(tx, &r); err != nil {
			return 0, err
		}
	}
	return len(todo), nil
}

// reminderOfKey reads the reminder and occurrence of a row's key,
// "r<id>:<unix>:<recipient>" (bot.OccurrenceRowPrefix).
func reminderOfKey(key string) (id uint64, occ int64, ok bool) {
	rest, found := strings.CutPrefix(key, "r")
	if !found {
		return 0, 0, false
	}
	idS, rest, found := strings.Cut(rest, ":")
	if !found {
		return 0, 0, false
	}
	occS, _, found := strings.Cut(rest, ":")
	if !found {
		return 0, 0, false
	}
	id, err1 := strconv.ParseUint(idS, 10, 64)
	occ, err2 := strconv.ParseInt(occS, 10, 64)
	return id, occ, err1 == nil && err2 == nil
}
