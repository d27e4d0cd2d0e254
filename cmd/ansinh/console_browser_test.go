package main

import (
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store"
)

// needChromium returns findChromium's binary, or skips the test when there
// is none.
func needChromium(t *testing.T) string {
	t.Helper()
	exe := findChromium()
	if exe == "" {
		t.Skip("no Chromium found (set ANSINH_CHROME or apt-get install chromium): the browser test cannot run")
	}
	return exe
}

// findChromium returns a Chromium or Chrome binary: $ANSINH_CHROME, else
// the first on PATH. .ci/run installs Debian's chromium when it is missing.
func findChromium() string {
	if p := os.Getenv("ANSINH_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium and returns a context for a tab in
// it, and a function that opens a tab in a new browser context (its own
// cookies, as a second browser would have) of the same process.
func browser(t *testing.T, exe string) (ctx context.Context, another func() context.Context) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	base, cancelBase := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelBase(); cancelAlloc() })
	// The first Do starts the browser and must run without a timeout.
	if err := chromedp.Do(base); err != nil {
		t.Skipf("Chromium at %s would not start (%v): the browser test needs a working Chromium", exe, err)
	}
	limit := func(ctx context.Context) context.Context {
		ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		t.Cleanup(cancel)
		return ctx
	}
	return limit(base), func() context.Context {
		ctx, cancel := chromedp.NewContext(base, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		return limit(ctx)
	}
}

func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// textBecomes reads the text of the first element sel matches until ok
// accepts it or 30 s pass, and returns the last text read. After a click
// that posts a form, the page before it may still show the same element
// (the take's "#done" before the reply's), so one read can be too early.
func textBecomes(t *testing.T, ctx context.Context, sel string, ok func(string) bool) string {
	t.Helper()
	var got string
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		got, _ = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if ok(got) || time.Now().After(deadline) {
			return got
		}
	}
}

// text returns the text of the first element sel matches.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return s
}

var linkRE = regexp.MustCompile(`http://\S+/officer/login\?t=\S+`)

// signInLink asks the bot for a link as officer 900 and returns it.
func signInLink(t *testing.T, srv *telegramtest.Server, n int) string {
	t.Helper()
	srv.PushMessage(officerUser, officerUser, "/dangnhap")
	var link string
	waitFor(t, "sign-in link", func() bool {
		var found []string
		for _, m := range srv.SentTo(officerUser) {
			if l := linkRE.FindString(m.Plain); l != "" {
				found = append(found, l)
			}
		}
		if len(found) >= n {
			link = found[n-1]
			return true
		}
		return false
	})
	return link
}

// TestConsoleInBrowser drives the officer console in a real Chromium: an
// officer asks the bot (Telegram fake) for a link, signs in, finds the
// citizen's ticket, takes it and replies, and the reply reaches the
// citizen through the fake; the officer creates a broadcast. A second
// browser without a session sees nothing, a replayed or expired link is
// refused, a form without its CSRF token or with the key of another
// action changes nothing, the session
// survives a restart and ends when the officer leaves ANSINH_OFFICERS.
func TestConsoleInBrowser(t *testing.T) {
	exe := needChromium(t)
	start := time.Now()
	srv := telegramtest.NewServer(t)
	vars := officerVars(srv)
	vars["ANSINH_HTTP"] = freeAddr(t)
	vars["ANSINH_PUBLIC_URL"] = "http://" + vars["ANSINH_HTTP"]
	base, stop := startServe(t, vars)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()

	srv.PushMessage(42, 42, "toi muon gap truc tiep can bo xa de hoi ve giay to dat")
	if confirm := lastTo(t, srv, 42, 1); !strings.Contains(confirm.Plain, "#1") {
		t.Fatalf("citizen confirmation = %q", confirm.Plain)
	}
	link := signInLink(t, srv, 1)
	if !strings.HasPrefix(link, base+"/officer/login?t=") {
		t.Fatalf("link %q is not under %s", link, base)
	}

	phase := func(name string) { t.Logf("%6.2fs %s", time.Since(start).Seconds(), name) }
	phase("serve up, ticket open, link received")
	officer, another := browser(t, exe)
	phase("browser started")
	do(t, officer, "open the link and sign in",
		chromedp.Navigate(link),
		chromedp.Click(chromedp.CSS("#signin")),
		chromedp.WaitVisible(chromedp.CSS("#tickets")))
	if inbox := text(t, officer, "#tickets"); !strings.Contains(inbox, "#1") || !strings.Contains(inbox, "giay to dat") {
		t.Fatalf("inbox = %q", inbox)
	}
	cookies, err := chromedp.Run(officer, chromedp.Evaluate[string](`document.cookie`))
	if err != nil {
		t.Fatal(err)
	}
	if cookies != "" {
		t.Errorf("document.cookie = %q: the session cookie must be HttpOnly", cookies)
	}

	do(t, officer, "open ticket #1 and take it",
		chromedp.Click(chromedp.CSS("#ticket-1")),
		chromedp.WaitVisible(chromedp.CSS("#take")),
		chromedp.Click(chromedp.CSS("#take")),
		chromedp.WaitVisible(chromedp.CSS("#done")))
	if got := text(t, officer, "#done"); !strings.HasPrefix(got, "Đã nhận xử lý phiếu #1.") {
		t.Errorf("after take: %q", got)
	}
	const answer = "Mời anh mang sổ đỏ lên UBND xã sáng thứ Hai."
	do(t, officer, "reply",
		chromedp.SendKeys(chromedp.CSS("#reply-text"), answer),
		chromedp.Click(chromedp.CSS("#reply")),
		chromedp.WaitVisible(chromedp.CSS("#done")))
	const replied = "Đã gửi câu trả lời cho người dân (phiếu #1)."
	if got := textBecomes(t, officer, "#done", func(s string) bool { return s == replied }); got != replied {
		t.Errorf("after reply: %q", got)
	}
	if got := lastTo(t, srv, 42, 2); !strings.Contains(got.Plain, answer) || !strings.Contains(got.Plain, "Cán bộ UBND xã") {
		t.Errorf("citizen received %q", got.Plain)
	}
	waitFor(t, "delivery shown", func() bool {
		if chromedp.Do(officer, chromedp.Reload()) != nil {
			return false
		}
		s, _ := chromedp.Run(officer, chromedp.Text(chromedp.CSS("#delivery")))
		return strings.Contains(s, "đã gửi tới người dân")
	})

	phase("took, replied, delivered")
	// A form posted without its CSRF token changes nothing.
	do(t, officer, "post a note without the CSRF token",
		chromedp.RemoveAttribute(chromedp.CSS(`form[action$="/note"] input[name="csrf"]`), "name"),
		chromedp.SendKeys(chromedp.CSS("#note-text"), "ghi chú giả mạo"),
		chromedp.Click(chromedp.CSS("#note")),
		chromedp.WaitVisible(chromedp.CSS("#message")))
	if got := text(t, officer, "#message"); !strings.Contains(got, "thiếu mã bảo vệ") {
		t.Errorf("CSRF refusal = %q", got)
	}

	// A form whose key was issued for another action is refused, here the
	// note form's key posted to close the ticket; the store check at the
	// end finds the ticket still answered and no close in its audit log.
	do(t, officer, "post the note form's key to close the ticket",
		chromedp.Navigate(base+"/officer/tickets/1"),
		chromedp.WaitVisible(chromedp.CSS("#note")),
		chromedp.SetAttributeValue(chromedp.CSS(`form[action$="/note"]`), "action", "/officer/tickets/1/close"),
		chromedp.SendKeys(chromedp.CSS("#note-text"), "Đã xử lý xong"),
		chromedp.Click(chromedp.CSS("#note")),
		chromedp.WaitVisible(chromedp.CSS("#failed")))
	const mismatch = "Biểu mẫu không khớp với thao tác này: mã biểu mẫu được cấp cho một phiếu, một thao tác hoặc " +
		"một phiên đăng nhập khác. Không có gì thay đổi. Vui lòng tải lại trang rồi làm lại."
	if got := text(t, officer, "#failed"); got != mismatch {
		t.Errorf("form key of another action: %q, want %q", got, mismatch)
	}
	if got := text(t, officer, "#status"); got != "Đã trả lời" {
		t.Errorf("status after the refused close = %q, want Đã trả lời", got)
	}

	do(t, officer, "create a broadcast",
		chromedp.Navigate(base+"/officer/broadcasts"),
		chromedp.WaitVisible(chromedp.CSS("#new-broadcast")),
		chromedp.SendKeys(chromedp.CSS("#audience"), "commune:Đại Đồng"),
		chromedp.SetValue(chromedp.CSS("#date"), time.Now().In(testLoc(t, vars)).AddDate(0, 0, 7).Format(time.DateOnly)),
		chromedp.SetValue(chromedp.CSS("#time"), "08:00"),
		chromedp.SendKeys(chromedp.CSS("#broadcast-text"), "Mời bà con dự họp bình xét hộ nghèo tại nhà văn hóa thôn."),
		chromedp.Click(chromedp.CSS("#create-broadcast")),
		chromedp.WaitVisible(chromedp.CSS("#done")))
	made := regexp.MustCompile(`^Đã tạo thông báo #\d+ → commune:Đại Đồng, 08:00 ngày \d\d/\d\d/\d{4}: Mời bà con`)
	if got := textBecomes(t, officer, "#done", made.MatchString); !made.MatchString(got) {
		t.Errorf("after broadcast: %q", got)
	}

	phase("broadcast created")
	// A second browser without a session sees no ticket, and the link,
	// replayed, is refused.
	stranger := another()
	do(t, stranger, "open the console", chromedp.Navigate(base+"/officer/tickets/1"), chromedp.WaitVisible(chromedp.CSS("#login-help")))
	page, err := chromedp.Run(stranger, chromedp.OuterHTML(chromedp.CSS("html")))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page, "giay to dat") || !strings.Contains(page, "gửi /dangnhap cho Trợ lý An sinh") {
		t.Errorf("without a session the page shows %q", page)
	}
	do(t, stranger, "replay the link",
		chromedp.Navigate(link), chromedp.Click(chromedp.CSS("#signin")), chromedp.WaitVisible(chromedp.CSS("#login-error")))
	if got := text(t, stranger, "#login-error"); !strings.HasPrefix(got, "Đường dẫn đăng nhập này đã được dùng.") {
		t.Errorf("replayed link: %q", got)
	}

	// An expired link (written while serve is stopped, 11 minutes old) is
	// refused; the officer's session survives the restart.
	phase("stranger refused")
	stop()
	stopped = true
	phase("serve stopped")
	expired := plantLink(t, vars["ANSINH_DB"], "telegram:900", time.Now().Add(-11*time.Minute))
	_, stop = startServe(t, vars)
	stopped = false
	do(t, stranger, "open an expired link",
		chromedp.Navigate(base+"/officer/login?t="+expired), chromedp.Click(chromedp.CSS("#signin")),
		chromedp.WaitVisible(chromedp.CSS("#login-error")))
	if got := text(t, stranger, "#login-error"); !strings.HasPrefix(got, "Đường dẫn đăng nhập đã hết hạn") {
		t.Errorf("expired link: %q", got)
	}
	do(t, officer, "inbox after restart", chromedp.Navigate(base+"/officer"), chromedp.WaitVisible(chromedp.CSS("#tickets")))

	phase("expired link refused after restart")
	// Removed from ANSINH_OFFICERS: the session ends at the next start.
	stop()
	stopped = true
	vars["ANSINH_OFFICERS"] = "telegram:901"
	_, stop = startServe(t, vars)
	stopped = false
	do(t, officer, "inbox after removal", chromedp.Navigate(base+"/officer"), chromedp.WaitVisible(chromedp.CSS("#login-help")))
	stop()
	stopped = true

	st, err := store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	all, _ := st.AllReminders()
	var created []string
	for _, r := range all {
		if r.Audience == "commune:Đại Đồng" {
			created = append(created, r.CreatedBy+" "+r.At.In(testLoc(t, vars)).Format("15:04"))
		}
	}
	if got := strings.Join(created, ", "); got != "telegram:900 08:00" {
		t.Errorf("broadcasts to Đại Đồng = %q, want one by telegram:900 at 08:00", got)
	}
	if tk, err := st.Ticket(1); err != nil || tk.Status != bot.StatusAnswered || tk.Resolution != "" {
		t.Errorf("ticket 1 = %s %q (%v), want answered and not closed", tk.Status, tk.Resolution, err)
	}
	audit, _ := st.AuditLog(1)
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Officer+" "+a.Action)
	}
	if got := strings.Join(actions, ", "); got != "telegram:900 take, telegram:900 reply" {
		t.Errorf("audit of ticket 1 = %s", got)
	}
	t.Logf("browser test took %v", time.Since(start).Round(10*time.Millisecond))
}

// plantLink writes a sign-in link created at created straight into the
// database and returns its secret.
func plantLink(t *testing.T, db, officer string, created time.Time) string {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	secret, err := bot.NewSecret()
	if err != nil {
		t.Fatal(err)
	}
	l := bot.LoginLink{Hash: bot.SecretHash(secret), Officer: officer, Created: created, Expires: created.Add(bot.LoginLinkTTL)}
	if err := st.Apply(context.Background(), func(tx bot.Tx) error { return tx.PutLoginLink(l) }); err != nil {
		t.Fatal(err)
	}
	return secret
}

func testLoc(t *testing.T, vars map[string]string) *time.Location {
	t.Helper()
	return testConfig(t, map[string]string{"ANSINH_DB": vars["ANSINH_DB"]}).Location
}
