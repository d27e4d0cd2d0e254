package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bacninh/ansinh/content"
)

func runContent(cfg Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 2 && args[0] == "train" {
		return trainContent(cfg, args[1], stdout)
	}
	if len(args) != 1 {
		return errUsage
	}
	switch args[0] {
	case "check":
		// No model is trained: no check reads one.
		entries, problems, err := content.CheckEntries(cfg.contentFS())
		if len(problems) > 0 {
			for _, p := range problems {
				fmt.Fprintln(stderr, p)
			}
			fmt.Fprintf(stderr, "%d problem(s)\n", len(problems))
			return errSilent
		}
		if err != nil {
			return fmt.Errorf("%s: %w", cfg.contentWhere(), err)
		}
		fmt.Fprintf(stdout, "ok: %d entries\n", len(entries))
		return nil
	case "export":
		// The entries as written: no model is trained or read.
		entries, err := content.LoadEntries(cfg.contentFS())
		var problems content.Problems
		if errors.As(err, &problems) {
			return fmt.Errorf("knowledge base has problems; run `ansinh content check`: %w", err)
		}
		if err != nil {
			return err
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	}
	return errUsage
}

// trainContent trains the models of the content (embedded, or
// ANSINH_CONTENT_DIR) and writes them to path, for this binary to read
// when the cache beside its database does not hold them (ANSINH_MODELS):
// a release built with its models starts without training.
func trainContent(cfg Config, path string, stdout io.Writer) error {
	// A file that could not be written is known before training.
	if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
		if err == nil {
			err = fmt.Errorf("%s is not a directory", filepath.Dir(path))
		}
		return fmt.Errorf("write the models: %w", err)
	}
	kb, info, err := content.LoadCached(cfg.contentFS(), path, "", programID())
	if err != nil {
		return err
	}
	if info.Err != nil && !info.Written {
		return fmt.Errorf("write the models: %w", info.Err)
	}
	fmt.Fprintf(stdout, "ok: models of %d entries in %s\n", len(kb.Entries()), path)
	return nil
}
