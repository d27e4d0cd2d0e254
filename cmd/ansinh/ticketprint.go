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

// What officers read is Vietnamese, like the rest of the officer side;
// the CLI's own errors stay English.
const (
	labelOverdue = "QUÁ HẠN"
	labelContact = "cần liên hệ lại"
)

// writeTicketList prints one aligned line per ticket and a count line.
func writeTicketList(w io.Writer, tickets []bot.Ticket, loc *time.Location, now time.Time) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	overdue, contact := 0, 0
	for i := range tickets {
		t := &tickets[i]
		due := "hạn " + t.Due.In(loc).Format("02/01 15:04")
		if t.Overdue(now) {
			due += "  " + labelOverdue
			overdue++
		}
		if t.ContactNeeded {
			due += "  " + labelContact
			contact++
		}
		who := bot.DisplayLine(t.Name)
		if c := bot.DisplayLine(bot.CommuneName(t.Commune)); c != "" {
			who = strings.TrimPrefix(who+", "+c, ", ")
		}
		fmt.Fprintf(tw, "#%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, bot.StatusLabel(t.Status), bot.PriorityLabel(t.Priority),
			bot.OrDash(bot.TopicLabel(t.Topic)), bot.OrDash(bot.Truncate(who, 40)), due)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	count := fmt.Sprintf("%d yêu cầu", len(tickets))
	if overdue > 0 {
		count += fmt.Sprintf(", %d quá hạn", overdue)
	}
	if contact > 0 {
		count += fmt.Sprintf(", %d %s", contact, labelContact)
	}
	_, err := fmt.Fprintln(w, count)
	return err
}

// writeTicketDetail prints a whole ticket: its fields, its thread and its
// audit records.
func writeTicketDetail(w io.Writer, d web.TicketDetail, loc *time.Location, now time.Time) error {
	t := &d.Ticket
	when := func(tm time.Time) string { return tm.In(loc).Format("02/01/2006 15:04") }
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Yêu cầu #%d · %s · %s\n", t.ID, bot.StatusLabel(t.Status), bot.PriorityLabel(t.Priority))
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	field := func(label, value string) {
		if value != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", label, value)
		}
	}
	field("Người dân", bot.OrDash(bot.DisplayLine(t.Name)))
	field("Xã/phường", bot.DisplayLine(bot.CommuneName(t.Commune)))
	field("Kênh", fmt.Sprintf("%s (%s, chat %s)", bot.ChannelLabel(t.Citizen.Channel), bot.DisplayLine(t.Citizen.String()), bot.DisplayLine(t.ChatID)))
	field("Chủ đề", bot.OrDash(bot.TopicLabel(t.Topic)))
	field("Câu hỏi", bot.OfficerLine(t.Question))
	field("Bot đã trả lời", bot.DisplayLine(t.BotAnswer))
	field("Phụ trách", bot.DisplayLine(t.Assignee))
	field("Tạo lúc", when(t.Created))
	field("Cập nhật", when(t.Updated))
	due := when(t.Due)
	if t.Overdue(now) {
		due += "  " + labelOverdue
	}
	field("Hạn xử lý", due)
	if !t.Closed.IsZero() {
		field("Đóng lúc", when(t.Closed))
	}
	field("Kết quả", bot.OfficerLine(t.Resolution))
	if t.ContactNeeded {
		field("Cần liên hệ lại", bot.OrDash(bot.DisplayLine(t.ContactReason)))
	}
	field(bot.LabelPhone, bot.DisplayLine(t.Phone))
	tw.Flush()
	if t.Purged {
		fmt.Fprintln(bw, "Nội dung đã được xoá khi hết thời hạn lưu trữ.")
	}

	fmt.Fprintln(bw, "\nDiễn biến:")
	if len(t.Thread) == 0 {
		fmt.Fprintln(bw, "  (trống)")
	}
	for _, it := range t.Thread {
		head := bot.ItemLabel(it.Kind)
		if it.Author != "" {
			head += " " + bot.DisplayLine(it.Author)
		}
		fmt.Fprintf(bw, "  %s · %s\n", when(it.Time), head)
		for _, line := range strings.Split(bot.OfficerText(it.Text), "\n") {
			fmt.Fprintf(bw, "      %s\n", line)
		}
	}

	fmt.Fprintln(bw, "\nNhật ký cán bộ:")
	if len(d.Audit) == 0 {
		fmt.Fprintln(bw, "  (chưa có)")
	}
	for _, r := range d.Audit {
		line := fmt.Sprintf("  %s · %s · %s", when(r.Time), bot.AuditAuthor(r), bot.AuditActionLabel(r.Action))
		if r.Detail != "" {
			line += " · " + bot.OfficerLine(r.Detail)
		}
		fmt.Fprintln(bw, line)
	}
	return bw.Flush()
}
