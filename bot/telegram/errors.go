package telegram

import (
	"errors"
	"fmt"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// apiError returns the Bot API error inside err, if the server answered
// with an {"ok":false} envelope.
func apiError(err error) (*tgbotapi.Error, bool) {
	var e *tgbotapi.Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// unreachableFragments are 400 descriptions meaning the recipient can never
// be reached by this bot. Telegram warns that codes may change, so we match
// on the description as well.
var unreachableFragments = []string{
	"chat not found",
	"peer_id_invalid",
	"user not found",
	"group chat was upgraded",
}

// classify maps an error from method onto the domain errors. chatBound
// tells whether the method addresses one chat: Telegram does not say which
// limit a 429 hit, so a 429 on a chat-bound method is taken as per-chat and
// any other as global.
func (c *Client) classify(method string, chatBound bool, err error) error {
	if err == nil {
		return nil
	}
	e, ok := apiError(err)
	if !ok {
		return fmt.Errorf("telegram %s: %w", method, c.scrub(err))
	}
	desc := platform.Redact(e.Message, c.token)
	low := strings.ToLower(desc)
	switch {
	case e.Code == 429:
		retry := time.Duration(e.RetryAfter) * time.Second
		if retry <= 0 {
			retry = time.Second
		}
		return &bot.RateLimitError{RetryAfter: retry, Global: !chatBound}
	case e.Code == 403:
		return &bot.PermanentError{Reason: desc, Unreachable: true}
	case e.Code == 400 && e.MigrateToChatID != 0:
		return &bot.PermanentError{
			Reason:      fmt.Sprintf("%s (migrated to chat %d)", desc, e.MigrateToChatID),
			Unreachable: true,
		}
	case e.Code == 400 && containsAny(low, unreachableFragments):
		return &bot.PermanentError{Reason: desc, Unreachable: true}
	case e.Code == 400:
		return &bot.PermanentError{Reason: desc}
	}
	return fmt.Errorf("telegram %s: %d %s", method, e.Code, desc)
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// retryAfter returns the wait a 429 asks for, or 0 for any other error.
func retryAfter(err error) time.Duration {
	if e, ok := apiError(err); ok && e.Code == 429 {
		if e.RetryAfter <= 0 {
			return time.Second
		}
		return time.Duration(e.RetryAfter) * time.Second
	}
	return 0
}

// cantParse reports whether err is Telegram refusing a message's
// formatting ("Bad Request: can't parse entities: …").
func cantParse(err error) bool {
	e, ok := apiError(err)
	return ok && e.Code == 400 && strings.Contains(strings.ToLower(e.Message), "can't parse entities")
}

// topicGone reports whether err is Telegram refusing a message for its
// forum topic: deleted ("message thread not found", TOPIC_DELETED) or
// closed (TOPIC_CLOSED).
func topicGone(err error) bool {
	e, ok := apiError(err)
	if !ok || e.Code != 400 {
		return false
	}
	low := strings.ToLower(e.Message)
	return strings.Contains(low, "thread not found") || strings.Contains(low, "topic_closed") || strings.Contains(low, "topic_deleted")
}
