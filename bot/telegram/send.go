package telegram

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/bot"
)

const (
	// MaxAckLength is the limit of an answerCallbackQuery notification, in
	// UTF-16 code units.
	MaxAckLength = 200
	// shortLabel is the longest button label (in characters) laid out two
	// per row; longer labels get a row of their own so phones don't cut them.
	shortLabel = 20
	// progressTTL and progressCap bound the memory of partly sent deliveries.
	progressTTL = 48 * time.Hour
	progressCap = 1024
)

// partial remembers the parts of a split delivery that Telegram accepted
// before a later part failed.
type partial struct {
	chat, text string
	ids        []string
	at         time.Time
}

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
	ids := c.resume(d, len(parts))
	api := c.with(ctx)
	for i := len(ids); i < len(parts); i++ {
		msg := tgbotapi.NewMessage(chatID, parts[i])
		msg.ParseMode = tgbotapi.ModeHTML
		if i == len(parts)-1 && markup != nil {
			msg.ReplyMarkup = *markup
		}
		m, err := api.Send(msg)
		if err != nil {
			err = c.classify("sendMessage", true, err)
			c.remember(d, ids, err)
			return bot.SendResult{MessageIDs: ids}, err
		}
		ids = append(ids, strconv.Itoa(m.MessageID))
	}
	c.forget(d.ID)
	return bot.SendResult{MessageIDs: ids}, nil
}

func (c *Client) ack(ctx context.Context, d bot.Delivery) error {
	if d.CallbackID == "" {
		return &bot.PermanentError{Reason: "ack without callback id"}
	}
	text := norm.NFC.String(strings.ToValidUTF8(d.Text, "\uFFFD"))
	text = text[:bot.FitWidth(text, MaxAckLength, bot.UTF16Width)]
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

// resume returns the ids of the parts of d that an earlier attempt sent.
func (c *Client) resume(d bot.Delivery, parts int) []string {
	if d.ID == 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.progress[d.ID]
	if !ok || p.chat != d.ChatID || p.text != d.Text || len(p.ids) >= parts {
		return nil
	}
	return slices.Clone(p.ids)
}

// remember records the parts sent before a temporary failure; a permanent
// failure ends the row, so its progress is dropped.
func (c *Client) remember(d bot.Delivery, ids []string, err error) {
	var perm *bot.PermanentError
	if errors.As(err, &perm) || len(ids) == 0 || d.ID == 0 {
		c.forget(d.ID)
		return
	}
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, p := range c.progress {
		if now.Sub(p.at) > progressTTL {
			delete(c.progress, id)
		}
	}
	if len(c.progress) >= progressCap {
		return
	}
	c.progress[d.ID] = &partial{chat: d.ChatID, text: d.Text, ids: slices.Clone(ids), at: now}
}

func (c *Client) forget(id uint64) {
	c.mu.Lock()
	delete(c.progress, id)
	c.mu.Unlock()
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
