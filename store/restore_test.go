package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

// backupWithOneOfEach returns a backup file holding one user, ticket,
// reminder and pending row.
func backupWithOneOfEach(t *testing.T) string {
	t.Helper()
	s, _ := mustOpen(t)
	apply(t, s, func(tx bot.Tx) error {
		k := bot.UserKey{Channel: "telegram", ID: "1"}
		if err := tx.PutUser(bot.User{Key: k, ChatID: "1", Created: t0}); err != nil {
			return err
		}
		if err := tx.PutTicket(&bot.Ticket{Citizen: k, Status: bot.StatusOpen, Due: t0}); err != nil {
			return err
		}
		if err := tx.PutReminder(&bot.Reminder{Type: bot.ReminderOnce, Owner: k, Text: "x", At: t0, Created: t0}); err != nil {
			return err
		}
		_, err := tx.Enqueue(&bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Text: "x", Created: t0})
		return err
	})
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(path, false); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRestoreKeepsTheOldFile(t *testing.T) {
	src := backupWithOneOfEach(t)
	dst := filepath.Join(t.TempDir(), "data", "ansinh.db")
	info, kept, err := store.Restore(src, dst, t0, time.UTC)
	if err != nil || kept != "" {
		t.Fatalf("restore into a fresh place: kept %q, %v", kept, err)
	}
	// The personal reminder fell due at the restore's time: held, as sent.
	if len(info.Held) != 1 || !info.Held[0].Cancelled || !info.Held[0].Last.Equal(t0) {
		t.Errorf("held %+v, want the reminder due at %v", info.Held, t0)
	}
	if want := (store.FileInfo{Schema: info.Schema, Users: 1, Tickets: 1, Reminders: 1, Pending: 1, Held: info.Held}); !reflect.DeepEqual(info, want) || info.Schema < 1 {
		t.Errorf("info = %+v, want %+v with a schema version", info, want)
	}
	old, _ := os.ReadFile(dst)
	_, kept, err = store.Restore(src, dst, t0, time.UTC)
	if want := dst + ".before-restore-20261127-080000"; err != nil || kept != want {
		t.Fatalf("restore over a database: kept %q, %v; want %q", kept, err, want)
	}
	if b, _ := os.ReadFile(kept); string(b) != string(old) {
		t.Error("the kept file is not the previous database")
	}
	s, err := store.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.User(bot.UserKey{Channel: "telegram", ID: "1"}); err != nil {
		t.Errorf("restored database lacks the user: %v", err)
	}
}

func TestRestoreRefusals(t *testing.T) {
	good := backupWithOneOfEach(t)
	data, _ := os.ReadFile(good)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	foreign := filepath.Join(dir, "foreign.db")
	db, err := bbolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("stuff")); return err })
	db.Close()
	future := write("future.db", data)
	db, err = bbolt.Open(future, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 0, 0, 0, 0, 99})
	})
	db.Close()

	for name, tc := range map[string]struct {
		src, want string
	}{
		"text file":        {write("notes.txt", []byte("not a database\n")), "not a complete ansinh database"},
		"truncated backup": {write("half.db", data[:len(data)/2]), "not a complete ansinh database: truncated"},
		"other bbolt file": {foreign, "bucket meta missing"},
		"newer schema":     {future, "schema version 99"},
		"missing file":     {filepath.Join(dir, "nope.db"), "no such file"},
	} {
		t.Run(name, func(t *testing.T) {
			dst := filepath.Join(t.TempDir(), "ansinh.db")
			before := []byte("the live database")
			os.WriteFile(dst, before, 0o600)
			_, _, err := store.Restore(tc.src, dst, t0, time.UTC)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want one mentioning %q", err, tc.want)
			}
			if b, _ := os.ReadFile(dst); string(b) != string(before) {
				t.Error("the database was changed by a refused restore")
			}
			if entries, _ := os.ReadDir(filepath.Dir(dst)); len(entries) != 1 {
				t.Errorf("a refused restore left files: %v", entries)
			}
		})
	}

	t.Run("database in use", func(t *testing.T) {
		_, dst := mustOpen(t)
		_, _, err := store.Restore(good, dst, time.Now(), time.UTC)
		if !errors.Is(err, store.ErrLocked) {
			t.Fatalf("error = %v, want ErrLocked", err)
		}
	})
}
