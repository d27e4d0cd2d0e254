package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

// pickBacklog is 100,000 pending replies over 5,000 chats: four chats
// flooded first with 20,004 rows each, then 4,996 chats wrote 4 each.
func pickBacklog(b *testing.B) *store.Store {
	s, _ := mustOpen(b)
	{
		var rows []bot.Delivery
		at := t0
		add := func(chat string) {
			at = at.Add(time.Millisecond)
			rows = append(rows, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: chat, Text: "Dạ, tôi trả lời ông/bà ngay.", Created: at})
		}
		for i := range 4 * 20004 {
			add(fmt.Sprint("flood-", i%4))
		}
		for i := range 4 * 4996 {
			add(fmt.Sprint("chat-", i%4996))
		}
		for len(rows) > 0 {
			n := min(len(rows), 10000)
			enqueueAll(b, s, rows[:n])
			rows = rows[n:]
		}
	}
	return s
}

// BenchmarkPick measures one dispatcher pick (20 rows, what the
// dispatcher asks for with InFlight 1) while the four flooding chats are
// held by their rate limiters: Heads, the fair pick, against Due, the
// scan of the due index it replaced.
func BenchmarkPick(b *testing.B) {
	s := pickBacklog(b)
	now := t0.Add(time.Hour)
	flooding := func(chat string) bool { return len(chat) > 6 && chat[:6] == "flood-" }
	b.Run("heads", func(b *testing.B) {
		for b.Loop() {
			rows, err := s.Heads(context.Background(), now, 20, func(_, chat string, _ uint64) bool { return flooding(chat) })
			if err != nil || len(rows) != 20 {
				b.Fatalf("%d rows, %v", len(rows), err)
			}
		}
	})
	b.Run("due-scan", func(b *testing.B) {
		for b.Loop() {
			rows, err := s.Due(now, 20, func(d *bot.Delivery) bool { return flooding(d.ChatID) })
			if err != nil || len(rows) != 20 {
				b.Fatalf("%d rows, %v", len(rows), err)
			}
		}
	})
	b.Run("heads-all-ready", func(b *testing.B) {
		for b.Loop() {
			if rows, err := s.Heads(context.Background(), now, 20, nil); err != nil || len(rows) != 20 {
				b.Fatalf("%d rows, %v", len(rows), err)
			}
		}
	})
}
