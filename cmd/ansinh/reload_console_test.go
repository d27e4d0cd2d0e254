package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestConsoleReloadIsAudited: the console's reload button reloads the
// content directory like SIGHUP and is written to the audit log under the
// officer who pressed it, accepted or refused.
func TestConsoleReloadIsAudited(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, content.Embedded()); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t, map[string]string{"ANSINH_CONTENT_DIR": dir})
	a, err := openApp(cfg, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.store.Close()

	msg, err := a.consoleReload("telegram:900")
	if err != nil || !strings.HasPrefix(msg, "Đã tải lại nội dung:") {
		t.Fatalf("reload = %q, %v", msg, err)
	}
	// A broken edit: a follow-up button pointing to no entry.
	loan := filepath.Join(dir, "loan.yaml")
	data, err := os.ReadFile(loan)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(data), "next: [", "next: [khong-co-muc-nay, ", 1)
	if broken == string(data) {
		t.Fatal("loan.yaml has no next list to break")
	}
	if err := os.WriteFile(loan, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	msg, err = a.consoleReload("telegram:900")
	if err == nil || !strings.HasPrefix(msg, "Nội dung mới có lỗi nên chưa được dùng") {
		t.Fatalf("broken reload = %q, %v", msg, err)
	}
	audit, err := a.store.AuditLog(0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range audit {
		got = append(got, r.Officer+" "+r.Action+" "+r.Detail)
	}
	if want := "telegram:900 content_reload ok;telegram:900 content_reload rejected"; strings.Join(got, ";") != want {
		t.Errorf("audit = %q, want %q", strings.Join(got, ";"), want)
	}
}
