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
