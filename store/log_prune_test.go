package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestPruneLogsKeepsOpenTickets: the conversation log's records older than
// the cutoff are deleted, in batches, on a real bbolt file, except those of
// a citizen whose ticket is still open; a closed ticket keeps nothing; the
// deletion survives a reopen.
func TestPruneLogsKeepsOpenTickets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prune.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 12, 1, 9, 0, 0, 0, time.UTC)
	cutoff := now.AddDate(0, 0, -365)
	old := cutoff.Add(-24 * time.Hour)
	const many = pruneLogBatch*2 + 17 // crosses two batch boundaries
	line := func(tx bot.Tx, chat string, at time.Time, text string) error {
		return tx.Log(bot.LogRecord{Time: at, Channel: bot.ChannelTelegram, ChatID: chat, UserID: chat, Inbound: true, Text: text})
	}
	err = s.Apply(context.Background(), func(tx bot.Tx) error {
		for i := range many {
			if err := line(tx, "100", old.Add(time.Duration(i)*time.Second), fmt.Sprint("cũ ", i)); err != nil {
				return err
			}
		}
		for _, chat := range []string{"42", "43"} {
			for i := range 2 {
				if err := line(tx, chat, old.Add(time.Duration(i)*time.Minute), "câu hỏi cũ của "+chat); err != nil {
					return err
				}
			}
		}
		if err := line(tx, "44", cutoff.Add(time.Hour), "câu hỏi mới"); err != nil {
			return err
		}
		open := bot.Ticket{Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "42"}, ChatID: "42", Question: "câu hỏi cũ của 42",
			Status: bot.StatusAssigned, Created: old, Updated: old, Due: old}
		closed := bot.Ticket{Citizen: bot.UserKey{Channel: bot.ChannelTelegram, ID: "43"}, ChatID: "43", Question: "câu hỏi cũ của 43",
			Status: bot.StatusClosed, Created: old, Updated: old, Due: old, Closed: old}
		if err := tx.PutTicket(&open); err != nil {
			return err
		}
		return tx.PutTicket(&closed)
	})
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.PruneLogs(cutoff)
	if err != nil {
		t.Fatal(err)
	}
	if want := many + 2; n != want {
		t.Errorf("pruned %d records, want %d (the old ones of chat 100 and of the closed ticket)", n, want)
	}
	if n, err := s.PruneLogs(cutoff); err != nil || n != 0 {
		t.Errorf("second run pruned %d (%v), want 0", n, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	logs, err := s.Logs("", "", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range logs {
		got = append(got, r.ChatID+":"+r.Text)
	}
	want := []string{"42:câu hỏi cũ của 42", "42:câu hỏi cũ của 42", "44:câu hỏi mới"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("log after pruning = %q, want %q", got, want)
	}
}
