package metrics_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/metrics"
	"github.com/bacninh/ansinh/store/storetest"
)

// The rows of a cancelled broadcast are withdrawn into the dead-letter
// bucket, but they are no failure: /metrics shows them apart, and the dead
// letters are only the rows the platform refused.
func TestWithdrawnRowsAreNoDeadLetters(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	var failed uint64
	err := st.Apply(ctx, func(tx bot.Tx) error {
		for i := range 3 {
			d := bot.Delivery{Key: fmt.Sprintf("bc:9:%d", i), Kind: bot.KindReminder, Channel: bot.ChannelTelegram,
				ChatID: fmt.Sprint(100 + i), Text: "Thông báo họp xét hộ nghèo", Created: t0, NotBefore: t0.Add(time.Hour)}
			if _, err := tx.Enqueue(&d); err != nil {
				return err
			}
		}
		d := bot.Delivery{Kind: bot.KindReply, Channel: bot.ChannelTelegram, ChatID: "200", Text: "Dạ", Created: t0, NotBefore: t0}
		_, err := tx.Enqueue(&d)
		failed = d.ID
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Complete(ctx, []bot.Outcome{{ID: failed, Dead: true, Reason: "Forbidden: bot was blocked by the user", At: t0}}); err != nil {
		t.Fatal(err)
	}
	err = st.Apply(ctx, func(tx bot.Tx) error {
		n, err := tx.WithdrawRows("bc:9:", bot.WithdrawnReason, t0.Add(time.Minute))
		if n != 3 {
			t.Errorf("withdrew %d rows, want 3", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var scans atomic.Int32
	m := metrics.New(metrics.Config{Source: source(st, &scans), Channels: []string{bot.ChannelTelegram}, Now: func() time.Time { return t0.Add(time.Hour) }})
	body := scrape(t, m.Handler())
	for _, want := range []string{"ansinh_outbox_dead 1\n", "ansinh_outbox_withdrawn 3\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", strings.TrimSpace(want))
		}
	}
}
