package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConsoleFormSecret: serve writes the console's form secret beside the
// database, owner-only, keeps it across starts, and refuses a file that
// does not hold one rather than replace it.
func TestConsoleFormSecret(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ansinh.db")
	first, err := consoleFormSecret(db)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 32 {
		t.Fatalf("secret of %d bytes, want 32", len(first))
	}
	fi, err := os.Stat(db + ".console.key")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	again, err := consoleFormSecret(db)
	if err != nil || !bytes.Equal(again, first) {
		t.Errorf("second start read %x (%v), want the same secret %x", again, err, first)
	}
	if err := os.WriteFile(db+".console.key", []byte("not a secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = consoleFormSecret(db)
	if err == nil || !strings.Contains(err.Error(), db+".console.key does not hold one") {
		t.Errorf("garbage file: err = %v, want it named", err)
	}
	if data, _ := os.ReadFile(db + ".console.key"); string(data) != "not a secret\n" {
		t.Errorf("garbage file replaced by %q", data)
	}
}
