package zalo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bacninh/ansinh/bot"
)

// MaxInboundRunes is where inbound text is cut.
const MaxInboundRunes = 4096

// EventText is the event of a text message. EventImage is a photo, whose
// caption, if any, is read as the message. Every other event (sticker,
// voice, unsupported, …) and a photo without a caption reach the engine
// with an empty text, so that it answers with a short "please type".
const (
	EventText  = "message.text.received"
	EventImage = "message.image.received"
)

// wireUpdate is one Bot Platform event (docs/platforms.md §3.3).
type wireUpdate struct {
	EventName string       `json:"event_name"`
	Message   *wireMessage `json:"message"`
}

type wireMessage struct {
	MessageID flexString `json:"message_id"`
	Date      flexInt    `json:"date"` // milliseconds
	From      *wireUser  `json:"from"`
	Chat      *wireChat  `json:"chat"`
	Text      string     `json:"text"`
	// Caption is what the sender wrote under a photo (optional).
	Caption string `json:"caption"`
	// PhotoURL is where a photo (message.image.received) is.
	PhotoURL string `json:"photo_url"`
}

// wireUser: the sender's name field varies between display_name, name and
// first_name (docs/platforms.md §3.3), so all are read.
type wireUser struct {
	ID          flexString `json:"id"`
	DisplayName string     `json:"display_name"`
	Name        string     `json:"name"`
	FirstName   string     `json:"first_name"`
	LastName    string     `json:"last_name"`
	IsBot       bool       `json:"is_bot"`
}

type wireChat struct {
	ID       flexString `json:"id"`
	ChatType string     `json:"chat_type"`
}

// decodeUpdates reads getUpdates' result. The platform documents a single
// update object, not an array (docs/platforms.md §3.2); an array, null or an
// empty object are accepted too. Each update comes with its raw JSON.
func decodeUpdates(raw json.RawMessage) ([]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0, string(raw) == "null", string(raw) == "{}":
		return nil, nil
	case raw[0] == '[':
		var list []json.RawMessage
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, fmt.Errorf("decode updates: %w", err)
		}
		return list, nil
	}
	return []json.RawMessage{raw}, nil
}

// parseEvent decodes one event. Webhook bodies may arrive wrapped as
// {"ok":true,"result":{…}} (docs/platforms.md §3.3); both forms are accepted.
func parseEvent(raw []byte) (wireUpdate, error) {
	var probe struct {
		EventName string          `json:"event_name"`
		Message   json.RawMessage `json:"message"`
		Result    json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(raw, &probe); err != nil {
		return wireUpdate{}, err
	}
	if probe.EventName == "" && len(probe.Message) == 0 && len(probe.Result) > 0 && string(probe.Result) != "null" {
		raw = probe.Result
	}
	var u wireUpdate
	if err := json.Unmarshal(raw, &u); err != nil {
		return wireUpdate{}, err
	}
	return u, nil
}

// convert translates an event into a bot.Update. It reports false for an
// event nobody can answer: no message, no chat, or sent by a bot (never
// reply to a bot: two bots would talk forever).
//
// Update.ID is message.message_id, which the platform assigns once per
// message, so a webhook retry carries the same id and the engine's dedupe
// by (channel, ID) applies the message exactly once. An event without a
// message id gets a digest of its raw JSON instead, which is just as stable
// across redeliveries of the same body. There is no offset (the platform
// has none), so Update.Offset stays 0.
func (c *Client) convert(w wireUpdate, raw []byte) (bot.Update, bool) {
	m := w.Message
	if m == nil {
		return bot.Update{}, false
	}
	out := bot.Update{Channel: bot.ChannelZalo, ID: string(m.MessageID), Time: msTime(int64(m.Date)), Addressed: true}
	if out.ID == "" {
		sum := sha256.Sum256(raw)
		out.ID = "sha256:" + hex.EncodeToString(sum[:16])
	}
	if m.From != nil {
		if m.From.IsBot {
			return bot.Update{}, false
		}
		out.UserID = string(m.From.ID)
		out.Name = clean(firstNonEmpty(m.From.DisplayName, m.From.Name,
			strings.TrimSpace(m.From.FirstName+" "+m.From.LastName)))
	}
	if m.Chat != nil {
		out.ChatID = string(m.Chat.ID)
		// Group mode is beta and Marketplace bots cannot join groups
		// (docs/platforms.md §3.3); in groups a bot only receives replies and
		// mentions, so every message it gets is addressed to it.
		out.IsGroup = strings.EqualFold(m.Chat.ChatType, "GROUP")
	}
	if out.ChatID == "" {
		out.ChatID = out.UserID
	}
	if out.ChatID == "" {
		return bot.Update{}, false
	}
	switch {
	case w.EventName == EventText || (w.EventName == "" && m.Text != ""):
		text, cut := cleanCut(m.Text)
		out.Text, out.Cut = c.stripMention(text), cut
	case w.EventName == EventImage:
		// The caption is documented; "text" is read too in case a version
		// puts it there (uncertain).
		text, cut := cleanCut(firstNonEmpty(m.Caption, m.Text))
		out.Text, out.Cut = c.stripMention(text), cut
		out.Attachment, out.FileID = bot.AttachPhoto, clean(m.PhotoURL)
	case strings.Contains(w.EventName, "sticker"):
		out.Attachment = bot.AttachSticker
	}
	return out, true
}

// stripMention removes a leading "@<bot name>" so that "@An Sinh 2" in a
// group still reads as the choice "2". The mention format in Zalo groups is
// not documented (uncertain); text without it is returned unchanged.
func (c *Client) stripMention(text string) string {
	if c.name == "" {
		return text
	}
	mention := "@" + c.name
	if len(text) >= len(mention) && strings.EqualFold(text[:len(mention)], mention) {
		return strings.TrimLeft(text[len(mention):], " \t,:;")
	}
	return text
}

// clean replaces invalid UTF-8 and cuts text to MaxInboundRunes runes.
func clean(s string) string {
	s, _ = cleanCut(s)
	return s
}

// cleanCut is clean that also reports whether the text was cut, for a
// message's text (bot.Update.Cut).
func cleanCut(s string) (string, bool) {
	s = strings.ToValidUTF8(s, "\uFFFD")
	n := 0
	for i := range s {
		if n == MaxInboundRunes {
			return s[:i], true
		}
		n++
	}
	return s, false
}
