package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// The broadcast rules and the reminder state machine live in bot
// (reminder_rules.go); this file only translates between the CLI's flags
// and them, so the CLI, serve's admin API and the chat commands refuse the
// same requests for the same reasons.

// refuse and conflict build refusals of the CLI's own (flag syntax), of the
// same type as the rules' so that every route prints and maps them alike.
func refuse(format string, args ...any) error {
	return &bot.RefusalError{Msg: fmt.Sprintf(format, args...)}
}

func conflict(format string, args ...any) error {
	return &bot.RefusalError{Msg: fmt.Sprintf(format, args...), Conflict: true}
}

// asRefused reports whether err is a refusal, and which.
func asRefused(err error) (*bot.RefusalError, bool) { return bot.AsRefusal(err) }

// newBroadcast reads the flag values of a request and checks it with the
// rules every route shares. A refusal names the flag at fault ("--text is
// empty"). The CLI calls it before it opens anything, the store route and
// serve's admin API again before saving.
func newBroadcast(req reminderRequest, loc *time.Location, now time.Time) (bot.Reminder, error) {
	if req.Cron != "" && !req.At.IsZero() {
		return bot.Reminder{}, refuse("--at and --cron: give one, not both")
	}
	if strings.TrimSpace(req.Cron) == "" && req.At.IsZero() {
		return bot.Reminder{}, refuse(`give --at "YYYY-MM-DD HH:MM" for one message or --cron "SPEC" for a repeating one`)
	}
	br := bot.BroadcastRequest{Audience: req.Audience, Text: req.Text, At: req.At, Spec: req.Cron, By: cliOfficer}
	if req.Until != "" {
		until, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(req.Until), loc)
		if err != nil {
			return bot.Reminder{}, refuse("--until %q: want YYYY-MM-DD", req.Until)
		}
		br.Until = until
	}
	if req.Grace != "" {
		g, err := time.ParseDuration(strings.TrimSpace(req.Grace))
		if err != nil || g <= 0 {
			return bot.Reminder{}, refuse("--grace %q: want a duration from %v to %v, e.g. 6h", req.Grace, bot.MinGrace, bot.MaxGrace)
		}
		br.Grace = g
	}
	r, err := bot.NewBroadcast(br, now, loc)
	if ref, ok := bot.AsRefusal(err); ok && ref.Field != "" {
		flagged := *ref
		flagged.Field = "--" + ref.Field
		return bot.Reminder{}, &flagged
	}
	return r, err
}
