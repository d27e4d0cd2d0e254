package store

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// writeSchema1 turns a fresh database into what schema 1 wrote: the chat
// index keyed by row id and no chat heads.
func writeSchema1(t *testing.T, path string) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketOutboxHeads, bucketOutboxHeadOf, bucketOutboxChat} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		byChat, err := tx.CreateBucket(bucketOutboxChat)
		if err != nil {
			return err
		}
		err = tx.Bucket(bucketOutbox).ForEach(func(k, v []byte) error {
			var d bot.Delivery
			if err := json.Unmarshal(v, &d); err != nil {
				return err
			}
			return byChat.Put(append([]byte(chatKey(d.Channel, d.ChatID)+"\x00"), k...), nil)
		})
		if err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, u64(1))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateSchema1Outbox(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rows := []bot.Delivery{
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Text: "one-a", Created: t0},
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Text: "one-b", Created: t0.Add(time.Second)},
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "2", Text: "two", Created: t0.Add(2 * time.Second)},
		{Kind: bot.KindReminder, Channel: "telegram", ChatID: "3", Text: "three", Created: t0},
	}
	err = s.Apply(context.Background(), func(tx bot.Tx) error {
		for i := range rows {
			if _, err := tx.Enqueue(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Chat 2 waits for a retry.
	retryAt := t0.Add(time.Hour)
	if err := s.Complete(context.Background(), []bot.Outcome{{ID: rows[2].ID, RetryAt: retryAt, Reason: "502", At: t0}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	writeSchema1(t, path)

	s, err = Open(path)
	if err != nil {
		t.Fatalf("open a schema 1 database: %v", err)
	}
	defer s.Close()
	texts := func(now time.Time) string {
		got, err := s.Heads(context.Background(), now, 10, nil)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range got {
			out = append(out, d.Text)
		}
		return strings.Join(out, ",")
	}
	if got, want := texts(t0.Add(time.Minute)), "one-a,three"; got != want {
		t.Errorf("heads after migration = %s, want %s", got, want)
	}
	if got, want := texts(retryAt), "one-a,two,three"; got != want {
		t.Errorf("heads at the retry = %s, want %s", got, want)
	}
	// The chat index is in the new form: one-a then one-b.
	if err := s.Complete(context.Background(), []bot.Outcome{{ID: rows[0].ID, Sent: true, At: t0.Add(time.Minute)}}); err != nil {
		t.Fatal(err)
	}
	if got, want := texts(t0.Add(2*time.Minute)), "one-b,three"; got != want {
		t.Errorf("heads after a send = %s, want %s", got, want)
	}
	s.db.View(func(tx *bbolt.Tx) error {
		if v := binary.BigEndian.Uint64(tx.Bucket(bucketMeta).Get(keySchema)); v != schemaVersion {
			t.Errorf("schema = %d, want %d", v, schemaVersion)
		}
		return nil
	})
}
