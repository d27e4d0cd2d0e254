package zalo_test

import (
	"net/http/httptest"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

// FuzzWebhook feeds arbitrary authenticated bodies to both webhook
// handlers: they must never panic, answer 200, 400, 401 or 403, and pass on only
// clean updates.
func FuzzWebhook(f *testing.F) {
	at := time.Date(2026, 11, 20, 8, 30, 0, 0, time.UTC)
	for _, seed := range [][]byte{
		zalotest.TextEvent("m1", "c1", "u1", "Lan", "hộ nghèo"),
		zalotest.Wrap(zalotest.TextEvent("m1", "c1", "u1", "Lan", "2")),
		zalotest.MessageEvent("message.sticker.received", "m2", "c1", "u1"),
		zalotest.OATextEvent(oaAppID, oaUser, "m3", "bhyt", at),
		zalotest.OAFollowEvent(oaAppID, "unfollow", oaUser, at),
		[]byte(`{"ok":true,"result":null}`),
		[]byte(`{"event_name":"message.text.received","message":{"message_id":1e400}}`),
		[]byte(`[]`),
	} {
		f.Add(seed)
	}
	srv := zalotest.NewServer(f)
	c := newClient(f, srv)
	oa := newOA(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		for name, run := range map[string]func(*recorder) int{
			"bot": func(rec *recorder) int {
				w := httptest.NewRecorder()
				c.WebhookHandler(secret, rec).ServeHTTP(w, zalotest.WebhookRequest(webhookPath, secret, body))
				return w.Code
			},
			"oa": func(rec *recorder) int {
				w := httptest.NewRecorder()
				oa.client.WebhookHandler(oaKey, rec).ServeHTTP(w, zalotest.OAWebhookRequest(oaPath, body, oaKey))
				return w.Code
			},
		} {
			rec := newRecorder()
			code := run(rec)
			if code != 200 && code != 400 && code != 401 && code != 403 {
				t.Errorf("%s: status %d", name, code)
			}
			for _, u := range rec.Updates() {
				if u.ID == "" || u.ChatID == "" || !utf8.ValidString(u.Text) || utf8.RuneCountInString(u.Text) > zalo.MaxInboundRunes {
					t.Errorf("%s: bad update %+v", name, u)
				}
			}
		}
	})
}
