package telegram

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

const (
	// SecretHeader carries the webhook secret_token on every Telegram POST.
	SecretHeader = "X-Telegram-Bot-Api-Secret-Token"
	// MaxWebhookBody is the largest webhook body accepted.
	MaxWebhookBody = platform.MaxWebhookBody
)

// WebhookHandler returns the handler for Telegram's webhook POSTs. It
// answers 405 to other methods, 401 when the SecretHeader does not match
// secret (compared in constant time; an empty secret rejects everything),
// 413 for bodies over 1 MiB and 400 for invalid JSON. An update with a
// readable update_id that the library cannot decode is acknowledged with
// 200 and skipped, as Poll skips it. A valid update is
// converted and passed to h: 200 once Handle returned nil, 500 if it failed
// (Telegram then delivers the update again). Update types the bot does not
// handle are acknowledged with 200.
func (c *Client) WebhookHandler(secret string, h bot.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := platform.WebhookBody(w, r, SecretHeader, secret, c.log)
		if !ok {
			return
		}
		raw, err := decodeUpdate(body)
		if err != nil {
			if id := updateID(body); id != 0 {
				// Telegram's update, which the library cannot read: it
				// would come back on any other answer, and never decode.
				c.log.Warn("webhook: undecodable update acknowledged and skipped", "update_id", id, "err", err)
				w.WriteHeader(http.StatusOK)
				return
			}
			http.Error(w, "invalid update", http.StatusBadRequest)
			return
		}
		u, ok := c.convertRaw(raw)
		if !ok {
			w.WriteHeader(http.StatusOK)
			return
		}
		if err := h.Handle(r.Context(), u); err != nil {
			c.log.Error("webhook: handle update", "update_id", raw.UpdateID, "err", err)
			http.Error(w, "temporary failure", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// SetWebhook asks Telegram to POST updates to url with secret in the
// SecretHeader (v5.5.1's WebhookConfig cannot send secret_token). Polling
// stops working until DeleteWebhook.
func (c *Client) SetWebhook(ctx context.Context, url, secret string) error {
	allowed, err := json.Marshal(allowedUpdates)
	if err != nil {
		return fmt.Errorf("telegram setWebhook: %w", err)
	}
	_, err = c.with(ctx).MakeRequest("setWebhook", tgbotapi.Params{
		"url":             url,
		"secret_token":    secret,
		"allowed_updates": string(allowed),
	})
	return c.classify("setWebhook", false, err)
}

// DeleteWebhook removes the webhook, keeping pending updates, so that Poll
// can be used.
func (c *Client) DeleteWebhook(ctx context.Context) error {
	_, err := c.with(ctx).Request(tgbotapi.DeleteWebhookConfig{})
	return c.classify("deleteWebhook", false, err)
}

// commands is the command menu SetCommands publishes, with Vietnamese
// descriptions.
var commands = []tgbotapi.BotCommand{
	{Command: "start", Description: "Bắt đầu"},
	{Command: "menu", Description: "Danh mục hỗ trợ"},
	{Command: "help", Description: "Hướng dẫn sử dụng"},
	{Command: "stop", Description: "Dừng nhận tin nhắn tự động"},
	{Command: "canbo", Description: "Gặp cán bộ xã"},
	{Command: "kiemtra", Description: "Kiểm tra điều kiện hỗ trợ"},
}

// SetCommands publishes /start, /menu, /help, /stop, /canbo and /kiemtra, described in Vietnamese, as the bot's command menu (setMyCommands).
func (c *Client) SetCommands(ctx context.Context) error {
	_, err := c.with(ctx).Request(tgbotapi.NewSetMyCommands(commands...))
	return c.classify("setMyCommands", false, err)
}
