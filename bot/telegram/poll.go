package telegram

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/internal/platform"
)

// minPollInterval is the least time between two getUpdates calls that came
// back empty well before the poll timeout: a server (or proxy) that answers
// [] at once must not make the loop spin.
const minPollInterval = time.Second

// Poll receives updates by long polling until ctx is done, then returns
// ctx.Err(). It must be the only poller for the token, and no webhook may
// be set (Telegram answers 409 otherwise; Poll logs that and keeps trying).
//
// position is where to start: the bot.Update.Offset of the last update
// handled (as the store keeps it), or 0. It holds the next update_id to
// fetch and when the last update arrived (position.go). Updates are passed
// to h one at a time per chat, in order. The offset moves past an update
// only once h.Handle returned nil for it; if Handle fails, Poll backs off
// and fetches the same update again, so an update is never skipped (and
// may be passed more than once: h dedupes by bot.Update.ID, which names
// the message or the button press, not the update_id). Update types other
// than messages and button presses are acknowledged without calling h.
//
// Once QuietReset has passed since the last update arrived, Poll polls
// without an offset until an update is handled, so that the first update
// of a numbering Telegram starts anew after a quiet week is fetched even
// if its id is below the old offset (docs/platforms.md §1.3). A position
// stored without an arrival time counts from the start of Poll.
//
// Errors are logged and retried with exponential backoff and jitter (from
// Config.Backoff up to Config.MaxBackoff); a 429 waits retry_after.
func (c *Client) Poll(ctx context.Context, position int64, h bot.Handler) error {
	offset, last := decodePosition(position)
	if last.IsZero() {
		last = c.now()
	}
	failures := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		start, now := time.Now(), c.now()
		if offset > 0 && now.Sub(last) > QuietReset {
			c.log.Info("no update for a long time: polling without offset, as Telegram may number the next update anew",
				"last_update", last, "offset", offset)
			offset = 0
		}
		updates, err := c.getUpdates(ctx, offset)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failures++
			c.poll.failed(err, c.scrub(err).Error(), start)
			c.logPollError(err, failures)
			if !platform.Sleep(ctx, c.wait(err, failures)) {
				return ctx.Err()
			}
			continue
		}
		c.poll.succeeded()
		if len(updates) > 0 {
			last = now // when the poll began: never later than the arrival
		}
		next, err := c.handleAll(ctx, updates, offset, last, h)
		offset = next
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failures++
			c.log.Error("handle update", "offset", offset, "attempt", failures, "err", err)
			if !platform.Sleep(ctx, c.wait(err, failures)) {
				return ctx.Err()
			}
			continue
		}
		failures = 0
		if elapsed := time.Since(start); len(updates) == 0 && elapsed < c.pollTimeout/2 {
			if !platform.Sleep(ctx, minPollInterval-elapsed) {
				return ctx.Err()
			}
		}
	}
}

// handleAll passes a batch of updates, which arrived at at, to h and
// returns the offset after the longest run of handled updates (offset
// itself if there is none), with the first failure. Each chat's
// updates are handled in order; different chats are handled concurrently,
// so their commits can share a disk sync. An update handled after a failed
// one is fetched again and deduplicated by h.
func (c *Client) handleAll(ctx context.Context, updates []rawUpdate, offset int64, at time.Time, h bot.Handler) (int64, error) {
	type item struct {
		next int64
		u    bot.Update
		ok   bool // a message or button press for h
		done bool // handled, or nothing to handle
		err  error
	}
	items := make([]item, 0, len(updates))
	byChat := map[string][]int{}
	for _, raw := range updates {
		next := int64(raw.UpdateID) + 1
		if next <= offset {
			continue // already handled: the server repeated it
		}
		u, ok := c.convertRaw(raw)
		if !ok {
			c.log.Debug("ignored update type", "update_id", raw.UpdateID)
		}
		items = append(items, item{next: next, u: u, ok: ok, done: !ok})
		if ok {
			byChat[u.ChatID] = append(byChat[u.ChatID], len(items)-1)
		}
	}
	// The offset an update stores with its effects must never pass an
	// update of another chat that is still being handled: a crash after
	// that commit would make Telegram skip the unhandled one for ever.
	// So each update carries the end of the longest run of handled updates
	// that it completes, computed just before it is handled, as a position
	// with the batch's arrival (position.go); none while that run is
	// empty after a poll without offset.
	var mu sync.Mutex
	safeOffset := func(i int) int64 {
		mu.Lock()
		defer mu.Unlock()
		off := offset
		for j := range items {
			if !items[j].done && j != i {
				break
			}
			off = items[j].next
		}
		return off
	}
	var wg sync.WaitGroup
	for _, idx := range byChat {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, i := range idx {
				it := &items[i]
				if it.u.Text != "" && !it.u.IsGroup {
					go c.Typing(ctx, it.u.ChatID)
				}
				// A button press is answered (answerCallbackQuery) only
				// when it is handled here, after the chat's earlier
				// updates: its answer's text depends on handling it in
				// order, and a query is answered once. Its answer then
				// overtakes the chat's waiting replies in the outbox
				// (docs/platforms.md §1.5).
				u := it.u
				u.Offset = encodePosition(safeOffset(i), at)
				err := h.Handle(ctx, u)
				mu.Lock()
				it.err, it.done = err, err == nil
				mu.Unlock()
				if err != nil {
					return // later updates of this chat wait for the retry
				}
			}
		}()
	}
	wg.Wait()
	var firstErr error
	for _, it := range items {
		if it.err != nil && firstErr == nil {
			firstErr = it.err
		}
	}
	for _, it := range items {
		if !it.done {
			break
		}
		offset = it.next
	}
	return offset, firstErr
}

// getUpdates fetches the updates from offset on. It decodes the answer
// itself (rather than through the library's GetUpdates) to read the fields
// v5.5.1 does not know, such as message_thread_id.
func (c *Client) getUpdates(ctx context.Context, offset int64) ([]rawUpdate, error) {
	resp, err := c.with(ctx).Request(tgbotapi.UpdateConfig{
		Offset:         int(offset),
		Timeout:        int(c.pollTimeout / time.Second),
		AllowedUpdates: allowedUpdates,
	})
	if err != nil {
		return nil, err
	}
	return decodeUpdates(resp.Result)
}

// PollHealth reports whether polling works: false, with the reason, once
// getUpdates has failed without a break for longer than
// Config.PollUnhealthyAfter, or at once when its last answer was 401 (the
// token was revoked) or 409 (another process polls with this token, or a
// webhook is set). A successful poll makes it healthy again. Without Poll
// running it reports true.
func (c *Client) PollHealth() (bool, string) { return c.poll.health(time.Now()) }

// PollFailures counts the getUpdates calls that failed since the start.
func (c *Client) PollFailures() int64 { return c.poll.failures.Load() }

// pollHealth is what Poll tells PollHealth.
type pollHealth struct {
	unhealthyAfter time.Duration
	failures       atomic.Int64

	mu           sync.Mutex
	failingSince time.Time // zero while polls succeed
	lastErr      string
	fatal        string // why the last failure needs a person at once
}

// failed records a failed poll; msg is err's text without the token.
func (p *pollHealth) failed(err error, msg string, at time.Time) {
	p.failures.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.failingSince.IsZero() {
		p.failingSince = at
	}
	p.lastErr, p.fatal = msg, ""
	if e, ok := apiError(err); ok {
		switch e.Code {
		case 401:
			p.fatal = "getUpdates answered 401 Unauthorized: the bot token was revoked or is wrong"
		case 409:
			p.fatal = "getUpdates answered 409 Conflict: another process polls with this token, or a webhook is set"
		}
	}
}

func (p *pollHealth) succeeded() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.failingSince, p.lastErr, p.fatal = time.Time{}, "", ""
}

func (p *pollHealth) health(now time.Time) (bool, string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.fatal != "":
		return false, p.fatal
	case !p.failingSince.IsZero() && now.Sub(p.failingSince) > p.unhealthyAfter:
		return false, fmt.Sprintf("getUpdates has failed for %s: %s", now.Sub(p.failingSince).Round(time.Second), p.lastErr)
	}
	return true, ""
}

func (c *Client) logPollError(err error, attempt int) {
	if e, ok := apiError(err); ok && e.Code == 409 {
		c.log.Error("getUpdates conflict: another poller runs or a webhook is set",
			"attempt", attempt, "err", platform.Redact(e.Message, c.token))
		return
	}
	c.log.Warn("getUpdates", "attempt", attempt, "err", c.classify("getUpdates", false, err))
}

// wait returns how long to sleep after the attempt-th consecutive failure:
// a 429's retry_after, else exponential backoff with jitter.
func (c *Client) wait(err error, attempt int) time.Duration {
	if d := retryAfter(err); d > 0 {
		return d
	}
	return platform.Backoff(c.backoff, c.maxBackoff, attempt)
}
