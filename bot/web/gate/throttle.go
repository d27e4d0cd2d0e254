package gate

import (
	"net/netip"
	"sync"
	"time"
)

// Throttle defaults: every wrong password delays its answer and, for as
// long, refuses other attempts from the same address; the delay doubles
// with each failure in a row.
const (
	DefaultDelay    = 500 * time.Millisecond
	DefaultMaxDelay = 30 * time.Second
	// forgetAfter is how long after an address's last failure its count
	// restarts.
	forgetAfter = 15 * time.Minute
	// maxTracked bounds the memory one attacker with many addresses can
	// make the throttle hold.
	maxTracked = 10000
)

// Throttle slows down guessing per client address: one attempt per
// address is checked at a time, and after a failure none from that
// address until its delay has passed. Other addresses are not affected,
// so a looping client cannot lock the officers out. IPv6 clients are
// counted per /64, the block one host usually holds. The zero Throttle is
// ready to use with the default delays.
type Throttle struct {
	// Delay is the first failure's delay, MaxDelay the longest (zero:
	// the defaults).
	Delay, MaxDelay time.Duration

	mu    sync.Mutex
	addrs map[netip.Addr]*attempts
}

type attempts struct {
	checking bool
	failures int
	last     time.Time // of the last failure
	until    time.Time // no attempt is checked before this
}

// key is the unit an address is throttled by.
func key(ip netip.Addr) netip.Addr {
	if ip.Is6() && !ip.Is4In6() {
		p, _ := ip.Prefix(64)
		return p.Addr()
	}
	return ip.Unmap()
}

// Begin reports whether an attempt from ip may be checked at now; if so,
// the caller must call End(ip) when its answer, delay included, is done.
func (t *Throttle) Begin(ip netip.Addr, now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.addrs == nil {
		t.addrs = map[netip.Addr]*attempts{}
	}
	k := key(ip)
	a := t.addrs[k]
	if a == nil {
		if len(t.addrs) >= maxTracked {
			t.forget(now)
		}
		a = &attempts{}
		t.addrs[k] = a
	}
	if a.checking || now.Before(a.until) {
		return false
	}
	a.checking = true
	return true
}

// End lets the next attempt from ip in.
func (t *Throttle) End(ip netip.Addr) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if a := t.addrs[key(ip)]; a != nil {
		a.checking = false
	}
}

// Fail records a wrong password from ip at now and returns how long to
// hold the answer back: Delay, doubled with every failure in a row, at
// most MaxDelay.
func (t *Throttle) Fail(ip netip.Addr, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.addrs == nil {
		t.addrs = map[netip.Addr]*attempts{}
	}
	k := key(ip)
	a := t.addrs[k]
	if a == nil {
		a = &attempts{}
		t.addrs[k] = a
	}
	if now.Sub(a.last) > forgetAfter {
		a.failures = 0
	}
	a.failures++
	a.last = now
	first, most := t.Delay, t.MaxDelay
	if first <= 0 {
		first = DefaultDelay
	}
	if most <= 0 {
		most = DefaultMaxDelay
	}
	d := min(first<<min(a.failures-1, 16), most)
	a.until = now.Add(d)
	return d
}

// Succeed forgets ip's past failures.
func (t *Throttle) Succeed(ip netip.Addr) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if a := t.addrs[key(ip)]; a != nil {
		a.failures, a.until = 0, time.Time{}
	}
}

// forget drops addresses with nothing left to remember, and if that is
// not enough, all but those being checked: a flood of fresh addresses
// must not grow memory without bound.
func (t *Throttle) forget(now time.Time) {
	for k, a := range t.addrs {
		if !a.checking && now.After(a.until) && now.Sub(a.last) > forgetAfter {
			delete(t.addrs, k)
		}
	}
	if len(t.addrs) < maxTracked {
		return
	}
	for k, a := range t.addrs {
		if !a.checking {
			delete(t.addrs, k)
		}
	}
}
