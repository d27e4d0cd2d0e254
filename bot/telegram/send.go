package telegram

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

const (
	// MaxAckLength is the limit of an answerCallbackQuery notification, in
	// UTF-16 code units.
	MaxAckLength = 200
	// shortLabel is the longest button label (in characters) laid out two
	// per row; longer labels get a row of their own so phones don't cut them.
	shortLabel = 20
)

// Send delivers one outbox row.
//
// A KindAck row answers the button press d.CallbackID (d.Text, cut to 200
// characters, is shown as a small notification; it may be empty). Any other
// row becomes one or more sendMessage calls in parse mode HTML: d.Text is
// plain text, normalised to NFC and escaped, split at MaxMessageLength on
// paragraph, line or word boundaries; d.Buttons form an inline keyboard on
// the last part.
//
// When part k of a split message fails, Send returns the ids of the parts
// already sent together with the error, and remembers them (in memory,
// keyed by d.ID and checked against d.Text): a retry of the same row in
// this process resumes at part k. After a restart the whole row is sent
// again, so delivery is at least once.
func (c *Client) Send(ctx context.Context, d bot.Delivery) (bot.SendResult, error) {
	if d.Kind == bot.KindAck {
		return bot.SendResult{}, c.ack(ctx, d)
	}
	chatID, err := strconv.ParseInt(d.ChatID, 10, 64)
	if err != nil {
		return bot.SendResult{}, &bot.PermanentError{Reason: fmt.Sprintf("invalid chat id %q", d.ChatID), Unreachable: true}
	}
	text := norm.NFC.String(strings.ToValidUTF8(d.Text, "\uFFFD"))
	if strings.TrimSpace(text) == "" {
		return bot.SendResult{}, &bot.PermanentError{Reason: "empty message text"}
	}
	markup, err := keyboard(d.Buttons)
	if err != nil {
		return bot.SendResult{}, &bot.PermanentError{Reason: err.Error()}
	}
	parts := splitEscaped(text, MaxMessageLength)
	api := c.with(ctx)
	ids, err := c.progress.SendParts(ctx, platform.Row{ID: d.ID, Chat: d.ChatID, Text: d.Text}, parts,
		func(_ context.Context, i int, text string) (string, error) {
			msg := tgbotapi.NewMessage(chatID, text)
			msg.ParseMode = tgbotapi.ModeHTML
			if i == len(parts)-1 && markup != nil {
				msg.ReplyMarkup = *markup
			}
			m, err := api.Send(msg)
			if err != nil {
				return "", c.classify("sendMessage", true, err)
			}
			return strconv.Itoa(m.MessageID), nil
		}, bot.IsPermanent)
	return bot.SendResult{MessageIDs: ids}, err
}

func (c *Client) ack(ctx context.Context, d bot.Delivery) error {
	if d.CallbackID == "" {
		return &bot.PermanentError{Reason: "ack without callback id"}
	}
	text := norm.NFC.String(strings.ToValidUTF8(d.Text, "\uFFFD"))
	text = text[:platform.FitWidth(text, MaxAckLength, platform.UTF16Width)]
	_, err := c.with(ctx).Request(tgbotapi.NewCallback(d.CallbackID, text))
	return c.classify("answerCallbackQuery", false, err)
}

// keyboard lays buttons out as an inline keyboard: consecutive short labels
// two per row, long labels alone, order kept.
func keyboard(buttons []bot.Button) (*tgbotapi.InlineKeyboardMarkup, error) {
	if len(buttons) == 0 {
		return nil, nil
	}
	var rows [][]tgbotapi.InlineKeyboardButton
	var pending []tgbotapi.InlineKeyboardButton
	for _, b := range buttons {
		if b.Data == "" || len(b.Data) > bot.MaxButtonData || !utf8.ValidString(b.Data) {
			return nil, fmt.Errorf("button %q: callback data must be 1-%d bytes of UTF-8, got %d", b.Label, bot.MaxButtonData, len(b.Data))
		}
		label := norm.NFC.String(strings.TrimSpace(strings.ToValidUTF8(b.Label, "\uFFFD")))
		if label == "" {
			return nil, fmt.Errorf("button with data %q has an empty label", b.Data)
		}
		btn := tgbotapi.NewInlineKeyboardButtonData(label, b.Data)
		if utf8.RuneCountInString(label) > shortLabel {
			if pending != nil {
				rows = append(rows, pending)
				pending = nil
			}
			rows = append(rows, tgbotapi.NewInlineKeyboardRow(btn))
			continue
		}
		pending = append(pending, btn)
		if len(pending) == 2 {
			rows = append(rows, pending)
			pending = nil
		}
	}
	if pending != nil {
		rows = append(rows, pending)
	}
	markup := tgbotapi.NewInlineKeyboardMarkup(rows...)
	return &markup, nil
}

// Typing shows "typing…" in chatID. It is best effort: it gives up after 2
// seconds, only logs errors, and is safe to run in its own goroutine.
func (c *Client) Typing(ctx context.Context, chatID string) {
	id, err := strconv.ParseInt(chatID, 10, 64)
	if err != nil {
		c.log.Debug("typing: invalid chat id", "chat", chatID)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, typingTimeout)
	defer cancel()
	_, err = c.with(ctx).Request(tgbotapi.NewChatAction(id, tgbotapi.ChatTyping))
	if err != nil {
		c.log.Warn("typing", "chat", chatID, "err", c.classify("sendChatAction", true, err))
	}
}
