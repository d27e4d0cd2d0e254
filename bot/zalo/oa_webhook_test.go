package zalo_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

const (
	oaKey   = "OaSecretKeyForWebhooks_42"
	oaPath  = "/zalo_oa/webhook"
	oaUser  = "2912345678901234567"
	oaAppID = zalotest.DefaultAppID
)

var eventTime = time.Date(2026, 11, 20, 8, 30, 0, 0, time.UTC)

func TestOAWebhookSignature(t *testing.T) {
	env := newOA(t)
	body := zalotest.OATextEvent(oaAppID, oaUser, "msg-1", "hộ nghèo vay vốn", eventTime)
	tampered := bytes.Replace(body, []byte("vay vốn"), []byte("vay tiền"), 1)
	tests := []struct {
		name    string
		body    []byte
		sig     string // "-": sign correctly with OAWebhookRequest; "": no header
		key     string // key the handler is configured with
		code    int
		handled bool
	}{
		{name: "right signature", body: body, sig: "-", key: oaKey, code: 200, handled: true},
		{name: "upper-case hex without prefix", body: body, sig: strings.ToUpper(strings.TrimPrefix(zalotest.OAWebhookRequest(oaPath, body, oaKey).Header.Get(zalo.SignatureHeader), "mac=")), key: oaKey, code: 200, handled: true},
		{name: "signed with another key", body: body, sig: zalotest.SignOA(oaAppID, body, "1795163400000", "other-key"), key: oaKey, code: 401},
		{name: "body changed after signing", body: tampered, sig: zalotest.OAWebhookRequest(oaPath, body, oaKey).Header.Get(zalo.SignatureHeader), key: oaKey, code: 401},
		{name: "HMAC instead of plain sha256", body: body, sig: "mac=" + strings.Repeat("ab", 32), key: oaKey, code: 401},
		{name: "not hex", body: body, sig: "mac=zzzz", key: oaKey, code: 401},
		{name: "no signature", body: body, sig: "", key: oaKey, code: 401},
		{name: "handler without a key", body: body, sig: "-", key: "", code: 401},
		{name: "2 MiB body", body: append([]byte(`{"app_id":"1","x":"`), append(bytes.Repeat([]byte("a"), 2<<20), `"}`...)...), sig: "mac=00", key: oaKey, code: 413},
		{name: "invalid JSON", body: []byte(`{"app_id":`), sig: "mac=00", key: oaKey, code: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := newRecorder()
			req := zalotest.OAWebhookRequest(oaPath, tt.body, oaKey)
			if tt.sig != "-" {
				req.Header.Del(zalo.SignatureHeader)
				if tt.sig != "" {
					req.Header.Set(zalo.SignatureHeader, tt.sig)
				}
			}
			w := httptest.NewRecorder()
			env.client.WebhookHandler(tt.key, rec).ServeHTTP(w, req)
			if w.Code != tt.code {
				t.Errorf("status = %d, want %d", w.Code, tt.code)
			}
			if got := len(rec.Updates()); (got == 1) != tt.handled {
				t.Errorf("handled %d updates, want handled = %t", got, tt.handled)
			}
		})
	}
}

// postOA delivers a correctly signed event and returns the update passed on.
func postOA(t *testing.T, c *zalo.OAClient, body []byte) (bot.Update, bool) {
	t.Helper()
	rec := newRecorder()
	w := httptest.NewRecorder()
	c.WebhookHandler(oaKey, rec).ServeHTTP(w, zalotest.OAWebhookRequest(oaPath, body, oaKey))
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	got := rec.Updates()
	if len(got) == 0 {
		return bot.Update{}, false
	}
	return got[0], true
}

func TestOAWebhookEvents(t *testing.T) {
	env := newOA(t)
	tests := []struct {
		name    string
		body    []byte
		handled bool
		id      string
		text    string
	}{
		{"text", zalotest.OATextEvent(oaAppID, oaUser, "m-1", "thẻ BHYT", eventTime), true, "m-1", "thẻ BHYT"},
		{"image", zalotest.OAMessageEvent(oaAppID, "user_send_image", oaUser, "m-2", eventTime), true, "m-2", ""},
		{"image with text", zalotest.OAImageEvent(oaAppID, oaUser, "m-2t", "giấy này nộp ở đâu", eventTime), true, "m-2t", "giấy này nộp ở đâu"},
		{"sticker", zalotest.OAMessageEvent(oaAppID, "user_send_sticker", oaUser, "m-3", eventTime), true, "m-3", ""},
		{"follow", zalotest.OAFollowEvent(oaAppID, "follow", oaUser, eventTime), true, "follow:" + oaUser + ":1795163400000", "/start"},
		{"unfollow", zalotest.OAFollowEvent(oaAppID, "unfollow", oaUser, eventTime), true, "unfollow:" + oaUser + ":1795163400000", "/stop"},
		{"seen receipt", zalotest.OAMessageEvent(oaAppID, "user_seen_message", oaUser, "m-4", eventTime), false, "", ""},
		{"delivery receipt", zalotest.OAMessageEvent(oaAppID, "user_received_message", oaUser, "m-5", eventTime), false, "", ""},
		{"OA's own echo", zalotest.OAMessageEvent(oaAppID, "oa_send_text", oaUser, "m-6", eventTime), false, "", ""},
	}
	// What a message carries, with its id, for the citizen's request.
	attached := map[string][2]string{
		"image":           {bot.AttachPhoto, "https://example.invalid/a.jpg"},
		"image with text": {bot.AttachPhoto, "https://example.invalid/a.jpg"},
		"sticker":         {bot.AttachSticker, "st-9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, ok := postOA(t, env.client, tt.body)
			if a := attached[tt.name]; ok && (u.Attachment != a[0] || u.FileID != a[1]) {
				t.Errorf("attachment %q %q, want %q %q", u.Attachment, u.FileID, a[0], a[1])
			}
			if ok != tt.handled {
				t.Fatalf("handled = %t, want %t", ok, tt.handled)
			}
			if !ok {
				return
			}
			if u.Channel != bot.ChannelZaloOA || u.ID != tt.id || u.Text != tt.text || u.ChatID != oaUser ||
				u.UserID != oaUser || !u.Addressed || !u.Time.Equal(eventTime) || u.Unfollowed != (tt.name == "unfollow") {
				t.Errorf("update = %+v, want ID %q, Text %q", u, tt.id, tt.text)
			}
		})
	}
}

func TestOAWebhookRedeliveryKeepsID(t *testing.T) {
	env := newOA(t)
	for _, body := range [][]byte{
		zalotest.OATextEvent(oaAppID, oaUser, "m-dup", "2", eventTime),
		zalotest.OAFollowEvent(oaAppID, "follow", oaUser, eventTime),
	} {
		a, _ := postOA(t, env.client, body)
		b, _ := postOA(t, env.client, body)
		if a.ID == "" || a.ID != b.ID {
			t.Errorf("IDs %q and %q, want one", a.ID, b.ID)
		}
	}
}

func TestOAWebhookHandlerFailureIs500(t *testing.T) {
	env := newOA(t)
	h := bot.HandlerFunc(func(context.Context, bot.Update) error { return errBusy })
	w := httptest.NewRecorder()
	env.client.WebhookHandler(oaKey, h).ServeHTTP(w, zalotest.OAWebhookRequest(oaPath, zalotest.OATextEvent(oaAppID, oaUser, "m", "x", eventTime), oaKey))
	if w.Code != 500 {
		t.Errorf("status = %d, want 500 so that Zalo retries", w.Code)
	}
}

// A correctly signed event is handled only for the configured app and
// within the time window; a replay of an old event or one from the future
// is acknowledged and dropped.
func TestOAWebhookAppAndTimeWindow(t *testing.T) {
	env := newOA(t) // its clock reads 2026-11-20 09:00 UTC
	now := env.clock.Now()
	tests := []struct {
		name    string
		body    []byte
		code    int
		handled bool
	}{
		{"this app, 10 min old (Zalo's 5-min retry, late)", zalotest.OATextEvent(oaAppID, oaUser, "w-0", "bhyt", now.Add(-10*time.Minute)), 200, true},
		{"this app, 30 min old", zalotest.OATextEvent(oaAppID, oaUser, "w-1", "bhyt", now.Add(-30*time.Minute)), 200, true},
		{"this app, 2 h 50 min old (a late retry)", zalotest.OATextEvent(oaAppID, oaUser, "w-2", "bhyt", now.Add(-170*time.Minute)), 200, true},
		{"another app", zalotest.OATextEvent("1111111111111111111", oaUser, "w-3", "bhyt", now), 403, false},
		{"empty app id", zalotest.OATextEvent("", oaUser, "w-4", "bhyt", now), 403, false},
		{"just past the window", zalotest.OATextEvent(oaAppID, oaUser, "w-5a", "bhyt", now.Add(-zalo.OAEventMaxAge-time.Second)), 200, false},
		{"a day old (replay)", zalotest.OATextEvent(oaAppID, oaUser, "w-5", "bhyt", now.Add(-24*time.Hour)), 200, false},
		{"an hour ahead", zalotest.OATextEvent(oaAppID, oaUser, "w-6", "bhyt", now.Add(time.Hour)), 200, false},
		{"no timestamp", bytes.Replace(zalotest.OATextEvent(oaAppID, oaUser, "w-7", "bhyt", now), []byte(`"timestamp"`), []byte(`"ts"`), 1), 200, false},
	}
	for _, tt := range tests {
		rec := newRecorder()
		w := httptest.NewRecorder()
		env.client.WebhookHandler(oaKey, rec).ServeHTTP(w, zalotest.OAWebhookRequest(oaPath, tt.body, oaKey))
		if w.Code != tt.code {
			t.Errorf("%s: status %d, want %d", tt.name, w.Code, tt.code)
		}
		if got := len(rec.Updates()) == 1; got != tt.handled {
			t.Errorf("%s: handled = %v, want %v", tt.name, got, tt.handled)
		}
	}
}
