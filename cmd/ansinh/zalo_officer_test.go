package main

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

// TestZaloOfficerAnswersByNumber: over the Zalo Bot Platform's wire, an
// officer's preview lists Gửi / Sửa / Hủy as numbered choices, and "1"
// typed back sends the answer to the citizen; "3" on the next preview
// cancels it. Before, both got "Nội dung này đã thay đổi…" and the
// citizen menu.
func TestZaloOfficerAnswersByNumber(t *testing.T) {
	srv := zalotest.NewServer(t)
	_, stop := startServe(t, map[string]string{"ANSINH_ZALO_TOKEN": srv.Token(), "ANSINH_ZALO_API": srv.Endpoint(),
		"ANSINH_OFFICERS": "zalo:zoff1"})
	defer stop()

	srv.PushText("u-5", "u-5", "Bà Tư", "/canbo tôi cần hỏi về sổ hộ nghèo của nhà tôi")
	if got := zaloReply(t, srv, "u-5", 1); !strings.Contains(got, "#1") {
		t.Fatalf("citizen confirmation = %q", got)
	}
	srv.PushText("zcoff", "zoff1", "Chị Hoa", "/traloi 1 Mời bà lên UBND xã sáng thứ Hai.")
	preview := zaloReply(t, srv, "zcoff", 1)
	if !strings.Contains(preview, "Xem trước phiếu #1") || !strings.Contains(preview, "Chọn \"Gửi\" để gửi") ||
		strings.Contains(strings.ToLower(preview), "bấm") || !strings.HasSuffix(preview, "1. Gửi\n2. Sửa\n3. Hủy\nTrả lời số 1, 2 hoặc 3.") {
		t.Fatalf("preview on Zalo = %q", preview)
	}
	srv.PushText("zcoff", "zoff1", "Chị Hoa", "1")
	if got := zaloReply(t, srv, "u-5", 2); !strings.Contains(got, "Mời bà lên UBND xã sáng thứ Hai.") ||
		!strings.HasPrefix(got, "💬 Cán bộ xã trả lời yêu cầu #1") {
		t.Fatalf("the citizen got %q", got)
	}
	if got := zaloReply(t, srv, "zcoff", 2); !strings.HasPrefix(got, "Đã gửi câu trả lời cho người dân (phiếu #1).") {
		t.Errorf("the officer got %q", got)
	}

	srv.PushText("zcoff", "zoff1", "Chị Hoa", "/traloi 1 Bản sẽ hủy")
	zaloReply(t, srv, "zcoff", 3)
	srv.PushText("zcoff", "zoff1", "Chị Hoa", "3")
	if got := zaloReply(t, srv, "zcoff", 4); got != "Đã hủy. Người dân không nhận được gì (phiếu #1)." {
		t.Errorf("\"3\" after the preview: %q", got)
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(srv.SentTo("u-5")); n != 2 {
		t.Errorf("the citizen got %d messages, want 2 (confirmation, answer)", n)
	}
}
