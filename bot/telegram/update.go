package telegram

import (
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
		ID:      strconv.Itoa(u.UpdateID),
		Offset:  int64(u.UpdateID) + 1,
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
	out.ChatID = formatID(m.Chat.ID)
	switch {
	case m.From != nil:
		out.UserID, out.Name = formatID(m.From.ID), fullName(m.From)
	case m.SenderChat != nil: // sent on behalf of a channel or an anonymous admin
		out.UserID, out.Name = formatID(m.SenderChat.ID), clean(m.SenderChat.Title)
	}
	if m.Date > 0 {
		out.Time = time.Unix(int64(m.Date), 0).UTC()
	}
	if m.ReplyToMessage != nil {
		out.ReplyTo = strconv.Itoa(m.ReplyToMessage.MessageID)
	}
	// Stickers, photos and voice notes have no text: the engine answers them
	// with a polite "please type".
	text, addressed := c.address(clean(m.Text))
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
	s = strings.ToValidUTF8(s, "\uFFFD")
	n := 0
	for i := range s {
		if n == MaxInboundRunes {
			return s[:i]
		}
		n++
	}
	return s
}
