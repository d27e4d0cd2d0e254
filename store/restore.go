package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/bacninh/ansinh/bot"
)

// coreBuckets exist in every schema version; later buckets are created by
// Open, so an older backup may lack them.
var coreBuckets = [][]byte{bucketMeta, bucketUsers, bucketSeen, bucketOffsets, bucketLog, bucketOutbox,
	bucketOutboxDue, bucketOutboxKey, bucketOutboxChat, bucketOutboxHold, bucketOutboxSent, bucketOutboxDead,
	bucketTickets, bucketReminders}

// FileInfo describes a verified database file.
type FileInfo struct {
	Schema                             uint64
	Users, Tickets, Reminders, Pending int
	// Held are the reminders whose due occurrences Restore held back
	// (bot.Reminder.HoldDue), as saved; Inspect leaves it empty.
	Held []bot.Reminder
}

// ErrNotADatabase wraps every reason a file is refused by Inspect.
var ErrNotADatabase = errors.New("not a complete ansinh database")

// Inspect opens the file at path read-only and checks that it is a complete
// ansinh database of a schema version this build knows: a bbolt file whose
// every page is consistent, with the core buckets and a schema version.
func Inspect(path string) (FileInfo, error) {
	var info FileInfo
	fi, err := os.Stat(path)
	if err != nil {
		return info, fmt.Errorf("inspect %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return info, fmt.Errorf("inspect %s: %w: not a regular file", path, ErrNotADatabase)
	}
	if f, err := os.Open(path); err == nil {
		err = checkHighWater(f, fi.Size())
		f.Close()
		if err != nil {
			return info, fmt.Errorf("inspect %s: %w", path, err)
		}
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return info, fmt.Errorf("inspect %s: %w", path, ErrLocked)
	}
	if err != nil {
		return info, fmt.Errorf("inspect %s: %w: %v", path, ErrNotADatabase, err)
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error {
		// Drain every error: the checker goroutine reads pages until done.
		var damage []error
		for err := range tx.Check() {
			damage = append(damage, err)
		}
		if len(damage) > 0 {
			return fmt.Errorf("%w: damaged (%d problems): %v", ErrNotADatabase, len(damage), damage[0])
		}
		for _, b := range coreBuckets {
			if tx.Bucket(b) == nil {
				return fmt.Errorf("%w: bucket %s missing", ErrNotADatabase, b)
			}
		}
		v := tx.Bucket(bucketMeta).Get(keySchema)
		if len(v) != 8 {
			return fmt.Errorf("%w: no schema version", ErrNotADatabase)
		}
		info.Schema = binary.BigEndian.Uint64(v)
		if info.Schema < 1 || info.Schema > schemaVersion {
			return fmt.Errorf("%w: schema version %d (this ansinh knows 1 to %d)", ErrNotADatabase, info.Schema, schemaVersion)
		}
		info.Users = tx.Bucket(bucketUsers).Stats().KeyN
		info.Tickets = tx.Bucket(bucketTickets).Stats().KeyN
		info.Reminders = tx.Bucket(bucketReminders).Stats().KeyN
		info.Pending = tx.Bucket(bucketOutbox).Stats().KeyN
		return nil
	})
	if err != nil {
		return info, fmt.Errorf("inspect %s: %w", path, err)
	}
	return info, nil
}

// Restore replaces the database at dst with a verified copy of src. It
// refuses (ErrLocked) while another process holds dst, and changes nothing
// unless src passes Inspect. An existing dst is kept beside it, renamed
// with the time of the restore; kept is that name ("" when dst did not
// exist). Before the copy goes live, every reminder occurrence due at now
// and within its grace is held (holdDue): the backup predates them, and the
// database it replaces may well have sent them; info.Held lists them.
func Restore(src, dst string, now time.Time, loc *time.Location) (info FileInfo, kept string, err error) {
	if same, _ := sameFile(src, dst); same {
		return info, "", fmt.Errorf("restore %s: it is the database itself", src)
	}
	if info, err = Inspect(src); err != nil {
		return info, "", err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return info, "", fmt.Errorf("create database directory: %w", err)
	}
	if _, err := os.Stat(dst); err == nil {
		// Holding dst's lock until the swap keeps serve from opening it
		// meanwhile; a running serve makes this time out.
		db, err := bbolt.Open(dst, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
		if errors.Is(err, bolterrors.ErrTimeout) {
			return info, "", fmt.Errorf("restore into %s: %w", dst, ErrLocked)
		}
		if err == nil {
			defer db.Close()
		}
		// A damaged dst (err != nil otherwise) is exactly what a restore
		// replaces: it is kept aside all the same.
		kept = fmt.Sprintf("%s.before-restore-%s", dst, now.Format("20060102-150405"))
	}
	tmp := dst + ".restoring"
	os.Remove(tmp) // left by a restore that was interrupted
	if err := copyFile(src, tmp); err != nil {
		os.Remove(tmp)
		return info, "", err
	}
	held, err := holdDue(tmp, now, loc)
	if err != nil {
		os.Remove(tmp)
		return info, "", err
	}
	// The copy is what goes live: verify it too.
	if info, err = Inspect(tmp); err != nil {
		os.Remove(tmp)
		return info, "", err
	}
	info.Held = held
	if kept != "" {
		if err := os.Rename(dst, kept); err != nil {
			os.Remove(tmp)
			return info, "", fmt.Errorf("keep the old database: %w", err)
		}
	}
	if err := os.Rename(tmp, dst); err != nil {
		return info, kept, fmt.Errorf("put the restored database in place: %w", err)
	}
	if d, err := os.Open(filepath.Dir(dst)); err == nil {
		d.Sync()
		d.Close()
	}
	return info, kept, nil
}

// holdDue holds, in the database file at path, the reminder occurrences due
// at now (bot.Reminder.HoldDue) and returns the reminders it changed,
// oldest first. It writes the reminders bucket only, which every schema
// version has, so a backup from an older version is migrated by Open as
// before.
func holdDue(path string, now time.Time, loc *time.Location) ([]bot.Reminder, error) {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("restore: open the copy: %w", err)
	}
	var held []bot.Reminder
	err = db.Update(func(tx *bbolt.Tx) error {
		held = nil
		b := tx.Bucket(bucketReminders)
		err := b.ForEach(func(k, v []byte) error {
			r, err := decodeReminder(v)
			if err != nil {
				return fmt.Errorf("decode reminder %d: %w", beUint(k), err)
			}
			if r.HoldDue(now, loc) {
				held = append(held, r)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i := range held { // a bucket is not written while ForEach reads it
			if err := putJSON(b, u64(held[i].ID), reminderToRecord(&held[i])); err != nil {
				return fmt.Errorf("save reminder %d: %w", held[i].ID, err)
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("restore: hold reminders due since the backup: %w", err)
	}
	return held, nil
}

// copyFile copies src to a new file dst, synced to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("restore: copy %s: %w", src, err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return fmt.Errorf("restore: sync %s: %w", dst, err)
	}
	return out.Close()
}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
