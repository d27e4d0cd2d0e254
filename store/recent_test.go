package store

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestRecentSendsKeptForAMinute: each send to a chat is kept for the
// dispatcher's limits after a restart, a minute long; acknowledgements of
// button presses are no messages and are not kept.
func TestRecentSendsKeptForAMinute(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	t0 := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	send := func(kind string, at time.Time) {
		t.Helper()
		d := bot.Delivery{Kind: kind, Channel: "telegram", ChatID: "-100500", IsGroup: true, Text: "x", Created: at}
		if err := s.Apply(ctx, func(tx bot.Tx) error { _, err := tx.Enqueue(&d); return err }); err != nil {
			t.Fatal(err)
		}
		if err := s.Complete(ctx, []bot.Outcome{{ID: d.ID, Sent: true, At: at}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, sec := range []int{0, 10, 30} {
		send(bot.KindOfficer, t0.Add(time.Duration(sec)*time.Second))
	}
	send(bot.KindAck, t0.Add(40*time.Second))
	send(bot.KindOfficer, t0.Add(70*time.Second)) // forgets t0
	got, err := s.RecentSends(ctx, "telegram", "-100500", t0.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	want := []time.Time{t0.Add(10 * time.Second), t0.Add(30 * time.Second), t0.Add(70 * time.Second)}
	if !slices.EqualFunc(got, want, time.Time.Equal) {
		t.Errorf("recent sends = %v, want %v", got, want)
	}
	if got, _ := s.RecentSends(ctx, "telegram", "-100500", t0.Add(20*time.Second)); len(got) != 2 {
		t.Errorf("since t0+20s: %v, want the last two", got)
	}
	if got, _ := s.RecentSends(ctx, "telegram", "777", t0); len(got) != 0 {
		t.Errorf("a chat never sent to: %v", got)
	}
}
