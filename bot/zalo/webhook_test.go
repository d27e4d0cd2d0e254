package zalo_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

const (
	secret      = "s3cret-Token_1"
	webhookPath = "/zalo/webhook"
)

func TestWebhookHandler(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	text := zalotest.TextEvent("msg1", chat, chat, "Lan", "hộ cận nghèo")
	tests := []struct {
		name    string
		method  string
		secret  string // "" sends no header
		body    []byte
		fail    bool // Handle returns an error
		code    int
		handled bool
	}{
		{name: "right secret", secret: secret, body: text, code: 200, handled: true},
		{name: "wrapped in ok/result", secret: secret, body: zalotest.Wrap(text), code: 200, handled: true},
		{name: "wrong secret", secret: "guess-guess", body: text, code: 401},
		{name: "secret with a suffix", secret: secret + "x", body: text, code: 401},
		{name: "missing secret", body: text, code: 401},
		{name: "GET", method: "GET", secret: secret, code: 405},
		{name: "2 MiB body", secret: secret, body: []byte(`{"event_name":"message.text.received","message":{"text":"` + strings.Repeat("a", 2<<20) + `"}}`), code: 413},
		{name: "invalid JSON", secret: secret, body: []byte(`{"event_name":`), code: 400},
		{name: "handler fails", secret: secret, body: text, fail: true, code: 500},
		{name: "event without message", secret: secret, body: []byte(`{"event_name":"bot.something"}`), code: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []bot.Update
			h := bot.HandlerFunc(func(_ context.Context, u bot.Update) error {
				got = append(got, u)
				if tt.fail {
					return errBusy
				}
				return nil
			})
			req := zalotest.WebhookRequest(webhookPath, tt.secret, tt.body)
			if tt.method != "" {
				req.Method = tt.method
			}
			w := httptest.NewRecorder()
			c.WebhookHandler(secret, h).ServeHTTP(w, req)
			if w.Code != tt.code {
				t.Errorf("status = %d, want %d", w.Code, tt.code)
			}
			if handled := len(got) == 1 && !tt.fail; handled != tt.handled {
				t.Errorf("handled %d updates (%+v), want handled = %t", len(got), got, tt.handled)
			}
			if tt.code == 401 && len(got) != 0 {
				t.Errorf("Handle called without a valid secret")
			}
		})
	}
}

func TestWebhookEmptySecretRejectsAll(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	w := httptest.NewRecorder()
	c.WebhookHandler("", newRecorder()).ServeHTTP(w, zalotest.WebhookRequest(webhookPath, "", zalotest.TextEvent("m", chat, chat, "A", "x")))
	if w.Code != http.StatusUnauthorized {
		t.Errorf("status = %d, want 401", w.Code)
	}
}

// post sends body to the webhook with the right secret and returns the
// update passed to the handler.
func post(t *testing.T, c *zalo.Client, body []byte) (bot.Update, bool) {
	t.Helper()
	rec := newRecorder()
	w := httptest.NewRecorder()
	c.WebhookHandler(secret, rec).ServeHTTP(w, zalotest.WebhookRequest(webhookPath, secret, body))
	if w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	got := rec.Updates()
	if len(got) == 0 {
		return bot.Update{}, false
	}
	return got[0], true
}

func TestWebhookConvertsUpdate(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	before := time.Now().Add(-time.Second)
	u, _ := post(t, c, zalotest.TextEvent("a1b2c3", chat, "u42", "Nguyễn Thị Lan", "thẻ bhyt hết hạn"))
	if u.Channel != bot.ChannelZalo || u.ID != "a1b2c3" || u.ChatID != chat || u.UserID != "u42" ||
		u.Name != "Nguyễn Thị Lan" || u.Text != "thẻ bhyt hết hạn" || !u.Addressed || u.IsGroup || u.Offset != 0 {
		t.Errorf("update = %+v", u)
	}
	if u.Time.Before(before) || u.Time.After(time.Now().Add(time.Second)) {
		t.Errorf("time = %s, want now (date is in ms)", u.Time)
	}
}

func TestWebhookRedeliveryKeepsID(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	body := zalotest.TextEvent("dup-1", chat, chat, "Lan", "vay vốn")
	first, _ := post(t, c, body)
	second, _ := post(t, c, zalotest.Wrap(body))
	if first.ID == "" || first.ID != second.ID {
		t.Errorf("IDs %q and %q, want the same message id", first.ID, second.ID)
	}
	// Without a message id, the digest of the body is just as stable.
	noID := []byte(`{"event_name":"message.text.received","message":{"date":1766619597466,"from":{"id":"u1"},"chat":{"id":"c1","chat_type":"PRIVATE"},"text":"chào"}}`)
	a, _ := post(t, c, noID)
	b, _ := post(t, c, noID)
	if a.ID == "" || a.ID != b.ID || a.Time.UnixMilli() != 1766619597466 {
		t.Errorf("IDs %q and %q (time %s), want one stable digest", a.ID, b.ID, a.Time)
	}
}

func TestWebhookOtherEvents(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	for _, ev := range []string{"message.sticker.received", "message.image.received", "message.unsupported.received", "message.voice.received"} {
		u, ok := post(t, c, zalotest.MessageEvent(ev, "id-"+ev, chat, chat))
		if !ok || u.Text != "" || u.ID != "id-"+ev || u.ChatID != chat {
			t.Errorf("%s: update %+v (handled %t), want an empty-text update", ev, u, ok)
		}
	}
	if _, ok := post(t, c, []byte(`{"event_name":"message.text.received","message":{"message_id":"b1","from":{"id":"bot2","is_bot":true},"chat":{"id":"c"},"text":"hi"}}`)); ok {
		t.Errorf("a message from a bot was handled")
	}
}

// TestWebhookImageCaption: the caption under a photo is the message; a
// photo without one keeps an empty text (the engine asks for words).
func TestWebhookImageCaption(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	u, ok := post(t, c, zalotest.ImageEvent("img-1", chat, "u42", "Lan", "thẻ bhyt này còn hạn không"))
	if !ok || u.Text != "thẻ bhyt này còn hạn không" || u.ID != "img-1" || u.ChatID != chat || u.UserID != "u42" {
		t.Errorf("captioned photo: update %+v (handled %t), want the caption as text", u, ok)
	}
	if u.Attachment != bot.AttachPhoto || u.FileID != "https://photo-stal.zadn.vn/abc.jpg" {
		t.Errorf("captioned photo: attachment %q %q, want the photo and its URL", u.Attachment, u.FileID)
	}
	u, ok = post(t, c, zalotest.ImageEvent("img-2", chat, "u42", "Lan", ""))
	if !ok || u.Text != "" || u.ID != "img-2" || u.Attachment != bot.AttachPhoto || u.FileID != "https://photo-stal.zadn.vn/abc.jpg" {
		t.Errorf("photo without caption: update %+v (handled %t), want an empty text and the photo", u, ok)
	}
}

func TestWebhookToleratesIDsAndNames(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	u, _ := post(t, c, []byte(`{"event_name":"message.text.received","message":{"message_id":12345,"date":"1766619597466",`+
		`"from":{"id":987654321,"first_name":"Văn","last_name":"An"},"chat":{"id":987654321},"text":"a`+"\xff"+`b"}}`))
	if u.ID != "12345" || u.ChatID != "987654321" || u.UserID != "987654321" || u.Name != "Văn An" || u.Text != "a\uFFFDb" {
		t.Errorf("update = %+v", u)
	}
	long := strings.Repeat("ư", 5000)
	u, _ = post(t, c, zalotest.TextEvent("long", chat, chat, "A", long))
	if n := len([]rune(u.Text)); n != zalo.MaxInboundRunes || !u.Cut {
		t.Errorf("text has %d runes (cut %v), want %d and cut", n, u.Cut, zalo.MaxInboundRunes)
	}
	u, _ = post(t, c, zalotest.TextEvent("full", chat, chat, "A", long[:2*zalo.MaxInboundRunes]))
	if n := len([]rune(u.Text)); n != zalo.MaxInboundRunes || u.Cut {
		t.Errorf("text at the limit has %d runes (cut %v), want %d and not cut", n, u.Cut, zalo.MaxInboundRunes)
	}
}

func TestWebhookGroupMention(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	u, _ := post(t, c, zalotest.GroupTextEvent("g1", "group-1", "u7", "@"+srv.BotName()+" 2"))
	if !u.IsGroup || !u.Addressed || u.Text != "2" || u.ChatID != "group-1" || u.UserID != "u7" {
		t.Errorf("update = %+v", u)
	}
}

func TestSetAndDeleteWebhook(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	ctx := context.Background()
	if err := c.SetWebhook(ctx, "https://ansinh.example.vn/zalo/webhook", secret); err != nil {
		t.Fatalf("SetWebhook: %v", err)
	}
	if info := srv.Webhook(); info.URL != "https://ansinh.example.vn/zalo/webhook" || info.SecretToken != secret {
		t.Errorf("webhook = %+v", info)
	}
	if err := c.DeleteWebhook(ctx); err != nil {
		t.Fatalf("DeleteWebhook: %v", err)
	}
	if info := srv.Webhook(); info.URL != "" {
		t.Errorf("webhook still set: %+v", info)
	}
	if err := c.SetWebhook(ctx, "https://x.vn/zalo/webhook", "short"); err == nil {
		t.Errorf("SetWebhook accepted a 5-character secret")
	}
	var perm *bot.PermanentError
	if err := c.SetWebhook(ctx, "http://insecure", secret); err == nil || !asPermanent(err, &perm) {
		t.Errorf("SetWebhook to an http URL: err = %v, want PermanentError", err)
	}
}
