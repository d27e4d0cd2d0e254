package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
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
//
// While a wait Telegram asked for with a 429 runs (for this chat, from any
// method including the typing indicator, or for every chat), Send sends
// nothing and returns a *bot.RateLimitError with the time left.
//
// A part refused with 400 "can't parse entities" is sent again once as
// plain text, without parse mode: the words matter more than the
// formatting.
//
// A part refused because its forum topic is gone (deleted or closed since
// the question) is sent to the group's main thread.
//
// A row with d.Media is one message with a photo, voice note, video or
// file (sendMedia).
func (c *Client) Send(ctx context.Context, d bot.Delivery) (bot.SendResult, error) {
	if d.Kind == bot.KindAck {
		if held := c.holds.held(0, c.now()); held != nil {
			return bot.SendResult{}, held
		}
		return bot.SendResult{}, c.ack(ctx, d)
	}
	chatID, err := strconv.ParseInt(d.ChatID, 10, 64)
	if err != nil {
		return bot.SendResult{}, &bot.PermanentError{Reason: fmt.Sprintf("invalid chat id %q", d.ChatID), Unreachable: true}
	}
	if d.Media != "" {
		return c.sendMedia(ctx, chatID, d)
	}
	text := norm.NFC.String(strings.ToValidUTF8(d.Text, "\uFFFD"))
	if strings.TrimSpace(text) == "" {
		return bot.SendResult{}, &bot.PermanentError{Reason: "empty message text"}
	}
	markup, err := keyboard(d.Buttons)
	if err != nil {
		return bot.SendResult{}, &bot.PermanentError{Reason: err.Error()}
	}
	thread, _ := strconv.Atoi(d.Thread) // not a topic: 0, the chat's main thread
	parts := splitEscaped(text, MaxMessageLength)
	// A group that became a supergroup is reached at its new id, known from
	// an earlier refusal or learnt from this one (docs/platforms.md §1.2).
	target := c.migrations.resolve(chatID)
	if held := c.holds.held(target, c.now()); held != nil {
		return bot.SendResult{}, held
	}
	ids, err := c.progress.SendParts(ctx, platform.Row{ID: d.ID, Chat: d.ChatID, Text: d.Text}, parts,
		func(ctx context.Context, i int, text string) (string, error) {
			var kb *tgbotapi.InlineKeyboardMarkup
			if i == len(parts)-1 {
				kb = markup
			}
			for hop := 0; ; hop++ {
				m, err := c.sendMessage(ctx, target, thread, text, tgbotapi.ModeHTML, kb)
				if e, ok := apiError(err); ok && e.Code == 400 && e.MigrateToChatID != 0 && hop < maxMigrationHops {
					c.migrated(target, e.MigrateToChatID)
					target = e.MigrateToChatID
					continue
				}
				if thread != 0 && topicGone(err) {
					// The topic was deleted or closed since the question:
					// the group's main thread still reaches it.
					c.log.Warn("forum topic gone, sending to the main thread", "chat", formatID(target), "row", d.ID,
						"err", c.classify("sendMessage", true, err))
					thread = 0
					continue
				}
				if cantParse(err) {
					c.log.Warn("formatting refused, sending as plain text", "chat", formatID(target), "row", d.ID,
						"err", c.classify("sendMessage", true, err))
					m, err = c.sendMessage(ctx, target, thread, unescapeHTML(text), "", kb)
				}
				c.holds.note(target, true, err, c.now())
				if err != nil {
					return "", c.classify("sendMessage", true, err)
				}
				return strconv.Itoa(m.MessageID), nil
			}
		}, bot.IsPermanent)
	res := bot.SendResult{MessageIDs: ids}
	if target != chatID {
		res.ChatID = formatID(target)
	}
	return res, err
}

// sendMessage makes one sendMessage request, in parse mode mode (empty:
// plain text), bounded by the send timeout. The library's MessageConfig
// predates forum topics, so the parameters are built here.
func (c *Client) sendMessage(ctx context.Context, chat int64, thread int, text, mode string, markup *tgbotapi.InlineKeyboardMarkup) (tgbotapi.Message, error) {
	p := tgbotapi.Params{"chat_id": formatID(chat), "text": text}
	p.AddNonEmpty("parse_mode", mode)
	p.AddNonZero("message_thread_id", thread)
	if markup != nil {
		if err := p.AddInterface("reply_markup", *markup); err != nil {
			return tgbotapi.Message{}, err
		}
	}
	resp, err := c.request(ctx, "sendMessage", p)
	if err != nil {
		return tgbotapi.Message{}, err
	}
	var m tgbotapi.Message
	if err := json.Unmarshal(resp.Result, &m); err != nil {
		return tgbotapi.Message{}, fmt.Errorf("decode sent message: %w", err)
	}
	return m, nil
}

// request makes one call other than getUpdates, giving up after the send
// timeout: a request without an answer by then is reported as a temporary
// error (the platform may still have acted on it, so a retry can
// duplicate it).
func (c *Client) request(ctx context.Context, method string, p tgbotapi.Params) (*tgbotapi.APIResponse, error) {
	rctx, cancel := context.WithTimeout(ctx, c.sendTimeout)
	defer cancel()
	resp, err := c.with(rctx).MakeRequest(method, p)
	if err != nil && ctx.Err() == nil && errors.Is(rctx.Err(), context.DeadlineExceeded) {
		return resp, fmt.Errorf("no answer within %s: %w", c.sendTimeout, context.DeadlineExceeded)
	}
	return resp, err
}

func (c *Client) ack(ctx context.Context, d bot.Delivery) error {
	if d.CallbackID == "" {
		return &bot.PermanentError{Reason: "ack without callback id"}
	}
	text := norm.NFC.String(strings.ToValidUTF8(d.Text, "\uFFFD"))
	text = text[:platform.FitWidth(text, MaxAckLength, platform.UTF16Width)]
	p := tgbotapi.Params{"callback_query_id": d.CallbackID}
	p.AddNonEmpty("text", text)
	p.AddBool("show_alert", d.Alert && text != "")
	_, err := c.request(ctx, "answerCallbackQuery", p)
	c.holds.note(0, false, err, c.now())
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
// seconds, only logs errors, and is safe to run in its own goroutine. It
// sends at most one chat action per chat every TypingInterval: the
// indicator lasts about five seconds, so a burst of messages from one chat
// needs one.
func (c *Client) Typing(ctx context.Context, chatID string) {
	id, err := strconv.ParseInt(chatID, 10, 64)
	if err != nil {
		c.log.Debug("typing: invalid chat id", "chat", chatID)
		return
	}
	target := c.migrations.resolve(id)
	if c.holds.held(target, c.now()) != nil {
		return // Telegram asked us to wait: a chat action would only be refused again
	}
	if !c.typing.admit(id, time.Now()) {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, typingTimeout)
	defer cancel()
	_, err = c.with(ctx).Request(tgbotapi.NewChatAction(target, tgbotapi.ChatTyping))
	// The wait a 429 asks for here holds the chat's messages too.
	c.holds.note(target, true, err, c.now())
	if err != nil {
		c.log.Warn("typing", "chat", chatID, "err", c.classify("sendChatAction", true, err))
	}
}

// TypingInterval is the least time between two chat actions in one chat.
const TypingInterval = 4 * time.Second

// typingGate remembers when each chat last got a chat action.
type typingGate struct {
	mu   sync.Mutex
	last map[int64]time.Time
}

// admit reports whether chat may get a chat action at now, and if so
// counts it as sent.
func (g *typingGate) admit(chat int64, now time.Time) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if t, ok := g.last[chat]; ok && now.Sub(t) < TypingInterval {
		return false
	}
	if g.last == nil {
		g.last = map[int64]time.Time{}
	}
	if len(g.last) >= 10000 {
		for k, t := range g.last {
			if now.Sub(t) >= TypingInterval {
				delete(g.last, k)
			}
		}
	}
	g.last[chat] = now
	return true
}
