package storetest

import (
	"path/filepath"
	"testing"

	"github.com/bacninh/ansinh/store"
)

// Open opens a new store in a file under tb's temporary directory and
// closes it when the test ends; it fails the test if the store cannot be
// opened.
func Open(tb testing.TB) *store.Store {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "ansinh.db"))
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}
