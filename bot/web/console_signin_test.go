package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

func TestConsoleSignIn(t *testing.T) {
	t.Run("without a session: how to sign in, no tickets", func(t *testing.T) {
		e := newConsole(t, fixture())
		for _, target := range []string{"/officer", "/officer/tickets/2", "/officer/broadcasts", "/officer/export.csv?status=all"} {
			res, body := get(t, e, target)
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("%s: status = %d, want 401", target, res.StatusCode)
			}
			mustContain(t, body, "gửi /dangnhap cho Trợ lý An sinh")
			mustNotContain(t, body, "Nguyễn Thị Lan", "Đăng xuất")
		}
	})
	t.Run("opening the link uses nothing up; the button signs in once", func(t *testing.T) {
		e := newConsole(t, fixture())
		secret := e.link(t, consoleOfficer, consoleNow)
		for range 2 { // a chat app's link preview, then the officer
			res, body := get(t, e, "/officer/login?t="+url.QueryEscape(secret))
			if res.StatusCode != http.StatusOK || sessionCookie(res) != nil {
				t.Fatalf("GET link: status %d, cookie %v; want 200 and none", res.StatusCode, sessionCookie(res))
			}
			mustContain(t, body, `name="t" value="`+secret+`"`, `id="signin"`)
		}
		res, _ := request(t, e, http.MethodPost, "/officer/login", url.Values{"t": {secret}})
		c := sessionCookie(res)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/officer" || c == nil {
			t.Fatalf("sign in: status %d, Location %q, cookie %v", res.StatusCode, res.Header.Get("Location"), c)
		}
		if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/officer" || c.Secure {
			t.Errorf("cookie HttpOnly=%v SameSite=%v Path=%q Secure=%v; want true, Strict, /officer, false on http", c.HttpOnly, c.SameSite, c.Path, c.Secure)
		}
		if c.Value == secret || len(c.Value) < 40 {
			t.Errorf("cookie value %q: want a new 256-bit secret, not the link's", c.Value)
		}
		_, body := get(t, e, "/officer", c)
		mustContain(t, body, "Phiếu yêu cầu", "Nguyễn Thị Lan", "Đăng xuất", consoleOfficer)

		res, body = request(t, e, http.MethodPost, "/officer/login", url.Values{"t": {secret}})
		if res.StatusCode != http.StatusForbidden || sessionCookie(res) != nil {
			t.Errorf("replayed link: status %d, cookie %v; want 403 and none", res.StatusCode, sessionCookie(res))
		}
		mustContain(t, body, "Đường dẫn đăng nhập này đã được dùng.")
	})
	t.Run("an expired or unknown link is refused", func(t *testing.T) {
		e := newConsole(t, fixture())
		old := e.link(t, consoleOfficer, consoleNow.Add(-bot.LoginLinkTTL))
		res, body := request(t, e, http.MethodPost, "/officer/login", url.Values{"t": {old}})
		if res.StatusCode != http.StatusForbidden || sessionCookie(res) != nil {
			t.Errorf("expired: status %d, cookie %v", res.StatusCode, sessionCookie(res))
		}
		mustContain(t, body, "Đường dẫn đăng nhập đã hết hạn (quá 10 phút).")
		time.Sleep(600 * time.Millisecond) // the failure's throttling delay
		res, body = request(t, e, http.MethodPost, "/officer/login", url.Values{"t": {"guess"}})
		if res.StatusCode != http.StatusForbidden || sessionCookie(res) != nil {
			t.Errorf("unknown: status %d", res.StatusCode)
		}
		mustContain(t, body, "Đường dẫn đăng nhập không đúng.")
		mustNotContain(t, body, "guess")
	})
	t.Run("a link of someone removed from the officers is refused", func(t *testing.T) {
		e := newConsole(t, fixture())
		res, _ := request(t, e, http.MethodPost, "/officer/login", url.Values{"t": {e.link(t, "telegram:99", consoleNow)}})
		if res.StatusCode != http.StatusForbidden || sessionCookie(res) != nil {
			t.Errorf("status %d, cookie %v; want 403 and none", res.StatusCode, sessionCookie(res))
		}
	})
	t.Run("the cookie is Secure behind an https public URL", func(t *testing.T) {
		e := newConsoleURL(t, fixture(), "https://ansinh.example.vn")
		res, _ := request(t, e, http.MethodPost, "/officer/login", url.Values{"t": {e.link(t, consoleOfficer, consoleNow)}})
		if c := sessionCookie(res); c == nil || !c.Secure {
			t.Errorf("cookie = %v, want Secure", c)
		}
	})
	t.Run("sign-out ends the session on the server", func(t *testing.T) {
		e := newConsole(t, fixture())
		c := login(t, e)
		_, body := get(t, e, "/officer", c)
		csrf, _ := csrfOf(t, body)
		res, _ := request(t, e, http.MethodPost, "/officer/logout", url.Values{"csrf": {csrf}}, c)
		if res.StatusCode != http.StatusSeeOther {
			t.Fatalf("logout status %d", res.StatusCode)
		}
		// The old cookie, replayed, opens nothing.
		res, body = get(t, e, "/officer", c)
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("after sign-out: status %d, want 401", res.StatusCode)
		}
		mustNotContain(t, body, "Nguyễn Thị Lan")
	})
	t.Run("each sign-in is its own session", func(t *testing.T) {
		e := newConsole(t, fixture())
		a, b := login(t, e), login(t, e)
		if a.Value == b.Value {
			t.Fatal("two sign-ins share a cookie value")
		}
		_, body := get(t, e, "/officer", a)
		csrf, _ := csrfOf(t, body)
		request(t, e, http.MethodPost, "/officer/logout", url.Values{"csrf": {csrf}}, a)
		if res, _ := get(t, e, "/officer", b); res.StatusCode != http.StatusOK {
			t.Errorf("the other session: status %d, want 200", res.StatusCode)
		}
	})
	t.Run("a session of an officer removed since ends", func(t *testing.T) {
		e := newConsole(t, fixture())
		c := login(t, e)
		e.offs.mu.Lock()
		delete(e.offs.ids, consoleOfficer)
		e.offs.mu.Unlock()
		if res, _ := get(t, e, "/officer", c); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("status %d, want 401", res.StatusCode)
		}
	})
	t.Run("cross-site sign-in posts are refused", func(t *testing.T) {
		e := newConsole(t, fixture())
		req := strings.NewReader("t=" + e.link(t, consoleOfficer, consoleNow))
		res := crossSite(t, e, "/officer/login", req)
		if res.StatusCode != http.StatusForbidden || sessionCookie(res) != nil {
			t.Errorf("status %d, cookie %v; want 403 and none", res.StatusCode, sessionCookie(res))
		}
	})
}

func TestConsoleSessionIdle(t *testing.T) {
	now := consoleNow
	e := newConsole(t, fixture())
	c := login(t, e)
	hash := bot.SecretHash(c.Value)
	if err := e.st.TouchSession(hash, now.Add(-bot.SessionIdle+time.Minute)); err != nil {
		t.Fatal(err)
	}
	if res, _ := get(t, e, "/officer", c); res.StatusCode != http.StatusOK {
		t.Fatalf("idle 7h59: status %d, want 200", res.StatusCode)
	}
	if err := e.st.TouchSession(hash, now.Add(-bot.SessionIdle)); err != nil {
		t.Fatal(err)
	}
	if res, _ := get(t, e, "/officer", c); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("idle 8h: status %d, want 401", res.StatusCode)
	}
}

func TestConsoleActions(t *testing.T) {
	e := newConsole(t, fixture())
	c := login(t, e)
	_, page := get(t, e, "/officer/tickets/2", c)
	csrf, key := csrfOf(t, page)
	mustContain(t, page, `action="/officer/tickets/2/reply"`, `action="/officer/tickets/2/note"`, `action="/officer/tickets/2/close"`)

	t.Run("a form without the CSRF token changes nothing", func(t *testing.T) {
		for _, form := range []url.Values{{"key": {key}, "text": {"x"}}, {"key": {key}, "text": {"x"}, "csrf": {"forged"}}} {
			res, body := request(t, e, http.MethodPost, "/officer/tickets/2/reply", form, c)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("status %d, want 403", res.StatusCode)
			}
			mustContain(t, body, "thiếu mã bảo vệ")
		}
		if len(e.offs.acts) != 0 {
			t.Errorf("acted: %+v", e.offs.acts)
		}
	})
	t.Run("a form with it acts as the signed-in officer", func(t *testing.T) {
		res, body := request(t, e, http.MethodPost, "/officer/tickets/2/reply",
			url.Values{"csrf": {csrf}, "key": {key}, "text": {"Mời bà lên xã."}}, c)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		mustContain(t, body, `id="done">done reply 2`)
		a := e.offs.acts[len(e.offs.acts)-1]
		if a.Officer != consoleOfficer || a.Verb != bot.VerbReply || a.ID != 2 || a.Text != "Mời bà lên xã." || a.Key != key+":reply:2" {
			t.Errorf("action = %+v", a)
		}
	})
	t.Run("broadcast form fields reach the chat's rules", func(t *testing.T) {
		_, page := get(t, e, "/officer/broadcasts", c)
		csrf, key := csrfOf(t, page)
		request(t, e, http.MethodPost, "/officer/broadcasts", url.Values{"csrf": {csrf}, "key": {key},
			"audience": {"commune:Đại Đồng"}, "kind": {"once"}, "date": {"2026-12-01"}, "time": {"08:00"}, "text": {"Họp dân"}}, c)
		a := e.offs.acts[len(e.offs.acts)-1]
		want := bot.BroadcastForm{Audience: "commune:Đại Đồng", At: "2026-12-01 08:00", Text: "Họp dân"}
		if a.Verb != bot.VerbBroadcast || a.Broadcast != want {
			t.Errorf("action = %+v", a)
		}
	})
	t.Run("unknown verbs are not found", func(t *testing.T) {
		res, _ := request(t, e, http.MethodPost, "/officer/tickets/2/delete", url.Values{"csrf": {csrf}, "key": {key}}, c)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("status %d, want 404", res.StatusCode)
		}
	})
}
