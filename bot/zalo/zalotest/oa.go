package zalotest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
)

// Defaults of a new OAServer.
const (
	DefaultAppID     = "4521876309912345678"
	DefaultAppSecret = "FakeAppSecretKey_0123456789"
	// DefaultTokenTTL is the access token lifetime the OAuth endpoint
	// reports: 25 hours, as Zalo does today.
	DefaultTokenTTL = 25 * time.Hour
)

// Endpoints of OAServer, for FailNext.
const (
	OASend    = "send"
	OARefresh = "refresh"
)

// Open API error codes the fake answers with. -216 is documented in
// docs/platforms.md §4.3; the others follow third-party tables, and the OAuth
// codes are illustrative (uncertain).
const (
	CodeTokenInvalid        = -216
	CodeTokenExpired        = -220
	CodeInvalidParam        = -201
	CodeNotFollower         = -213
	CodeRateLimited         = -32
	CodeNoInteraction       = -230
	CodeInvalidRefreshToken = -14014
	CodeInvalidSecret       = -14002
)

// OAMessage is one consultation message the OA sent.
type OAMessage struct {
	MessageID string
	UserID    string
	Text      string
}

// TokenPair is what the OAuth endpoint issues.
type TokenPair struct {
	AccessToken  string
	RefreshToken string
	ExpiresIn    time.Duration
}

// OAFault is an injected Open API failure.
type OAFault struct {
	// Status is the HTTP status (default 200: the Open API reports most
	// errors in the body).
	Status int
	// Error and Message form the JSON answer {"error":…,"message":…}.
	Error   int
	Message string
	// Body, when set, is sent verbatim (a proxy's error page).
	Body string
	// Delay holds the answer back; with nothing else set, the call then
	// succeeds.
	Delay time.Duration
}

// OARateLimited is the per-minute request limit (-32).
func OARateLimited() OAFault {
	return OAFault{Error: CodeRateLimited, Message: "Your application reached limit call api"}
}

// OANotFollower is the answer for a user who unfollowed or blocked the OA.
func OANotFollower() OAFault {
	return OAFault{Error: CodeNotFollower, Message: "User has not followed OA"}
}

// OAServerError is an HTTP 500 with an error page.
func OAServerError() OAFault {
	return OAFault{Status: 500, Body: "<html><body>500 Internal Server Error</body></html>"}
}

// OACDNForbidden is a CDN's HTML "403 Forbidden" page in front of the
// Open API: an error status without the API's {"error","message"} answer.
func OACDNForbidden() OAFault {
	return OAFault{Status: 403, Body: "<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>cloudflare</center></body></html>"}
}

// OAHTTPTooMany is an HTTP 429 from a gateway in front of the API.
func OAHTTPTooMany() OAFault { return OAFault{Status: 429, Body: "Too Many Requests"} }

// OARefreshFailure is a failing OAuth endpoint (HTTP 503).
func OARefreshFailure() OAFault {
	return OAFault{Status: 503, Body: "<html><body>503 Service Unavailable</body></html>"}
}

// OAServer is a fake Zalo Official Account API. Create it with
// NewOAServer.
type OAServer struct {
	srv       *httptest.Server
	appID     string
	appSecret string
	ttl       time.Duration
	now       func() time.Time

	mu         sync.Mutex
	access     map[string]time.Time // access token → expiry
	refresh    map[string]bool      // refresh token → spent
	sent       []OAMessage
	calls      map[string]int
	faults     map[string][]OAFault
	userFaults map[string]OAFault
}

// OAOption configures an OAServer.
type OAOption func(*OAServer)

// WithApp sets the app id and app secret the OAuth endpoint accepts.
func WithApp(appID, secret string) OAOption {
	return func(s *OAServer) { s.appID, s.appSecret = appID, secret }
}

// WithTokenTTL sets the access token lifetime (default DefaultTokenTTL).
func WithTokenTTL(d time.Duration) OAOption { return func(s *OAServer) { s.ttl = d } }

// WithOAClock sets the clock that expires access tokens (default
// time.Now).
func WithOAClock(now func() time.Time) OAOption { return func(s *OAServer) { s.now = now } }

// NewOAServer starts a fake OA API on 127.0.0.1 and closes it when the
// test ends.
func NewOAServer(tb testing.TB, opts ...OAOption) *OAServer {
	tb.Helper()
	s := &OAServer{
		appID: DefaultAppID, appSecret: DefaultAppSecret, ttl: DefaultTokenTTL, now: time.Now,
		access: make(map[string]time.Time), refresh: make(map[string]bool),
		calls: make(map[string]int), faults: make(map[string][]OAFault), userFaults: make(map[string]OAFault),
	}
	for _, o := range opts {
		o(s)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v3.0/oa/message/cs", s.send)
	mux.HandleFunc("POST /v4/oa/access_token", s.token)
	s.srv = httptest.NewServer(mux)
	tb.Cleanup(s.srv.Close)
	return s
}

// MessageURL is the consultation message endpoint.
func (s *OAServer) MessageURL() string { return s.srv.URL + "/v3.0/oa/message/cs" }

// TokenURL is the OAuth token endpoint.
func (s *OAServer) TokenURL() string { return s.srv.URL + "/v4/oa/access_token" }

// AppID and AppSecret return the credentials the OAuth endpoint accepts.
func (s *OAServer) AppID() string { return s.appID }

// AppSecret returns the app secret the OAuth endpoint expects.
func (s *OAServer) AppSecret() string { return s.appSecret }

// Issue issues a fresh token pair, as the authorisation-code exchange
// would, valid from the server clock's now.
func (s *OAServer) Issue() TokenPair {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issue()
}

func (s *OAServer) issue() TokenPair {
	p := TokenPair{AccessToken: "at_" + randomHex(), RefreshToken: "rt_" + randomHex(), ExpiresIn: s.ttl}
	s.access[p.AccessToken] = s.now().Add(s.ttl)
	s.refresh[p.RefreshToken] = false
	return p
}

// Sent returns every message sent, in order.
func (s *OAServer) Sent() []OAMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

// Calls returns how many requests reached endpoint (OASend or OARefresh),
// faulted and rejected ones included.
func (s *OAServer) Calls(endpoint string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[endpoint]
}

// FailNext makes the next n calls of endpoint fail with f.
func (s *OAServer) FailNext(endpoint string, n int, f OAFault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[endpoint] = append(s.faults[endpoint], f)
	}
}

// FailUser makes every send to userID fail with f until FailUser is called
// again with the zero OAFault.
func (s *OAServer) FailUser(userID string, f OAFault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f == (OAFault{}) {
		delete(s.userFaults, userID)
		return
	}
	s.userFaults[userID] = f
}

// RefreshWith calls the OAuth endpoint over HTTP with refreshToken, as a
// second client (or a careless retry) would.
func (s *OAServer) RefreshWith(refreshToken string) (TokenPair, error) {
	form := url.Values{"app_id": {s.appID}, "refresh_token": {refreshToken}, "grant_type": {"refresh_token"}}
	req, _ := http.NewRequest(http.MethodPost, s.TokenURL(), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("secret_key", s.appSecret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return TokenPair{}, err
	}
	defer resp.Body.Close()
	var a map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		return TokenPair{}, err
	}
	if a["error"] != nil && a["error"] != float64(0) {
		return TokenPair{}, fmt.Errorf("refresh: error %v: %v", a["error"], a["error_description"])
	}
	secs, _ := strconv.Atoi(fmt.Sprint(a["expires_in"]))
	return TokenPair{AccessToken: fmt.Sprint(a["access_token"]), RefreshToken: fmt.Sprint(a["refresh_token"]),
		ExpiresIn: time.Duration(secs) * time.Second}, nil
}

// send is POST /v3.0/oa/message/cs.
func (s *OAServer) send(w http.ResponseWriter, r *http.Request) {
	var m struct {
		Recipient struct {
			UserID string `json:"user_id"`
		} `json:"recipient"`
		Message struct {
			Text string `json:"text"`
		} `json:"message"`
	}
	bodyErr := json.NewDecoder(r.Body).Decode(&m)
	s.mu.Lock()
	s.calls[OASend]++
	f, faulted := s.pop(OASend)
	if !faulted {
		f, faulted = s.userFaults[m.Recipient.UserID]
	}
	s.mu.Unlock()
	if faulted && s.applyOA(w, r, f) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	expiry, known := s.access[r.Header.Get("access_token")]
	switch {
	case !known:
		writeOA(w, 200, map[string]any{"error": CodeTokenInvalid, "message": "Access token is invalid"})
	case !s.now().Before(expiry):
		writeOA(w, 200, map[string]any{"error": CodeTokenExpired, "message": "access_token is expired or removed"})
	case bodyErr != nil || m.Recipient.UserID == "":
		writeOA(w, 200, map[string]any{"error": CodeInvalidParam, "message": "recipient is invalid"})
	case len(utf16.Encode([]rune(m.Message.Text))) < 1 || len(utf16.Encode([]rune(m.Message.Text))) > MaxText:
		writeOA(w, 200, map[string]any{"error": CodeInvalidParam, "message": "text is invalid"})
	default:
		msg := OAMessage{MessageID: randomHex(), UserID: m.Recipient.UserID, Text: m.Message.Text}
		s.sent = append(s.sent, msg)
		writeOA(w, 200, map[string]any{"error": 0, "message": "Success",
			"data": map[string]any{"message_id": msg.MessageID, "user_id": msg.UserID}})
	}
}

// token is POST /v4/oa/access_token with grant_type=refresh_token. Each
// refresh token works once.
func (s *OAServer) token(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	s.mu.Lock()
	s.calls[OARefresh]++
	f, faulted := s.pop(OARefresh)
	s.mu.Unlock()
	if faulted && s.applyOA(w, r, f) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rt := r.PostForm.Get("refresh_token")
	spent, known := s.refresh[rt]
	switch {
	case r.Header.Get("secret_key") != s.appSecret || r.PostForm.Get("app_id") != s.appID:
		writeOA(w, 200, map[string]any{"error": CodeInvalidSecret, "error_name": "Invalid app", "error_description": "app_id or secret_key is invalid"})
	case r.PostForm.Get("grant_type") != "refresh_token" || !known || spent:
		writeOA(w, 200, map[string]any{"error": CodeInvalidRefreshToken, "error_name": "Invalid refresh token",
			"error_description": "refresh token is invalid, expired or already used"})
	default:
		s.refresh[rt] = true
		p := s.issue()
		// expires_in is a string of seconds, as in Zalo's samples.
		writeOA(w, 200, map[string]any{"access_token": p.AccessToken, "refresh_token": p.RefreshToken,
			"expires_in": strconv.Itoa(int(p.ExpiresIn / time.Second))})
	}
}

// pop takes the next queued fault of endpoint. The caller holds s.mu.
func (s *OAServer) pop(endpoint string) (OAFault, bool) {
	q := s.faults[endpoint]
	if len(q) == 0 {
		return OAFault{}, false
	}
	s.faults[endpoint] = q[1:]
	return q[0], true
}

// applyOA writes f's answer; false for a pure delay.
func (s *OAServer) applyOA(w http.ResponseWriter, r *http.Request, f OAFault) bool {
	if !delay(r, nil, f.Delay) {
		return true
	}
	status := f.Status
	if status == 0 {
		status = http.StatusOK
	}
	switch {
	case f.Body != "":
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(f.Body))
		return true
	case f.Error != 0:
		writeOA(w, status, map[string]any{"error": f.Error, "message": f.Message})
		return true
	}
	return false
}

func writeOA(w http.ResponseWriter, status int, v any) { writeJSON(w, status, v) }

func randomHex() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
