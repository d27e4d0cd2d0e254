package outbox_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/outbox"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestQuietHoursStopABroadcastMidway: with ANSINH_QUIET_HOURS=21:11-07:00
// and a slow platform, a broadcast started at 21:10 delivered 35 of its 83
// messages after 21:11. Quiet hours are checked per row at send time: the
// rows not sent when the window opens wait until it ends, and the
// broadcast's list line says so. A reply and an officer's row still go;
// a personal reminder waits for the morning too.
func TestQuietHoursStopABroadcastMidway(t *testing.T) {
	loc := time.FixedZone("ICT", 7*3600)
	start := time.Date(2026, 12, 6, 21, 10, 0, 0, loc)
	morning := time.Date(2026, 12, 7, 7, 0, 0, 0, loc)
	st := storetest.Open(t)
	occ := start
	b := bot.Reminder{Type: bot.ReminderBroadcast, Audience: bot.AudienceAll, Text: "Họp dân", At: occ, Grace: bot.DefaultGrace,
		Created: start.Add(-time.Hour), Last: occ, LastSent: 10, SendFrom: start, Cancelled: true}
	err := st.Apply(context.Background(), func(tx bot.Tx) error { return tx.PutReminder(&b) })
	if err != nil {
		t.Fatal(err)
	}
	var rows []bot.Delivery
	for i := range 10 {
		rows = append(rows, bot.Delivery{Key: fmt.Sprintf("%stelegram:%d", bot.OccurrenceRowPrefix(b.ID, occ), i), Kind: bot.KindReminder,
			Channel: "telegram", ChatID: fmt.Sprint(100 + i), Text: "📢 Họp dân", Created: start, NotBefore: start})
	}
	enqueue(t, st, rows...)

	// The clock moves a minute on at the fourth send: quiet hours begin.
	var mu sync.Mutex
	clock := start
	now := func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	ch := newFake("telegram")
	ch.fail = func(d bot.Delivery, _ int) error {
		if d.Kind == bot.KindReminder && len(ch.sent) == 3 {
			mu.Lock()
			clock = start.Add(time.Minute + time.Second) // 21:11:01
			mu.Unlock()
		}
		return nil
	}
	_, stop := runDispatcher(t, outbox.Config{Store: st, Channels: []bot.Channel{ch}, Now: now,
		Quiet: bot.QuietHours{From: 21*time.Hour + 11*time.Minute, To: 7 * time.Hour}, Location: loc})
	defer stop()
	waitFor(t, "four rows sent", func() bool { return len(ch.texts("")) >= 4 })
	// Rows that come up in quiet hours: a reply and an officer's row go;
	// a personal reminder waits for the morning too.
	enqueue(t, st,
		bot.Delivery{Kind: bot.KindReply, Channel: "telegram", ChatID: "900", Text: "reply", Created: now()},
		bot.Delivery{Kind: bot.KindOfficer, Channel: "telegram", ChatID: "-100", Text: "officers", Created: now()},
		bot.Delivery{Key: "r99:1:telegram:901", Kind: bot.KindReminder, Channel: "telegram", ChatID: "901", Text: "⏰ Nhắc lịch", Created: now()})
	waitFor(t, "the reply and the officers' row", func() bool { return len(ch.texts("")) >= 6 })
	time.Sleep(300 * time.Millisecond) // the dispatcher would send more now if it did
	stop()

	bcast := 0
	for _, d := range ch.sent {
		if d.Text == "📢 Họp dân" {
			bcast++
		}
	}
	if bcast != 4 || len(ch.sent) != 6 {
		t.Errorf("sent %d broadcast rows and %d in all, want 4 and 6: %v", bcast, len(ch.sent), ch.texts(""))
	}
	due, err := st.Due(morning.Add(-time.Second), 100, nil)
	if err != nil || len(due) != 0 {
		t.Errorf("due before 07:00 = %d rows (%v), want none", len(due), err)
	}
	due, err = st.Due(morning, 100, nil)
	if err != nil || len(due) != 7 {
		t.Fatalf("due at 07:00 = %d rows (%v), want the 6 unsent broadcast rows and the reminder", len(due), err)
	}
	for _, d := range due {
		if !d.NotBefore.Equal(morning) {
			t.Errorf("row %d goes at %v, want %v", d.ID, d.NotBefore, morning)
		}
	}
	got, err := st.Reminder(b.ID)
	if err != nil || !got.SendFrom.Equal(morning) || !got.Waiting(now()) {
		t.Errorf("broadcast SendFrom = %v (%v), want %v: it waits for quiet hours to end", got.SendFrom, err, morning)
	}
}
