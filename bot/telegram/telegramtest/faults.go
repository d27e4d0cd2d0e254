package telegramtest

import (
	"fmt"
	"net/http"
	"time"
)

// Fault is an injected failure. With Code 0 and a Delay it only slows the
// call down, which then succeeds.
type Fault struct {
	// Code is the error_code and HTTP status of the answer.
	Code        int
	Description string
	// RetryAfter (seconds) goes into parameters.retry_after.
	RetryAfter int
	// MigrateTo goes into parameters.migrate_to_chat_id.
	MigrateTo int64
	// Body, when set, is sent verbatim instead of a JSON envelope (a proxy's
	// HTML error page), with status Code (default 502).
	Body string
	// Delay holds the answer back; it ends early if the client gives up.
	Delay time.Duration
}

// TooManyRequests is Telegram's flood-control answer.
func TooManyRequests(retryAfter int) Fault {
	return Fault{Code: 429, Description: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter), RetryAfter: retryAfter}
}

// Blocked is the answer for a user who blocked the bot.
func Blocked() Fault { return Fault{Code: 403, Description: "Forbidden: bot was blocked by the user"} }

// Deactivated is the answer for a deleted account.
func Deactivated() Fault { return Fault{Code: 403, Description: "Forbidden: user is deactivated"} }

// CantInitiate is the answer when the user never started the bot.
func CantInitiate() Fault {
	return Fault{Code: 403, Description: "Forbidden: bot can't initiate conversation with a user"}
}

// ChatNotFound is the answer for an unknown chat id.
func ChatNotFound() Fault { return Fault{Code: 400, Description: "Bad Request: chat not found"} }

// Migrated is the answer for a group upgraded to the supergroup newID.
func Migrated(newID int64) Fault {
	return Fault{Code: 400, Description: "Bad Request: group chat was upgraded to a supergroup chat", MigrateTo: newID}
}

// ServerError is a 500 in the JSON envelope.
func ServerError() Fault { return Fault{Code: 500, Description: "Internal Server Error"} }

// BadGateway is a proxy's HTML error page: not JSON at all.
func BadGateway() Fault {
	return Fault{Code: 502, Body: "<html><body><h1>502 Bad Gateway</h1></body></html>"}
}

// Conflict is getUpdates' answer when another poller is running.
func Conflict() Fault {
	return Fault{Code: 409, Description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"}
}

// Slow delays the answer by d; the call then succeeds.
func Slow(d time.Duration) Fault { return Fault{Delay: d} }

// FailNext makes the next n calls of method fail with f (after the ones
// already queued). A zero Fault lets one call through, which aims a later
// fault at, say, the second part of a split message.
func (s *Server) FailNext(method string, n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[method] = append(s.faults[method], f)
	}
}

// FailChat makes every sendMessage and sendChatAction to chatID fail with
// f until FailChat is called again with the zero Fault.
func (s *Server) FailChat(chatID int64, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f == (Fault{}) {
		delete(s.chatFaults, chatID)
		return
	}
	s.chatFaults[chatID] = f
}

// popFault takes the next queued fault of method. The caller holds s.mu.
func (s *Server) popFault(method string) (Fault, bool) {
	q := s.faults[method]
	if len(q) == 0 {
		return Fault{}, false
	}
	s.faults[method] = q[1:]
	return q[0], true
}

// apply waits out f.Delay and writes f's answer. It reports whether the
// request is finished (false: a pure delay, carry on normally).
func (s *Server) apply(w http.ResponseWriter, r *http.Request, f Fault) bool {
	if f.Delay > 0 {
		t := time.NewTimer(f.Delay)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return true
		case <-s.closing:
			return true
		}
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
		var p *parameters
		if f.RetryAfter != 0 || f.MigrateTo != 0 {
			p = &parameters{RetryAfter: f.RetryAfter, MigrateToChatID: f.MigrateTo}
		}
		writeError(w, f.Code, f.Description, p)
		return true
	}
	return false
}
