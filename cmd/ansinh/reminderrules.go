package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/robfig/cron/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// Limits on officers' broadcasts.
const (
	// maxBroadcastText keeps a broadcast, with the line the scheduler adds,
	// one message on every channel.
	maxBroadcastText = 700
	// A grace shorter than a scheduler tick would expire occurrences before
	// they are sent; a longer one than a week would send stale news after
	// an outage.
	minGrace = 5 * time.Minute
	maxGrace = 7 * 24 * time.Hour
	// minCronGap refuses specs that would message a whole audience more
	// than once an hour ("* * * * *" is an easy typo).
	minCronGap = time.Hour
	// horizon is how far ahead a schedule must fire at least once.
	horizon = 5 * 366 * 24 * time.Hour
)

// refusedError is a reminder request the rules refuse: bad input, or a
// state that forbids the action (conflict). The admin API passes the
// message through (400 or 409) and the client rebuilds the error, so both
// routes print the same.
type refusedError struct {
	conflict bool
	err      error
}

func (e *refusedError) Error() string { return e.err.Error() }
func (e *refusedError) Unwrap() error { return e.err }

func refuse(format string, args ...any) error {
	return &refusedError{err: fmt.Errorf(format, args...)}
}

func conflict(format string, args ...any) error {
	return &refusedError{conflict: true, err: fmt.Errorf(format, args...)}
}

// asRefused reports whether err is a refusal, and which.
func asRefused(err error) (*refusedError, bool) {
	var r *refusedError
	ok := errors.As(err, &r)
	return r, ok
}

// newBroadcast checks an officer's request and builds the broadcast. It is
// the one place the rules live: the CLI calls it before it opens anything,
// the store route and serve's admin API again before saving.
func newBroadcast(req reminderRequest, loc *time.Location, now time.Time) (bot.Reminder, error) {
	text, err := broadcastText(req.Text)
	if err != nil {
		return bot.Reminder{}, err
	}
	audience, err := broadcastAudience(req.Audience)
	if err != nil {
		return bot.Reminder{}, err
	}
	r := bot.Reminder{Type: bot.ReminderBroadcast, Audience: audience, Text: text, Spec: strings.TrimSpace(req.Cron),
		At: req.At, Grace: bot.DefaultGrace, Created: now, CreatedBy: cliOfficer}
	switch {
	case r.Spec != "" && !r.At.IsZero():
		return bot.Reminder{}, refuse("--at and --cron: give one, not both")
	case r.Spec == "" && r.At.IsZero():
		return bot.Reminder{}, refuse(`give --at "YYYY-MM-DD HH:MM" for one message or --cron "SPEC" for a repeating one`)
	case !r.At.IsZero() && !r.At.After(now):
		return bot.Reminder{}, refuse("--at %s is in the past", r.At.In(loc).Format("2006-01-02 15:04"))
	case r.Spec != "":
		if err := checkCron(r.Spec, loc, now); err != nil {
			return bot.Reminder{}, err
		}
	}
	if req.Until != "" {
		until, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(req.Until), loc)
		if err != nil {
			return bot.Reminder{}, refuse("--until %q: want YYYY-MM-DD", req.Until)
		}
		if y, m, d := now.In(loc).Date(); until.Before(time.Date(y, m, d, 0, 0, 0, 0, loc)) {
			return bot.Reminder{}, refuse("--until %s is in the past", req.Until)
		}
		r.Until = until
	}
	if req.Grace != "" {
		g, err := time.ParseDuration(strings.TrimSpace(req.Grace))
		if err != nil || g < minGrace || g > maxGrace {
			return bot.Reminder{}, refuse("--grace %q: want a duration from %v to %v, e.g. 6h", req.Grace, minGrace, maxGrace)
		}
		r.Grace = g
	}
	if len(r.Occurrences(now, now.Add(horizon), loc, 1)) == 0 {
		return bot.Reminder{}, refuse("nothing would ever be sent: no time of this schedule falls before --until")
	}
	// The rules every route shares (chat commands too).
	if err := r.CheckBroadcast(now, loc); err != nil {
		return bot.Reminder{}, refuse("%w", err)
	}
	return r, nil
}

// broadcastText composes the text (NFC, so that length counts letters as
// citizens see them) and refuses what would not fit or not display.
func broadcastText(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", refuse("--text is not valid UTF-8")
	}
	s = strings.TrimSpace(norm.NFC.String(strings.ReplaceAll(s, "\r\n", "\n")))
	if s == "" {
		return "", refuse("--text is empty")
	}
	if n := utf8.RuneCountInString(s); n > maxBroadcastText {
		return "", refuse("--text has %d characters; at most %d fit one message", n, maxBroadcastText)
	}
	for _, r := range s {
		if r != '\n' && unicode.IsControl(r) {
			return "", refuse("--text contains a control character (%U)", r)
		}
	}
	return s, nil
}

// broadcastAudience checks the audience; a topic must be one of the
// knowledge base's, or the broadcast would reach nobody.
func broadcastAudience(a string) (string, error) {
	a = strings.TrimSpace(a)
	if err := bot.ValidAudience(a); err != nil {
		return "", refuse("--%w", err)
	}
	if a == bot.AudienceAll {
		return a, nil
	}
	kind, val, _ := strings.Cut(a, ":")
	a = kind + ":" + strings.TrimSpace(val)
	if kind == "topic" && !slices.Contains(content.Topics, strings.TrimSpace(val)) {
		return "", refuse("--audience %q: unknown topic; want one of %s", a, strings.Join(content.Topics, ", "))
	}
	return a, nil
}

// checkCron accepts a standard five-field spec only: descriptors such as
// "@every 1m" and a CRON_TZ prefix would escape the local-time rule and
// the frequency check.
func checkCron(spec string, loc *time.Location, now time.Time) error {
	if len(strings.Fields(spec)) != 5 {
		return refuse(`--cron %q: want five fields (minute hour day month weekday), e.g. "0 8 * * 1" for Mondays at 08:00`, spec)
	}
	sched, err := cron.ParseStandard(spec)
	if err != nil {
		return refuse("--cron %q: %w", spec, err)
	}
	prev := sched.Next(now.In(loc))
	for range 50 {
		next := sched.Next(prev)
		if prev.IsZero() || next.IsZero() {
			break
		}
		if next.Sub(prev) < minCronGap {
			return refuse("--cron %q fires more than once an hour; every time reaches the whole audience", spec)
		}
		prev = next
	}
	return nil
}
