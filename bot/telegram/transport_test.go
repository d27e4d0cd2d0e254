package telegram_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/internal/testlog"
)

// memSettings is an in-memory telegram.Settings (the store in production).
type memSettings struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *memSettings) Setting(name string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[name]
	if !ok {
		return nil, fmt.Errorf("setting %s: %w", name, bot.ErrNotFound)
	}
	return v, nil
}

func (s *memSettings) PutSetting(name string, v []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string][]byte{}
	}
	s.m[name] = v
	return nil
}

// sendsTo counts the sendMessage requests addressed to chat, refused ones
// included.
func sendsTo(srv *telegramtest.Server, chat int64) int {
	n := 0
	for _, p := range srv.Requests("sendMessage") {
		if p.Get("chat_id") == chatString(chat) {
			n++
		}
	}
	return n
}

const (
	oldGroup   = int64(-100777)
	superGroup = int64(-1001234567890)
)

// A group upgraded to a supergroup: the refused message goes to the new id
// at once, the move is remembered (also by a new client over the same
// settings, as after a restart), and the operator is told the new id.
func TestSendFollowsGroupMigration(t *testing.T) {
	srv := telegramtest.NewServer(t)
	srv.FailChat(oldGroup, telegramtest.Migrated(superGroup))
	settings := &memSettings{}
	var logs testlog.Buffer
	c := newClient(t, srv, func(cfg *telegram.Config) {
		cfg.Settings = settings
		cfg.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	})

	ann := bot.Delivery{Kind: bot.KindOfficer, Channel: bot.ChannelTelegram, ChatID: chatString(oldGroup), IsGroup: true,
		Text: "Yêu cầu mới #1", Buttons: []bot.Button{{Label: "Nhận xử lý", Data: "tk:take:1"}}}
	res, err := c.Send(context.Background(), ann)
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	sent := srv.SentTo(superGroup)
	if len(sent) != 1 || sent[0].Plain != "Yêu cầu mới #1" || len(sent[0].Keyboard) != 1 {
		t.Fatalf("supergroup got %+v, want the announcement once with its button", sent)
	}
	if res.ChatID != chatString(superGroup) || len(res.MessageIDs) != 1 || res.MessageIDs[0] != itoa(sent[0].MessageID) {
		t.Errorf("result = %+v, want the supergroup's id and message id %d", res, sent[0].MessageID)
	}
	if n := sendsTo(srv, oldGroup); n != 1 {
		t.Errorf("%d sends to the old id, want the one refused", n)
	}
	line := ""
	for l := range strings.Lines(logs.String()) {
		if strings.Contains(l, "supergroup") {
			line = l
		}
	}
	if !strings.Contains(line, "level=WARN") || !strings.Contains(line, "old_chat=-100777") ||
		!strings.Contains(line, "new_chat=-1001234567890") || !strings.Contains(line, "ANSINH_OFFICER_CHATS") {
		t.Errorf("migration log line = %q", line)
	}

	// Later sends go straight to the new id.
	if _, err := c.Send(context.Background(), ann); err != nil {
		t.Fatalf("second Send: %v", err)
	}
	// A restart: a new client reads the move from the settings.
	c2 := newClient(t, srv, func(cfg *telegram.Config) { cfg.Settings = settings })
	if _, err := c2.Send(context.Background(), reply(oldGroup, "Sau khi khởi động lại")); err != nil {
		t.Fatalf("Send after restart: %v", err)
	}
	if n := sendsTo(srv, oldGroup); n != 1 {
		t.Errorf("%d sends to the old id after the move was recorded, want 1", n)
	}
	if n := len(srv.SentTo(superGroup)); n != 3 {
		t.Errorf("supergroup got %d messages, want 3", n)
	}
	c2.Typing(context.Background(), chatString(oldGroup))
	if a := srv.Actions(); len(a) != 1 || a[0].ChatID != superGroup {
		t.Errorf("chat actions = %+v, want one to the supergroup", a)
	}
}

// A split message whose first part is refused for a migration sends every
// part to the new id, none twice.
func TestSplitMessageFollowsMigration(t *testing.T) {
	srv := telegramtest.NewServer(t, telegramtest.WithoutLimits())
	srv.FailChat(oldGroup, telegramtest.Migrated(superGroup))
	c := newClient(t, srv)
	long := strings.Repeat("Đoạn văn dài về chính sách hỗ trợ hộ nghèo. ", 150) // > 4096
	res, err := c.Send(context.Background(), bot.Delivery{ID: 7, Kind: bot.KindReply, ChatID: chatString(oldGroup), IsGroup: true, Text: long})
	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	if n := len(srv.SentTo(superGroup)); n != 2 || len(res.MessageIDs) != 2 {
		t.Errorf("supergroup got %d parts (ids %v), want 2", n, res.MessageIDs)
	}
}

// A send the server does not answer gives up after the send timeout, not
// the long-poll client's 45 s, and says so.
func TestSendTimesOut(t *testing.T) {
	t.Parallel()
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv, func(cfg *telegram.Config) { cfg.SendTimeout = 300 * time.Millisecond })
	srv.FailNext("sendMessage", 1, telegramtest.Slow(time.Minute))
	start := time.Now()
	_, err := c.Send(context.Background(), reply(42, "xin chào"))
	if elapsed := time.Since(start); elapsed > 3*time.Second {
		t.Errorf("Send took %s, want about the 300 ms send timeout", elapsed)
	}
	if err == nil || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no answer within 300ms") || bot.IsPermanent(err) {
		t.Errorf("err = %v, want a temporary 'no answer within 300ms'", err)
	}
	// The next send is not affected.
	if _, err := c.Send(context.Background(), reply(42, "lần nữa")); err != nil {
		t.Errorf("next Send: %v", err)
	}
}

// The default send timeout is short, and the long poll keeps its own.
func TestDefaultSendTimeout(t *testing.T) {
	if d := telegram.DefaultSendTimeout; d < 5*time.Second || d > 15*time.Second {
		t.Errorf("DefaultSendTimeout = %s", d)
	}
}

// A refusal answers the button press as an alert to the person alone.
func TestAckShowsAlert(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	id := srv.PushCallback(oldGroup, 555, 1, "tk:take:2")
	cb := telegramtest.CallbackID(id)
	_, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindAck, Channel: bot.ChannelTelegram, ChatID: chatString(oldGroup),
		CallbackID: cb, Text: "Nút này chỉ dành cho cán bộ xã.", Alert: true})
	if err != nil {
		t.Fatalf("Send ack: %v", err)
	}
	want := telegramtest.CallbackAnswer{CallbackID: cb, Text: "Nút này chỉ dành cho cán bộ xã.", ShowAlert: true}
	if a := srv.Answers(); len(a) != 1 || a[0] != want {
		t.Errorf("answers = %+v, want %+v", a, want)
	}
	if n := len(srv.Sent()); n != 0 {
		t.Errorf("%d messages sent, want none", n)
	}
}

// 401 and 409 make polling unhealthy at once; a good poll heals it; long
// enough failures of any kind make it unhealthy too. Failed polls are
// counted.
func TestPollHealth(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv, func(cfg *telegram.Config) { cfg.PollUnhealthyAfter = 400 * time.Millisecond })
	if ok, why := c.PollHealth(); !ok {
		t.Fatalf("healthy before polling: %s", why)
	}
	waitUntil := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	unhealthyWith := func(want string) func() bool {
		return func() bool { ok, why := c.PollHealth(); return !ok && strings.Contains(why, want) }
	}
	healthy := func() bool { ok, _ := c.PollHealth(); return ok }

	srv.FailNext("getUpdates", 6, telegramtest.Fault{Code: 401, Description: "Unauthorized"})
	stop := startPoll(t, c, 0, newRecorder())
	defer stop()
	waitUntil("401 reported", unhealthyWith("401"))
	waitUntil("recovery after 401", healthy)
	if n := c.PollFailures(); n != 6 {
		t.Errorf("PollFailures = %d after six 401s, want 6", n)
	}

	srv.FailNext("getUpdates", 3, telegramtest.Conflict())
	waitUntil("409 reported", unhealthyWith("409"))
	waitUntil("recovery after 409", healthy)

	srv.FailNext("getUpdates", 30, telegramtest.ServerError())
	waitUntil("long failure reported", unhealthyWith("has failed for"))
	waitUntil("recovery after 5xx", healthy)
	if n := c.PollFailures(); n != 39 {
		t.Errorf("PollFailures = %d, want 39", n)
	}
}

// 30 messages from one chat at once show "typing…" once, not 30 times.
func TestTypingOncePerChatBurst(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	for i := range 30 {
		srv.PushMessage(42, 42, fmt.Sprintf("tin nhắn %d", i))
	}
	srv.PushMessage(43, 43, "chat khác")
	rec := newRecorder()
	stop := startPoll(t, c, 0, rec)
	deadline := time.Now().Add(10 * time.Second)
	for len(rec.Updates()) < 31 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // let the typing goroutines finish
	stop()
	per := map[int64]int{}
	for _, a := range srv.Actions() {
		per[a.ChatID]++
	}
	if per[42] != 1 || per[43] != 1 || srv.Calls("sendChatAction") != 2 {
		t.Errorf("chat actions per chat = %v (%d calls), want one each", per, srv.Calls("sendChatAction"))
	}
	// Direct calls are gated the same way, per chat.
	c.Typing(context.Background(), "42")
	c.Typing(context.Background(), "44")
	if n := srv.Calls("sendChatAction"); n != 3 {
		t.Errorf("%d sendChatAction calls, want 3 (chat 42 still within %s)", n, telegram.TypingInterval)
	}
}

// A photo's caption is the message text; a photo without one has none.
func TestPhotoCaptionIsText(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.Push(telegramtest.Msg{ChatID: 42, Photo: true, Caption: "ho ngheo vay von duoc bao nhieu"})
	srv.Push(telegramtest.Msg{ChatID: 42, Photo: true})
	rec := newRecorder()
	stop := startPoll(t, c, 0, rec)
	deadline := time.Now().Add(10 * time.Second)
	for len(rec.Updates()) < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	stop()
	got := rec.Updates()
	if len(got) != 2 || got[0].Text != "ho ngheo vay von duoc bao nhieu" || got[1].Text != "" {
		t.Errorf("updates = %+v, want the caption as text, then no text", got)
	}
}

// A question asked in a forum topic carries the topic, and a reply row
// with it is sent there.
func TestForumTopicKept(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	const forum = int64(-1009876543210)
	srv.Push(telegramtest.Msg{ChatID: forum, UserID: 7, Thread: 42, Text: "@" + srv.BotUsername() + " the bhyt ho ngheo"})
	srv.Push(telegramtest.Msg{ChatID: 7, Thread: 0, Text: "riêng tư"})
	rec := newRecorder()
	stop := startPoll(t, c, 0, rec)
	deadline := time.Now().Add(10 * time.Second)
	for len(rec.Updates()) < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	stop()
	byChat := map[string]bot.Update{}
	for _, u := range rec.Updates() {
		byChat[u.ChatID] = u
	}
	group, private := byChat[chatString(forum)], byChat["7"]
	if len(byChat) != 2 || group.Thread != "42" || !group.Addressed || private.Thread != "" {
		t.Fatalf("updates = %+v, want topic 42 on the group message only", byChat)
	}
	d := reply(forum, "Thẻ BHYT hộ nghèo được cấp miễn phí.")
	d.IsGroup, d.Thread = true, group.Thread
	if _, err := c.Send(context.Background(), d); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if p := srv.Requests("sendMessage"); len(p) != 1 || p[0].Get("message_thread_id") != "42" {
		t.Errorf("sendMessage params = %v, want message_thread_id 42", p)
	}
	if s := srv.SentTo(forum); len(s) != 1 || s[0].Thread != 42 {
		t.Errorf("sent = %+v", s)
	}
}
