package zalotest

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"time"
)

// SecretHeader is the Bot Platform's webhook secret header.
const SecretHeader = "X-Bot-Api-Secret-Token"

// TextEvent is a message.text.received event in the documented shape
// (docs/platforms.md §3.3), dated now.
func TextEvent(msgID, chatID, userID, name, text string) []byte {
	return event("message.text.received", msgID, chatID, userID, name, map[string]any{"text": text})
}

// MessageEvent is a non-text event (message.sticker.received,
// message.image.received, ...) with the fields such events carry.
func MessageEvent(eventName, msgID, chatID, userID string) []byte {
	extra := map[string]any{}
	switch eventName {
	case "message.sticker.received":
		extra["sticker"], extra["url"] = "bfe458bf64fa8da4d4eb", "https://zalo-api.zadn.vn/sticker.png"
	case "message.image.received":
		extra["photo_url"] = "https://photo-stal.zadn.vn/abc.jpg"
	}
	return event(eventName, msgID, chatID, userID, "Người Dùng", extra)
}

// ImageEvent is a message.image.received event: photo_url and, unless
// caption is empty, the caption the sender wrote under the photo
// (docs/platforms.md §3.3).
func ImageEvent(msgID, chatID, userID, name, caption string) []byte {
	extra := map[string]any{"photo_url": "https://photo-stal.zadn.vn/abc.jpg"}
	if caption != "" {
		extra["caption"] = caption
	}
	return event("message.image.received", msgID, chatID, userID, name, extra)
}

// GroupTextEvent is a text event from a group chat.
func GroupTextEvent(msgID, chatID, userID, text string) []byte {
	b := event("message.text.received", msgID, chatID, userID, "Người Dùng", map[string]any{"text": text})
	return bytes.Replace(b, []byte(`"chat_type":"PRIVATE"`), []byte(`"chat_type":"GROUP"`), 1)
}

func event(name, msgID, chatID, userID, display string, extra map[string]any) []byte {
	msg := map[string]any{
		"message_id": msgID,
		"date":       time.Now().UnixMilli(),
		"from":       map[string]any{"id": userID, "display_name": display, "is_bot": false},
		"chat":       map[string]any{"id": chatID, "chat_type": "PRIVATE"},
	}
	for k, v := range extra {
		msg[k] = v
	}
	b, _ := json.Marshal(map[string]any{"event_name": name, "message": msg})
	return b
}

// Wrap wraps an event as some webhook deliveries do:
// {"ok":true,"result":{…}}.
func Wrap(event []byte) []byte {
	b, _ := json.Marshal(map[string]any{"ok": true, "result": json.RawMessage(event)})
	return b
}

// WebhookRequest is a Bot Platform webhook POST of body to target (a path
// such as "/zalo/webhook") carrying secret in the SecretHeader; an empty
// secret sends no header.
func WebhookRequest(target, secret string, body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if secret != "" {
		r.Header.Set(SecretHeader, secret)
	}
	return r
}
