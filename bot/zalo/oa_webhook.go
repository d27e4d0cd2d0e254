package zalo

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// OA webhook header and events (docs/platforms.md §4.1, §4.2).
const (
	// SignatureHeader carries "mac=<hex sha256>" on every OA webhook POST.
	SignatureHeader = "X-ZEvent-Signature"
	OAEventText     = "user_send_text"
	OAEventImage    = "user_send_image"
	OAEventFollow   = "follow"
	OAEventUnfollow = "unfollow"
	// OAEventMaxAge is how old an event's signed timestamp may be: Zalo
	// retries a failed delivery for about two hours (30 s, 5, 15, 30 min,
	// 1 h; docs/platforms.md §4.1), and a window of a few minutes would
	// drop those retries. Exact replays inside the window are applied
	// once (the engine dedupes by update id, kept far longer); older
	// events are acknowledged and dropped as replays, so that an event
	// whose id the store has forgotten is never applied again
	// (docs/platforms.md §4.2).
	OAEventMaxAge = 3 * time.Hour
	// OAEventMaxSkew is how far ahead of our clock a timestamp may be.
	OAEventMaxSkew = 5 * time.Minute
	// oaUserMessagePrefix starts every event of a user sending something
	// (user_send_image, user_send_sticker, ...).
	oaUserMessagePrefix = "user_send_"
)

// oaEvent is one OA webhook event. app_id and timestamp are kept raw: the
// signature covers them as text.
type oaEvent struct {
	AppID     json.RawMessage `json:"app_id"`
	EventName string          `json:"event_name"`
	Timestamp json.RawMessage `json:"timestamp"`
	Sender    *struct {
		ID flexString `json:"id"`
	} `json:"sender"`
	Follower *struct {
		ID flexString `json:"id"`
	} `json:"follower"`
	Message *struct {
		MsgID flexString `json:"msg_id"`
		Text  string     `json:"text"`
		// Attachments of user_send_image, user_send_sticker, …: the
		// payload's url (a photo) or id (a sticker) names it.
		Attachments []struct {
			Type    string `json:"type"`
			Payload struct {
				URL string     `json:"url"`
				ID  flexString `json:"id"`
			} `json:"payload"`
		} `json:"attachments"`
	} `json:"message"`
}

// oaAttachments name the OA's user_send_* events that carry a file.
var oaAttachments = map[string]string{
	OAEventImage: bot.AttachPhoto, "user_send_sticker": bot.AttachSticker, "user_send_audio": bot.AttachVoice,
	"user_send_video": bot.AttachVideo, "user_send_file": bot.AttachFile, "user_send_gif": bot.AttachPhoto,
}

// WebhookHandler returns the handler for the OA's webhook POSTs. secretKey
// is the OA secret key from the app's settings (not the app secret).
//
// It answers 405 to other methods, 413 for bodies over 1 MiB, 401 when the
// SignatureHeader is missing or wrong (and when secretKey is empty), and
// 400 for invalid JSON. The signature is checked exactly as docs/platforms.md
// §4.2 gives it: mac = hex(sha256(app_id + raw body + timestamp +
// secretKey)), app_id and timestamp read from the body, compared in
// constant time. A signed event for another app than the client's AppID
// is refused with 403. An event whose timestamp is missing, older than
// OAEventMaxAge or more than OAEventMaxSkew ahead is acknowledged (200)
// without calling h: a replay, or a retry Zalo would give up anyway.
//
// Events become updates on channel bot.ChannelZaloOA, with ChatID and
// UserID the OA-scoped user id:
//   - user_send_text: the text;
//   - user_send_image: the text sent with the photo, if any;
//   - other user_send_* events (sticker, file, ...) and a photo without
//     text: empty text, so that the engine asks for a typed question;
//   - follow: "/start", so that the engine welcomes the follower and
//     resumes their reminders and broadcasts;
//   - unfollow: "/stop" with Unfollowed set, so that the engine pauses
//     reminders and broadcasts and sends nothing (Zalo refuses messages
//     to non-followers).
//
// Update.ID is message.msg_id for messages; follow and unfollow carry no
// id, so theirs is "<event>:<user id>:<timestamp>", stable across Zalo's
// retries. Any other event (delivery and seen receipts, the OA's own
// oa_send_* echoes, reactions, anonymous chats) is logged and acknowledged
// without calling h: answering a receipt or an echo would make the bot
// talk to itself.
func (c *OAClient) WebhookHandler(secretKey string, h bot.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := platform.WebhookBody(w, r, "", "", c.log) // signed, checked below
		if !ok {
			return
		}
		sig := r.Header.Get(SignatureHeader)
		if secretKey == "" || sig == "" {
			c.log.Warn("oa webhook: missing signature", "remote", r.RemoteAddr)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		var ev oaEvent
		if err := json.Unmarshal(body, &ev); err != nil {
			http.Error(w, "invalid event", http.StatusBadRequest)
			return
		}
		if !validMAC(sig, rawText(ev.AppID), body, rawText(ev.Timestamp), secretKey) {
			c.log.Warn("oa webhook: bad signature", "remote", r.RemoteAddr, "event", ev.EventName)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		if subtle.ConstantTimeCompare([]byte(rawText(ev.AppID)), []byte(c.appID)) != 1 {
			c.log.Warn("oa webhook: event for another app", "remote", r.RemoteAddr, "event", ev.EventName)
			http.Error(w, "wrong app", http.StatusForbidden)
			return
		}
		var ts flexInt
		_ = json.Unmarshal(ev.Timestamp, &ts)
		if at, now := msTime(int64(ts)), c.now(); at.IsZero() || now.Sub(at) > OAEventMaxAge || at.Sub(now) > OAEventMaxSkew {
			c.log.Warn("oa webhook: event outside the time window, dropped", "remote", r.RemoteAddr,
				"event", ev.EventName, "timestamp", rawText(ev.Timestamp))
			w.WriteHeader(http.StatusOK)
			return
		}
		u, ok := convertOA(ev)
		if !ok {
			c.log.Info("oa webhook: event not handled", "event", ev.EventName)
			w.WriteHeader(http.StatusOK)
			return
		}
		if err := h.Handle(r.Context(), u); err != nil {
			c.log.Error("oa webhook: handle update", "update", u.ID, "err", err)
			http.Error(w, "temporary failure", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// validMAC checks header ("mac=<hex>", the prefix optional, hex in either
// case) against sha256(appID + body + timestamp + key) in constant time.
func validMAC(header, appID string, body []byte, timestamp, key string) bool {
	got, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(header), "mac="))
	if err != nil {
		return false
	}
	h := sha256.New()
	h.Write([]byte(appID))
	h.Write(body)
	h.Write([]byte(timestamp))
	h.Write([]byte(key))
	return subtle.ConstantTimeCompare(got, h.Sum(nil)) == 1
}

// convertOA turns an event into an update; false for events not handled.
func convertOA(ev oaEvent) (bot.Update, bool) {
	var ts flexInt
	_ = json.Unmarshal(ev.Timestamp, &ts)
	stamp := rawText(ev.Timestamp)
	out := bot.Update{Channel: bot.ChannelZaloOA, Addressed: true, Time: msTime(int64(ts))}
	switch {
	case ev.EventName == OAEventFollow || ev.EventName == OAEventUnfollow:
		if ev.Follower == nil {
			return bot.Update{}, false
		}
		out.UserID = string(ev.Follower.ID)
		out.Text = "/start"
		if ev.EventName == OAEventUnfollow {
			out.Text, out.Unfollowed = "/stop", true
		}
	case strings.HasPrefix(ev.EventName, oaUserMessagePrefix):
		if ev.Sender == nil {
			return bot.Update{}, false
		}
		out.UserID = string(ev.Sender.ID)
		if ev.Message != nil {
			out.ID = string(ev.Message.MsgID)
			// A photo may come with words (message.text); they are the
			// user's message. Other attachments get the "please type".
			if ev.EventName == OAEventText || ev.EventName == OAEventImage {
				out.Text, out.Cut = cleanCut(ev.Message.Text)
			}
			if kind, ok := oaAttachments[ev.EventName]; ok {
				out.Attachment = kind
				for _, a := range ev.Message.Attachments {
					if id := firstNonEmpty(a.Payload.URL, string(a.Payload.ID)); id != "" {
						out.FileID = clean(id)
						break
					}
				}
			}
		}
	default:
		return bot.Update{}, false
	}
	if out.UserID == "" {
		return bot.Update{}, false
	}
	if out.ID == "" {
		out.ID = ev.EventName + ":" + out.UserID + ":" + stamp
	}
	out.ChatID = out.UserID
	return out, true
}
