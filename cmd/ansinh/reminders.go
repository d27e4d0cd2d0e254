package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

// reminderSource is where `ansinh reminders` reads and changes reminders:
// the database when it is free (web.Admin), serve's admin API while serve
// holds it. Both routes check requests with web.ReminderRequest.Broadcast
// and answer with the same values, which one set of functions prints
// (reminderprint.go).
type reminderSource interface {
	// Reminders lists reminders, newest first: every one when all is set,
	// else those not cancelled or still waiting for quiet hours to end.
	// Personal ones come redacted.
	Reminders(ctx context.Context, all bool) ([]bot.Reminder, error)
	// AddReminder checks and saves a broadcast with its audit record.
	AddReminder(ctx context.Context, req web.ReminderRequest) (web.ReminderResult, error)
	// ChangeReminder cancels, pauses or resumes reminder id; an unknown id
	// gives an error wrapping bot.ErrNotFound.
	ChangeReminder(ctx context.Context, id uint64, action string) (web.ReminderResult, error)
}

var (
	_ reminderSource = (*web.Admin)(nil)
	_ reminderSource = (*adminClient)(nil)
)

// openReminderSource routes like openSource: both of its sources are
// reminder sources too (asserted above).
func openReminderSource(cfg Config) (reminderSource, func(), error) {
	src, done, err := openSource(cfg)
	if err != nil {
		return nil, nil, err
	}
	return src.(reminderSource), done, nil
}

// The reminder actions; each is audited as "reminder_" + action.
const (
	actionAdd    = bot.ActionAdd
	actionCancel = bot.ActionCancel
	actionPause  = bot.ActionPause
	actionResume = bot.ActionResume
)

// cliOfficer is the identity the CLI acts under in reminders and the audit
// log: whoever may run it may open the database.
const cliOfficer = "cli"

// refuse and conflict build refusals of the CLI's own (flag syntax, and
// the client's rebuilding of the admin API's answers), of the rules' type
// so that every route prints and maps them alike.
func refuse(format string, args ...any) error {
	return &bot.RefusalError{Msg: fmt.Sprintf(format, args...)}
}

func conflict(format string, args ...any) error {
	return &bot.RefusalError{Msg: fmt.Sprintf(format, args...), Conflict: true}
}

// runReminders is `ansinh reminders add|list|cancel|pause|resume`.
func runReminders(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	switch args[0] {
	case "add":
		return remindersAdd(ctx, cfg, args[1:], stdout)
	case "list":
		return remindersList(ctx, cfg, args[1:], stdout)
	case actionCancel, actionPause, actionResume:
		return remindersChange(ctx, cfg, args[0], args[1:], stdout)
	}
	return errUsage
}

func remindersAdd(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("reminders add", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	var req web.ReminderRequest
	fl.StringVar(&req.Audience, "audience", "", "all|topic:ID|commune:NAME|category:ID")
	fl.StringVar(&req.Text, "text", "", "the message (at most 700 characters)")
	at := fl.String("at", "", `one-off local time "YYYY-MM-DD HH:MM"`)
	fl.StringVar(&req.Cron, "cron", "", "five-field cron spec in local time")
	fl.StringVar(&req.Until, "until", "", "last local day YYYY-MM-DD")
	fl.StringVar(&req.Grace, "grace", "", "how late a missed occurrence may still go (default 12h)")
	fl.BoolVar(&req.Force, "force", false, "add it even if a broadcast with the same audience, time and text exists")
	if err := parseLine("reminders add", fl, args); err != nil {
		return err
	}
	if *at != "" {
		t, err := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(*at), cfg.Location)
		if err != nil {
			return refuse("--at %q: thời điểm phải viết YYYY-MM-DD HH:MM (giờ địa phương)", *at)
		}
		req.At = t
	}
	quiet, err := cfg.quiet()
	if err != nil {
		return err
	}
	// Checked here too, so that a refused request touches nothing.
	if _, err := req.Broadcast(cliOfficer, cfg.Location, time.Now()); err != nil {
		return err
	}
	src, done, err := openReminderSource(cfg)
	if err != nil {
		return err
	}
	defer done()
	res, err := src.AddReminder(ctx, req)
	if err != nil {
		return err
	}
	return writeReminderResult(stdout, res, cfg.Location, senderQuiet(res, quiet), time.Now())
}

func remindersList(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("reminders list", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	all := fl.Bool("all", false, "include cancelled reminders")
	if err := parseLine("reminders list", fl, args); err != nil {
		return err
	}
	src, done, err := openReminderSource(cfg)
	if err != nil {
		return err
	}
	defer done()
	rems, err := src.Reminders(ctx, *all)
	if err != nil {
		return err
	}
	return writeReminderList(stdout, rems, cfg.Location, time.Now())
}

func remindersChange(ctx context.Context, cfg Config, action string, args []string, stdout io.Writer) error {
	if err := oneNumber("reminders "+action, "số lịch nhắc", args); err != nil {
		return err
	}
	id, err := strconv.ParseUint(strings.TrimPrefix(args[0], "#"), 10, 64)
	if err != nil || id == 0 {
		return refuse("số lịch nhắc %q không hợp lệ: cần một số nguyên dương", args[0])
	}
	quiet, err := cfg.quiet()
	if err != nil {
		return err
	}
	src, done, err := openReminderSource(cfg)
	if err != nil {
		return err
	}
	defer done()
	res, err := src.ChangeReminder(ctx, id, action)
	if errors.Is(err, bot.ErrNotFound) {
		return refuse("không có lịch nhắc #%d", id)
	}
	if err != nil {
		return err
	}
	return writeReminderResult(stdout, res, cfg.Location, senderQuiet(res, quiet), time.Now())
}

// senderQuiet are the quiet hours the answer came with (serve's, or the
// database's sender-to-be's), or, from an older serve, the CLI's own.
func senderQuiet(res web.ReminderResult, own bot.QuietHours) bot.QuietHours {
	if res.Quiet != nil {
		return *res.Quiet
	}
	return own
}
