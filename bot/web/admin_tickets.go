package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"strconv"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TicketQuery selects tickets for `tickets list`; the admin API carries it
// in its query string.
type TicketQuery struct {
	Status  string // open, assigned, answered, closed, active (not closed) or all
	Overdue bool
	Limit   int // 0: no limit
}

// statuses returns the ticket states a status filter key stands for
// (statusChoices, the console's filter too); nil for "all".
func statuses(key string) ([]bot.TicketStatus, bool) {
	for _, c := range statusChoices {
		if c.key == key {
			return c.statuses, true
		}
	}
	return nil, false
}

// Filter checks q and turns it into the store's filter; overdue means
// past due at now. The error names the field ("status ...").
func (q TicketQuery) Filter(now time.Time) (bot.TicketFilter, error) {
	status, ok := statuses(q.Status)
	if !ok {
		return bot.TicketFilter{}, fmt.Errorf("status %q: chỉ có open, assigned, answered, closed, active hoặc all", q.Status)
	}
	if q.Limit < 0 {
		return bot.TicketFilter{}, fmt.Errorf("limit %d: cần 0 (không giới hạn) trở lên", q.Limit)
	}
	f := bot.TicketFilter{Status: status, Limit: q.Limit}
	if q.Overdue {
		f.Overdue = now
	}
	return f, nil
}

// Values is q as the admin API's query string.
func (q TicketQuery) Values() url.Values {
	v := url.Values{"status": {q.Status}}
	if q.Overdue {
		v.Set("overdue", "1")
	}
	if q.Limit > 0 {
		v.Set("limit", strconv.Itoa(q.Limit))
	}
	return v
}

// ParseTicketQuery reads a query string written by Values; a missing
// status means active.
func ParseTicketQuery(v url.Values) (TicketQuery, error) {
	q := TicketQuery{Status: v.Get("status")}
	if q.Status == "" {
		q.Status = "active"
	}
	if s := v.Get("overdue"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return q, fmt.Errorf("overdue %q: want 1 or 0", s)
		}
		q.Overdue = b
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return q, fmt.Errorf("limit %q: want a number", s)
		}
		q.Limit = n
	}
	_, err := q.Filter(time.Time{})
	return q, err
}

// TicketDetail is one ticket with its audit records, as `tickets show`
// prints it and GET /admin/tickets/{id} returns it.
type TicketDetail struct {
	Ticket bot.Ticket        `json:"ticket"`
	Audit  []bot.AuditRecord `json:"audit"`
}

// BackupRequest is the body of POST /admin/backup and its answer.
type BackupRequest struct {
	Path  string `json:"path"`
	Force bool   `json:"force,omitempty"` // replace an existing file
}

// ExportMediaType is the media type of an export format (csv or xlsx),
// and false for any other format.
func ExportMediaType(format string) (string, bool) {
	ct, ok := exportFormats[format]
	return ct, ok
}

// Tickets lists the tickets q selects, newest first.
func (a *Admin) Tickets(_ context.Context, q TicketQuery) ([]bot.Ticket, error) {
	f, err := q.Filter(a.now())
	if err != nil {
		return nil, err
	}
	return a.st.Tickets(f)
}

// Ticket returns one ticket with its audit records, or an error wrapping
// bot.ErrNotFound.
func (a *Admin) Ticket(_ context.Context, id uint64) (TicketDetail, error) {
	t, err := a.st.Ticket(id)
	if err != nil {
		return TicketDetail{}, err
	}
	audit, err := a.st.AuditLog(id)
	if err != nil {
		return TicketDetail{}, fmt.Errorf("audit log of ticket %d: %w", id, err)
	}
	return TicketDetail{Ticket: t, Audit: audit}, nil
}

// Export writes every ticket as csv or xlsx.
func (a *Admin) Export(_ context.Context, format string, w io.Writer) error {
	_, err := a.export(format, w)
	return err
}

// export writes every ticket and returns how many.
func (a *Admin) export(format string, w io.Writer) (int, error) {
	tickets, err := a.st.Tickets(bot.TicketFilter{})
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", format, err)
	}
	return len(tickets), writeReport(w, format, tickets, a.loc, a.now())
}

// Unanswered returns the unanswered records from since on (zero: all).
func (a *Admin) Unanswered(_ context.Context, since time.Time) ([]bot.Unanswered, error) {
	return a.st.Unanswered(since)
}

// Backup writes a consistent copy of the database to path (absolute),
// replacing an existing file only with force, and then only an earlier
// backup. A path that must not be written (the database itself, a
// directory, one of the files kept beside the database, an existing file
// without force, with force a file that is not a backup) is a
// *bot.RefusalError.
func (a *Admin) Backup(_ context.Context, path string, force bool) error {
	// The store refuses what must not be written (store.CheckTarget); a
	// file that appeared while the copy was made is still fs.ErrExist.
	err := a.st.Backup(path, force)
	if _, ok := bot.AsRefusal(err); ok {
		return err
	}
	if errors.Is(err, fs.ErrExist) {
		return &bot.RefusalError{Msg: fmt.Sprintf("backup file %s exists; add --force to replace it", path)}
	}
	return err
}
