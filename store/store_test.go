package store_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

func mustOpen(tb testing.TB) (*store.Store, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "ansinh.db")
	s, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, path
}

var t0 = time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)

func apply(tb testing.TB, s *store.Store, fn func(tx bot.Tx) error) {
	tb.Helper()
	if err := s.Apply(context.Background(), fn); err != nil {
		tb.Fatal(err)
	}
}

func TestOpenTwiceIsLocked(t *testing.T) {
	_, path := mustOpen(t)
	_, err := store.Open(path)
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second Open error = %v, want ErrLocked", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	apply(t, s, func(tx bot.Tx) error {
		return tx.PutUser(bot.User{Key: bot.UserKey{Channel: "zalo", ID: "abc-XYZ"}, ChatID: "abc-XYZ", Name: "Ông Tư", Created: t0})
	})
	s.Close()
	s, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.User(bot.UserKey{Channel: "zalo", ID: "abc-XYZ"})
	if err != nil || u.Name != "Ông Tư" {
		t.Fatalf("user after reopen = %+v, %v", u, err)
	}
	if _, err := s.User(bot.UserKey{Channel: "zalo", ID: "nobody"}); !errors.Is(err, bot.ErrNotFound) {
		t.Errorf("missing user error = %v, want ErrNotFound", err)
	}
}

func TestMarkSeenAndOffset(t *testing.T) {
	s, _ := mustOpen(t)
	var first, second bool
	apply(t, s, func(tx bot.Tx) error {
		var err error
		first, err = tx.MarkSeen("telegram", "10", t0)
		if err != nil {
			return err
		}
		second, err = tx.MarkSeen("telegram", "10", t0)
		if err != nil {
			return err
		}
		if err := tx.SetOffset("telegram", 11); err != nil {
			return err
		}
		return tx.SetOffset("telegram", 5) // an older offset never moves it back
	})
	if !first || second {
		t.Errorf("MarkSeen = %v then %v, want true then false", first, second)
	}
	if off, _ := s.Offset("telegram"); off != 11 {
		t.Errorf("offset = %d, want 11", off)
	}
	n, err := s.PruneSeen(t0.Add(time.Hour))
	if err != nil || n != 1 {
		t.Errorf("PruneSeen = %d, %v; want 1", n, err)
	}
}

func TestEnqueueIdempotencyKey(t *testing.T) {
	s, _ := mustOpen(t)
	d := bot.Delivery{Key: "r1/2026-12-01T07:00/telegram:5", Kind: bot.KindReminder, Channel: "telegram", ChatID: "5", Text: "x", Created: t0}
	for i, want := range []bool{true, false} {
		apply(t, s, func(tx bot.Tx) error {
			c := d
			added, err := tx.Enqueue(&c)
			if added != want {
				t.Errorf("enqueue %d added = %v, want %v", i, added, want)
			}
			return err
		})
	}
	rows, _ := s.Due(t0, 10, nil)
	if len(rows) != 1 {
		t.Fatalf("%d rows due, want 1", len(rows))
	}
	// Still refused after it was sent.
	if err := s.Complete(context.Background(), []bot.Outcome{{ID: rows[0].ID, Sent: true, At: t0}}); err != nil {
		t.Fatal(err)
	}
	apply(t, s, func(tx bot.Tx) error {
		c := d
		if added, _ := tx.Enqueue(&c); added {
			t.Error("a sent row's key was accepted again")
		}
		return nil
	})
}

func TestDueOrderAndHolds(t *testing.T) {
	s, _ := mustOpen(t)
	rows := []bot.Delivery{
		{Kind: bot.KindReminder, Channel: "telegram", ChatID: "1", Text: "reminder", Created: t0},
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Text: "reply-1", Created: t0.Add(time.Second)},
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Text: "reply-2", Created: t0.Add(2 * time.Second)},
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "2", Text: "later", Created: t0, NotBefore: t0.Add(time.Hour)},
	}
	apply(t, s, func(tx bot.Tx) error {
		for i := range rows {
			if _, err := tx.Enqueue(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
	due, err := s.Due(t0.Add(time.Minute), 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, d := range due {
		texts = append(texts, d.Text)
	}
	// Replies before reminders; a future row is not due.
	if got := strings.Join(texts, ","); got != "reply-1,reply-2,reminder" {
		t.Errorf("due order = %s", got)
	}
	// A retry holds the whole chat until its time, keeping order.
	retryAt := t0.Add(10 * time.Minute)
	if err := s.Complete(context.Background(), []bot.Outcome{{ID: due[0].ID, RetryAt: retryAt, Reason: "502", At: t0}}); err != nil {
		t.Fatal(err)
	}
	if due, _ := s.Due(t0.Add(5*time.Minute), 10, nil); len(due) != 0 {
		t.Errorf("held chat still has %d rows due", len(due))
	}
	due, _ = s.Due(retryAt, 10, nil)
	if len(due) == 0 || due[0].Text != "reply-1" || due[0].Attempts != 1 || due[0].LastError != "502" {
		t.Errorf("after the hold: %+v", due)
	}
}

func TestUnreachableBuriesTheChat(t *testing.T) {
	s, _ := mustOpen(t)
	k := bot.UserKey{Channel: "telegram", ID: "7"}
	var rows [3]bot.Delivery
	apply(t, s, func(tx bot.Tx) error {
		if err := tx.PutUser(bot.User{Key: k, ChatID: "7", Created: t0}); err != nil {
			return err
		}
		for i := range rows {
			rows[i] = bot.Delivery{Kind: bot.KindReminder, Channel: "telegram", ChatID: "7", UserID: "7", Text: "x", Created: t0}
			if _, err := tx.Enqueue(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
	err := s.Complete(context.Background(), []bot.Outcome{{ID: rows[0].ID, Dead: true, Unreachable: true, Reason: "Forbidden: bot was blocked by the user", At: t0}})
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.OutboxStats()
	if st.Pending != 0 || st.Dead != 3 {
		t.Errorf("stats = %+v, want 0 pending, 3 dead", st)
	}
	if u, _ := s.User(k); !u.Unreachable || u.UnreachableReason == "" {
		t.Errorf("user = %+v, want unreachable with a reason", u)
	}
}

func TestBackupWhileOpen(t *testing.T) {
	s, _ := mustOpen(t)
	apply(t, s, func(tx bot.Tx) error {
		return tx.PutUser(bot.User{Key: bot.UserKey{Channel: "web", ID: "w1"}, ChatID: "w1", Created: t0})
	})
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(out, false); err != nil {
		t.Fatal(err)
	}
	c, err := store.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n, _ := c.CountUsers(); n != 1 {
		t.Errorf("backup has %d users, want 1", n)
	}
}

// An existing backup is refused unless replace is set, and then replaced
// by a new file readable by its owner only, whatever the old file's mode.
func TestBackupOntoExistingFile(t *testing.T) {
	s, _ := mustOpen(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "copy.db")
	if err := s.Backup(out, false); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o644); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(out)
	err := s.Backup(out, false)
	if !errors.Is(err, store.ErrBackupExists) {
		t.Fatalf("backup onto an existing file: %v, want ErrBackupExists", err)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, old) {
		t.Error("the refused target was changed")
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o644 {
		t.Error("the refused target's mode was changed")
	}
	if err := s.Backup(out, true); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if mode := fi.Mode().Perm(); mode != 0o600 {
		t.Errorf("replaced backup has mode %o, want 600", mode)
	}
	c, err := store.Open(out)
	if err != nil {
		t.Fatalf("replaced backup does not open: %v", err)
	}
	c.Close()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want the backup only (no temp file left)", len(entries))
	}
	// A new file is created 0600 as well.
	fresh := filepath.Join(dir, "fresh.db")
	if err := s.Backup(fresh, false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(fresh); fi.Mode().Perm() != 0o600 {
		t.Errorf("new backup has mode %o, want 600", fi.Mode().Perm())
	}
}

// replace only replaces an earlier backup: any other file is refused, and
// left as it was.
func TestBackupReplacesOnlyABackup(t *testing.T) {
	s, _ := mustOpen(t)
	dir := t.TempDir()
	for name, data := range map[string]string{
		"notes.txt": "lịch họp thôn\n",
		"token":     strings.Repeat("ab", 32) + "\n",
		"empty.db":  "",
	} {
		out := filepath.Join(dir, name)
		if err := os.WriteFile(out, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		_, inspectErr := store.Inspect(out)
		if inspectErr == nil {
			t.Fatalf("Inspect(%s) accepted a file that is not a database", name)
		}
		err := s.Backup(out, true)
		want := "backup file " + out + " exists and is not an ansinh backup (" + inspectErr.Error() + "); " +
			"--force replaces only an earlier backup: remove the file yourself or choose another name"
		if _, ok := bot.AsRefusal(err); !ok || err.Error() != want {
			t.Errorf("replace %s: %v\nwant the refusal %q", name, err, want)
		}
		if b, _ := os.ReadFile(out); string(b) != data {
			t.Errorf("the refused %s was changed", name)
		}
	}
	// Another live database (held open) is refused too.
	_, otherPath := mustOpen(t)
	err := s.Backup(otherPath, true)
	want := "backup file " + otherPath + " is a database another process holds open; --force replaces only an earlier backup"
	if err == nil || err.Error() != want {
		t.Errorf("replace a database held open: %v, want %q", err, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("directory holds %d files, want the 3 refused ones (no temp file left)", len(entries))
	}
}

// The files kept beside the database are never a backup's target, with
// or without replace, even when they hold a database (restore's copies).
func TestBackupRefusesTheDatabasesOwnFiles(t *testing.T) {
	s, db := mustOpen(t)
	dir := filepath.Dir(db)
	kept := db + ".before-restore-20261128-013000"
	elsewhere := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(elsewhere, false); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(elsewhere, kept); err != nil { // a database, as restore keeps it
		t.Fatal(err)
	}
	for _, path := range []string{db + ".admin.token", db + ".admin.addr", db + ".models", kept,
		db + ".restoring", filepath.Join(dir, ".ansinh.db.admin.token-123")} {
		before, statErr := os.ReadFile(path)
		if errors.Is(statErr, os.ErrNotExist) && path != kept {
			if err := os.WriteFile(path, []byte("serve's\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			before = []byte("serve's\n")
		}
		for _, replace := range []bool{false, true} {
			err := s.Backup(path, replace)
			want := "backup file " + path + " is one of the files kept beside the database " + db +
				" (every ansinh.db.* there: admin token, model cache, copies kept by restore); choose another name or directory"
			if _, ok := bot.AsRefusal(err); !ok || err.Error() != want {
				t.Errorf("backup to %s (replace %v): %v\nwant the refusal %q", filepath.Base(path), replace, err, want)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Errorf("%s was changed", filepath.Base(path))
			}
		}
	}
	// Through another name for the same directory.
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if !store.BesideDatabase(db, filepath.Join(link, "ansinh.db.admin.token")) {
		t.Error("the token through a symlinked directory is not recognised")
	}
	// Elsewhere, or named otherwise, a file is not the database's.
	for _, path := range []string{filepath.Join(t.TempDir(), "ansinh.db.admin.token"),
		filepath.Join(dir, "ansinh-2026-11-28.db"), filepath.Join(dir, "ansinh.dbx")} {
		if store.BesideDatabase(db, path) {
			t.Errorf("%s taken for one of the database's own files", path)
		}
	}
}
