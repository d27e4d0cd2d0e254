package bot_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store/storetest"
)

func newConsoleHarness(t *testing.T, consoleURL string, local bool) *harness {
	h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
	h.eng = bot.NewEngine(bot.EngineConfig{
		Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
		Officers: []string{"telegram:" + officerID}, OfficerChats: []string{"telegram:" + officerChat},
		ConsoleURL: consoleURL, ConsoleLocal: local,
	})
	return h
}

// officerPrivate sends text from the officer in a private chat with the bot.
func (h *harness) officerPrivate(text string) []bot.Delivery {
	h.seq++
	return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: officerID, UserID: officerID, Text: text})
}

// linkSecret extracts the t= secret of the sign-in link in text.
func linkSecret(t *testing.T, text, base string) string {
	t.Helper()
	i := strings.Index(text, base+"/officer/login?t=")
	if i < 0 {
		t.Fatalf("no sign-in link under %s in %q", base, text)
	}
	raw := strings.Fields(text[i:])[0]
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("t")
}

func TestSignInLink(t *testing.T) {
	t.Run("private chat gets a one-time link that opens one session", func(t *testing.T) {
		h := newConsoleHarness(t, "https://ansinh.example.vn/", false)
		rows := to(h.officerPrivate("/dangnhap"), officerID)
		if len(rows) != 1 || !strings.Contains(rows[0].Text, "dùng một lần, hết hạn sau 10 phút") {
			t.Fatalf("reply = %+v", rows)
		}
		secret := linkSecret(t, rows[0].Text, "https://ansinh.example.vn")
		sess, _, _ := bot.NewSession("", h.now)
		got, err := h.st.SignIn(bot.SecretHash(secret), sess, h.now.Add(9*time.Minute))
		if err != nil || got.Officer != "telegram:"+officerID {
			t.Fatalf("sign in = %+v, %v", got, err)
		}
		if _, err := h.st.SignIn(bot.SecretHash(secret), sess, h.now.Add(9*time.Minute)); !errors.Is(err, bot.ErrLinkUsed) {
			t.Errorf("second use: err = %v, want ErrLinkUsed", err)
		}
	})
	t.Run("link older than 10 minutes is refused", func(t *testing.T) {
		h := newConsoleHarness(t, "https://ansinh.example.vn", false)
		secret := linkSecret(t, to(h.officerPrivate("/dangnhap"), officerID)[0].Text, "https://ansinh.example.vn")
		sess, _, _ := bot.NewSession("", h.now)
		if _, err := h.st.SignIn(bot.SecretHash(secret), sess, h.now.Add(bot.LoginLinkTTL)); !errors.Is(err, bot.ErrLinkExpired) {
			t.Errorf("err = %v, want ErrLinkExpired", err)
		}
	})
	t.Run("without a public URL the link is the loopback one, said to be local", func(t *testing.T) {
		h := newConsoleHarness(t, "http://127.0.0.1:8080", true)
		text := to(h.officerPrivate("/dangnhap"), officerID)[0].Text
		if !strings.Contains(text, "chỉ mở được trên chính máy chạy Trợ lý An sinh") {
			t.Errorf("reply = %q", text)
		}
		linkSecret(t, text, "http://127.0.0.1:8080")
	})
	t.Run("in a group the link is refused", func(t *testing.T) {
		h := newConsoleHarness(t, "https://ansinh.example.vn", false)
		rows := to(h.officer("/dangnhap", ""), officerChat)
		if len(rows) != 1 || strings.Contains(rows[0].Text, "/officer/login") || !strings.Contains(rows[0].Text, "chat riêng") {
			t.Errorf("group reply = %+v", rows)
		}
	})
	t.Run("a citizen is refused", func(t *testing.T) {
		h := newConsoleHarness(t, "https://ansinh.example.vn", false)
		rows := to(h.say("/dangnhap"), "42")
		if len(rows) != 1 || !strings.Contains(rows[0].Text, "chỉ dành cho cán bộ") {
			t.Errorf("citizen reply = %+v", rows)
		}
	})
}

func TestSignOutEverywhere(t *testing.T) {
	h := newConsoleHarness(t, "https://ansinh.example.vn", false)
	var hashes []string
	for range 2 {
		secret := linkSecret(t, to(h.officerPrivate("/dangnhap"), officerID)[0].Text, "https://ansinh.example.vn")
		sess, _, _ := bot.NewSession("", h.now)
		got, err := h.st.SignIn(bot.SecretHash(secret), sess, h.now)
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, got.Hash)
	}
	rows := to(h.officerPrivate("/dangxuat"), officerID)
	if len(rows) != 1 || rows[0].Text != "Đã đăng xuất bảng điều khiển trên 2 trình duyệt." {
		t.Fatalf("reply = %+v", rows)
	}
	for _, hash := range hashes {
		if _, err := h.st.Session(hash); !errors.Is(err, bot.ErrNotFound) {
			t.Errorf("session still there: %v", err)
		}
	}
}

func TestConsoleActUsesChatRules(t *testing.T) {
	h := newConsoleHarness(t, "https://ansinh.example.vn", false)
	h.say("nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong")
	h.press("o")
	h.press("o:q") // "Gửi câu vừa hỏi"
	me := "telegram:" + officerID
	act := func(a bot.ConsoleAction) string {
		t.Helper()
		a.Officer = me
		msg, changed, err := h.eng.Act(context.Background(), a)
		if err != nil {
			t.Fatalf("act %s: %v", a.Verb, err)
		}
		if wantChange := !strings.HasPrefix(msg, "Thao tác này") && !strings.HasPrefix(msg, "Chưa"); changed != wantChange {
			t.Errorf("act %s: changed = %v for %q", a.Verb, changed, msg)
		}
		return msg
	}
	if got := act(bot.ConsoleAction{Key: "k1", Verb: bot.VerbTake, ID: 1}); !strings.HasPrefix(got, "Đã nhận xử lý phiếu #1.") {
		t.Errorf("take = %q", got)
	}
	if got := act(bot.ConsoleAction{Key: "k2", Verb: bot.VerbReply, ID: 1, Text: "Mời bà lên xã sáng thứ Hai."}); got != "Đã gửi câu trả lời cho người dân (phiếu #1)." {
		t.Errorf("reply = %q", got)
	}
	rows := to(h.drain(), "42")
	if len(rows) != 1 || !strings.Contains(rows[0].Text, "Mời bà lên xã sáng thứ Hai.") || rows[0].Ref != "reply:1" {
		t.Fatalf("citizen got %+v", rows)
	}
	// The same form again acts once.
	if got := act(bot.ConsoleAction{Key: "k2", Verb: bot.VerbReply, ID: 1, Text: "Mời bà lên xã sáng thứ Hai."}); !strings.HasPrefix(got, "Thao tác này đã được thực hiện") {
		t.Errorf("repeated reply = %q", got)
	}
	if rows := h.drain(); len(rows) != 0 {
		t.Errorf("repeated form sent %+v", rows)
	}
	act(bot.ConsoleAction{Key: "k3", Verb: bot.VerbClose, ID: 1, Text: "Đã hướng dẫn"})
	if tk := h.ticket(1); tk.Status != bot.StatusClosed || tk.Resolution != "Đã hướng dẫn" || tk.Assignee != me {
		t.Errorf("ticket = %s %q %s", tk.Status, tk.Resolution, tk.Assignee)
	}
	audit, _ := h.st.AuditLog(1)
	var actions []string
	for _, a := range audit {
		if a.Officer != me {
			t.Errorf("audit officer %q", a.Officer)
		}
		actions = append(actions, a.Action)
	}
	if strings.Join(actions, ",") != "take,reply,close" {
		t.Errorf("audit = %v", actions)
	}

	if got := act(bot.ConsoleAction{Key: "b1", Verb: bot.VerbBroadcast, Broadcast: bot.BroadcastForm{
		Audience: "commune:Đại Đồng", At: "2020-01-01 08:00", Text: "Họp dân"}}); got != "Chưa tạo được thông báo: thời điểm đã qua." {
		t.Errorf("past broadcast = %q", got)
	}
	got := act(bot.ConsoleAction{Key: "b2", Verb: bot.VerbBroadcast, Broadcast: bot.BroadcastForm{
		Audience: "commune:Đại Đồng", Cron: "0 8 15 * *", Until: "2027-06-30", Text: "Nhắc đóng lãi"}})
	if !strings.HasPrefix(got, "Đã tạo thông báo #1 → commune:Đại Đồng, lịch 0 8 15 * *, đến hết 30/06/2027") {
		t.Errorf("broadcast = %q", got)
	}
	if got := act(bot.ConsoleAction{Key: "b3", Verb: bot.VerbPause, ID: 1}); !strings.Contains(got, "[tạm dừng]") {
		t.Errorf("pause = %q", got)
	}
}

func TestConsoleActRefusesRemovedOfficer(t *testing.T) {
	h := newConsoleHarness(t, "https://ansinh.example.vn", false)
	h.say("nha toi bi chu dat doi lai manh dat dang o, xa co giai quyet khong")
	h.press("o")
	h.press("o:q") // "Gửi câu vừa hỏi"
	_, _, err := h.eng.Act(context.Background(), bot.ConsoleAction{Officer: "telegram:555", Key: "k", Verb: bot.VerbClose, ID: 1})
	if !errors.Is(err, bot.ErrNotOfficer) {
		t.Fatalf("err = %v", err)
	}
	if tk := h.ticket(1); tk.Status != bot.StatusOpen {
		t.Errorf("ticket changed to %s", tk.Status)
	}
	audit, _ := h.st.AuditLog(1)
	if len(audit) != 1 || audit[0].Action != "refused" || audit[0].Officer != "telegram:555" {
		t.Errorf("audit = %+v", audit)
	}
}
