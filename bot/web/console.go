package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"mime"
	"net/http"
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
	// AllReminders lists every reminder and broadcast.
	AllReminders() ([]bot.Reminder, error)
}

// SessionStore keeps the console's sign-in links and sessions;
// *store.Store satisfies it.
type SessionStore interface {
	// SignIn redeems a sign-in link (by its secret's hash) and stores s as
	// a session of the link's officer, in one transaction.
	SignIn(linkHash string, s bot.Session, now time.Time) (bot.Session, error)
	// Session returns a session by its secret's hash, or bot.ErrNotFound.
	Session(hash string) (bot.Session, error)
	TouchSession(hash string, now time.Time) error
	EndSession(hash string) error
}

// Officers is what the console asks the engine: who is an officer, and to
// apply an officer's action; *bot.Engine satisfies it.
type Officers interface {
	IsOfficer(identity string) bool
	// Act applies a; changed is false when it was refused or repeated.
	Act(ctx context.Context, a bot.ConsoleAction) (msg string, changed bool, err error)
}

// ConsoleConfig is what Console needs.
type ConsoleConfig struct {
	Tickets  TicketSource
	Sessions SessionStore
	Officers Officers
	Location *time.Location // times shown; default UTC
	// Unanswered, when set, adds the read-only unanswered list page.
	Unanswered UnansweredSource
	// Reload, when set, adds the "reload the content" button: it reloads
	// ANSINH_CONTENT_DIR for the officer and returns what to show (the
	// problems of a rejected edit in err). cmd audits it.
	Reload func(officer string) (string, error)
	// PublicURL is ANSINH_PUBLIC_URL: when set the console answers clients
	// on any address (behind the operator's TLS proxy), and its cookie is
	// Secure when the URL is https. Empty: loopback clients only.
	PublicURL string
	// Quiet are the quiet hours (ANSINH_QUIET_HOURS) the broadcasts page
	// tells of.
	Quiet bot.QuietHours
	// Files, when set, fetches the files citizens sent on Telegram: a
	// ticket's thread then links each one (GET
	// /officer/tickets/{id}/files/{item}), passed on through the console.
	Files FileSource
	// FormSecret signs the forms' keys, binding each to its session,
	// ticket or broadcast and action (cmd keeps it beside the database, so
	// a page stays usable across a restart). Empty: a random secret for
	// this process.
	FormSecret []byte
}

// consolePath is where serve mounts the console; links and the session
// cookie's path use it.
const consolePath = bot.ConsolePath

// maxRows is how many tickets one list page shows; the exports hold all.
const maxRows = 500

// Vietnamese messages of the console.
const (
	msgConsoleLocalOnly = "Bảng điều khiển chỉ mở được trên chính máy đang chạy ansinh serve " +
		"(http://127.0.0.1 hoặc http://localhost), không qua mạng hay proxy."
	msgConsoleCrossSite = "Yêu cầu gửi từ trang web khác đã bị chặn."
	msgSignInHelp       = "Để đăng nhập, gửi /dangnhap cho Trợ lý An sinh trong chat riêng trên Telegram hoặc Zalo " +
		"(chỉ cán bộ đã đăng ký). Trợ lý gửi lại một đường dẫn dùng một lần, hết hạn sau 10 phút."
	msgLinkUsed     = "Đường dẫn đăng nhập này đã được dùng. Mỗi đường dẫn chỉ dùng được một lần: gửi /dangnhap để nhận đường dẫn mới."
	msgLinkExpired  = "Đường dẫn đăng nhập đã hết hạn (quá 10 phút). Gửi /dangnhap để nhận đường dẫn mới."
	msgLinkUnknown  = "Đường dẫn đăng nhập không đúng. Hãy mở đúng đường dẫn Trợ lý An sinh gửi, hoặc gửi /dangnhap để nhận đường dẫn mới."
	msgThrottled    = "Đã thử đăng nhập sai nhiều lần. Vui lòng chờ vài giây rồi thử lại."
	msgBadCSRF      = "Biểu mẫu không hợp lệ hoặc đã cũ (thiếu mã bảo vệ). Vui lòng tải lại trang rồi làm lại."
	msgSignedOut    = "Phiên đăng nhập đã kết thúc. " + msgSignInHelp
	msgBadFilter    = "Bộ lọc không hợp lệ."
	msgDatesReverse = "Ngày ở ô “Tạo từ ngày” phải trước hoặc trùng ngày ở ô “đến ngày”. Vui lòng chọn lại."
	msgNoTicket     = "Không tìm thấy phiếu #%d."
	msgBadTicketID  = "Số phiếu không hợp lệ."
	msgReadFailed   = "Không đọc được dữ liệu phiếu. Vui lòng thử lại; nếu vẫn lỗi, xem nhật ký của ansinh serve."
	msgActFailed    = "Chưa thực hiện được thao tác. Vui lòng thử lại; nếu vẫn lỗi, xem nhật ký của ansinh serve."
	msgExportFailed = "Không tạo được tệp tải về. Vui lòng thử lại; nếu vẫn lỗi, xem nhật ký của ansinh serve."
	msgNotFound     = "Không có trang này."
)

// exportFormats maps the export file extensions to their media types.
var exportFormats = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

type console struct {
	cfg    ConsoleConfig
	src    TicketSource
	loc    *time.Location
	now    func() time.Time
	log    *slog.Logger
	pages  map[string]*template.Template
	css    []byte
	gate   *gate.Policy
	login  gate.Throttle
	public bool
	secure bool
	keys   formKeys
}

// Console returns the officers' console, to be mounted at both /officer
// and /officer/. Each officer signs in as themself with a one-time link
// from /dangnhap (see bot.LoginLink); a session lasts until sign-out,
// /dangxuat, 8 idle hours or removal from ANSINH_OFFICERS. Every change is
// a POST carrying the session's CSRF token and a form key bound to the
// session, the ticket or broadcast and the action (console_formkey.go),
// and goes through cfg.Officers.Act, the chat commands' own functions. Of the options,
// WithNow, WithLogger and WithGate apply.
//
// Routes:
//
//	GET  /officer                       inbox (?status=…&commune=…&topic=…&overdue=1&mine=1), or how to sign in
//	GET  /officer/login?t=SECRET        a button that signs in (a link preview must not use the link up)
//	POST /officer/login                 t=SECRET → session cookie, 303 /officer
//	POST /officer/logout                ends this session
//	GET  /officer/tickets/{id}          the ticket: thread, notes, delivery, actions, audit
//	POST /officer/tickets/{id}/{verb}   take, reply, note, close, reopen
//	GET  /officer/tickets/{id}/files/{item} a file the citizen sent on Telegram (thread item), passed on
//	GET  /officer/broadcasts            broadcasts: list and a form
//	POST /officer/broadcasts            create one
//	POST /officer/broadcasts/{id}/{verb} pause, resume, cancel
//	GET  /officer/export.csv|.xlsx      the inbox's tickets (same filters, &from=&to= dates)
//	GET  /officer/static/console.css
func Console(cfg ConsoleConfig, opts ...Option) http.Handler {
	// Options are written for the chat's server; read the ones that apply.
	s := &server{now: time.Now, log: slog.Default(), gate: gate.New(nil)}
	for _, o := range opts {
		o(s)
	}
	loc := cfg.Location
	if loc == nil {
		loc = time.UTC
	}
	c := &console{cfg: cfg, src: cfg.Tickets, loc: loc, now: s.now, log: s.log, gate: s.gate,
		pages: parsePages(), css: mustAsset("assets/console/console.css"),
		public: cfg.PublicURL != "", secure: strings.HasPrefix(strings.ToLower(cfg.PublicURL), "https://"),
		keys: newFormKeys(cfg.FormSecret)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+consolePath, c.home)
	mux.Handle("GET "+consolePath+"/{$}", http.RedirectHandler(consolePath, http.StatusMovedPermanently))
	mux.HandleFunc("GET "+consolePath+"/login", c.loginPage)
	mux.HandleFunc("POST "+consolePath+"/login", c.loginPost)
	mux.HandleFunc("POST "+consolePath+"/logout", c.authed(c.logout))
	mux.HandleFunc("GET "+consolePath+"/tickets/{id}", c.authed(c.ticket))
	mux.HandleFunc("POST "+consolePath+"/tickets/{id}/{verb}", c.authed(c.ticketAction))
	mux.HandleFunc("GET "+consolePath+"/tickets/{id}/files/{item}", c.authed(c.file))
	mux.HandleFunc("GET "+consolePath+"/broadcasts", c.authed(c.broadcasts))
	mux.HandleFunc("POST "+consolePath+"/broadcasts", c.authed(c.broadcastCreate))
	mux.HandleFunc("POST "+consolePath+"/broadcasts/{id}/{verb}", c.authed(c.broadcastAction))
	if c.cfg.Reload != nil {
		mux.HandleFunc("POST "+consolePath+"/content/reload", c.authed(c.reloadContent))
	}
	if cfg.Unanswered != nil {
		mux.HandleFunc("GET "+unansweredPath, c.authed(c.unanswered))
	}
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
	for _, name := range []string{"login", "signin", "list", "ticket", "broadcasts", "unanswered", "error"} {
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
	c.render(w, status, "error", errorPage{head: c.head("Lỗi", sessionOf(r)), Message: msg})
}

// head is the layout's part of a page for the signed-in session s (nil:
// nobody signed in).
func (c *console) head(title string, s *bot.Session) head {
	h := head{Title: title, Printed: c.when(c.now())}
	if s != nil {
		h.LoggedIn, h.Officer, h.CSRF = true, s.Officer, s.CSRF
		h.Nav = consoleNav
		if c.cfg.Unanswered != nil {
			h.Nav = append(h.Nav[:len(h.Nav):len(h.Nav)], unansweredNav)
		}
	}
	return h
}

// consoleNav is the console's menu. The unanswered-questions page joins it
// when its route exists.
var consoleNav = []navLink{
	{Label: "Phiếu yêu cầu", URL: consolePath},
	{Label: "Thông báo", URL: consolePath + "/broadcasts"},
}

func (c *console) home(w http.ResponseWriter, r *http.Request) {
	s, ok := c.session(w, r)
	if !ok {
		c.render(w, http.StatusUnauthorized, "login", loginPage{head: c.head("Đăng nhập", nil), Help: msgSignInHelp})
		return
	}
	c.list(w, r.WithContext(withSession(r.Context(), s)))
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
	s := sessionOf(r)
	q, err := parseListQuery(r.URL.Query())
	if err != nil {
		c.fail(w, r, http.StatusBadRequest, filterError(err))
		return
	}
	tickets, ok := c.all(w, r)
	if !ok {
		return
	}
	c.render(w, http.StatusOK, "list", c.listView(q, tickets, s.Officer, c.head("Phiếu yêu cầu", s)))
}

func (c *console) ticket(w http.ResponseWriter, r *http.Request) {
	c.showTicket(w, r, http.StatusOK, "", "")
}

// pathTicket reads ticket {id} of r's path, and its number; when it
// cannot (a bad number, no such ticket, a failed read, logged as what), it
// answers r with the error page and reports false.
func (c *console) pathTicket(w http.ResponseWriter, r *http.Request, what string) (bot.Ticket, uint64, bool) {
	id, err := strconv.ParseUint(r.PathValue("id"), 10, 64)
	if err != nil || id == 0 {
		c.fail(w, r, http.StatusNotFound, msgBadTicketID)
		return bot.Ticket{}, id, false
	}
	t, err := c.src.Ticket(id)
	if errors.Is(err, bot.ErrNotFound) {
		c.fail(w, r, http.StatusNotFound, fmt.Sprintf(msgNoTicket, id))
		return bot.Ticket{}, id, false
	}
	if err != nil {
		c.log.Error(what, "ticket", id, "err", err)
		c.fail(w, r, http.StatusInternalServerError, msgReadFailed)
		return bot.Ticket{}, id, false
	}
	return t, id, true
}

// showTicket renders ticket {id} with the result of an action, if any.
func (c *console) showTicket(w http.ResponseWriter, r *http.Request, status int, done, failed string) {
	t, id, ok := c.pathTicket(w, r, "officer console show ticket")
	if !ok {
		return
	}
	audit, err := c.src.AuditLog(id)
	if err != nil {
		c.log.Error("officer console show ticket", "ticket", id, "err", err)
		c.fail(w, r, http.StatusInternalServerError, msgReadFailed)
		return
	}
	h := c.head(fmt.Sprintf("Phiếu #%d", id), sessionOf(r))
	h.Done, h.Failed = done, failed
	p := c.ticketView(&t, audit, h)
	p.Keys = map[string]string{}
	for _, verb := range ticketVerbs {
		p.Keys[verb] = c.keys.issue(sessionOf(r), targetTicket, verb, id)
	}
	c.render(w, status, "ticket", p)
}

// export writes the tickets the list's filters select as a download named
// like phieu-yeu-cau-2026-11-27.xlsx (today in the console's location).
func (c *console) export(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := parseListQuery(r.URL.Query())
		if err != nil {
			c.fail(w, r, http.StatusBadRequest, filterError(err))
			return
		}
		now := c.now()
		all, err := c.src.Tickets(bot.TicketFilter{})
		if err == nil {
			tickets := q.selectFrom(all, now, sessionOf(r).Officer, c.loc)
			// Buffered so that a failure gives an error page, not half a file.
			var buf bytes.Buffer
			if err = writeReport(&buf, format, tickets, c.loc, now); err == nil {
				name := "phieu-yeu-cau-" + now.In(c.loc).Format("2006-01-02") + "." + format
				c.log.Info("officer console export", "officer", sessionOf(r).Officer, "format", format, "tickets", len(tickets))
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
