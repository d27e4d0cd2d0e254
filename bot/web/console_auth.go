package web

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web/gate"
)

// consoleCSP allows the console's own style sheet and nothing else: its
// pages are plain HTML forms and links, without any script.
const consoleCSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// sessionCookie holds the session's secret; the store knows only its hash.
const sessionCookie = "ansinh_officer"

const (
	// maxFormBytes bounds every console form (a reply fits a phone screen
	// many times over).
	maxFormBytes = 64 << 10
	// touchEvery limits the writes that keep a session alive to one a
	// minute per session.
	touchEvery = time.Minute
)

type sessionKey struct{}

func withSession(ctx context.Context, s *bot.Session) context.Context {
	return context.WithValue(ctx, sessionKey{}, s)
}

// sessionOf is the signed-in session of a request that passed authed, or nil.
func sessionOf(r *http.Request) *bot.Session {
	s, _ := r.Context().Value(sessionKey{}).(*bot.Session)
	return s
}

// session finds the live session r's cookie names. A session that has
// expired, or whose officer left ANSINH_OFFICERS, is ended here; the cookie
// of an unknown one is cleared.
func (c *console) session(w http.ResponseWriter, r *http.Request) (*bot.Session, bool) {
	ck, err := r.Cookie(sessionCookie)
	if err != nil || ck.Value == "" {
		return nil, false
	}
	hash := bot.SecretHash(ck.Value)
	s, err := c.cfg.Sessions.Session(hash)
	if err != nil {
		if !errors.Is(err, bot.ErrNotFound) {
			c.log.Error("officer console session", "err", err)
		}
		c.setCookie(w, r, "", -1)
		return nil, false
	}
	now := c.now()
	if s.Expired(now) || !c.cfg.Officers.IsOfficer(s.Officer) {
		c.log.Info("officer console session ended", "officer", s.Officer, "expired", s.Expired(now))
		if err := c.cfg.Sessions.EndSession(hash); err != nil {
			c.log.Error("officer console end session", "err", err)
		}
		c.setCookie(w, r, "", -1)
		return nil, false
	}
	if now.Sub(s.LastSeen) >= touchEvery {
		if err := c.cfg.Sessions.TouchSession(hash, now); err != nil {
			c.log.Error("officer console touch session", "err", err)
		}
	}
	return &s, true
}

// authed admits only a signed-in officer; a POST must also carry the
// session's CSRF token in its form.
func (c *console) authed(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s, ok := c.session(w, r)
		if !ok {
			c.render(w, http.StatusUnauthorized, "login", loginPage{head: c.head("Đăng nhập", nil), Help: msgSignedOut})
			return
		}
		r = r.WithContext(withSession(r.Context(), s))
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
			if err := r.ParseForm(); err != nil {
				c.fail(w, r, http.StatusBadRequest, msgBadCSRF)
				return
			}
			if !gate.SameSecret(r.PostForm.Get("csrf"), s.CSRF) {
				c.log.Warn("officer console form without a valid CSRF token", "officer", s.Officer, "path", r.URL.Path)
				c.fail(w, r, http.StatusForbidden, msgBadCSRF)
				return
			}
		}
		next(w, r)
	}
}

// loginPage shows a button that posts the link's secret: opening the link
// (or a chat app fetching it for a preview) uses nothing up.
func (c *console) loginPage(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("t")
	if t == "" {
		c.render(w, http.StatusUnauthorized, "login", loginPage{head: c.head("Đăng nhập", nil), Help: msgSignInHelp})
		return
	}
	c.render(w, http.StatusOK, "signin", signInPage{head: c.head("Đăng nhập", nil), Secret: t})
}

// loginPost redeems a sign-in link and starts a session. Wrong secrets are
// throttled per client address.
func (c *console) loginPost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		c.loginFailed(w, http.StatusBadRequest, msgLinkUnknown)
		return
	}
	// Throttling runs on the real clock: WithNow's may stand still.
	client, _ := c.gate.Client(r)
	if !c.login.Begin(client, time.Now()) {
		c.log.Warn("officer console sign-in throttled", "remote", r.RemoteAddr)
		c.loginFailed(w, http.StatusTooManyRequests, msgThrottled)
		return
	}
	defer c.login.End(client)
	now := c.now()
	fresh, secret, err := bot.NewSession("", now)
	if err == nil {
		// The link's secret is never logged, right or wrong.
		fresh, err = c.cfg.Sessions.SignIn(bot.SecretHash(r.PostForm.Get("t")), fresh, now)
	}
	if err == nil && !c.cfg.Officers.IsOfficer(fresh.Officer) {
		_ = c.cfg.Sessions.EndSession(fresh.Hash)
		err = bot.ErrNotOfficer
	}
	if err != nil {
		msg, status := msgLinkUnknown, http.StatusForbidden
		switch {
		case errors.Is(err, bot.ErrLinkUsed):
			msg = msgLinkUsed
		case errors.Is(err, bot.ErrLinkExpired):
			msg = msgLinkExpired
		case errors.Is(err, bot.ErrNotFound), errors.Is(err, bot.ErrNotOfficer):
		default:
			c.log.Error("officer console sign-in", "err", err)
			msg, status = msgActFailed, http.StatusInternalServerError
		}
		d := c.login.Fail(client, time.Now())
		c.log.Warn("officer console sign-in refused", "remote", r.RemoteAddr, "reason", err, "delay", d)
		pause(r.Context(), d)
		c.loginFailed(w, status, msg)
		return
	}
	c.login.Succeed(client)
	c.log.Info("officer console sign-in", "officer", fresh.Officer, "remote", r.RemoteAddr)
	c.setCookie(w, r, secret, 0)
	http.Redirect(w, r, consolePath, http.StatusSeeOther)
}

func (c *console) loginFailed(w http.ResponseWriter, status int, msg string) {
	c.render(w, status, "login", loginPage{head: c.head("Đăng nhập", nil), Error: msg, Help: msgSignInHelp})
}

// logout ends this browser's session.
func (c *console) logout(w http.ResponseWriter, r *http.Request) {
	s := sessionOf(r)
	if err := c.cfg.Sessions.EndSession(s.Hash); err != nil {
		c.log.Error("officer console sign-out", "err", err)
		c.fail(w, r, http.StatusInternalServerError, msgActFailed)
		return
	}
	c.log.Info("officer console sign-out", "officer", s.Officer)
	c.setCookie(w, r, "", -1)
	http.Redirect(w, r, consolePath, http.StatusSeeOther)
}

// setCookie gives the browser the session cookie: HttpOnly, SameSite
// Strict, limited to the console's path, ending with the browser session
// (the server ends it after 8 idle hours). Secure when the public URL is
// https or the request came over TLS; on plain http://127.0.0.1 a Secure
// cookie would be dropped.
func (c *console) setCookie(w http.ResponseWriter, r *http.Request, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{
		Name:     sessionCookie,
		Value:    value,
		Path:     consolePath,
		MaxAge:   maxAge,
		HttpOnly: true,
		Secure:   c.secure || r.TLS != nil,
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
// requests to this server's Host names, from this machine unless a public
// URL is configured, then only same-origin form posts.
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
		if err := c.gate.Admit(r, !c.public); err != nil {
			c.refuse(w, r, err.Error(), msgConsoleLocalOnly)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// refuse answers 403 with a plain Vietnamese page and logs why.
func (c *console) refuse(w http.ResponseWriter, r *http.Request, reason, msg string) {
	c.log.Warn("officer console request refused", "reason", reason, "remote", r.RemoteAddr,
		"method", r.Method, "path", r.URL.Path)
	c.render(w, http.StatusForbidden, "error", errorPage{head: c.head("Không được phép", nil), Message: msg})
}
