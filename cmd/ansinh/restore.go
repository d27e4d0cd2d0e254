package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store"
)

// runRestore replaces ANSINH_DB with a backup. bbolt admits one process,
// so it refuses while serve holds the database; the backup is verified
// before anything is replaced, and the old file is kept beside the new one.
// Reminders due since the backup are held, not sent again (store.Restore);
// the output names them.
func runRestore(cfg Config, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return errUsage
	}
	src, err := filepath.Abs(args[0])
	if err != nil {
		return fmt.Errorf("backup file %s: %w", args[0], err)
	}
	info, kept, err := store.Restore(src, cfg.DB, time.Now(), cfg.Location)
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("ANSINH_DB=%s is in use: stop `ansinh serve` first (systemctl stop ansinh), then restore; nothing was changed", cfg.DB)
	}
	if err != nil {
		return fmt.Errorf("%w; nothing was changed", err)
	}
	fmt.Fprintf(stdout, "restored %s into %s (schema %d: %d users, %d tickets, %d reminders, %d messages waiting to be sent)\n",
		src, cfg.DB, info.Schema, info.Users, info.Tickets, info.Reminders, info.Pending)
	if kept != "" {
		fmt.Fprintf(stdout, "the previous database is kept as %s\n", kept)
	}
	writeHeld(stdout, info.Held, cfg.Location)
	return nil
}

// writeHeld tells the operator which reminders the restore held
// (bot.Reminder.HoldDue) and how to send a broadcast anyway.
func writeHeld(w io.Writer, held []bot.Reminder, loc *time.Location) {
	var ids []string
	personal := 0
	for i := range held {
		r := &held[i]
		if r.Personal() {
			personal++
			continue
		}
		if len(ids) == 0 {
			fmt.Fprintln(w, "held, not sent: broadcasts due since the backup was taken, which the replaced database may already have sent:")
		}
		ids = append(ids, strconv.FormatUint(r.ID, 10))
		times := make([]string, len(r.Held))
		for j, t := range r.Held {
			times[j] = localTime(t, loc)
		}
		fmt.Fprintf(w, "  #%d  %s  %s  due %s  %s\n", r.ID, bot.DisplayLine(r.Audience), reminderSchedule(r, loc),
			strings.Join(times, ", "), bot.Truncate(bot.DisplayLine(r.Text), reminderTextWidth))
	}
	switch {
	case len(ids) == 1:
		fmt.Fprintf(w, "to send it anyway (while within its grace): ansinh reminders resume %s\n", ids[0])
	case len(ids) > 1:
		fmt.Fprintf(w, "to send one anyway (while within its grace): ansinh reminders resume N, for N in %s\n", strings.Join(ids, ", "))
	}
	if personal > 0 {
		fmt.Fprintf(w, "citizens' personal reminders due since the backup, counted as sent and not sent again: %d\n", personal)
	}
}
