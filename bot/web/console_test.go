package web_test

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

const consoleToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

var (
	ict        = time.FixedZone("ICT", 7*3600)
	consoleNow = time.Date(2026, 11, 27, 9, 0, 0, 0, ict)
)

// tickets is an in-memory web.TicketSource.
type tickets struct {
	list  []bot.Ticket
	audit []bot.AuditRecord
	err   error
}

func (s *tickets) Tickets(f bot.TicketFilter) ([]bot.Ticket, error) {
	if s.err != nil {
		return nil, s.err
	}
	var out []bot.Ticket
	for _, t := range slices.Backward(s.list) { // newest first, like the store
		if f.Match(&t) {
			out = append(out, t)
		}
		if f.Limit > 0 && len(out) == f.Limit {
			break
		}
	}
	return out, nil
}

func (s *tickets) Ticket(id uint64) (bot.Ticket, error) {
	if s.err != nil {
		return bot.Ticket{}, s.err
	}
	for _, t := range s.list {
		if t.ID == id {
			return t, nil
		}
	}
	return bot.Ticket{}, fmt.Errorf("ticket %d: %w", id, bot.ErrNotFound)
}

func (s *tickets) AuditLog(id uint64) ([]bot.AuditRecord, error) {
	var out []bot.AuditRecord
	for _, r := range s.audit {
		if r.Ticket == id {
			out = append(out, r)
		}
	}
	return out, nil
}

func at(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, ict) }

// fixture has one ticket per status: #1 open, urgent, overdue, with a
// hostile name; #2 assigned, with a full thread; #3 answered, its
// question full of control characters; #4 closed
// past its due date; #5 closed and purged.
func fixture() *tickets {
	return &tickets{
		list: []bot.Ticket{
			{ID: 1, Citizen: bot.UserKey{Channel: bot.ChannelZalo, ID: "z1"}, Name: "<script>alert(1)</script>",
				Commune: "Xã Tam Sơn", Topic: "loan", Question: "Vay vốn hộ nghèo cần giấy tờ gì?",
				Status: bot.StatusOpen, Priority: bot.PriorityUrgent, Created: at(20, 8), Due: at(25, 17),
				ContactNeeded: true, ContactReason: "ngoài 48 giờ"},
			{ID: 2, Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}, Name: "Nguyễn Thị Lan",
				Commune: "Phường Đình Bảng", Topic: "housing", Question: "Nhà dột, xin hỗ trợ sửa nhà",
				Status: bot.StatusAssigned, Priority: bot.PriorityNormal, Assignee: "telegram:7",
				Created: at(24, 10), Due: at(30, 17), Thread: []bot.ThreadItem{
					{Time: at(24, 10), Kind: bot.ItemCitizen, Text: "Nhà dột, xin hỗ trợ sửa nhà"},
					{Time: at(24, 10), Kind: bot.ItemBot, Text: "Hỗ trợ nhà ở"},
					{Time: at(25, 9), Kind: bot.ItemNote, Author: "telegram:7", Text: "Hộ này đã được hỗ trợ năm 2024 <b>"},
					{Time: at(25, 10), Kind: bot.ItemOfficer, Author: "telegram:7", Text: "Mời bà lên xã sáng thứ Hai."},
				}},
			{ID: 3, Name: "Trần Văn Hùng", Question: "Hỏi về\u202e học phí\x1b[31m\x07\r\ncho con", Status: bot.StatusAnswered, Priority: bot.PriorityNormal,
				Created: at(25, 8), Due: at(29, 17)},
			{ID: 4, Name: "Lê Văn Nam", Status: bot.StatusClosed, Priority: bot.PriorityNormal,
				Created: at(2, 8), Due: at(5, 17), Closed: at(4, 9), Resolution: "Đã hướng dẫn"},
			{ID: 5, Status: bot.StatusClosed, Priority: bot.PriorityNormal, Created: at(1, 8), Due: at(3, 17),
				Closed: at(2, 9), Purged: true},
		},
		audit: []bot.AuditRecord{
			{Time: at(25, 8), Officer: "telegram:7", Action: "take", Ticket: 2},
			{Time: at(25, 9), Officer: "telegram:7", Action: "note", Ticket: 2, Detail: "Hộ này đã được hỗ trợ năm 2024 <b>"},
		},
	}
}

// quiet keeps the console's log out of the test output.
var quiet = web.WithLogger(slog.New(slog.DiscardHandler))

func newConsole(src web.TicketSource) http.Handler {
	return web.Console(src, consoleToken, ict, web.WithNow(func() time.Time { return consoleNow }), quiet)
}

// request sends one request from loopback; a non-nil form makes it a
// form POST.
func request(t *testing.T, h http.Handler, method, target string, form url.Values, cookies ...*http.Cookie) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	req.RemoteAddr, req.Host = "127.0.0.1:50123", "127.0.0.1:8080"
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func get(t *testing.T, h http.Handler, target string, cookies ...*http.Cookie) (*http.Response, string) {
	t.Helper()
	return request(t, h, http.MethodGet, target, nil, cookies...)
}

// login logs in with the right token and returns the session cookie.
func login(t *testing.T, h http.Handler) *http.Cookie {
	t.Helper()
	res, _ := request(t, h, http.MethodPost, "/officer/login", url.Values{"token": {consoleToken}})
	for _, c := range res.Cookies() {
		if c.Name == "ansinh_officer" && c.Value != "" {
			return c
		}
	}
	t.Fatalf("login: status %d, no session cookie", res.StatusCode)
	return nil
}

func mustContain(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func mustNotContain(t *testing.T, body string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(body, w) {
			t.Errorf("page contains %q", w)
		}
	}
}

func TestConsoleLogin(t *testing.T) {
	t.Run("anonymous gets the login page, not tickets", func(t *testing.T) {
		res, body := get(t, newConsole(fixture()), "/officer")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status = %d, want 200", res.StatusCode)
		}
		mustContain(t, body, "Bảng điều khiển cán bộ", "Mã truy cập", `type="password"`, "admin.token",
			`action="/officer/login"`)
		mustNotContain(t, body, "Nguyễn Thị Lan", "Đăng xuất", "<script")
	})
	t.Run("anonymous pages and downloads redirect to the login page", func(t *testing.T) {
		h := newConsole(fixture())
		for _, target := range []string{"/officer/tickets/2", "/officer/export.csv?status=all", "/officer/export.xlsx"} {
			res, _ := get(t, h, target)
			if res.StatusCode != http.StatusSeeOther {
				t.Errorf("%s: status = %d, want 303", target, res.StatusCode)
				continue
			}
			want := "/officer?" + url.Values{"next": {target}}.Encode()
			if got := res.Header.Get("Location"); got != want {
				t.Errorf("%s: Location = %q, want %q", target, got, want)
			}
		}
	})
	t.Run("the login page keeps where to go next", func(t *testing.T) {
		_, body := get(t, newConsole(fixture()), "/officer?next=%2Fofficer%2Ftickets%2F2")
		mustContain(t, body, `name="next" value="/officer/tickets/2"`)
	})
	t.Run("wrong token is refused after a delay", func(t *testing.T) {
		h := newConsole(fixture())
		start := time.Now()
		res, body := request(t, h, http.MethodPost, "/officer/login", url.Values{"token": {"guess"}})
		if res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("status = %d, want 401", res.StatusCode)
		}
		if d := time.Since(start); d < 400*time.Millisecond {
			t.Errorf("answered after %v, want a delay against guessing", d)
		}
		if len(res.Cookies()) != 0 {
			t.Errorf("cookies = %v, want none", res.Cookies())
		}
		mustContain(t, body, "Mã truy cập không đúng", "Mã truy cập")
		mustNotContain(t, body, "guess")
		// The delay is over once the answer came: the officer may retry.
		login(t, h)
	})
	t.Run("right token sets a session cookie that is not the token", func(t *testing.T) {
		h := newConsole(fixture())
		res, _ := request(t, h, http.MethodPost, "/officer/login", url.Values{"token": {" " + consoleToken + "\n"}})
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/officer" {
			t.Fatalf("status %d, Location %q; want 303 to /officer", res.StatusCode, res.Header.Get("Location"))
		}
		cookies := res.Cookies()
		if len(cookies) != 1 {
			t.Fatalf("cookies = %v, want one", cookies)
		}
		c := cookies[0]
		if c.Value == "" || strings.Contains(c.Value, consoleToken) || strings.Contains(consoleToken, c.Value) {
			t.Errorf("cookie value %q must be set and unrelated to the token", c.Value)
		}
		if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/officer" {
			t.Errorf("cookie HttpOnly=%v SameSite=%v Path=%q; want true, Strict, /officer", c.HttpOnly, c.SameSite, c.Path)
		}
		_, body := get(t, h, "/officer", c)
		mustContain(t, body, "Phiếu yêu cầu", "Nguyễn Thị Lan", "Đăng xuất")
		// Another console with the same token (serve mounts one) accepts it.
		_, body = get(t, newConsole(fixture()), "/officer/tickets/2", c)
		mustContain(t, body, "Phiếu #2")
	})
	t.Run("forged cookies are refused", func(t *testing.T) {
		h := newConsole(fixture())
		valid := login(t, h)
		other := web.Console(fixture(), "another token", ict, quiet)
		for _, value := range []string{consoleToken, "x", strings.ToUpper(valid.Value)} {
			_, body := get(t, h, "/officer", &http.Cookie{Name: "ansinh_officer", Value: value})
			mustNotContain(t, body, "Nguyễn Thị Lan")
		}
		_, body := get(t, other, "/officer", valid)
		mustNotContain(t, body, "Nguyễn Thị Lan")
	})
	t.Run("an empty token logs no one in", func(t *testing.T) {
		h := web.Console(fixture(), "", ict, quiet)
		res, _ := request(t, h, http.MethodPost, "/officer/login", url.Values{"token": {""}})
		if res.StatusCode != http.StatusUnauthorized || len(res.Cookies()) != 0 {
			t.Errorf("status %d, cookies %v; want 401 and none", res.StatusCode, res.Cookies())
		}
	})
	t.Run("next is followed only within the console", func(t *testing.T) {
		h := newConsole(fixture())
		for next, want := range map[string]string{
			"/officer/tickets/2":      "/officer/tickets/2",
			"/officer?status=closed":  "/officer?status=closed",
			"//evil.example/officer":  "/officer",
			"https://evil.example/":   "/officer",
			"/officerx":               "/officer",
			"/\\evil.example/officer": "/officer",
			"/":                       "/officer",
		} {
			res, _ := request(t, h, http.MethodPost, "/officer/login", url.Values{"token": {consoleToken}, "next": {next}})
			if got := res.Header.Get("Location"); got != want {
				t.Errorf("next %q: Location = %q, want %q", next, got, want)
			}
		}
	})
	t.Run("logout clears the cookie", func(t *testing.T) {
		h := newConsole(fixture())
		res, _ := request(t, h, http.MethodPost, "/officer/logout", url.Values{}, login(t, h))
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/officer" {
			t.Fatalf("status %d, Location %q; want 303 to /officer", res.StatusCode, res.Header.Get("Location"))
		}
		cookies := res.Cookies()
		if len(cookies) != 1 || cookies[0].Name != "ansinh_officer" || cookies[0].Value != "" || cookies[0].MaxAge >= 0 {
			t.Errorf("cookies = %v, want the session cookie deleted", cookies)
		}
	})
	t.Run("cross-site login posts are refused", func(t *testing.T) {
		h := newConsole(fixture())
		req := httptest.NewRequest(http.MethodPost, "/officer/login", strings.NewReader("token="+consoleToken))
		req.RemoteAddr, req.Host = "127.0.0.1:50123", "127.0.0.1:8080"
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden || len(rec.Result().Cookies()) != 0 {
			t.Errorf("status %d, cookies %v; want 403 and none", rec.Code, rec.Result().Cookies())
		}
	})
}
