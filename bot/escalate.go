package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// reopenWithin is how long after closing a ticket reopens when the citizen
// writes again.
const reopenWithin = 7 * 24 * time.Hour

// escalate opens a ticket for the citizen (or adds to the active one) and
// announces it to the officers. question is the text that asked for a
// person; empty when a button did, then the last question is used.
func (c *conv) escalate(priority, question string) error {
	if c.u.IsGroup {
		// A ticket's thread and the officer's answer are personal: they
		// never go to a group.
		return c.ticketReply(textGroupPrivate, nil)
	}
	if question == "" {
		question = c.user.Dialog.LastQuestion
	}
	c.user.Dialog.Misses = 0
	if t := c.ticket; t != nil && !t.Active() && c.now.Sub(t.Closed) <= reopenWithin && !withdrawn(t) {
		c.reopen()
	}
	if t := c.ticket; t != nil && t.Active() {
		if question != "" && question != t.Question {
			// Written again after an officer's answer ("cảm ơn cán bộ,
			// thứ Hai mấy giờ ạ"): it waits for an officer again, as a
			// message followUp keeps does (backInQueue).
			c.addToThread(ItemCitizen, question)
			t.backInQueue()
		}
		if en := c.alarm; en != nil && !slices.Contains(strings.Split(t.BotAnswer, "; "), en.Title) {
			// Another danger told on the request (a fire after a medical
			// emergency): its kind is the request's too, and the thread
			// says which answer the citizen got.
			if t.BotAnswer == "" {
				t.BotAnswer = en.Title
			} else {
				t.BotAnswer += "; " + en.Title
			}
			c.addToThread(ItemBot, "Bot đã trả lời: "+en.Title)
		}
		if priority == PriorityUrgent && t.Priority != PriorityUrgent {
			t.Priority, t.Due = PriorityUrgent, c.e.due(c.now, PriorityUrgent)
		}
		if err := c.saveTicket(); err != nil {
			return err
		}
		if err := c.announce(fmt.Sprintf("🔔 Người dân nhắc lại yêu cầu #%d%s", t.ID, quoted(question)), true); err != nil {
			return err
		}
		switch {
		case t.calledBackOn(question):
			return c.ticketReply(fmt.Sprintf(textTicketPhoneAdded, t.ID), c.citizenButtons())
		case len(c.e.officerChats) == 0:
			// The long "recorded" text was told when the ticket opened.
			return c.ticketReply(fmt.Sprintf(textTicketStillRecorded, t.ID), c.citizenButtons())
		}
		return c.ticketReply(c.promise(textTicketStill, t), c.citizenButtons())
	}
	topic := c.user.Dialog.LastTopic
	if c.topicFromMatter {
		// A message read as wanting a person: its topic is the matter's
		// (below), or the programme the bot just answered, never a topic
		// left in the dialog by something else (a number read as a sum
		// filed "sdt toi 0912… ai goi lai" under electricity).
		if d := &c.user.Dialog; !(d.Recent(c.now) && d.Given != "" && d.Given == d.LastEntry && programmeTopic(topic)) {
			topic = ""
		}
	}
	t := &Ticket{
		Citizen: c.user.Key, ChatID: c.u.ChatID, Name: c.user.Name, Commune: c.user.Commune,
		Topic: topic, Question: question, Status: StatusOpen, Priority: priority,
		Created: c.now, Updated: c.now, Due: c.e.due(c.now, priority),
	}
	if t.Question == "" {
		t.Question = textNoQuestion
	}
	if t.Commune == "" {
		// "nhà tôi ở xã Tiên Du bị cháy": the commune the message names,
		// urgent or not, when the citizen declared none.
		t.Commune = communeIn(question)
	}
	// The answer the bot gave, not a reading it only asked back about
	// (LastEntry is the likeliest reading of an ask-back too).
	if d := &c.user.Dialog; d.Given == d.LastEntry {
		if en, ok := c.e.KB().Entry(d.LastEntry); ok && en.Topic != content.TopicOfficer {
			t.BotAnswer = en.Title
			q := c.answered
			if q == "" && c.topicFromMatter && d.Recent(c.now) && c.prevQuestion != "" && c.e.KB().AsksSomething(c.prevQuestion) {
				// "gọi cho tôi số …" right after a question the bot
				// answered: that question is the problem, and the
				// officer reads it as after "Gặp cán bộ".
				q = c.prevQuestion
			}
			if q != "" && q != question {
				// The matter given after "Gặp cán bộ" ("bà tôi ở thôn
				// Đông Xuyên, bà không biết chữ") leaves out what was
				// asked ("bà tôi 80 tuổi ở một mình, có được trợ cấp
				// gì không"): the officer reads both.
				t.BotAnswer += fmt.Sprintf(" (cho câu hỏi trước: «%s»)", q)
			}
		}
	}
	if p := programmeOf(c.e.KB(), question); p != "" {
		// The matter names its programme ("tôi muốn gặp cán bộ hỏi về
		// vay vốn hộ nghèo"): the ticket is filed under it, whatever the
		// bot read the message as (the officer) or answered before.
		t.Topic = p
	}
	if c.alarm != nil {
		// A danger: the ticket is about this message, answered with the
		// urgent reply, and about the programme it also asks for, not
		// about the answer given before it (a drowning filed as "Vay vốn
		// ưu đãi, bot answered: Vay vốn hộ nghèo" misleads the officer).
		t.Topic, t.BotAnswer = "", c.alarm.Title
		if c.also != nil {
			t.Topic = c.also.Topic
		}
	}
	t.Thread = append(t.Thread, ThreadItem{Time: c.now, Kind: ItemCitizen, Text: t.Question, Answering: c.answering})
	if t.BotAnswer != "" {
		t.Thread = append(t.Thread, ThreadItem{Time: c.now, Kind: ItemBot, Text: "Bot đã trả lời: " + t.BotAnswer})
	}
	c.ticket = t
	if err := c.saveTicket(); err != nil {
		return err
	}
	if err := c.announce(c.announcement(t), true); err != nil {
		return err
	}
	return c.ticketReply(c.promise(textTicketOpened, t), c.citizenButtons())
}

// followUp handles a citizen's message while they have a ticket: it is
// added to the active ticket (and officers told), or reopens a ticket
// closed less than a week ago. It reports whether the message was fully
// handled; otherwise the bot still answers it.
func (c *conv) followUp(text string, r content.Result) (bool, error) {
	t := c.ticket
	if t == nil || r.Topic == content.TopicOfficer && !repliesToOfficer(t, r) {
		return false, nil
	}
	symbols := symbolsOnly(text)
	courtesy := symbols || c.courtesy(text, r)
	// A bare "ko", "không" before any officer answered only answers the
	// bot ("Đã thêm số điện thoại …": nothing more to add): nothing for
	// the officer, kept out of the thread like a thank-you. Until
	// session 67 it was logged as the citizen's latest message. After
	// an officer's answer it may answer the officer, and is kept.
	bareNo := t.Active() && declines[choiceWords(text)] && !officerAnswered(t)
	switch {
	case t.Active():
	case courtesy || c.now.Sub(t.Closed) > reopenWithin || withdrawn(t):
		// A withdrawn request stays closed: a new matter opens a new one.
		return false, nil
	default:
		c.reopen()
	}
	switch {
	case bareNo:
		return true, c.reply(textTicketNothingMore, c.citizenButtons(), logMeta{topic: r.Topic, score: r.Score})
	case (c.courtesy(text, r) || smallTalkOf(text) == smallAck) && !officerAnswered(t):
		// "cảm ơn", "ok" before any officer answered thank the bot for
		// its receipt: there is nothing in it for the officer, and the
		// thread does not show it as a message waiting. Until session
		// 65 it was kept there. Other symbols ("👍", "x") are kept as
		// before: the citizen is told they were received (textTicketNoted).
	case courtesy:
		// Kept in the thread; the answer it thanks for stands.
		c.addToThread(ItemCitizen, text)
		t.Thread[len(t.Thread)-1].Courtesy = true
	default:
		c.addToThread(ItemCitizen, text)
		t.backInQueue()
	}
	if err := c.saveTicket(); err != nil {
		return false, err
	}
	if symbols {
		// "👍": in the thread, no alert; a short word, no ticket text.
		return true, c.reply(textTicketNoted, c.citizenButtons(), logMeta{topic: r.Topic, score: r.Score})
	}
	if courtesy {
		return false, nil // a thank-you goes in the thread; no need to alert officers
	}
	if err := c.announce(fmt.Sprintf("✉️ Người dân nhắn thêm vào yêu cầu #%d%s", t.ID, quoted(text)), true); err != nil {
		return false, err
	}
	if r.Topic == content.TopicUnknown || r.Topic == content.TopicOutOfScope || r.Topic == content.TopicSmalltalk {
		c.user.Dialog.Misses = 0
		ack := textTicketAdded
		if t.calledBackOn(text) {
			ack = textTicketPhoneAdded
		}
		return true, c.reply(fmt.Sprintf(ack, t.ID), c.citizenButtons(), logMeta{topic: r.Topic, score: r.Score})
	}
	if t.calledBackOn(text) {
		// The bot answers the question too; the citizen is told first
		// that the number reached the officer.
		c.noted = fmt.Sprintf(textTicketPhoneAdded, t.ID)
	} else {
		// The bot answers it too: the citizen is told, below the answer,
		// that it also reached the request, and the officer reads what
		// the bot answered (recordAnswer). Until session 71 it was added
		// silently.
		c.trailer = c.forwardedNote(t)
	}
	c.answeredOnTicket = true
	return false, nil
}

// forwardedNote leads the bot's answer to a message it also added to the
// open ticket t.
func (c *conv) forwardedNote(t *Ticket) string {
	if len(c.e.officerChats) == 0 {
		return fmt.Sprintf(textTicketForwardedRecorded, t.ID)
	}
	return fmt.Sprintf(textTicketForwarded, t.ID)
}

// recordAnswer writes, once, the bot's reply to a message kept in the open
// ticket (answeredOnTicket) in its thread after the message: the entry's
// title when the reply is an entry's answer, else its lines, cut; an
// ask-back (askedBack: the text lists its options) is said to be one.
// The officer sees what the citizen already read, as a help desk shows
// the bot's replies in the conversation (docs/architecture.md §1: nothing
// a citizen sent is lost, and nothing answered looks unanswered).
func (c *conv) recordAnswer(text string, meta logMeta, askedBack bool) error {
	if !c.answeredOnTicket || c.ticket == nil || !c.ticket.Active() {
		return nil
	}
	c.answeredOnTicket = false
	brief, lead := "", "Bot đã trả lời: "
	if askedBack {
		lead = "Bot đã hỏi lại: "
	} else if meta.entry != "" {
		if en, ok := c.e.KB().Entry(meta.entry); ok {
			brief = en.Title
		}
	}
	if brief == "" {
		// An ask-back, a sum, a help text: its lines, as one.
		brief = strings.Join(strings.Fields(strings.ReplaceAll(strings.TrimSpace(text), "\n", " / ")), " ")
		brief = strings.ReplaceAll(brief, "/ /", "/")
		if r := []rune(brief); len(r) > briefRunes {
			brief = strings.TrimSpace(string(r[:briefRunes])) + "…"
		}
	}
	if brief == "" {
		return nil
	}
	c.addToThread(ItemBot, lead+brief)
	return c.saveTicket()
}

// briefRunes is how much of a reply's first line the thread shows when
// the reply is no entry's answer.
const briefRunes = 120

// backInQueue puts an answered ticket back among those waiting for an
// officer: the citizen wrote again.
func (t *Ticket) backInQueue() {
	if t.Status != StatusAnswered {
		return
	}
	t.Status = StatusOpen
	if t.Assignee != "" {
		t.Status = StatusAssigned
	}
}

// reopen puts the citizen's closed ticket back in the officers' queue.
func (c *conv) reopen() {
	t := c.ticket
	t.Status, t.Closed, t.Resolution = StatusOpen, time.Time{}, ""
	if t.Assignee != "" {
		t.Status = StatusAssigned
	}
	t.Due = c.e.due(c.now, t.Priority)
	c.addToThread(ItemEvent, "Mở lại vì người dân nhắn thêm")
}

func (c *conv) addToThread(kind, text string) {
	c.ticket.Thread = append(c.ticket.Thread, ThreadItem{Time: c.now, Kind: kind, Text: text, Answering: kind == ItemCitizen && c.answering})
}

func (c *conv) saveTicket() error {
	c.ticket.Updated = c.now
	c.ticket.notePhones()
	if err := c.tx.PutTicket(c.ticket); err != nil {
		return fmt.Errorf("save ticket: %w", err)
	}
	return nil
}

// announcement is the message officers get for a new ticket: only what the
// follow-up needs.
func (c *conv) announcement(t *Ticket) string {
	var b strings.Builder
	if t.Priority == PriorityUrgent {
		b.WriteString("🚨 KHẨN CẤP — ")
	}
	fmt.Fprintf(&b, "Yêu cầu mới #%d\n", t.ID)
	fmt.Fprintf(&b, "Người dân: %s", OrDash(DisplayLine(t.Name)))
	if t.Commune != "" {
		fmt.Fprintf(&b, " (xã/phường: %s)", CommuneName(t.Commune))
	}
	fmt.Fprintf(&b, "\nKênh: %s\n", ChannelLabel(t.Citizen.Channel))
	if t.Topic != "" {
		fmt.Fprintf(&b, "Chủ đề: %s\n", TopicLabel(t.Topic))
	}
	fmt.Fprintf(&b, "Câu hỏi: %s\n", OfficerText(t.Question))
	if t.BotAnswer != "" {
		fmt.Fprintf(&b, "Bot đã trả lời: %s\n", t.BotAnswer)
	}
	fmt.Fprintf(&b, "Hạn xử lý: %s\n\nTrả lời tin này (reply) để soạn câu trả lời: tôi cho xem trước, người dân chỉ nhận khi anh/chị bấm \"Gửi\".", c.dueText(t.Due))
	return b.String()
}

// announce sends text about the current ticket to every officer chat,
// with the ticket's buttons when withButtons.
func (c *conv) announce(text string, withButtons bool) error {
	t := c.ticket
	var buttons []Button
	if withButtons {
		id := strconv.FormatUint(t.ID, 10)
		buttons = []Button{
			{Label: "Nhận xử lý", Data: dataTicket + "take:" + id},
			{Label: "Trả lời", Data: dataTicket + "reply:" + id},
			{Label: "Đóng", Data: dataTicket + "close:" + id},
		}
	}
	for _, oc := range c.e.officerChats {
		d := Delivery{Kind: KindOfficer, Channel: oc.channel, ChatID: oc.chat, IsGroup: strings.HasPrefix(oc.chat, "-"),
			Urgent: t.Priority == PriorityUrgent, Text: forChannel(oc.channel, text), Buttons: buttons, Created: c.now, NotBefore: c.now,
			Ref: TicketRef{Kind: RefAnnouncement, Ticket: t.ID}.String()}
		if _, err := c.tx.Enqueue(&d); err != nil {
			return fmt.Errorf("announce ticket %d: %w", t.ID, err)
		}
		if err := c.offerInChat(oc, buttons); err != nil {
			return err
		}
		c.sent++
	}
	return nil
}

func (c *conv) citizenButtons() []Button {
	if s := c.user.Check; s != nil && s.Paused && s.Step != stepDone {
		// The citizen left the check for an officer ("Gặp cán bộ" while
		// answering it): the way back is offered first.
		return []Button{{Label: labelCheckResume, Data: dataCheckResume}, {Label: labelMenu, Data: dataMenu}}
	}
	return []Button{{Label: labelMenu, Data: dataMenu}}
}

// dueText formats a due time for people: "17:00 ngày 02/12/2026".
func (c *conv) dueText(t time.Time) string { return t.In(c.e.loc).Format("15:04 ngày 02/01/2006") }

func quoted(s string) string {
	if s == "" {
		return ""
	}
	return ":\n«" + OfficerText(s) + "»"
}

// communeIn is the listed commune text names after "xã", "phường" or
// "thị trấn" ("ở xa Tien Du", "phường Đại Phúc"), as communes.tsv writes
// it; "" when it names none.
func communeIn(text string) string {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		start := i + 1
		switch {
		case w == "xa" || w == "phuong":
		case w == "thi" && i+1 < len(words) && words[i+1] == "tran":
			start = i + 2
		default:
			continue
		}
		for n := 3; n >= 1; n-- {
			if start+n > len(words) {
				continue
			}
			if name, ok := content.ListedCommune(strings.Join(words[start:start+n], " ")); ok {
				return name
			}
		}
	}
	return ""
}

// repliesToOfficer reports a message read as "Gặp cán bộ" sent after an
// officer answered the citizen's open request ("cảm ơn cán bộ, thứ Hai
// mấy giờ ạ"): it answers that officer, and goes in the thread like any
// other message (followUp), back in the officers' queue.
func repliesToOfficer(t *Ticket, r content.Result) bool {
	return r.Entry != nil && r.Entry.ID == personEntry && t.Active() && officerAnswered(t)
}
