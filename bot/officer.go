package bot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dataTicket prefixes officers' ticket buttons: "tk:take:12".
const dataTicket = "tk:"

// officerCommands are the officers' commands (ASCII: Telegram allows no
// other characters in command names).
var officerCommands = map[string]bool{
	"/phieu": true, "/xem": true, "/nhan": true, "/traloi": true, "/ghichu": true,
	"/dong": true, "/molai": true, "/tongket": true, "/trogiup": true,
}

// officerUpdate handles what only officers may do: ticket buttons, officer
// commands, replies to a ticket's messages (its announcement, the prompts
// of "Trả lời" and "Đóng", a preview) and the text after "Trả lời". It
// reports whether the update was handled. Anyone else trying is refused
// politely, changes nothing, and the attempt is logged.
//
// An officer's words reach a citizen only through a preview bound to the
// ticket, the officer and the chat, sent when that officer presses "Gửi"
// (draftButton), or through the console's send form for that ticket.
func (c *conv) officerUpdate() (bool, error) {
	// A citizen's own request button comes first: respond runs this
	// before reading any other button.
	if handled, err := c.askedBefore(); handled || err != nil {
		return handled, err
	}
	cmd, arg := splitCommand(c.u.Text)
	data := c.u.Data
	if data == "" && cmd == "" && c.isOfficer() {
		data = c.typedTicketChoice()
	}
	isButton := strings.HasPrefix(data, dataTicket)
	if !isButton && !officerCommands[cmd] {
		ref, replied := c.replyTarget()
		if !c.isOfficer() {
			if replied {
				// Whoever replies to a ticket's message speaks to the
				// officers, not to the bot: it is no citizen's question.
				return true, c.refuseOfficer(fmt.Sprintf("reply to %s%d", ref.Kind, ref.Ticket), ref.Ticket, textNotOfficerReply)
			}
			return false, nil
		}
		// An officer's reply to a ticket's message is a draft for that
		// ticket; text after "Trả lời" or "Đóng" in the same chat fills
		// the draft.
		if c.u.Text != "" && !strings.HasPrefix(c.u.Text, "/") {
			if replied {
				if ref.Kind == RefClosePrompt {
					return true, c.closeReply(ref.Ticket, c.u.Text)
				}
				return true, c.previewReply(ref.Ticket, c.u.Text)
			}
			return c.draftText(c.u.Text)
		}
		return false, nil
	}
	if !c.isOfficer() {
		what := cmd
		if isButton {
			what = data
		}
		text := textNotOfficer
		switch {
		case isButton:
			text = textNotOfficerButton
		case c.u.IsGroup:
			text = textNotOfficerGroup
		}
		ticket, typed := c.namedTicket(data, arg)
		if ticket == 0 && typed != 0 {
			// No such ticket: the attempt goes on none (a ticket numbered
			// so later must not inherit it), with the number typed.
			what = fmt.Sprintf("%s #%d (no such ticket)", what, typed)
		}
		return true, c.refuseOfficer(what, ticket, text)
	}
	if isButton {
		action, rest, _ := strings.Cut(strings.TrimPrefix(data, dataTicket), ":")
		idText, arg, _ := strings.Cut(rest, ":")
		id, err := strconv.ParseUint(idText, 10, 64)
		if err != nil {
			return true, c.reply(c.officerHelp(), nil, logMeta{})
		}
		switch action {
		case "take":
			return true, c.officerTake(id)
		case "reply":
			return true, c.startReply(id)
		case "close":
			return true, c.askClose(id, "")
		case "send", "edit", "cancel", "closeas":
			return true, c.draftButton(action, id, arg)
		}
		return true, c.reply(c.officerHelp(), nil, logMeta{})
	}
	return true, c.officerCommand(cmd, arg)
}

// typedTicketChoice is the officer button that the officer's text names
// as a numbered choice ("1", "số 1", "Gửi"), or "". Zalo has no inline
// buttons: its menus are numbered text (docs/platforms.md §3.4), so the
// officer types the number or the label, as a citizen does (choice.go).
// Only the buttons of the bot's latest message in this conversation count
// (Dialog.Buttons, kept current in officer chats by offerInChat), and what
// the choice does passes the same checks as the button pressed
// (draftButton: that officer, that ticket, the newest draft, not after a
// close or a takeover). A reply to a ticket's message is a draft for it,
// never a choice. Where buttons are pressed (Telegram), an officer's text
// is never taken for one.
func (c *conv) typedTicketChoice() string {
	if !numberedChoices(c.u.Channel) || c.u.Text == "" || strings.HasPrefix(c.u.Text, "/") {
		return ""
	}
	if _, replied := c.replyTarget(); replied {
		return ""
	}
	if data := c.choice(c.u.Text); strings.HasPrefix(data, dataTicket) {
		return data
	}
	return ""
}

// namedTicket is the existing ticket a refused button (data "tk:take:2")
// or command argument ("2 xong") names, so that the attempt is in that
// ticket's audit log; 0 when it names none. typed is the number given,
// whether or not such a ticket exists (0: none given).
func (c *conv) namedTicket(data, arg string) (ticket, typed uint64) {
	idText, _, _ := strings.Cut(arg, " ")
	if strings.HasPrefix(data, dataTicket) {
		_, rest, _ := strings.Cut(strings.TrimPrefix(data, dataTicket), ":")
		idText, _, _ = strings.Cut(rest, ":")
	}
	id, err := strconv.ParseUint(strings.TrimPrefix(idText, "#"), 10, 64)
	if err != nil || id == 0 {
		return 0, 0
	}
	if _, err := c.tx.Ticket(id); err != nil {
		return 0, id
	}
	return id, id
}

func splitCommand(text string) (cmd, arg string) {
	if !strings.HasPrefix(text, "/") {
		return "", ""
	}
	cmd, arg, _ = strings.Cut(text, " ")
	cmd, _, _ = strings.Cut(strings.ToLower(cmd), "@")
	return cmd, strings.TrimSpace(arg)
}

// RefusalQuiet is how long a group hears no second refusal for the same
// person (refuseOfficer): a group's messages are few (docs/platforms.md
// §1.1: 20 a minute), and new tickets' announcements must not wait behind
// an outsider's repeated commands.
const RefusalQuiet = 10 * time.Minute

// refuseOfficer refuses an officer's action to someone who is not one:
// it logs and audits what was tried (on ticket, when known) and answers
// text, with the menu only in a private chat. In a group the person is
// answered at most once per RefusalQuiet; every attempt is still logged
// and audited.
func (c *conv) refuseOfficer(what string, ticket uint64, text string) error {
	c.e.log.Warn("officer command refused", "channel", c.u.Channel, "user", c.u.UserID, "command", what)
	if err := c.tx.Audit(AuditRecord{Time: c.now, Officer: c.me(), Action: "refused", Ticket: ticket, Detail: what}); err != nil {
		return err
	}
	if c.u.CallbackID != "" {
		// A button pressed: the refusal goes in the button's answer, to
		// whoever pressed it, not as a message to the (group) chat.
		return c.refuseButton(text)
	}
	if c.u.IsGroup {
		// c.user.Dialog is this person's conversation in this group.
		if last := c.user.Dialog.Refused; !last.IsZero() && !c.now.Before(last) && c.now.Sub(last) < RefusalQuiet {
			return nil
		}
		c.user.Dialog.Refused = c.now
	}
	var menu []Button
	if text == textNotOfficer {
		menu = c.mainMenu()
	}
	return c.reply(text, menu, logMeta{})
}

// replyTarget finds the ticket whose message (announcement, prompt,
// preview) the text replies to, and what that message was: replying there
// names the ticket as surely as /traloi.
func (c *conv) replyTarget() (TicketRef, bool) {
	if c.u.ReplyTo == "" {
		return TicketRef{}, false
	}
	ref, err := c.tx.MessageRef(c.u.Channel, c.u.ChatID, c.u.ReplyTo)
	return ref, err == nil
}

// officersChatter reports whether u is chatter in an officers' chat: text
// replying to one of the bot's messages that belongs to no ticket (the
// help, a list). The platform counts a reply to the bot as addressed to
// it, but there it is talk between colleagues, ignored as a message that
// replies to nothing is (Engine.applyOnce). Commands, buttons, replies to
// a ticket's messages and the text a draft awaits are still read.
func (e *Engine) officersChatter(tx Tx, u Update, now time.Time) bool {
	if !u.IsGroup || u.ReplyTo == "" || u.Data != "" || u.CallbackID != "" || strings.HasPrefix(u.Text, "/") {
		return false
	}
	if _, ok := e.officerChat(u.Channel, u.ChatID); !ok {
		return false
	}
	if _, err := tx.MessageRef(u.Channel, u.ChatID, u.ReplyTo); !errors.Is(err, ErrNotFound) {
		return false
	}
	return !e.awaitsDraft(tx, u, now)
}

func (c *conv) officerCommand(cmd, arg string) error {
	if ok, err := c.consoleCommand(cmd); ok {
		return err
	}
	if ok, err := c.broadcastCommand(cmd, arg); ok {
		return err
	}
	if cmd == "/phieu" {
		return c.officerList(arg)
	}
	if cmd == "/tongket" {
		return c.officerSummary()
	}
	if cmd == "/trogiup" {
		return c.reply(c.officerHelp(), nil, logMeta{})
	}
	idText, rest, _ := strings.Cut(arg, " ")
	id, err := strconv.ParseUint(strings.TrimPrefix(idText, "#"), 10, 64)
	if err != nil {
		return c.reply(textOfficerNeedID+"\n\n"+c.officerHelp(), nil, logMeta{})
	}
	rest = strings.TrimSpace(rest)
	switch cmd {
	case "/xem":
		t, err := c.officerTicket(id)
		if err != nil {
			return c.officerError(id, err)
		}
		if err := c.markSeen(&t); err != nil {
			return err
		}
		return c.reply(c.describe(&t), nil, logMeta{})
	case "/nhan":
		return c.officerTake(id)
	case "/traloi":
		if rest == "" {
			return c.reply(textOfficerNeedText, nil, logMeta{})
		}
		return c.previewReply(id, rest)
	case "/ghichu":
		if rest == "" {
			return c.reply(textOfficerNeedText, nil, logMeta{})
		}
		return c.officerNote(id, rest)
	case "/dong":
		return c.askClose(id, rest)
	case "/molai":
		return c.officerReopen(id)
	}
	return c.reply(c.officerHelp(), nil, logMeta{})
}

func (c *conv) officerTicket(id uint64) (Ticket, error) { return c.tx.Ticket(id) }

func (c *conv) officerError(id uint64, err error) error {
	if errors.Is(err, ErrNotFound) {
		return c.reply(fmt.Sprintf(textOfficerNoTicket, id), nil, logMeta{})
	}
	return err
}

// change loads ticket id, applies fn, saves it and writes the audit record.
func (c *conv) change(id uint64, action, detail string, fn func(t *Ticket) error) (*Ticket, error) {
	t, err := c.tx.Ticket(id)
	if err != nil {
		return nil, err
	}
	if err := fn(&t); err != nil {
		return nil, err
	}
	t.Updated, t.Seen = c.now, c.now
	if err := c.tx.PutTicket(&t); err != nil {
		return nil, fmt.Errorf("save ticket %d: %w", id, err)
	}
	rec := AuditRecord{Time: c.now, Officer: c.u.Channel + ":" + c.u.UserID, Action: action, Ticket: id, Detail: detail}
	if err := c.tx.Audit(rec); err != nil {
		return nil, fmt.Errorf("audit %s on ticket %d: %w", action, id, err)
	}
	return &t, nil
}

func (c *conv) me() string { return c.u.Channel + ":" + c.u.UserID }

// officerTake is /nhan and "Nhận xử lý". Taking a ticket already one's
// own changes nothing. A colleague may take over a ticket another officer
// holds, as reassigning does in help-desk tools: the takeover is recorded
// as such (thread, audit detail "from <identity>") and said in this chat,
// where the group sees it, and in the other officer chats.
func (c *conv) officerTake(id uint64) error {
	cur, err := c.officerTicket(id)
	if err != nil {
		return c.officerError(id, err)
	}
	if cur.Assignee == c.me() && cur.Status != StatusClosed && !cur.Purged {
		return c.reply(fmt.Sprintf(textOfficerTookAlready, id, c.dueText(cur.Due)), ticketButtons(id), logMeta{})
	}
	prev, detail, event := cur.Assignee, "", textTookEvent
	if prev != "" {
		detail, event = "from "+prev, textTookEvent+" thay "+c.officerName(prev)
	}
	t, err := c.change(id, "take", detail, func(t *Ticket) error {
		if t.Status == StatusClosed || t.Purged {
			return errClosed
		}
		t.Assignee = c.me()
		if t.Status == StatusOpen {
			t.Status = StatusAssigned
		}
		t.Thread = append(t.Thread, ThreadItem{Time: c.now, Kind: ItemEvent, Author: c.me(), Text: event})
		return nil
	})
	if err != nil {
		return c.changeFailed(id, err)
	}
	if prev == "" {
		return c.reply(fmt.Sprintf(textOfficerTook, t.ID, c.dueText(t.Due)), ticketButtons(t.ID), logMeta{})
	}
	if err := c.tellOtherOfficerChats(id, fmt.Sprintf(textTakenOver, id, c.officerName(c.me()), c.officerName(prev))); err != nil {
		return err
	}
	return c.reply(fmt.Sprintf(textOfficerTookOver, t.ID, c.officerName(prev), c.dueText(t.Due)), ticketButtons(t.ID), logMeta{})
}

// Officer texts of /nhan and /molai beyond those in texts.go.
const (
	textOfficerTookAlready = "Anh/chị đã nhận xử lý phiếu #%d rồi. Hạn xử lý: %s."
	textOfficerTookOver    = "Đã nhận xử lý phiếu #%d thay %s. Hạn xử lý: %s."
	textTakenOver          = "🔁 Phiếu #%d: %s đã nhận xử lý thay %s."
	textOfficerNotClosed   = "Phiếu #%d chưa đóng."
)

var (
	errClosed    = errors.New("ticket is closed")
	errNotClosed = errors.New("ticket is not closed")
)

// closeEventPrefix begins the thread's line for closing a ticket.
const closeEventPrefix = "Đóng: "

// textTookEvent is the thread's line for "Nhận xử lý"; a takeover adds
// " thay <previous officer>".
const textTookEvent = "Cán bộ nhận xử lý"

func (c *conv) changeFailed(id uint64, err error) error {
	if errors.Is(err, errClosed) {
		return c.reply(fmt.Sprintf(textOfficerClosed, id, id), nil, logMeta{})
	}
	if errors.Is(err, errNotClosed) {
		return c.reply(fmt.Sprintf(textOfficerNotClosed, id), ticketButtons(id), logMeta{})
	}
	return c.officerError(id, err)
}

// officerReply sends an officer's answer to the citizen on the citizen's
// own channel, signed with the role, never the officer's name. It is
// called only once the officer confirmed that text for that ticket: "Gửi"
// under the preview, or the console's send form. A closed ticket is
// refused.
func (c *conv) officerReply(id uint64, text string) error {
	t, err := c.change(id, "reply", text, func(t *Ticket) error {
		// A closed ticket is reopened explicitly (/molai), never by an
		// answer that would leave its result in place.
		if t.Purged || t.Status == StatusClosed {
			return errClosed
		}
		if t.Assignee == "" {
			t.Assignee = c.me()
		}
		t.Status = StatusAnswered
		t.ContactNeeded, t.ContactReason = false, ""
		t.Thread = append(t.Thread, ThreadItem{Time: c.now, Kind: ItemOfficer, Author: c.me(), Text: text})
		return nil
	})
	if err != nil {
		return c.changeFailed(id, err)
	}
	d := Delivery{Kind: KindOfficer, Channel: t.Citizen.Channel, ChatID: t.ChatID, UserID: t.Citizen.ID,
		Text: fmt.Sprintf(textOfficerAnswer, t.ID, text), Buttons: []Button{{Label: labelMenu, Data: dataMenu}},
		Created: c.now, NotBefore: c.now, Ref: TicketRef{Kind: RefAnswer, Ticket: t.ID}.String()}
	if _, err := c.tx.Enqueue(&d); err != nil {
		return fmt.Errorf("enqueue answer to ticket %d: %w", id, err)
	}
	if err := c.offerTo(t.Citizen, d.Buttons); err != nil {
		return fmt.Errorf("answer to ticket %d: %w", id, err)
	}
	c.sent++
	if err := c.tellOtherOfficerChats(t.ID, fmt.Sprintf(textAnsweredElsewhere, t.ID, c.officerName(c.me()), text)); err != nil {
		return err
	}
	return c.reply(fmt.Sprintf(textOfficerSent, t.ID), ticketButtons(t.ID), logMeta{})
}

func (c *conv) officerNote(id uint64, text string) error {
	_, err := c.change(id, "note", text, func(t *Ticket) error {
		t.Thread = append(t.Thread, ThreadItem{Time: c.now, Kind: ItemNote, Author: c.me(), Text: text})
		return nil
	})
	if err != nil {
		return c.changeFailed(id, err)
	}
	return c.reply(fmt.Sprintf(textOfficerNoted, id), nil, logMeta{})
}

func (c *conv) officerClose(id uint64, resolution string) error {
	if resolution == "" {
		resolution = "Đã xử lý"
	}
	_, err := c.change(id, "close", resolution, func(t *Ticket) error {
		if t.Status == StatusClosed {
			return errClosed
		}
		t.Status, t.Closed, t.Resolution = StatusClosed, c.now, resolution
		t.Thread = append(t.Thread, ThreadItem{Time: c.now, Kind: ItemEvent, Author: c.me(), Text: closeEventPrefix + resolution})
		return nil
	})
	if err != nil {
		return c.changeFailed(id, err)
	}
	if err := c.tellOtherOfficerChats(id, fmt.Sprintf(textClosedElsewhere, id, c.officerName(c.me()), resolution)); err != nil {
		return err
	}
	return c.reply(fmt.Sprintf(textOfficerClosedOK, id), nil, logMeta{})
}

func (c *conv) officerReopen(id uint64) error {
	t, err := c.change(id, "reopen", "", func(t *Ticket) error {
		if t.Purged {
			return errClosed
		}
		if t.Status != StatusClosed {
			return errNotClosed
		}
		t.Status, t.Closed, t.Resolution = StatusOpen, time.Time{}, ""
		if t.Assignee != "" {
			t.Status = StatusAssigned
		}
		t.Due = c.e.due(c.now, t.Priority)
		t.Thread = append(t.Thread, ThreadItem{Time: c.now, Kind: ItemEvent, Author: c.me(), Text: "Cán bộ mở lại"})
		return nil
	})
	if err != nil {
		return c.changeFailed(id, err)
	}
	return c.reply(fmt.Sprintf(textOfficerReopened, t.ID, c.dueText(t.Due)), ticketButtons(t.ID), logMeta{})
}

func ticketButtons(id uint64) []Button {
	s := strconv.FormatUint(id, 10)
	return []Button{{Label: "Trả lời", Data: dataTicket + "reply:" + s}, {Label: "Đóng", Data: dataTicket + "close:" + s}}
}

// markSeen records that an officer read the whole ticket (/xem), so the
// citizen can be told their last message was seen.
func (c *conv) markSeen(t *Ticket) error {
	t.Seen = c.now
	if err := c.tx.PutTicket(t); err != nil {
		return fmt.Errorf("mark ticket %d seen: %w", t.ID, err)
	}
	return nil
}
