package zalotest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Defaults of a new Server.
const (
	DefaultToken   = "1234567890123456789:FakeZaloBotSecretForTests_abcdefghij"
	DefaultBotID   = "7d1c5e0f2a9b4c3d8e6f"
	DefaultBotName = "Trợ lý An sinh"
	// DefaultPollCap bounds how long getUpdates holds a request, whatever
	// timeout the client asks for, so tests stay fast.
	DefaultPollCap = 2 * time.Second
)

// Server is a fake Zalo Bot Platform. Create it with NewServer.
type Server struct {
	srv      *httptest.Server
	token    string
	botID    string
	botName  string
	pollCap  time.Duration
	empty    bool
	closing  chan struct{}
	closeOne sync.Once

	mu         sync.Mutex
	wake       chan struct{} // closed (and replaced) when pollers should look again
	nextID     int
	pending    []json.RawMessage
	sent       []SentMessage
	actions    []ChatAction
	webhook    WebhookInfo
	requests   map[string][]map[string]any
	faults     map[string][]Fault
	chatFaults map[string]Fault
}

// Option configures a Server.
type Option func(*Server)

// WithToken sets the token the server accepts (default DefaultToken).
func WithToken(token string) Option { return func(s *Server) { s.token = token } }

// WithBot sets the bot id and account name getMe reports.
func WithBot(id, name string) Option { return func(s *Server) { s.botID, s.botName = id, name } }

// WithPollCap changes DefaultPollCap.
func WithPollCap(d time.Duration) Option { return func(s *Server) { s.pollCap = d } }

// EmptyImmediately makes getUpdates answer {"ok":true,"result":null} at
// once, whatever is queued and whatever the timeout: a misbehaving server
// a poll loop must not spin on.
func EmptyImmediately() Option { return func(s *Server) { s.empty = true } }

// NewServer starts a fake Bot Platform on 127.0.0.1 and closes it when the
// test ends.
func NewServer(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s := &Server{
		token:      DefaultToken,
		botID:      DefaultBotID,
		botName:    DefaultBotName,
		pollCap:    DefaultPollCap,
		closing:    make(chan struct{}),
		wake:       make(chan struct{}),
		nextID:     1,
		requests:   make(map[string][]map[string]any),
		faults:     make(map[string][]Fault),
		chatFaults: make(map[string]Fault),
	}
	for _, o := range opts {
		o(s)
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

// Close releases waiting long polls and shuts the server down. NewServer
// registers it with tb.Cleanup; calling it earlier simulates an outage.
func (s *Server) Close() {
	s.closeOne.Do(func() { close(s.closing) })
	s.srv.Close()
}

// Endpoint returns the endpoint template for zalo.Config.APIEndpoint:
// http://127.0.0.1:PORT/bot%s/%s.
func (s *Server) Endpoint() string { return s.srv.URL + "/bot%s/%s" }

// URL returns the server's base URL.
func (s *Server) URL() string { return s.srv.URL }

// Token returns the token the server accepts.
func (s *Server) Token() string { return s.token }

// BotName returns the account name getMe reports.
func (s *Server) BotName() string { return s.botName }

// Calls returns how many requests for method reached the server with the
// right token (faulted ones included).
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests[method])
}

// Requests returns the JSON bodies of every call of method, in order.
func (s *Server) Requests(method string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]map[string]any, len(s.requests[method]))
	copy(out, s.requests[method])
	return out
}

type handler func(s *Server, w http.ResponseWriter, r *http.Request, p map[string]any)

var methods = map[string]handler{
	"getMe":          (*Server).getMe,
	"getUpdates":     (*Server).getUpdates,
	"sendMessage":    (*Server).sendMessage,
	"sendChatAction": (*Server).sendChatAction,
	"setWebhook":     (*Server).setWebhook,
	"deleteWebhook":  (*Server).deleteWebhook,
	"getWebhookInfo": (*Server).getWebhookInfo,
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 || r.Method != http.MethodPost {
		writeError(w, 404, "Not Found")
		return
	}
	if token != s.token {
		writeError(w, 401, "Unauthorized: invalid bot token")
		return
	}
	p := map[string]any{}
	if r.ContentLength != 0 {
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			writeError(w, 400, "Bad Request: want a JSON body")
			return
		}
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			writeError(w, 400, fmt.Sprintf("Bad Request: invalid JSON body: %v", err))
			return
		}
	}
	h, known := methods[method]
	s.mu.Lock()
	s.requests[method] = append(s.requests[method], p)
	fault, faulted := s.popFault(method, p)
	s.mu.Unlock()
	if !known {
		writeError(w, 404, "Not Found: unknown method")
		return
	}
	if faulted && s.apply(w, r, fault) {
		return
	}
	h(s, w, r, p)
}

// envelope is the Bot Platform's answer.
type envelope struct {
	OK          bool   `json:"ok"`
	Result      any    `json:"result,omitempty"`
	ErrorCode   int    `json:"error_code,omitempty"`
	Description string `json:"description,omitempty"`
}

func writeOK(w http.ResponseWriter, result any) {
	writeJSON(w, http.StatusOK, envelope{OK: true, Result: result})
}

// writeError answers with code both as the HTTP status and as error_code.
func writeError(w http.ResponseWriter, code int, desc string) {
	writeJSON(w, code, envelope{ErrorCode: code, Description: desc})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// notify wakes every waiting long poll. The caller holds s.mu.
func (s *Server) notify() {
	close(s.wake)
	s.wake = make(chan struct{})
}
