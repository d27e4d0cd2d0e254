package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bacninh/ansinh/store"
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

// impostor listens on a loopback port and counts the connections it gets:
// whatever listens where the CLI must not send its token.
func impostor(t *testing.T) (addr string, conns *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	conns = new(atomic.Int64)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			c.Close()
		}
	}()
	return ln.Addr().String(), conns
}

// TestCLIRefusesACorruptTokenFile: a token file that holds no token is
// named, rather than sent on into a request header.
func TestCLIRefusesACorruptTokenFile(t *testing.T) {
	addr, conns := impostor(t)
	cfg := testConfig(t, map[string]string{"ANSINH_HTTP": addr})
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// What the defect left there: a backup of the database.
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := st.Backup(copyPath, false); err != nil {
		t.Fatal(err)
	}
	backupBytes, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	token := adminTokenPath(cfg.DB)
	for _, c := range []struct {
		content []byte
		why     string
	}{
		{backupBytes, "found " + strconv.Itoa(len(backupBytes)) + " bytes"},
		{[]byte(""), "found 0 bytes"},
		{[]byte(strings.Repeat("z", 64) + "\n"), "found other characters"},
		{[]byte(strings.Repeat("ab", 31) + "\nb\n"), "found other characters"}, // a header break
		{[]byte(strings.Repeat("ab", 31) + "\n"), "found 63 bytes"},
	} {
		if err := os.WriteFile(token, c.content, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"tickets", "list"}, {"reminders", "list"}, {"backup", filepath.Join(t.TempDir(), "b.db")}} {
			var out bytes.Buffer
			var err error
			switch args[0] {
			case "tickets":
				err = runTickets(context.Background(), cfg, args[1:], &out)
			case "reminders":
				err = runReminders(context.Background(), cfg, args[1:], &out)
			case "backup":
				err = runBackup(context.Background(), cfg, args[1:], &out)
			}
			want := "serve holds the database but " + token + " does not hold an admin token (want 64 hex digits, " + c.why +
				"); restart serve to write a new one"
			if err == nil || err.Error() != want {
				t.Errorf("%s with a token file of %d bytes: %v\nwant %s", args[0], len(c.content), err, want)
			}
		}
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("ANSINH_HTTP got %d connections with no valid token", n)
	}
}
