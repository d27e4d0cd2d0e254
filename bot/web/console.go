package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/report"
	"github.com/bacninh/ansinh/bot/web/gate"
)

// Besides bot, the console imports bot/report for its downloads (and so,
// through it, content and excelize) and content for the topic titles.

// TicketSource is where the officer console reads tickets; *store.Store
// satisfies it.
type TicketSource interface {
	// Tickets lists the tickets f selects, newest first.
	Tickets(f bot.TicketFilter) ([]bot.Ticket, error)
	// Ticket returns one ticket, or an error wrapping bot.ErrNotFound.
	Ticket(id uint64) (bot.Ticket, error)
	// AuditLog returns the officers' actions on ticket id, oldest first.
	AuditLog(id uint64) ([]bot.AuditRecord, error)
}

// consolePath is where serve mounts the console; links and the session
// cookie's path use it.
const consolePath = "/officer"

// maxRows is how many tickets one list page shows; the exports hold all.
const maxRows = 500

// Vietnamese messages of the console.
const (
	msgConsoleLocalOnly = "Bảng điều khiển chỉ mở được trên chính máy đang chạy ansinh serve " +
		"(http://127.0.0.1 hoặc http://localhost), không qua mạng hay proxy."
	msgConsoleCrossSite = "Yêu cầu gửi từ trang web khác đã bị chặn."
	msgWrongToken       = "Mã truy cập không đúng. Vui lòng kiểm tra lại tệp admin.token."
	msgThrottled        = "Đã nhập sai mã nhiều lần. Vui lòng chờ vài giây rồi thử lại."
	msgBadFilter        = "Bộ lọc không hợp lệ."
	msgNoTicket         = "Không tìm thấy phiếu #%d."
	msgBadTicketID      = "Số phiếu không hợp lệ."
	msgReadFailed       = "Không đọc được dữ liệu phiếu. Vui lòng thử lại; nếu vẫn lỗi, xem nhật ký của ansinh serve."
	msgExportFailed     = "Không tạo được tệp tải về. Vui lòng thử lại; nếu vẫn lỗi, xem nhật ký của ansinh serve."
	msgNotFound         = "Không có trang này."
)

// exportFormats maps the export file extensions to their media types.
var exportFormats = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

type console struct {
	src     TicketSource
	token   string
	session string // the session cookie's value
	loc     *time.Location
	now     func() time.Time
	log     *slog.Logger
	pages   map[string]*template.Template
	css     []byte
	gate    *gate.Policy
	login   gate.Throttle
}

// Console returns the officers' read-only console, to be mounted at both
// /officer and /officer/. It answers only requests from this machine (see
// WithGate) and, apart from the login page and its style sheet, only
// to a browser logged in with token, serve's admin token. Times show in
// loc. Of the options, WithNow, WithLogger and WithGate apply.
//
// Routes:
//
//	GET  /officer                  ticket list (?status=active|open|assigned|answered|closed|all, &overdue=1), or the login page
//	POST /officer/login            token=… [&next=…] → cookie and 303, or the login page with an error
//	POST /officer/logout           ends the session → 303 /officer
//	GET  /officer/tickets/{id}     one ticket: fields, thread, audit records, chat commands
//	GET  /officer/export.csv       the list's tickets as CSV (report.WriteCSV), same filters
//	GET  /officer/export.xlsx      the same as Excel (report.WriteXLSX)
//	GET  /officer/static/console.css
//
// Officers act on tickets in their chat; nothing here changes a ticket.
func Console(src TicketSource, token string, loc *time.Location, opts ...Option) http.Handler {
	// Options are written for the chat's server; read the ones that apply.
	s := &server{now: time.Now, log: slog.Default(), gate: gate.New(nil)}
	for _, o := range opts {
		o(s)
	}
	if loc == nil {
		loc = time.UTC
	}
	c := &console{src: src, token: token, session: sessionValue(token), loc: loc, now: s.now, log: s.log, gate: s.gate,
		pages: parsePages(), css: mustAsset("assets/console/console.css")}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+consolePath, c.home)
	mux.Handle("GET "+consolePath+"/{$}", http.RedirectHandler(consolePath, http.StatusMovedPermanently))
	mux.HandleFunc("POST "+consolePath+"/login", c.loginPost)
	mux.HandleFunc("POST "+consolePath+"/logout", c.logout)
	mux.HandleFunc("GET "+consolePath+"/tickets/{id}", c.authed(c.ticket))
	mux.HandleFunc("GET "+consolePath+"/export.csv", c.authed(c.export("csv")))
	mux.HandleFunc("GET "+consolePath+"/export.xlsx", c.authed(c.export("xlsx")))
	mux.HandleFunc("GET "+consolePath+"/static/console.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		_, _ = w.Write(c.css)
	})
	mux.HandleFunc(consolePath+"/", func(w http.ResponseWriter, r *http.Request) {
		c.fail(w, r, http.StatusNotFound, msgNotFound)
	})
	return c.guard(mux)
}

func mustAsset(name string) []byte {
	body, err := assets.ReadFile(name)
	if err != nil {
		panic("web: missing embedded asset " + name)
	}
	return body
}

// parsePages parses each page template with the shared layout, at startup
// so that a broken template fails at once.
func parsePages() map[string]*template.Template {
	layout := template.Must(template.ParseFS(assets, "assets/console/layout.html"))
	pages := map[string]*template.Template{}
	for _, name := range []string{"login", "list", "ticket", "error"} {
		pages[name] = template.Must(template.Must(layout.Clone()).ParseFS(assets, "assets/console/"+name+".html"))
	}
	return pages
}

// render executes a page into a buffer first, so that a template error
// gives a clean 500 rather than half a page.
func (c *console) render(w http.ResponseWriter, status int, page string, data any) {
	var buf bytes.Buffer
	if err := c.pages[page].ExecuteTemplate(&buf, "layout", data); err != nil {
		c.log.Error("officer console render", "page", page, "err", err)
		http.Error(w, msgReadFailed, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// fail shows an error page.
func (c *console) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	c.render(w, status, "error", errorPage{head: c.head("Lỗi", r), Message: msg})
}

func (c *console) head(title string, r *http.Request) head {
	return head{Title: title, LoggedIn: c.loggedIn(r), Printed: c.when(c.now())}
}

// authed sends a browser without a session to the login page, which
// brings it back here afterwards.
func (c *console) authed(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !c.loggedIn(r) {
			target := consolePath + "?" + url.Values{"next": {r.URL.RequestURI()}}.Encode()
			http.Redirect(w, r, target, http.StatusSeeOther)
			return
		}
		next(w, r)
	}
}

func (c *console) home(w http.ResponseWriter, r *http.Request) {
	if !c.loggedIn(r) {
		c.showLogin(w, r, http.StatusOK, "", r.URL.Query().Get("next"))
		return
	}
	c.list(w, r)
}

func (c *console) showLogin(w http.ResponseWriter, r *http.Request, status int, msg, next string) {
	if next = safeNext(next); next == consolePath {
		next = ""
	}
	c.render(w, status, "login", loginPage{head: head{Title: "Đăng nhập"}, Error: msg, Next: next})
}

func (c *console) loginPost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginBytes)
	if err := r.ParseForm(); err != nil {
		c.showLogin(w, r, http.StatusBadRequest, msgBadRequest, "")
		return
	}
	next := r.PostForm.Get("next")
	// Throttling is per client address, so one guesser cannot lock the
	// officers out, and runs on the real clock: WithNow's may stand still.
	client, _ := c.gate.Client(r)
	if !c.login.Begin(client, time.Now()) {
		c.log.Warn("officer console login throttled", "remote", r.RemoteAddr)
		c.showLogin(w, r, http.StatusTooManyRequests, msgThrottled, next)
		return
	}
	defer c.login.End(client)
	// The presented token is never logged, right or wrong.
	if !c.tokenMatches(strings.TrimSpace(r.PostForm.Get("token"))) {
		d := c.login.Fail(client, time.Now())
		c.log.Warn("officer console login refused", "remote", r.RemoteAddr, "delay", d)
		pause(r.Context(), d)
		c.showLogin(w, r, http.StatusUnauthorized, msgWrongToken, next)
		return
	}
	c.login.Succeed(client)
	c.log.Info("officer console login", "remote", r.RemoteAddr)
	c.setSession(w, r, c.session, 0)
	http.Redirect(w, r, safeNext(next), http.StatusSeeOther)
}

func (c *console) logout(w http.ResponseWriter, r *http.Request) {
	c.setSession(w, r, "", -1)
	http.Redirect(w, r, consolePath, http.StatusSeeOther)
}

// all reads every ticket: the list needs them for its counts anyway, and
// filters them in memory.
func (c *console) all(w http.ResponseWriter, r *http.Request) ([]bot.Ticket, bool) {
	tickets, err := c.src.Tickets(bot.TicketFilter{})
	if err != nil {
		c.log.Error("officer console list tickets", "err", err)
		c.fail(w, r, http.StatusInternalServerError, msgReadFailed)
		return nil, false
	}
	return tickets, true
}

func (c *console) list(w http.ResponseWriter, r *http.Request) {
	q, err := parseListQuery(r.URL.Query())
	if err != nil {
		c.fail(w, r, http.StatusBadRequest, msgBadFilter)
		return
	}
	tickets, ok := c.all(w, r)
	if !ok {
		return
	}
	c.render(w, http.StatusOK, "list", c.listView(q, tickets, c.head("Phiếu yêu cầu", r)))
}

func (c *console) ticket(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 {
		c.fail(w, r, http.StatusNotFound, msgBadTicketID)
		return
	}
	t, err := c.src.Ticket(id)
	if errors.Is(err, bot.ErrNotFound) {
		c.fail(w, r, http.StatusNotFound, fmt.Sprintf(msgNoTicket, id))
		return
	}
	var audit []bot.AuditRecord
	if err == nil {
		audit, err = c.src.AuditLog(id)
	}
	if err != nil {
		c.log.Error("officer console show ticket", "ticket", id, "err", err)
		c.fail(w, r, http.StatusInternalServerError, msgReadFailed)
		return
	}
	c.render(w, http.StatusOK, "ticket", c.ticketView(&t, audit, c.head(fmt.Sprintf("Phiếu #%d", id), r)))
}

// export writes the tickets the list's filters select as a download named
// like phieu-yeu-cau-2026-11-27.xlsx (today in the console's location).
func (c *console) export(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := parseListQuery(r.URL.Query())
		if err != nil {
			c.fail(w, r, http.StatusBadRequest, msgBadFilter)
			return
		}
		now := c.now()
		tickets, err := c.src.Tickets(q.filter(now))
		if err == nil {
			// Buffered so that a failure gives an error page, not half a file.
			var buf bytes.Buffer
			if err = writeReport(&buf, format, tickets, c.loc, now); err == nil {
				name := "phieu-yeu-cau-" + now.In(c.loc).Format("2006-01-02") + "." + format
				c.log.Info("officer console export", "format", format, "status", q.Status, "overdue", q.Overdue, "tickets", len(tickets))
				w.Header().Set("Content-Type", exportFormats[format])
				w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
				w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
				_, _ = buf.WriteTo(w)
				return
			}
		}
		c.log.Error("officer console export", "format", format, "err", err)
		c.fail(w, r, http.StatusInternalServerError, msgExportFailed)
	}
}

func writeReport(w io.Writer, format string, tickets []bot.Ticket, loc *time.Location, now time.Time) error {
	var err error
	switch format {
	case "csv":
		err = report.WriteCSV(w, tickets, loc, now)
	case "xlsx":
		err = report.WriteXLSX(w, tickets, loc, now)
	default:
		err = fmt.Errorf("unknown format %q", format)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}
