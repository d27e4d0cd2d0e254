package gate

import (
	"net/netip"
	"sync"
	"time"
)

// Rate limits requests per client address with a token bucket each:
// Burst at once, then PerMinute. IPv6 clients are counted per /64. It
// tracks at most 50,000 addresses; beyond that it forgets those whose
// bucket is full again. The zero Rate allows everything.
type Rate struct {
	PerMinute float64
	Burst     int

	mu      sync.Mutex
	buckets map[netip.Addr]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

const maxRateTracked = 50000

// Allow takes one request from ip's allowance at now and reports whether
// there was one.
func (l *Rate) Allow(ip netip.Addr, now time.Time) bool {
	if l.PerMinute <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets = map[netip.Addr]*bucket{}
	}
	k := key(ip)
	b := l.buckets[k]
	if b == nil {
		if len(l.buckets) >= maxRateTracked {
			l.forgetFull(now)
		}
		b = &bucket{tokens: float64(max(l.Burst, 1)), at: now}
		l.buckets[k] = b
	}
	if now.After(b.at) {
		b.tokens = min(float64(max(l.Burst, 1)), b.tokens+now.Sub(b.at).Minutes()*l.PerMinute)
		b.at = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// forgetFull drops the buckets that have refilled: forgetting them changes
// nothing.
func (l *Rate) forgetFull(now time.Time) {
	full := float64(max(l.Burst, 1))
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.at).Minutes()*l.PerMinute >= full {
			delete(l.buckets, k)
		}
	}
}
