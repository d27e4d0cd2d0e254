package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// formKey reads the key of the form posting to action off a page.
func formKey(t *testing.T, page, action string) string {
	t.Helper()
	m := regexp.MustCompile(`action="` + regexp.QuoteMeta(action) + `"[^>]*>\s*<input type="hidden" name="csrf" value="[^"]+"><input type="hidden" name="key" value="([^"]+)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no form posting to %s on the page", action)
	}
	return m[1]
}

const refusedForm = `<p class="error" role="alert" id="failed">Biểu mẫu không khớp với thao tác này: mã biểu mẫu được cấp cho một phiếu, ` +
	`một thao tác hoặc một phiên đăng nhập khác. Không có gì thay đổi. Vui lòng tải lại trang rồi làm lại.</p>`

// TestConsoleFormKeyBound: a form's key is good only for the session,
// ticket (or broadcast) and action it was rendered for. The key of "reply
// to ticket 2" posted to close ticket 2, to reply to ticket 3, from another
// session of the same officer, or to a broadcast, is refused with a clear
// message and nothing reaches the engine; the key itself still works for
// its own form.
func TestConsoleFormKeyBound(t *testing.T) {
	src := fixture()
	src.reminders = []bot.Reminder{{ID: 4, Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Họp dân",
		At: consoleNow.Add(24 * time.Hour), CreatedBy: consoleOfficer}}
	e := newConsole(t, src)
	c := login(t, e)
	_, page := get(t, e, "/officer/tickets/2", c)
	csrf, _ := csrfOf(t, page)
	reply2 := formKey(t, page, "/officer/tickets/2/reply")
	close2 := formKey(t, page, "/officer/tickets/2/close")
	_, bpage := get(t, e, "/officer/broadcasts", c)
	create := formKey(t, bpage, "/officer/broadcasts")
	cancel4 := formKey(t, bpage, "/officer/broadcasts/4/cancel")

	other := login(t, e) // a second browser of the same officer
	_, otherPage := get(t, e, "/officer/tickets/2", other)
	otherCSRF, _ := csrfOf(t, otherPage)

	refused := []struct {
		name, target, csrf, key string
		cookie                  *http.Cookie
	}{
		{"reply key used to close the same ticket", "/officer/tickets/2/close", csrf, reply2, c},
		{"close key used to reply", "/officer/tickets/2/reply", csrf, close2, c},
		{"reply key of ticket 2 used on ticket 3", "/officer/tickets/3/reply", csrf, reply2, c},
		{"reply key of ticket 2 used to close ticket 5", "/officer/tickets/5/close", csrf, reply2, c},
		{"another session's key", "/officer/tickets/2/reply", otherCSRF, reply2, other},
		{"ticket key used on a broadcast", "/officer/broadcasts/4/cancel", csrf, close2, c},
		{"new-broadcast key used to cancel one", "/officer/broadcasts/4/cancel", csrf, create, c},
		{"cancel key of broadcast 4 used to pause it", "/officer/broadcasts/4/pause", csrf, cancel4, c},
		{"a key made up by the browser", "/officer/tickets/2/reply", csrf, "abcdefghijklmnopqrstuv", c},
		{"a key with a forged signature", "/officer/tickets/2/reply", csrf, "abcdefghijklmnopqrstuv.AAAA", c},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			res, body := request(t, e, http.MethodPost, tc.target,
				url.Values{"csrf": {tc.csrf}, "key": {tc.key}, "text": {"Đã xong"}}, tc.cookie)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("status %d, want 403", res.StatusCode)
			}
			mustContain(t, body, refusedForm)
			mustNotContain(t, body, `id="done"`)
		})
	}
	if len(e.offs.acts) != 0 {
		t.Fatalf("refused forms reached the engine: %+v", e.offs.acts)
	}

	// The same keys on their own forms act.
	for _, own := range []struct{ target, key string }{{"/officer/tickets/2/reply", reply2}, {"/officer/broadcasts/4/cancel", cancel4}} {
		target := own.target
		res, body := request(t, e, http.MethodPost, target, url.Values{"csrf": {csrf}, "key": {own.key}, "text": {"Mời bà lên xã."}}, c)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s with its own key: status %d, want 200", target, res.StatusCode)
		}
		mustNotContain(t, body, `id="failed"`)
	}
	if len(e.offs.acts) != 2 || e.offs.acts[0].Verb != bot.VerbReply || e.offs.acts[0].ID != 2 ||
		e.offs.acts[1].Verb != bot.VerbCancel || e.offs.acts[1].ID != 4 {
		t.Errorf("actions = %+v, want reply 2 then cancel 4", e.offs.acts)
	}
}
