package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"
)

// ErrBackupExists is returned by Backup when the target exists and may
// not be replaced. It is fs.ErrExist, so that callers that know the store
// only through an interface can tell it.
var ErrBackupExists = fs.ErrExist

// Backup writes a consistent copy of the database to path while it stays
// in use. The copy goes to a new file, readable by its owner only, in
// path's directory, which then takes path's name: an existing file's mode
// or owner never carries over to the copy, and a reader never sees half a
// copy. An existing path is replaced only when replace is set.
func (s *Store) Backup(path string, replace bool) error {
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("backup to %s: %w", path, ErrBackupExists)
		}
	}
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
