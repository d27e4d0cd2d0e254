package main

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store"
)

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second) // generous: CI runs packages in parallel on 2 cores
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// lastTo waits until chat has n messages and returns the n-th.
func lastTo(t *testing.T, srv *telegramtest.Server, chat int64, n int) telegramtest.SentMessage {
	t.Helper()
	waitFor(t, "reply", func() bool { return len(srv.SentTo(chat)) >= n })
	return srv.SentTo(chat)[n-1]
}

func hasKey(m telegramtest.SentMessage, data string) bool {
	for _, row := range m.Keyboard {
		for _, b := range row {
			if b.CallbackData == data {
				return true
			}
		}
	}
	return false
}

// TestTelegramConversation drives serve through the fake Bot API with the
// real client library: /start with a deep link, a question without
// diacritics, a button press, a redelivered update and /stop.
func TestTelegramConversation(t *testing.T) {
	srv := telegramtest.NewServer(t)
	vars := map[string]string{"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint()}
	_, stop := startServe(t, vars)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()

	waitFor(t, "setMyCommands", func() bool { return len(srv.Commands()) > 0 })
	for _, c := range srv.Commands() {
		if c.Command == "stop" && !strings.Contains(c.Description, "Dừng") {
			t.Errorf("/stop description %q", c.Description)
		}
	}

	srv.PushMessage(42, 42, "/start xa-dai-dong")
	welcome := lastTo(t, srv, 42, 1)
	if !strings.Contains(welcome.Plain, "Trợ lý An sinh") || !hasKey(welcome, "t:loan") || welcome.ParseMode != "HTML" {
		t.Fatalf("welcome = %+v", welcome)
	}

	asked := srv.PushMessage(42, 42, "ho ngheo muon vay von thi lam the nao")
	answer := lastTo(t, srv, 42, 2)
	if !strings.Contains(answer.Plain, "Căn cứ") || !hasKey(answer, "o") {
		t.Errorf("answer = %q %v", answer.Plain, answer.Keyboard)
	}

	srv.PushCallback(42, 42, welcome.MessageID, "t:health_insurance")
	menu := lastTo(t, srv, 42, 3)
	waitFor(t, "answerCallbackQuery", func() bool { return len(srv.Answers()) == 1 })
	if len(menu.Keyboard) == 0 || !strings.HasPrefix(menu.Keyboard[0][0].CallbackData, "e:") {
		t.Errorf("topic menu keyboard = %v", menu.Keyboard)
	}

	// A redelivered update is applied once: no second answer.
	if !srv.Redeliver(asked) {
		t.Fatal("redeliver failed")
	}
	srv.PushMessage(42, 42, "/stop")
	bye := lastTo(t, srv, 42, 4)
	if !strings.Contains(bye.Plain, "dừng nhận tin nhắn tự động") {
		t.Errorf("/stop reply = %q", bye.Plain)
	}
	waitFor(t, "queue drained", func() bool { return srv.Pending() == 0 })
	time.Sleep(300 * time.Millisecond)
	if n := len(srv.SentTo(42)); n != 4 {
		t.Errorf("chat got %d messages, want 4 (the redelivery must send nothing)", n)
	}
	if v := srv.Violations(); v != 0 {
		t.Errorf("%d rate-limit violations", v)
	}
	stop()
	stopped = true

	st, err := store.Open(vars["ANSINH_DB"]) // set by startServe
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"})
	if err != nil || !u.Stopped || u.Commune != "Đại Đồng" {
		t.Errorf("user = %+v, %v; want stopped, commune from the deep link", u, err)
	}
}

func TestTelegramWebhook(t *testing.T) {
	srv := telegramtest.NewServer(t)
	vars := map[string]string{
		"ANSINH_TELEGRAM_TOKEN":   srv.Token(),
		"ANSINH_TELEGRAM_API":     srv.Endpoint(),
		"ANSINH_TELEGRAM_WEBHOOK": "https://bot.example.invalid/telegram/webhook",
		"ANSINH_TELEGRAM_SECRET":  "s3cret-Token_1",
	}
	base, stop := startServe(t, vars)
	defer stop()
	waitFor(t, "setWebhook", func() bool { return srv.Webhook().URL != "" })
	if wh := srv.Webhook(); wh.SecretToken != "s3cret-Token_1" || wh.URL != vars["ANSINH_TELEGRAM_WEBHOOK"] {
		t.Errorf("webhook = %+v", wh)
	}
	update := `{"update_id":500,"message":{"message_id":1,"date":1790000000,"chat":{"id":77,"type":"private","first_name":"Lan"},"from":{"id":77,"is_bot":false,"first_name":"Lan"},"text":"the bhyt ho ngheo"}}`
	post := func(secret string) int {
		req, _ := http.NewRequest("POST", base+"/telegram/webhook", bytes.NewReader([]byte(update)))
		req.Header.Set("Content-Type", "application/json")
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post("wrong"); code != http.StatusUnauthorized {
		t.Errorf("wrong secret: %d, want 401", code)
	}
	if code := post(""); code != http.StatusUnauthorized {
		t.Errorf("missing secret: %d, want 401", code)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(srv.SentTo(77)); n != 0 {
		t.Fatalf("a forged webhook produced %d messages", n)
	}
	if code := post("s3cret-Token_1"); code != http.StatusOK {
		t.Fatalf("right secret: %d", code)
	}
	reply := lastTo(t, srv, 77, 1)
	if !strings.Contains(reply.Plain, "Căn cứ") {
		t.Errorf("reply = %q", reply.Plain)
	}
	// Telegram retries a webhook delivery: the same update sends nothing new.
	post("s3cret-Token_1")
	time.Sleep(300 * time.Millisecond)
	if n := len(srv.SentTo(77)); n != 1 {
		t.Errorf("retried webhook delivery: %d messages, want 1", n)
	}
}

// TestTelegramConversationsPerChat replays the protocol tester's reports
// through the fake Bot API: a check started in one group is not answered
// from another group or the private chat; the anonymous admins of two
// groups (one GroupAnonymousBot user, sender_chat set) do not share a
// flow; a group message of a citizen with a private ticket is answered in
// the group, not added to the ticket, and the officers get nothing.
func TestTelegramConversationsPerChat(t *testing.T) {
	srv := telegramtest.NewServer(t)
	const officers = -100500
	vars := map[string]string{"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint(),
		"ANSINH_OFFICER_CHATS": "telegram:-100500"}
	_, stop := startServe(t, vars)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()
	me := "@" + srv.BotUsername()
	const (
		askArea = "Nhà ông/bà ở nông thôn (xã) hay thành thị (phường, thị trấn)?"
		askSize = "Nhà mình có mấy người"
	)

	srv.Push(telegramtest.Msg{ChatID: -520, UserID: 1600, Text: "/kiemtra" + me})
	if got := lastTo(t, srv, -520, 1).Plain; !strings.HasSuffix(got, askArea) {
		t.Fatalf("/kiemtra in -520 = %q", got)
	}
	srv.Push(telegramtest.Msg{ChatID: -521, UserID: 1600, Text: me + " 1"})
	if got := lastTo(t, srv, -521, 1).Plain; got != bot.FallbackText {
		t.Errorf("\"1\" in -521 = %q, want the not-understood reply", got)
	}
	srv.PushMessage(1600, 1600, "5")
	if got := lastTo(t, srv, 1600, 1).Plain; got != bot.FallbackText {
		t.Errorf("\"5\" in private = %q, want the not-understood reply", got)
	}
	srv.Push(telegramtest.Msg{ChatID: -520, UserID: 1600, Text: me + " 1"})
	if got := lastTo(t, srv, -520, 2).Plain; !strings.Contains(got, askSize) {
		t.Errorf("\"1\" in -520 = %q, want the household size asked", got)
	}

	srv.Push(telegramtest.Msg{ChatID: -510, AnonymousAdmin: true, Text: "/kiemtra" + me})
	if got := lastTo(t, srv, -510, 1).Plain; !strings.HasSuffix(got, askArea) {
		t.Fatalf("anonymous /kiemtra in -510 = %q", got)
	}
	srv.Push(telegramtest.Msg{ChatID: -511, AnonymousAdmin: true, Text: me + " 1"})
	if got := lastTo(t, srv, -511, 1).Plain; got != bot.FallbackText {
		t.Errorf("anonymous \"1\" in -511 = %q, want the not-understood reply", got)
	}
	srv.Push(telegramtest.Msg{ChatID: -510, AnonymousAdmin: true, Text: me + " 1"})
	if got := lastTo(t, srv, -510, 2).Plain; !strings.Contains(got, askSize) {
		t.Errorf("anonymous \"1\" in -510 = %q, want the household size asked", got)
	}

	srv.PushMessage(2201, 2201, "/canbo")
	lastTo(t, srv, 2201, 1)
	srv.PushMessage(2201, 2201, "xin hỗ trợ sửa nhà bị dột")
	if got := lastTo(t, srv, 2201, 2).Plain; !strings.Contains(got, "#1") {
		t.Fatalf("ticket reply = %q", got)
	}
	announced := len(lastToAll(t, srv, officers, 1))
	srv.Push(telegramtest.Msg{ChatID: -1002300, UserID: 2201, Text: me + " hoc phi"})
	if got := lastTo(t, srv, -1002300, 1).Plain; !strings.Contains(got, "học phí") || strings.Contains(got, "#1") {
		t.Errorf("\"hoc phi\" in the group = %q, want the tuition answer, no ticket", got)
	}
	waitFor(t, "queue drained", func() bool { return srv.Pending() == 0 })
	time.Sleep(300 * time.Millisecond)
	if msgs := srv.SentTo(officers); len(msgs) != announced {
		t.Errorf("the officers got %d more messages after a group message: %q", len(msgs)-announced, msgs[len(msgs)-1].Plain)
	}
	stop()
	stopped = true

	st, err := store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tk, err := st.Ticket(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range tk.Thread {
		if strings.Contains(it.Text, "hoc phi") {
			t.Errorf("the group message is in ticket #1: %+v", tk.Thread)
		}
	}
	for _, id := range []string{"-510", "-511"} {
		if _, err := st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: id}); err != nil {
			t.Errorf("anonymous admin of %s is not its own sender: %v", id, err)
		}
	}
	if _, err := st.User(bot.UserKey{Channel: bot.ChannelTelegram, ID: "1087968824"}); err == nil {
		t.Error("anonymous admins were stored as GroupAnonymousBot")
	}
}

// lastToAll waits until chat has at least n messages and returns them all.
func lastToAll(t *testing.T, srv *telegramtest.Server, chat int64, n int) []telegramtest.SentMessage {
	t.Helper()
	lastTo(t, srv, chat, n)
	return srv.SentTo(chat)
}
