package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/bacninh/ansinh/bot"
)

// The reminders part of the admin API, server and client side. Routes:
//
//	GET  /admin/reminders[?all=1]                 list (redacted), newest first
//	POST /admin/reminders                         add a broadcast (reminderRequest)
//	POST /admin/reminders/{id}/cancel|pause|resume
//
// Both answer with the values storeSource returns; refusals come back as
// 400 (bad request) or 409 (state conflict) with the rules' message.

// registerReminderRoutes adds the reminder endpoints to the admin mux, which
// adminGuard protects like the rest.
func registerReminderRoutes(mux *http.ServeMux, src *storeSource, log *slog.Logger) {
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
		rems, err := src.Reminders(r.Context(), all)
		if err != nil {
			log.Error("admin list reminders", "err", err)
			adminError(w, http.StatusInternalServerError, "cannot read reminders")
			return
		}
		adminJSON(w, rems)
	})
	mux.HandleFunc("POST /admin/reminders", func(w http.ResponseWriter, r *http.Request) {
		var req reminderRequest
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			adminError(w, http.StatusBadRequest, "body: want a reminder request (audience, text, at or cron, until, grace)")
			return
		}
		res, err := src.AddReminder(r.Context(), req)
		if err != nil {
			reminderFailure(w, log, "add", 0, err)
			return
		}
		log.Info("admin reminder", "action", actionAdd, "reminder", res.Reminder.ID, "audience", res.Reminder.Audience)
		adminJSON(w, res)
	})
	mux.HandleFunc("POST /admin/reminders/{id}/{action}", func(w http.ResponseWriter, r *http.Request) {
		action := r.PathValue("action")
		if action != actionCancel && action != actionPause && action != actionResume {
			adminError(w, http.StatusNotFound, "no such admin endpoint")
			return
		}
		id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
		if err != nil || id == 0 {
			adminError(w, http.StatusBadRequest, "reminder number: want a positive integer")
			return
		}
		res, err := src.ChangeReminder(r.Context(), id, action)
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
	if ref, ok := asRefused(err); ok {
		status := http.StatusBadRequest
		if ref.Conflict {
			status = http.StatusConflict
		}
		adminError(w, status, ref.Error())
		return
	}
	if errors.Is(err, bot.ErrNotFound) {
		adminError(w, http.StatusNotFound, notFoundMsg(id))
		return
	}
	log.Error("admin reminder", "action", action, "reminder", id, "err", err)
	adminError(w, http.StatusInternalServerError, "cannot "+action+" the reminder; see serve's log")
}

func notFoundMsg(id uint64) string { return fmt.Sprintf("reminder %d: not found", id) }

// Reminders implements reminderSource.
func (c *adminClient) Reminders(ctx context.Context, all bool) ([]bot.Reminder, error) {
	path := "/admin/reminders"
	if all {
		path += "?all=1"
	}
	var out []bot.Reminder
	return out, c.getJSON(ctx, path, &out)
}

// AddReminder implements reminderSource; serve checks the request again.
func (c *adminClient) AddReminder(ctx context.Context, req reminderRequest) (reminderResult, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return reminderResult{}, fmt.Errorf("encode reminder request: %w", err)
	}
	return c.postReminder(ctx, "/admin/reminders", body, 0)
}

// ChangeReminder implements reminderSource.
func (c *adminClient) ChangeReminder(ctx context.Context, id uint64, action string) (reminderResult, error) {
	return c.postReminder(ctx, "/admin/reminders/"+strconv.FormatUint(id, 10)+"/"+action, nil, id)
}

// postReminder posts to a reminder endpoint and rebuilds the errors the
// store route would return, so that both print the same.
func (c *adminClient) postReminder(ctx context.Context, path string, body []byte, id uint64) (reminderResult, error) {
	var res reminderResult
	resp, err := c.do(ctx, http.MethodPost, path, bytes.NewReader(body))
	var e *adminAPIError
	if errors.As(err, &e) {
		switch e.Status {
		case http.StatusBadRequest:
			return res, refuse("%s", e.Msg)
		case http.StatusConflict:
			return res, conflict("%s", e.Msg)
		case http.StatusNotFound:
			// An older serve without these routes answers 404 too.
			if id != 0 && e.Msg == notFoundMsg(id) {
				return res, fmt.Errorf("reminder %d: %w", id, bot.ErrNotFound)
			}
		}
	}
	if err != nil {
		return res, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		return res, fmt.Errorf("admin API at %s: decode %s: %w", c.base, path, err)
	}
	return res, nil
}
