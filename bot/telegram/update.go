package telegram

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/bacninh/ansinh/bot"
)

// MaxInboundRunes is where inbound text is cut.
const MaxInboundRunes = 4096

// allowedUpdates are the update types we ask Telegram for.
var allowedUpdates = []string{tgbotapi.UpdateTypeMessage, tgbotapi.UpdateTypeCallbackQuery}

// convert translates a Bot API update into a bot.Update. It reports false
// for update types the bot does not handle (edited messages, channel posts,
// inline queries, ...), which callers acknowledge without handling.
func (c *Client) convert(u tgbotapi.Update) (bot.Update, bool) {
	out := bot.Update{
		Channel: bot.ChannelTelegram,
		ID:      updateKey(&u),
		Offset:  encodePosition(int64(u.UpdateID)+1, c.now()),
	}
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		c.fromMessage(&out, u.Message)
	case u.CallbackQuery != nil:
		c.fromCallback(&out, u.CallbackQuery)
	default:
		return out, false
	}
	return out, true
}

func (c *Client) fromMessage(out *bot.Update, m *tgbotapi.Message) {
	// Telegram posts a service message in both chats when a group becomes
	// a supergroup: later sends to the old id must go to the new one.
	if m.MigrateToChatID != 0 {
		c.migrated(m.Chat.ID, m.MigrateToChatID)
	}
	if m.MigrateFromChatID != 0 {
		c.migrated(m.MigrateFromChatID, m.Chat.ID)
	}
	out.ChatID = formatID(m.Chat.ID)
	switch {
	case m.SenderChat != nil:
		// Sent on behalf of a chat: an anonymous group admin (From is the
		// shared GroupAnonymousBot, sender_chat the group) or a channel.
		// The sender is that chat, so anonymous admins of two groups are
		// two senders, not one.
		out.UserID, out.Name = formatID(m.SenderChat.ID), clean(m.SenderChat.Title)
	case m.From != nil:
		out.UserID, out.Name = formatID(m.From.ID), fullName(m.From)
	}
	if m.Date > 0 {
		out.Time = time.Unix(int64(m.Date), 0).UTC()
	}
	if m.ReplyToMessage != nil {
		out.ReplyTo = strconv.Itoa(m.ReplyToMessage.MessageID)
	}
	// A photo (or a document) with a caption is read by its caption.
	// Stickers, photos without one and voice notes have no text: the
	// engine adds them to the citizen's open request, or answers them with
	// a polite "please type".
	raw := m.Text
	if raw == "" {
		raw = m.Caption
	}
	// A citizen's own contact card, shared from the attachment menu, is
	// their phone number, read as if typed: with a request open, it becomes
	// the number officers call back. Anyone else's card, a location, a
	// poll and the like carry no text: the engine asks for a typed message.
	if raw == "" && m.Contact != nil && m.From != nil && m.Contact.UserID != 0 && m.Contact.UserID == m.From.ID {
		raw = m.Contact.PhoneNumber
	}
	// What the message carries is named with its file_id, so that a
	// citizen's photo or sticker reaches their open request.
	switch {
	case len(m.Photo) > 0:
		out.Attachment, out.FileID = bot.AttachPhoto, m.Photo[len(m.Photo)-1].FileID // the largest size
	case m.Sticker != nil:
		out.Attachment, out.FileID = bot.AttachSticker, m.Sticker.FileID
	case m.Voice != nil:
		out.Attachment, out.FileID = bot.AttachVoice, m.Voice.FileID
	case m.Video != nil:
		out.Attachment, out.FileID = bot.AttachVideo, m.Video.FileID
	case m.Document != nil:
		out.Attachment, out.FileID = bot.AttachFile, m.Document.FileID
	}
	raw, out.Cut = cleanCut(raw)
	text, addressed := c.address(raw)
	out.Text = text
	out.IsGroup = isGroup(m.Chat.Type)
	out.Addressed = !out.IsGroup || addressed || c.repliesToBot(m)
}

func (c *Client) fromCallback(out *bot.Update, q *tgbotapi.CallbackQuery) {
	out.CallbackID = q.ID
	out.Data = strings.ToValidUTF8(q.Data, "\uFFFD")
	out.Addressed = true
	if q.From != nil {
		out.UserID, out.Name = formatID(q.From.ID), fullName(q.From)
		out.ChatID = out.UserID // inline-mode messages carry no chat
	}
	if q.Message != nil && q.Message.Chat != nil {
		out.ChatID = formatID(q.Message.Chat.ID)
		out.IsGroup = isGroup(q.Message.Chat.Type)
	}
}

// address strips our "@username" from commands and mentions and reports
// whether the text was meant for the bot: any command without a bot suffix
// or with ours, or a message that mentions us.
func (c *Client) address(text string) (string, bool) {
	if strings.HasPrefix(text, "/") {
		end := strings.IndexFunc(text, unicode.IsSpace)
		if end < 0 {
			end = len(text)
		}
		cmd, name, found := strings.Cut(text[:end], "@")
		if !found {
			return text, true
		}
		if !asciiEqualFold(name, c.username) {
			return text, false // a command for another bot in the group
		}
		return cmd + text[end:], true
	}
	if c.username == "" {
		return text, false
	}
	return stripMention(text, "@"+c.username)
}

// stripMention removes every whole-word occurrence of mention (matched
// case-insensitively, usernames being ASCII) and reports whether there was
// one.
func stripMention(text, mention string) (string, bool) {
	found := false
	for i := 0; i+len(mention) <= len(text); {
		if !asciiEqualFold(text[i:i+len(mention)], mention) || !wordEdge(text, i, i+len(mention)) {
			i++
			continue
		}
		found = true
		before := strings.TrimRight(text[:i], " \t")
		after := strings.TrimLeft(text[i+len(mention):], " \t")
		if before == "" {
			after = strings.TrimLeft(after, ",:; \t")
		}
		if before != "" && after != "" && !strings.HasPrefix(after, "\n") && !strings.HasSuffix(before, "\n") {
			before += " "
		}
		text = before + after
		i = len(before)
	}
	return strings.TrimSpace(text), found
}

// wordEdge reports whether text[i:j] is not glued to other username
// characters on either side.
func wordEdge(text string, i, j int) bool {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if isUsernameRune(r) {
			return false
		}
	}
	if j < len(text) {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if isUsernameRune(r) {
			return false
		}
	}
	return true
}

func isUsernameRune(r rune) bool {
	return r == '_' || r == '@' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
}

func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func (c *Client) repliesToBot(m *tgbotapi.Message) bool {
	r := m.ReplyToMessage
	return r != nil && r.From != nil && c.botID != 0 && r.From.ID == c.botID
}

func isGroup(chatType string) bool { return chatType == "group" || chatType == "supergroup" }

func formatID(id int64) string { return strconv.FormatInt(id, 10) }

func fullName(u *tgbotapi.User) string {
	return clean(strings.TrimSpace(u.FirstName + " " + u.LastName))
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

// rawUpdate is a Bot API update with the fields the library (v5.5.1, Bot
// API 5.x) does not decode.
type rawUpdate struct {
	tgbotapi.Update
	// thread is the message's message_thread_id when it was written in a
	// forum topic (is_topic_message), else 0.
	thread int
	// undecodable is why the update could not be read; it is then
	// acknowledged without being handled.
	undecodable error
}

// decodeUpdates reads getUpdates' result. Each update is decoded on its
// own: one the library cannot read (a field of an unexpected type) comes
// back with only its update_id and undecodable set, so that it is
// acknowledged and skipped instead of failing the whole batch, which
// getUpdates would hand out again for ever. An element without even a
// readable update_id is left out; confirming a later update confirms it.
func decodeUpdates(raw json.RawMessage) ([]rawUpdate, error) {
	var elems []json.RawMessage
	if err := json.Unmarshal(raw, &elems); err != nil {
		return nil, fmt.Errorf("decode updates: %w", err)
	}
	out := make([]rawUpdate, 0, len(elems))
	for _, e := range elems {
		u, err := decodeUpdate(e)
		if err != nil {
			id := updateID(e)
			if id == 0 {
				continue
			}
			u = rawUpdate{Update: tgbotapi.Update{UpdateID: id}, undecodable: err}
		}
		out = append(out, u)
	}
	return out, nil
}

// updateID reads only the update_id of an update, 0 if it has none.
func updateID(body []byte) int {
	var id struct {
		UpdateID int `json:"update_id"`
	}
	if json.Unmarshal(body, &id) != nil {
		return 0
	}
	return id.UpdateID
}

// decodeUpdate reads one update (a webhook body).
func decodeUpdate(body []byte) (rawUpdate, error) {
	var u rawUpdate
	if err := json.Unmarshal(body, &u.Update); err != nil {
		return u, err
	}
	var extra updateExtra
	if err := json.Unmarshal(body, &extra); err != nil {
		return u, err
	}
	u.thread = extra.thread()
	return u, nil
}

// updateExtra holds the newer fields of an update.
type updateExtra struct {
	Message *struct {
		MessageThreadID int  `json:"message_thread_id"`
		IsTopicMessage  bool `json:"is_topic_message"`
	} `json:"message"`
}

// thread is the forum topic the message was written in. A reply thread in
// a group without topics also has a message_thread_id, but sending to it
// is not what the person expects, so only topic messages count.
func (e updateExtra) thread() int {
	if e.Message == nil || !e.Message.IsTopicMessage {
		return 0
	}
	return e.Message.MessageThreadID
}

// convertRaw is convert for an update read with its newer fields.
func (c *Client) convertRaw(raw rawUpdate) (bot.Update, bool) {
	if raw.undecodable != nil {
		c.log.Warn("undecodable update skipped", "update_id", raw.UpdateID, "err", raw.undecodable)
		return bot.Update{}, false
	}
	u, ok := c.convert(raw.Update)
	if ok && raw.thread != 0 && u.IsGroup && raw.CallbackQuery == nil {
		u.Thread = strconv.Itoa(raw.thread)
	}
	return u, ok
}
