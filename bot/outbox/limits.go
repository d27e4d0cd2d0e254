package outbox

import (
	"context"
	"math"
	"time"

	"golang.org/x/time/rate"

	"github.com/bacninh/ansinh/bot"
)

// Limits are a channel's sending limits. A zero rate means unlimited.
type Limits struct {
	Global        rate.Limit // messages per second across all chats
	GlobalBurst   int
	PerChat       rate.Limit // messages per second to one chat
	PerChatBurst  int
	PerGroup      rate.Limit // messages per second to one group chat
	PerGroupBurst int
}

// TelegramLimits stay under Telegram's published guidance: about 30 msg/s
// in total, 1 msg/s per chat with short bursts, 20 msg/min per group.
//
// A token bucket allows its burst plus rate×T in any window T, so the group
// bucket (17/min, burst 3) stays within 20 in any minute and the global one
// (25/s, burst 3) within 30 in any second. The per-chat rate keeps a 10%
// margin: a token is taken when a send starts, a few milliseconds before
// Telegram counts it.
var TelegramLimits = Limits{
	Global: 25, GlobalBurst: 3,
	PerChat: 0.9, PerChatBurst: 3,
	PerGroup: rate.Limit(17.0 / 60), PerGroupBurst: 3,
}

// ZaloLimits are cautious: Zalo publishes no send rate for the Bot
// Platform; a third-party guide quotes about 20 requests/s for OA sends.
var ZaloLimits = Limits{Global: 15, GlobalBurst: 3, PerChat: 1, PerChatBurst: 3}

// groupWindow is the span Telegram's group limit counts over.
const groupWindow = time.Minute

// reserve takes a token from the row's limiters, or returns how long to
// wait without taking any.
func (d *Dispatcher) reserve(ctx context.Context, r bot.Delivery, now time.Time) time.Duration {
	if r.Kind == bot.KindAck {
		return 0 // answering a button press is not a message to the chat
	}
	l, ok := d.cfg.Limits[r.Channel]
	if !ok {
		return 0
	}
	ck := r.Channel + ":" + r.ChatID
	d.mu.Lock()
	defer d.mu.Unlock()
	var chat *rate.Limiter
	perChat, burst := l.PerChat, l.PerChatBurst
	if r.IsGroup && l.PerGroup > 0 {
		perChat, burst = l.PerGroup, l.PerGroupBurst
	}
	if perChat > 0 {
		chat = d.perChat[ck]
		if chat == nil {
			if len(d.perChat) > 50000 {
				d.gcLimiters(now)
			}
			chat = rate.NewLimiter(perChat, max(burst, 1))
			d.resume(ctx, chat, r, now)
			d.perChat[ck] = chat
		}
	}
	var rs []*rate.Reservation
	for _, lim := range []*rate.Limiter{chat, d.global[r.Channel]} {
		if lim == nil {
			continue
		}
		res := lim.ReserveN(now, 1)
		if delay := res.DelayFrom(now); delay > 0 {
			res.CancelAt(now)
			for _, prev := range rs {
				prev.CancelAt(now)
			}
			if lim == chat {
				d.readyAt[ck] = now.Add(delay)
			}
			return delay
		}
		rs = append(rs, res)
	}
	return 0
}

// resume gives a chat's new limiter what a previous process left of its
// allowance. The sends the store recorded within the platform's window
// (a group's minute, a private chat's burst/rate) are replayed: the bucket
// is taken as full at the window's start, which any bucket of these
// parameters is after a whole window, and each send takes its token, so
// the sends before and after the restart together stay within burst +
// rate×T in any span T, as without a restart (20 a minute in a Telegram
// group). Only when the store kept no times (a database written before
// they were kept) but the chat got a message within the window does the
// limiter start empty until the window has passed.
func (d *Dispatcher) resume(ctx context.Context, lim *rate.Limiter, r bot.Delivery, now time.Time) {
	window := time.Duration(float64(lim.Burst()) / float64(lim.Limit()) * float64(time.Second))
	if r.IsGroup {
		window = groupWindow
	}
	sends, err := d.cfg.Store.RecentSends(ctx, r.Channel, r.ChatID, now.Add(-window))
	if err != nil {
		sends = nil
	}
	replayed := false
	for _, at := range sends {
		if at.After(now) {
			at = now // a clock that stepped back: the send counts now
		}
		lim.ReserveN(at, 1)
		replayed = true
	}
	if replayed {
		return
	}
	if last, err := d.cfg.Store.LastSent(ctx, r.Channel, r.ChatID); err == nil && now.Sub(last) < window {
		cautious(lim, now, last.Add(window))
	}
}

// cautious empties lim and, when until is later than now, keeps it empty
// until then: it reserves every token the bucket could hold by until.
func cautious(lim *rate.Limiter, now, until time.Time) {
	if !now.Before(until) {
		return
	}
	n := lim.Burst() + int(math.Ceil(float64(lim.Limit())*until.Sub(now).Seconds()))
	for range n {
		lim.ReserveN(now, 1)
	}
}

// gcLimiters forgets per-chat limiters that are full again (idle chats).
func (d *Dispatcher) gcLimiters(now time.Time) {
	for k, lim := range d.perChat {
		if lim.TokensAt(now) >= float64(lim.Burst()) {
			delete(d.perChat, k)
		}
	}
}
