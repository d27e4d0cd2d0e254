package zalo

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// DefaultRetryAfter is the wait reported for a 429 that names none: Zalo
// publishes no rate figures (docs/platforms.md §3.4), so we wait longer than
// Telegram's usual second.
const DefaultRetryAfter = 5 * time.Second

// Error codes of the Bot Platform envelope (docs/platforms.md §3.1).
const (
	codeUnauthorized = 401 // bad token
	codeForbidden    = 403 // read by clients as an authentication failure too
	codeIdle         = 408 // a long poll ended with nothing new
	codeRateLimited  = 429
)

// unreachableFragments are error descriptions meaning the recipient can
// never be reached by this bot. Zalo does not document the wording for a
// blocked or unknown user (uncertain, needs a live account), so we match
// loosely, on 400 and 403 answers in the platform's own envelope (a proxy's
// "404 Not Found" page must not make every user unreachable; it is not
// even permanent, see classify).
var unreachableFragments = []string{
	"block",
	"not found",
	"not exist",
	"unfollow",
	"invalid chat",
	"chat_id is invalid",
	"user is deactivated",
	"banned",
}

// classify maps an error from method onto the domain errors. chatBound
// tells whether the method addresses one chat: Zalo does not say which
// limit a 429 hit, so a 429 is taken as global unless the method is
// chat-bound.
//
// A 401 means the bot token is wrong: every send would fail the same way,
// so it stays a temporary error (the outbox retries, the log shouts) rather
// than a permanent one that would drop every row. Clients of the platform
// treat a 403 as an authentication failure as well (docs/platforms.md
// §3.1), so a 403 that names no blocked or unknown recipient is temporary
// too; before session 72 it dropped the reply. A 408 is a timeout, also
// temporary.
//
// Only the platform's own envelope ({"ok":false,...}) can make a failure
// permanent. An error status without it came from something in front of
// the platform (a CDN's "403 Forbidden" page, a proxy's 404, a gateway's
// plain-text 400): it says nothing about the message or the recipient, so
// it is temporary and the outbox retries with its backoff. A 429 stays a
// rate limit whoever sent it.
func (c *Client) classify(method string, chatBound bool, err error) error {
	if err == nil {
		return nil
	}
	var e *apiError
	if !errors.As(err, &e) {
		return c.scrub(err)
	}
	low := strings.ToLower(e.description)
	switch {
	case e.code == codeRateLimited:
		retry := e.retryAfter
		if retry <= 0 {
			retry = DefaultRetryAfter
		}
		return &bot.RateLimitError{RetryAfter: retry, Global: !chatBound}
	case e.code == codeUnauthorized, e.code == codeIdle:
		return fmt.Errorf("zalo %s: %d %s", method, e.code, e.description)
	case !e.envelope:
		return fmt.Errorf("zalo %s: HTTP %d %s, not the platform's answer (a proxy or gateway in between?)", method, e.code, e.description)
	case (e.code == 400 || e.code == codeForbidden) && containsAny(low, unreachableFragments):
		return &bot.PermanentError{Reason: e.description, Unreachable: true}
	case e.code == codeForbidden:
		return fmt.Errorf("zalo %s: %d %s (authentication failure?)", method, e.code, e.description)
	case e.code >= 400 && e.code < 500:
		reason := e.description
		if reason == "" {
			reason = fmt.Sprintf("%s: error %d", method, e.code)
		}
		return &bot.PermanentError{Reason: reason}
	}
	return fmt.Errorf("zalo %s: %d %s", method, e.code, e.description)
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
	var e *apiError
	if errors.As(err, &e) && e.code == codeRateLimited {
		if e.retryAfter <= 0 {
			return DefaultRetryAfter
		}
		return e.retryAfter
	}
	return 0
}

// isIdle reports a long poll that ended with no update.
func isIdle(err error) bool {
	var e *apiError
	return errors.As(err, &e) && e.code == codeIdle
}
