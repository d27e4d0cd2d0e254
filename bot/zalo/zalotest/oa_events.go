package zalotest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

// OASignatureHeader is the OA webhook signature header.
const OASignatureHeader = "X-ZEvent-Signature"

// DefaultOAID is the OA id events are addressed to.
const DefaultOAID = "579745863508352884"

// OATextEvent is a user_send_text event in the documented shape
// (docs/platforms.md §4.1).
func OATextEvent(appID, userID, msgID, text string, at time.Time) []byte {
	return oaMessageEvent(appID, "user_send_text", userID, msgID, map[string]any{"msg_id": msgID, "text": text}, at)
}

// OAMessageEvent is a non-text user_send_* event, or a receipt such as
// user_seen_message (for which userID is the recipient).
func OAMessageEvent(appID, eventName, userID, msgID string, at time.Time) []byte {
	msg := map[string]any{"msg_id": msgID}
	switch eventName {
	case "user_send_image":
		msg["attachments"] = []any{map[string]any{"type": "image", "payload": map[string]any{"url": "https://example.invalid/a.jpg"}}}
	case "user_send_sticker":
		msg["attachments"] = []any{map[string]any{"type": "sticker", "payload": map[string]any{"id": "st-9"}}}
	}
	return oaMessageEvent(appID, eventName, userID, msgID, msg, at)
}

// OAImageEvent is a user_send_image event whose message carries text,
// the words the user sent with the photo (none if text is empty).
func OAImageEvent(appID, userID, msgID, text string, at time.Time) []byte {
	msg := map[string]any{"msg_id": msgID,
		"attachments": []any{map[string]any{"type": "image", "payload": map[string]any{"url": "https://example.invalid/a.jpg"}}}}
	if text != "" {
		msg["text"] = text
	}
	return oaMessageEvent(appID, "user_send_image", userID, msgID, msg, at)
}

func oaMessageEvent(appID, eventName, userID, msgID string, msg map[string]any, at time.Time) []byte {
	sender, recipient := userID, DefaultOAID
	if eventName == "user_received_message" || eventName == "user_seen_message" || strings.HasPrefix(eventName, "oa_") {
		sender, recipient = DefaultOAID, userID
	}
	b, _ := json.Marshal(map[string]any{
		"app_id":         appID,
		"sender":         map[string]any{"id": sender},
		"recipient":      map[string]any{"id": recipient},
		"event_name":     eventName,
		"message":        msg,
		"timestamp":      strconv.FormatInt(at.UnixMilli(), 10),
		"user_id_by_app": "app_" + userID,
	})
	return b
}

// OAFollowEvent is a follow or unfollow event.
func OAFollowEvent(appID, eventName, userID string, at time.Time) []byte {
	b, _ := json.Marshal(map[string]any{
		"app_id":         appID,
		"oa_id":          DefaultOAID,
		"follower":       map[string]any{"id": userID},
		"event_name":     eventName,
		"source":         "oa_profile",
		"timestamp":      strconv.FormatInt(at.UnixMilli(), 10),
		"user_id_by_app": "app_" + userID,
	})
	return b
}

// SignOA returns the X-ZEvent-Signature value for body:
// "mac=" + hex(sha256(appID + body + timestamp + secretKey)) (docs/platforms.md
// §4.2).
func SignOA(appID string, body []byte, timestamp, secretKey string) string {
	h := sha256.New()
	h.Write([]byte(appID))
	h.Write(body)
	h.Write([]byte(timestamp))
	h.Write([]byte(secretKey))
	return "mac=" + hex.EncodeToString(h.Sum(nil))
}

// OAWebhookRequest is an OA webhook POST of body to target, signed with
// secretKey using the app_id and timestamp found in body. An empty
// secretKey sends no signature.
func OAWebhookRequest(target string, body []byte, secretKey string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	if secretKey != "" {
		var ev struct {
			AppID     string `json:"app_id"`
			Timestamp string `json:"timestamp"`
		}
		_ = json.Unmarshal(body, &ev)
		r.Header.Set(OASignatureHeader, SignOA(ev.AppID, body, ev.Timestamp, secretKey))
	}
	return r
}
