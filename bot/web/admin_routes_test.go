package web_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

// errorOf decodes an admin API error body.
func errorOf(t *testing.T, body []byte) string {
	t.Helper()
	var e struct {
		Error string `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("error body %q: %v", body, err)
	}
	return e.Error
}

// adminCase is one request and the exact answer it must get: the status
// and, for errors, the message.
type adminCase struct {
	method, path, body string
	want               int
	msg                string
}

func (f *adminFixture) check(t *testing.T, cases []adminCase) {
	t.Helper()
	for _, c := range cases {
		rec := f.call(c.method, c.path, c.body, nil)
		if rec.Code != c.want {
			t.Errorf("%s %s %s: %d %s, want %d", c.method, c.path, c.body, rec.Code, rec.Body, c.want)
			continue
		}
		if c.msg != "" {
			if got := errorOf(t, rec.Body.Bytes()); got != c.msg {
				t.Errorf("%s %s %s: error %q, want %q", c.method, c.path, c.body, got, c.msg)
			}
		}
	}
}

func TestAdminTickets(t *testing.T) {
	f := newAdminFixture(t)
	f.check(t, []adminCase{
		{"GET", "/admin/tickets?status=bogus", "", 400, `status "bogus": chỉ có open, assigned, answered, closed, active hoặc all`},
		{"GET", "/admin/tickets?overdue=maybe", "", 400, `overdue "maybe": want 1 or 0`},
		{"GET", "/admin/tickets?limit=-1", "", 400, "limit -1: cần 0 (không giới hạn) trở lên"},
		{"GET", "/admin/tickets/42", "", 404, "ticket 42 not found"},
		{"GET", "/admin/tickets/0", "", 400, "ticket number: want a positive integer"},
		{"GET", "/admin/tickets/export?format=pdf", "", 400, "format: want csv or xlsx"},
		{"GET", "/admin/unanswered?since=yesterday", "", 400, "since: want an RFC 3339 time"},
		{"DELETE", "/admin/tickets/1", "", 404, "no such admin endpoint"},
	})

	rec := f.call("GET", "/admin/tickets?status=closed", "", nil)
	if rec.Code != 200 || rec.Body.String() != "[]\n" {
		t.Errorf("no closed tickets: %d %q, want 200 []", rec.Code, rec.Body)
	}
	var list []bot.Ticket
	rec = f.call("GET", "/admin/tickets?overdue=1", "", nil)
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || len(list) != 1 || list[0].ID != 1 || list[0].Name != "Nguyễn Văn An" {
		t.Errorf("overdue tickets = %+v, %v; want #1 (due 26 Nov, now 27 Nov)", list, err)
	}
	var d web.TicketDetail
	rec = f.call("GET", "/admin/tickets/1", "", nil)
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil || d.Ticket.Question != "Tôi muốn vay vốn làm chuồng bò" ||
		len(d.Audit) != 1 || d.Audit[0].Detail != "Gọi lại sau" {
		t.Errorf("ticket 1 = %+v, %v", d, err)
	}

	rec = f.call("GET", "/admin/tickets/export?format=csv", "", nil)
	if ct := rec.Header().Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("export Content-Type = %q", ct)
	}
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="ansinh-tickets-20261127-0900.csv"` {
		t.Errorf("export Content-Disposition = %q", cd)
	}
	if !strings.Contains(rec.Body.String(), "Tôi muốn vay vốn làm chuồng bò") {
		t.Errorf("export lacks the ticket:\n%s", rec.Body)
	}
	rec = f.call("GET", "/admin/tickets/export?format=xlsx", "", nil)
	if ct := rec.Header().Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
		t.Errorf("xlsx export Content-Type = %q", ct)
	}
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="ansinh-tickets-20261127-0900.xlsx"` {
		t.Errorf("xlsx export Content-Disposition = %q", cd)
	}
	if n, _ := strconv.Atoi(rec.Header().Get("Content-Length")); n != rec.Body.Len() || !bytes.HasPrefix(rec.Body.Bytes(), []byte("PK")) {
		t.Errorf("xlsx export: Content-Length %q for %d bytes, want a whole zip file", rec.Header().Get("Content-Length"), rec.Body.Len())
	}
}

func TestAdminBackup(t *testing.T) {
	f := newAdminFixture(t)
	db := filepath.Join(f.dir, "ansinh.db")
	copyPath := filepath.Join(f.dir, "copy.db")
	f.check(t, []adminCase{
		{"POST", "/admin/backup", `{"path":"relative.db"}`, 400, "path must be absolute"},
		{"POST", "/admin/backup", `not json`, 400, `body: want {"path": "/absolute/file"}`},
		{"POST", "/admin/backup", `{"path":"` + db + `"}`, 400, "backup file " + db + " is the database itself"},
		{"POST", "/admin/backup", `{"path":"` + f.dir + `"}`, 400, "backup file " + f.dir + " is a directory"},
		{"POST", "/admin/backup", `{"path":"` + filepath.Join(f.dir, "no", "copy.db") + `"}`, 400,
			"backup file " + filepath.Join(f.dir, "no", "copy.db") + ": the directory " + filepath.Join(f.dir, "no") + " does not exist"},
		{"POST", "/admin/backup", `{"path":"` + copyPath + `"}`, 200, ""},
		{"POST", "/admin/backup", `{"path":"` + copyPath + `"}`, 400, "backup file " + copyPath + " exists; add --force to replace it"},
		{"POST", "/admin/backup", `{"path":"` + copyPath + `","force":true}`, 200, ""},
	})
	if fi, err := os.Stat(copyPath); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup file: %v, %v; want mode 600", fi, err)
	}
	rec := f.call("POST", "/admin/backup", `{"path":"`+filepath.Join(f.dir, "x", "..", "copy2.db")+`"}`, nil)
	if want := `{"path":"` + filepath.Join(f.dir, "copy2.db") + `"}` + "\n"; rec.Body.String() != want {
		t.Errorf("backup answer = %q, want %q (the cleaned path)", rec.Body, want)
	}
}

func TestAdminReminders(t *testing.T) {
	f := newAdminFixture(t)
	const future = "2026-12-01T09:00:00+07:00"
	before := f.state(t)
	f.check(t, []adminCase{
		{"GET", "/admin/reminders?all=maybe", "", 400, `all "maybe": want 1 or 0`},
		{"POST", "/admin/reminders", `{"audience":"all","text":"x","cron":"* * * * *"}`, 400, ""},
		{"POST", "/admin/reminders", `{"audience":"all","text":"","at":"` + future + `"}`, 400, ""},
		{"POST", "/admin/reminders", `{"audience":"all","text":"x","at":"2001-01-01T08:00:00+07:00"}`, 400, ""},
		{"POST", "/admin/reminders", `{"audience":"all","text":"x","at":"` + future + `","cron":"0 8 * * *"}`, 400, "--at và --cron: chỉ dùng một trong hai"},
		{"POST", "/admin/reminders", `{"audience":"all","text":"x"}`, 400, `thiếu thời điểm gửi: thêm --at "YYYY-MM-DD HH:MM" để gửi một lần, hoặc --cron "LỊCH" để gửi lặp lại`},
		{"POST", "/admin/reminders", `{"audience":"all","text":"x","cron":"0 8 * * *","until":"31/12"}`, 400, `--until "31/12": ngày phải viết YYYY-MM-DD`},
		{"POST", "/admin/reminders", `{"audience":"all","text":"x","at":"` + future + `","officer":"me"}`, 400,
			"body: want a reminder request (audience, text, at or cron, until, grace)"},
		{"POST", "/admin/reminders", `not json`, 400, "body: want a reminder request (audience, text, at or cron, until, grace)"},
		{"POST", "/admin/reminders/999/cancel", "", 404, "reminder 999: not found"},
		{"POST", "/admin/reminders/1/cancel", "", 409, "#1 là nhắc việc riêng của người dân, chỉ người dân tự thay đổi được"},
		{"POST", "/admin/reminders/1/delete", "", 404, "no such admin endpoint"},
		{"POST", "/admin/reminders/abc/pause", "", 400, "reminder number: want a positive integer"},
		{"GET", "/admin/reminders/1/cancel", "", 404, "no such admin endpoint"},
	})
	if after := f.state(t); after != before {
		t.Errorf("refused requests changed the database:\n%s\n%s", before, after)
	}
	// The rules' own refusals, flagged with the CLI's flag names.
	for body, want := range map[string]string{
		`{"audience":"all","text":"","at":"` + future + `"}`:       "--text",
		`{"audience":"everyone","text":"x","at":"` + future + `"}`: "--audience",
		`{"audience":"all","text":"x","cron":"* * * * *"}`:         "--cron",
	} {
		rec := f.call("POST", "/admin/reminders", body, nil)
		var req web.ReminderRequest
		_ = json.Unmarshal([]byte(body), &req)
		_, ruleErr := req.Broadcast("cli", ict, consoleNow)
		if msg := errorOf(t, rec.Body.Bytes()); rec.Code != 400 || ruleErr == nil || msg != ruleErr.Error() || !strings.HasPrefix(msg, want+": ") {
			t.Errorf("POST %s: %d %q, want 400 with the rules' refusal %v naming %s", body, rec.Code, msg, ruleErr, want)
		}
	}

	rec := f.call("GET", "/admin/reminders?all=1", "", nil)
	for _, secret := range []string{adminCitizenID, adminCitizenText} {
		if strings.Contains(rec.Body.String(), secret) {
			t.Errorf("GET /admin/reminders shows %q:\n%s", secret, rec.Body)
		}
	}

	var res web.ReminderResult
	steps := []struct {
		method, path, body string
		want               int
		action             string
		changed            bool
	}{
		{"POST", "/admin/reminders", `{"audience":"topic:loan","text":"Hạn nộp hồ sơ vay","at":"` + future + `"}`, 200, bot.ActionAdd, true},
		{"POST", "/admin/reminders/3/pause", "", 200, bot.ActionPause, true},
		{"POST", "/admin/reminders/3/pause", "", 200, bot.ActionPause, false},
		{"POST", "/admin/reminders/3/resume", "", 200, bot.ActionResume, true},
		{"POST", "/admin/reminders/3/cancel", "", 200, bot.ActionCancel, true},
		{"POST", "/admin/reminders/3/cancel", "", 200, bot.ActionCancel, false},
	}
	for _, s := range steps {
		rec := f.call(s.method, s.path, s.body, nil)
		res = web.ReminderResult{}
		if err := json.Unmarshal(rec.Body.Bytes(), &res); rec.Code != s.want || err != nil || res.Action != s.action ||
			res.Changed != s.changed || res.Reminder.ID != 3 {
			t.Errorf("%s %s: %d %s, want %d %s changed=%v on #3", s.method, s.path, rec.Code, rec.Body, s.want, s.action, s.changed)
		}
	}
	f.check(t, []adminCase{
		{"POST", "/admin/reminders/3/resume", "", 409, "thông báo #3 đã hủy, không tạm dừng hay tiếp tục được; hãy tạo thông báo mới"},
	})
	audit, err := f.st.AuditLog(0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range audit {
		if strings.HasPrefix(r.Action, "reminder_") {
			got = append(got, r.Officer+" "+r.Action+" "+r.Detail)
		}
	}
	want := []string{
		"cli reminder_add #3 topic:loan · at 2026-12-01 09:00",
		"cli reminder_pause #3",
		"cli reminder_resume #3",
		"cli reminder_cancel #3",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit log:\n%q\nwant (no-ops not audited):\n%q", got, want)
	}
}
