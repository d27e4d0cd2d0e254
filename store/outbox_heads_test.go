package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

func enqueueAll(tb testing.TB, s *store.Store, rows []bot.Delivery) []bot.Delivery {
	tb.Helper()
	apply(tb, s, func(tx bot.Tx) error {
		for i := range rows {
			if _, err := tx.Enqueue(&rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return rows
}

func headTexts(tb testing.TB, s *store.Store, now time.Time) string {
	tb.Helper()
	rows, err := s.Heads(context.Background(), now, 100, nil)
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	for _, d := range rows {
		texts = append(texts, d.Text)
	}
	return strings.Join(texts, ",")
}

// One row per chat, the chat that has waited longest first; a chat just
// served queues behind the others, a chat waiting for a retry is left out
// until its time, replies come before reminders.
func TestHeadsFairOrder(t *testing.T) {
	s, _ := mustOpen(t)
	var rows []bot.Delivery
	for i := range 5 {
		rows = append(rows, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "flood", Text: fmt.Sprint("flood-", i), Created: t0.Add(time.Duration(i) * time.Second)})
	}
	rows = append(rows,
		bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "new", Text: "new", Created: t0.Add(10 * time.Second)},
		bot.Delivery{Kind: bot.KindReminder, Channel: "zalo", ChatID: "r", Text: "reminder", Created: t0},
		bot.Delivery{Kind: bot.KindReply, Channel: "zalo", ChatID: "late", Text: "late", Created: t0, NotBefore: t0.Add(time.Hour)},
	)
	rows = enqueueAll(t, s, rows)
	now := t0.Add(time.Minute)
	if got, want := headTexts(t, s, now), "flood-0,new,reminder"; got != want {
		t.Fatalf("heads = %s, want %s", got, want)
	}
	// flood-0 sent at now: the newcomer has waited longer than flood-1.
	if err := s.Complete(context.Background(), []bot.Outcome{{ID: rows[0].ID, Sent: true, At: now}}); err != nil {
		t.Fatal(err)
	}
	if got, want := headTexts(t, s, now), "new,flood-1,reminder"; got != want {
		t.Errorf("after serving the flood: heads = %s, want %s", got, want)
	}
	// The newcomer's send fails: the chat waits until its retry.
	retryAt := now.Add(30 * time.Second)
	if err := s.Complete(context.Background(), []bot.Outcome{{ID: rows[5].ID, RetryAt: retryAt, Reason: "502", At: now}}); err != nil {
		t.Fatal(err)
	}
	if got, want := headTexts(t, s, now.Add(time.Second)), "flood-1,reminder"; got != want {
		t.Errorf("while the newcomer waits: heads = %s, want %s", got, want)
	}
	if got, want := headTexts(t, s, retryAt), "flood-1,new,reminder"; got != want {
		t.Errorf("at the retry: heads = %s, want %s", got, want)
	}
	// A reply to the reminder's chat goes before the older reminder.
	enqueueAll(t, s, []bot.Delivery{{Kind: bot.KindReply, Channel: "zalo", ChatID: "r", Text: "answer", Created: retryAt}})
	if got, want := headTexts(t, s, retryAt), "flood-1,new,answer"; got != want {
		t.Errorf("with a reply queued before a reminder: heads = %s, want %s", got, want)
	}
	if got, want := headTexts(t, s, t0.Add(2*time.Hour)), "flood-1,new,answer,late"; got != want {
		t.Errorf("an hour later: heads = %s, want %s", got, want)
	}
}

// A chat the dispatcher holds back is asked about once, whatever its
// backlog, and its rows are never read.
func TestHeadsSkipCostsOneEntryPerChat(t *testing.T) {
	s, _ := mustOpen(t)
	var rows []bot.Delivery
	for i := range 2000 {
		rows = append(rows, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "flood", Text: "x", Created: t0.Add(time.Duration(i) * time.Millisecond)})
	}
	rows = append(rows, bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "new", Text: "new", Created: t0.Add(time.Hour)})
	enqueueAll(t, s, rows)
	asked := map[string]int{}
	got, err := s.Heads(context.Background(), t0.Add(2*time.Hour), 10, func(channel, chat string, row uint64) bool {
		asked[channel+":"+chat]++
		return chat == "flood"
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Text != "new" {
		t.Errorf("heads = %+v, want the newcomer's row only", got)
	}
	if asked["telegram:flood"] != 1 || asked["telegram:new"] != 1 || len(asked) != 2 {
		t.Errorf("skip asked %v, want each chat once", asked)
	}
}

// An unreachable recipient's queue is buried, and its chat leaves the heads.
func TestHeadsUnreachable(t *testing.T) {
	s, _ := mustOpen(t)
	rows := enqueueAll(t, s, []bot.Delivery{
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "7", Text: "a", Created: t0},
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "7", Text: "b", Created: t0.Add(time.Second)},
		{Kind: bot.KindReply, Channel: "telegram", ChatID: "8", Text: "c", Created: t0.Add(2 * time.Second)},
	})
	if err := s.Complete(context.Background(), []bot.Outcome{{ID: rows[0].ID, Dead: true, Unreachable: true, Reason: "blocked", At: t0}}); err != nil {
		t.Fatal(err)
	}
	if got := headTexts(t, s, t0.Add(time.Minute)); got != "c" {
		t.Errorf("heads = %s, want c", got)
	}
	st, _ := s.OutboxStats()
	if st.Pending != 1 || st.Dead != 2 {
		t.Errorf("stats = %+v, want 1 pending, 2 dead", st)
	}
}
