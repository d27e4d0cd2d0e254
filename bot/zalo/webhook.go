package zalo

import (
	"context"
	"fmt"
	"net/http"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

const (
	// SecretHeader carries the webhook secret_token on every Bot Platform
	// POST (docs/platforms.md §3.4).
	SecretHeader = "X-Bot-Api-Secret-Token"
	// MaxWebhookBody is the largest webhook body accepted, for both
	// platforms.
	MaxWebhookBody = platform.MaxWebhookBody
)

// WebhookHandler returns the handler for the Bot Platform's webhook POSTs
// (served at POST /zalo/webhook). It answers 405 to other methods, 401 when
// the SecretHeader does not match secret (compared in constant time; an
// empty secret rejects everything), 413 for bodies over 1 MiB and 400 for
// invalid JSON. A valid event is converted and passed to h: 200 once Handle
// returned nil, 500 if it failed (Zalo then delivers the event again, and
// the engine dedupes it by message id). Events nobody can answer (no
// message or chat, or sent by a bot) are logged and acknowledged with 200.
//
// Handle runs before the answer, so that an event is acknowledged only
// once it is committed; it is one store transaction, well within the
// "answer quickly" the platform asks for.
func (c *Client) WebhookHandler(secret string, h bot.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := platform.WebhookBody(w, r, SecretHeader, secret, c.log)
		if !ok {
			return
		}
		ev, err := parseEvent(body)
		if err != nil {
			http.Error(w, "invalid update", http.StatusBadRequest)
			return
		}
		u, ok := c.convert(ev, body)
		if !ok {
			c.log.Info("webhook: event ignored: no message, chat or human sender", "event", ev.EventName)
			w.WriteHeader(http.StatusOK)
			return
		}
		if err := h.Handle(r.Context(), u); err != nil {
			c.log.Error("webhook: handle update", "update", u.ID, "err", err)
			http.Error(w, "temporary failure", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// SetWebhook asks Zalo to POST events to url (HTTPS) with secret in the
// SecretHeader. The platform requires a secret of 8 to 256 characters
// (docs/platforms.md §3.4), checked here first. Polling stops working until
// DeleteWebhook.
func (c *Client) SetWebhook(ctx context.Context, url, secret string) error {
	if n := len(secret); n < 8 || n > 256 {
		return fmt.Errorf("zalo setWebhook: secret token must be 8-256 characters, got %d", n)
	}
	err := c.call(ctx, "setWebhook", map[string]string{"url": url, "secret_token": secret}, nil)
	return c.classify("setWebhook", false, err)
}

// DeleteWebhook removes the webhook, so that Poll can be used.
func (c *Client) DeleteWebhook(ctx context.Context) error {
	return c.classify("deleteWebhook", false, c.call(ctx, "deleteWebhook", nil, nil))
}
