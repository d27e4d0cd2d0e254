package web

import (
	"embed"
	"encoding/json"
	"log/slog"
	"net/http"
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

// WithNow sets the clock used for Update.Time (default time.Now).
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

type server struct {
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
	mux.HandleFunc("POST /api/send", s.send)
	mux.HandleFunc("GET /api/messages", s.messages)
	return secureHeaders(mux)
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
