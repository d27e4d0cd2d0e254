package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// TestMigrateThreadFiles: a database of schema 2, whose citizen
// attachments are texts ("[ảnh] mã tệp: AgAC…"), is read after the step
// with each file in its item's fields and the tag as text; an officer's
// item and plain text are left alone. Once migrated, a text that looks
// like an attachment stays text.
func TestMigrateThreadFiles(t *testing.T) {
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	put := func(s *Store, tk *bot.Ticket) {
		t.Helper()
		if err := s.Apply(context.Background(), func(tx bot.Tx) error { return tx.PutTicket(tk) }); err != nil {
			t.Fatal(err)
		}
	}
	put(s, &bot.Ticket{Citizen: bot.UserKey{Channel: "telegram", ID: "42"}, Question: "Nhà dột", Status: bot.StatusOpen, Created: t0,
		Thread: []bot.ThreadItem{
			{Time: t0, Kind: bot.ItemCitizen, Text: "Nhà dột"},
			{Time: t0, Kind: bot.ItemCitizen, Text: "[ảnh] mã tệp: AgAC-old"},
			{Time: t0, Kind: bot.ItemCitizen, Text: "[nhãn dán] mã tệp: CAAC-old", Courtesy: true},
			{Time: t0, Kind: bot.ItemOfficer, Author: "telegram:7", Text: "[ảnh] mã tệp: AgAC-officer"},
		}})
	s.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, u64(2)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err = Open(path)
	if err != nil {
		t.Fatalf("open a schema 2 database: %v", err)
	}
	tk, err := s.Ticket(1)
	if err != nil {
		t.Fatal(err)
	}
	want := []bot.ThreadItem{
		{Time: t0, Kind: bot.ItemCitizen, Text: "Nhà dột"},
		{Time: t0, Kind: bot.ItemCitizen, Text: "[ảnh]", Attachment: bot.AttachPhoto, FileID: "AgAC-old"},
		{Time: t0, Kind: bot.ItemCitizen, Text: "[nhãn dán]", Attachment: bot.AttachSticker, FileID: "CAAC-old", Courtesy: true},
		{Time: t0, Kind: bot.ItemOfficer, Author: "telegram:7", Text: "[ảnh] mã tệp: AgAC-officer"},
	}
	for i, it := range tk.Thread {
		if i >= len(want) || !it.Time.Equal(want[i].Time) || it.Kind != want[i].Kind || it.Text != want[i].Text ||
			it.Attachment != want[i].Attachment || it.FileID != want[i].FileID || it.Courtesy != want[i].Courtesy {
			t.Errorf("item %d = %+v, want %+v", i, it, want[i])
		}
	}
	// After the step, typed text is text, also across a reopen.
	put(s, &bot.Ticket{Citizen: bot.UserKey{Channel: "telegram", ID: "43"}, Question: "x", Status: bot.StatusOpen, Created: t0,
		Thread: []bot.ThreadItem{{Time: t0, Kind: bot.ItemCitizen, Text: "[ảnh] mã tệp: AgAC-fake"}}})
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tk, err = s.Ticket(2)
	if err != nil {
		t.Fatal(err)
	}
	if it := tk.Thread[0]; it.Attachment != "" || it.Text != "[ảnh] mã tệp: AgAC-fake" {
		t.Errorf("typed text read as %+v, want text", it)
	}
}
