package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/report"
)

// Unanswered implements ticketSource through serve's admin API.
func (c *adminClient) Unanswered(ctx context.Context, since time.Time) ([]bot.Unanswered, error) {
	var out []bot.Unanswered
	q := url.Values{}
	if !since.IsZero() {
		q.Set("since", since.Format(time.RFC3339))
	}
	return out, c.getJSON(ctx, "/admin/unanswered?"+q.Encode(), &out)
}

// runUnanswered prints the unanswered list: messages answered as unknown,
// ask-backs and "Chưa đúng ý tôi" corrections, grouped by similar wording,
// most frequent first.
func runUnanswered(ctx context.Context, cfg Config, args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("unanswered", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	sinceFlag := fl.String("since", "", "only records from this local date on (YYYY-MM-DD)")
	format := fl.String("format", "text", "text|csv")
	if err := parseLine("unanswered", fl, args); err != nil {
		return err
	}
	var since time.Time
	if *sinceFlag != "" {
		d, err := time.ParseInLocation(time.DateOnly, *sinceFlag, cfg.Location)
		if err != nil {
			return refuse("--since %q: ngày phải viết YYYY-MM-DD", *sinceFlag)
		}
		if d.After(time.Now()) {
			return refuse("--since %q: ngày này chưa tới", *sinceFlag)
		}
		since = d
	}
	if *format != "text" && *format != "csv" {
		return refuse("--format %q: chỉ có text hoặc csv", *format)
	}
	src, done, err := openSource(cfg)
	if err != nil {
		return err
	}
	defer done()
	recs, err := src.Unanswered(ctx, since)
	if err != nil {
		return fmt.Errorf("read unanswered: %w", err)
	}
	groups := bot.GroupUnanswered(recs)
	if *format == "csv" {
		return unansweredCSV(stdout, groups, cfg.Location)
	}
	return unansweredText(stdout, groups, len(recs), cfg.Location)
}

var kindOrder = []string{bot.UnansweredUnknown, bot.UnansweredAskBack, bot.UnansweredCorrection}

func kindSummary(k map[string]int) string {
	var parts []string
	for _, kind := range kindOrder {
		if n := k[kind]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", kind, n))
		}
	}
	return strings.Join(parts, ", ")
}

// unansweredText prints the groups in Vietnamese, as the console's page
// and the other commands' text output (tickets, reminders) read; the kinds
// keep the names of the CSV's columns.
func unansweredText(w io.Writer, groups []bot.UnansweredGroup, total int, loc *time.Location) error {
	if len(groups) == 0 {
		_, err := fmt.Fprintln(w, "Chưa có câu hỏi nào Trợ lý chưa trả lời được.")
		return err
	}
	fmt.Fprintf(w, "%d tin nhắn, %d nhóm, nhóm nhiều nhất ở trên.\n\n", total, len(groups))
	for i, g := range groups {
		fmt.Fprintf(w, "%3d. ×%d  %q\n", i+1, g.Count, bot.DisplayText(g.Example))
		fmt.Fprintf(w, "     %s; lần cuối %s", kindSummary(g.Kinds), g.Last.In(loc).Format("2006-01-02 15:04"))
		if len(g.Channels) > 0 {
			fmt.Fprintf(w, "; %s", strings.Join(g.Channels, ", "))
		}
		if len(g.Communes) > 0 {
			fmt.Fprintf(w, "; xã/phường: %s", bot.DisplayLine(strings.Join(g.Communes, ", ")))
		}
		fmt.Fprintln(w)
		if len(g.Guesses) > 0 {
			fmt.Fprintf(w, "     Trợ lý đoán: %s\n", strings.Join(g.Guesses[:min(3, len(g.Guesses))], ", "))
		}
		if len(g.Chosen) > 0 {
			fmt.Fprintf(w, "     người dân chọn: %s\n", strings.Join(g.Chosen, ", "))
		}
	}
	return nil
}

func unansweredCSV(w io.Writer, groups []bot.UnansweredGroup, loc *time.Location) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil { // Excel reads UTF-8 CSV with a BOM, like tickets export
		return err
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"count", "example", "unknown", "ask_back", "correction", "best_guesses", "chosen", "channels", "communes", "first", "last"})
	for _, g := range groups {
		// Citizens' words and communes: hidden characters shown, formulas
		// defused, as in the tickets export.
		cw.Write([]string{strconv.Itoa(g.Count), report.CSVCell(g.Example),
			strconv.Itoa(g.Kinds[bot.UnansweredUnknown]), strconv.Itoa(g.Kinds[bot.UnansweredAskBack]), strconv.Itoa(g.Kinds[bot.UnansweredCorrection]),
			strings.Join(g.Guesses, " "), strings.Join(g.Chosen, " "), strings.Join(g.Channels, " "), report.CSVCell(strings.Join(g.Communes, "; ")),
			g.First.In(loc).Format(time.RFC3339), g.Last.In(loc).Format(time.RFC3339)})
	}
	cw.Flush()
	return cw.Error()
}
