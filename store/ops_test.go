package store_test

import (
	"maps"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

func TestOpsStats(t *testing.T) {
	s, _ := mustOpen(t)
	now := t0.Add(time.Hour)
	apply(t, s, func(tx bot.Tx) error {
		rows := []bot.Delivery{
			// A reply due 10 minutes ago, and a reminder due 50 minutes ago
			// (a later priority class, but it has waited longer).
			{Kind: bot.KindReply, Channel: "telegram", ChatID: "1", Created: now.Add(-10 * time.Minute)},
			{Kind: bot.KindReminder, Channel: "telegram", ChatID: "2", Created: now.Add(-50 * time.Minute)},
			// Held for the morning: pending, but not late.
			{Kind: bot.KindReminder, Channel: "zalo", ChatID: "3", Created: now.Add(-time.Hour), NotBefore: now.Add(8 * time.Hour)},
		}
		for i := range rows {
			if _, err := tx.Enqueue(&rows[i]); err != nil {
				return err
			}
		}
		tickets := []bot.Ticket{
			{Status: bot.StatusOpen, Due: now.Add(-time.Hour)},        // overdue
			{Status: bot.StatusAssigned, Due: now.Add(time.Hour)},     // not yet
			{Status: bot.StatusClosed, Due: now.Add(-48 * time.Hour)}, // closed: never overdue
		}
		for i := range tickets {
			tickets[i].Citizen = bot.UserKey{Channel: "telegram", ID: "1"}
			if err := tx.PutTicket(&tickets[i]); err != nil {
				return err
			}
		}
		return tx.Park(bot.Update{Channel: "telegram", ID: "9", ChatID: "1"}, "panic", now)
	})

	got, err := s.OpsStats(now)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]int{"telegram": 2, "zalo": 1}; !maps.Equal(got.Pending, want) {
		t.Errorf("pending = %v, want %v", got.Pending, want)
	}
	if want := map[string]time.Time{"telegram": now.Add(-50 * time.Minute)}; !maps.EqualFunc(got.OldestDue, want, time.Time.Equal) {
		t.Errorf("oldest due = %v, want %v (the zalo row is not due)", got.OldestDue, want)
	}
	if want := map[bot.TicketStatus]int{bot.StatusOpen: 1, bot.StatusAssigned: 1, bot.StatusClosed: 1}; !maps.Equal(got.Tickets, want) {
		t.Errorf("tickets = %v, want %v", got.Tickets, want)
	}
	if got.Overdue != 1 || got.Parked != 1 || got.Dead != 0 {
		t.Errorf("overdue %d, parked %d, dead %d; want 1, 1, 0", got.Overdue, got.Parked, got.Dead)
	}
}
