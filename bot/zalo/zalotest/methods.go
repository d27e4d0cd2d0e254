package zalotest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
)

// MaxText is sendMessage's limit in characters (counted here in UTF-16
// code units, the stricter reading).
const MaxText = 2000

// SentMessage is one message the bot sent with sendMessage.
type SentMessage struct {
	MessageID string
	ChatID    string
	Text      string
	Time      time.Time
}

// ChatAction is one successful sendChatAction call.
type ChatAction struct {
	ChatID string
	Action string
}

// WebhookInfo is the webhook as setWebhook left it.
type WebhookInfo struct {
	URL         string
	SecretToken string
}

// Sent returns every message sent so far, in order.
func (s *Server) Sent() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// SentTo returns the texts sent to chatID, in order.
func (s *Server) SentTo(chatID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, m := range s.sent {
		if m.ChatID == chatID {
			out = append(out, m.Text)
		}
	}
	return out
}

// Actions returns the chat actions that succeeded.
func (s *Server) Actions() []ChatAction {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.actions)
}

// Webhook returns the current webhook.
func (s *Server) Webhook() WebhookInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook
}

// Pending returns how many updates wait to be fetched.
func (s *Server) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// PushText queues a message.text.received event from userID in chatID and
// returns its message id.
func (s *Server) PushText(chatID, userID, name, text string) string {
	s.mu.Lock()
	id := s.newID("msg")
	s.mu.Unlock()
	s.PushRaw(TextEvent(id, chatID, userID, name, text))
	return id
}

// PushEvent queues a non-text event (e.g. "message.sticker.received") and
// returns its message id.
func (s *Server) PushEvent(event, chatID, userID string) string {
	s.mu.Lock()
	id := s.newID("msg")
	s.mu.Unlock()
	s.PushRaw(MessageEvent(event, id, chatID, userID))
	return id
}

// PushImage queues a message.image.received event with caption (none if
// empty) and returns its message id.
func (s *Server) PushImage(chatID, userID, name, caption string) string {
	s.mu.Lock()
	id := s.newID("msg")
	s.mu.Unlock()
	s.PushRaw(ImageEvent(id, chatID, userID, name, caption))
	return id
}

// PushRaw queues an update as given.
func (s *Server) PushRaw(update []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = append(s.pending, json.RawMessage(slices.Clone(update)))
	s.notify()
}

// newID returns a fresh opaque id. The caller holds s.mu.
func (s *Server) newID(prefix string) string {
	s.nextID++
	return fmt.Sprintf("%s%016x", prefix, s.nextID*7919)
}

func (s *Server) getMe(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
	writeOK(w, map[string]any{"id": s.botID, "account_name": s.botName, "account_type": "BASIC", "can_join_groups": false})
}

// getUpdates hands out one queued update, the platform's documented shape
// (a single object, not an array), and forgets it. With nothing queued it
// waits up to the requested timeout (capped by the poll cap), then answers
// 408.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, p map[string]any) {
	if s.empty {
		writeOK(w, nil)
		return
	}
	timeout := time.Duration(number(p["timeout"], 30)) * time.Second
	deadline := time.NewTimer(min(timeout, s.pollCap))
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if len(s.pending) > 0 {
			u := s.pending[0]
			s.pending = s.pending[1:]
			s.mu.Unlock()
			writeOK(w, u)
			return
		}
		wake := s.wake
		s.mu.Unlock()
		select {
		case <-wake:
		case <-deadline.C:
			writeError(w, 408, "Request timeout")
			return
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		}
	}
}

func (s *Server) sendMessage(w http.ResponseWriter, _ *http.Request, p map[string]any) {
	chat, ok := p["chat_id"].(string)
	if !ok || chat == "" {
		writeError(w, 400, "Bad Request: chat_id must be a non-empty string")
		return
	}
	text, _ := p["text"].(string)
	if n := len(utf16.Encode([]rune(text))); n < 1 || n > MaxText {
		writeError(w, 400, fmt.Sprintf("Bad Request: text must be 1-%d characters, got %d", MaxText, n))
		return
	}
	s.mu.Lock()
	m := SentMessage{MessageID: s.newID("out"), ChatID: chat, Text: text, Time: time.Now()}
	s.sent = append(s.sent, m)
	s.mu.Unlock()
	writeOK(w, map[string]any{"message_id": m.MessageID, "date": m.Time.UnixMilli()})
}

func (s *Server) sendChatAction(w http.ResponseWriter, _ *http.Request, p map[string]any) {
	chat, _ := p["chat_id"].(string)
	action, _ := p["action"].(string)
	if chat == "" || action != "typing" {
		writeError(w, 400, "Bad Request: chat_id and action=typing required")
		return
	}
	s.mu.Lock()
	s.actions = append(s.actions, ChatAction{ChatID: chat, Action: action})
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, envelope{OK: true})
}

func (s *Server) setWebhook(w http.ResponseWriter, _ *http.Request, p map[string]any) {
	u, _ := p["url"].(string)
	secret, _ := p["secret_token"].(string)
	if !strings.HasPrefix(u, "https://") {
		writeError(w, 400, "Bad Request: webhook url must be HTTPS")
		return
	}
	if n := len(secret); n < 8 || n > 256 {
		writeError(w, 400, "Bad Request: secret_token must be 8-256 characters")
		return
	}
	s.mu.Lock()
	s.webhook = WebhookInfo{URL: u, SecretToken: secret}
	s.mu.Unlock()
	writeOK(w, map[string]any{"url": u, "updated_at": time.Now().UnixMilli()})
}

func (s *Server) deleteWebhook(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
	s.mu.Lock()
	s.webhook = WebhookInfo{}
	s.mu.Unlock()
	writeOK(w, map[string]any{"url": "", "updated_at": time.Now().UnixMilli()})
}

func (s *Server) getWebhookInfo(w http.ResponseWriter, _ *http.Request, _ map[string]any) {
	s.mu.Lock()
	u := s.webhook.URL
	s.mu.Unlock()
	writeOK(w, map[string]any{"url": u, "updated_at": time.Now().UnixMilli()})
}

// number reads a JSON number or numeric string, else def.
func number(v any, def int) int {
	switch x := v.(type) {
	case float64:
		return int(x)
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
			return n
		}
	}
	return def
}
