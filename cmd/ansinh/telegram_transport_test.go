package main

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/internal/testlog"
	"github.com/bacninh/ansinh/store"
)

// startServeLogged is startServe that also returns serve's log.
func startServeLogged(t *testing.T, vars map[string]string) (string, *testlog.Buffer, func()) {
	t.Helper()
	if vars["ANSINH_HTTP"] == "" {
		vars["ANSINH_HTTP"] = freeAddr(t)
	}
	cfg := testConfig(t, vars)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	logs := &testlog.Buffer{}
	go func() { done <- runServe(ctx, cfg, nil, logs) }()
	base := "http://" + cfg.HTTP
	waitFor(t, "serve healthy", func() bool { code, _ := healthz(base); return code == http.StatusOK })
	return base, logs, func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve returned %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop within 15s")
		}
	}
}

// healthz returns /healthz's status and body (0 when unreachable).
func healthz(base string) (int, string) {
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// sendsTo counts sendMessage requests to chat, refused ones included.
func sendsTo(srv *telegramtest.Server, chat int64) int {
	n := 0
	for _, p := range srv.Requests("sendMessage") {
		if p.Get("chat_id") == strconv.FormatInt(chat, 10) {
			n++
		}
	}
	return n
}

// TestOfficersGroupBecameSupergroup: ANSINH_OFFICER_CHATS names a group
// that Telegram upgraded to a supergroup. The announcement reaches the
// supergroup once, the old id is not tried again (also after a restart),
// the log names the new id; a non-officer pressing an officer button there
// is refused in the button's answer only; an officer's reply to the
// announcement in the supergroup is previewed there and, on Gửi, answers
// the citizen.
func TestOfficersGroupBecameSupergroup(t *testing.T) {
	const (
		oldGroup   = int64(-100777)
		superGroup = int64(-1001234567890)
		officer    = int64(555)
	)
	srv := telegramtest.NewServer(t)
	srv.FailChat(oldGroup, telegramtest.Migrated(superGroup))
	vars := map[string]string{
		"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint(),
		"ANSINH_OFFICERS": "telegram:555", "ANSINH_OFFICER_CHATS": "telegram:-100777",
	}
	_, logs, stop := startServeLogged(t, vars)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()

	srv.PushMessage(42, 42, "toi muon gap truc tiep can bo xa de hoi ve giay to dat")
	if confirm := lastTo(t, srv, 42, 1); !strings.Contains(confirm.Plain, "#1") {
		t.Fatalf("citizen confirmation = %q", confirm.Plain)
	}
	ann := lastTo(t, srv, superGroup, 1)
	if !strings.Contains(ann.Plain, "Yêu cầu mới #1") || !hasKey(ann, "tk:take:1") {
		t.Fatalf("announcement = %q %v", ann.Plain, ann.Keyboard)
	}
	var warn string
	for l := range strings.Lines(logs.String()) {
		if strings.Contains(l, "supergroup") && strings.Contains(l, "level=WARN") {
			warn = l
		}
	}
	if !strings.Contains(warn, "new_chat=-1001234567890") || !strings.Contains(warn, "old_chat=-100777") ||
		!strings.Contains(warn, "ANSINH_OFFICER_CHATS") {
		t.Errorf("no WARN line with both ids unmasked; log:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "delivery refused") {
		t.Errorf("the announcement was refused; log:\n%s", logs.String())
	}

	// A citizen in the supergroup presses an officer button.
	press := srv.PushCallback(superGroup, 777, ann.MessageID, "tk:take:1")
	waitFor(t, "button answer", func() bool { return len(srv.Answers()) == 1 })
	want := telegramtest.CallbackAnswer{CallbackID: telegramtest.CallbackID(press), Text: "Nút này chỉ dành cho cán bộ xã.", ShowAlert: true}
	if a := srv.Answers()[0]; a != want {
		t.Errorf("button answer = %+v, want %+v", a, want)
	}

	// The officer answers by replying to the announcement in the
	// supergroup: a preview for the ticket, sent on Gửi.
	srv.Push(telegramtest.Msg{ChatID: superGroup, UserID: officer, Text: "Mời anh lên UBND xã sáng thứ Hai.", ReplyTo: ann.MessageID})
	preview := lastTo(t, srv, superGroup, 2)
	if !strings.Contains(preview.Plain, "Xem trước phiếu #1") || !strings.HasPrefix(keyOf(preview, "Gửi"), "tk:send:1:") {
		t.Fatalf("reply to the announcement = %q %v, want #1's preview", preview.Plain, preview.Keyboard)
	}
	srv.PushCallback(superGroup, officer, preview.MessageID, keyOf(preview, "Gửi"))
	if answer := lastTo(t, srv, 42, 2); !strings.Contains(answer.Plain, "Mời anh lên UBND xã") {
		t.Errorf("citizen got %q, want the officer's answer", answer.Plain)
	}
	waitFor(t, "queue drained", func() bool { return srv.Pending() == 0 })
	time.Sleep(300 * time.Millisecond)
	for _, m := range srv.SentTo(superGroup) {
		if strings.Contains(m.Plain, "chỉ dành cho cán bộ") {
			t.Errorf("the refusal was posted in the group: %q", m.Plain)
		}
	}
	// The supergroup is the officers' group: what an officer does there is
	// not echoed back into it as if done elsewhere ("✅ Phiếu #1 đã được …
	// trả lời riêng"), as it was before session 60.
	noEcho := func(when string) {
		t.Helper()
		for _, m := range srv.SentTo(superGroup) {
			if strings.HasPrefix(m.Plain, "✅") || strings.HasPrefix(m.Plain, "☑️") {
				t.Errorf("%s: the supergroup got the echo %q", when, m.Plain)
			}
		}
	}
	if last := lastTo(t, srv, superGroup, 3); last.Plain != "Đã gửi câu trả lời cho người dân (phiếu #1)." {
		t.Errorf("after Gửi the supergroup got %q", last.Plain)
	}
	noEcho("Gửi")
	if n := sendsTo(srv, oldGroup); n != 1 {
		t.Errorf("%d sends to the old id, want only the first, refused one", n)
	}
	stop()
	stopped = true

	// The move is in the database, for the next start (the Telegram
	// package's tests restart a client over it).
	st, err := store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	raw, err := st.Setting("telegram.chat_migrations")
	if err != nil || string(raw) != `{"-100777":"-1001234567890"}` {
		t.Errorf("stored migrations = %s, %v", raw, err)
	}
	st.Close()

	// After a restart the stored move still makes the supergroup the
	// officers' group: closing there is not echoed either.
	_, _, stop = startServeLogged(t, vars)
	defer stop()
	n := len(srv.SentTo(superGroup))
	srv.Push(telegramtest.Msg{ChatID: superGroup, UserID: officer, Text: "/dong 1 Đã hướng dẫn người dân"})
	if got := lastTo(t, srv, superGroup, n+1); got.Plain != "Đã đóng phiếu #1." {
		t.Errorf("/dong in the supergroup after a restart: %q", got.Plain)
	}
	waitFor(t, "queue drained", func() bool { return srv.Pending() == 0 })
	time.Sleep(300 * time.Millisecond)
	noEcho("/dong after a restart")
}

// TestHealthzReportsDeafPolling: /healthz turns 503 with the reason while
// getUpdates answers 401 or 409, recovers with polling, and /metrics
// counts the failed polls. The web chat keeps answering meanwhile.
func TestHealthzReportsDeafPolling(t *testing.T) {
	srv := telegramtest.NewServer(t, telegramtest.WithPollCap(200*time.Millisecond))
	vars := map[string]string{"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint()}
	base, _, stop := startServeLogged(t, vars)
	defer stop()

	for _, c := range []struct {
		fault telegramtest.Fault
		want  string
	}{
		{telegramtest.Fault{Code: 401, Description: "Unauthorized"}, "unhealthy: telegram polling: getUpdates answered 401 Unauthorized"},
		{telegramtest.Conflict(), "unhealthy: telegram polling: getUpdates answered 409 Conflict"},
	} {
		srv.FailNext("getUpdates", 2, c.fault)
		waitFor(t, c.want, func() bool {
			code, b := healthz(base)
			return code == http.StatusServiceUnavailable && strings.HasPrefix(b, c.want)
		})
		if page, err := http.Get(base + "/"); err != nil || page.StatusCode != http.StatusOK {
			t.Errorf("web chat while polling fails: %v %v", page, err)
		} else {
			page.Body.Close()
		}
		waitFor(t, "healthy again", func() bool { code, _ := healthz(base); return code == http.StatusOK })
	}
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(metrics), `ansinh_poll_failures_total{channel="telegram"} 4`) ||
		!strings.Contains(string(metrics), `ansinh_poll_healthy{channel="telegram"} 1`) {
		t.Errorf("metrics lack the poll counters:\n%s", linesWith(string(metrics), "ansinh_poll"))
	}
}

func linesWith(s, sub string) string {
	var out []string
	for l := range strings.Lines(s) {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

// TestTelegramCaptionAndForumTopic: a photo's caption is answered as a
// question (a photo without one gets the polite refusal), and a question
// asked in a forum topic is answered in that topic.
func TestTelegramCaptionAndForumTopic(t *testing.T) {
	srv := telegramtest.NewServer(t)
	vars := map[string]string{"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint()}
	_, _, stop := startServeLogged(t, vars)
	defer stop()

	srv.Push(telegramtest.Msg{ChatID: 42, Photo: true, Caption: "ho ngheo vay von duoc bao nhieu"})
	answer := lastTo(t, srv, 42, 1)
	if strings.Contains(answer.Plain, "chỉ đọc được tin nhắn chữ") || !strings.Contains(answer.Plain, "Căn cứ") {
		t.Errorf("captioned photo answered %q, want the loan answer", answer.Plain)
	}
	srv.Push(telegramtest.Msg{ChatID: 42, Photo: true})
	if refusal := lastTo(t, srv, 42, 2); !strings.Contains(refusal.Plain, "chỉ đọc được tin nhắn chữ") {
		t.Errorf("photo without caption answered %q, want the polite refusal", refusal.Plain)
	}

	const forum = int64(-1009876543210)
	srv.Push(telegramtest.Msg{ChatID: forum, UserID: 7, Thread: 42, Text: "@" + srv.BotUsername() + " the bhyt ho ngheo"})
	reply := lastTo(t, srv, forum, 1)
	if reply.Thread != 42 || !strings.Contains(reply.Plain, "Căn cứ") {
		t.Errorf("forum reply in thread %d: %q, want the answer in topic 42", reply.Thread, reply.Plain)
	}
}
