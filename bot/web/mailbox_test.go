package web_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

func reply(chat, text string) bot.Delivery {
	return bot.Delivery{Kind: bot.KindReply, Channel: bot.ChannelWeb, ChatID: chat, Text: text}
}

// now returns what is in chat's mailbox without blocking.
func now(mb *web.Mailbox, chat string, after uint64) []web.Message {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return mb.Wait(ctx, chat, after)
}

func mustSend(t testing.TB, mb *web.Mailbox, d bot.Delivery) {
	t.Helper()
	if _, err := mb.Send(context.Background(), d); err != nil {
		t.Fatalf("Send: %v", err)
	}
}

func TestMailbox(t *testing.T) {
	t.Run("name is web", func(t *testing.T) {
		if got := web.NewMailbox().Name(); got != bot.ChannelWeb {
			t.Errorf("Name() = %q, want %q", got, bot.ChannelWeb)
		}
	})

	t.Run("returns messages after seq in order", func(t *testing.T) {
		mb := web.NewMailbox()
		d := reply("chat-aaaa", "một")
		d.Buttons = []bot.Button{{Label: "Vay vốn", Data: "topic:loan"}}
		mustSend(t, mb, d)
		mustSend(t, mb, reply("chat-aaaa", "hai"))
		mustSend(t, mb, reply("chat-bbbb", "khác"))

		got := now(mb, "chat-aaaa", 0)
		if len(got) != 2 || got[0].Text != "một" || got[1].Text != "hai" {
			t.Fatalf("got %+v, want một, hai", got)
		}
		if got[1].Seq <= got[0].Seq {
			t.Errorf("seq not increasing: %d then %d", got[0].Seq, got[1].Seq)
		}
		if len(got[0].Buttons) != 1 || got[0].Buttons[0] != d.Buttons[0] {
			t.Errorf("buttons = %+v, want %+v", got[0].Buttons, d.Buttons)
		}
		if got[0].Time.IsZero() {
			t.Error("time is zero")
		}
		if rest := now(mb, "chat-aaaa", got[0].Seq); len(rest) != 1 || rest[0].Text != "hai" {
			t.Errorf("after first: got %+v, want hai", rest)
		}
	})

	t.Run("drops acks", func(t *testing.T) {
		mb := web.NewMailbox()
		d := reply("chat-aaaa", "ok")
		d.Kind = bot.KindAck
		mustSend(t, mb, d)
		if got := now(mb, "chat-aaaa", 0); len(got) != 0 {
			t.Errorf("got %+v, want nothing", got)
		}
	})

	t.Run("second send of one outbox row is ignored", func(t *testing.T) {
		mb := web.NewMailbox()
		d := reply("chat-aaaa", "một")
		d.ID = 42
		mustSend(t, mb, d)
		mustSend(t, mb, d)
		if got := now(mb, "chat-aaaa", 0); len(got) != 1 {
			t.Errorf("got %d messages, want 1", len(got))
		}
	})

	t.Run("empty chat id is permanent", func(t *testing.T) {
		_, err := web.NewMailbox().Send(context.Background(), reply("", "x"))
		if _, ok := err.(*bot.PermanentError); !ok {
			t.Errorf("err = %v, want *bot.PermanentError", err)
		}
	})

	t.Run("after from an earlier process returns everything", func(t *testing.T) {
		mb := web.NewMailbox()
		mustSend(t, mb, reply("chat-aaaa", "một"))
		if got := now(mb, "chat-aaaa", 1<<62); len(got) != 1 {
			t.Errorf("got %d messages, want 1", len(got))
		}
	})
}

func TestMailboxLimits(t *testing.T) {
	t.Run("keeps the last messages of a chat", func(t *testing.T) {
		mb := web.NewMailbox()
		for i := range web.MaxMessagesPerChat + 5 {
			mustSend(t, mb, reply("chat-aaaa", fmt.Sprint(i)))
		}
		got := now(mb, "chat-aaaa", 0)
		if len(got) != web.MaxMessagesPerChat {
			t.Fatalf("kept %d messages, want %d", len(got), web.MaxMessagesPerChat)
		}
		if got[0].Text != "5" || got[len(got)-1].Text != fmt.Sprint(web.MaxMessagesPerChat+4) {
			t.Errorf("kept %q..%q, want 5..%d", got[0].Text, got[len(got)-1].Text, web.MaxMessagesPerChat+4)
		}
	})

	t.Run("evicts the least recently used chat", func(t *testing.T) {
		mb := web.NewMailbox()
		mustSend(t, mb, reply("chat-old", "cũ"))
		mustSend(t, mb, reply("chat-used", "dùng"))
		for i := range web.MaxChats - 2 {
			mustSend(t, mb, reply(fmt.Sprintf("chat-%05d", i), "x"))
		}
		// Reading chat-used makes it recent, so the next new chat evicts chat-old.
		if got := now(mb, "chat-used", 0); len(got) != 1 {
			t.Fatalf("chat-used: got %d messages, want 1", len(got))
		}
		mustSend(t, mb, reply("chat-new", "mới"))
		if got := now(mb, "chat-used", 0); len(got) != 1 {
			t.Errorf("chat-used evicted: got %d messages, want 1", len(got))
		}
		if got := now(mb, "chat-old", 0); len(got) != 0 {
			t.Errorf("chat-old kept: got %+v, want evicted", got)
		}
	})
}

func TestMailboxWait(t *testing.T) {
	t.Run("wakes on send", func(t *testing.T) {
		mb := web.NewMailbox()
		done := make(chan []web.Message)
		go func() { done <- mb.Wait(context.Background(), "chat-aaaa", 0) }()
		time.Sleep(20 * time.Millisecond)
		mustSend(t, mb, reply("chat-bbbb", "không phải"))
		mustSend(t, mb, reply("chat-aaaa", "xin chào"))
		select {
		case got := <-done:
			if len(got) != 1 || got[0].Text != "xin chào" {
				t.Errorf("got %+v, want xin chào", got)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("Wait did not return after Send")
		}
	})

	t.Run("returns nil when ctx ends", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		defer cancel()
		if got := web.NewMailbox().Wait(ctx, "chat-aaaa", 0); got != nil {
			t.Errorf("got %+v, want nil", got)
		}
	})

	t.Run("concurrent send and wait", func(t *testing.T) {
		mb := web.NewMailbox()
		const chats, perChat = 8, 50
		var wg sync.WaitGroup
		for c := range chats {
			chat := fmt.Sprintf("chat-%04d", c)
			wg.Go(func() {
				for i := range perChat {
					if _, err := mb.Send(context.Background(), reply(chat, fmt.Sprint(i))); err != nil {
						t.Errorf("Send: %v", err)
					}
				}
			})
			wg.Go(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				var after uint64
				seen := 0
				for seen < perChat {
					msgs := mb.Wait(ctx, chat, after)
					if msgs == nil {
						t.Errorf("%s: timed out after %d messages", chat, seen)
						return
					}
					for _, m := range msgs {
						if m.Text != fmt.Sprint(seen) {
							t.Errorf("%s: got %q, want %d", chat, m.Text, seen)
						}
						seen++
						after = m.Seq
					}
				}
			})
		}
		wg.Wait()
	})
}
