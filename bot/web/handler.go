package web

import (
	"embed"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web/gate"
)

// DefaultPollTimeout is how long GET /api/messages waits for a message
// before answering with an empty list.
const DefaultPollTimeout = 25 * time.Second

// contentSecurityPolicy allows nothing but this origin's own script, style
// sheet and API: the page needs no external resource.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; " +
	"frame-ancestors 'none'"

//go:embed assets
var assets embed.FS

// Option configures Handler.
type Option func(*server)

// WithPollTimeout sets how long a long poll waits (default
// DefaultPollTimeout). Tests use a short one.
func WithPollTimeout(d time.Duration) Option {
	return func(s *server) {
		if d > 0 {
			s.pollTimeout = d
		}
	}
}

// WithNow sets the clock used for Update.Time and the Public mode's
// per-address limits (default time.Now).
func WithNow(now func() time.Time) Option {
	return func(s *server) {
		if now != nil {
			s.now = now
		}
	}
}

// WithLogger sets where failures to handle an update are logged (default
// slog.Default()).
func WithLogger(l *slog.Logger) Option {
	return func(s *server) {
		if l != nil {
			s.log = l
		}
	}
}

// WithGate sets who counts as local and which Host names are this server
// (default: no trusted proxy, loopback names only). serve builds it from
// ANSINH_TRUSTED_PROXIES, ANSINH_PUBLIC_URL and ANSINH_HTTP.
func WithGate(g *gate.Policy) Option {
	return func(s *server) {
		if g != nil {
			s.gate = g
		}
	}
}

// Access is who may use the web chat (ANSINH_WEBCHAT). Its clients name
// their own chat, so anyone who reaches it can write as any web user and
// open tickets: on a public address it must be a deliberate choice.
type Access int

const (
	// Local admits only clients on this machine (see WithGate), and only
	// with this server's own Host names. The default.
	Local Access = iota
	// Public admits anyone, each address limited to PublicSendsPerMinute
	// messages and PublicPollsPerMinute polls.
	Public
)

// Per-address limits of a Public web chat. A page polls again as soon as
// a reply arrives or its long poll ends, so a person stays far below them.
const (
	PublicSendsPerMinute = 20
	PublicSendBurst      = 10
	PublicPollsPerMinute = 60
	PublicPollBurst      = 20
)

// WithAccess sets who may use the web chat (default Local).
func WithAccess(a Access) Option { return func(s *server) { s.access = a } }

type server struct {
	access      Access
	sends       gate.Rate
	polls       gate.Rate
	gate        *gate.Policy
	h           bot.Handler
	mb          *Mailbox
	pollTimeout time.Duration
	now         func() time.Time
	log         *slog.Logger
}

// Handler returns the web chat's HTTP handler: the page, its static files
// and the JSON API (see the package documentation). Messages the page sends
// go to h; replies are read from mb, which the outbox dispatcher fills.
func Handler(h bot.Handler, mb *Mailbox, opts ...Option) http.Handler {
	s := &server{h: h, mb: mb, pollTimeout: DefaultPollTimeout, now: time.Now, log: slog.Default(), gate: gate.New(nil)}
	for _, o := range opts {
		o(s)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", asset("assets/index.html", "text/html; charset=utf-8"))
	mux.Handle("GET /static/chat.js", asset("assets/chat.js", "text/javascript; charset=utf-8"))
	mux.Handle("GET /static/chat.css", asset("assets/chat.css", "text/css; charset=utf-8"))
	mux.HandleFunc("POST /api/send", s.limited(&s.sends, s.send))
	mux.HandleFunc("GET /api/messages", s.limited(&s.polls, s.messages))
	s.sends = gate.Rate{PerMinute: PublicSendsPerMinute, Burst: PublicSendBurst}
	s.polls = gate.Rate{PerMinute: PublicPollsPerMinute, Burst: PublicPollBurst}
	return secureHeaders(s.admit(mux))
}

// admit refuses, in Local mode, clients not on this machine or requests
// for another Host.
func (s *server) admit(next http.Handler) http.Handler {
	if s.access != Local {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := s.gate.Admit(r, true); err != nil {
			s.log.Warn("web chat request refused", "reason", err.Error(), "remote", r.RemoteAddr, "path", r.URL.Path)
			if strings.HasPrefix(r.URL.Path, "/api/") {
				writeError(w, http.StatusForbidden, msgLocalOnly)
				return
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusForbidden)
			_, _ = w.Write([]byte(msgLocalOnly + "\n"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limited applies l per client address in Public mode.
//
// A message refused here is not read, handled or logged: the 429 tells the
// page it was not received, and the page shows "Chưa gửi được, đang thử
// lại…" and sends it again, with the same id, until it is (chat.js
// deliver), so what the citizen wrote reaches the engine, and bbolt, once.
// Logging the refused body would keep nothing the retry does not, and
// would give a flood from one address (the web chat's users choose their
// own chat ids) the very disk writes the limit is there to spare; the
// refusal itself is logged, without the text (docs/architecture.md §7).
func (s *server) limited(l *gate.Rate, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.access == Public {
			client, ok := s.gate.Client(r)
			if !ok || !l.Allow(client, s.now()) {
				s.log.Warn("web chat request throttled", "remote", r.RemoteAddr, "path", r.URL.Path)
				w.Header().Set("Retry-After", "10")
				writeError(w, http.StatusTooManyRequests, msgTooManyRequests)
				return
			}
		}
		next(w, r)
	}
}

// asset serves one embedded file. Reading it here, not per request, makes a
// missing file fail at startup.
func asset(name, contentType string) http.Handler {
	body, err := assets.ReadFile(name)
	if err != nil {
		panic("web: missing embedded asset " + name)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(body)
	})
}

func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

type errorResponse struct {
	Error string `json:"error"`
}

// writeJSON writes v with status. Encoding errors are ignored: by then the
// status line is sent and the client has gone or will retry.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers with a Vietnamese message the page can show as is.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorResponse{Error: msg})
}
