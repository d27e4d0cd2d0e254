package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/store"
)

// TestRemindersAddRefusesARepeat: `reminders add` of a broadcast that
// exists (same audience, time and text) is refused naming it; --force adds
// a second copy.
func TestRemindersAddRefusesARepeat(t *testing.T) {
	cfg := testConfig(t, nil)
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	now := time.Now().In(cfg.Location)
	at := time.Date(now.Year()+1, 12, 20, 9, 0, 0, 0, cfg.Location).Format("2006-01-02 15:04")
	add := []string{"add", "--audience", "all", "--text", "Họp dân thôn Đông", "--at", at}
	run := func(args ...string) string {
		var out bytes.Buffer
		if err := runReminders(context.Background(), cfg, args, &out); err != nil {
			return "error: " + err.Error()
		}
		return out.String()
	}
	if out := run(add...); !strings.HasPrefix(out, "Đã tạo lịch nhắc #1.") {
		t.Fatalf("first add:\n%s", out)
	}
	atVi := time.Date(now.Year()+1, 12, 20, 9, 0, 0, 0, cfg.Location).Format("15:04 ngày 02/01/2006")
	want := "error: đã có thông báo #1 giống hệt (cùng đối tượng all, lúc " + atVi + ", cùng nội dung); " +
		"không tạo thêm để người dân không nhận hai lần; hủy #1 trước, hoặc thêm --force để tạo bản thứ hai"
	if out := run(add...); out != want {
		t.Errorf("repeat:\n got %q\nwant %q", out, want)
	}
	if out := run(append(add, "--force")...); !strings.HasPrefix(out, "Đã tạo lịch nhắc #2.") {
		t.Errorf("repeat with --force:\n%s", out)
	}
}
