package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/bacninh/ansinh/store"
)

// runRestore replaces ANSINH_DB with a backup. bbolt admits one process,
// so it refuses while serve holds the database; the backup is verified
// before anything is replaced, and the old file is kept beside the new one.
func runRestore(cfg Config, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return errUsage
	}
	src, err := filepath.Abs(args[0])
	if err != nil {
		return fmt.Errorf("backup file %s: %w", args[0], err)
	}
	info, kept, err := store.Restore(src, cfg.DB, time.Now())
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("ANSINH_DB=%s is in use: stop `ansinh serve` first (systemctl stop ansinh), then restore; nothing was changed", cfg.DB)
	}
	if err != nil {
		return fmt.Errorf("%w; nothing was changed", err)
	}
	fmt.Fprintf(stdout, "restored %s into %s (schema %d: %d users, %d tickets, %d reminders, %d messages waiting to be sent)\n",
		src, cfg.DB, info.Schema, info.Users, info.Tickets, info.Reminders, info.Pending)
	if kept != "" {
		fmt.Fprintf(stdout, "the previous database is kept as %s\n", kept)
	}
	return nil
}
