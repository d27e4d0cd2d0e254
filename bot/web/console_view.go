package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// The console's templates get views whose every field is ready to show:
// dates formatted in the console's location, labels in Vietnamese, and
// citizen-typed text cleaned of control characters. html/template escapes
// all of it.

// head is what the layout shows around every page.
type head struct {
	Title    string
	LoggedIn bool
	Printed  string // when the data was read, for printed pages
}

type loginPage struct {
	head
	Error string
	Next  string // where to go after logging in; "" for the list
}

type errorPage struct {
	head
	Message string
}

type statusTab struct {
	Label, URL string
	Count      int
	Current    bool
}

type ticketRow struct {
	ID                               uint64
	URL, Status, StatusClass, Topic  string
	Question, Name, Commune          string
	Created, Due                     string
	Urgent, Overdue, Contact, Purged bool
}

type listPage struct {
	head
	Tabs                       []statusTab
	OverdueOnly                bool
	OverdueCount, ContactCount int
	OverdueURL, CSVURL         string
	XLSXURL, Heading           string
	Rows                       []ticketRow
	Shown, Matched             int
}

type field struct {
	Label, Value string
	Multiline    bool
}

type threadItem struct {
	Time, Label, Author, Text, Class string
	Note                             bool
}

type auditRow struct{ Time, Officer, Action, Detail string }

type command struct{ Code, What string }

type ticketPage struct {
	head
	Row      ticketRow
	Purged   bool
	Fields   []field
	Thread   []threadItem
	Commands []command
	Audit    []auditRow
}

// listQuery is the list's and the exports' filter, from the query string.
type listQuery struct {
	Status  string // a key of statusChoices
	Overdue bool
}

// statusChoices are the status filter's values, in tab order; "active"
// means not closed.
var statusChoices = []struct {
	key      string
	label    string
	statuses []bot.TicketStatus
}{
	{"active", "Chưa đóng", []bot.TicketStatus{bot.StatusOpen, bot.StatusAssigned, bot.StatusAnswered}},
	{"open", bot.StatusLabels[bot.StatusOpen], []bot.TicketStatus{bot.StatusOpen}},
	{"assigned", bot.StatusLabels[bot.StatusAssigned], []bot.TicketStatus{bot.StatusAssigned}},
	{"answered", bot.StatusLabels[bot.StatusAnswered], []bot.TicketStatus{bot.StatusAnswered}},
	{"closed", bot.StatusLabels[bot.StatusClosed], []bot.TicketStatus{bot.StatusClosed}},
	{"all", "Tất cả", nil},
}

func parseListQuery(v url.Values) (listQuery, error) {
	q := listQuery{Status: v.Get("status")}
	if q.Status == "" {
		q.Status = "active"
	}
	if s := v.Get("overdue"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return q, fmt.Errorf("overdue %q: %w", s, err)
		}
		q.Overdue = b
	}
	for _, c := range statusChoices {
		if c.key == q.Status {
			return q, nil
		}
	}
	return q, fmt.Errorf("status %q: want active, open, assigned, answered, closed or all", q.Status)
}

// filter is the ticket filter of q at now; q must come from parseListQuery.
func (q listQuery) filter(now time.Time) bot.TicketFilter {
	var f bot.TicketFilter
	for _, c := range statusChoices {
		if c.key == q.Status {
			f.Status = c.statuses
		}
	}
	if q.Overdue {
		f.Overdue = now
	}
	return f
}

// url is path with q as its query string.
func (q listQuery) url(path string) string {
	v := url.Values{"status": {q.Status}}
	if q.Overdue {
		v.Set("overdue", "1")
	}
	return path + "?" + v.Encode()
}

// listView shows the tickets q selects among all, with counts over all.
func (c *console) listView(q listQuery, all []bot.Ticket, h head) listPage {
	now := c.now()
	p := listPage{head: h, OverdueOnly: q.Overdue,
		OverdueURL: listQuery{Status: q.Status, Overdue: !q.Overdue}.url(consolePath),
		CSVURL:     q.url(consolePath + "/export.csv"),
		XLSXURL:    q.url(consolePath + "/export.xlsx")}
	f := q.filter(now)
	for i := range all {
		t := &all[i]
		if t.Overdue(now) {
			p.OverdueCount++
		}
		if t.ContactNeeded && t.Active() {
			p.ContactCount++
		}
		if !f.Match(t) {
			continue
		}
		p.Matched++
		if len(p.Rows) < maxRows {
			p.Rows = append(p.Rows, c.row(t, now))
		}
	}
	p.Shown = len(p.Rows)
	for _, choice := range statusChoices {
		tab := statusTab{Label: choice.label, Current: choice.key == q.Status,
			URL: listQuery{Status: choice.key, Overdue: q.Overdue}.url(consolePath)}
		cf := bot.TicketFilter{Status: choice.statuses}
		for i := range all {
			if cf.Match(&all[i]) {
				tab.Count++
			}
		}
		if tab.Current {
			p.Heading = choice.label
		}
		p.Tabs = append(p.Tabs, tab)
	}
	if q.Overdue {
		p.Heading += ", chỉ phiếu quá hạn"
	}
	return p
}

// row is t as a line of the list.
func (c *console) row(t *bot.Ticket, now time.Time) ticketRow {
	r := ticketRow{
		ID:          t.ID,
		URL:         fmt.Sprintf("%s/tickets/%d", consolePath, t.ID),
		Status:      statusText(t.Status),
		StatusClass: "st-" + string(t.Status),
		Topic:       topicText(t.Topic),
		Question:    truncate(oneLine(t.Question), 90),
		Name:        orDash(oneLine(t.Name)),
		Commune:     oneLine(t.Commune),
		Created:     c.when(t.Created),
		Due:         c.when(t.Due),
		Urgent:      t.Priority == bot.PriorityUrgent,
		Overdue:     t.Overdue(now),
		Contact:     t.ContactNeeded,
		Purged:      t.Purged,
	}
	if t.Purged {
		r.Question, r.Name = "", "—"
	}
	return r
}

// ticketView shows one ticket whole.
func (c *console) ticketView(t *bot.Ticket, audit []bot.AuditRecord, h head) ticketPage {
	p := ticketPage{head: h, Row: c.row(t, c.now()), Purged: t.Purged}
	add := func(label, value string, multiline bool) {
		if value != "" {
			p.Fields = append(p.Fields, field{Label: label, Value: value, Multiline: multiline})
		}
	}
	add("Người dân", p.Row.Name, false)
	add("Xã/phường", p.Row.Commune, false)
	if t.Citizen.Channel != "" {
		add("Kênh", oneLine(bot.ChannelLabel(t.Citizen.Channel))+" · "+oneLine(t.Citizen.String()), false)
	}
	add("Chủ đề", p.Row.Topic, false)
	add("Câu hỏi", displayText(t.Question), true)
	add("Bot đã trả lời", displayText(t.BotAnswer), true)
	add("Cán bộ phụ trách", oneLine(t.Assignee), false)
	add("Tạo lúc", c.when(t.Created), false)
	add("Cập nhật lúc", c.when(t.Updated), false)
	add("Hạn xử lý", c.when(t.Due), false)
	if !t.Closed.IsZero() {
		add("Đóng lúc", c.when(t.Closed), false)
	}
	add("Kết quả xử lý", displayText(t.Resolution), true)
	if t.ContactNeeded {
		add("Cần liên hệ lại", orDash(oneLine(t.ContactReason)), false)
	}
	for _, it := range t.Thread {
		p.Thread = append(p.Thread, threadItem{
			Time: c.when(it.Time), Label: itemText(it.Kind), Author: oneLine(it.Author),
			Text: displayText(it.Text), Class: "item-" + oneLine(it.Kind), Note: it.Kind == bot.ItemNote,
		})
	}
	for _, a := range audit {
		p.Audit = append(p.Audit, auditRow{Time: c.when(a.Time), Officer: orDash(oneLine(a.Officer)),
			Action: actionText(a.Action), Detail: displayText(a.Detail)})
	}
	p.Commands = commands(t)
	return p
}

// commands are the chat commands that act on t now (bot/officer.go).
func commands(t *bot.Ticket) []command {
	n := strconv.FormatUint(t.ID, 10)
	if !t.Active() {
		return []command{
			{"/xem " + n, "xem phiếu trong chat"},
			{"/molai " + n, "mở lại phiếu"},
		}
	}
	return []command{
		{"/nhan " + n, "nhận xử lý phiếu"},
		{"/traloi " + n + " nội dung", "trả lời người dân (gửi qua kênh của người dân)"},
		{"/ghichu " + n + " nội dung", "ghi chú nội bộ, người dân không thấy"},
		{"/dong " + n + " kết quả", "đóng phiếu, ghi kết quả xử lý"},
	}
}

// when shows t in the console's location as dd/mm/yyyy HH:MM.
func (c *console) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(c.loc).Format("02/01/2006 15:04")
}

func statusText(s bot.TicketStatus) string {
	if l, ok := bot.StatusLabels[s]; ok {
		return l
	}
	return oneLine(string(s))
}

func topicText(topic string) string {
	if l, ok := content.TopicTitles[topic]; ok {
		return l
	}
	return orDash(oneLine(topic))
}

func itemText(kind string) string {
	switch kind {
	case bot.ItemCitizen:
		return "Người dân"
	case bot.ItemBot:
		return "Trợ lý (bot)"
	case bot.ItemOfficer:
		return "Cán bộ trả lời"
	case bot.ItemNote:
		return "Ghi chú nội bộ"
	case bot.ItemEvent:
		return "Sự kiện"
	}
	return oneLine(kind)
}

// actionText names the audit actions of bot/officer.go.
func actionText(action string) string {
	switch action {
	case "take":
		return "Nhận xử lý"
	case "reply":
		return "Trả lời người dân"
	case "note":
		return "Ghi chú nội bộ"
	case "close":
		return "Đóng phiếu"
	case "reopen":
		return "Mở lại phiếu"
	}
	return oneLine(action)
}

// displayText makes citizen-typed text fit to show: invalid UTF-8 is
// marked, control characters become spaces (line breaks and tabs stay),
// and bidirectional overrides, which could make a text read backwards,
// are dropped.
func displayText(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case unicode.Is(unicode.Bidi_Control, r):
			return -1
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
}

// oneLine is displayText on one line, for table cells.
func oneLine(s string) string {
	return strings.Join(strings.Fields(displayText(s)), " ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
