package bot_test

import (
	"context"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/bot/telegram"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
	"github.com/bacninh/ansinh/store"
)

// TestAttachedPhotoReachesTheOfficersGroup, end to end through the real
// client library and a fake Bot API: a citizen with an open request sends
// a photo in their private chat; the service stops before the outbox row
// is sent (a crash: the row is only in bbolt); after a restart the
// officers' group receives the photo itself, once, by the file_id the
// citizen's message carried, captioned without any number of the citizen,
// with the ticket's buttons. A second restart sends nothing more. An
// officer replying to the photo drafts an answer to that ticket.
func TestAttachedPhotoReachesTheOfficersGroup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ansinh.db")
	srv := telegramtest.NewServer(t)
	tg, err := telegram.New(context.Background(), telegram.Config{Token: srv.Token(), APIEndpoint: srv.Endpoint(),
		PollTimeout: time.Second, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	now := fixedNow
	open := func() (*store.Store, *bot.Engine) {
		st, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		eng := bot.NewEngine(bot.EngineConfig{
			Store: st, KB: mustKB(t), Now: func() time.Time { return now },
			Officers: []string{"telegram:" + officerID}, OfficerChats: []string{"telegram:" + officerChat},
			Calendar: mustCalendar(t),
		})
		return st, eng
	}
	// poll hands the pushed updates to eng until n more are handled.
	var handled atomic.Int64
	var offset int64
	poll := func(eng *bot.Engine, n int64) {
		t.Helper()
		want := handled.Load() + n
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			_ = tg.Poll(ctx, offset, bot.HandlerFunc(func(ctx context.Context, u bot.Update) error {
				err := eng.Handle(ctx, u)
				if err == nil {
					offset = u.Offset
					handled.Add(1)
				}
				return err
			}))
		}()
		waitUntil(t, "the updates handled", func() bool { return handled.Load() >= want })
		cancel()
		<-done
	}
	// dispatch runs a dispatcher on st until cond holds, then a little
	// longer: nothing more may go.
	dispatch := func(st *store.Store, cond func() bool) {
		t.Helper()
		d := outbox.NewDispatcher(outbox.Config{Store: st, Channels: []bot.Channel{tg}, Now: func() time.Time { return now }})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); d.Run(ctx) }()
		waitUntil(t, "the outbox sent", cond)
		time.Sleep(200 * time.Millisecond)
		cancel()
		<-done
	}
	group, _ := strconv.ParseInt(officerChat, 10, 64)
	photos := func() int { return len(srv.Requests("sendPhoto")) }

	st, eng := open()
	srv.PushMessage(42, 42, "/canbo nhà tôi bị dột, xin hỗ trợ sửa nhà")
	srv.Push(telegramtest.Msg{ChatID: 42, Photo: true})
	poll(eng, 2)
	if err := st.Close(); err != nil { // the crash: nothing was sent
		t.Fatal(err)
	}
	if n := len(srv.Sent()); n != 0 {
		t.Fatalf("%d messages sent before any dispatcher ran", n)
	}

	st, _ = open()
	dispatch(st, func() bool { return photos() >= 1 })
	reqs := srv.Requests("sendPhoto")
	if len(reqs) != 1 {
		t.Fatalf("%d sendPhoto calls, want 1", len(reqs))
	}
	p := reqs[0]
	if p.Get("chat_id") != officerChat || p.Get("photo") != telegramtest.PhotoFileID || p.Get("caption") != "📎 Ảnh người dân gửi vào yêu cầu #1" {
		t.Errorf("sendPhoto %v, want chat_id %s, photo %s, caption %q", p, officerChat, telegramtest.PhotoFileID, "📎 Ảnh người dân gửi vào yêu cầu #1")
	}
	var photo telegramtest.SentMessage
	for _, m := range srv.SentTo(group) {
		if m.Media != "" {
			photo = m
		} else if strings.Contains(m.Plain, "mã tệp") || strings.Contains(m.Plain, "cuộc trò chuyện của người dân") {
			t.Errorf("the group was told %q", m.Plain)
		}
	}
	if len(photo.Keyboard) != 2 || photo.Keyboard[0][0].CallbackData != "tk:take:1" {
		t.Errorf("the photo's buttons: %+v, want the ticket's", photo.Keyboard)
	}
	if got := srv.SentTo(42); len(got) == 0 || got[len(got)-1].Plain != "Đã thêm ảnh vào yêu cầu #1." {
		t.Errorf("the citizen got %+v", got)
	}

	// Restarted again: the photo is not sent a second time.
	st.Close()
	st, eng = open()
	defer st.Close()
	dispatch(st, func() bool { return true })
	if n := photos(); n != 1 {
		t.Errorf("%d sendPhoto calls after a second restart, want 1", n)
	}

	// An officer answers by replying to the photo.
	sent := len(srv.SentTo(group))
	srv.Push(telegramtest.Msg{ChatID: group, UserID: mustAtoi(t, officerID), Text: "Xã sẽ cử người đến xem ạ.", ReplyTo: photo.MessageID})
	poll(eng, 1)
	dispatch(st, func() bool { return len(srv.SentTo(group)) > sent })
	if got := srv.SentTo(group); !strings.HasPrefix(got[len(got)-1].Plain, "Xem trước phiếu #1") {
		t.Errorf("the officer's reply to the photo got %q, want the preview for ticket #1", got[len(got)-1].Plain)
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func mustAtoi(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
