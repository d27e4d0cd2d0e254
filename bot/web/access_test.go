package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/web"
)

func sendFrom(h http.Handler, remote, host, chat, id string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/api/send", strings.NewReader(`{"chat":"`+chat+`","id":"`+id+`","text":"xin chào"}`))
	req.RemoteAddr, req.Host = remote, host
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// By default the web chat answers only this machine: anyone else could
// write as any web user and open tickets.
func TestWebChatLocalByDefault(t *testing.T) {
	e := &engine{}
	h := web.Handler(e, web.NewMailbox(), quiet)
	for _, c := range []struct {
		name, remote, host string
		want               int
	}{
		{"loopback", "127.0.0.1:5000", "127.0.0.1:8080", http.StatusAccepted},
		{"remote", "192.0.2.7:5000", "ansinh.example.vn", http.StatusForbidden},
		{"loopback, foreign Host (DNS rebinding)", "127.0.0.1:5000", "rebind.attacker.example", http.StatusForbidden},
	} {
		rec := sendFrom(h, c.remote, c.host, "chat-aaaa", "msg-"+strings.ReplaceAll(c.name, " ", "-"))
		if rec.Code != c.want {
			t.Errorf("%s: status %d, want %d", c.name, rec.Code, c.want)
		}
		if c.want == http.StatusForbidden && !strings.Contains(rec.Body.String(), "chỉ mở trên chính máy chạy Trợ lý An sinh") {
			t.Errorf("%s: body %q lacks the explanation", c.name, rec.Body.String())
		}
	}
	if got := len(e.got()); got != 1 {
		t.Errorf("engine got %d updates, want only the local one", got)
	}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req) // from 192.0.2.1
	if rec.Code != http.StatusForbidden {
		t.Errorf("remote page: status %d, want 403", rec.Code)
	}
}

// A public web chat admits anyone, each address within its own limit.
func TestWebChatPublicRateLimitedPerAddress(t *testing.T) {
	e := &engine{}
	h := web.Handler(e, web.NewMailbox(), web.WithAccess(web.Public), web.WithPollTimeout(time.Millisecond), quiet)
	for i := range web.PublicSendBurst {
		if rec := sendFrom(h, "198.51.100.7:5000", "ansinh.example.vn", "chat-aaaa", "msg-"+strings.Repeat("x", 4)+string(rune('a'+i))); rec.Code != http.StatusAccepted {
			t.Fatalf("send %d: status %d", i+1, rec.Code)
		}
	}
	rec := sendFrom(h, "198.51.100.7:5001", "ansinh.example.vn", "chat-bbbb", "msg-over-limit")
	if rec.Code != http.StatusTooManyRequests || !strings.Contains(rec.Body.String(), "Ông/bà gửi nhanh quá") {
		t.Errorf("over the limit, even as another chat: status %d %q, want 429", rec.Code, rec.Body.String())
	}
	if rec := sendFrom(h, "203.0.113.9:5000", "ansinh.example.vn", "chat-cccc", "msg-other-addr"); rec.Code != http.StatusAccepted {
		t.Errorf("another address: status %d, want 202", rec.Code)
	}
	if got := len(e.got()); got != web.PublicSendBurst+1 {
		t.Errorf("engine got %d updates, want %d", got, web.PublicSendBurst+1)
	}
	var throttled bool
	for range web.PublicPollBurst + 1 {
		req := httptest.NewRequest(http.MethodGet, "/api/messages?chat=chat-junk0001", nil)
		req.RemoteAddr = "198.51.100.8:5000"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		throttled = rec.Code == http.StatusTooManyRequests
	}
	if !throttled {
		t.Errorf("poll %d from one address was not throttled", web.PublicPollBurst+1)
	}
}

// A message refused by the public limit reaches neither the engine nor
// the log: the 429 tells the page so, and the page sends it again with
// the same id; once the address has allowance again, that retry is what
// reaches the engine, once.
func TestWebChatThrottledMessageIsRetriedNotKept(t *testing.T) {
	e := &engine{}
	now := fixedNow
	h := web.Handler(e, web.NewMailbox(), web.WithAccess(web.Public), web.WithPollTimeout(time.Millisecond),
		web.WithNow(func() time.Time { return now }), quiet)
	const addr = "198.51.100.7:5000"
	for i := range web.PublicSendBurst {
		if rec := sendFrom(h, addr, "ansinh.example.vn", "chat-aaaa", "msg-burst-"+string(rune('a'+i))); rec.Code != http.StatusAccepted {
			t.Fatalf("send %d: status %d", i+1, rec.Code)
		}
	}
	rec := sendFrom(h, addr, "ansinh.example.vn", "chat-aaaa", "msg-late")
	if rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") != "10" ||
		strings.TrimSpace(rec.Body.String()) != `{"error":"Ông/bà gửi nhanh quá. Vui lòng chờ một chút rồi thử lại."}` {
		t.Errorf("over the limit: %d, Retry-After %q, %q", rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
	}
	if got := len(e.got()); got != web.PublicSendBurst {
		t.Errorf("engine got %d updates, want %d: the refused one is not handled", got, web.PublicSendBurst)
	}
	now = now.Add(10 * time.Second) // the page waits Retry-After, then sends it again
	if rec := sendFrom(h, addr, "ansinh.example.vn", "chat-aaaa", "msg-late"); rec.Code != http.StatusAccepted {
		t.Fatalf("the retry: status %d %q, want 202", rec.Code, rec.Body.String())
	}
	got := e.got()
	if len(got) != web.PublicSendBurst+1 || got[len(got)-1].ID != "chat-aaaa/msg-late" || got[len(got)-1].ChatID != "chat-aaaa" || got[len(got)-1].Text != "xin chào" {
		t.Errorf("engine got %+v, want the retried message last", got[len(got)-1])
	}
}
