package zalo

import (
	"context"
	"strings"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// sendMessageParams is sendMessage's body: plain text, no parse_mode, so
// nothing in an answer needs escaping. chat_id is a string, as Zalo ids
// are opaque strings.
type sendMessageParams struct {
	ChatID string `json:"chat_id"`
	Text   string `json:"text"`
}

// sentMessage is sendMessage's result; date is in milliseconds.
type sentMessage struct {
	MessageID flexString `json:"message_id"`
	Date      flexInt    `json:"date"`
}

// Send delivers one outbox row.
//
// A bot.KindAck row (a button acknowledgement) has nothing to send on Zalo,
// which has no buttons: it succeeds at once. Any other row becomes one or
// more sendMessage calls with plain text: d.Text normalised to NFC, its
// buttons rendered as numbered choices (see Choices), split at
// MaxMessageLength on paragraph, line or word boundaries.
//
// When part k of a split message fails, Send returns the ids of the parts
// already sent together with the error, and a retry of the same row in this
// process resumes at part k.
func (c *Client) Send(ctx context.Context, d bot.Delivery) (bot.SendResult, error) {
	if d.Kind == bot.KindAck {
		return bot.SendResult{}, nil
	}
	chatID := strings.TrimSpace(d.ChatID)
	if chatID == "" {
		return bot.SendResult{}, &bot.PermanentError{Reason: "empty chat id", Unreachable: true}
	}
	parts, err := compose(d.Text, d.Buttons, d.Listed, MaxMessageLength)
	if err != nil {
		return bot.SendResult{}, &bot.PermanentError{Reason: err.Error()}
	}
	ids, err := c.progress.SendParts(ctx, platform.Row{ID: d.ID, Chat: d.ChatID, Text: d.Text}, parts, func(ctx context.Context, _ int, text string) (string, error) {
		var m sentMessage
		err := c.call(ctx, "sendMessage", sendMessageParams{ChatID: chatID, Text: text}, &m)
		if err != nil {
			return "", c.classify("sendMessage", true, err)
		}
		return string(m.MessageID), nil
	}, bot.IsPermanent)
	return bot.SendResult{MessageIDs: ids}, err
}

// Typing shows "typing…" in chatID. It is best effort: it gives up after 2
// seconds, only logs errors, and is safe to run in its own goroutine, so it
// never delays a reply.
func (c *Client) Typing(ctx context.Context, chatID string) {
	if strings.TrimSpace(chatID) == "" {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, typingTimeout)
	defer cancel()
	err := c.call(ctx, "sendChatAction", map[string]string{"chat_id": chatID, "action": "typing"}, nil)
	if err != nil {
		c.log.Warn("typing", "chat", chatID, "err", c.classify("sendChatAction", true, err))
	}
}
