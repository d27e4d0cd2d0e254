package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestModelCacheBesideDB: the first start trains the models and keeps them
// beside the database; a restart reads them; a cache that cannot be read
// is reported in the log and the start goes on, training again.
func TestModelCacheBesideDB(t *testing.T) {
	cfg := testConfig(t, map[string]string{"ANSINH_MODELS": ""})           // no shipped models: the first start trains
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

// TestShippedModelsAtStart: `content train FILE` writes the models; a
// first start with ANSINH_MODELS naming that file and no cache beside the
// database reads them instead of training and leaves the cache alone; a
// start whose ANSINH_MODELS names no file trains and writes the cache.
func TestShippedModelsAtStart(t *testing.T) {
	shipped := filepath.Join(t.TempDir(), "models")
	var out, errs bytes.Buffer
	if err := runContent(testConfig(t, nil), []string{"train", shipped}, &out, &errs); err != nil {
		t.Fatalf("content train: %v %s", err, errs.String())
	}
	if !strings.HasPrefix(out.String(), "ok: models of ") || !strings.HasSuffix(out.String(), " entries in "+shipped+"\n") {
		t.Fatalf("content train printed %q", out.String())
	}
	start := func(models string) (Config, string) {
		t.Helper()
		cfg := testConfig(t, map[string]string{"ANSINH_MODELS": models})
		var logs bytes.Buffer
		a, err := openApp(cfg, newLogger(&logs), nil)
		if err != nil {
			t.Fatal(err)
		}
		a.store.Close()
		return cfg, logs.String()
	}
	cfg, logs := start(shipped)
	if !strings.Contains(logs, "models=shipped cache_written=false") || strings.Contains(logs, "model cache not used") {
		t.Fatalf("first start with the shipped models: %s", logs)
	}
	if _, err := os.Stat(modelCachePath(cfg.DB)); !os.IsNotExist(err) {
		t.Fatalf("the cache beside the database: %v, want none written", err)
	}
	if _, logs := start(shipped + ".missing"); !strings.Contains(logs, "models=trained cache_written=true") {
		t.Fatalf("start without shipped models: %s", logs)
	}
	if err := runContent(testConfig(t, nil), []string{"train", filepath.Join(t.TempDir(), "no", "dir", "models")}, &out, &errs); err == nil || !strings.Contains(err.Error(), "write the models") {
		t.Fatalf("content train into a missing directory: %v", err)
	}
}

// TestProgramIDIsTheGoBuildID: the model cache's identity of the program
// is the build ID the Go linker wrote, as `go tool buildid` reads it, so a
// copy of the binary elsewhere reads the models shipped with it.
func TestProgramIDIsTheGoBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to read the build ID with")
	}
	want, err := exec.Command(goTool, "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(string(want))
	if got := goBuildID(exe); got != id || id == "" {
		t.Fatalf("goBuildID = %q, go tool buildid says %q", got, id)
	}
	if got := programID(); got != "go build ID "+id {
		t.Fatalf("programID = %q", got)
	}
	if got := goBuildID(filepath.Join(t.TempDir(), "none")); got != "" {
		t.Fatalf("a missing file's build ID: %q", got)
	}
}

// TestToolsReadTheModels: ask, eligibility and content export read the
// models serve keeps beside the database when that file exists, else the
// shipped ones, else train them, and never create a file.
func TestToolsReadTheModels(t *testing.T) {
	cfg := testConfig(t, nil) // ANSINH_MODELS: the models trained once (content train)
	dir := filepath.Dir(cfg.DB)
	trained, err := os.ReadFile(cfg.ShippedModels)
	if err != nil {
		t.Fatal(err)
	}
	load := func(cfg Config) content.CacheInfo {
		t.Helper()
		kb, info, err := cfg.loadKBModels()
		if err != nil || len(kb.Entries()) == 0 {
			t.Fatalf("load: %v", err)
		}
		return info
	}
	if info := load(cfg); !info.Shipped || info.Written || info.Err != nil {
		t.Errorf("no cache beside the database: %+v, want the shipped models read", info)
	}
	cfg.ShippedModels = ""
	if info := load(cfg); info.Shipped || info.Hit || info.Written || info.Err != nil {
		t.Errorf("no cache, no shipped models: %+v, want trained", info)
	}
	if files, err := os.ReadDir(dir); err != nil || len(files) != 0 {
		t.Fatalf("the database's directory holds %v (%v), want nothing", files, err)
	}
	// serve writes the cache as content train writes its file.
	if err := os.WriteFile(modelCachePath(cfg.DB), trained, 0o600); err != nil {
		t.Fatal(err)
	}
	if info := load(cfg); !info.Hit || info.Written || info.Err != nil {
		t.Errorf("a cache beside the database: %+v, want it read", info)
	}
}
