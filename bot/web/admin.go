package main

import (
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web/gate"
)

// The admin API lets the CLI reach the database while serve holds it
// (bbolt admits one process). It answers only loopback requests that carry
// the token serve leaves next to the database, so reading it takes the
// same file-system rights as opening the database itself. The client side
// is in adminclient.go.

// adminTokenPath is where serve leaves its admin token: named after the
// database file, so that two databases in one folder (two serves) each
// keep their own.
func adminTokenPath(dbPath string) string {
	return dbPath + ".admin.token"
}

// writeAdminToken stores a fresh random token next to the database and
// returns it. The file is replaced atomically so that a CLI never reads a
// half-written token.
func writeAdminToken(dbPath string) (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	token := hex.EncodeToString(buf)
	path := adminTokenPath(dbPath)
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return "", fmt.Errorf("admin token: %w", err)
	}
	tmp := f.Name()
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.WriteString(token + "\n")
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("write admin token %s: %w", path, err)
	}
	return token, nil
}

// readAdminToken reads the token a running serve wrote.
func readAdminToken(dbPath string) (string, error) {
	data, err := os.ReadFile(adminTokenPath(dbPath))
	if err != nil {
		return "", err
	}
	token := strings.TrimSpace(string(data))
	if token == "" {
		return "", fmt.Errorf("%s is empty", adminTokenPath(dbPath))
	}
	return token, nil
}

// ticketDetail is one ticket with its audit records, as `tickets show`
// prints it and GET /admin/tickets/{id} returns it.
type ticketDetail struct {
	Ticket bot.Ticket        `json:"ticket"`
	Audit  []bot.AuditRecord `json:"audit"`
}

// backupRequest is the body of POST /admin/backup.
type backupRequest struct {
	Path  string `json:"path"`
	Force bool   `json:"force,omitempty"` // replace an existing file
}

// adminHandler serves the admin API under /admin/ for the CLI.
func (a *app) adminHandler(token string, cfg Config, log *slog.Logger) http.Handler {
	src := &storeSource{st: a.store, loc: cfg.Location, now: time.Now}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /admin/tickets", func(w http.ResponseWriter, r *http.Request) {
		q, err := queryFromValues(r.URL.Query())
		if err != nil {
			adminError(w, http.StatusBadRequest, err.Error())
			return
		}
		tickets, err := src.Tickets(r.Context(), q)
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
		recs, err := src.Unanswered(r.Context(), since)
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
		d, err := src.Ticket(r.Context(), id)
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
		ct, ok := exportTypes[format]
		if !ok {
			adminError(w, http.StatusBadRequest, "format: want csv or xlsx")
			return
		}
		// Buffered so that a failure gives a clean error, not half a file.
		var buf bytes.Buffer
		n, err := src.export(r.Context(), format, &buf)
		if err != nil {
			log.Error("admin export", "format", format, "err", err)
			adminError(w, http.StatusInternalServerError, "export failed")
			return
		}
		log.Info("admin export", "format", format, "tickets", n)
		name := "ansinh-tickets-" + time.Now().In(cfg.Location).Format("20060102-1504") + "." + format
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
		buf.WriteTo(w)
	})
	mux.HandleFunc("POST /admin/backup", func(w http.ResponseWriter, r *http.Request) {
		var req backupRequest
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<10)).Decode(&req); err != nil {
			adminError(w, http.StatusBadRequest, `body: want {"path": "/absolute/file"}`)
			return
		}
		if !filepath.IsAbs(req.Path) {
			adminError(w, http.StatusBadRequest, "path must be absolute")
			return
		}
		path := filepath.Clean(req.Path)
		err := src.Backup(r.Context(), path, req.Force)
		var target backupTargetError
		switch {
		case errors.As(err, &target):
			adminError(w, http.StatusBadRequest, target.Error())
			return
		case err != nil:
			log.Error("admin backup", "path", path, "err", err)
			adminError(w, http.StatusInternalServerError, backupFailure(err))
			return
		}
		log.Info("admin backup", "path", path)
		adminJSON(w, backupRequest{Path: path})
	})
	registerReminderRoutes(mux, src, log)
	mux.HandleFunc("/admin/", func(w http.ResponseWriter, r *http.Request) {
		adminError(w, http.StatusNotFound, "no such admin endpoint")
	})
	return adminGuard(token, cfg.gate(), log, mux)
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

// adminGuard admits loopback requests to this server's own Host names with
// the bearer token; g decides what loopback means behind a proxy.
func adminGuard(token string, g *gate.Policy, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		refuse := func(status int, reason, msg string) {
			// The presented token is never logged, right or wrong.
			log.Warn("admin request refused", "reason", reason, "remote", r.RemoteAddr, "method", r.Method, "path", r.URL.Path)
			adminError(w, status, msg)
		}
		if !g.Local(r) {
			refuse(http.StatusForbidden, "not from loopback", "the admin API accepts only local requests")
			return
		}
		if !g.HostAllowed(r) {
			refuse(http.StatusForbidden, "host not served", "the admin API accepts only requests to this server's own host names")
			return
		}
		if !validBearer(r.Header.Get("Authorization"), token) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="ansinh admin"`)
			refuse(http.StatusUnauthorized, "missing or wrong token", "missing or wrong admin token")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// validBearer compares the presented bearer token in constant time.
func validBearer(header, token string) bool {
	presented, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || token == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(presented)), []byte(token)) == 1
}

// adminErrorBody is how the admin API reports an error.
type adminErrorBody struct {
	Error string `json:"error"`
}

func adminError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(adminErrorBody{Error: msg})
}

func adminJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
