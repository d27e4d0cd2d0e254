package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"path/filepath"
	"strconv"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web/gate"
)

// The admin API lets the CLI reach the database while serve holds it
// (bbolt admits one process). It answers only loopback requests to this
// server's own host names that carry the token serve leaves next to the
// database (cmd/ansinh writes it and holds the client). Admin's methods are
// the operations themselves: the CLI calls them directly when it holds the
// database, and the handler calls them for it when serve does, so both
// routes answer alike.

// AdminStore is what the admin API reads and changes; *store.Store
// satisfies it.
type AdminStore interface {
	TicketSource
	UnansweredSource
	// Apply runs fn in one read-write transaction.
	Apply(ctx context.Context, fn func(tx bot.Tx) error) error
	// Path is the database file.
	Path() string
	// Backup writes a consistent copy of the database to path; an existing
	// file is replaced only with replace, else the error wraps fs.ErrExist.
	// A path it refuses (a directory, the database and its own files, an
	// existing file without replace, with replace a file that is not a
	// backup) is a *bot.RefusalError.
	Backup(path string, replace bool) error
}

// AdminConfig is what NewAdmin needs.
type AdminConfig struct {
	Store AdminStore
	// Location is the local time zone of exports and broadcast requests;
	// default UTC.
	Location *time.Location
	// By is the identity changes are made and audited under ("cli").
	By string
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Quiet are the quiet hours of the process that sends (serve's
	// ANSINH_QUIET_HOURS): a resume respects them, and every reminder
	// result carries them for the CLI's confirmation.
	Quiet bot.QuietHours
}

// Admin is the admin API over one store.
type Admin struct {
	st    AdminStore
	loc   *time.Location
	by    string
	now   func() time.Time
	quiet bot.QuietHours
}

// NewAdmin returns the admin API over cfg.Store.
func NewAdmin(cfg AdminConfig) *Admin {
	a := &Admin{st: cfg.Store, loc: cfg.Location, by: cfg.By, now: cfg.Now, quiet: cfg.Quiet}
	if a.loc == nil {
		a.loc = time.UTC
	}
	if a.now == nil {
		a.now = time.Now
	}
	return a
}

// Handler serves the admin API under /admin/ for requests that pass
// gate.Policy.Admit as local and carry token as a bearer token. Of the
// options, WithLogger and WithGate apply. Errors are {"error": "..."} with
// 400 (bad request or refused), 401 (token), 403 (not local), 404 (unknown
// number or route), 409 (state conflict) or 500.
//
// Routes:
//
//	GET  /admin/tickets?status=&overdue=&limit=  tickets, newest first (TicketQuery)
//	GET  /admin/tickets/{id}                     TicketDetail
//	GET  /admin/tickets/export?format=csv|xlsx   every ticket, as a download
//	GET  /admin/unanswered[?since=RFC3339]       unanswered records
//	POST /admin/backup                           BackupRequest → BackupRequest (the path written)
//	GET  /admin/reminders[?all=1]                reminders (redacted), newest first
//	POST /admin/reminders                        ReminderRequest → ReminderResult
//	POST /admin/reminders/{id}/cancel|pause|resume → ReminderResult
func (a *Admin) Handler(token string, opts ...Option) http.Handler {
	s := &server{log: slog.Default(), gate: gate.New(nil)}
	for _, o := range opts {
		o(s)
	}
	log := s.log
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/tickets", func(w http.ResponseWriter, r *http.Request) {
		q, err := ParseTicketQuery(r.URL.Query())
		if err != nil {
			adminError(w, http.StatusBadRequest, err.Error())
			return
		}
		tickets, err := a.Tickets(r.Context(), q)
		if err != nil {
			log.Error("admin list tickets", "err", err)
			adminError(w, http.StatusInternalServerError, "cannot read tickets")
			return
		}
		if tickets == nil {
			tickets = []bot.Ticket{}
		}
		adminJSON(w, tickets)
	})
	mux.HandleFunc("GET /admin/unanswered", func(w http.ResponseWriter, r *http.Request) {
		var since time.Time
		if v := r.URL.Query().Get("since"); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				adminError(w, http.StatusBadRequest, "since: want an RFC 3339 time")
				return
			}
			since = t
		}
		recs, err := a.Unanswered(r.Context(), since)
		if err != nil {
			log.Error("admin unanswered", "err", err)
			adminError(w, http.StatusInternalServerError, "cannot read the unanswered list")
			return
		}
		if recs == nil {
			recs = []bot.Unanswered{}
		}
		adminJSON(w, recs)
	})
	mux.HandleFunc("GET /admin/tickets/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
		if err != nil || id == 0 {
			adminError(w, http.StatusBadRequest, "ticket number: want a positive integer")
			return
		}
		d, err := a.Ticket(r.Context(), id)
		if errors.Is(err, bot.ErrNotFound) {
			adminError(w, http.StatusNotFound, fmt.Sprintf("ticket %d not found", id))
			return
		}
		if err != nil {
			log.Error("admin show ticket", "ticket", id, "err", err)
			adminError(w, http.StatusInternalServerError, "cannot read ticket")
			return
		}
		if d.Audit == nil {
			d.Audit = []bot.AuditRecord{}
		}
		adminJSON(w, d)
	})
	mux.HandleFunc("GET /admin/tickets/export", func(w http.ResponseWriter, r *http.Request) {
		format := r.URL.Query().Get("format")
		ct, ok := ExportMediaType(format)
		if !ok {
			adminError(w, http.StatusBadRequest, "format: want csv or xlsx")
			return
		}
		// Buffered so that a failure gives a clean error, not half a file.
		var buf bytes.Buffer
		n, err := a.export(format, &buf)
		if err != nil {
			log.Error("admin export", "format", format, "err", err)
			adminError(w, http.StatusInternalServerError, "export failed")
			return
		}
		log.Info("admin export", "format", format, "tickets", n)
		name := "ansinh-tickets-" + a.now().In(a.loc).Format("20060102-1504") + "." + format
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		_, _ = buf.WriteTo(w)
	})
	mux.HandleFunc("POST /admin/backup", func(w http.ResponseWriter, r *http.Request) {
		var req BackupRequest
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10)).Decode(&req); err != nil {
			adminError(w, http.StatusBadRequest, `body: want {"path": "/absolute/file"}`)
			return
		}
		if !filepath.IsAbs(req.Path) {
			adminError(w, http.StatusBadRequest, "path must be absolute")
			return
		}
		path := filepath.Clean(req.Path)
		err := a.Backup(r.Context(), path, req.Force)
		if ref, ok := bot.AsRefusal(err); ok {
			adminError(w, http.StatusBadRequest, ref.Error())
			return
		}
		if err != nil {
			log.Error("admin backup", "path", path, "err", err)
			adminError(w, http.StatusInternalServerError, backupFailure(err))
			return
		}
		log.Info("admin backup", "path", path)
		adminJSON(w, BackupRequest{Path: path})
	})
	a.reminderRoutes(mux, log)
	mux.HandleFunc("/admin/", func(w http.ResponseWriter, r *http.Request) {
		adminError(w, http.StatusNotFound, "no such admin endpoint")
	})
	return adminGuard(token, s.gate, log, mux)
}

// backupFailure says why serve could not write a backup without passing
// on internal details: the file is written by serve's user, not the
// caller's, which explains most failures.
func backupFailure(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "backup failed: the directory does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "backup failed: permission denied to the user serve runs as"
	}
	return "backup failed; see serve's log"
}

// Refusals of adminGuard, as the client reads them.
const (
	msgAdminLocalOnly = "the admin API accepts only local requests"
	msgAdminHost      = "the admin API accepts only requests to this server's own host names"
	msgAdminToken     = "missing or wrong admin token"
)

// adminGuard admits what g.Admit admits as local, with the bearer token.
func adminGuard(token string, g *gate.Policy, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		refuse := func(status int, reason, msg string) {
			// The presented token is never logged, right or wrong.
			log.Warn("admin request refused", "reason", reason, "remote", r.RemoteAddr, "method", r.Method, "path", r.URL.Path)
			adminError(w, status, msg)
		}
		if err := g.Admit(r, true); err != nil {
			msg := msgAdminLocalOnly
			if errors.Is(err, gate.ErrHostNotServed) {
				msg = msgAdminHost
			}
			refuse(http.StatusForbidden, err.Error(), msg)
			return
		}
		if !gate.Bearer(r, token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="ansinh admin"`)
			refuse(http.StatusUnauthorized, "missing or wrong token", msgAdminToken)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func adminError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorResponse{Error: msg})
}

func adminJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
