package telegram_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

const (
	secret      = "s3cret-Token_1"
	updateJSON  = `{"update_id":5001,"message":{"message_id":9,"date":1767225600,"chat":{"id":42,"type":"private","first_name":"Lan"},"from":{"id":42,"is_bot":false,"first_name":"Lan","last_name":"Nguyễn"},"text":"hộ cận nghèo"}}`
	editedJSON  = `{"update_id":5002,"edited_message":{"message_id":9,"date":1767225600,"chat":{"id":42,"type":"private"},"text":"sửa"}}`
	webhookPath = "/telegram/webhook"
)

func TestWebhookHandler(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)

	tests := []struct {
		name    string
		method  string
		secret  string // "-" sends no header
		body    string
		fail    bool // Handle returns an error
		code    int
		handled bool
	}{
		{name: "right secret", method: "POST", secret: secret, body: updateJSON, code: 200, handled: true},
		{name: "wrong secret", method: "POST", secret: "guess", body: updateJSON, code: 401},
		{name: "secret with a suffix", method: "POST", secret: secret + "x", body: updateJSON, code: 401},
		{name: "missing secret", method: "POST", secret: "-", body: updateJSON, code: 401},
		{name: "GET", method: "GET", secret: secret, code: 405},
		{name: "2 MiB body", method: "POST", secret: secret, body: `{"update_id":1,"message":{"text":"` + strings.Repeat("a", 2<<20) + `"}}`, code: 413},
		{name: "invalid JSON", method: "POST", secret: secret, body: `{"update_id":`, code: 400},
		{name: "handler fails", method: "POST", secret: secret, body: updateJSON, fail: true, code: 500},
		{name: "unhandled update type", method: "POST", secret: secret, body: editedJSON, code: 200},
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
			req := httptest.NewRequest(tt.method, webhookPath, strings.NewReader(tt.body))
			if tt.secret != "-" {
				req.Header.Set(telegram.SecretHeader, tt.secret)
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

func TestWebhookConvertsUpdate(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	var got bot.Update
	h := bot.HandlerFunc(func(_ context.Context, u bot.Update) error { got = u; return nil })
	req := httptest.NewRequest("POST", webhookPath, strings.NewReader(updateJSON))
	req.Header.Set(telegram.SecretHeader, secret)
	c.WebhookHandler(secret, h).ServeHTTP(httptest.NewRecorder(), req)

	if next, _ := telegram.DecodePosition(got.Offset); got.ID != "m42:9" || next != 5002 || got.ChatID != "42" || got.Name != "Lan Nguyễn" ||
		got.Text != "hộ cận nghèo" || !got.Addressed || got.Time.Unix() != 1767225600 {
		t.Errorf("update = %+v", got)
	}
}

func TestWebhookEmptySecretRejectsAll(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	req := httptest.NewRequest("POST", webhookPath, strings.NewReader(updateJSON))
	w := httptest.NewRecorder()
	c.WebhookHandler("", newRecorder()).ServeHTTP(w, req)
	if w.Code != http.StatusUnauthorized {
		t.Errorf("status = %d, want 401", w.Code)
	}
}

func TestSetWebhookAndCommands(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	ctx := context.Background()

	if err := c.SetWebhook(ctx, "https://ansinh.example.vn/telegram/webhook", secret); err != nil {
		t.Fatalf("SetWebhook: %v", err)
	}
	info := srv.Webhook()
	if info.URL != "https://ansinh.example.vn/telegram/webhook" || info.SecretToken != secret ||
		!slices.Equal(info.AllowedUpdates, []string{"message", "callback_query"}) {
		t.Errorf("webhook = %+v", info)
	}
	if err := c.DeleteWebhook(ctx); err != nil {
		t.Fatalf("DeleteWebhook: %v", err)
	}
	if info := srv.Webhook(); info.URL != "" {
		t.Errorf("webhook still set: %+v", info)
	}

	if err := c.SetCommands(ctx); err != nil {
		t.Fatalf("SetCommands: %v", err)
	}
	want := []telegramtest.BotCommand{
		{Command: "start", Description: "Bắt đầu"},
		{Command: "menu", Description: "Danh mục hỗ trợ"},
		{Command: "help", Description: "Hướng dẫn sử dụng"},
		{Command: "stop", Description: "Dừng nhận tin nhắn tự động"},
		{Command: "canbo", Description: "Gặp cán bộ xã"},
		{Command: "kiemtra", Description: "Kiểm tra điều kiện hỗ trợ"},
	}
	if got := srv.Commands(); !slices.Equal(got, want) {
		t.Errorf("commands = %+v, want %+v", got, want)
	}

	srv.FailNext("setWebhook", 1, telegramtest.Fault{Code: 400, Description: "Bad Request: bad webhook: HTTPS url must be provided for webhook"})
	var perm *bot.PermanentError
	if err := c.SetWebhook(ctx, "http://insecure", secret); !errors.As(err, &perm) {
		t.Errorf("SetWebhook to a refused URL: err = %v, want *bot.PermanentError", err)
	}
}

func FuzzWebhookHandler(f *testing.F) {
	srv := telegramtest.NewServer(f)
	c := newClient(f, srv)
	f.Add(updateJSON)
	f.Add(editedJSON)
	f.Add(`{"update_id":7,"callback_query":{"id":"cb","from":{"id":1,"first_name":"A"},"data":"menu"}}`)
	f.Add(`{"update_id":8,"message":{"message_id":1,"date":0,"chat":{"id":-5,"type":"group"},"text":"/start@` + srv.BotUsername() + `"}}`)
	f.Add(`{"update_id":9,"message":{"chat":null}}`)
	f.Fuzz(func(t *testing.T, body string) {
		h := bot.HandlerFunc(func(_ context.Context, u bot.Update) error {
			if !utf8.ValidString(u.Text) || utf8.RuneCountInString(u.Text) > telegram.MaxInboundRunes {
				t.Errorf("text not cleaned: %q", u.Text)
			}
			return nil
		})
		req := httptest.NewRequest("POST", webhookPath, strings.NewReader(body))
		req.Header.Set(telegram.SecretHeader, secret)
		w := httptest.NewRecorder()
		c.WebhookHandler(secret, h).ServeHTTP(w, req)
		if w.Code != 200 && w.Code != 400 && w.Code != 413 {
			t.Errorf("status %d for body %q", w.Code, body)
		}
	})
}

// TestWebhookLongTextIsMarkedCut: text longer than MaxInboundRunes is cut
// and the update says so (bot.Update.Cut); text at the limit is not.
func TestWebhookLongTextIsMarkedCut(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	for _, n := range []int{telegram.MaxInboundRunes + 1, telegram.MaxInboundRunes} {
		var got []bot.Update
		h := bot.HandlerFunc(func(_ context.Context, u bot.Update) error {
			got = append(got, u)
			return nil
		})
		body := strings.Replace(updateJSON, `"text":"hộ cận nghèo"`, `"text":"`+strings.Repeat("ư", n)+`"`, 1)
		req := httptest.NewRequest("POST", webhookPath, strings.NewReader(body))
		req.Header.Set(telegram.SecretHeader, secret)
		w := httptest.NewRecorder()
		c.WebhookHandler(secret, h).ServeHTTP(w, req)
		wantCut := n > telegram.MaxInboundRunes
		if w.Code != 200 || len(got) != 1 || utf8.RuneCountInString(got[0].Text) != telegram.MaxInboundRunes || got[0].Cut != wantCut {
			t.Errorf("%d runes: status %d, updates %d, want one of %d runes with cut %v", n, w.Code, len(got), telegram.MaxInboundRunes, wantCut)
		}
	}
}
