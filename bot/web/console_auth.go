package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
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

// maxLoginBytes bounds a login form.
const maxLoginBytes = 4 << 10

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
		if !c.gate.Local(r) {
			c.refuse(w, r, "not from loopback", msgConsoleLocalOnly)
			return
		}
		if !c.gate.HostAllowed(r) {
			c.refuse(w, r, "host not served", msgConsoleLocalOnly)
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
