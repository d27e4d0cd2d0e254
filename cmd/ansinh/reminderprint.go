package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/web"
)

// Labels officers read (Vietnamese, like ticketprint.go).
const (
	labelRunning   = "Đang chạy"
	labelPaused    = "Tạm dừng"
	labelCancelled = "Đã hủy"
	labelPersonal  = "cá nhân"
	labelCitizen   = "người dân"
	labelPrivate   = "(nội dung riêng của người dân)"
)

// reminderTextWidth is how much of a text a list line shows.
const reminderTextWidth = 60

// writeReminderList prints one aligned line per reminder and a count line.
func writeReminderList(w io.Writer, rems []bot.Reminder, loc *time.Location) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	counts := map[string]int{}
	personal := 0
	for i := range rems {
		r := &rems[i]
		counts[reminderStatus(r)]++
		if r.Personal() {
			personal++
		}
		fmt.Fprintln(tw, strings.Join(reminderCells(r, loc), "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	line := fmt.Sprintf("%d lịch nhắc", len(rems))
	var parts []string
	for _, s := range []string{labelRunning, labelPaused, labelCancelled} {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], strings.ToLower(s)))
		}
	}
	if len(parts) > 0 {
		line += ": " + strings.Join(parts, ", ")
	}
	if personal > 0 {
		line += fmt.Sprintf("; %d %s", personal, labelPersonal)
	}
	fmt.Fprintln(bw, line)
	return bw.Flush()
}

// resultMessages say what an action did: [changed, already so].
var resultMessages = map[string][2]string{
	actionAdd:    {"Đã tạo lịch nhắc #%d.", "Lịch nhắc #%d đã có."},
	actionCancel: {"Đã hủy lịch nhắc #%d.", "Lịch nhắc #%d đã hủy từ trước."},
	actionPause:  {"Đã tạm dừng lịch nhắc #%d.", "Lịch nhắc #%d đang tạm dừng sẵn."},
	actionResume: {"Đã cho chạy lại lịch nhắc #%d.", "Lịch nhắc #%d vẫn đang chạy."},
}

// writeReminderResult prints what add, cancel, pause or resume did: a
// sentence, the reminder's list line, and when it goes out next.
func writeReminderResult(w io.Writer, res web.ReminderResult, loc *time.Location, quiet bot.QuietHours, now time.Time) error {
	r := &res.Reminder
	bw := bufio.NewWriter(w)
	msg, ok := resultMessages[res.Action]
	if !ok {
		return fmt.Errorf("unknown reminder action %q", res.Action)
	}
	if res.Changed {
		fmt.Fprintf(bw, msg[0]+"\n", r.ID)
	} else {
		fmt.Fprintf(bw, msg[1]+"\n", r.ID)
	}
	fmt.Fprintln(bw, strings.Join(reminderCells(r, loc), "  "))
	if res.Reach != nil {
		fmt.Fprintln(bw, bot.ReachLine(*res.Reach))
	}
	if res.Action == actionResume && res.Changed {
		if n := missedWithinGrace(r, loc, now); n > 0 {
			fmt.Fprintf(bw, "Lưu ý: %d lần gửi lỡ trong lúc tạm dừng (chưa quá %s) sẽ được gửi ngay.\n", n, graceLabel(r.Grace))
		}
	}
	if r.Active() {
		if next := r.Occurrences(now, now.Add(bot.BroadcastHorizon), loc, 1); len(next) == 1 {
			line := "Lần gửi tới: " + localTime(next[0], loc)
			if sent := quiet.Defer(next[0], loc); !sent.Equal(next[0]) {
				line += " (giờ yên lặng: gửi lúc " + localTime(sent, loc) + ")"
			}
			fmt.Fprintln(bw, line)
		} else {
			fmt.Fprintln(bw, "Không còn lần gửi nào.")
		}
	}
	return bw.Flush()
}

// reminderCells are the columns of a reminder's list line: number, status,
// audience or owner's channel, schedule, last day, last occurrence,
// creator, text.
func reminderCells(r *bot.Reminder, loc *time.Location) []string {
	target, text, by := bot.DisplayLine(r.Audience), bot.Truncate(bot.DisplayLine(r.Text), reminderTextWidth), r.CreatedBy
	if r.Personal() {
		// Never the citizen's id or words: the channel shows the load.
		target, text = labelPersonal+" ("+bot.ChannelLabel(r.Owner.Channel)+")", labelPrivate
		if by == "" {
			by = labelCitizen
		}
	}
	until := "—"
	if !r.Until.IsZero() {
		until = "đến " + r.Until.In(loc).Format("02/01/2006")
	}
	last := "chưa gửi"
	if !r.Last.IsZero() {
		last = "đã gửi " + localTime(r.Last, loc)
	}
	return []string{fmt.Sprintf("#%d", r.ID), reminderStatus(r), bot.OrDash(target), reminderSchedule(r, loc), until, last,
		"bởi " + bot.OrDash(bot.DisplayLine(by)), bot.OrDash(text)}
}

func reminderStatus(r *bot.Reminder) string {
	switch {
	case r.Cancelled:
		return labelCancelled
	case r.Paused:
		return labelPaused
	}
	return labelRunning
}

// reminderSchedule describes when a reminder fires, in local time.
func reminderSchedule(r *bot.Reminder, loc *time.Location) string {
	switch {
	case r.Spec != "":
		return "cron " + bot.DisplayLine(r.Spec)
	case r.Type == bot.ReminderLoanDay:
		return fmt.Sprintf("ngày %d hằng tháng", r.Day)
	case r.Type == bot.ReminderBHYTExpiry:
		return "thẻ BHYT hết hạn " + r.Expiry.In(loc).Format("02/01/2006")
	case !r.At.IsZero():
		return "lúc " + localTime(r.At, loc)
	}
	return "—"
}

// missedWithinGrace counts the occurrences a resumed reminder missed that
// the scheduler will still send (bot.Reminder.Due, the rule it sends by).
func missedWithinGrace(r *bot.Reminder, loc *time.Location, now time.Time) int {
	occs, grace := r.Due(now, loc)
	n := 0
	for _, occ := range occs {
		if now.Sub(occ) <= grace {
			n++
		}
	}
	return n
}

func localTime(t time.Time, loc *time.Location) string { return t.In(loc).Format("02/01/2006 15:04") }

// graceLabel writes a grace period as officers say it.
func graceLabel(d time.Duration) string {
	switch {
	case d <= 0:
		return graceLabel(bot.DefaultGrace)
	case d%time.Hour == 0:
		return fmt.Sprintf("%d giờ", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%d phút", d/time.Minute)
	}
	return d.String()
}
