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
			// A previous process may have used this chat's allowance just
			// before it died: if the chat got a message within the
			// platform's window, start empty until the window has passed.
			window := time.Duration(float64(max(burst, 1)) / float64(perChat) * float64(time.Second))
			if r.IsGroup {
				window = groupWindow
			}
			if last, err := d.cfg.Store.LastSent(ctx, r.Channel, r.ChatID); err == nil && now.Sub(last) < window {
				cautious(chat, now, last.Add(window))
			}
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
