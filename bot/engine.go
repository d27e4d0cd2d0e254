package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/bacninh/ansinh/content"
)

// Button data. Short prefixes keep callback data well under 64 bytes.
const (
	dataMenu    = "m"
	dataOfficer = "o"
	dataTopic   = "t:"
	dataEntry   = "e:"
	// dataLater shows an entry's version for a coming year as it is, not
	// the version in force today (see conv.later).
	dataLater = "v:"
	// dataEarlier shows an entry's version of a past year as it was
	// written (see conv.earlier).
	dataEarlier = "p:"
)

// Engine turns inbound updates into state changes and outbox rows, each
// update in one store transaction (docs/architecture.md §1). It never calls a platform.
type Engine struct {
	store Store
	kb    atomic.Pointer[content.KB]
	rules atomic.Pointer[content.Rules]
	loc   *time.Location
	now   func() time.Time
	log   *slog.Logger
	// wake, if set, is called after a commit that enqueued rows.
	wake         func()
	officers     map[string]bool
	quiet        QuietHours
	officerChats []chatRef
	// moves maps a chat's new id to its old one (ChatMoved), so that an
	// officer chat stays one after Telegram moved it.
	movesMu      sync.RWMutex
	moves        map[chatRef]chatRef
	cal          atomic.Pointer[content.Calendar]
	failures     failureCounts
	consoleURL   string
	consoleLocal bool
	metrics      Metrics
}

// chatRef is a chat on a channel ("telegram:-100123").
type chatRef struct{ channel, chat string }

// EngineConfig configures an Engine.
type EngineConfig struct {
	// Quiet are the hours no bot-timed reminder is sent (ANSINH_QUIET_HOURS):
	// a confirmation says when such a reminder will really arrive.
	Quiet QuietHours
	Store Store
	KB    *content.KB
	// Rules are the eligibility rules; nil: no eligibility check offered.
	Rules    *content.Rules
	Location *time.Location   // local time zone; default Asia/Ho_Chi_Minh
	Now      func() time.Time // default time.Now
	Logger   *slog.Logger
	Wake     func()
	// Officers are the identities ("telegram:123") allowed to use officer
	// commands.
	Officers []string
	// OfficerChats are where new tickets are announced ("telegram:-100123").
	OfficerChats []string
	// Calendar holds the public holidays that ticket due dates skip
	// (DueDate); nil counts weekends only.
	Calendar *content.Calendar
	// ConsoleURL is the officer console's base URL as officers reach it
	// (ANSINH_PUBLIC_URL, or the loopback address when ConsoleLocal), for
	// /dangnhap links; empty: /dangnhap says the console is off.
	ConsoleURL   string
	ConsoleLocal bool
	// Metrics receives counts for monitoring; default: none.
	Metrics Metrics
}

// due is a ticket's due date under the one SLA rule (DueDate), with the
// holiday calendar in use.
func (e *Engine) due(from time.Time, priority string) time.Time {
	return DueDate(e.cal.Load(), e.loc, from, priority)
}

// NewEngine returns an engine.
func NewEngine(c EngineConfig) *Engine {
	e := &Engine{store: c.Store, loc: c.Location, now: c.Now, log: c.Logger, wake: c.Wake, quiet: c.Quiet,
		officers: map[string]bool{}, consoleURL: strings.TrimRight(c.ConsoleURL, "/"), consoleLocal: c.ConsoleLocal,
		metrics: c.Metrics}
	e.cal.Store(c.Calendar)
	if e.metrics == nil {
		e.metrics = NopMetrics{}
	}
	for _, o := range c.Officers {
		// A client-chosen identity is never an officer, whatever the
		// configuration says (cmd refuses it before this).
		if ch, _, _ := strings.Cut(o, ":"); PlatformAuthenticated(ch) {
			e.officers[o] = true
		}
	}
	for _, oc := range c.OfficerChats {
		if ch, id, ok := strings.Cut(oc, ":"); ok {
			e.officerChats = append(e.officerChats, chatRef{ch, id})
		}
	}
	e.kb.Store(c.KB)
	e.rules.Store(c.Rules)
	if e.loc == nil {
		e.loc = time.FixedZone("ICT", 7*3600)
	}
	if e.now == nil {
		e.now = time.Now
	}
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	return e
}

// ChatMoved records that chat from on channel now has the id to: a
// Telegram group that became a supergroup (docs/platforms.md §1.2). An
// officer chat counts as one under its new id too, wherever its id is
// compared (officerChat).
func (e *Engine) ChatMoved(channel, from, to string) {
	if from == "" || to == "" || from == to {
		return
	}
	e.movesMu.Lock()
	defer e.movesMu.Unlock()
	if e.moves == nil {
		e.moves = map[chatRef]chatRef{}
	}
	e.moves[chatRef{channel, to}] = chatRef{channel, from}
}

// maxChatMoves bounds how many moves officerChat follows back (a group
// moves once; the bound only guards against a loop).
const maxChatMoves = 3

// officerChat returns the configured officer chat that chat on channel is:
// itself, or the chat it was before it moved (ChatMoved).
func (e *Engine) officerChat(channel, chat string) (chatRef, bool) {
	ref := chatRef{channel, chat}
	e.movesMu.RLock()
	defer e.movesMu.RUnlock()
	for range maxChatMoves + 1 {
		if slices.Contains(e.officerChats, ref) {
			return ref, true
		}
		old, ok := e.moves[ref]
		if !ok {
			break
		}
		ref = old
	}
	return chatRef{}, false
}

// SetKB replaces the knowledge base (after officers edit content).
func (e *Engine) SetKB(kb *content.KB) { e.kb.Store(kb) }

// SetCalendar replaces the holiday calendar ticket due dates skip.
func (e *Engine) SetCalendar(cal *content.Calendar) { e.cal.Store(cal) }

// SetRules replaces the eligibility rules (with the knowledge base they
// were checked against).
func (e *Engine) SetRules(r *content.Rules) { e.rules.Store(r) }

// KB returns the knowledge base in use.
func (e *Engine) KB() *content.KB { return e.kb.Load() }

var _ Handler = (*Engine)(nil)

// Handle applies u exactly once: the update id, the user and dialog state,
// the conversation log and the replies are written in one transaction. A
// redelivered update changes nothing and sends nothing. An Unfollowed
// update sends nothing either: it only pauses the user's automatic
// messages (unfollow.go).
//
// A panic while applying an update is recovered into an error. An update
// that fails maxAttempts times in a row is parked — kept in the store with
// the reason, the citizen told it was received — and reported as handled,
// so the channel's queue moves on (docs/architecture.md §7).
func (e *Engine) Handle(ctx context.Context, u Update) error {
	if u.Channel == "" || u.ID == "" || u.ChatID == "" {
		return fmt.Errorf("handle: update without channel, id or chat")
	}
	e.metrics.UpdateReceived(u.Channel)
	u.Name = CleanName(u.Name)
	err := e.apply(ctx, u)
	key := u.Channel + ":" + u.ID
	if err == nil || ctx.Err() != nil {
		e.failures.forget(key)
		return err
	}
	if e.failures.add(key) < maxAttempts {
		return err
	}
	e.failures.forget(key)
	if perr := e.park(ctx, u, err); perr != nil {
		return fmt.Errorf("%w (parking it failed too: %v)", err, perr)
	}
	e.log.Error("update parked after repeated failures", "channel", u.Channel, "update", u.ID, "err", err)
	return nil
}

func (e *Engine) applyOnce(ctx context.Context, u Update) error {
	if u.UserID == "" {
		u.UserID = u.ChatID
	}
	// Only length makes a message "long": invalid bytes are dropped by
	// Clean and the rest answered without comment. An adapter that cut
	// the text itself says so (Update.Cut).
	longInput := u.Cut || utf8.RuneCountInString(u.Text) > content.MaxTextRunes
	u.Text = content.Clean(u.Text)
	u.Data = content.Clean(u.Data)
	now, start := e.now(), time.Now()
	var enqueued, applied bool
	var replied *matchNote
	var checkStarted bool
	var checkFinished string
	err := e.store.Apply(ctx, func(tx Tx) error {
		enqueued, applied, replied = false, false, nil
		checkStarted, checkFinished = false, ""
		fresh, err := tx.MarkSeen(u.Channel, u.ID, now)
		if err != nil {
			return fmt.Errorf("mark update seen: %w", err)
		}
		if u.Offset > 0 {
			if err := tx.SetOffset(u.Channel, u.Offset); err != nil {
				return fmt.Errorf("store offset: %w", err)
			}
		}
		applied = fresh
		if !fresh || (u.IsGroup && !u.Addressed && !e.awaitsDraft(tx, u, now)) || e.officersChatter(tx, u, now) {
			return nil
		}
		if u.Unfollowed {
			return unfollowed(tx, u, now)
		}
		if over, noticed, err := e.overLimit(tx, u, now); over || err != nil {
			enqueued = noticed
			return err
		}
		c := &conv{e: e, tx: tx, u: u, now: now, day: content.DateOf(now.In(e.loc))}
		if err := c.run(longInput); err != nil {
			return err
		}
		enqueued, replied = c.sent > 0, c.matched
		checkStarted, checkFinished = c.checkStarted, c.checkFinished
		return nil
	})
	if err != nil {
		return fmt.Errorf("handle %s update %s: %w", u.Channel, u.ID, err)
	}
	if applied {
		e.metrics.UpdateApplied(u.Channel, time.Since(start))
	}
	if replied != nil {
		e.metrics.Replied(replied.topic, replied.outcome, replied.score)
	}
	if checkStarted {
		e.metrics.EligibilityStarted(u.Channel)
	}
	if checkFinished != "" {
		e.metrics.EligibilityFinished(checkFinished)
	}
	if enqueued && e.wake != nil {
		e.wake()
	}
	return nil
}

// conv is one update being applied inside a transaction.
type conv struct {
	e    *Engine
	tx   Tx
	u    Update
	user User
	now  time.Time
	day  content.Date
	sent int
	// ticket is the citizen's latest ticket, nil if none.
	ticket *Ticket
	// answering: the message is text typed while the bot waited for the
	// answer to a question of its own (waitsForAnswer); the thread item it
	// makes says so (ThreadItem.Answering).
	answering bool
	// prevQuestion is the citizen's free text before this message.
	prevQuestion string
	// forOther is the other household the message asks for, as
	// otherHousehold names it ("hộ bà Lan": a village head asking for a
	// neighbour), "" for the writer's own: the writer's category does
	// not answer it, and one told for it is not the writer's.
	forOther string
	// answered is, while a matter for an officer is filed (matterGiven),
	// the question the bot answered before "Gặp cán bộ": the ticket says
	// what the answer was for.
	answered string
	// topicFromMatter: the ticket escalate may open is for a message read
	// as wanting a person (askOfficer, "/canbo …"): its topic comes from
	// that message or the answer just given, not from the dialog's last
	// topic.
	topicFromMatter bool
	// rejected is the entry the citizen said, with "Chưa đúng ý tôi" just
	// before this message, was not what they meant: not to be given again
	// for this message (rejectedAgain).
	rejected string
	// prevSeen is when the citizen wrote before this update (zero for a
	// new user).
	prevSeen time.Time
	// captured, when set, collects the replies instead of sending them: an
	// officer acting from the console reads the answer on the page.
	captured *[]string
	// matched is how the citizen's question was matched, for Metrics.
	matched *matchNote
	// checkStarted and checkFinished (the category found) report the
	// eligibility check to Metrics once the transaction has committed.
	checkStarted  bool
	checkFinished string
	// alarm is the urgent answer for a message reporting a danger; the
	// ticket reply goes under it in the same message.
	alarm *content.Entry
	// also is, with alarm or a health-advice answer, the programme entry
	// the same message asks about (content.KB.AlsoAsked), offered under
	// that answer.
	also *content.Entry
	// besides are the programme entries the other questions of the
	// message ask about (content.KB.OthersAsked), offered under the answer
	// to the first.
	besides []*content.Entry
	// between, set just before an ask-back between two readings, becomes
	// Dialog.Between when it is sent; other is the ask-back's option the
	// citizen did not pick, offered first under the answer they did.
	between []string
	other   *content.Entry
	// asked: the reply answers the citizen's own question, so it offers
	// "Chưa đúng ý tôi".
	asked bool
	// later is the version of the answer that takes over in the coming
	// year the question asks about (content.Result.Later), offered beside
	// today's answer.
	later *content.Entry
	// earlier is the version of the answer that held in the past year the
	// question asks about (content.Result.Earlier), offered beside today's
	// answer.
	earlier *content.Entry
	// notFor is the category an answer given to a household in none of
	// the categories was written for (its family has no general entry):
	// the answer says so first.
	notFor string
	// caution is the line that leads the next reply: what to call if a
	// danger the message told before its question is happening now
	// (content.KB.CautionLine).
	caution string
	// noted, when set, leads the next reply: what happened to the message
	// besides its answer ("Đã thêm số điện thoại vào yêu cầu #3 …").
	noted string
	// answeredOnTicket: the message went in the open ticket's thread and
	// the bot answers it too; the first reply sent is written in the
	// thread after it ("Bot đã trả lời: …"), as a help desk shows the
	// bot's replies in the conversation (recordAnswer).
	answeredOnTicket bool
	// trailer, when set, ends the next reply: a short line on what else
	// happened to the message ("Tin này cũng đã được ghi vào yêu cầu #1
	// …"), after the answer the citizen asked for.
	trailer string
	// again: a follow-up is answered by the answer just given; the reply
	// quotes the part it asks for (focus.go).
	again bool
	// lead is a line the next answer starts with.
	lead string
	// ageAsk: a follow-up named a person (personInFollow) whose age
	// decides the answer and is not known; the reply asks it (askAge).
	// ageAskHousehold is the household category that follow-up told.
	ageAsk, ageAskHousehold string
	// ackPending: the update is a button press not answered yet; ackText
	// and ackAlert are what the answer shows (refuseButton).
	ackPending bool
	ackText    string
	ackAlert   bool
	// private is the user's private conversation, set aside while the
	// update from a group is applied to the group's (chat.go).
	private *privateState
}

// isOfficer reports whether the sender may use officer commands.
func (c *conv) isOfficer() bool { return c.e.officers[c.u.Channel+":"+c.u.UserID] }

func (c *conv) run(longInput bool) error {
	key := UserKey{Channel: c.u.Channel, ID: c.u.UserID}
	user, err := c.tx.User(key)
	switch {
	case errors.Is(err, ErrNotFound):
		user = User{Key: key, Created: c.now}
	case err != nil:
		return err
	}
	user.ChatID = c.u.ChatID
	if !c.u.IsGroup {
		user.Private = c.u.ChatID
	}
	if c.u.Name != "" {
		user.Name = c.u.Name
	}
	// Writing to us proves the chat works again.
	user.Unreachable, user.UnreachableReason = false, ""
	c.user = user
	// The conversation is this user's in this chat (chat.go).
	if c.u.IsGroup {
		c.enterGroup(c.u.ChatID)
	}
	c.prevSeen = c.user.Dialog.Seen
	if c.prevSeen.IsZero() && !c.u.IsGroup {
		c.prevSeen = c.user.LastSeen // stored before Dialog.Seen was kept
	}
	c.user.LastSeen, c.user.Dialog.Seen = c.now, c.now

	logText := c.u.Text
	if logText == "" {
		logText = attachmentLine(c.u) // a photo or sticker alone is logged as such
	}
	// A bank account number is never kept as sent (accountRefused).
	logText = maskAccounts(logText)
	if err := c.tx.Log(LogRecord{Time: c.now, Channel: c.u.Channel, ChatID: c.u.ChatID, UserID: c.u.UserID,
		Inbound: true, UpdateID: c.u.ID, Text: logText, Data: c.u.Data}); err != nil {
		return fmt.Errorf("log inbound: %w", err)
	}
	// The button press is answered before anything else goes to the chat,
	// but only once a handler had the chance to put a text in it
	// (refuseButton): see enqueue.
	c.ackPending = c.u.CallbackID != ""
	if longInput && c.u.Data == "" {
		if err := c.reply(textTooLong, nil, logMeta{}); err != nil {
			return err
		}
	}
	// A ticket is private: a message in a group is never added to it,
	// never reopens it and never reports on it (tickets are opened in the
	// private chat only, escalate).
	if !c.u.IsGroup {
		switch t, err := c.tx.LatestTicket(key); {
		case err == nil:
			c.ticket = &t
		case !errors.Is(err, ErrNotFound):
			return err
		}
	}
	handled, err := c.attachmentToTicket()
	if err != nil {
		return err
	}
	if !handled {
		if err := c.respond(); err != nil {
			return err
		}
	}
	if err := c.flushAck(); err != nil {
		return err
	}
	if c.u.IsGroup {
		c.leaveGroup(c.u.ChatID)
	}
	return c.tx.PutUser(c.user)
}

// refuseButton answers the button press with text, shown only to the
// person who pressed it (a dialog they dismiss), and sends nothing to the
// chat: in a group, everyone would read a refusal meant for one person.
func (c *conv) refuseButton(text string) error {
	c.ackText, c.ackAlert = text, true
	return c.flushAck()
}

// flushAck enqueues the pending answer to the button press, if any.
func (c *conv) flushAck() error {
	if !c.ackPending {
		return nil
	}
	c.ackPending = false
	return c.enqueue(Delivery{Kind: KindAck, CallbackID: c.u.CallbackID, Text: c.ackText, Alert: c.ackAlert})
}

type logMeta struct {
	topic, entry string
	score        float64
}

// reply enqueues a message to the user's chat and logs it. Its buttons
// become the dialog's numbered choices.
func (c *conv) reply(text string, buttons []Button, meta logMeta) error {
	return c.replyListed(text, buttons, 0, meta)
}

// replyListed is reply for a text that already lists the first listed
// buttons with their numbers (Delivery.Listed).
func (c *conv) replyListed(text string, buttons []Button, listed int, meta logMeta) error {
	return c.send(text, buttons, listed, meta, "")
}

// replyAbout is reply for a message to an officer about a ticket that a
// reply to it acts on: ref (RefReplyPrompt, RefClosePrompt) links its
// platform message ids to the ticket once sent (TicketOutcome).
func (c *conv) replyAbout(ref TicketRef, text string, buttons []Button) error {
	return c.send(text, buttons, 0, logMeta{}, ref.String())
}

func (c *conv) send(text string, buttons []Button, listed int, meta logMeta, ref string) error {
	if c.caution != "" {
		text, c.caution = c.caution+"\n\n"+text, ""
	}
	plain := text
	if c.noted != "" {
		text, c.noted = c.noted+"\n\n"+text, ""
	}
	if c.trailer != "" {
		text, c.trailer = text+"\n\n"+c.trailer, ""
	}
	if c.captured != nil {
		*c.captured = append(*c.captured, text)
		return nil
	}
	if err := c.recordAnswer(plain, meta, listed > 0); err != nil {
		return err
	}
	if c.isOfficer() {
		text = forChannel(c.u.Channel, text)
	}
	buttons = uniqueLabels(buttons, listed)
	c.user.Dialog.Buttons, c.user.Dialog.Asking = buttons, listed > 0
	c.user.Dialog.Between, c.between = c.between, nil
	if err := c.enqueue(Delivery{Kind: KindReply, Text: text, Buttons: buttons, Listed: listed, Ref: ref}); err != nil {
		return err
	}
	return c.tx.Log(LogRecord{Time: c.now, Channel: c.u.Channel, ChatID: c.u.ChatID, UserID: c.u.UserID,
		Text: text, Topic: meta.topic, Entry: meta.entry, Score: meta.score})
}

func (c *conv) enqueue(d Delivery) error {
	if d.Kind != KindAck {
		if err := c.flushAck(); err != nil {
			return err
		}
		d.Thread = c.u.Thread
	}
	d.Channel, d.ChatID, d.UserID, d.IsGroup = c.u.Channel, c.u.ChatID, c.u.UserID, c.u.IsGroup
	d.Created, d.NotBefore = c.now, c.now
	if _, err := c.tx.Enqueue(&d); err != nil {
		return fmt.Errorf("enqueue reply: %w", err)
	}
	c.sent++
	return nil
}

// uniqueLabels drops a button whose label an earlier one has (the
// unclear message's "Gặp cán bộ" offered first and again in the menu):
// the citizen reads one choice once. The first listed buttons, numbered in
// the text, are kept as they are.
func uniqueLabels(buttons []Button, listed int) []Button {
	seen := make(map[string]bool, len(buttons))
	var out []Button
	for i, b := range buttons {
		if i >= listed && seen[b.Label] {
			if out == nil {
				out = append([]Button(nil), buttons[:i]...)
			}
			continue
		}
		seen[b.Label] = true
		if out != nil {
			out = append(out, b)
		}
	}
	if out == nil {
		return buttons
	}
	return out
}
