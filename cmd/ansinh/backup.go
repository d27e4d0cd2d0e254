package main

import (
	"context"
	"fmt"
	"io"
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
