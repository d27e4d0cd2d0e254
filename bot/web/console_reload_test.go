package web_test

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestConsoleReloadButton: the broadcasts page offers "Tải lại nội dung";
// pressing it reloads for the signed-in officer and shows the outcome, a
// refused edit with 409 and its problems; without the CSRF token nothing
// is reloaded.
func TestConsoleReloadButton(t *testing.T) {
	st := storetest.Open(t)
	var calls []string
	var fail error
	reload := func(officer string) (string, error) {
		calls = append(calls, officer)
		if fail != nil {
			return "Nội dung mới có lỗi nên chưa được dùng.", fail
		}
		return "Đã tải lại nội dung: 161 mục đang được dùng.", nil
	}
	e := &consoleEnv{st: st, offs: &officers{ids: map[string]bool{consoleOfficer: true}}}
	e.Handler = web.Console(web.ConsoleConfig{Tickets: fixture(), Sessions: st, Officers: e.offs, Location: ict, Reload: reload},
		web.WithNow(func() time.Time { return consoleNow }), quiet)
	c := login(t, e)
	_, page := get(t, e, "/officer/broadcasts", c)
	mustContain(t, page, `action="/officer/content/reload"`, "Tải lại nội dung")
	csrf, _ := csrfOf(t, page)

	res, _ := request(t, e, http.MethodPost, "/officer/content/reload", url.Values{}, c)
	if res.StatusCode != http.StatusForbidden || len(calls) != 0 {
		t.Fatalf("without CSRF: status %d, reloads %v", res.StatusCode, calls)
	}
	res, body := request(t, e, http.MethodPost, "/officer/content/reload", url.Values{"csrf": {csrf}}, c)
	if res.StatusCode != http.StatusOK || len(calls) != 1 || calls[0] != consoleOfficer {
		t.Fatalf("reload: status %d, reloads %v", res.StatusCode, calls)
	}
	mustContain(t, body, "Đã tải lại nội dung: 161 mục đang được dùng.")

	fail = errors.New("content reload rejected: loan.yaml: entry x: next y: no such entry")
	res, body = request(t, e, http.MethodPost, "/officer/content/reload", url.Values{"csrf": {csrf}}, c)
	if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Nội dung mới có lỗi nên chưa được dùng.") {
		t.Errorf("refused reload: status %d, body lacks the refusal", res.StatusCode)
	}

	// Without a reload function the button and the route are absent.
	plain := newConsole(t, fixture())
	pc := login(t, plain)
	_, page = get(t, plain, "/officer/broadcasts", pc)
	if strings.Contains(page, "/officer/content/reload") {
		t.Error("reload button shown without a reload function")
	}
}
