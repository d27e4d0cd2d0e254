package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store"
)

// checkReminderAdminAPI calls the reminder endpoints of a running serve
// directly: refusals change nothing, and the client rebuilds them.
func checkReminderAdminAPI(t *testing.T, cfg Config, base uint64) {
	t.Helper()
	url := adminBaseURL(cfg.HTTP)
	token, err := readAdminToken(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	call := func(method, path, auth, body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest(method, url+path, strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	bearer := "Bearer " + token
	_, before := call("GET", "/admin/reminders?all=1", bearer, "")
	future := time.Now().Add(72 * time.Hour).Format(time.RFC3339)
	// The routes are tested next to the handler (bot/web); here serve's
	// wiring: the token file opens the API, and a refusal changes nothing.
	for _, c := range []struct {
		method, path, auth, body string
		want                     int
	}{
		{"GET", "/admin/reminders", "", "", http.StatusUnauthorized},
		{"POST", "/admin/reminders/1/cancel", "Bearer " + strings.Repeat("0", 64), "", http.StatusUnauthorized},
		{"POST", "/admin/reminders", bearer, `{"audience":"all","text":"","at":"` + future + `"}`, http.StatusBadRequest},
	} {
		if got, body := call(c.method, c.path, c.auth, c.body); got != c.want {
			t.Errorf("%s %s %s: %d %s, want %d", c.method, c.path, c.body, got, body, c.want)
		}
	}
	status, after := call("GET", "/admin/reminders?all=1", bearer, "")
	if status != http.StatusOK || after != before {
		t.Errorf("refused requests changed the reminders:\n%s\n%s", before, after)
	}
	for _, secret := range []string{citizenID, citizenText} {
		if strings.Contains(after, secret) {
			t.Errorf("GET /admin/reminders shows %q", secret)
		}
	}

	c, err := newAdminClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	bad := web.ReminderRequest{Audience: "all", Text: "x", Cron: "0 8 * * *", Grace: "1s"}
	_, want := bad.Broadcast(cliOfficer, cfg.Location, time.Now())
	_, got := c.AddReminder(context.Background(), bad)
	if _, ok := bot.AsRefusal(got); !ok || want == nil || got.Error() != want.Error() {
		t.Errorf("refusal through serve = %v, want %v", got, want)
	}
	if _, err := c.ChangeReminder(context.Background(), 999, actionResume); !errors.Is(err, bot.ErrNotFound) {
		t.Errorf("unknown reminder through serve = %v, want ErrNotFound", err)
	}
}

// checkReminderStore checks what the script left in the database: the
// three broadcasts in their final state and one audit record per change.
func checkReminderStore(t *testing.T, cfg Config, s *reminderScript) {
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, err := st.AllReminders()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != int(s.base)+3 {
		t.Fatalf("%d reminders, want %d", len(all), s.base+3)
	}
	a, b, c := all[2], all[1], all[0] // newest first
	at := s.day.Add(9 * time.Hour)
	if a.Type != bot.ReminderBroadcast || a.Audience != "all" || !a.At.Equal(at) || a.Spec != "" || a.CreatedBy != "cli" ||
		a.Grace != bot.DefaultGrace || !a.Active() {
		t.Errorf("one-off = %+v", a)
	}
	until := time.Date(2099, 12, 31, 0, 0, 0, 0, cfg.Location)
	if b.Spec != "0 8 * * 1" || !b.Until.Equal(until) || b.Grace != 6*time.Hour || !b.Active() {
		t.Errorf("weekly = %+v", b)
	}
	if c.Audience != "commune:Phù Lãng" || !c.Cancelled {
		t.Errorf("monthly = %+v", c)
	}
	if p, err := st.Reminder(1); err != nil || p.Text != citizenText || p.Owner.ID != citizenID || !p.Active() {
		t.Errorf("personal reminder = %+v, %v; want it untouched", p, err)
	}
	audit, err := st.AuditLog(0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range audit {
		got = append(got, r.Officer+" "+r.Action+" "+r.Detail)
	}
	want := []string{
		"cli reminder_add #" + s.id(1) + " all · at " + at.Format("2006-01-02 15:04"),
		"cli reminder_add #" + s.id(2) + " topic:loan · cron 0 8 * * 1 · until 2099-12-31",
		"cli reminder_add #" + s.id(3) + " commune:Phù Lãng · cron 0 9 1 * *",
		"cli reminder_pause #" + s.id(2),
		"cli reminder_resume #" + s.id(2),
		"cli reminder_cancel #" + s.id(3),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit log:\n%q\nwant:\n%q", got, want)
	}
}

// checkDelivery runs the app's scheduler on the stopped serve's database
// just after the one-off's time: one outbox row for the active web user,
// none for the one who sent /stop.
func checkDelivery(t *testing.T, cfg Config, s *reminderScript) {
	st, err := store.Open(cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	quiet, err := cfg.quiet()
	if err != nil {
		t.Fatal(err)
	}
	at := s.day.Add(9 * time.Hour)
	sched := remind.NewScheduler(remind.Config{Store: st, Location: cfg.Location, Quiet: quiet})
	stats, err := sched.SendDue(context.Background(), at.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := st.Due(at.Add(time.Second), 10000, nil)
	if err != nil {
		t.Fatal(err)
	}
	var ours []bot.Delivery
	for _, d := range rows {
		if strings.HasPrefix(d.Key, "r"+s.id(1)+":") {
			ours = append(ours, d)
		}
	}
	if len(ours) != 1 || ours[0].UserID != "w-active" || ours[0].Channel != bot.ChannelWeb ||
		!strings.Contains(ours[0].Text, "Họp dân thôn Đông lúc 9 giờ") {
		t.Fatalf("outbox rows of the one-off = %+v, want one for w-active", ours)
	}
	if stats.Skipped["stopped"] < 1 {
		t.Errorf("stats = %+v, want the stopped user skipped", stats)
	}
	if r, err := st.Reminder(s.base + 1); err != nil || !r.Cancelled || !r.Last.Equal(at) {
		t.Errorf("one-off after sending = %+v, %v; want done (cancelled) with Last = %v", r, err, at)
	}
}

func TestRemindersUsage(t *testing.T) {
	cfg := testConfig(t, nil)
	for _, args := range [][]string{nil, {"frobnicate"}, {"list", "extra"}, {"add", "extra"}, {"cancel"}, {"pause", "1", "2"}, {"add", "--bogus"}} {
		if err := runReminders(context.Background(), cfg, args, io.Discard); !errors.Is(err, errUsage) {
			t.Errorf("reminders %q: %v, want usage", args, err)
		}
	}
	// A missing number, an unknown option or a word too many is named in
	// one line, not answered with the whole usage (QA 72 #11).
	for args, want := range map[string]string{
		"cancel":       "ansinh reminders cancel: thiếu số lịch nhắc (ví dụ: ansinh reminders cancel 5) (xem: ansinh help)",
		"pause 1 2":    `ansinh reminders pause: thừa "2": chỉ ghi một số lịch nhắc (xem: ansinh help)`,
		"list --bogus": "ansinh reminders list: không có tùy chọn --bogus (xem: ansinh help)",
		"add --at":     "ansinh reminders add: tùy chọn --at thiếu giá trị (xem: ansinh help)",
		"list extra":   `ansinh reminders list: thừa "extra" (xem: ansinh help)`,
	} {
		err := runReminders(context.Background(), cfg, strings.Fields(args), io.Discard)
		var line *usageLine
		if !errors.As(err, &line) || err.Error() != want {
			t.Errorf("reminders %s: %v, want the line %q", args, err, want)
		}
	}
	var out bytes.Buffer
	err := runReminders(context.Background(), cfg, []string{"cancel", "abc"}, &out)
	if err == nil || err.Error() != `số lịch nhắc "abc" không hợp lệ: cần một số nguyên dương` {
		t.Errorf("cancel abc: %v", err)
	}
	err = runReminders(context.Background(), cfg, []string{"add", "--audience", "all", "--text", "x"}, &out)
	if err == nil || !strings.Contains(err.Error(), "thiếu thời điểm gửi: thêm --at") {
		t.Errorf("add without a time: %v", err)
	}
	err = runReminders(context.Background(), cfg, []string{"list"}, &out)
	if err == nil || !strings.Contains(err.Error(), "no database at this path") {
		t.Errorf("list without a database: %v", err)
	}
	if _, err := os.Stat(cfg.DB); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("database created by refused commands: %v", err)
	}
	if !strings.Contains(usage, "ansinh reminders add --audience") || !strings.Contains(usage, "ansinh reminders list [--all]") {
		t.Errorf("usage lacks the reminders commands")
	}
}
