package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/remind"
	"github.com/bacninh/ansinh/content"
)

// seasonalPrefix marks reminders created from content/kb/seasonal.yaml.
const seasonalPrefix = "content:"

// syncSeasonal adds the content's seasonal broadcasts to the store, each
// once: a broadcast an officer cancelled stays cancelled.
func (a *app) syncSeasonal(cfg Config, now time.Time) error {
	items, err := content.LoadSeasonal(cfg.contentFS())
	if err != nil {
		return err
	}
	return a.addSeasonal(items, cfg, now)
}

// addSeasonal stores the seasonal broadcasts not stored yet.
func (a *app) addSeasonal(items []content.Seasonal, cfg Config, now time.Time) error {
	existing, err := a.store.AllReminders()
	if err != nil {
		return fmt.Errorf("read reminders: %w", err)
	}
	have := map[string]bool{}
	for _, r := range existing {
		have[r.CreatedBy] = true
	}
	for _, s := range items {
		if have[seasonalPrefix+s.ID] {
			continue
		}
		at, _ := s.AtTime(cfg.Location)
		until, _ := s.UntilTime(cfg.Location)
		r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: s.Audience, Text: s.Text, Spec: s.Cron, At: at, Until: until,
			Grace: 24 * time.Hour, Created: now, CreatedBy: seasonalPrefix + s.ID}
		if err := r.Validate(); err != nil {
			return fmt.Errorf("seasonal %s: %w", s.ID, err)
		}
		if err := a.store.PutReminder(&r); err != nil {
			return fmt.Errorf("store seasonal %s: %w", s.ID, err)
		}
	}
	return nil
}

// jobs are the housekeeping the scheduler's clock runs beside the
// reminder tick (remind.Scheduler.Open): the nightly purge of old ticket
// texts and the hourly housekeeping (housekeep).
func (a *app) jobs(cfg Config, log *slog.Logger) []remind.Job {
	purge := func(context.Context) {
		n, err := a.store.PurgeTickets(time.Now().AddDate(0, 0, -cfg.RetentionDays))
		if err != nil {
			log.Error("purge tickets", "err", err)
		} else if n > 0 {
			log.Info("purged closed tickets", "count", n, "retention_days", cfg.RetentionDays)
		}
	}
	return []remind.Job{
		{Name: "purge", Spec: "30 2 * * *", Run: purge},
		{Name: "housekeeping", Spec: "45 * * * *", Run: a.housekeepJob(log)},
	}
}
