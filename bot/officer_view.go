package bot

import (
	"fmt"
	"strings"
)

// officerList answers /phieu [moi|cuatoi|quahan|tatca].
func (c *conv) officerList(arg string) error {
	f := TicketFilter{Status: []TicketStatus{StatusOpen, StatusAssigned, StatusAnswered}, Limit: 20}
	title := "Phiếu đang mở"
	switch strings.ToLower(strings.TrimSpace(arg)) {
	case "", "mo":
	case "moi":
		f.Status, title = []TicketStatus{StatusOpen}, "Phiếu mới, chưa ai nhận"
	case "cuatoi":
		f.Assignee, title = c.me(), "Phiếu của tôi"
	case "quahan":
		f.Overdue, title = c.now, "Phiếu quá hạn"
	case "tatca":
		f.Status, title = nil, "Tất cả phiếu (20 phiếu gần nhất)"
	default:
		return c.reply(c.officerHelp(), nil, logMeta{})
	}
	list, err := c.tx.Tickets(f)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d\n", title, len(list))
	for i := range list {
		b.WriteString("\n")
		b.WriteString(c.oneLine(&list[i]))
	}
	if len(list) == 0 {
		b.WriteString("\nKhông có phiếu nào.")
	} else {
		b.WriteString("\n\nXem chi tiết: /xem SỐ")
	}
	return c.reply(b.String(), nil, logMeta{})
}

func (c *conv) oneLine(t *Ticket) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#%d %s", t.ID, StatusLabels[t.Status])
	if t.Priority == PriorityUrgent {
		b.WriteString(" 🚨")
	}
	fmt.Fprintf(&b, " · %s · %s", OrDash(DisplayLine(t.Name)), OrDash(TopicLabel(t.Topic)))
	if t.Active() {
		fmt.Fprintf(&b, " · hạn %s", t.Due.In(c.e.loc).Format("02/01 15:04"))
		if t.Overdue(c.now) {
			b.WriteString(" ⏰ QUÁ HẠN")
		}
	}
	if t.ContactNeeded {
		b.WriteString(" · ☎️ cần liên hệ lại")
	}
	if t.Active() && wroteAfterAnswer(t) {
		b.WriteString(" · ✉️ người dân nhắn thêm")
	}
	return b.String()
}

// officerSummary answers /tongket: counts per status and overdue.
func (c *conv) officerSummary() error {
	all, err := c.tx.Tickets(TicketFilter{})
	if err != nil {
		return err
	}
	counts := map[TicketStatus]int{}
	overdue, contact := 0, 0
	for i := range all {
		counts[all[i].Status]++
		if all[i].Overdue(c.now) {
			overdue++
		}
		if all[i].ContactNeeded && all[i].Active() {
			contact++
		}
	}
	text := fmt.Sprintf("Tổng kết phiếu yêu cầu:\n• %s: %d\n• %s: %d\n• %s: %d\n• %s: %d\n• Quá hạn: %d\n• Cần liên hệ lại: %d\nTổng: %d",
		StatusLabels[StatusOpen], counts[StatusOpen], StatusLabels[StatusAssigned], counts[StatusAssigned],
		StatusLabels[StatusAnswered], counts[StatusAnswered], StatusLabels[StatusClosed], counts[StatusClosed],
		overdue, contact, len(all))
	return c.reply(text, nil, logMeta{})
}

// describe is the whole ticket for /xem, internal notes marked.
func (c *conv) describe(t *Ticket) string {
	var b strings.Builder
	b.WriteString(c.oneLine(t))
	if t.Commune != "" {
		fmt.Fprintf(&b, "\nXã/phường: %s", CommuneName(t.Commune))
	}
	fmt.Fprintf(&b, "\nKênh: %s · Cán bộ: %s", ChannelLabel(t.Citizen.Channel), c.officerName(t.Assignee))
	if t.ContactReason != "" {
		fmt.Fprintf(&b, "\nKhông gửi được: %s", DisplayLine(t.ContactReason))
	}
	if t.Phone != "" {
		fmt.Fprintf(&b, "\n%s: %s", LabelPhone, DisplayLine(t.Phone))
	}
	if t.Resolution != "" {
		fmt.Fprintf(&b, "\nKết quả: %s", OfficerText(t.Resolution))
	}
	if t.Purged {
		b.WriteString("\n(Nội dung đã xóa theo thời hạn lưu trữ.)")
	}
	for _, it := range t.Thread {
		fmt.Fprintf(&b, "\n\n%s %s", it.Time.In(c.e.loc).Format("02/01 15:04"), c.itemLabel(it))
		if text := c.attachmentView(t, it); text != "" {
			b.WriteString(": ")
			b.WriteString(OfficerText(text))
		}
	}
	return b.String()
}

func (c *conv) itemLabel(it ThreadItem) string {
	switch it.Kind {
	case ItemOfficer, ItemNote:
		return ItemLabel(it.Kind) + " " + DisplayLine(c.officerName(it.Author))
	}
	return ItemLabel(it.Kind)
}
