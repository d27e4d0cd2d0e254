package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/bot/web/gate"
)

const wantConsoleCSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func TestConsoleLoopbackOnly(t *testing.T) {
	h := newConsole(t, fixture())
	session := login(t, h)
	send := func(remote string, header http.Header) (int, string) {
		req := httptest.NewRequest(http.MethodGet, "/officer/tickets/2", nil)
		req.RemoteAddr, req.Host = remote, "localhost:8080"
		for k, v := range header {
			req.Header[k] = v
		}
		req.AddCookie(session)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		b, _ := io.ReadAll(rec.Body)
		return rec.Code, string(b)
	}
	for _, remote := range []string{"127.0.0.1:1234", "[::1]:1234", "[::ffff:127.0.0.1]:1234"} {
		if code, _ := send(remote, nil); code != http.StatusOK {
			t.Errorf("from %s: status = %d, want 200", remote, code)
		}
	}
	for _, remote := range []string{"192.0.2.10:1234", "[2001:db8::1]:1234", "10.0.0.2:80", "garbage"} {
		code, body := send(remote, nil)
		if code != http.StatusForbidden {
			t.Errorf("from %s: status = %d, want 403", remote, code)
		}
		if strings.Contains(body, "Nguyễn Thị Lan") {
			t.Errorf("from %s: the ticket leaked", remote)
		}
		if !strings.Contains(body, "chỉ mở được trên chính máy") {
			t.Errorf("from %s: no explanation in %q", remote, body)
		}
	}
	for _, name := range []string{"Forwarded", "X-Forwarded-For", "X-Real-Ip"} {
		code, body := send("127.0.0.1:1234", http.Header{name: {"for=198.51.100.7"}})
		if code != http.StatusForbidden || strings.Contains(body, "Nguyễn Thị Lan") {
			t.Errorf("with %s: status = %d, want 403 and no ticket", name, code)
		}
	}
	// Signing in is refused too.
	req := httptest.NewRequest(http.MethodPost, "/officer/login", strings.NewReader("t="+h.link(t, consoleOfficer, consoleNow)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req) // httptest's RemoteAddr is 192.0.2.1
	if rec.Code != http.StatusForbidden || len(rec.Result().Cookies()) != 0 {
		t.Errorf("remote sign-in: status %d, cookies %v; want 403 and none", rec.Code, rec.Result().Cookies())
	}
}

// With a public URL the console answers other addresses, for its own
// Host only, and still only with a session.
func TestConsolePublic(t *testing.T) {
	e := newConsoleURL(t, fixture(), "https://ansinh.example.vn", web.WithGate(gate.New(nil, "ansinh.example.vn")))
	session := login(t, e)
	send := func(host string, c *http.Cookie) (int, string) {
		req := httptest.NewRequest(http.MethodGet, "/officer/tickets/2", nil)
		req.RemoteAddr, req.Host = "198.51.100.7:4000", host
		if c != nil {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	if code, body := send("ansinh.example.vn", session); code != http.StatusOK || !strings.Contains(body, "Nguyễn Thị Lan") {
		t.Errorf("remote officer: status %d", code)
	}
	if code, body := send("ansinh.example.vn", nil); code != http.StatusUnauthorized || strings.Contains(body, "Nguyễn Thị Lan") {
		t.Errorf("remote without a session: status %d, want 401", code)
	}
	if code, _ := send("rebind.attacker.example", session); code != http.StatusForbidden {
		t.Errorf("foreign Host: status %d, want 403", code)
	}
}

// crossSite posts body to target as a browser would from another site.
func crossSite(t *testing.T, h http.Handler, target string, body io.Reader) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, body)
	req.RemoteAddr, req.Host = "127.0.0.1:50123", "127.0.0.1:8080"
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestConsoleHeaders(t *testing.T) {
	h := newConsole(t, fixture())
	session := login(t, h)
	for _, target := range []string{"/officer", "/officer/tickets/2", "/officer/tickets/99",
		"/officer/export.csv", "/officer/static/console.css"} {
		res, body := get(t, h, target, session)
		for name, want := range map[string]string{
			"Content-Security-Policy": wantConsoleCSP,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "no-referrer",
			"Cache-Control":           "no-store",
		} {
			if got := res.Header.Get(name); got != want {
				t.Errorf("%s: %s = %q, want %q", target, name, got, want)
			}
		}
		if strings.HasSuffix(target, ".csv") {
			continue // a file, not a page: it holds the names as typed
		}
		if strings.Contains(body, "<script") || strings.Contains(body, "http://") || strings.Contains(body, "https://") {
			t.Errorf("%s: page has a script or an external resource", target)
		}
	}
	// Refusals carry them as well.
	req := httptest.NewRequest(http.MethodGet, "/officer", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if got := rec.Header().Get("Content-Security-Policy"); got != wantConsoleCSP {
		t.Errorf("403: CSP = %q", got)
	}
	res, _ := get(t, h, "/officer/static/console.css")
	if ct := res.Header.Get("Content-Type"); res.StatusCode != http.StatusOK || ct != "text/css; charset=utf-8" {
		t.Errorf("style sheet without a session: status %d, type %q; the login page needs it", res.StatusCode, ct)
	}
	res, _ = get(t, h, "/officer/", session)
	if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != "/officer" {
		t.Errorf("/officer/: status %d, Location %q; want a redirect to /officer", res.StatusCode, res.Header.Get("Location"))
	}
}

// A page on another site that resolves its own name to 127.0.0.1 (DNS
// rebinding) reaches the console from loopback but with its Host.
func TestConsoleRefusesForeignHost(t *testing.T) {
	h := newConsole(t, fixture(), web.WithGate(gate.New(nil, "ansinh.example.vn")))
	for host, want := range map[string]int{
		"127.0.0.1:8080":          http.StatusUnauthorized, // admitted, then asked to sign in
		"localhost:8080":          http.StatusUnauthorized,
		"ansinh.example.vn":       http.StatusUnauthorized,
		"rebind.attacker.example": http.StatusForbidden,
	} {
		req := httptest.NewRequest(http.MethodGet, "/officer", nil)
		req.RemoteAddr, req.Host = "127.0.0.1:5000", host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, rec.Code, want)
		}
		if want == http.StatusForbidden && !strings.Contains(rec.Body.String(), "chỉ mở được trên chính máy") {
			t.Errorf("Host %q: no explanation in %q", host, rec.Body.String())
		}
	}
}

// Behind a declared proxy the console follows the client the proxy names;
// without the declaration an empty X-Forwarded-For still marks a proxy.
func TestConsoleTrustedProxy(t *testing.T) {
	proxies, _ := gate.ParseCIDRs("127.0.0.1")
	h := newConsole(t, fixture(), web.WithGate(gate.New(proxies)))
	plain := newConsole(t, fixture())
	send := func(h http.Handler, xff []string) int {
		req := httptest.NewRequest(http.MethodGet, "/officer", nil)
		req.RemoteAddr, req.Host = "127.0.0.1:5000", "127.0.0.1:8080"
		if xff != nil {
			req.Header["X-Forwarded-For"] = xff
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for _, c := range []struct {
		name string
		h    http.Handler
		xff  []string
		want int
	}{
		{"proxied remote client", h, []string{"198.51.100.7"}, http.StatusForbidden},
		{"proxied local client", h, []string{"127.0.0.1"}, http.StatusUnauthorized}, // admitted, then asked to sign in
		{"proxy with empty header", h, []string{""}, http.StatusForbidden},
		{"undeclared proxy with empty header", plain, []string{""}, http.StatusForbidden},
	} {
		if got := send(c.h, c.xff); got != c.want {
			t.Errorf("%s: status %d, want %d", c.name, got, c.want)
		}
	}
}

// One client looping over wrong links does not keep another from signing
// in: throttling is per address.
func TestConsoleLoginThrottledPerAddress(t *testing.T) {
	h := newConsole(t, fixture())
	post := func(remote, secret string) int {
		req := httptest.NewRequest(http.MethodPost, "/officer/login", strings.NewReader("t="+secret))
		req.RemoteAddr, req.Host = remote, "127.0.0.1:8080"
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	// The guesser's wrong link is held back for its delay (500 ms); the
	// officer signs in meanwhile.
	done := make(chan int)
	go func() { done <- post("127.0.0.2:4000", "wrong") }()
	time.Sleep(100 * time.Millisecond)
	if got := post("127.0.0.2:4001", h.link(t, consoleOfficer, consoleNow)); got != http.StatusTooManyRequests {
		t.Errorf("same address while its failure is held: status %d, want 429", got)
	}
	for i := range 5 {
		if got := post("127.0.0.1:5000", h.link(t, consoleOfficer, consoleNow)); got != http.StatusSeeOther {
			t.Errorf("officer's sign-in %d: status %d, want 303", i+1, got)
		}
	}
	if got := <-done; got != http.StatusForbidden {
		t.Errorf("wrong link: status %d, want 403", got)
	}
}
