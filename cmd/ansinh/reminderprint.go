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
	labelHeld      = "Giữ lại"     // by a restore, until resumed
	labelWaiting   = "Chờ giờ gửi" // a one-off's rows, held by quiet hours
	labelSent      = "Đã gửi"      // a one-off whose rows are queued
	labelMissed    = "Quá hạn"     // a one-off missed beyond its grace
	labelPersonal  = "cá nhân"
	labelCitizen   = "người dân"
	labelPrivate   = "(nội dung riêng của người dân)"
)

// reminderTextWidth is how much of a text a list line shows.
const reminderTextWidth = 60

// writeReminderList prints one aligned line per reminder, as at now, and a
// count line.
func writeReminderList(w io.Writer, rems []bot.Reminder, loc *time.Location, now time.Time) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	counts := map[string]int{}
	personal := 0
	for i := range rems {
		r := &rems[i]
		counts[reminderStatus(r, now)]++
		if r.Personal() {
			personal++
		}
		fmt.Fprintln(tw, strings.Join(reminderCells(r, loc, now), "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	line := fmt.Sprintf("%d lịch nhắc", len(rems))
	var parts []string
	for _, s := range []string{labelRunning, labelPaused, labelHeld, labelWaiting, labelSent, labelMissed, labelCancelled} {
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
	fmt.Fprintln(bw, strings.Join(reminderCells(r, loc, now), "  "))
	if res.Reach != nil {
		fmt.Fprintln(bw, bot.ReachLine(*res.Reach))
	}
	if res.Action == actionCancel && res.Changed && r.Withdrawn > 0 {
		fmt.Fprintf(bw, "Đã rút lại %d tin chưa gửi; %d tin đã đi trước khi hủy.\n", r.Withdrawn, r.Gone)
	}
	if res.Action == actionResume && res.Changed && r.Finished() && !r.LastMissed {
		fmt.Fprintln(bw, "Các tin chưa gửi sẽ được gửi lúc "+localTime(quiet.Defer(now, loc), loc)+".")
	}
	if res.Action == actionResume && res.Changed {
		if n := missedWithinGrace(r, loc, now); n > 0 {
			// The next tick writes them; quiet hours hold them as any other.
			when := "ngay"
			if from := quiet.Defer(now, loc); from.After(now) {
				when = "lúc " + localTime(from, loc) + " (hết giờ yên lặng)"
			}
			fmt.Fprintf(bw, "Lưu ý: %d lần gửi đã lỡ (chưa quá %s) sẽ được gửi %s.\n", n, graceLabel(r.Grace), when)
		}
	}
	if len(r.Held) > 0 && !r.Cancelled {
		fmt.Fprintf(bw, "Giữ lại khi khôi phục bản sao lưu: %d lần gửi; gửi bằng: ansinh reminders resume %d\n", len(r.Held), r.ID)
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

// reminderCells are the columns of a reminder's list line at now: number,
// status, audience or owner's channel, schedule, last day, last occurrence
// (when its messages went or go, or what was held or missed), creator,
// text.
func reminderCells(r *bot.Reminder, loc *time.Location, now time.Time) []string {
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
	return []string{fmt.Sprintf("#%d", r.ID), reminderStatus(r, now), bot.OrDash(target), reminderSchedule(r, loc), until, lastSend(r, loc, now),
		"bởi " + bot.OrDash(bot.DisplayLine(by)), bot.OrDash(text)}
}

// lastSend says what became of the latest occurrence: the time its
// messages went (SendFrom, after quiet hours; a reminder saved before it
// was recorded shows the occurrence's time), the time they wait for, or
// what a restore held.
func lastSend(r *bot.Reminder, loc *time.Location, now time.Time) string {
	switch {
	case len(r.Held) == 1:
		return "giữ lại lần " + localTime(r.Held[0], loc) + " khi khôi phục"
	case len(r.Held) > 1:
		return fmt.Sprintf("giữ lại %d lần từ %s khi khôi phục", len(r.Held), localTime(r.Held[0], loc))
	case r.Last.IsZero():
		return "chưa gửi"
	case r.LastMissed:
		return "lỡ " + localTime(r.Last, loc) + ", quá hạn không gửi"
	case r.Withdrawn > 0:
		return fmt.Sprintf("hủy khi đang chờ gửi: rút lại %d tin, %d tin đã đi", r.Withdrawn, r.Gone)
	case r.Paused && r.Finished():
		return "tạm dừng, chưa gửi hết"
	case r.Waiting(now):
		return "chờ hết giờ yên lặng, gửi lúc " + localTime(r.SendFrom, loc)
	case !r.SendFrom.IsZero():
		return "đã gửi " + localTime(r.SendFrom, loc)
	}
	return "đã gửi " + localTime(r.Last, loc)
}

// reminderStatus is a reminder's state at now. A one-off whose time has
// been processed is Finished, whatever its stored cancel flag says.
func reminderStatus(r *bot.Reminder, now time.Time) string {
	switch {
	case r.Finished() && r.LastMissed:
		return labelMissed
	case r.Finished() && r.Withdrawn > 0:
		return labelCancelled // after its time, its unsent rows withdrawn
	case r.Finished() && r.Paused:
		return labelPaused
	case r.Finished() && r.Waiting(now):
		return labelWaiting
	case r.Finished():
		return labelSent
	case r.Cancelled:
		return labelCancelled
	case r.Paused:
		return labelPaused
	case len(r.Held) > 0:
		return labelHeld
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
