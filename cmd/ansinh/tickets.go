package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
	"github.com/bacninh/ansinh/store"
)

// ticketSource is where the officers' CLI gets tickets: the database when
// it is free (through web.Admin, the admin API's own operations), serve's
// admin API while serve holds it. Both give the same data, and one set of
// functions prints it.
type ticketSource interface {
	Tickets(ctx context.Context, q web.TicketQuery) ([]bot.Ticket, error)
	// Ticket returns one ticket with its audit records, or an error
	// wrapping bot.ErrNotFound.
	Ticket(ctx context.Context, id uint64) (web.TicketDetail, error)
	// Export writes every ticket as csv or xlsx.
	Export(ctx context.Context, format string, w io.Writer) error
	// Backup writes a consistent copy of the database to an absolute path,
	// replacing an existing file only with force; a path that must not be
	// written is a *bot.RefusalError.
	Backup(ctx context.Context, path string, force bool) error
	// Unanswered returns the unanswered records from since on (zero: all).
	Unanswered(ctx context.Context, since time.Time) ([]bot.Unanswered, error)
}

// openSource opens the database, or reaches serve's admin API when serve
// holds it. The returned function releases the database.
func openSource(cfg Config) (ticketSource, func(), error) {
	// store.Open would create a missing file: a mistyped ANSINH_DB would
	// then show no tickets instead of an error.
	if _, err := os.Stat(cfg.DB); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("ANSINH_DB=%s: no database at this path: %w", cfg.DB, fs.ErrNotExist)
	} else if err != nil {
		return nil, nil, fmt.Errorf("ANSINH_DB=%s: %w", cfg.DB, err)
	}
	st, err := store.Open(cfg.DB)
	if errors.Is(err, store.ErrLocked) {
		c, err := newAdminClient(cfg)
		if err != nil {
			return nil, nil, err
		}
		return c, func() {}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	// Serve is not running: it will send with this configuration's quiet
	// hours when it starts (an invalid value is reported by the command that
	// needs it).
	quiet, _ := cfg.quiet()
	admin := web.NewAdmin(web.AdminConfig{Store: st, Location: cfg.Location, By: cliOfficer, Quiet: quiet})
	return admin, func() { st.Close() }, nil
}

// runTickets is `ansinh tickets list|show|export`.
func runTickets(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	switch args[0] {
	case "list":
		return ticketsList(ctx, cfg, args[1:], stdout)
	case "show":
		return ticketsShow(ctx, cfg, args[1:], stdout)
	case "export":
		return ticketsExport(ctx, cfg, args[1:], stdout)
	}
	return errUsage
}

func ticketsList(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("tickets list", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	var q web.TicketQuery
	fl.StringVar(&q.Status, "status", "active", "open|assigned|answered|closed|active|all")
	fl.BoolVar(&q.Overdue, "overdue", false, "only tickets past their due time")
	fl.IntVar(&q.Limit, "limit", 0, "at most this many, newest first (0: all)")
	if err := parseLine("tickets list", fl, args); err != nil {
		return err
	}
	if _, err := q.Filter(time.Now()); err != nil {
		return refuse("--%v", err)
	}
	src, done, err := openSource(cfg)
	if err != nil {
		return err
	}
	defer done()
	tickets, err := src.Tickets(ctx, q)
	if err != nil {
		return err
	}
	return writeTicketList(stdout, tickets, cfg.Location, time.Now())
}

func ticketsShow(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	if err := oneNumber("tickets show", "số phiếu", args); err != nil {
		return err
	}
	id, err := strconv.ParseUint(strings.TrimPrefix(args[0], "#"), 10, 64)
	if err != nil || id == 0 {
		return refuse("số phiếu %q không hợp lệ: cần một số nguyên dương", args[0])
	}
	src, done, err := openSource(cfg)
	if err != nil {
		return err
	}
	defer done()
	d, err := src.Ticket(ctx, id)
	if errors.Is(err, bot.ErrNotFound) {
		return refuse("không có phiếu #%d", id)
	}
	if err != nil {
		return err
	}
	return writeTicketDetail(stdout, d, cfg.Location, time.Now())
}

func ticketsExport(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("tickets export", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	format := fl.String("format", "", "csv or xlsx")
	out := fl.String("out", "", "file to write (default: standard output)")
	force := fl.Bool("force", false, "replace an existing --out file that is not an ansinh database")
	if err := parseLine("tickets export", fl, args); err != nil {
		return err
	}
	if _, ok := web.ExportMediaType(*format); !ok {
		return refuse("--format %q: chỉ có csv hoặc xlsx", *format)
	}
	if *out == "" && *format == "xlsx" && isTerminal(stdout) {
		return refuse("không in tệp XLSX ra màn hình: thêm --out TỆP, hoặc chuyển đầu ra vào một tệp (> tệp.xlsx)")
	}
	// The rules `backup` follows: never the database or a file kept
	// beside it, an existing file only with --force, and then only one
	// that is not a database. Checked before serve is asked for anything.
	if *out != "" {
		if err := store.CheckTarget(cfg.DB, *out, store.Target{What: "export file", Replace: *force}); err != nil {
			return err
		}
	}
	src, done, err := openSource(cfg)
	if err != nil {
		return err
	}
	defer done()
	if *out == "" {
		return src.Export(ctx, *format, stdout)
	}
	if err := writeFileAtomic(*out, *force, func(w io.Writer) error { return src.Export(ctx, *format, w) }); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "export written to %s\n", *out)
	return nil
}

// writeFileAtomic writes path through a temporary file in the same
// directory, so that a failed export leaves no half file behind. Exports
// hold personal data: the file is readable by its owner only. Without
// replace, a file that appeared at path meanwhile is kept and the write
// fails.
func writeFileAtomic(path string, replace bool, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	err = f.Chmod(0o600)
	if err == nil {
		err = write(f)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && replace {
		err = os.Rename(tmp, path)
	} else if err == nil {
		// A link fails on an existing name where a rename would replace
		// it; on a file system without hard links, check, then rename.
		if err = os.Link(tmp, path); err == nil {
			os.Remove(tmp)
			return nil
		} else if !errors.Is(err, fs.ErrExist) {
			if _, serr := os.Lstat(path); serr == nil {
				err = fs.ErrExist
			} else {
				err = os.Rename(tmp, path)
			}
		}
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// isTerminal reports whether w is a terminal (a character device other
// than /dev/null).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(fi, null)
}
