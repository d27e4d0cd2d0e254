package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/bacninh/ansinh/store"
)

// runBackup copies the database. While serve holds it, ask serve instead.
func runBackup(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return errUsage
	}
	st, err := store.Open(cfg.DB)
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("ANSINH_DB=%s is held by a running `ansinh serve`; backup through serve is not available yet: stop serve or copy with its admin endpoint once added: %w", cfg.DB, err)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(args[0]); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s\n", args[0])
	return nil
}
