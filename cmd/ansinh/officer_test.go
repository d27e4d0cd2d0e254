package main

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/bot/zalo"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
	"github.com/bacninh/ansinh/store"
)

// The officer works in a private chat with the bot: Telegram lets a bot
// send only 20 messages a minute to a group, which would make this test
// wait minutes (group delivery is covered by the dispatcher tests).
const (
	officersGroup = int64(900)
	officerUser   = int64(900)
)

func officerVars(srv *telegramtest.Server) map[string]string {
	return map[string]string{
		"ANSINH_TELEGRAM_TOKEN": srv.Token(), "ANSINH_TELEGRAM_API": srv.Endpoint(),
		"ANSINH_OFFICERS": "telegram:900", "ANSINH_OFFICER_CHATS": "telegram:900",
	}
}

// TestOfficerFlowOverTelegram: a citizen escalates, the officers' group
// gets the announcement, an officer takes it and answers by command and by
// replying to the announcement, the citizen gets both, the officer closes,
// the citizen writes again and the ticket reopens. A non-officer's attempt
// changes nothing.
func TestOfficerFlowOverTelegram(t *testing.T) {
	srv := telegramtest.NewServer(t)
	vars := officerVars(srv)
	_, stop := startServe(t, vars)
	stopped := false
	defer func() {
		if !stopped {
			stop()
		}
	}()

	srv.PushMessage(42, 42, "toi muon gap truc tiep can bo xa de hoi ve giay to dat")
	confirm := lastTo(t, srv, 42, 1)
	if !strings.Contains(confirm.Plain, "#1") {
		t.Fatalf("citizen confirmation = %q", confirm.Plain)
	}
	ann := lastTo(t, srv, officersGroup, 1)
	if !strings.Contains(ann.Plain, "Yêu cầu mới #1") || !strings.Contains(ann.Plain, "giay to dat") || !hasKey(ann, "tk:take:1") {
		t.Fatalf("announcement = %q %v", ann.Plain, ann.Keyboard)
	}

	// Someone who is not an officer tries an officer command.
	srv.PushMessage(777, 777, "/nhan 1")
	refusal := lastTo(t, srv, 777, 1)
	if !strings.Contains(refusal.Plain, "chỉ dành cho cán bộ") {
		t.Errorf("refusal = %q", refusal.Plain)
	}

	srv.PushCallback(officersGroup, officerUser, ann.MessageID, "tk:take:1")
	if took := lastTo(t, srv, officersGroup, 2); !strings.Contains(took.Plain, "Đã nhận xử lý phiếu #1") {
		t.Errorf("take = %q", took.Plain)
	}
	// /traloi and a reply to the announcement are previews: the citizen
	// gets the answer only on "Gửi".
	srv.PushMessage(officersGroup, officerUser, "/traloi 1 Mời anh mang sổ đỏ lên UBND xã sáng thứ Hai.")
	preview := lastTo(t, srv, officersGroup, 3)
	if !strings.Contains(preview.Plain, "Xem trước phiếu #1") || !strings.HasPrefix(keyOf(preview, "Gửi"), "tk:send:1:") {
		t.Fatalf("/traloi preview = %q %v", preview.Plain, preview.Keyboard)
	}
	srv.PushCallback(officersGroup, officerUser, preview.MessageID, keyOf(preview, "Gửi"))
	answer := lastTo(t, srv, 42, 2)
	if !strings.Contains(answer.Plain, "Mời anh mang sổ đỏ") || !strings.Contains(answer.Plain, "Cán bộ UBND xã") {
		t.Errorf("answer = %q", answer.Plain)
	}
	lastTo(t, srv, officersGroup, 4) // sent
	srv.Push(telegramtest.Msg{ChatID: officersGroup, UserID: officerUser, Text: "Nhớ mang cả căn cước nhé.", ReplyTo: ann.MessageID})
	preview = lastTo(t, srv, officersGroup, 5)
	if !strings.Contains(preview.Plain, "Xem trước phiếu #1") || !strings.Contains(preview.Plain, "căn cước") || len(srv.SentTo(42)) != 2 {
		t.Fatalf("reply-to preview = %q; citizen has %d messages, want 2", preview.Plain, len(srv.SentTo(42)))
	}
	srv.PushCallback(officersGroup, officerUser, preview.MessageID, keyOf(preview, "Gửi"))
	if second := lastTo(t, srv, 42, 3); !strings.Contains(second.Plain, "căn cước") {
		t.Errorf("reply-to answer = %q", second.Plain)
	}
	srv.PushMessage(officersGroup, officerUser, "/dong 1 Đã hướng dẫn")
	lastTo(t, srv, officersGroup, 7) // previews ×2, sent ×2, closed

	srv.PushMessage(42, 42, "thứ Hai tôi lên mà không gặp ai")
	waitFor(t, "reopen notice", func() bool {
		for _, m := range srv.SentTo(officersGroup) {
			if strings.Contains(m.Plain, "yêu cầu #1") && (strings.Contains(m.Plain, "nhắn thêm") || strings.Contains(m.Plain, "nhắc lại")) {
				return true
			}
		}
		return false
	})
	stop()
	stopped = true

	st, err := store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tk, err := st.Ticket(1)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Status != bot.StatusAssigned || tk.Assignee != "telegram:900" {
		t.Errorf("ticket after the citizen wrote again = %s, %s; want reopened and assigned", tk.Status, tk.Assignee)
	}
	audit, _ := st.AuditLog(0)
	if len(audit) == 0 || audit[0].Action != "refused" || audit[0].Officer != "telegram:777" {
		t.Errorf("audit = %+v", audit)
	}
}

// TestOfficerAnswersReachZalo: a ticket opened on Zalo is answered on Zalo,
// and on the Official Account outside the 48-hour window the ticket is
// marked for a call back instead.
func TestOfficerAnswersReachZalo(t *testing.T) {
	tg := telegramtest.NewServer(t)
	zl := zalotest.NewServer(t)
	oa := zalotest.NewOAServer(t)
	vars := officerVars(tg)
	for k, v := range map[string]string{
		"ANSINH_ZALO_TOKEN": zl.Token(), "ANSINH_ZALO_API": zl.Endpoint(),
		"ANSINH_ZALO_OA_APP_ID": oa.AppID(), "ANSINH_ZALO_OA_APP_SECRET": oa.AppSecret(),
		"ANSINH_ZALO_OA_SECRET_KEY": "oa-key", "ANSINH_ZALO_OA_REFRESH_TOKEN": oa.Issue().RefreshToken,
		"ANSINH_ZALO_OA_MESSAGE_URL": oa.MessageURL(), "ANSINH_ZALO_OA_TOKEN_URL": oa.TokenURL(),
	} {
		vars[k] = v
	}
	base, stop := startServe(t, vars)

	// A bare /canbo first asks what the matter is; the answer opens the ticket.
	zl.PushText("z-1", "z-1", "Chị Hoa", "/canbo")
	waitFor(t, "zalo question", func() bool { return len(zl.SentTo("z-1")) == 1 })
	zl.PushText("z-1", "z-1", "Chị Hoa", "tôi cần hỏi về hồ sơ trợ cấp cho mẹ tôi")
	waitFor(t, "zalo confirmation", func() bool { return len(zl.SentTo("z-1")) == 2 })
	lastTo(t, tg, officersGroup, 1)
	tg.PushMessage(officersGroup, officerUser, "/traloi 1 Chị lên xã gặp cán bộ văn hóa - xã hội nhé.")
	preview := lastTo(t, tg, officersGroup, 2)
	tg.PushCallback(officersGroup, officerUser, preview.MessageID, keyOf(preview, "Gửi"))
	if got := zaloReply(t, zl, "z-1", 3); !strings.Contains(got, "Chị lên xã") {
		t.Errorf("zalo answer = %q", got)
	}
	lastTo(t, tg, officersGroup, 3) // sent

	ev := zalotest.OATextEvent(oa.AppID(), "oa-9", "msg-9", "tôi muốn gặp cán bộ xã hỏi về hồ sơ hộ nghèo", time.Now())
	if code := post(t, base, zalotest.OAWebhookRequest("/zalo/oa/webhook", ev, "oa-key")); code != 200 {
		t.Fatalf("OA webhook: %d", code)
	}
	lastTo(t, tg, officersGroup, 4) // announcement of ticket 2 (after the preview and "sent" for 1)
	stop()

	// Two days pass without a word from the citizen.
	st, err := store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	k := bot.UserKey{Channel: bot.ChannelZaloOA, ID: "oa-9"}
	err = st.Apply(t.Context(), func(tx bot.Tx) error {
		u, err := tx.User(k)
		if err != nil {
			return err
		}
		u.LastSeen = time.Now().Add(-49 * time.Hour)
		return tx.PutUser(u)
	})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	sentBefore := len(oa.Sent())
	_, stop = startServe(t, vars)
	n := len(tg.SentTo(officersGroup))
	tg.PushMessage(officersGroup, officerUser, "/traloi 2 Mời ông lên xã.")
	preview = lastTo(t, tg, officersGroup, n+1)
	tg.PushCallback(officersGroup, officerUser, preview.MessageID, keyOf(preview, "Gửi"))
	lastTo(t, tg, officersGroup, n+2)
	// The officer, told "Đã gửi", is then told it did not arrive.
	notice := lastTo(t, tg, officersGroup, n+3)
	tg.PushMessage(officersGroup, officerUser, "/phieu")
	list := lastTo(t, tg, officersGroup, n+4)
	stop()
	if want := "⚠️ Chưa gửi được câu trả lời phiếu #2 đến người dân."; !strings.HasPrefix(notice.Plain, want) {
		t.Errorf("after the undelivered answer the officer got %q, want it to start %q", notice.Plain, want)
	}
	if len(oa.Sent()) != sentBefore {
		t.Errorf("the OA sent outside the reply window")
	}
	if !strings.Contains(list.Plain, "#2") || !strings.Contains(list.Plain, "cần liên hệ lại") {
		t.Errorf("officer list = %q, want #2 marked cần liên hệ lại", list.Plain)
	}
	st, err = store.Open(vars["ANSINH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tk, _ := st.Ticket(2)
	if !tk.ContactNeeded || tk.ContactReason != zalo.ReasonOutsideWindow {
		t.Errorf("ticket 2 = %+v", tk)
	}
}
