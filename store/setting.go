package store

import (
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

var bucketSettings = []byte("settings")

// Setting returns a named value (e.g. an OA token pair), or bot.ErrNotFound.
func (s *Store) Setting(name string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketSettings).Get([]byte(name))
		if v == nil {
			return fmt.Errorf("setting %s: %w", name, bot.ErrNotFound)
		}
		out = append([]byte(nil), v...)
		return nil
	})
	return out, err
}

// PutSetting replaces a named value in one transaction.
func (s *Store) PutSetting(name string, value []byte) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSettings).Put([]byte(name), value)
	})
}
