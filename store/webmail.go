package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// Web chat mailboxes: replies wait here until the page fetches them.
//
//	web.mail         chat "\x00" seq → bot.WebMail (JSON)
//	web.mail.by_row  outbox row id   → its web.mail key
var (
	bucketWebMail      = []byte("web.mail")
	bucketWebMailByRow = []byte("web.mail.by_row")
)

// webMailRecord is the on-disk form of a bot.WebMail.
type webMailRecord struct {
	Seq     uint64         `json:"seq"`
	Text    string         `json:"text"`
	Buttons []buttonRecord `json:"buttons,omitempty"`
	Time    time.Time      `json:"time"`
	Row     uint64         `json:"row,omitempty"`
}

func (webMailRecord) storedRecord() {}

func webMailToRecord(m *bot.WebMail) webMailRecord {
	return webMailRecord{Seq: m.Seq, Text: m.Text, Buttons: buttonsToRecord(m.Buttons), Time: m.Time, Row: m.Row}
}

func webMailFromRecord(r *webMailRecord) bot.WebMail {
	return bot.WebMail{Seq: r.Seq, Text: r.Text, Buttons: buttonsFromRecord(r.Buttons), Time: r.Time, Row: r.Row}
}

func decodeWebMail(v []byte) (bot.WebMail, error) {
	var r webMailRecord
	if err := json.Unmarshal(v, &r); err != nil {
		return bot.WebMail{}, err
	}
	return webMailFromRecord(&r), nil
}

func webMailKey(chat string, seq uint64) []byte {
	return append([]byte(chat+"\x00"), u64(seq)...)
}

// PutWebMail stores m in chat's mailbox with the next sequence number and
// returns it as stored. A message from an outbox row already stored is
// not stored again: the stored one is returned.
func (s *Store) PutWebMail(chat string, m bot.WebMail) (bot.WebMail, error) {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		mail, byRow := tx.Bucket(bucketWebMail), tx.Bucket(bucketWebMailByRow)
		if m.Row != 0 {
			if k := byRow.Get(u64(m.Row)); k != nil {
				if v := mail.Get(k); v != nil {
					stored, err := decodeWebMail(v)
					m = stored
					return err
				}
			}
		}
		seq, err := mail.NextSequence()
		if err != nil {
			return err
		}
		m.Seq = seq
		k := webMailKey(chat, seq)
		if err := putJSON(mail, k, webMailToRecord(&m)); err != nil {
			return err
		}
		if m.Row != 0 {
			return byRow.Put(u64(m.Row), k)
		}
		return nil
	})
	if err != nil {
		return m, fmt.Errorf("store web mail for %s: %w", chat, err)
	}
	return m, nil
}

// WebMail returns chat's waiting messages with Seq greater than after,
// oldest first.
func (s *Store) WebMail(chat string, after uint64) ([]bot.WebMail, error) {
	var out []bot.WebMail
	err := s.db.View(func(tx *bbolt.Tx) error {
		prefix := []byte(chat + "\x00")
		c := tx.Bucket(bucketWebMail).Cursor()
		for k, v := c.Seek(webMailKey(chat, after+1)); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			m, err := decodeWebMail(v)
			if err != nil {
				return fmt.Errorf("decode web mail %x: %w", k, err)
			}
			out = append(out, m)
		}
		return nil
	})
	return out, err
}

// AckWebMail deletes chat's messages up to Seq upTo: the page has them.
func (s *Store) AckWebMail(chat string, upTo uint64) (int, error) {
	prefix := []byte(chat + "\x00")
	n := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		mail := tx.Bucket(bucketWebMail)
		var keys [][]byte
		var rows []uint64
		c := mail.Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && beUint(k[len(prefix):]) <= upTo; k, v = c.Next() {
			keys = append(keys, bytes.Clone(k))
			if m, err := decodeWebMail(v); err == nil && m.Row != 0 {
				rows = append(rows, m.Row)
			}
		}
		n = len(keys)
		return deleteWebMail(tx, keys, rows)
	})
	if err != nil {
		return 0, fmt.Errorf("acknowledge web mail of %s: %w", chat, err)
	}
	return n, nil
}

// WebMailSeq returns the last sequence number a web message was given.
func (s *Store) WebMailSeq() (seq uint64, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		seq = tx.Bucket(bucketWebMail).Sequence()
		return nil
	})
	return seq, err
}

// PruneWebMail deletes messages no page fetched before cutoff.
func (s *Store) PruneWebMail(cutoff time.Time) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		var keys [][]byte
		var rows []uint64
		err := tx.Bucket(bucketWebMail).ForEach(func(k, v []byte) error {
			m, err := decodeWebMail(v)
			if err != nil || m.Time.Before(cutoff) {
				keys = append(keys, bytes.Clone(k))
				rows = append(rows, m.Row)
			}
			return nil
		})
		if err != nil {
			return err
		}
		n = len(keys)
		return deleteWebMail(tx, keys, rows)
	})
	if err != nil {
		return 0, fmt.Errorf("prune web mail: %w", err)
	}
	return n, nil
}

func deleteWebMail(tx *bbolt.Tx, keys [][]byte, rows []uint64) error {
	mail, byRow := tx.Bucket(bucketWebMail), tx.Bucket(bucketWebMailByRow)
	for _, k := range keys {
		if err := mail.Delete(k); err != nil {
			return err
		}
	}
	for _, r := range rows {
		if r == 0 {
			continue
		}
		if err := byRow.Delete(u64(r)); err != nil {
			return err
		}
	}
	return nil
}
