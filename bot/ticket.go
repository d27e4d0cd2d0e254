package bot

import "time"

// TicketStatus is where a ticket is in its life: open → assigned →
// answered → closed (and back to open when the citizen writes again).
type TicketStatus string

// Ticket statuses.
const (
	StatusOpen     TicketStatus = "open"
	StatusAssigned TicketStatus = "assigned"
	StatusAnswered TicketStatus = "answered"
	StatusClosed   TicketStatus = "closed"
)

// StatusLabels are the Vietnamese names officers see.
var StatusLabels = map[TicketStatus]string{
	StatusOpen:     "Mới",
	StatusAssigned: "Đang xử lý",
	StatusAnswered: "Đã trả lời",
	StatusClosed:   "Đã đóng",
}

// Ticket priorities.
const (
	PriorityNormal = "normal"
	PriorityUrgent = "urgent"
)

// Thread item kinds.
const (
	ItemCitizen = "citizen" // a message from the citizen
	ItemBot     = "bot"     // what the bot answered
	ItemOfficer = "officer" // an officer's answer, sent to the citizen
	ItemNote    = "note"    // an internal note, never sent
	ItemEvent   = "event"   // a status change
)

// ThreadItem is one line of a ticket's history.
type ThreadItem struct {
	Time   time.Time `json:"time"`
	Kind   string    `json:"kind"`
	Author string    `json:"author,omitempty"` // officer identity for officer items and notes
	Text   string    `json:"text"`
	// Courtesy marks a citizen's thank-you or symbols ("cảm ơn", "👍"):
	// kept in the thread, but no answer is awaited for it.
	Courtesy bool `json:"courtesy,omitempty"`
	// Answering marks a citizen's message typed while the bot waited
	// for the answer to a question of its own (the request's matter,
	// the household's category, a reminder's day): none asks for a
	// phone, so a number alone in it is not given as the citizen's
	// (callbackPhones).
	Answering bool `json:"answering,omitempty"`
	// Attachment is the kind of file a citizen's item carries
	// (AttachPhoto, …), empty for text; FileID is the platform's id of
	// it (a Telegram file_id, a Zalo photo's address). Text is then the
	// attachment's tag ("[ảnh]"): a citizen who types "[ảnh] mã tệp: X"
	// sends text, never a file.
	Attachment string `json:"attachment,omitempty"`
	FileID     string `json:"file_id,omitempty"`
}

// File returns the kind and file id of the attachment it carries; ok is
// false for an item without one.
func (it ThreadItem) File() (kind, fileID string, ok bool) {
	if it.Attachment == "" || it.FileID == "" {
		return "", "", false
	}
	return it.Attachment, it.FileID, true
}

// Ticket is a citizen's request for a person (docs/architecture.md §5).
type Ticket struct {
	ID       uint64  `json:"id"`
	Citizen  UserKey `json:"citizen"`
	ChatID   string  `json:"chat"`
	Name     string  `json:"name,omitempty"`
	Commune  string  `json:"commune,omitempty"`
	Topic    string  `json:"topic,omitempty"`
	Question string  `json:"question"`
	// BotAnswer is what the bot had already answered (entry title), so the
	// officer does not repeat it.
	BotAnswer string       `json:"bot_answer,omitempty"`
	Status    TicketStatus `json:"status"`
	Priority  string       `json:"priority"`
	Assignee  string       `json:"assignee,omitempty"` // officer identity channel:id
	Created   time.Time    `json:"created"`
	Updated   time.Time    `json:"updated"`
	Due       time.Time    `json:"due"`
	Closed    time.Time    `json:"closed,omitzero"`
	// Seen is when an officer last opened (/xem) or acted on the ticket.
	Seen       time.Time    `json:"seen,omitzero"`
	Resolution string       `json:"resolution,omitempty"`
	Thread     []ThreadItem `json:"thread"`
	// ContactNeeded is set when an answer could not reach the citizen (a
	// Zalo OA reply outside the 48-hour window): an officer must call.
	ContactNeeded bool   `json:"contact_needed,omitempty"`
	ContactReason string `json:"contact_reason,omitempty"`
	// Phone is the number the citizen gave for a callback ("số điện
	// thoại tôi là 0912 345 678"), digits only; more than one, the
	// latest last, separated by ", ". The bot tells the citizen
	// "Đã thêm số điện thoại vào yêu cầu #N để cán bộ gọi lại."
	Phone string `json:"phone,omitempty"`
	// AnswerSent is when the latest officer answer reached the citizen's
	// platform (zero while it waits in the outbox).
	AnswerSent time.Time `json:"answer_sent,omitzero"`
	// Purged is set when the retention period removed the texts.
	Purged bool `json:"purged,omitempty"`
}

// Active reports whether the ticket still waits for officers.
func (t *Ticket) Active() bool { return t.Status != StatusClosed }

// Overdue reports whether the ticket is past its due date at now.
func (t *Ticket) Overdue(now time.Time) bool { return t.Active() && now.After(t.Due) }

// AuditRecord is one officer action in the append-only audit log, or a
// citizen's own action on their request (a withdrawal): then Citizen names
// them and Officer is empty.
type AuditRecord struct {
	Time    time.Time `json:"time"`
	Officer string    `json:"officer"`           // identity channel:id
	Citizen string    `json:"citizen,omitempty"` // identity channel:id of a citizen who acted
	Action  string    `json:"action"`
	Ticket  uint64    `json:"ticket,omitempty"`
	Detail  string    `json:"detail,omitempty"`
}

// TicketFilter selects tickets for listing.
type TicketFilter struct {
	Status   []TicketStatus // any of these; empty: all
	Assignee string         // only this officer's
	Overdue  time.Time      // non-zero: only tickets overdue at this time
	Limit    int
}

// Match reports whether t passes the filter.
func (f TicketFilter) Match(t *Ticket) bool {
	if len(f.Status) > 0 {
		ok := false
		for _, s := range f.Status {
			ok = ok || t.Status == s
		}
		if !ok {
			return false
		}
	}
	if f.Assignee != "" && t.Assignee != f.Assignee {
		return false
	}
	if !f.Overdue.IsZero() && !t.Overdue(f.Overdue) {
		return false
	}
	return true
}

// Delivery.Ref prefixes that tie an outbox row to a ticket: the store maps
// the platform message ids of an announcement, of a prompt for an answer or
// a preview (officers answer by replying to them) and of a prompt for a
// closing result to the ticket, and flags the ticket when an answer cannot
// be delivered.
const (
	RefAnnouncement = "ann:"
	RefAnswer       = "reply:"
	// RefReplyPrompt: "Mời anh/chị nhập câu trả lời cho phiếu #N" and the
	// preview; a reply to it is a draft answer for ticket N.
	RefReplyPrompt = "ask:"
	// RefClosePrompt: "Đóng phiếu #N: kết quả xử lý là gì?"; a reply to it
	// is the result for ticket N.
	RefClosePrompt = "end:"
)

// Delivery states of the latest officer answer, as the console shows them.
const (
	AnswerNone    = ""          // no officer answered yet
	AnswerWaiting = "waiting"   // in the outbox
	AnswerSentOK  = "sent"      // the platform accepted it
	AnswerFailed  = "call_back" // could not be delivered: call the citizen
)

// AnswerState says where the latest officer answer is.
func (t *Ticket) AnswerState() string {
	var last time.Time
	for _, it := range t.Thread {
		if it.Kind == ItemOfficer {
			last = it.Time
		}
	}
	switch {
	case last.IsZero():
		return AnswerNone
	case t.ContactNeeded:
		return AnswerFailed
	case !t.AnswerSent.Before(last):
		return AnswerSentOK
	}
	return AnswerWaiting
}

// ChannelLabel is the name officers see for a channel.
func ChannelLabel(ch string) string {
	switch ch {
	case ChannelTelegram:
		return "Telegram"
	case ChannelZalo:
		return "Zalo"
	case ChannelZaloOA:
		return "Zalo OA"
	case ChannelWeb:
		return "Web"
	case ChannelTerminal:
		return "Terminal"
	}
	return ch
}
