package telegram

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// MaxCaptionLength is Telegram's limit of a media caption, in UTF-16 code
// units.
const MaxCaptionLength = 1024

// mediaConfig is the library's send config for a file this bot already
// knows by its file_id: Telegram sends it again without an upload
// (docs/platforms.md §1.4). Stickers are not sent this way: to officers a
// sticker is a line of text.
func mediaConfig(kind string, chat int64, fileID, caption string, markup *tgbotapi.InlineKeyboardMarkup) (tgbotapi.Chattable, string, bool) {
	file := tgbotapi.FileID(fileID)
	var kb any
	if markup != nil {
		kb = *markup
	}
	switch kind {
	case bot.AttachPhoto:
		c := tgbotapi.NewPhoto(chat, file)
		c.Caption, c.ReplyMarkup = caption, kb
		return c, "sendPhoto", true
	case bot.AttachVoice:
		c := tgbotapi.NewVoice(chat, file)
		c.Caption, c.ReplyMarkup = caption, kb
		return c, "sendVoice", true
	case bot.AttachVideo:
		c := tgbotapi.NewVideo(chat, file)
		c.Caption, c.ReplyMarkup = caption, kb
		return c, "sendVideo", true
	case bot.AttachFile:
		c := tgbotapi.NewDocument(chat, file)
		c.Caption, c.ReplyMarkup = caption, kb
		return c, "sendDocument", true
	}
	return nil, "", false
}

// sendMedia delivers a row with d.Media set: the file d.FileID, with d.Text
// as a plain-text caption (cut to MaxCaptionLength) and d.Buttons under
// it, as one message. A group that became a supergroup is followed as
// for text. When Telegram refuses the file for good but the chat is
// reachable (a group where members may not send media, an unknown id),
// d.Text and d.Buttons go as an ordinary message instead. Media rows go to the chat's main thread: the library's media
// configs predate forum topics, and the rows that carry media (the
// officers' announcements) have no topic.
func (c *Client) sendMedia(ctx context.Context, chatID int64, d bot.Delivery) (bot.SendResult, error) {
	if d.FileID == "" {
		return bot.SendResult{}, &bot.PermanentError{Reason: "media row without a file id"}
	}
	markup, err := keyboard(d.Buttons)
	if err != nil {
		return bot.SendResult{}, &bot.PermanentError{Reason: err.Error()}
	}
	caption := norm.NFC.String(strings.ToValidUTF8(d.Text, "\uFFFD"))
	caption = caption[:platform.FitWidth(caption, MaxCaptionLength, platform.UTF16Width)]
	target := c.migrations.resolve(chatID)
	if held := c.holds.held(target, c.now()); held != nil {
		return bot.SendResult{}, held
	}
	for hop := 0; ; hop++ {
		cfg, method, ok := mediaConfig(d.Media, target, d.FileID, caption, markup)
		if !ok {
			return bot.SendResult{}, &bot.PermanentError{Reason: fmt.Sprintf("unknown media kind %q", d.Media)}
		}
		m, err := c.sendChattable(ctx, cfg)
		if e, ok := apiError(err); ok && e.Code == 400 && e.MigrateToChatID != 0 && hop < maxMigrationHops {
			c.migrated(target, e.MigrateToChatID)
			target = e.MigrateToChatID
			continue
		}
		c.holds.note(target, true, err, c.now())
		if err != nil {
			err = c.classify(method, true, err)
			var p *bot.PermanentError
			if !errors.As(err, &p) || p.Unreachable {
				return bot.SendResult{}, err
			}
			// The chat takes no such file (a group that forbids media,
			// an id Telegram no longer knows): the caption still tells
			// what arrived, as text.
			c.log.Warn("file refused, sending its caption as text", "chat", formatID(target), "row", d.ID, "err", err)
			d.Media, d.FileID, d.ChatID = "", "", formatID(target)
			res, err := c.Send(ctx, d)
			if res.ChatID == "" && target != chatID {
				res.ChatID = formatID(target)
			}
			return res, err
		}
		res := bot.SendResult{MessageIDs: []string{strconv.Itoa(m.MessageID)}}
		if target != chatID {
			res.ChatID = formatID(target)
		}
		return res, nil
	}
}

// sendChattable sends one library config, bounded by the send timeout
// like request.
func (c *Client) sendChattable(ctx context.Context, cfg tgbotapi.Chattable) (tgbotapi.Message, error) {
	rctx, cancel := context.WithTimeout(ctx, c.sendTimeout)
	defer cancel()
	m, err := c.with(rctx).Send(cfg)
	if err != nil && ctx.Err() == nil && errors.Is(rctx.Err(), context.DeadlineExceeded) {
		return m, fmt.Errorf("no answer within %s: %w", c.sendTimeout, context.DeadlineExceeded)
	}
	return m, err
}
