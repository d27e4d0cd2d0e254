package main

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// TestReplyButtonNeedsGửiOverTelegram drives the "Trả lời" button through
// the fake Bot API: the officer's next message is only a preview, an
// unrelated message is cancelled without reaching the citizen, and only
// the answer confirmed with "Gửi" for ticket #1 is delivered to chat 42.
func TestReplyButtonNeedsGửiOverTelegram(t *testing.T) {
	srv := telegramtest.NewServer(t)
	_, stop := startServe(t, officerVars(srv))
	defer stop()

	srv.PushMessage(42, 42, "toi muon gap truc tiep can bo xa de hoi ve giay to dat")
	lastTo(t, srv, 42, 1)
	ann := lastTo(t, srv, officersGroup, 1)
	if !strings.Contains(ann.Plain, "Yêu cầu mới #1") {
		t.Fatalf("announcement = %q", ann.Plain)
	}

	srv.PushCallback(officersGroup, officerUser, ann.MessageID, "tk:reply:1")
	if ask := lastTo(t, srv, officersGroup, 2); !strings.Contains(ask.Plain, "phiếu #1") || !strings.Contains(ask.Plain, "Gửi") {
		t.Fatalf("prompt = %q", ask.Plain)
	}
	srv.PushMessage(officersGroup, officerUser, "anh Tuấn ơi chiều nay họp giao ban lúc 3h nhé")
	preview := lastTo(t, srv, officersGroup, 3)
	if !strings.Contains(preview.Plain, "Xem trước") || !strings.Contains(preview.Plain, "họp giao ban") || !strings.HasPrefix(keyOf(preview, "Gửi"), "tk:send:1:") {
		t.Fatalf("preview = %q %v", preview.Plain, preview.Keyboard)
	}
	srv.PushCallback(officersGroup, officerUser, preview.MessageID, keyOf(preview, "Hủy"))
	if done := lastTo(t, srv, officersGroup, 4); !strings.Contains(done.Plain, "Người dân không nhận được gì") {
		t.Errorf("cancel = %q", done.Plain)
	}

	srv.PushCallback(officersGroup, officerUser, ann.MessageID, "tk:reply:1")
	lastTo(t, srv, officersGroup, 5)
	srv.PushMessage(officersGroup, officerUser, "Mời anh lên xã sáng thứ Hai, mang theo căn cước.")
	preview = lastTo(t, srv, officersGroup, 6)
	srv.PushCallback(officersGroup, officerUser, preview.MessageID, keyOf(preview, "Gửi"))
	answer := lastTo(t, srv, 42, 2)
	if !strings.Contains(answer.Plain, "Mời anh lên xã sáng thứ Hai") || !strings.Contains(answer.Plain, "yêu cầu #1") {
		t.Errorf("answer = %q", answer.Plain)
	}
	if sent := lastTo(t, srv, officersGroup, 7); !strings.Contains(sent.Plain, "Đã gửi câu trả lời") {
		t.Errorf("confirmation = %q", sent.Plain)
	}
	time.Sleep(300 * time.Millisecond)
	for _, m := range srv.SentTo(42) {
		if strings.Contains(m.Plain, "họp giao ban") {
			t.Errorf("the cancelled message reached the citizen: %q", m.Plain)
		}
	}
	if n := len(srv.SentTo(42)); n != 2 {
		t.Errorf("citizen got %d messages, want 2 (confirmation, answer)", n)
	}
}

// TestReplyToPromptOverTelegram: the platform ids of "Trả lời"'s prompt
// lead back to its ticket, so a reply to the prompt of #1, after "Trả lời"
// on #2, previews an answer for #1, and only "Gửi" delivers it to chat 42.
func TestReplyToPromptOverTelegram(t *testing.T) {
	srv := telegramtest.NewServer(t)
	_, stop := startServe(t, officerVars(srv))
	defer stop()

	srv.PushMessage(42, 42, "toi muon gap truc tiep can bo xa de hoi ve giay to dat")
	lastTo(t, srv, 42, 1)
	ann1 := lastTo(t, srv, officersGroup, 1)
	srv.PushMessage(43, 43, "toi muon gap can bo xa hoi ve vay von lam nha")
	lastTo(t, srv, 43, 1)
	if ann2 := lastTo(t, srv, officersGroup, 2); !strings.Contains(ann2.Plain, "Yêu cầu mới #2") {
		t.Fatalf("second announcement = %q", ann2.Plain)
	}

	srv.PushCallback(officersGroup, officerUser, ann1.MessageID, "tk:reply:1")
	prompt1 := lastTo(t, srv, officersGroup, 3)
	srv.PushCallback(officersGroup, officerUser, ann1.MessageID, "tk:reply:2")
	lastTo(t, srv, officersGroup, 4)
	srv.Push(telegramtest.Msg{ChatID: officersGroup, UserID: officerUser, Text: "Mời anh lên xã sáng thứ Hai.", ReplyTo: prompt1.MessageID})
	preview := lastTo(t, srv, officersGroup, 5)
	if !strings.Contains(preview.Plain, "Xem trước phiếu #1") || !strings.Contains(preview.Plain, "Mời anh lên xã") || !strings.HasPrefix(keyOf(preview, "Gửi"), "tk:send:1:") {
		t.Fatalf("reply to #1's prompt = %q %v, want #1's preview", preview.Plain, preview.Keyboard)
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(srv.SentTo(42)); n != 1 {
		t.Fatalf("citizen 42 got %d messages before Gửi, want 1 (confirmation)", n)
	}
	srv.PushCallback(officersGroup, officerUser, preview.MessageID, keyOf(preview, "Gửi"))
	if answer := lastTo(t, srv, 42, 2); !strings.Contains(answer.Plain, "Mời anh lên xã sáng thứ Hai.") || !strings.Contains(answer.Plain, "yêu cầu #1") {
		t.Errorf("answer = %q", answer.Plain)
	}
	lastTo(t, srv, officersGroup, 6)
	if n := len(srv.SentTo(43)); n != 1 {
		t.Errorf("citizen 43 got %d messages, want 1 (confirmation)", n)
	}
}

// keyOf is the callback data of m's button labelled label ("" if none):
// what pressing that button on that message sends.
func keyOf(m telegramtest.SentMessage, label string) string {
	for _, row := range m.Keyboard {
		for _, b := range row {
			if b.Text == label {
				return b.CallbackData
			}
		}
	}
	return ""
}

// TestOlderPreviewOverTelegram: of two previews for ticket #1, "Gửi" on
// the first is refused and sends nothing; "Gửi" on the second delivers
// exactly its text. Before, the first preview's "Gửi" sent the second text.
func TestOlderPreviewOverTelegram(t *testing.T) {
	srv := telegramtest.NewServer(t)
	_, stop := startServe(t, officerVars(srv))
	defer stop()

	srv.PushMessage(42, 42, "toi muon gap truc tiep can bo xa de hoi ve giay to dat")
	lastTo(t, srv, 42, 1)
	lastTo(t, srv, officersGroup, 1)
	srv.PushMessage(officersGroup, officerUser, "/traloi 1 Phiên bản 1: mời anh lên xã sáng thứ Hai.")
	p1 := lastTo(t, srv, officersGroup, 2)
	srv.PushMessage(officersGroup, officerUser, "/traloi 1 Phiên bản 2: mời anh lên xã sáng thứ Ba.")
	p2 := lastTo(t, srv, officersGroup, 3)
	if !strings.HasPrefix(p2.Plain, "Bản này thay cho câu trả lời nháp trước của phiếu #1; bản trước sẽ không được gửi.") {
		t.Errorf("second preview = %q", p2.Plain)
	}
	srv.PushCallback(officersGroup, officerUser, p1.MessageID, keyOf(p1, "Gửi"))
	if got := lastTo(t, srv, officersGroup, 4); got.Plain !=
		`Bản nháp này đã được thay bằng bản mới nên không gửi gì cho người dân (phiếu #1). Bấm "Gửi" trên bản xem trước mới nhất.` {
		t.Errorf("Gửi on the first preview: %q", got.Plain)
	}
	srv.PushCallback(officersGroup, officerUser, p2.MessageID, keyOf(p2, "Gửi"))
	answer := lastTo(t, srv, 42, 2)
	lastTo(t, srv, officersGroup, 5) // sent
	time.Sleep(300 * time.Millisecond)
	if !strings.Contains(answer.Plain, "Phiên bản 2: mời anh lên xã sáng thứ Ba.") || len(srv.SentTo(42)) != 2 {
		t.Errorf("citizen got %d messages, last %q; want 2, the last with Phiên bản 2", len(srv.SentTo(42)), answer.Plain)
	}
	for _, m := range srv.SentTo(42) {
		if strings.Contains(m.Plain, "Phiên bản 1") {
			t.Errorf("the replaced text reached the citizen: %q", m.Plain)
		}
	}
}
