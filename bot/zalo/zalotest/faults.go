package zalotest

import (
	"net/http"
	"strconv"
	"time"
)

// Fault is an injected Bot Platform failure. With Code 0 and a Delay it
// only slows the call down, which then succeeds.
type Fault struct {
	// Code is the error_code and HTTP status of the answer.
	Code        int
	Description string
	// RetryAfter (seconds), if set, goes into a Retry-After header: Zalo
	// documents no retry field (uncertain), so this is the one a proxy or
	// gateway would send.
	RetryAfter int
	// Body, when set, is sent verbatim instead of a JSON envelope (a proxy's
	// HTML error page), with status Code (default 502).
	Body string
	// Delay holds the answer back; it ends early if the client gives up.
	Delay time.Duration
}

// TooManyRequests is a rate-limit answer. Zalo publishes no figures.
func TooManyRequests(retryAfter int) Fault {
	return Fault{Code: 429, Description: "Too Many Requests", RetryAfter: retryAfter}
}

// Blocked is an answer for a user who blocked the bot. The real wording is
// not documented (uncertain); this one is what the adapter must recognise.
func Blocked() Fault { return Fault{Code: 403, Description: "Forbidden: user has blocked the bot"} }

// UnknownChat is an answer for a chat id the bot cannot reach (wording
// uncertain, as for Blocked).
func UnknownChat() Fault { return Fault{Code: 400, Description: "Bad Request: chat not found"} }

// BadRequest is a plain invalid request, not about the recipient.
func BadRequest() Fault { return Fault{Code: 400, Description: "Bad Request: invalid parameter"} }

// ServerError is a 500 in the JSON envelope.
func ServerError() Fault { return Fault{Code: 500, Description: "Internal Server Error"} }

// BadGateway is a proxy's HTML error page: not JSON at all.
func BadGateway() Fault {
	return Fault{Code: 502, Body: "<html><body><h1>502 Bad Gateway</h1></body></html>"}
}

// CDNForbidden is a CDN's HTML "403 Forbidden" page in front of the
// platform: an error status without the platform's envelope.
func CDNForbidden() Fault {
	return Fault{Code: 403, Body: "<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>cloudflare</center></body></html>"}
}

// Unauthorized is the answer for a bad token.
func Unauthorized() Fault { return Fault{Code: 401, Description: "Unauthorized"} }

// Slow delays the answer by d; the call then succeeds.
func Slow(d time.Duration) Fault { return Fault{Delay: d} }

// FailNext makes the next n calls of method fail with f (after the ones
// already queued).
func (s *Server) FailNext(method string, n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[method] = append(s.faults[method], f)
	}
}

// FailChat makes every sendMessage and sendChatAction to chatID fail with
// f until FailChat is called again with the zero Fault.
func (s *Server) FailChat(chatID string, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f == (Fault{}) {
		delete(s.chatFaults, chatID)
		return
	}
	s.chatFaults[chatID] = f
}

// popFault takes the next queued fault of method, else the fault of the
// addressed chat. The caller holds s.mu.
func (s *Server) popFault(method string, p map[string]any) (Fault, bool) {
	if q := s.faults[method]; len(q) > 0 {
		s.faults[method] = q[1:]
		return q[0], true
	}
	if method == "sendMessage" || method == "sendChatAction" {
		chat, _ := p["chat_id"].(string)
		f, ok := s.chatFaults[chat]
		return f, ok
	}
	return Fault{}, false
}

// apply waits out f.Delay and writes f's answer. It reports whether the
// request is finished (false: a pure delay, carry on normally).
func (s *Server) apply(w http.ResponseWriter, r *http.Request, f Fault) bool {
	if !delay(r, s.closing, f.Delay) {
		return true
	}
	if f.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(f.RetryAfter))
	}
	switch {
	case f.Body != "":
		code := f.Code
		if code == 0 {
			code = http.StatusBadGateway
		}
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(code)
		_, _ = w.Write([]byte(f.Body))
		return true
	case f.Code != 0:
		writeError(w, f.Code, f.Description)
		return true
	}
	return false
}

// delay waits d; false if the client gave up or the server is closing.
func delay(r *http.Request, closing <-chan struct{}, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	case <-closing:
		return false
	}
}
