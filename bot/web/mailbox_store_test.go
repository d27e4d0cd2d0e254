package web_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store"
	"github.com/bacninh/ansinh/store/storetest"
)

func storedMailbox(t *testing.T, st *store.Store) *web.Mailbox {
	t.Helper()
	mb, err := web.NewStoredMailbox(st)
	if err != nil {
		t.Fatal(err)
	}
	return mb
}

// A reply waits in the database until its page fetches it: junk polls of
// more chats than the memory holds do not push it out, a restart does not
// lose it, a second send of the same outbox row is not shown twice, and
// once fetched it is gone.
func TestStoredMailboxKeepsRepliesUntilFetched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ansinh.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mb := storedMailbox(t, st)
	d := bot.Delivery{ID: 7, Kind: bot.KindReply, Channel: bot.ChannelWeb, ChatID: "chat-lan-0001", Text: "Dạ, hồ sơ vay vốn gồm…",
		Buttons: []bot.Button{{Label: "Gặp cán bộ", Data: "o"}}}
	mustSend(t, mb, d)
	mustSend(t, mb, d) // the dispatcher's rare second send
	for i := range web.MaxChats + 100 {
		now(mb, fmt.Sprintf("junk-%06d", i), 0)
	}
	got := now(mb, "chat-lan-0001", 0)
	if len(got) != 1 || got[0].Text != d.Text || len(got[0].Buttons) != 1 {
		t.Fatalf("after %d junk polls: %+v, want the one reply", web.MaxChats+100, got)
	}
	seq := got[0].Seq

	// A restart: a new mailbox over the reopened database.
	st.Close()
	st, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	mb = storedMailbox(t, st)
	if got := now(mb, "chat-lan-0001", 0); len(got) != 1 || got[0].Seq != seq {
		t.Fatalf("after a restart: %+v, want the reply #%d", got, seq)
	}
	mustSend(t, mb, bot.Delivery{ID: 8, Kind: bot.KindReply, Channel: bot.ChannelWeb, ChatID: "chat-lan-0001", Text: "Tin tiếp theo"})
	// The page had the first one: polling after it deletes it.
	if got := now(mb, "chat-lan-0001", seq); len(got) != 1 || got[0].Text != "Tin tiếp theo" || got[0].Seq <= seq {
		t.Fatalf("after #%d: %+v, want the next reply only", seq, got)
	}
	left, err := st.WebMail("chat-lan-0001", 0)
	if err != nil || len(left) != 1 || left[0].Text != "Tin tiếp theo" {
		t.Errorf("stored after the fetch: %+v, %v; want the unfetched reply only", left, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := storedMailbox(t, st).Wait(ctx, "chat-lan-0001", seq); len(got) != 1 {
		t.Errorf("a third process sees %+v, want the unfetched reply", got)
	}
}

// pollDuringPut is a MailStore whose PutWebMail runs poll right after the
// message is stored: a page's poll landing between the store write and the
// mailbox's own bookkeeping, as it does under load.
type pollDuringPut struct {
	*store.Store
	poll func()
}

func (p *pollDuringPut) PutWebMail(chat string, m bot.WebMail) (bot.WebMail, error) {
	wm, err := p.Store.PutWebMail(chat, m)
	if poll := p.poll; poll != nil {
		p.poll = nil
		poll()
	}
	return wm, err
}

// A page that fetched a reply through a poll racing with its send, and then
// polls after it, is not shown that reply again: the mailbox counts the
// sequence numbers it read back from the store as issued (before, the next
// poll's "after" looked like a number from an earlier process, was reset
// to 0 and replayed the old answer as the new one).
func TestStoredMailboxPollDuringSendDoesNotReplay(t *testing.T) {
	st := storetest.Open(t)
	ps := &pollDuringPut{Store: st}
	mb, err := web.NewStoredMailbox(ps)
	if err != nil {
		t.Fatal(err)
	}
	const chat = "chat-lan-0002"
	var first []web.Message
	ps.poll = func() { first = now(mb, chat, 0) }
	mustSend(t, mb, bot.Delivery{ID: 1, Kind: bot.KindReply, Channel: bot.ChannelWeb, ChatID: chat, Text: "Phiên bản một"})
	if len(first) != 1 || first[0].Text != "Phiên bản một" {
		t.Fatalf("the poll during the send got %+v, want the reply", first)
	}
	if got := now(mb, chat, first[0].Seq); len(got) != 0 {
		t.Fatalf("polling after #%d got %+v, want nothing new", first[0].Seq, got)
	}
	mustSend(t, mb, bot.Delivery{ID: 2, Kind: bot.KindReply, Channel: bot.ChannelWeb, ChatID: chat, Text: "Phiên bản hai"})
	if got := now(mb, chat, first[0].Seq); len(got) != 1 || got[0].Text != "Phiên bản hai" {
		t.Fatalf("polling after #%d got %+v, want the new reply only", first[0].Seq, got)
	}
}
