package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestAdminBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"0.0.0.0:8080":   "http://127.0.0.1:8080",
		"[::]:8080":      "http://127.0.0.1:8080",
		":8080":          "http://127.0.0.1:8080",
		"127.0.0.1:9000": "http://127.0.0.1:9000",
		"localhost:80":   "http://localhost:80",
	} {
		if got := adminBaseURL(in); got != want {
			t.Errorf("adminBaseURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriteAdminTokenReplacesTheFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ansinh.db")
	first, err := writeAdminToken(db)
	if err != nil {
		t.Fatal(err)
	}
	second, err := writeAdminToken(db)
	if err != nil {
		t.Fatal(err)
	}
	got, err := readAdminToken(db)
	if err != nil || got != second || first == second {
		t.Errorf("token = %.8s…, %v; want the second of two different tokens", got, err)
	}
	entries, _ := os.ReadDir(filepath.Dir(db))
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want ansinh.db.admin.token only (no temp file left)", len(entries))
	}
}

func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(f) || isTerminal(null) || isTerminal(&bytes.Buffer{}) {
		t.Error("a file, /dev/null or a buffer taken for a terminal")
	}
}

// Two databases in one folder: the second serve's token does not replace
// the first's.
func TestAdminTokenNamedAfterTheDatabase(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "xa-a.db"), filepath.Join(dir, "xa-b.db")
	ta, err := writeAdminToken(a)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := writeAdminToken(b)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := readAdminToken(a); err != nil || got != ta || ta == tb {
		t.Errorf("first database's token = %.8s…, %v; want its own, not the second's", got, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "xa-a.db.admin.token")); err != nil {
		t.Errorf("token file not named after the database: %v", err)
	}
}
