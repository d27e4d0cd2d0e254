package telegram

import (
	"sync"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// holdGate remembers the waits Telegram asked for with a 429's
// parameters.retry_after, whatever method got it (docs/platforms.md §1.2):
// a sendChatAction refused in a chat holds that chat's messages too, and a
// 429 on a method bound to no chat holds every send. Without it the
// dispatcher, which only sees Send's errors, sent the next message to a
// chat whose typing indicator had just been refused at once, and got a
// second 429.
type holdGate struct {
	mu     sync.Mutex
	global time.Time
	chats  map[int64]time.Time
}

// note records err's retry_after, if err is a 429, for chat (0 and
// chatBound false: for every chat) from now on.
func (g *holdGate) note(chat int64, chatBound bool, err error, now time.Time) {
	wait := retryAfter(err)
	if wait <= 0 {
		return
	}
	until := now.Add(wait)
	g.mu.Lock()
	defer g.mu.Unlock()
	if !chatBound {
		if until.After(g.global) {
			g.global = until
		}
		return
	}
	if g.chats == nil {
		g.chats = map[int64]time.Time{}
	}
	if len(g.chats) >= 10000 {
		for k, t := range g.chats {
			if !now.Before(t) {
				delete(g.chats, k)
			}
		}
	}
	if until.After(g.chats[chat]) {
		g.chats[chat] = until
	}
}

// held returns the rate limit still running at now for a send to chat (0:
// a send bound to no chat), or nil when it may go.
func (g *holdGate) held(chat int64, now time.Time) *bot.RateLimitError {
	g.mu.Lock()
	defer g.mu.Unlock()
	if now.Before(g.global) {
		return &bot.RateLimitError{RetryAfter: g.global.Sub(now), Global: true}
	}
	if t, ok := g.chats[chat]; ok && chat != 0 {
		if now.Before(t) {
			return &bot.RateLimitError{RetryAfter: t.Sub(now)}
		}
		delete(g.chats, chat)
	}
	return nil
}
