package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/bot/web/gate"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

const adminToken = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// Personal reminder #1 of the fixture: what officers must never see.
const (
	adminCitizenID   = "z-918273"
	adminCitizenText = "Nhắc tôi đóng tiền vay ngày 5"
)

// adminFixture is the admin API over a real store holding ticket #1 with
// one audit record, a citizen's personal reminder #1 and an active
// broadcast #2.
type adminFixture struct {
	st   *store.Store
	h    http.Handler
	dir  string
	logs bytes.Buffer
}

func newAdminFixture(t *testing.T) *adminFixture {
	t.Helper()
	f := &adminFixture{dir: t.TempDir()}
	st, err := store.Open(filepath.Join(f.dir, "ansinh.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.st = st
	err = st.Apply(context.Background(), func(tx bot.Tx) error {
		tk := bot.Ticket{Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "1001"}, ChatID: "1001",
			Name: "Nguyễn Văn An", Commune: "Phù Lãng", Topic: "loan", Question: "Tôi muốn vay vốn làm chuồng bò",
			Status: bot.StatusOpen, Priority: bot.PriorityNormal, Created: at(25, 8), Updated: at(25, 8), Due: at(26, 8)}
		if err := tx.PutTicket(&tk); err != nil {
			return err
		}
		if err := tx.Audit(bot.AuditRecord{Time: at(25, 9), Ticket: tk.ID, Officer: "telegram:555", Action: "note", Detail: "Gọi lại sau"}); err != nil {
			return err
		}
		personal := bot.Reminder{Type: bot.ReminderLoanDay, Owner: bot.UserKey{Channel: bot.ChannelZalo, ID: adminCitizenID},
			ChatID: adminCitizenID, Text: adminCitizenText, Spec: "0 8 5 * *", Created: at(20, 8), CreatedBy: "zalo:" + adminCitizenID}
		if err := tx.PutReminder(&personal); err != nil {
			return err
		}
		broadcast, err := bot.NewBroadcast(bot.BroadcastRequest{Audience: "all", Text: "Họp dân thôn Đông", Spec: "0 8 * * 1", By: "cli"}, consoleNow, ict)
		if err != nil {
			return err
		}
		return tx.PutReminder(&broadcast)
	})
	if err != nil {
		t.Fatal(err)
	}
	a := web.NewAdmin(web.AdminConfig{Store: st, Location: ict, By: "cli", Now: func() time.Time { return consoleNow }})
	f.h = a.Handler(adminToken, web.WithLogger(slog.New(slog.NewTextHandler(&f.logs, nil))),
		web.WithGate(gate.New(nil, "0.0.0.0:8080")))
	return f
}

// call sends a request as the CLI does (loopback, own host, the token)
// after edit changed it.
func (f *adminFixture) call(method, path, body string, edit func(*http.Request)) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.RemoteAddr, req.Host = "127.0.0.1:50000", "127.0.0.1:8080"
	req.Header.Set("Authorization", "Bearer "+adminToken)
	if edit != nil {
		edit(req)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	return rec
}

// state is what a refused request must leave alone: reminders, audit log,
// tickets and the folder's files.
func (f *adminFixture) state(t *testing.T) string {
	t.Helper()
	rems, err1 := f.st.AllReminders()
	audit, err2 := f.st.AuditLog(0)
	tickets, err3 := f.st.Tickets(bot.TicketFilter{})
	entries, err4 := os.ReadDir(f.dir)
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	b, _ := json.Marshal([]any{rems, audit, tickets, names})
	return string(b)
}

// adminRoutes is every route of the admin API with a request that succeeds.
func adminRoutes(dir string) []struct {
	method, path, body string
	want               int
} {
	return []struct {
		method, path, body string
		want               int
	}{
		{"GET", "/admin/tickets", "", http.StatusOK},
		{"GET", "/admin/tickets/1", "", http.StatusOK},
		{"GET", "/admin/tickets/export?format=csv", "", http.StatusOK},
		{"GET", "/admin/unanswered", "", http.StatusOK},
		{"POST", "/admin/backup", `{"path":"` + filepath.Join(dir, "copy.db") + `"}`, http.StatusOK},
		{"GET", "/admin/reminders", "", http.StatusOK},
		{"POST", "/admin/reminders", `{"audience":"all","text":"Họp thôn","at":"2026-12-01T09:00:00+07:00"}`, http.StatusOK},
		{"POST", "/admin/reminders/2/pause", "", http.StatusOK},
		{"GET", "/admin/nothing", "", http.StatusNotFound},
	}
}

func TestAdminGuardOnEveryRoute(t *testing.T) {
	const (
		local = `{"error":"the admin API accepts only local requests"}` + "\n"
		host  = `{"error":"the admin API accepts only requests to this server's own host names"}` + "\n"
		token = `{"error":"missing or wrong admin token"}` + "\n"
	)
	refusals := []struct {
		name string
		edit func(*http.Request)
		want int
		body string
	}{
		{"a remote peer", func(r *http.Request) { r.RemoteAddr = "192.0.2.7:50000" }, http.StatusForbidden, local},
		{"a remote IPv6 peer", func(r *http.Request) { r.RemoteAddr = "[2001:db8::7]:50000" }, http.StatusForbidden, local},
		{"an undeclared proxy", func(r *http.Request) { r.Header.Set("X-Forwarded-For", "198.51.100.1") }, http.StatusForbidden, local},
		{"an empty X-Forwarded-For", func(r *http.Request) { r.Header["X-Forwarded-For"] = []string{""} }, http.StatusForbidden, local},
		{"a foreign Host", func(r *http.Request) { r.Host = "rebind.attacker.example:8080" }, http.StatusForbidden, host},
		{"no token", func(r *http.Request) { r.Header.Del("Authorization") }, http.StatusUnauthorized, token},
		{"a wrong token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+strings.ToUpper(adminToken)) }, http.StatusUnauthorized, token},
		{"a token cut short", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+adminToken[:63]) }, http.StatusUnauthorized, token},
		{"the token without Bearer", func(r *http.Request) { r.Header.Set("Authorization", adminToken) }, http.StatusUnauthorized, token},
		{"an empty bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer ") }, http.StatusUnauthorized, token},
	}
	f := newAdminFixture(t)
	before := f.state(t)
	for _, route := range adminRoutes(f.dir) {
		for _, c := range refusals {
			rec := f.call(route.method, route.path, route.body, c.edit)
			if rec.Code != c.want || rec.Body.String() != c.body {
				t.Errorf("%s %s from %s: %d %q, want %d %q", route.method, route.path, c.name, rec.Code, rec.Body, c.want, c.body)
			}
			if got := rec.Header().Get("WWW-Authenticate"); (c.want == http.StatusUnauthorized) != (got == `Bearer realm="ansinh admin"`) {
				t.Errorf("%s %s from %s: WWW-Authenticate %q", route.method, route.path, c.name, got)
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("%s %s from %s: Cache-Control %q, want no-store", route.method, route.path, c.name, got)
			}
		}
	}
	if after := f.state(t); after != before {
		t.Errorf("refused requests changed the database or the folder:\n%s\n%s", before, after)
	}
	logs := f.logs.String()
	for _, want := range []string{"reason=\"not from loopback\"", "reason=\"host not served\"", "reason=\"missing or wrong token\""} {
		if !strings.Contains(logs, want) {
			t.Errorf("refusals not logged with %s:\n%s", want, logs)
		}
	}
	if strings.Contains(strings.ToLower(logs), adminToken) {
		t.Errorf("the log holds the token")
	}
	for _, route := range adminRoutes(f.dir) {
		if rec := f.call(route.method, route.path, route.body, nil); rec.Code != route.want {
			t.Errorf("%s %s with the token: %d %s, want %d", route.method, route.path, rec.Code, rec.Body, route.want)
		}
	}
}

// A loopback client behind a trusted proxy passes; the same proxy naming a
// remote client does not.
func TestAdminGuardTrustedProxy(t *testing.T) {
	st := storetest.Open(t)
	proxy, err := gate.ParseCIDRs("10.0.0.2")
	if err != nil {
		t.Fatal(err)
	}
	h := web.NewAdmin(web.AdminConfig{Store: st}).Handler(adminToken,
		web.WithLogger(slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))), web.WithGate(gate.New(proxy)))
	for client, want := range map[string]int{"127.0.0.1": http.StatusOK, "192.0.2.7": http.StatusForbidden} {
		req := httptest.NewRequest("GET", "/admin/reminders", nil)
		req.RemoteAddr, req.Host = "10.0.0.2:40000", "localhost"
		req.Header.Set("X-Forwarded-For", client)
		req.Header.Set("Authorization", "Bearer "+adminToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("client %s through the trusted proxy: %d %s, want %d", client, rec.Code, rec.Body, want)
		}
	}
}
