package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"
)

// Housekeeping keeps the bookkeeping buckets from growing forever.
const (
	// seenRetention is how long a processed update's id is kept to drop a
	// redelivery: far beyond the platforms' windows (Telegram keeps an
	// unconfirmed update 24 h; a Zalo OA event older than
	// zalo.OAEventMaxAge is dropped before it reaches the engine).
	seenRetention = 7 * 24 * time.Hour
	// loadRetention: an inbound allowance untouched this long is full
	// again (bot.InboundBurst refills in a minute).
	loadRetention = time.Hour
	// webMailRetention is how long a web reply no page fetched is kept.
	webMailRetention = 14 * 24 * time.Hour
)

// housekept counts what one housekeeping run deleted.
type housekept struct {
	Seen, Loads, WebMail, Logs int
}

// housekeep forgets processed-update ids, inbound allowances and unfetched
// web replies older than their retention at now, and the conversation log's
// records older than ANSINH_RETENTION_DAYS (the retention of closed
// tickets' texts, 365 days by default), except those of a citizen whose
// ticket is still open (docs/architecture.md §7).
func (a *app) housekeep(now time.Time) (housekept, error) {
	var h housekept
	var err error
	if h.Seen, err = a.store.PruneSeen(now.Add(-seenRetention)); err != nil {
		return h, fmt.Errorf("prune seen updates: %w", err)
	}
	if h.Loads, err = a.store.PruneChatLoads(now.Add(-loadRetention)); err != nil {
		return h, fmt.Errorf("prune inbound allowances: %w", err)
	}
	if h.WebMail, err = a.store.PruneWebMail(now.Add(-webMailRetention)); err != nil {
		return h, fmt.Errorf("prune web mail: %w", err)
	}
	if h.Logs, err = a.store.PruneLogs(now.AddDate(0, 0, -a.retentionDays())); err != nil {
		return h, fmt.Errorf("prune conversation log: %w", err)
	}
	return h, nil
}

// retentionDays is how many days citizens' texts are kept (ANSINH_RETENTION_DAYS).
func (a *app) retentionDays() int {
	if a.cfg.RetentionDays < 1 {
		return 365
	}
	return a.cfg.RetentionDays
}

// housekeepJob runs housekeep now and logs the outcome (the Run of a
// remind.Job).
func (a *app) housekeepJob(log *slog.Logger) func(context.Context) {
	return func(context.Context) {
		h, err := a.housekeep(time.Now())
		if err != nil {
			log.Error("housekeeping", "err", err)
			return
		}
		if h != (housekept{}) {
			log.Info("housekeeping", "seen_updates", h.Seen, "inbound_allowances", h.Loads, "web_mail", h.WebMail,
				"conversation_log", h.Logs)
		}
	}
}
