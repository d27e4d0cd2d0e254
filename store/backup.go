package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.etcd.io/bbolt"

	"github.com/bacninh/ansinh/bot"
)

// ErrBackupExists is returned by Backup when the target exists and may
// not be replaced. It is fs.ErrExist, so that callers that know the store
// only through an interface can tell it.
var ErrBackupExists = fs.ErrExist

// Backup writes a consistent copy of the database to path while it stays
// in use. The copy goes to a new file, readable by its owner only, in
// path's directory, which then takes path's name: an existing file's mode
// or owner never carries over to the copy, and a reader never sees half a
// copy. An existing path is replaced only when replace is set, and only
// when it is an earlier backup, verified as Restore verifies one (Inspect):
// anything else there is refused with a *bot.RefusalError. A path among
// the database's own files (BesideDatabase) is refused whatever replace
// says. CheckTarget holds these rules.
func (s *Store) Backup(path string, replace bool) error {
	if err := CheckTarget(s.Path(), path, Target{What: "backup file", Replace: replace, Database: true}); err != nil {
		return err
	}
	// An existing path here is an earlier backup. It could still be
	// swapped for something else before the copy takes its name; only its
	// owner could do that, and the rename then replaces a name, never
	// writes into a file.
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	tmp := f.Name()
	err = f.Chmod(0o600) // CreateTemp's mode already; said again on purpose
	if err == nil {
		err = s.db.View(func(tx *bbolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = place(tmp, path, replace)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// place gives the finished copy tmp the name path. Without replace it
// links, which fails if path appeared meanwhile, rather than renaming over
// it.
func place(tmp, path string, replace bool) error {
	if replace {
		return os.Rename(tmp, path)
	}
	err := os.Link(tmp, path)
	switch {
	case errors.Is(err, fs.ErrExist):
		return ErrBackupExists
	case err != nil:
		// A file system without hard links: check, then rename.
		if _, serr := os.Lstat(path); serr == nil {
			return ErrBackupExists
		}
		return os.Rename(tmp, path)
	}
	return os.Remove(tmp)
}

// BesideDatabase reports whether path is one of the files kept beside the
// database at db: in db's directory and named after it, "<db>.*" or
// ".<db>.*" (the admin token and address serve writes, the model cache,
// the copies Restore keeps, and their temporary files). bbolt locks the
// database file itself, so there is no lock file. The directories are
// compared as files, so a relative or symlinked path is caught too.
func BesideDatabase(db, path string) bool {
	name, base := filepath.Base(path), filepath.Base(db)
	if !strings.HasPrefix(name, base+".") && !strings.HasPrefix(name, "."+base+".") {
		return false
	}
	d1, err1 := os.Stat(filepath.Dir(path))
	d2, err2 := os.Stat(filepath.Dir(db))
	if err1 != nil || err2 != nil {
		// A directory that cannot be looked at: compare the names.
		a1, _ := filepath.Abs(filepath.Dir(path))
		a2, _ := filepath.Abs(filepath.Dir(db))
		return a1 == a2
	}
	return os.SameFile(d1, d2)
}

// Target is a file an operator asks the CLI to write (a backup, an
// export), as CheckTarget judges it.
type Target struct {
	// What names the file in refusals: "backup file", "export file".
	What string
	// Replace is --force: an existing file may be replaced.
	Replace bool
	// Database says the file written is a copy of the database: Replace
	// then replaces only an earlier backup (Inspect accepts it). Any other
	// file replaces only what is not an ansinh database.
	Database bool
}

// CheckTarget applies to path the rules for a file written beside the
// database at db: a directory, the database itself, the files kept beside
// it (BesideDatabase) and a path in a directory that does not exist are
// refused whatever t.Replace says; an existing file is refused without
// t.Replace, and with it when it is not what t may replace. Every refusal
// is a *bot.RefusalError; the one for an existing file without t.Replace
// is also ErrBackupExists. A file that appears after the check is the
// writer's to handle.
func CheckTarget(db, path string, t Target) error {
	// A missing directory is the caller's mistake, said as such; it is
	// never created: a typo would leave the file where nobody looks.
	if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, fs.ErrNotExist) {
		return &bot.RefusalError{Msg: fmt.Sprintf("%s %s: the directory %s does not exist", t.What, path, filepath.Dir(path))}
	}
	fi, statErr := os.Stat(path)
	if statErr == nil {
		if fi.IsDir() {
			return &bot.RefusalError{Msg: fmt.Sprintf("%s %s is a directory", t.What, path)}
		}
		if dbi, err := os.Stat(db); err == nil && os.SameFile(fi, dbi) {
			return &bot.RefusalError{Msg: fmt.Sprintf("%s %s is the database itself", t.What, path)}
		}
	}
	if BesideDatabase(db, path) {
		return &bot.RefusalError{Msg: fmt.Sprintf("%s %s is one of the files kept beside the database %s "+
			"(every %s.* there: admin token, model cache, copies kept by restore); choose another name or directory",
			t.What, path, db, filepath.Base(db))}
	}
	if _, err := os.Lstat(path); err != nil {
		return nil
	}
	if !t.Replace {
		return &existsError{&bot.RefusalError{Msg: fmt.Sprintf("%s %s exists; add --force to replace it", t.What, path)}}
	}
	_, err := Inspect(path)
	switch {
	case errors.Is(err, ErrLocked):
		return &bot.RefusalError{Msg: fmt.Sprintf("%s %s is a database another process holds open; "+
			"--force replaces only %s", t.What, path, t.replaces())}
	case t.Database && err != nil:
		return &bot.RefusalError{Msg: fmt.Sprintf("%s %s exists and is not an ansinh backup (%v); "+
			"--force replaces only an earlier backup: remove the file yourself or choose another name", t.What, path, err)}
	case !t.Database && err == nil:
		return &bot.RefusalError{Msg: fmt.Sprintf("%s %s is an ansinh database; "+
			"--force replaces only a file that is not one: choose another name", t.What, path)}
	}
	return nil
}

func (t Target) replaces() string {
	if t.Database {
		return "an earlier backup"
	}
	return "a file that is not an ansinh database"
}

// existsError refuses an existing file without --force. It is both the
// refusal and ErrBackupExists, for callers that test either.
type existsError struct{ refusal *bot.RefusalError }

func (e *existsError) Error() string   { return e.refusal.Error() }
func (e *existsError) Unwrap() []error { return []error{e.refusal, ErrBackupExists} }
