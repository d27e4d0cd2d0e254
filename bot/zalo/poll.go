package zalo

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// minPollInterval is the least time between two getUpdates calls that came
// back empty well before the poll timeout: a server (or proxy) that answers
// at once with nothing must not make the loop spin.
const minPollInterval = time.Second

// Poll receives updates by long polling until ctx is done, then returns
// ctx.Err(). It is meant for local use: the platform calls polling a
// development mode, polling and a webhook are mutually exclusive (call
// DeleteWebhook first), and it must be the only poller for the token.
//
// The Bot Platform has no offset and no acknowledgement (docs/platforms.md §3.2):
// getUpdates hands out an update once and forgets it. The offset argument
// is therefore ignored (it is there so that Poll matches the Telegram
// adapter's, and bot.Update.Offset stays 0), and
// delivery is at most once: Poll keeps an update it fetched in memory and
// retries h.Handle with backoff until it succeeds, but an update in flight
// when ctx ends, or when the process dies, is lost. Use the webhook in
// production.
//
// Errors are logged and retried with exponential backoff and jitter (from
// Config.Backoff up to Config.MaxBackoff); a 429 waits its retry time. A
// 408 is the platform's "nothing new" and not an error.
func (c *Client) Poll(ctx context.Context, _ int64, h bot.Handler) error {
	failures := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		updates, err := c.getUpdates(ctx)
		if err != nil && !isIdle(err) {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failures++
			c.log.Warn("getUpdates", "attempt", failures, "err", c.classify("getUpdates", false, err))
			if !platform.Sleep(ctx, c.wait(err, failures)) {
				return ctx.Err()
			}
			continue
		}
		failures = 0
		for _, raw := range updates {
			if err := c.deliver(ctx, raw, h); err != nil {
				return err
			}
		}
		if elapsed := time.Since(start); len(updates) == 0 && elapsed < c.pollTimeout/2 {
			if !platform.Sleep(ctx, minPollInterval-elapsed) {
				return ctx.Err()
			}
		}
	}
}

// getUpdates long-polls once. The timeout is documented as a string of
// seconds (docs/platforms.md §3.2).
func (c *Client) getUpdates(ctx context.Context) ([]json.RawMessage, error) {
	var result json.RawMessage
	secs := max(int(c.pollTimeout/time.Second), 1)
	if err := c.call(ctx, "getUpdates", map[string]string{"timeout": strconv.Itoa(secs)}, &result); err != nil {
		return nil, err
	}
	return decodeUpdates(result)
}

// deliver passes one fetched update to h, retrying until h accepts it: the
// platform will not hand it out again. It returns only ctx's error.
func (c *Client) deliver(ctx context.Context, raw json.RawMessage, h bot.Handler) error {
	w, err := parseEvent(raw)
	if err != nil {
		c.log.Warn("getUpdates: undecodable update dropped", "err", err)
		return nil
	}
	u, ok := c.convert(w, raw)
	if !ok {
		c.log.Info("update ignored: no message, chat or human sender", "event", w.EventName)
		return nil
	}
	for attempt := 1; ; attempt++ {
		err := h.Handle(ctx, u)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			c.log.Error("update lost: shutdown before it was handled", "update", u.ID, "chat", u.ChatID)
			return ctx.Err()
		}
		c.log.Error("handle update", "update", u.ID, "attempt", attempt, "err", err)
		if !platform.Sleep(ctx, c.wait(err, attempt)) {
			c.log.Error("update lost: shutdown before it was handled", "update", u.ID, "chat", u.ChatID)
			return ctx.Err()
		}
	}
}

// wait returns how long to sleep after the attempt-th consecutive failure:
// a 429's retry time, else exponential backoff with jitter.
func (c *Client) wait(err error, attempt int) time.Duration {
	if d := retryAfter(err); d > 0 {
		return d
	}
	return platform.Backoff(c.backoff, c.maxBackoff, attempt)
}
