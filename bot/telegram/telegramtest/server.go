package telegramtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Defaults of a new Server.
const (
	DefaultToken       = "123456789:AAFakeTokenForTests_abcdefghijklmno"
	DefaultBotID       = 123456789
	DefaultBotUsername = "AnSinhTestBot"
	// DefaultPollCap bounds how long getUpdates holds a request, whatever
	// timeout the client asks for, so tests stay fast.
	DefaultPollCap = 2 * time.Second
)

// Server is a fake Bot API. Create it with NewServer.
type Server struct {
	srv      *httptest.Server
	token    string
	me       wireUser
	now      func() time.Time
	pollCap  time.Duration
	empty    bool
	limits   Limits
	closing  chan struct{}
	closeOne sync.Once

	mu          sync.Mutex
	wake        chan struct{} // closed (and replaced) when pollers should look again
	pollGen     int
	polling     int // getUpdates requests being answered
	nextUpdate  int
	nextMessage int
	pending     []wireUpdate
	confirmed   map[int]wireUpdate
	callbacks   map[string]bool
	sent        []SentMessage
	answers     []CallbackAnswer
	actions     []ChatAction
	commands    []BotCommand
	webhook     WebhookInfo
	requests    map[string][]url.Values
	faults      map[string][]Fault
	chatFaults  map[int64]Fault
	rate        rateState
	files       map[string]file
	downloads   int
	// randomID, when set, picks the next update_id after a week without
	// updates (WithRandomIDsAfterQuietWeek); lastUpdate is when the
	// latest update was queued.
	randomID   func() int
	lastUpdate time.Time
}

// Option configures a Server.
type Option func(*Server)

// WithToken sets the token the server accepts (default DefaultToken).
func WithToken(token string) Option { return func(s *Server) { s.token = token } }

// WithBot sets the bot's user id and username reported by getMe.
func WithBot(id int64, username string) Option {
	return func(s *Server) { s.me.ID, s.me.Username = id, username }
}

// EmptyImmediately makes getUpdates answer [] at once, whatever is queued
// and whatever the timeout: a misbehaving server a poll loop must not spin
// on.
func EmptyImmediately() Option { return func(s *Server) { s.empty = true } }

// WithPollCap changes DefaultPollCap.
func WithPollCap(d time.Duration) Option { return func(s *Server) { s.pollCap = d } }

// WithClock sets the clock used for rate limits and message dates (default
// time.Now). Long polls still wait in real time.
func WithClock(now func() time.Time) Option { return func(s *Server) { s.now = now } }

// QuietWeek is how long Telegram goes without updates before it picks the
// next update_id at random: "If there are no new updates for at least a
// week, then identifier of the next update will be chosen randomly instead
// of sequentially" (Bot API, Update).
const QuietWeek = 7 * 24 * time.Hour

// WithRandomIDsAfterQuietWeek makes the server follow that rule: an update
// queued at least QuietWeek (on the server's clock, WithClock) after the
// previous one gets the id pick returns, and the ids after it go on from
// there. Without it ids are always sequential.
func WithRandomIDsAfterQuietWeek(pick func() int) Option {
	return func(s *Server) { s.randomID = pick }
}

// NewServer starts a fake Bot API on 127.0.0.1 and closes it when the test
// ends.
func NewServer(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	s := &Server{
		token:      DefaultToken,
		me:         wireUser{ID: DefaultBotID, IsBot: true, FirstName: "An Sinh", Username: DefaultBotUsername, CanJoinGroups: true},
		now:        time.Now,
		pollCap:    DefaultPollCap,
		limits:     DefaultLimits,
		closing:    make(chan struct{}),
		wake:       make(chan struct{}),
		nextUpdate: 100,
		confirmed:  make(map[int]wireUpdate),
		callbacks:  make(map[string]bool),
		requests:   make(map[string][]url.Values),
		faults:     make(map[string][]Fault),
		chatFaults: make(map[int64]Fault),
		files:      make(map[string]file),
	}
	for _, o := range opts {
		o(s)
	}
	s.rate = newRateState()
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

// Endpoint returns the endpoint template for tgbotapi.NewBotAPIWithClient:
// http://127.0.0.1:PORT/bot%s/%s.
func (s *Server) Endpoint() string { return s.srv.URL + "/bot%s/%s" }

// URL returns the server's base URL.
func (s *Server) URL() string { return s.srv.URL }

// Token returns the token the server accepts.
func (s *Server) Token() string { return s.token }

// BotID returns the bot's user id.
func (s *Server) BotID() int64 { return s.me.ID }

// BotUsername returns the bot's username, without "@".
func (s *Server) BotUsername() string { return s.me.Username }

// Calls returns how many requests for method reached the server with the
// right token (faulted ones included).
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests[method])
}

// Requests returns the parameters of every call of method, in order.
func (s *Server) Requests(method string) []url.Values {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]url.Values, len(s.requests[method]))
	for i, v := range s.requests[method] {
		out[i] = cloneValues(v)
	}
	return out
}

type handler func(s *Server, w http.ResponseWriter, r *http.Request, p url.Values)

var methods = map[string]handler{
	"getMe":               (*Server).getMe,
	"getUpdates":          (*Server).getUpdates,
	"sendMessage":         (*Server).sendMessage,
	"answerCallbackQuery": (*Server).answerCallbackQuery,
	"sendChatAction":      (*Server).sendChatAction,
	"setMyCommands":       (*Server).setMyCommands,
	"setWebhook":          (*Server).setWebhook,
	"deleteWebhook":       (*Server).deleteWebhook,
	"getWebhookInfo":      (*Server).getWebhookInfo,
	"sendPhoto":           mediaHandler("sendPhoto"),
	"sendVoice":           mediaHandler("sendVoice"),
	"sendVideo":           mediaHandler("sendVideo"),
	"sendDocument":        mediaHandler("sendDocument"),
	"getFile":             (*Server).getFile,
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/file/bot") {
		s.serveFile(w, r)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	token, method, ok2 := strings.Cut(rest, "/")
	if !ok || !ok2 {
		writeError(w, 404, "Not Found", nil)
		return
	}
	if token != s.token {
		writeError(w, 401, "Unauthorized", nil)
		return
	}
	p, err := readParams(r)
	if err != nil {
		writeError(w, 400, "Bad Request: "+err.Error(), nil)
		return
	}
	h, known := methods[method]
	s.mu.Lock()
	s.requests[method] = append(s.requests[method], p)
	fault, faulted := s.popFault(method)
	s.mu.Unlock()
	if !known {
		writeError(w, 404, "Not Found", nil)
		return
	}
	if faulted && s.apply(w, r, fault) {
		return
	}
	h(s, w, r, p)
}

// readParams accepts what Telegram accepts: a query string, a form body
// (urlencoded or multipart) or a JSON object. A multipart file part is
// recorded as "upload:<file name>".
func readParams(r *http.Request) (url.Values, error) {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(10 << 20); err != nil {
			return nil, err
		}
		p := r.URL.Query()
		for k, vs := range r.MultipartForm.Value {
			p[k] = vs
		}
		for k, fs := range r.MultipartForm.File {
			for _, f := range fs {
				p.Add(k, "upload:"+f.Filename)
			}
		}
		return p, nil
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var m map[string]json.RawMessage
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			return nil, fmt.Errorf("invalid JSON body: %w", err)
		}
		p := r.URL.Query()
		for k, raw := range m {
			var str string
			if json.Unmarshal(raw, &str) == nil {
				p.Set(k, str)
			} else {
				p.Set(k, string(raw))
			}
		}
		return p, nil
	}
	if err := r.ParseForm(); err != nil {
		return nil, err
	}
	return r.Form, nil
}

func writeOK(w http.ResponseWriter, result any) {
	writeJSON(w, http.StatusOK, envelope{OK: true, Result: result})
}

func writeError(w http.ResponseWriter, code int, desc string, p *parameters) {
	writeJSON(w, code, envelope{ErrorCode: code, Description: desc, Parameters: p})
}

func writeJSON(w http.ResponseWriter, status int, e envelope) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(e)
}

func (s *Server) getMe(w http.ResponseWriter, _ *http.Request, _ url.Values) {
	writeOK(w, s.me)
}

// notify wakes every waiting long poll. The caller holds s.mu.
func (s *Server) notify() {
	close(s.wake)
	s.wake = make(chan struct{})
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v))
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}
