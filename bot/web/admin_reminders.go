package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// The reminders part of the admin API. The rules are bot's (NewBroadcast,
// AddBroadcast, ChangeReminder, Redacted); refusals come back as 400 (bad
// request) or 409 (state conflict) with the rules' message. The CLI is the
// API's only client, so a refusal names the CLI's flag at fault ("--text").

// ReminderRequest is a new broadcast as the CLI's flags give it and as
// POST /admin/reminders carries it.
type ReminderRequest struct {
	Audience string    `json:"audience"`
	Text     string    `json:"text"`
	At       time.Time `json:"at,omitzero"` // RFC 3339
	Cron     string    `json:"cron,omitempty"`
	Until    string    `json:"until,omitempty"` // YYYY-MM-DD, local day
	Grace    string    `json:"grace,omitempty"` // Go duration; empty: bot.DefaultGrace
	// Force adds a broadcast even when one not cancelled has the same
	// audience, time and text (bot.AddBroadcast refuses it otherwise).
	Force bool `json:"force,omitempty"`
}

// ReminderResult is what an add, cancel, pause or resume did; Changed is
// false when the reminder already was in the state asked for. Reach, for
// an add, is whom the new broadcast's audience holds now.
type ReminderResult struct {
	Action   string       `json:"action"`
	Changed  bool         `json:"changed"`
	Reminder bot.Reminder `json:"reminder"`
	Reach    *bot.Reach   `json:"reach,omitempty"`
	// Quiet are the quiet hours of the process that will send it (serve's
	// while serve runs), for the confirmation's times; absent from an
	// older serve.
	Quiet *bot.QuietHours `json:"quiet,omitempty"`
}

// Broadcast reads the request's values and checks them with bot's
// broadcast rules, as a broadcast made by by. A refusal (*bot.RefusalError)
// names the flag at fault ("--text is empty"). The CLI calls it before it
// opens anything, AddReminder again before saving.
func (req ReminderRequest) Broadcast(by string, loc *time.Location, now time.Time) (bot.Reminder, error) {
	if req.Cron != "" && !req.At.IsZero() {
		return bot.Reminder{}, &bot.RefusalError{Msg: "--at và --cron: chỉ dùng một trong hai"}
	}
	if strings.TrimSpace(req.Cron) == "" && req.At.IsZero() {
		return bot.Reminder{}, &bot.RefusalError{Msg: `thiếu thời điểm gửi: thêm --at "YYYY-MM-DD HH:MM" để gửi một lần, hoặc --cron "LỊCH" để gửi lặp lại`}
	}
	br := bot.BroadcastRequest{Audience: req.Audience, Text: req.Text, At: req.At, Spec: req.Cron, By: by}
	if req.Until != "" {
		until, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(req.Until), loc)
		if err != nil {
			return bot.Reminder{}, &bot.RefusalError{Msg: fmt.Sprintf("--until %q: ngày phải viết YYYY-MM-DD", req.Until)}
		}
		br.Until = until
	}
	if req.Grace != "" {
		g, err := time.ParseDuration(strings.TrimSpace(req.Grace))
		if err != nil || g <= 0 {
			return bot.Reminder{}, &bot.RefusalError{Msg: fmt.Sprintf("--grace %q: %s", req.Grace, bot.GraceRange())}
		}
		br.Grace = g
	}
	r, err := bot.NewBroadcast(br, now, loc)
	if err != nil {
		return bot.Reminder{}, flagged(err)
	}
	return r, nil
}

// flagged words a refusal of the rules for the officer at the command
// line: in Vietnamese (the rules' Vi, as /thongbao says it) after the
// flag at fault ("--at: thời điểm đã qua"), and for a repeated broadcast
// with how to go on. Other errors are returned as they are.
func flagged(err error) error {
	ref, ok := bot.AsRefusal(err)
	if !ok {
		return err
	}
	f := *ref
	if f.Vi != "" {
		f.Msg = f.Vi
		if f.Field != "" {
			f.Field = "--" + strings.TrimPrefix(f.Field, "--") + ":"
		}
	} else if f.Field != "" && !strings.HasPrefix(f.Field, "--") {
		f.Field = "--" + f.Field
	}
	if ref.Existing != 0 {
		f.Msg += fmt.Sprintf("; hủy #%d trước, hoặc thêm --force để tạo bản thứ hai", ref.Existing)
	}
	return &f
}

// Reminders lists reminders, newest first: every one when all is set, else
// those not cancelled and the one-offs whose messages wait for quiet hours
// to end. Personal ones come redacted.
func (a *Admin) Reminders(_ context.Context, all bool) ([]bot.Reminder, error) {
	rems, err := a.st.AllReminders()
	if err != nil {
		return nil, fmt.Errorf("list reminders: %w", err)
	}
	now := a.now()
	out := []bot.Reminder{}
	for _, r := range rems {
		if all || !r.Cancelled || r.Finished() && r.Withdrawn == 0 && (r.Waiting(now) || r.Paused) {
			out = append(out, r.Redacted())
		}
	}
	return out, nil
}

// AddReminder checks and saves a broadcast with its audit record.
func (a *Admin) AddReminder(ctx context.Context, req ReminderRequest) (ReminderResult, error) {
	now := a.now()
	r, err := req.Broadcast(a.by, a.loc, now)
	if err != nil {
		return ReminderResult{}, err
	}
	var reach bot.Reach
	err = a.st.Apply(ctx, func(tx bot.Tx) error {
		saved := r // Apply may run fn twice: each run numbers its own copy
		var err error
		add := bot.AddBroadcast
		if req.Force {
			add = bot.AddBroadcastAgain
		}
		if reach, err = add(tx, &saved, now, a.loc); err == nil {
			r = saved
		}
		return err
	})
	if _, ok := bot.AsRefusal(err); ok {
		return ReminderResult{}, flagged(err)
	}
	if err != nil {
		return ReminderResult{}, fmt.Errorf("add reminder: %w", err)
	}
	return ReminderResult{Action: bot.ActionAdd, Changed: true, Reminder: r.Redacted(), Reach: &reach, Quiet: &a.quiet}, nil
}

// ChangeReminder cancels, pauses or resumes reminder id; an unknown id
// gives an error wrapping bot.ErrNotFound. The reminder is read, changed and
// written back with its audit record in one transaction: under serve the
// scheduler updates the same reminder (its last occurrence), and a read
// outside the transaction could undo that.
func (a *Admin) ChangeReminder(ctx context.Context, id uint64, action string) (ReminderResult, error) {
	now := a.now()
	var res ReminderResult
	err := a.st.Apply(ctx, func(tx bot.Tx) error {
		r, changed, err := bot.ChangeBroadcast(tx, id, action, a.by, now, a.quiet, a.loc)
		if err != nil {
			return err
		}
		res = ReminderResult{Action: action, Changed: changed, Reminder: r.Redacted(), Quiet: &a.quiet}
		return nil
	})
	if err != nil {
		return ReminderResult{}, flagged(err)
	}
	return res, nil
}

// reminderRoutes adds the reminder endpoints to the admin mux, which
// adminGuard protects like the rest.
func (a *Admin) reminderRoutes(mux *http.ServeMux, log *slog.Logger) {
	mux.HandleFunc("GET /admin/reminders", func(w http.ResponseWriter, r *http.Request) {
		all := false
		if s := r.URL.Query().Get("all"); s != "" {
			b, err := strconv.ParseBool(s)
			if err != nil {
				adminError(w, http.StatusBadRequest, fmt.Sprintf("all %q: want 1 or 0", s))
				return
			}
			all = b
		}
		rems, err := a.Reminders(r.Context(), all)
		if err != nil {
			log.Error("admin list reminders", "err", err)
			adminError(w, http.StatusInternalServerError, "cannot read reminders")
			return
		}
		adminJSON(w, rems)
	})
	mux.HandleFunc("POST /admin/reminders", func(w http.ResponseWriter, r *http.Request) {
		var req ReminderRequest
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			adminError(w, http.StatusBadRequest, "body: want a reminder request (audience, text, at or cron, until, grace)")
			return
		}
		res, err := a.AddReminder(r.Context(), req)
		if err != nil {
			reminderFailure(w, log, bot.ActionAdd, 0, err)
			return
		}
		log.Info("admin reminder", "action", bot.ActionAdd, "reminder", res.Reminder.ID, "audience", res.Reminder.Audience)
		adminJSON(w, res)
	})
	mux.HandleFunc("POST /admin/reminders/{id}/{action}", func(w http.ResponseWriter, r *http.Request) {
		action := r.PathValue("action")
		if action != bot.ActionCancel && action != bot.ActionPause && action != bot.ActionResume {
			adminError(w, http.StatusNotFound, "no such admin endpoint")
			return
		}
		id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
		if err != nil || id == 0 {
			adminError(w, http.StatusBadRequest, "reminder number: want a positive integer")
			return
		}
		res, err := a.ChangeReminder(r.Context(), id, action)
		if err != nil {
			reminderFailure(w, log, action, id, err)
			return
		}
		if res.Changed {
			log.Info("admin reminder", "action", action, "reminder", id)
		}
		adminJSON(w, res)
	})
}

// reminderFailure answers a failed reminder request: refusals and unknown
// numbers with their message, anything else as an internal error.
func reminderFailure(w http.ResponseWriter, log *slog.Logger, action string, id uint64, err error) {
	if ref, ok := bot.AsRefusal(err); ok {
		status := http.StatusBadRequest
		if ref.Conflict {
			status = http.StatusConflict
		}
		adminError(w, status, ref.Error())
		return
	}
	if errors.Is(err, bot.ErrNotFound) {
		adminError(w, http.StatusNotFound, ReminderNotFound(id))
		return
	}
	log.Error("admin reminder", "action", action, "reminder", id, "err", err)
	adminError(w, http.StatusInternalServerError, "cannot "+action+" the reminder; see serve's log")
}

// ReminderNotFound is the admin API's message for an unknown reminder
// number; the client recognises it to tell it from an unknown route.
func ReminderNotFound(id uint64) string { return fmt.Sprintf("reminder %d: not found", id) }
