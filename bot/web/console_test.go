package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

var (
	ict        = time.FixedZone("ICT", 7*3600)
	consoleNow = time.Date(2026, 11, 27, 9, 0, 0, 0, ict)
)

// tickets is an in-memory web.TicketSource.
type tickets struct {
	list      []bot.Ticket
	audit     []bot.AuditRecord
	reminders []bot.Reminder
	err       error
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

func (s *tickets) AllReminders() ([]bot.Reminder, error) { return s.reminders, nil }

// quiet keeps the console's log out of the test output.
var quiet = web.WithLogger(slog.New(slog.DiscardHandler))

// officers is a web.Officers: officer telegram:7 and anyone added, and a
// record of the actions asked for.
type officers struct {
	mu   sync.Mutex
	ids  map[string]bool
	acts []bot.ConsoleAction
}

func (o *officers) IsOfficer(id string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.ids[id]
}

func (o *officers) Act(_ context.Context, a bot.ConsoleAction) (string, bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.ids[a.Officer] {
		return "refused", false, bot.ErrNotOfficer
	}
	o.acts = append(o.acts, a)
	return fmt.Sprintf("done %s %d", a.Verb, a.ID), true, nil
}

const consoleOfficer = "telegram:7"

// consoleEnv is a console over fixture tickets, a real session store and
// fake officers.
type consoleEnv struct {
	http.Handler
	st   *store.Store
	offs *officers
}

func newConsole(t *testing.T, src *tickets, opts ...web.Option) *consoleEnv {
	return newConsoleURL(t, src, "", opts...)
}

func newConsoleURL(t *testing.T, src *tickets, publicURL string, opts ...web.Option) *consoleEnv {
	t.Helper()
	st := storetest.Open(t)
	e := &consoleEnv{st: st, offs: &officers{ids: map[string]bool{consoleOfficer: true}}}
	opts = append([]web.Option{web.WithNow(func() time.Time { return consoleNow }), quiet}, opts...)
	e.Handler = web.Console(web.ConsoleConfig{Tickets: src, Sessions: st, Officers: e.offs, Location: ict, PublicURL: publicURL}, opts...)
	return e
}

// link stores a sign-in link for officer, created at created, and returns
// its secret.
func (e *consoleEnv) link(t *testing.T, officer string, created time.Time) string {
	t.Helper()
	secret, err := bot.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	l := bot.LoginLink{Hash: bot.SecretHash(secret), Officer: officer, Created: created, Expires: created.Add(bot.LoginLinkTTL)}
	if err := e.st.Apply(context.Background(), func(tx bot.Tx) error { return tx.PutLoginLink(l) }); err != nil {
		t.Fatal(err)
	}
	return secret
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

// sessionCookie returns the session cookie res set, or nil.
func sessionCookie(res *http.Response) *http.Cookie {
	for _, c := range res.Cookies() {
		if c.Name == "ansinh_officer" && c.Value != "" {
			return c
		}
	}
	return nil
}

// login signs the officer in with a fresh link and returns the cookie.
func login(t *testing.T, e *consoleEnv) *http.Cookie {
	t.Helper()
	res, _ := request(t, e, http.MethodPost, "/officer/login", url.Values{"t": {e.link(t, consoleOfficer, consoleNow)}})
	if c := sessionCookie(res); c != nil {
		return c
	}
	t.Fatalf("login: status %d, no session cookie", res.StatusCode)
	return nil
}

// csrfOf reads the CSRF token and form key off a page.
func csrfOf(t *testing.T, body string) (csrf, key string) {
	t.Helper()
	if m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(body); m != nil {
		csrf = m[1]
	}
	if m := regexp.MustCompile(`name="key" value="([^"]+)"`).FindStringSubmatch(body); m != nil {
		key = m[1]
	}
	if csrf == "" {
		t.Fatalf("no CSRF token in page")
	}
	return csrf, key
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
