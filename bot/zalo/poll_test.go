package zalo_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo/zalotest"
)

func TestPollHandlesUpdatesInOrder(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	ids := []string{
		srv.PushText(chat, chat, "Lan", "/start"),
		srv.PushText(chat, chat, "Lan", "hộ nghèo"),
		srv.PushEvent("message.sticker.received", "c2", "c2"),
	}
	rec := newRecorder()
	stop := startPoll(t, c, rec)
	got := rec.WaitFor(t, 3, 3*time.Second)
	for i, u := range got {
		if u.ID != ids[i] || u.Channel != bot.ChannelZalo || u.Offset != 0 {
			t.Errorf("update %d = {ID %s, Channel %s, Offset %d}, want {%s, zalo, 0}", i, u.ID, u.Channel, u.Offset, ids[i])
		}
	}
	if got[0].Text != "/start" || got[1].Text != "hộ nghèo" || got[2].Text != "" {
		t.Errorf("texts %q %q %q", got[0].Text, got[1].Text, got[2].Text)
	}
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Poll returned %v, want context.Canceled", err)
	}
	if timeout := srv.Requests("getUpdates")[0]["timeout"]; timeout != "1" {
		t.Errorf("timeout = %#v, want the string \"1\"", timeout)
	}
}

// TestPollRetriesHandleInMemory: the platform hands an update out once, so
// a failing Handle is retried with the update Poll holds.
func TestPollRetriesHandleInMemory(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	id1 := srv.PushText(chat, chat, "Lan", "một")
	id2 := srv.PushText(chat, chat, "Lan", "hai")
	rec := newRecorder()
	rec.FailFor(id1, 2)
	startPoll(t, c, rec)
	got := rec.WaitFor(t, 2, 3*time.Second)
	if got[0].ID != id1 || got[1].ID != id2 {
		t.Errorf("handled %s, %s; want %s, %s", got[0].ID, got[1].ID, id1, id2)
	}
	if n := rec.AttemptsFor(id1); n != 3 {
		t.Errorf("update %s tried %d times, want 3", id1, n)
	}
}

func TestPollCancelReturnsPromptly(t *testing.T) {
	srv := zalotest.NewServer(t, zalotest.WithPollCap(10*time.Second))
	c := newClient(t, srv, withPollTimeout(8*time.Second))
	stop := startPoll(t, c, newRecorder())
	time.Sleep(200 * time.Millisecond) // inside a long poll now
	start := time.Now()
	if err := stop(); !errors.Is(err, context.Canceled) {
		t.Errorf("Poll returned %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("Poll took %s to return after cancel", d)
	}
}

func TestPollDoesNotSpinOnEmptyAnswers(t *testing.T) {
	srv := zalotest.NewServer(t, zalotest.EmptyImmediately())
	c := newClient(t, srv)
	stop := startPoll(t, c, newRecorder())
	time.Sleep(1500 * time.Millisecond)
	stop()
	if n := srv.Calls("getUpdates"); n > 3 {
		t.Errorf("%d getUpdates calls in 1.5 s against a server that answers at once, want ≤ 3", n)
	}
}

func TestPollIdle408IsNotAnError(t *testing.T) {
	srv := zalotest.NewServer(t, zalotest.WithPollCap(100*time.Millisecond))
	c := newClient(t, srv)
	rec := newRecorder()
	startPoll(t, c, rec)
	time.Sleep(300 * time.Millisecond) // a few 408s
	id := srv.PushText(chat, chat, "Lan", "chào")
	if got := rec.WaitFor(t, 1, 3*time.Second); got[0].ID != id {
		t.Errorf("got %+v", got[0])
	}
}

func TestPollBacksOffOnErrors(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	srv.FailNext("getUpdates", 3, zalotest.ServerError())
	id := srv.PushText(chat, chat, "Lan", "sau lỗi")
	rec := newRecorder()
	startPoll(t, c, rec)
	if got := rec.WaitFor(t, 1, 3*time.Second); got[0].ID != id {
		t.Errorf("got %+v", got[0])
	}
	if n := srv.Calls("getUpdates"); n < 4 {
		t.Errorf("getUpdates called %d times, want ≥ 4", n)
	}

}

func TestPollWaitsOutRateLimit(t *testing.T) {
	srv := zalotest.NewServer(t)
	c := newClient(t, srv)
	srv.FailNext("getUpdates", 1, zalotest.TooManyRequests(1))
	id := srv.PushText(chat, chat, "Lan", "sau 429")
	rec := newRecorder()
	start := time.Now()
	startPoll(t, c, rec)
	if got := rec.WaitFor(t, 1, 4*time.Second); got[0].ID != id {
		t.Errorf("got %+v", got[0])
	}
	if d := time.Since(start); d < 900*time.Millisecond {
		t.Errorf("resumed %s after a 429 with Retry-After 1, want ≥ 1s", d)
	}
}
