package web

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

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
	Officer  string // the signed-in officer's identity
	CSRF     string // the session's token, in every form
	Nav      []navLink
	Printed  string // when the data was read, for printed pages
	// Done and Failed are the result of the action just taken.
	Done, Failed string
}

type navLink struct{ Label, URL string }

type loginPage struct {
	head
	Error string
	Help  string
}

// signInPage holds the link's secret in a form, posted by a button.
type signInPage struct {
	head
	Secret string
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
	Created, Due, Assignee           string
	Urgent, Overdue, Contact, Purged bool
}

type choice struct {
	Value, Label string
	Selected     bool
}

type listPage struct {
	head
	Query                      listQuery
	Tabs                       []statusTab
	Communes, Topics           []choice
	OverdueCount, ContactCount int
	MineCount                  int
	CSVURL, XLSXURL, Heading   string
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
	// FileURL links a citizen's attachment ("Xem ảnh", FileLabel), shown
	// in place of its file id; FileExternal: on another site (a Zalo
	// photo).
	FileURL, FileLabel string
	FileExternal       bool
}

type auditRow struct{ Time, Officer, Action, Detail string }

type ticketPage struct {
	head
	Row    ticketRow
	Purged bool
	Active bool
	Mine   bool
	Fields []field
	Thread []threadItem
	Audit  []auditRow
	// Keys are the forms' keys by verb, each bound to this ticket.
	Keys map[string]string
	// Delivery is where the latest officer answer is, DeliveryClass its style.
	Delivery, DeliveryClass string
	// Unanswered warns that the citizen's last message has no answer yet.
	Unanswered string
	// Hidden says that some text of the ticket holds hidden characters,
	// shown as their code points.
	Hidden       bool
	CloseResults []string
	ActionURL    string // + "/take", "/reply", ...
}

// listQuery is the inbox's and the exports' filter, from the query string.
type listQuery struct {
	Status  string // a key of statusChoices
	Commune string // exact, as shown
	Topic   string // a topic ID
	Overdue bool
	Mine    bool
	From    string // YYYY-MM-DD, created on or after (exports)
	To      string // YYYY-MM-DD, created on or before (exports)
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

// errDatesReversed is parseListQuery's error for a "from" date after the
// "to" date.
var errDatesReversed = errors.New("dates reversed")

// filterError is the message shown for parseListQuery's error err.
func filterError(err error) string {
	if errors.Is(err, errDatesReversed) {
		return msgDatesReverse
	}
	return msgBadFilter
}

func parseListQuery(v url.Values) (listQuery, error) {
	q := listQuery{Status: v.Get("status"), Commune: strings.TrimSpace(v.Get("commune")),
		Topic: v.Get("topic"), From: v.Get("from"), To: v.Get("to")}
	if q.Status == "" {
		q.Status = "active"
	}
	for _, flag := range []struct {
		name string
		to   *bool
	}{{"overdue", &q.Overdue}, {"mine", &q.Mine}} {
		if s := v.Get(flag.name); s != "" {
			b, err := strconv.ParseBool(s)
			if err != nil {
				return q, fmt.Errorf("%s %q: %w", flag.name, s, err)
			}
			*flag.to = b
		}
	}
	if q.Topic != "" && !slices.Contains(content.Topics, q.Topic) {
		return q, fmt.Errorf("topic %q unknown", q.Topic)
	}
	for _, d := range []string{q.From, q.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return q, fmt.Errorf("date %q: want YYYY-MM-DD", d)
		}
	}
	if q.From != "" && q.To != "" && q.From > q.To {
		// An empty list would look like no tickets in the period.
		return q, fmt.Errorf("from %s after to %s: %w", q.From, q.To, errDatesReversed)
	}
	if _, ok := statuses(q.Status); ok {
		return q, nil
	}
	return q, fmt.Errorf("status %q: want active, open, assigned, answered, closed or all", q.Status)
}

// match reports whether t passes q at now for officer me; q must come
// from parseListQuery.
func (q listQuery) match(t *bot.Ticket, now time.Time, me string, loc *time.Location) bool {
	var f bot.TicketFilter
	f.Status, _ = statuses(q.Status)
	if q.Overdue {
		f.Overdue = now
	}
	if q.Mine {
		f.Assignee = me
	}
	if !f.Match(t) || (q.Topic != "" && t.Topic != q.Topic) || (q.Commune != "" && bot.DisplayLine(t.Commune) != q.Commune) {
		return false
	}
	day := t.Created.In(loc).Format(time.DateOnly)
	return (q.From == "" || day >= q.From) && (q.To == "" || day <= q.To)
}

// selectFrom returns the tickets of all that q selects, in all's order.
func (q listQuery) selectFrom(all []bot.Ticket, now time.Time, me string, loc *time.Location) []bot.Ticket {
	var out []bot.Ticket
	for i := range all {
		if q.match(&all[i], now, me, loc) {
			out = append(out, all[i])
		}
	}
	return out
}

// inboxOrder puts urgent and then overdue tickets first, keeping the
// order otherwise (newest first, as listed).
func inboxOrder(out []bot.Ticket, now time.Time) {
	rank := func(t *bot.Ticket) int {
		n := 0
		if t.Active() && t.Priority == bot.PriorityUrgent {
			n += 2
		}
		if t.Overdue(now) {
			n++
		}
		return n
	}
	slices.SortStableFunc(out, func(a, b bot.Ticket) int { return rank(&b) - rank(&a) })
}

// url is path with q as its query string.
func (q listQuery) url(path string) string {
	v := url.Values{"status": {q.Status}}
	if q.Commune != "" {
		v.Set("commune", q.Commune)
	}
	if q.Topic != "" {
		v.Set("topic", q.Topic)
	}
	if q.Overdue {
		v.Set("overdue", "1")
	}
	if q.Mine {
		v.Set("mine", "1")
	}
	if q.From != "" {
		v.Set("from", q.From)
	}
	if q.To != "" {
		v.Set("to", q.To)
	}
	return path + "?" + v.Encode()
}

// listView shows the tickets q selects among all, with counts over all.
func (c *console) listView(q listQuery, all []bot.Ticket, me string, h head) listPage {
	now := c.now()
	p := listPage{head: h, Query: q,
		CSVURL:  q.url(consolePath + "/export.csv"),
		XLSXURL: q.url(consolePath + "/export.xlsx")}
	communes := map[string]bool{}
	for i := range all {
		t := &all[i]
		if t.Overdue(now) {
			p.OverdueCount++
		}
		if t.ContactNeeded && t.Active() {
			p.ContactCount++
		}
		if t.Active() && t.Assignee == me {
			p.MineCount++
		}
		if cm := bot.DisplayLine(t.Commune); cm != "" {
			communes[cm] = true
		}
	}
	selected := q.selectFrom(all, now, me, c.loc)
	inboxOrder(selected, now)
	p.Matched = len(selected)
	for i := range selected {
		if len(p.Rows) == maxRows {
			break
		}
		p.Rows = append(p.Rows, c.row(&selected[i], now))
	}
	p.Shown = len(p.Rows)
	for _, name := range slices.Sorted(maps.Keys(communes)) {
		p.Communes = append(p.Communes, choice{Value: name, Label: name, Selected: name == q.Commune})
	}
	for _, t := range content.Topics {
		if l, ok := content.TopicTitles[t]; ok {
			p.Topics = append(p.Topics, choice{Value: t, Label: l, Selected: t == q.Topic})
		}
	}
	for _, sc := range statusChoices {
		tq := q
		tq.Status = sc.key
		tab := statusTab{Label: sc.label, Current: sc.key == q.Status, URL: tq.url(consolePath)}
		cf := bot.TicketFilter{Status: sc.statuses}
		for i := range all {
			if cf.Match(&all[i]) {
				tab.Count++
			}
		}
		if tab.Current {
			p.Heading = sc.label
		}
		p.Tabs = append(p.Tabs, tab)
	}
	if q.Overdue {
		p.Heading += ", chỉ phiếu quá hạn"
	}
	if q.Mine {
		p.Heading += ", phiếu của tôi"
	}
	return p
}

// row is t as a line of the list.
func (c *console) row(t *bot.Ticket, now time.Time) ticketRow {
	r := ticketRow{
		ID:          t.ID,
		URL:         fmt.Sprintf("%s/tickets/%d", consolePath, t.ID),
		Status:      bot.StatusLabel(t.Status),
		StatusClass: "st-" + string(t.Status),
		Topic:       bot.OrDash(bot.TopicLabel(t.Topic)),
		Question:    bot.Truncate(bot.OfficerLine(t.Question), 90),
		Name:        bot.OrDash(bot.DisplayLine(t.Name)),
		Commune:     bot.DisplayLine(bot.CommuneName(t.Commune)),
		Created:     c.when(t.Created),
		Due:         c.when(t.Due),
		Assignee:    bot.DisplayLine(t.Assignee),
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
	p := ticketPage{head: h, Row: c.row(t, c.now()), Purged: t.Purged, Active: t.Active(),
		Mine: t.Assignee != "" && t.Assignee == h.Officer, ActionURL: fmt.Sprintf("%s/tickets/%d", consolePath, t.ID)}
	add := func(label, value string, multiline bool) {
		if value != "" {
			p.Fields = append(p.Fields, field{Label: label, Value: value, Multiline: multiline})
		}
	}
	add("Người dân", p.Row.Name, false)
	add("Xã/phường", p.Row.Commune, false)
	if t.Citizen.Channel != "" {
		add("Kênh", bot.DisplayLine(bot.ChannelLabel(t.Citizen.Channel))+" · "+bot.DisplayLine(t.Citizen.String()), false)
	}
	add("Chủ đề", p.Row.Topic, false)
	add("Câu hỏi", bot.OfficerText(t.Question), true)
	add("Bot đã trả lời", bot.DisplayText(t.BotAnswer), true)
	add("Cán bộ phụ trách", bot.DisplayLine(t.Assignee), false)
	add("Tạo lúc", c.when(t.Created), false)
	add("Cập nhật lúc", c.when(t.Updated), false)
	add("Hạn xử lý", c.when(t.Due), false)
	if !t.Closed.IsZero() {
		add("Đóng lúc", c.when(t.Closed), false)
	}
	add("Kết quả xử lý", bot.OfficerText(t.Resolution), true)
	if t.ContactNeeded {
		add("Cần liên hệ lại", bot.OrDash(bot.DisplayLine(t.ContactReason)), false)
	}
	add(bot.LabelPhone, bot.DisplayLine(t.Phone), false)
	switch t.AnswerState() {
	case bot.AnswerWaiting:
		p.Delivery, p.DeliveryClass = "Câu trả lời mới nhất đang chờ gửi tới người dân.", "notice"
	case bot.AnswerSentOK:
		p.Delivery, p.DeliveryClass = "Câu trả lời mới nhất đã gửi tới người dân lúc "+c.when(t.AnswerSent)+".", "ok"
	case bot.AnswerFailed:
		p.Delivery, p.DeliveryClass = "Không gửi được câu trả lời — cần liên hệ lại: gọi điện hoặc mời người dân lên xã.", "error"
	}
	if it, ok := t.Unanswered(); ok && t.Active() {
		p.Unanswered = fmt.Sprintf("Người dân nhắn lúc %s, sau câu trả lời cuối, chưa ai trả lời: «%s»", c.when(it.Time), bot.OfficerLine(bot.WithoutFileID(it.Text)))
	}
	p.CloseResults = bot.CloseResults()
	p.Hidden = bot.ShowsHidden(t.Name) || bot.ShowsHidden(t.Question) || bot.ShowsHidden(t.Resolution)
	for i, it := range t.Thread {
		p.Hidden = p.Hidden || bot.ShowsHidden(it.Text)
		item := threadItem{
			Time: c.when(it.Time), Label: bot.ItemLabel(it.Kind), Author: bot.DisplayLine(it.Author),
			Text: bot.OfficerText(it.Text), Class: "item-" + bot.DisplayLine(it.Kind), Note: it.Kind == bot.ItemNote,
		}
		item.FileURL, item.FileLabel, item.FileExternal = c.attachmentLink(t, i)
		p.Thread = append(p.Thread, item)
	}
	for _, a := range audit {
		p.Audit = append(p.Audit, auditRow{Time: c.when(a.Time), Officer: bot.AuditAuthor(a),
			Action: bot.AuditActionLabel(a.Action), Detail: bot.OfficerText(a.Detail)})
	}
	return p
}

// when shows t in the console's location as dd/mm/yyyy HH:MM.
func (c *console) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(c.loc).Format("02/01/2006 15:04")
}
