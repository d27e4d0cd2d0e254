package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModelCacheBesideDB: the first start trains the models and keeps them
// beside the database; a restart reads them; a cache that cannot be read
// is reported in the log and the start goes on, training again.
func TestModelCacheBesideDB(t *testing.T) {
	cfg := testConfig(t, nil)
	cfg.DB = filepath.Join(t.TempDir(), "not", "yet", "made", "ansinh.db") // a first start makes it
	start := func() string {
		t.Helper()
		var logs bytes.Buffer
		a, err := openApp(cfg, newLogger(&logs), nil)
		if err != nil {
			t.Fatal(err)
		}
		a.store.Close()
		return logs.String()
	}
	if logs := start(); !strings.Contains(logs, "models=trained cache_written=true") {
		t.Fatalf("first start: %s", logs)
	}
	if st, err := os.Stat(modelCachePath(cfg.DB)); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("model cache beside the database: %v %v", st, err)
	}
	if logs := start(); !strings.Contains(logs, `models="from cache" cache_written=false`) {
		t.Fatalf("restart: %s", logs)
	}
	if err := os.WriteFile(modelCachePath(cfg.DB), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	logs := start()
	if !strings.Contains(logs, "model cache not used") || !strings.Contains(logs, "models=trained cache_written=true") {
		t.Fatalf("start with a damaged cache: %s", logs)
	}
}
