package telegramtest

import (
	"math"
	"time"
)

// Limits are the rate limits sendMessage enforces, after Telegram's Bot
// FAQ. An over-limit call is answered 429 with retry_after and counted in
// Violations. A zero field disables that limit.
type Limits struct {
	// PerChatBurst messages may reach one chat at once (token bucket)...
	PerChatBurst int
	// ...then one message per PerChatEvery.
	PerChatEvery time.Duration
	// PerGroupPerMinute bounds messages to one group (negative chat id) in
	// any 60-second window.
	PerGroupPerMinute int
	// GlobalPerSecond bounds messages to all chats in any 1-second window.
	GlobalPerSecond int
}

// DefaultLimits are Telegram's published guidelines: about 1 message per
// second per chat (bursts of 3 allowed here), 20 per minute per group, 30
// per second in total.
var DefaultLimits = Limits{PerChatBurst: 3, PerChatEvery: time.Second, PerGroupPerMinute: 20, GlobalPerSecond: 30}

// WithLimits replaces DefaultLimits.
func WithLimits(l Limits) Option { return func(s *Server) { s.limits = l } }

// WithoutLimits turns rate limiting off.
func WithoutLimits() Option { return func(s *Server) { s.limits = Limits{} } }

// Violations returns how many sendMessage calls were refused for going over
// a rate limit.
func (s *Server) Violations() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rate.violations
}

type bucket struct {
	tokens float64
	last   time.Time
}

// wait refills b and returns how long until it holds a whole token.
func (b *bucket) wait(burst int, every time.Duration, now time.Time) time.Duration {
	if b.last.IsZero() {
		b.tokens, b.last = float64(burst), now
	}
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = math.Min(float64(burst), b.tokens+float64(elapsed)/float64(every))
		b.last = now
	}
	if b.tokens >= 1 {
		return 0
	}
	return time.Duration((1 - b.tokens) * float64(every))
}

// window is a sliding-window log of send times.
type window []time.Time

// wait drops entries older than span and returns how long until fewer
// than n remain.
func (w *window) wait(n int, span time.Duration, now time.Time) time.Duration {
	i := 0
	for i < len(*w) && now.Sub((*w)[i]) >= span {
		i++
	}
	*w = (*w)[i:]
	if len(*w) < n {
		return 0
	}
	return (*w)[len(*w)-n].Add(span).Sub(now)
}

type rateState struct {
	chats      map[int64]*bucket
	groups     map[int64]*window
	global     window
	violations int
}

func newRateState() rateState {
	return rateState{chats: make(map[int64]*bucket), groups: make(map[int64]*window)}
}

// take admits one message to chatID at now, or reports the retry_after
// (whole seconds, at least 1) of the tightest limit it would break. The
// caller holds s.mu.
func (r *rateState) take(l Limits, chatID int64, now time.Time) (int, bool) {
	var wait time.Duration
	var b *bucket
	if l.PerChatBurst > 0 && l.PerChatEvery > 0 {
		if b = r.chats[chatID]; b == nil {
			b = &bucket{}
			r.chats[chatID] = b
		}
		wait = max(wait, b.wait(l.PerChatBurst, l.PerChatEvery, now))
	}
	var g *window
	if l.PerGroupPerMinute > 0 && chatID < 0 {
		if g = r.groups[chatID]; g == nil {
			g = &window{}
			r.groups[chatID] = g
		}
		wait = max(wait, g.wait(l.PerGroupPerMinute, time.Minute, now))
	}
	if l.GlobalPerSecond > 0 {
		wait = max(wait, r.global.wait(l.GlobalPerSecond, time.Second, now))
	}
	if wait > 0 {
		r.violations++
		return int(max(1, math.Ceil(wait.Seconds()))), true
	}
	if b != nil {
		b.tokens--
	}
	if g != nil {
		*g = append(*g, now)
	}
	if l.GlobalPerSecond > 0 {
		r.global = append(r.global, now)
	}
	return 0, false
}
