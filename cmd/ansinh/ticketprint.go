package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// What officers read is Vietnamese, like the rest of the officer side;
// the CLI's own errors stay English.
const (
	labelOverdue = "QUÁ HẠN"
	labelContact = "cần liên hệ lại"
	labelNote    = "[ghi chú nội bộ]"
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
		who := oneLine(t.Name)
		if c := oneLine(bot.CommuneName(t.Commune)); c != "" {
			who = strings.TrimPrefix(who+", "+c, ", ")
		}
		fmt.Fprintf(tw, "#%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, statusLabel(t.Status), priorityLabel(t.Priority),
			topicLabel(t.Topic), orDash(truncate(who, 40)), due)
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
func writeTicketDetail(w io.Writer, d ticketDetail, loc *time.Location, now time.Time) error {
	t := &d.Ticket
	when := func(tm time.Time) string { return tm.In(loc).Format("02/01/2006 15:04") }
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Yêu cầu #%d · %s · %s\n", t.ID, statusLabel(t.Status), priorityLabel(t.Priority))
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	field := func(label, value string) {
		if value != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", label, value)
		}
	}
	field("Người dân", orDash(oneLine(t.Name)))
	field("Xã/phường", oneLine(bot.CommuneName(t.Commune)))
	field("Kênh", fmt.Sprintf("%s (%s, chat %s)", bot.ChannelLabel(t.Citizen.Channel), oneLine(t.Citizen.String()), oneLine(t.ChatID)))
	field("Chủ đề", topicLabel(t.Topic))
	field("Câu hỏi", oneLine(t.Question))
	field("Bot đã trả lời", oneLine(t.BotAnswer))
	field("Phụ trách", oneLine(t.Assignee))
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
	field("Kết quả", oneLine(t.Resolution))
	if t.ContactNeeded {
		field("Cần liên hệ lại", orDash(oneLine(t.ContactReason)))
	}
	tw.Flush()
	if t.Purged {
		fmt.Fprintln(bw, "Nội dung đã được xoá khi hết thời hạn lưu trữ.")
	}

	fmt.Fprintln(bw, "\nDiễn biến:")
	if len(t.Thread) == 0 {
		fmt.Fprintln(bw, "  (trống)")
	}
	for _, it := range t.Thread {
		head := itemLabel(it.Kind)
		if it.Author != "" {
			head += " " + oneLine(it.Author)
		}
		fmt.Fprintf(bw, "  %s · %s\n", when(it.Time), head)
		for _, line := range strings.Split(cleanText(it.Text), "\n") {
			fmt.Fprintf(bw, "      %s\n", line)
		}
	}

	fmt.Fprintln(bw, "\nNhật ký cán bộ:")
	if len(d.Audit) == 0 {
		fmt.Fprintln(bw, "  (chưa có)")
	}
	for _, r := range d.Audit {
		line := fmt.Sprintf("  %s · %s · %s", when(r.Time), orDash(oneLine(r.Officer)), oneLine(r.Action))
		if r.Detail != "" {
			line += " · " + oneLine(r.Detail)
		}
		fmt.Fprintln(bw, line)
	}
	return bw.Flush()
}

func statusLabel(s bot.TicketStatus) string {
	if l, ok := bot.StatusLabels[s]; ok {
		return l
	}
	return string(s)
}

func priorityLabel(p string) string {
	if p == bot.PriorityUrgent {
		return "Khẩn cấp"
	}
	return "Thường"
}

func topicLabel(topic string) string {
	if topic == "" {
		return "—"
	}
	if l, ok := content.TopicTitles[topic]; ok {
		return l
	}
	return topic
}

func itemLabel(kind string) string {
	switch kind {
	case bot.ItemCitizen:
		return "Người dân"
	case bot.ItemBot:
		return "Bot"
	case bot.ItemOfficer:
		return "Cán bộ"
	case bot.ItemNote:
		return labelNote
	case bot.ItemEvent:
		return "Sự kiện"
	}
	return kind
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// cleanText makes citizen-written text safe for a terminal: control
// characters (escape sequences could rewrite the officer's screen) become
// spaces, line breaks stay, and the text is composed (NFC) so that
// alignment counts one rune per letter.
func cleanText(s string) string {
	s = strings.ReplaceAll(norm.NFC.String(s), "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return ' '
		}
		return r
	}, s)
}

// oneLine is cleanText on one line, for table cells and header fields.
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
