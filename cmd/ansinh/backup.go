package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// runBackup copies the database: `backup [--force] FILE`. An existing
// FILE is replaced only with --force. While serve holds the database,
// serve writes the copy through its admin API.
func runBackup(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	force := false
	var files []string
	for _, a := range args {
		switch a {
		case "--force", "-force", "-f":
			force = true
		default:
			files = append(files, a)
		}
	}
	if len(files) != 1 {
		return errUsage
	}
	// Absolute, because serve may run in another directory.
	target, err := filepath.Abs(files[0])
	if err != nil {
		return fmt.Errorf("backup file %s: %w", files[0], err)
	}
	src, done, err := openSource(cfg)
	if err != nil {
		return err
	}
	defer done()
	if err := src.Backup(ctx, target, force); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s\n", target)
	return nil
}

// backupTargetError is a backup file name that must not be written.
type backupTargetError struct{ msg string }

func (e backupTargetError) Error() string { return e.msg }

// checkBackupTarget refuses to copy the database over itself or over a
// directory.
func checkBackupTarget(dbPath, target string) error {
	fi, err := os.Stat(target)
	if err != nil {
		return nil // a new file; the copy reports what goes wrong
	}
	if fi.IsDir() {
		return backupTargetError{msg: fmt.Sprintf("backup file %s is a directory", target)}
	}
	if db, err := os.Stat(dbPath); err == nil && os.SameFile(fi, db) {
		return backupTargetError{msg: fmt.Sprintf("backup file %s is the database itself", target)}
	}
	return nil
}

// backupExists is the refusal of an existing target without --force.
func backupExists(target string) backupTargetError {
	return backupTargetError{msg: fmt.Sprintf("backup file %s exists; add --force to replace it", target)}
}
