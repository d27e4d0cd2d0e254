package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/store"
)

// post sends a prepared webhook request to serve and returns the status.
func post(t *testing.T, base string, r *http.Request) int {
	t.Helper()
	req, err := http.NewRequest(r.Method, base+r.URL.Path, r.Body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = r.Header
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func zaloReply(t *testing.T, srv *zalotest.Server, chat string, n int) string {
	t.Helper()
	waitFor(t, "zalo reply", func() bool { return len(srv.SentTo(chat)) >= n })
	return srv.SentTo(chat)[n-1]
}

// TestZaloConversation: on the Bot Platform menus become numbered choices,
// and a bare number presses the button it names.
func TestZaloConversation(t *testing.T) {
	srv := zalotest.NewServer(t)
	_, stop := startServe(t, map[string]string{"ANSINH_ZALO_TOKEN": srv.Token(), "ANSINH_ZALO_API": srv.Endpoint()})
	defer stop()

	srv.PushText("u-1", "u-1", "Bà Tư", "/start")
	welcome := zaloReply(t, srv, "u-1", 1)
	if !strings.Contains(welcome, "1. Vay vốn ưu đãi") || !strings.Contains(welcome, "Trả lời một số từ 1 đến") {
		t.Fatalf("welcome = %q", welcome)
	}
	srv.PushText("u-1", "u-1", "Bà Tư", "2") // "Bảo hiểm y tế"
	menu := zaloReply(t, srv, "u-1", 2)
	if !strings.Contains(menu, "bảo hiểm y tế") || !strings.Contains(menu, "1. ") {
		t.Fatalf("reply to 2 = %q", menu)
	}
	srv.PushText("u-1", "u-1", "Bà Tư", "hộ cận nghèo có được vay vốn không")
	answer := zaloReply(t, srv, "u-1", 3)
	if !strings.Contains(answer, "Căn cứ") {
		t.Errorf("answer = %q", answer)
	}
	for _, m := range srv.SentTo("u-1") {
		if n := len([]rune(m)); n > zalo.MaxMessageLength {
			t.Errorf("a %d-character message exceeds Zalo's limit", n)
		}
	}

	// An ask-back numbers its options once, in its text; the list adds
	// "Gặp cán bộ" as 3; "số 2" typed back picks the second option.
	a := askAll(t, nil, askBackBetween)[askBackBetween]
	if len(a.Clarify) != 2 {
		t.Fatalf("ask %q: clarify %v, want two entries", askBackBetween, a.Clarify)
	}
	kb, err := content.Load(testConfig(t, nil).contentFS())
	if err != nil {
		t.Fatal(err)
	}
	first, _ := kb.Entry(a.Clarify[0])
	second, ok := kb.Entry(a.Clarify[1])
	if !ok || first == nil {
		t.Fatalf("clarify %v names no entries", a.Clarify)
	}
	srv.PushText("u-2", "u-2", "Ông Năm", askBackBetween)
	want := "Ông/bà muốn hỏi:\n1. " + first.Title + "\n2. " + second.Title + "?\n\n3. Gặp cán bộ\nTrả lời số 1, 2 hoặc 3."
	if got := zaloReply(t, srv, "u-2", 1); got != want {
		t.Errorf("ask-back on Zalo:\n%s\nwant\n%s", got, want)
	}
	srv.PushText("u-2", "u-2", "Ông Năm", "số 2")
	if got := zaloReply(t, srv, "u-2", 2); !strings.HasPrefix(got, second.Render()+"\n\n1. ") {
		t.Errorf("\"số 2\" after the ask-back: %.80q…, want the answer of %s with its menu", got, second.ID)
	}
}

func TestZaloWebhook(t *testing.T) {
	srv := zalotest.NewServer(t)
	base, stop := startServe(t, map[string]string{
		"ANSINH_ZALO_TOKEN": srv.Token(), "ANSINH_ZALO_API": srv.Endpoint(),
		"ANSINH_ZALO_WEBHOOK": "https://bot.example.invalid/zalo/webhook", "ANSINH_ZALO_SECRET": "zalo-secret-123",
	})
	defer stop()
	waitFor(t, "setWebhook", func() bool { return srv.Webhook().URL != "" })
	ev := zalotest.TextEvent("m-1", "u-9", "u-9", "Ông Ba", "the bhyt bi mat lam lai o dau")
	if code := post(t, base, zalotest.WebhookRequest("/zalo/webhook", "wrong-secret", ev)); code != http.StatusUnauthorized {
		t.Errorf("wrong secret: %d", code)
	}
	if code := post(t, base, zalotest.WebhookRequest("/zalo/webhook", "zalo-secret-123", ev)); code != http.StatusOK {
		t.Fatalf("right secret: %d", code)
	}
	if r := zaloReply(t, srv, "u-9", 1); !strings.Contains(r, "Căn cứ") {
		t.Errorf("reply = %q", r)
	}
	post(t, base, zalotest.WebhookRequest("/zalo/webhook", "zalo-secret-123", ev)) // redelivery
	time.Sleep(300 * time.Millisecond)
	if n := len(srv.SentTo("u-9")); n != 1 {
		t.Errorf("redelivered event: %d replies, want 1", n)
	}
}

// TestZaloOfficialAccount: signed webhooks, replies through the
// consultation endpoint with a token refreshed from the one seeded in the
// environment, and no attempt outside the 48-hour reply window.
func TestZaloOfficialAccount(t *testing.T) {
	oa := zalotest.NewOAServer(t)
	seed := oa.Issue()
	vars := map[string]string{
		"ANSINH_ZALO_OA_APP_ID": oa.AppID(), "ANSINH_ZALO_OA_APP_SECRET": oa.AppSecret(),
		"ANSINH_ZALO_OA_SECRET_KEY": "oa-secret-key", "ANSINH_ZALO_OA_REFRESH_TOKEN": seed.RefreshToken,
		"ANSINH_ZALO_OA_MESSAGE_URL": oa.MessageURL(), "ANSINH_ZALO_OA_TOKEN_URL": oa.TokenURL(),
	}
	base, stop := startServe(t, vars)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()

	now := time.Now()
	text := zalotest.OATextEvent(oa.AppID(), "oa-user-1", "msg-1", "ho ngheo vay von o dau", now)
	if code := post(t, base, zalotest.OAWebhookRequest("/zalo/oa/webhook", text, "not-the-key")); code != http.StatusUnauthorized {
		t.Errorf("bad signature: %d, want 401", code)
	}
	if code := post(t, base, zalotest.OAWebhookRequest("/zalo/oa/webhook", text, "oa-secret-key")); code != http.StatusOK {
		t.Fatalf("signed event: %d", code)
	}
	waitFor(t, "OA reply", func() bool { return len(oa.Sent()) == 1 })
	if m := oa.Sent()[0]; m.UserID != "oa-user-1" || !strings.Contains(m.Text, "Căn cứ") {
		t.Errorf("OA reply = %+v", m)
	}
	stop()
	stopped = true

	// A message for a citizen who last wrote three days ago is not attempted.
	st, err := store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	k := bot.UserKey{Channel: bot.ChannelZaloOA, ID: "oa-user-2"}
	err = st.Apply(t.Context(), func(tx bot.Tx) error {
		if err := tx.PutUser(bot.User{Key: k, ChatID: "oa-user-2", Created: now.Add(-72 * time.Hour), LastSeen: now.Add(-72 * time.Hour)}); err != nil {
			return err
		}
		_, err := tx.Enqueue(&bot.Delivery{Kind: bot.KindOfficer, Channel: bot.ChannelZaloOA, ChatID: "oa-user-2", UserID: "oa-user-2", Text: "Cán bộ xã trả lời", Created: now})
		return err
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	_, stop = startServe(t, vars)
	time.Sleep(500 * time.Millisecond)
	stop()
	if n := len(oa.Sent()); n != 1 {
		t.Errorf("OA sent %d messages, want 1 (none outside the window)", n)
	}
	st, err = store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows, reasons, _ := st.DeadLetters()
	if len(rows) != 1 || reasons[0] != zalo.ReasonOutsideWindow {
		t.Errorf("dead letters = %v %v, want one %q", rows, reasons, zalo.ReasonOutsideWindow)
	}
	if u, _ := st.User(k); u.Unreachable {
		t.Error("outside the window is not unreachable: the citizen can still write")
	}
}

// TestZaloRetriesAfterCDNForbidden: a CDN's HTML 403 in front of the Bot
// Platform is temporary; the outbox retries and the reply is delivered
// once the platform answers again, with nothing dead-lettered.
func TestZaloRetriesAfterCDNForbidden(t *testing.T) {
	srv := zalotest.NewServer(t)
	vars := map[string]string{"ANSINH_ZALO_TOKEN": srv.Token(), "ANSINH_ZALO_API": srv.Endpoint()}
	_, stop := startServe(t, vars)
	srv.FailNext("sendMessage", 1, zalotest.CDNForbidden())
	srv.PushText("u-cdn", "u-cdn", "Bà Tư", "the bhyt bi mat lam lai o dau")
	r := zaloReply(t, srv, "u-cdn", 1)
	stop()
	if !strings.Contains(r, "Căn cứ") {
		t.Errorf("reply = %q", r)
	}
	if n := srv.Calls("sendMessage"); n != 2 {
		t.Errorf("sendMessage called %d times, want 2 (the 403, then the retry)", n)
	}
	noDeadLetters(t, vars["ANSINH_DB"])
}

// TestZaloImageCaption: a photo's caption is answered as a question; a
// photo without one gets the polite "please type".
func TestZaloImageCaption(t *testing.T) {
	srv := zalotest.NewServer(t)
	_, stop := startServe(t, map[string]string{"ANSINH_ZALO_TOKEN": srv.Token(), "ANSINH_ZALO_API": srv.Endpoint()})
	defer stop()
	srv.PushImage("u-img", "u-img", "Ông Ba", "the bhyt bi mat lam lai o dau")
	if r := zaloReply(t, srv, "u-img", 1); !strings.Contains(r, "Căn cứ") {
		t.Errorf("reply to a captioned photo = %q, want the answer", r)
	}
	srv.PushImage("u-img", "u-img", "Ông Ba", "")
	if r := zaloReply(t, srv, "u-img", 2); !strings.HasPrefix(r, "Xin lỗi, hiện tôi chỉ đọc được tin nhắn chữ.") {
		t.Errorf("reply to a photo alone = %q, want the request to type", r)
	}
}

// oaVars are the serve variables of an Official Account on oa.
func oaVars(oa *zalotest.OAServer) map[string]string {
	seed := oa.Issue()
	return map[string]string{
		"ANSINH_ZALO_OA_APP_ID": oa.AppID(), "ANSINH_ZALO_OA_APP_SECRET": oa.AppSecret(),
		"ANSINH_ZALO_OA_SECRET_KEY": "oa-secret-key", "ANSINH_ZALO_OA_REFRESH_TOKEN": seed.RefreshToken,
		"ANSINH_ZALO_OA_MESSAGE_URL": oa.MessageURL(), "ANSINH_ZALO_OA_TOKEN_URL": oa.TokenURL(),
	}
}

// TestZaloOARetriesAfterCDNForbidden: an HTML 403 in front of oa/message/cs
// is retried, and the reply (here to a photo sent with words) arrives.
func TestZaloOARetriesAfterCDNForbidden(t *testing.T) {
	oa := zalotest.NewOAServer(t)
	vars := oaVars(oa)
	base, stop := startServe(t, vars)
	oa.FailNext(zalotest.OASend, 1, zalotest.OACDNForbidden())
	ev := zalotest.OAImageEvent(oa.AppID(), "oa-user-cdn", "msg-cdn", "the bhyt bi mat lam lai o dau", time.Now())
	if code := post(t, base, zalotest.OAWebhookRequest("/zalo/oa/webhook", ev, "oa-secret-key")); code != http.StatusOK {
		t.Fatalf("signed event: %d", code)
	}
	waitFor(t, "OA reply", func() bool { return len(oa.Sent()) == 1 })
	stop()
	if m := oa.Sent()[0]; m.UserID != "oa-user-cdn" || !strings.Contains(m.Text, "Căn cứ") {
		t.Errorf("OA reply = %+v", m)
	}
	if n := oa.Calls(zalotest.OASend); n != 2 {
		t.Errorf("oa/message/cs called %d times, want 2 (the 403, then the retry)", n)
	}
	noDeadLetters(t, vars["ANSINH_DB"])
}

// TestZaloOAUnfollowSendsNothing: Zalo refuses messages to non-followers
// (-213), so an unfollow pauses reminders without a word sent; following
// again welcomes the citizen and resumes them.
func TestZaloOAUnfollowSendsNothing(t *testing.T) {
	oa := zalotest.NewOAServer(t)
	vars := oaVars(oa)
	base, stop := startServe(t, vars)
	const user = "oa-user-unf"
	signed := func(body []byte) {
		t.Helper()
		if code := post(t, base, zalotest.OAWebhookRequest("/zalo/oa/webhook", body, "oa-secret-key")); code != http.StatusOK {
			t.Fatalf("signed event: %d", code)
		}
	}
	now := time.Now()
	signed(zalotest.OATextEvent(oa.AppID(), user, "msg-unf-1", "nhắc tôi ngày 20 hằng tháng trả lãi", now))
	waitFor(t, "reminder confirmation", func() bool { return len(oa.Sent()) == 1 })

	oa.FailUser(user, zalotest.OANotFollower()) // what Zalo answers from now on
	signed(zalotest.OAFollowEvent(oa.AppID(), "unfollow", user, now.Add(time.Second)))
	time.Sleep(time.Second) // the dispatcher would have sent by now
	if n := oa.Calls(zalotest.OASend); n != 1 {
		t.Errorf("oa/message/cs called %d times after the unfollow, want none", n-1)
	}

	oa.FailUser(user, zalotest.OAFault{})
	signed(zalotest.OAFollowEvent(oa.AppID(), "follow", user, now.Add(2*time.Second)))
	waitFor(t, "welcome", func() bool { return len(oa.Sent()) == 2 })
	stop()
	for _, m := range oa.Sent() {
		if strings.Contains(m.Text, "dừng nhận tin nhắn") {
			t.Errorf("sent %q", m.Text)
		}
	}
	st, err := store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.User(bot.UserKey{Channel: bot.ChannelZaloOA, ID: user})
	if err != nil || u.Stopped || u.Unreachable {
		t.Errorf("after follow: user %+v, %v; want neither stopped nor unreachable", u, err)
	}
	all, err := st.AllReminders()
	if err != nil {
		t.Fatal(err)
	}
	var own []bot.Reminder
	for _, r := range all {
		if r.Owner.ID == user {
			own = append(own, r)
		}
	}
	if len(own) != 1 || !own[0].Active() {
		t.Errorf("the citizen's reminders: %+v; want one, active after unfollow and follow", own)
	}
	if rows, reasons, _ := st.DeadLetters(); len(rows) != 0 {
		t.Errorf("dead letters %v %v, want none", rows, reasons)
	}
}

// noDeadLetters opens the database at path (serve stopped) and reports
// any outbox row given up on: the retried send went through.
func noDeadLetters(t *testing.T, path string) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if rows, reasons, _ := st.DeadLetters(); len(rows) != 0 {
		t.Errorf("dead letters %v %v, want none", rows, reasons)
	}
}
