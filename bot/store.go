package bot

import (
	"context"
	"time"
)

// User is a citizen (or officer) as the bot knows them on one channel.
type User struct {
	Key UserKey `json:"key"`
	// ChatID is the chat the user last wrote in, which may be a group;
	// Private is their one-to-one chat with the bot, recorded from the
	// last message they sent outside a group ("" until they do). Reminders
	// and broadcasts go to PrivateChat(), never to ChatID.
	ChatID   string    `json:"chat"`
	Private  string    `json:"private,omitempty"`
	Name     string    `json:"name,omitempty"`
	Commune  string    `json:"commune,omitempty"`
	Created  time.Time `json:"created"`
	LastSeen time.Time `json:"last_seen"`
	// Stopped is set by /stop: no reminders or broadcasts until /start.
	Stopped bool `json:"stopped,omitempty"`
	// Unreachable is set when the platform says the user blocked the bot or
	// the chat no longer exists; nothing more is sent until they write again.
	Unreachable       bool   `json:"unreachable,omitempty"`
	UnreachableReason string `json:"unreachable_reason,omitempty"`
	// Subscriptions are the topics whose broadcasts the user receives.
	Subscriptions []string `json:"subscriptions,omitempty"`
	// Category is the household category the user declared (poor,
	// near_poor, escaped, average, none: the IDs of Categories), by the
	// "Khai báo diện hộ" button or by answering the bot's question. It
	// targets broadcasts and picks the answer written for the household
	// (content.KB.FamilyMember).
	Category string `json:"category,omitempty"`
	// Area is where the household lives, AreaRural or AreaUrban; empty
	// until the citizen says.
	Area string `json:"area,omitempty"`
	// Household is what the citizen's latest eligibility check found;
	// Check is a check in progress (check.go).
	Household *Household  `json:"household,omitempty"`
	Check     *CheckState `json:"check,omitempty"`
	// Dialog and Check are the user's conversation in their private chat
	// with the bot. A conversation in a group chat is the user's too, but
	// apart from it: Groups holds one per group chat id (chat.go).
	Dialog Dialog                `json:"dialog"`
	Groups map[string]*ChatState `json:"groups,omitempty"`
	// Drafts counts the drafts this officer began; the latest is numbered
	// by it (Draft.Seq), so a button of a replaced draft finds no match.
	Drafts uint64 `json:"drafts,omitempty"`
	// DraftsEnded are the officer's latest answers sent or cancelled from
	// their preview (at most MaxDraftsEnded), so that the preview's
	// buttons pressed again say what became of it and change nothing.
	DraftsEnded []DraftEnd `json:"drafts_ended,omitempty"`
}

// DraftEnd is what became of one previewed answer (Draft.Seq) of a ticket.
type DraftEnd struct {
	Seq    uint64 `json:"seq"`
	Ticket uint64 `json:"ticket"`
	Sent   bool   `json:"sent,omitempty"` // false: cancelled
}

// MaxDraftsEnded is how many ended drafts an officer's record remembers.
const MaxDraftsEnded = 20

// ChatState is one user's conversation in one group chat: what the bot
// waits for from them there, the eligibility check they run there, the
// last answer a follow-up there continues. It is kept apart from their
// private conversation and from their conversations in other groups, so
// an answer typed in one chat never completes a question asked in
// another (chat.go).
type ChatState struct {
	Dialog Dialog      `json:"dialog"`
	Check  *CheckState `json:"check,omitempty"`
}

// Household areas (User.Area).
const (
	AreaRural = "rural"
	AreaUrban = "urban"
)

// Subscribed reports whether the user receives a topic's broadcasts.
func (u *User) Subscribed(topic string) bool {
	for _, t := range u.Subscriptions {
		if t == topic {
			return true
		}
	}
	return false
}

// Recipient is the part of a user a broadcast needs.
type Recipient struct {
	Key      UserKey
	ChatID   string // the user's private chat (User.PrivateChat)
	LastSeen time.Time
}

// Dialog is the conversation state that must survive restarts.
type Dialog struct {
	// Buttons are the choices last offered, so that a reply "2" presses the
	// second one (Zalo and the terminal have no real buttons).
	Buttons []Button `json:"buttons,omitempty"`
	// Asking: Buttons are the options of a question the bot asked back,
	// numbered in its text (an ask-back, the "Chưa đúng ý tôi" list). A
	// reminder or broadcast sent after it ends the question: Buttons are
	// cleared, so a number typed next is an ordinary message.
	Asking bool `json:"asking,omitempty"`
	// Misses counts consecutive messages the bot could not answer.
	Misses    int    `json:"misses,omitempty"`
	LastTopic string `json:"last_topic,omitempty"`
	LastEntry string `json:"last_entry,omitempty"`
	// LastQuestion is the citizen's last free-text message, the question a
	// ticket opened by a button press carries.
	LastQuestion string `json:"last_question,omitempty"`
	// Awaiting is what the next text of this user completes, e.g.
	// "reply:12" after an officer pressed "Trả lời" on ticket 12.
	Awaiting string `json:"awaiting,omitempty"`
	// LastAt is when the bot gave LastEntry's answer. A short follow-up
	// within FollowUpWindow of it continues that subject (dialog.go).
	LastAt time.Time `json:"last_at,omitzero"`
	// SumQuestion is the message the bot last answered with a computed
	// sum (LastAt is when), SumCategory the household category it
	// computed for ("" for none), and SumEntry, when the sum answered a
	// follow-up about an answer ("được bao nhiêu tiền" after the near-poor
	// household's card), that answer's entry. A follow-up asks the same sum
	// again, for another household ("còn hộ cận nghèo thì sao") or over a
	// year ("còn 1 năm thì sao") (followsum.go). An answer given after it
	// clears them.
	SumQuestion string `json:"sum_question,omitempty"`
	SumCategory string `json:"sum_category,omitempty"`
	SumEntry    string `json:"sum_entry,omitempty"`
	// Menu is the programme topic whose list of questions the bot showed
	// last (LastAt is when), before any answer: a follow-up ("nhà tôi là
	// hộ cận nghèo", "cần giấy tờ gì") is read as a question about it
	// (followsum.go).
	Menu string `json:"menu,omitempty"`
	// Given is LastEntry when the bot sent its whole answer (not when it
	// only took it as the likeliest reading of an ask-back): a follow-up
	// that same answer answers again gets the part it asks for (focus.go).
	Given string `json:"given,omitempty"`
	// Between are the entries of the ask-back between two readings the bot
	// sent last (askBetween), while its options are the dialog's choices:
	// the citizen who picks one of two programmes finds the other as the
	// answer's first button ("tiền điện và thẻ BHYT" asks both).
	Between []string `json:"between,omitempty"`
	// Picked is the reading the citizen picked from that ask-back, with
	// the others it offered: "Chưa đúng ý tôi" under its answer offers
	// them again (wrong). Nil when the last answer came otherwise.
	Picked *Picked `json:"picked,omitempty"`
	// Correcting is the entry the citizen called wrong ("Chưa đúng ý tôi")
	// while the bot waits for their choice; "" otherwise.
	Correcting string `json:"correcting,omitempty"`
	// CorrectingAt and CorrectingSeq name the correction recorded when
	// "Chưa đúng ý tôi" was pressed, whose choice settleCorrection sets
	// (zero: recorded only when settled, as before session 62).
	CorrectingAt  time.Time `json:"correcting_at,omitzero"`
	CorrectingSeq uint64    `json:"correcting_seq,omitempty"`
	// Ask is the question the bot asked back before answering; nil when
	// none is pending.
	Ask *AskBack `json:"ask,omitempty"`
	// Draft is an officer's unfinished "Trả lời" or "Đóng" (officer_draft.go).
	Draft *Draft `json:"draft,omitempty"`
	// Category is the household category the citizen's own question named
	// last ("nhà tôi hộ cận nghèo, muốn vay vốn"), and CategoryAt the last
	// message that named or kept it: within FollowUpWindow of it, a
	// question whose answer depends on the category ("còn thẻ bhyt thì
	// sao") is answered for it instead of asked back (dialog.go). Unlike
	// User.Category it is no declaration (the writer may ask for their
	// parents) and targets no broadcast.
	Category   string    `json:"category,omitempty"`
	CategoryAt time.Time `json:"category_at,omitzero"`
	// CategoryFor is whose household Category is: "" the writer's own,
	// else the other household a message named it for ("hộ bà Lan",
	// conv.forOther).
	CategoryFor string `json:"category_for,omitempty"`
	// Ages are the ages the citizen told for the people of the family
	// ("bố em 71 tuổi, mẹ 69"), the last told last, and AgesAt the last
	// message that told one: within FollowUpWindow of it, a question about
	// one of them that tells no age is read with theirs (toldbefore.go).
	Ages   []ToldAge `json:"ages,omitempty"`
	AgesAt time.Time `json:"ages_at,omitzero"`
	// Story is the citizen's message that told whom the questions are for
	// besides their age and household (a school level, a disability, a
	// newborn, an orphan: "con tôi năm nay thi đại học", "bố tôi … liệt
	// nửa người"), and StoryAt the last message that told or used it:
	// within FollowUpWindow of it, a later question that names none is
	// read with it (toldbefore.go).
	Story   string    `json:"story,omitempty"`
	StoryAt time.Time `json:"story_at,omitzero"`
	// Benefit is the answer about a benefit whose people the State buys a
	// BHYT card for (personCards: the disability allowance, the social
	// pension) while the conversation stays on its programme: its papers
	// asked next ("giấy tờ gì") keep it, so the card asked after them
	// ("còn thẻ bhyt của cháu") is that person's, not the household's
	// (dialog.go). Another programme's answer clears it.
	Benefit string `json:"benefit,omitempty"`
	// ScamAt is when the bot last warned of a swindle, and ScamLeft how
	// many of the citizen's next messages may still go on with the
	// caller's story and get the warning's key lines again (scam.go).
	ScamAt   time.Time `json:"scam_at,omitzero"`
	ScamLeft int       `json:"scam_left,omitempty"`
	// ScamFee: the warning was about money asked to be put on the list or
	// to get a loan, whose key lines are said again (scam.go).
	ScamFee bool `json:"scam_fee,omitempty"`
	// CallBack is a message that gave only a phone number to be called
	// back on, while the bot asks what the matter is: it is filed with
	// the matter (privacy_id.go).
	CallBack string `json:"call_back,omitempty"`
	// Refused is when this person was last told, in this group, that an
	// officer's command, button or reply is not theirs (refuseOfficer).
	Refused time.Time `json:"refused,omitzero"`
	// Seen is when the user last wrote in this conversation (zero in a
	// private conversation stored before it was kept: User.LastSeen
	// stands for it there).
	Seen time.Time `json:"seen,omitzero"`
}

// AskBack is a question the bot asked the citizen before it could answer:
// which household category they are, for an answer that depends on it.
type AskBack struct {
	Kind string `json:"kind"` // AskHousehold
	// Entry is the answer the reply completes: the citizen's category picks
	// the member of its family (content.KB.FamilyMember).
	Entry string `json:"entry"`
	// Question is the citizen's message that led to the question.
	Question string    `json:"question,omitempty"`
	At       time.Time `json:"at"`
	// For is the other household the question was about ("hộ bà Lan",
	// conv.forOther), "" for the writer's own: the category told back is
	// that household's, not recorded as the writer's.
	For string `json:"for,omitempty"`
}

// Kinds of AskBack.
const (
	AskHousehold = "household"
)

// LogRecord is one line of the conversation log: every inbound message and
// every outbound reply is recorded.
type LogRecord struct {
	Time     time.Time `json:"time"`
	Channel  string    `json:"channel"`
	ChatID   string    `json:"chat"`
	UserID   string    `json:"user"`
	Inbound  bool      `json:"in"`
	UpdateID string    `json:"update,omitempty"`
	Text     string    `json:"text,omitempty"`
	Data     string    `json:"data,omitempty"`
	Topic    string    `json:"topic,omitempty"`
	Entry    string    `json:"entry,omitempty"`
	Score    float64   `json:"score,omitempty"`
}

// Tx is what the engine may do inside one store transaction.
type Tx interface {
	// MarkSeen records that an inbound update was applied. It reports false
	// when the update was already recorded (a redelivery).
	MarkSeen(channel, updateID string, now time.Time) (fresh bool, err error)
	// SetOffset stores a channel's polling offset (kept only if it grows).
	SetOffset(channel string, offset int64) error
	// Park keeps an update that kept failing, with the reason.
	Park(u Update, reason string, now time.Time) error
	// User returns the user, or ErrNotFound.
	User(k UserKey) (User, error)
	PutUser(u User) error
	// EachUser calls fn for every user, in key order, until fn returns an
	// error, which it returns.
	EachUser(fn func(u *User) error) error
	Log(r LogRecord) error
	// Enqueue adds an outbox row and assigns its ID. A row whose Key is set
	// and already known is not added again (added is false).
	Enqueue(d *Delivery) (added bool, err error)
	// Pending counts a chat's outbox rows waiting to be sent, stopping at
	// atMost.
	Pending(channel, chat string, atMost int) (int, error)
	// ChatLoad returns a chat's inbound allowance (zero if none is kept);
	// PutChatLoad saves it.
	ChatLoad(channel, chat string) (ChatLoad, error)
	PutChatLoad(channel, chat string, l ChatLoad) error

	// Ticket returns a ticket by number, or ErrNotFound.
	Ticket(id uint64) (Ticket, error)
	// LatestTicket returns the citizen's most recent ticket, or ErrNotFound.
	LatestTicket(k UserKey) (Ticket, error)
	// MessageRef finds the ticket an officer-chat message is about, and
	// what it was: an announcement, a prompt for an answer (or a preview),
	// a prompt for a closing result. ErrNotFound: no ticket's message.
	MessageRef(channel, chat, msgID string) (TicketRef, error)
	// LinkTicketMessage records that an officer-chat message is ref's,
	// for MessageRef.
	LinkTicketMessage(channel, chat, msgID string, ref TicketRef) error
	// PutTicket saves a ticket, numbering it when its ID is 0.
	PutTicket(t *Ticket) error
	// Tickets lists tickets, newest first.
	Tickets(f TicketFilter) ([]Ticket, error)
	// Audit appends to the officers' audit log.
	Audit(r AuditRecord) error

	// Reminder returns a reminder by number, or ErrNotFound.
	Reminder(id uint64) (Reminder, error)
	// PutReminder saves a reminder, numbering it when its ID is 0.
	PutReminder(r *Reminder) error
	// RemindersOf lists a user's personal reminders, active or not.
	RemindersOf(k UserKey) ([]Reminder, error)
	// Broadcasts lists the broadcasts that are not cancelled, and the
	// one-offs whose rows still wait (paused, or for quiet hours), newest
	// first.
	Broadcasts() ([]Reminder, error)
	// QueuedRows counts the outbox rows whose key starts with prefix
	// (ReminderRowPrefix, OccurrenceRowPrefix; broadcast_held.go).
	QueuedRows(prefix string) (QueuedRows, error)
	// WithdrawRows takes every unsent row whose key starts with prefix
	// (pending or paused) out of the outbox, kept as dead letters with
	// why; it returns how many.
	WithdrawRows(prefix, why string, at time.Time) (int, error)
	// PauseRows moves those rows that are pending out of the dispatcher's
	// reach until ResumeRows; it returns how many.
	PauseRows(prefix string) (int, error)
	// ResumeRows puts those paused back, to go at from at the earliest;
	// those created before stale are withdrawn as missed (MissedReason).
	ResumeRows(prefix string, from, stale time.Time) (resumed, missed int, err error)

	// RecordUnanswered adds to the unanswered list, drops records older
	// than UnansweredKeep and returns the record's sequence number.
	RecordUnanswered(u Unanswered) (uint64, error)
	// ChooseUnanswered sets the choice of the record RecordUnanswered
	// added at at with sequence number seq; a record pruned since is no
	// error.
	ChooseUnanswered(at time.Time, seq uint64, chosen string) error

	// PutLoginLink stores a console sign-in link (its hash, never the secret).
	PutLoginLink(l LoginLink) error
	// EndSessions ends every console session of officer and reports how many.
	EndSessions(officer string) (int, error)
}

// Outcome is the dispatcher's verdict on one delivery attempt (bot/outbox
// sends, the store records it).
type Outcome struct {
	ID     uint64
	At     time.Time
	Sent   bool
	Result SendResult
	// RetryAt, when non-zero, reschedules the row.
	RetryAt time.Time
	// Dead moves the row to the dead-letter bucket with Reason.
	Dead   bool
	Reason string
	// Unreachable marks the recipient so that nothing more is sent to them.
	Unreachable bool
}

// Store is the persistence the engine needs. The runtime components that
// consume bot declare their own (bot/outbox, bot/remind); the store package
// implements all of them.
type Store interface {
	// Apply runs fn in one read-write transaction. Concurrent calls may be
	// batched into one commit, so fn may run more than once and must have no
	// effects outside tx.
	Apply(ctx context.Context, fn func(tx Tx) error) error
}

// Picked is a reading picked from an ask-back between readings
// (Dialog.Picked).
type Picked struct {
	Entry    string   `json:"entry"`            // the reading picked
	Question string   `json:"question"`         // the question asked back about
	Others   []string `json:"others,omitempty"` // the readings not picked
}
