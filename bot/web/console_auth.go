package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"
)

// consoleCSP allows the console's own style sheet and nothing else: its
// pages are plain HTML forms and links, without any script.
const consoleCSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// The session cookie holds an HMAC of sessionLabel keyed by the admin
// token: only someone who knew the token can have it, and it gives the
// token itself away to no one who reads the cookie jar. serve writes a new
// token at every start, which ends every session.
const (
	sessionCookie = "ansinh_officer"
	sessionLabel  = "ansinh officer console session v1"
)

// Login throttling. Every wrong token delays its answer and, for as long,
// refuses other attempts; the delay doubles with each failure in a row.
const (
	loginDelay    = 500 * time.Millisecond
	maxLoginDelay = 30 * time.Second
	// forgetFailures is how long after the last failure the count restarts.
	forgetFailures = 15 * time.Minute
	maxLoginBytes  = 4 << 10
)

// sessionValue is the cookie value for token, or "" for an empty token,
// which never logs anyone in.
func sessionValue(token string) string {
	if token == "" {
		return ""
	}
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte(sessionLabel))
	return hex.EncodeToString(m.Sum(nil))
}

// loggedIn reports whether r carries the session cookie.
func (c *console) loggedIn(r *http.Request) bool {
	if c.session == "" {
		return false
	}
	ck, err := r.Cookie(sessionCookie)
	return err == nil && hmac.Equal([]byte(ck.Value), []byte(c.session))
}

// tokenMatches compares the presented token with the admin token in
// constant time. Hashing both first keeps the token's length out of the
// timing too.
func (c *console) tokenMatches(presented string) bool {
	if c.token == "" {
		return false
	}
	a, b := sha256.Sum256([]byte(presented)), sha256.Sum256([]byte(c.token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// setSession gives the browser the session cookie: HttpOnly, SameSite
// Strict, limited to the console's path, and ending with the browser
// session. Secure only over TLS: the console normally runs on plain
// http://127.0.0.1, where a Secure cookie may be dropped.
func (c *console) setSession(w http.ResponseWriter, r *http.Request, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    value,
		Path:     consolePath,
		MaxAge:   maxAge,
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteStrictMode,
	})
}

// loginThrottle slows down guessing the token for the whole process: one
// attempt is checked at a time, and after a failure none until its delay
// has passed. The token has 256 random bits, so this is a second line of
// defence, sized not to bother an officer who mistypes.
type loginThrottle struct {
	mu       sync.Mutex
	checking bool
	failures int
	last     time.Time // of the last failure
	until    time.Time // no attempt is checked before this
}

// begin reports whether an attempt may be checked at now; if so, the
// caller must call end when its answer, delay included, is done.
func (t *loginThrottle) begin(now time.Time) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.checking || now.Before(t.until) {
		return false
	}
	t.checking = true
	return true
}

// end lets the next attempt in.
func (t *loginThrottle) end() {
	t.mu.Lock()
	t.checking = false
	t.mu.Unlock()
}

// fail records a wrong token at now and returns how long to hold the
// answer back: loginDelay, doubled with every failure in a row, at most
// maxLoginDelay.
func (t *loginThrottle) fail(now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	if now.Sub(t.last) > forgetFailures {
		t.failures = 0
	}
	t.failures++
	t.last = now
	d := min(loginDelay<<min(t.failures-1, 10), maxLoginDelay)
	t.until = now.Add(d)
	return d
}

// succeed forgets past failures.
func (t *loginThrottle) succeed() {
	t.mu.Lock()
	t.failures, t.until = 0, time.Time{}
	t.mu.Unlock()
}

// pause waits for d or until ctx ends.
func pause(ctx context.Context, d time.Duration) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
	case <-ctx.Done():
	}
}

// guard sets the console's headers on every answer and admits only
// requests straight from this machine, then only same-origin form posts.
func (c *console) guard(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.refuse(w, r, "cross-origin request", msgConsoleCrossSite)
	}))
	next = cop.Handler(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", consoleCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-store")
		if !fromLoopback(r) {
			c.refuse(w, r, "not from loopback", msgConsoleLocalOnly)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// refuse answers 403 with a plain Vietnamese page and logs why.
func (c *console) refuse(w http.ResponseWriter, r *http.Request, reason, msg string) {
	c.log.Warn("officer console request refused", "reason", reason, "remote", r.RemoteAddr,
		"method", r.Method, "path", r.URL.Path)
	c.render(w, http.StatusForbidden, "error", errorPage{head: head{Title: "Không được phép"}, Message: msg})
}

// fromLoopback reports whether r comes straight from this machine. A
// request that a reverse proxy forwarded also arrives from loopback, so
// one carrying forwarding headers is treated as remote.
func fromLoopback(r *http.Request) bool {
	for _, h := range []string{"Forwarded", "X-Forwarded-For", "X-Real-Ip"} {
		if _, ok := r.Header[h]; ok {
			return false
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// safeNext returns where to go after logging in: next if it is a path of
// the console on this host, else the ticket list. Anything else could send
// the officer to another site.
func safeNext(next string) string {
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil ||
		strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") ||
		(u.Path != consolePath && !strings.HasPrefix(u.Path, consolePath+"/")) {
		return consolePath
	}
	return next
}
