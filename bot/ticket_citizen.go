package bot

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// Knowledge-base entries with a behaviour of their own.
const (
	// personEntry is "gặp cán bộ" with nothing else said: the bot asks what
	// the matter is before opening a ticket, so the officer reads it.
	personEntry = "officer-talk-to-person"
	// statusEntry is the citizen asking about their own ticket.
	statusEntry = "officer-ticket-status"
	// officeHoursEntry answers the commune office's hours and address: it
	// is answered like a programme's entry, not filed as a request.
	officeHoursEntry = "officer-office-hours"
	// cannotTypeEntry is a citizen who finds typing or answering hard:
	// during the eligibility check, the question's help answers it.
	cannotTypeEntry = "officer-cannot-type"
)

// closingEntries are the small-talk entries that end a conversation.
var closingEntries = map[string]bool{"chat-thanks": true, "chat-goodbye": true}

// awaitQuestion: the bot asked "Ông/bà cần hỏi việc gì?" and the next text
// is the question the ticket carries.
const awaitQuestion = "ticket:question"

// dataAskedBefore is the "Gửi câu vừa hỏi" button under the question for
// the matter: the question the bot just failed to answer becomes it.
const dataAskedBefore = "o:q"

// AskedBeforeWindow is how recent an unanswered question must be for the
// bot to offer it as the matter of a request ("Gửi câu vừa hỏi").
const AskedBeforeWindow = 10 * time.Minute

// Citizen texts about tickets.
const (
	// textMatterBot answers, while the bot waits for a request's matter,
	// a question whether it is a person.
	textMatterBot = "Dạ, tôi là Trợ lý An sinh, trả lời tự động, không phải người thật. Ông/bà gõ việc cần hỏi, tôi sẽ chuyển ngay cho cán bộ xã (người thật) trả lời."
	textAskMatter = "Ông/bà cần hỏi việc gì? Ông/bà gõ câu hỏi hoặc kể ngắn gọn sự việc, tôi sẽ chuyển ngay cho cán bộ xã."
	// labelAskedBefore offers the unanswered question just asked as the
	// request's matter.
	labelAskedBefore = "Gửi câu vừa hỏi"
	// textMatterDontKnow answers "không biết" given as the matter: what to
	// write, with examples; the bot still waits for it.
	textMatterDontKnow = "Dạ, không sao ạ. Ông/bà kể ngắn gọn việc nhà mình đang cần, ví dụ: \"nhà tôi bị loại khỏi danh sách hộ nghèo\" hoặc \"thẻ BHYT của mẹ tôi hết hạn\". Tôi sẽ chuyển cho cán bộ xã."
	// textDelayLead leads a programme's answer to a complaint that an
	// application filed waits with no answer.
	textDelayLead = "Hồ sơ đã nộp mà lâu chưa thấy trả lời: ông/bà bấm \"Gặp cán bộ\", tôi sẽ chuyển câu này cho cán bộ xã kiểm tra giúp."
	// textDelayOffer answers that complaint when the matcher read it as
	// a question about the citizen's request to the bot.
	textDelayOffer     = "Dạ, hồ sơ nộp ở xã đang đến bước nào thì cán bộ xã mới kiểm tra được. Ông/bà bấm \"Gặp cán bộ\", tôi sẽ chuyển câu này cho cán bộ xã."
	textNoTicket       = "Ông/bà chưa gửi yêu cầu nào cho cán bộ xã. Nếu cần hỏi cán bộ, ông/bà bấm \"Gặp cán bộ\" và ghi rõ việc cần hỏi."
	textTicketRecorded = "Tôi đã ghi lại yêu cầu của ông/bà (số #%d) trong sổ yêu cầu của Trợ lý An sinh. Hiện chưa có cán bộ trực trên kênh này nên tôi chưa hẹn được ngày trả lời. Ông/bà có thể đến bộ phận một cửa của UBND xã/phường trong giờ hành chính để được giải đáp trực tiếp."
	textStatusLine     = "Yêu cầu #%d của ông/bà (gửi %s): %s."
	textStatusDue      = "Hạn trả lời: chậm nhất %s."
	textStatusSeen     = "Cán bộ đã xem tin nhắn cuối của ông/bà (lúc %s)."
	textStatusNotSeen  = "Cán bộ chưa xem tin nhắn cuối của ông/bà (gửi lúc %s)."
	// textStatusRecorded is the status's second line with no officer chat
	// configured: shorter than textTicketRecorded, told once when the
	// ticket was opened.
	textStatusRecorded = "Chưa có cán bộ trực trên kênh này nên chưa có hạn trả lời; ông/bà có thể đến bộ phận một cửa của UBND xã/phường trong giờ hành chính."
	// textOfficerOffer answers "không biết" said outside any flow: the
	// bot asks whether an officer is wanted rather than filing a ticket.
	textOfficerOffer = "Dạ, không sao ạ. Ông/bà có muốn gặp cán bộ xã không? Nếu có, ông/bà bấm \"Gặp cán bộ\"; hoặc chọn một mục dưới đây."
	// Short acknowledgements of a message added to an open ticket.
	textTicketAdded      = "Đã thêm vào yêu cầu #%d."
	textTicketPhoneAdded = "Đã thêm số điện thoại vào yêu cầu #%d để cán bộ gọi lại."
	textTicketNoted      = "Dạ, tôi đã nhận được ạ."
	// A message added to an open ticket that the bot answers too: the
	// line before the answer.
	textTicketForwarded         = "📝 Tôi đã chuyển thêm tin này cho cán bộ xã (yêu cầu #%d), kèm câu trả lời trên."
	textTicketForwardedRecorded = "📝 Tôi đã ghi thêm tin này vào yêu cầu #%d để cán bộ xã xem, kèm câu trả lời trên."
	// textMatterAnswered leads the bot's own answer to a matter it
	// filed: the officer still follows up.
	textMatterAnswered = "Câu trả lời của tôi (cán bộ xã sẽ trả lời thêm):"
	// textTicketNothingMore answers a bare "không" to an open request:
	// nothing is added.
	textTicketNothingMore = "Dạ vâng ạ. Khi cần thêm gì, ông/bà cứ nhắn cho tôi."
	// textTicketStillRecorded answers another request for an officer
	// while a ticket is open and no officer chat is configured.
	textTicketStillRecorded = "Yêu cầu #%d của ông/bà đã được ghi lại và đang chờ cán bộ xã; tôi đã ghi thêm tin nhắn này vào yêu cầu."
	// A bare request for an officer with a request open (alreadyOpen):
	// what stands, and an invitation to type what to pass on.
	textTicketOpenAlready  = "Yêu cầu #%d của ông/bà đã được chuyển đến cán bộ xã và %s. Cán bộ sẽ trả lời ngay trong cuộc trò chuyện này, chậm nhất %s.\n\nÔng/bà muốn nhắn thêm gì cho cán bộ thì cứ gõ, tôi sẽ chuyển."
	textOpenWaiting        = "đang chờ cán bộ nhận"
	textOpenTaken          = "cán bộ đã nhận, đang xử lý"
	textTicketOpenAnswered = "Cán bộ xã đã trả lời yêu cầu #%d của ông/bà trong cuộc trò chuyện này.\n\nÔng/bà muốn nhắn thêm gì cho cán bộ thì cứ gõ, tôi sẽ chuyển."
	textTicketOpenRecorded = "Yêu cầu #%d của ông/bà đã được ghi lại và đang chờ cán bộ xã.\n\nÔng/bà muốn nhắn thêm gì cho cán bộ thì cứ gõ, tôi sẽ ghi thêm vào yêu cầu."
	// textOfficerNudged reminds the officers of a request whose citizen
	// asked for an officer again, naming nothing new.
	textOfficerNudged = "🔔 Người dân hỏi lại về yêu cầu #%d: muốn gặp cán bộ, chưa nhắn thêm nội dung."
)

// citizenStatus is how a ticket's status reads to the citizen.
var citizenStatus = map[TicketStatus]string{
	StatusOpen:     "đang chờ cán bộ nhận",
	StatusAssigned: "cán bộ đã nhận và đang xử lý",
	StatusAnswered: "cán bộ đã trả lời",
	StatusClosed:   "đã xử lý xong",
}

// askOfficer handles a message the matcher read as wanting a person. A
// bare "gặp cán bộ" (or "alo có ai không") opens no ticket: the bot asks
// what the matter is, unless the citizen has a ticket running or asked a
// question just before; a question about their own ticket gets its status.
func (c *conv) askOfficer(priority, text string, en *content.Entry) error {
	t := c.ticket
	switch {
	case en != nil && en.ID == statusEntry && (t == nil || !t.Active()) && priority != PriorityUrgent && applicationDelay(text):
		// "tôi nộp hồ sơ xin trợ cấp cho mẹ từ tháng 8 mà chưa thấy trả
		// lời" asks about an application filed at the commune, not about
		// a request to the bot: only an officer can look it up, and "Gặp
		// cán bộ" sends it (personWanted).
		return c.reply(textDelayOffer, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicOfficer, entry: statusEntry})
	case en != nil && en.ID == statusEntry:
		return c.answerStatus(text)
	case priority != PriorityUrgent && t != nil && t.Active() && asksWhen(text):
		// "khi nào cán bộ gọi lại cho tôi" with a request open: its status.
		return c.answerStatus(text)
	case priority != PriorityUrgent && en != nil && en.ID == cannotTypeEntry && !c.e.KB().AsksSomething(text):
		// "không biết", "tôi không biết gõ chữ": an officer is offered,
		// not filed for.
		return c.offerOfficer()
	case priority != PriorityUrgent && (t == nil || !t.Active()) && !c.user.Dialog.Recent(c.now) && onlyCallBack(text) && !c.u.IsGroup:
		// "sdt của tôi 0912… gọi lại cho tôi": the number is kept and
		// the matter asked first (privacy_id.go).
		d := &c.user.Dialog
		d.CallBack, d.Awaiting, d.Misses = text, awaitQuestion, 0
		d.LastQuestion = c.prevQuestion
		return c.reply(textPhoneKept+" "+textAskMatter, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicOfficer})
	case priority == PriorityUrgent, en == nil || en.ID != personEntry, c.e.KB().AsksSomething(text):
		c.topicFromMatter = true
		return c.escalate(priority, text)
	}
	return c.personWanted()
}

// answerStatus answers text, a question about the citizen's request,
// with its status. The question goes in the open request's thread: one
// that says more is passed on (keepWithStatus); one that only asks how it
// stands is kept after the status is told (keepStatusAsked), so that the
// status speaks of the message before it.
func (c *conv) answerStatus(text string) error {
	kept, err := c.keepWithStatus(text)
	if err != nil {
		return err
	}
	if err := c.ticketStatus(); err != nil {
		return err
	}
	if kept {
		return nil
	}
	return c.keepStatusAsked(text)
}

// keepStatusAsked adds text, a question that only asks how the citizen's
// open request stands ("phiếu của tôi thế nào", "cán bộ trả lời chưa"),
// to its thread as the citizen's message, so the officer sees they asked;
// no alert is sent (the status was told). Asked again while the last item
// is such a question less than NudgeEvery old, as a bare "gặp cán bộ"
// repeated nudges at most that often (nudgeDue), it is not added again.
// Asked of an answered request, it awaits no answer of its own: the
// answer it asks about is there (Courtesy). Until session 65 such a
// question was told the status and kept nowhere.
func (c *conv) keepStatusAsked(text string) error {
	t := c.ticket
	if c.u.IsGroup || t == nil || !t.Active() || statusCommands[choiceWords(text)] {
		return nil
	}
	if n := len(t.Thread); n > 0 {
		last := t.Thread[n-1]
		if last.Kind == ItemCitizen && c.now.Sub(last.Time) < NudgeEvery && c.asksStatus(last.Text) {
			return nil
		}
	}
	c.addToThread(ItemCitizen, text)
	t.Thread[len(t.Thread)-1].Courtesy = t.Status == StatusAnswered
	return c.saveTicket()
}

// statusCommands are whole messages (choiceWords) that open the
// citizen's requests as a menu item would ("danh sách yêu cầu"): a
// command, not a message for the officer, kept out of the thread (until
// session 67 it was logged as the citizen's latest message, tester s67
// R10, c25).
var statusCommands = setOf("danh sach yeu cau", "xem danh sach yeu cau", "xem yeu cau", "yeu cau cua toi",
	"xem yeu cau cua toi", "danh sach phieu", "xem phieu", "phieu cua toi", "xem phieu cua toi", "kiem tra yeu cau",
	"tra cuu yeu cau", "xem lai yeu cau")

// asksStatus reports whether text only asks how the citizen's request
// stands, as askOfficer reads it.
func (c *conv) asksStatus(text string) bool {
	if saysMore(c.e.KB(), text) {
		return false
	}
	r := c.e.KB().Match(text, c.day)
	return !r.Urgent && (r.Entry != nil && r.Entry.ID == statusEntry || asksWhen(text))
}

// keepWithStatus adds text, a question answered with the status of the
// citizen's open request, to that request's thread when it says more than
// "how is my request": a phone number, or a programme ("tôi muốn hỏi hồ
// sơ xin trợ cấp của mẹ tôi đến đâu rồi, SĐT …"). Such a message was
// answered with the status alone and lost to the officer.
// Any message that says more than the question (saysMore) is kept: until
// session 64 "so cmnd 123456789 cua toi sai", read as a question about
// the request, was answered with the status and kept nowhere.
// It reports whether text was added.
func (c *conv) keepWithStatus(text string) (bool, error) {
	t := c.ticket
	if t == nil || !t.Active() || !saysMore(c.e.KB(), text) {
		return false, nil
	}
	c.addToThread(ItemCitizen, text)
	t.backInQueue()
	if err := c.saveTicket(); err != nil {
		return true, err
	}
	if t.calledBackOn(text) {
		c.noted = fmt.Sprintf(textTicketPhoneAdded, t.ID)
	} else {
		c.noted = fmt.Sprintf(textTicketAdded, t.ID)
	}
	return true, c.announce(fmt.Sprintf("✉️ Người dân nhắn thêm vào yêu cầu #%d%s", t.ID, quoted(text)), true)
}

// saysMore reports whether text, read as a question about the citizen's
// request, says more than that: a phone number, a programme, a number of
// six digits or more (an ID card's, a household book's) or more than ten
// words.
func saysMore(kb *content.KB, text string) bool {
	if hasPhone(text) || programmeOf(kb, text) != "" || len(strings.Fields(text)) > 10 {
		return true
	}
	run := 0
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			if run++; run >= 6 {
				return true
			}
		case r == ' ' || r == '.' || r == '-':
		default:
			run = 0
		}
	}
	return false
}

// phoneWords name a phone ("số điện thoại", "sđt"), folded: their "điện"
// is no electricity.
var phoneWords = foldAll("số điện thoại", "so dien thoai", "điện thoại", "sđt", "sdt", "đt", "dt", "dthoai")

// programmeOf is the programme text names (content.KB.ProgrammeNamed),
// with the words for a phone left out: the knowledge base reads "sdt"
// as "số điện thoại", whose "điện" names the electricity subsidy, so "sdt
// toi 0912… ai goi lai giup voi" was filed under "Hỗ trợ tiền điện".
func programmeOf(kb *content.KB, text string) string {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	f := " " + strings.Join(words, " ") + " "
	for _, w := range phoneWords {
		for strings.Contains(f, " "+w+" ") {
			f = strings.Replace(f, " "+w+" ", " ", 1)
		}
	}
	return kb.ProgrammeNamed(strings.TrimSpace(f))
}

// personWanted is a request for a person that names no matter ("Gặp cán
// bộ" pressed or typed, /canbo): the bot asks what the officer should help
// with, and the next message is the request's matter (matterGiven); with a
// request open, the citizen is told so (alreadyOpen). A request closed
// less than reopenWithin ago is reopened by the matter, as by any message
// (escalate). When
// the question just before (within AskedBeforeWindow) got no answer and
// says what it is about, a "Gửi câu vừa hỏi" button makes it the matter.
// Until session 61 the question before, when the bot had answered it, was
// filed at once: the officer got the question the bot had already
// answered, not what the citizen still needed.
func (c *conv) personWanted() error {
	if c.u.IsGroup {
		return c.escalate(PriorityNormal, "") // refused there: tickets are private
	}
	if t := c.ticket; t != nil && t.Active() {
		return c.alreadyOpen()
	}
	// "alo" then "có ai không" is no matter for an officer.
	q := c.prevQuestion
	just := q != "" && !c.prevSeen.IsZero() && !c.now.Before(c.prevSeen) &&
		c.now.Sub(c.prevSeen) <= AskedBeforeWindow && c.e.KB().AsksSomething(q)
	if just && (c.user.Dialog.Asking || applicationDelay(q)) {
		// The officer chosen among the options the bot listed about that
		// question (the ask-back between readings, "Chưa đúng ý tôi"):
		// the citizen has said the question is the matter. So has one
		// who told that an application waits at the commune with no
		// answer, whom the bot told to press "Gặp cán bộ" to send it
		// (textDelayLead, textDelayOffer).
		return c.escalate(PriorityNormal, q)
	}
	buttons := []Button{{Label: labelMenu, Data: dataMenu}}
	if just && c.user.Dialog.Misses > 0 {
		// A question the bot could not answer: one tap sends it.
		buttons = append([]Button{{Label: labelAskedBefore, Data: dataAskedBefore}}, buttons...)
	}
	c.user.Dialog.LastQuestion = c.prevQuestion
	c.user.Dialog.Awaiting = awaitQuestion
	c.user.Dialog.Misses = 0
	return c.reply(textAskMatter, buttons, logMeta{topic: content.TopicOfficer})
}

// alreadyOpen answers a request for a person that names no matter while
// the citizen's request is open: its number, where it stands and when the
// answer is due, and that whatever they type next is passed on. Until
// session 62 the words ("gặp cán bộ", or with /canbo and the button the
// last message, again) went in the thread as the citizen's message and
// alerted the officers each time. Now the officers are reminded, with a
// NudgeEvent in the thread, only when they heard nothing of the request
// for NudgeEvery (nudgeDue).
func (c *conv) alreadyOpen() error {
	t := c.ticket
	c.user.Dialog.Misses = 0
	if err := c.nudgeIfDue(); err != nil {
		return err
	}
	var text string
	switch {
	case len(c.e.officerChats) == 0:
		text = fmt.Sprintf(textTicketOpenRecorded, t.ID)
	case t.Status == StatusAnswered:
		text = fmt.Sprintf(textTicketOpenAnswered, t.ID)
	default:
		state := textOpenWaiting
		if t.Status == StatusAssigned {
			state = textOpenTaken
		}
		text = fmt.Sprintf(textTicketOpenAlready, t.ID, state, c.dueText(t.Due))
	}
	return c.ticketReply(text, c.citizenButtons())
}

// nudgeIfDue reminds the officers of the open ticket, with a NudgeEvent
// in its thread, when the citizen asks for a person again and they heard
// nothing of it for NudgeEvery (nudgeDue).
func (c *conv) nudgeIfDue() error {
	if !c.nudgeDue() {
		return nil
	}
	c.addToThread(ItemEvent, NudgeEvent)
	if err := c.saveTicket(); err != nil {
		return err
	}
	return c.announce(fmt.Sprintf(textOfficerNudged, c.ticket.ID), true)
}

// nudgeDue reports whether the officers last heard of the open ticket
// NudgeEvery or more before now: its opening, the citizen's last message
// in it (each is announced; a thank-you is not) and the last NudgeEvent
// all count. Right after the request was sent, or while the citizen keeps
// writing, a bare "gặp cán bộ" has nothing to remind them of.
func (c *conv) nudgeDue() bool {
	t := c.ticket
	last := t.Created
	for _, it := range t.Thread {
		if it.Time.After(last) && (it.Kind == ItemCitizen && !it.Courtesy || it.Kind == ItemEvent && it.Author == "" && it.Text == NudgeEvent) {
			last = it.Time
		}
	}
	return c.now.Sub(last) >= NudgeEvery
}

// askedBefore handles "Gửi câu vừa hỏi" (pressed, or its number typed on
// Zalo): while the bot waits for the matter, the question asked before is
// filed as it. A press once the bot no longer waits (the matter was typed,
// or the request sent) asks for the matter again, or adds to the request
// open, as "Gặp cán bộ" does; it never files the old question twice.
func (c *conv) askedBefore() (bool, error) {
	data := c.u.Data
	if data == "" && c.u.Text != "" && c.user.Dialog.Awaiting == awaitQuestion {
		data = c.choice(c.u.Text)
	}
	if data != dataAskedBefore {
		return false, nil
	}
	q := c.user.Dialog.LastQuestion
	if c.user.Dialog.Awaiting != awaitQuestion || q == "" {
		c.prevQuestion = ""
		return true, c.personWanted()
	}
	return c.matterGiven(q)
}

// matterGiven takes the citizen's answer to "Ông/bà cần hỏi việc gì?" as
// the ticket's question; another bare "gặp cán bộ" is asked again.
func (c *conv) matterGiven(text string) (bool, error) {
	kb := c.e.KB()
	r := kb.Match(text, c.day)
	if r.Urgent {
		c.user.Dialog.Awaiting = ""
		return false, nil // a danger gets the urgent reply and ticket, as anywhere else
	}
	if r.Entry != nil && r.Entry.ID == statusEntry && !aboutApplication(text) {
		// "phiếu của tôi thế nào": a question about a request, not one
		// to file (a ticket whose matter asks about itself). An
		// application filed at the commune with no answer yet ("tôi nộp
		// hồ sơ … mà chưa thấy trả lời") is the matter to file.
		c.user.Dialog.Awaiting = ""
		return true, c.ticketStatus()
	}
	if dontKnow(text) {
		// "không biết" is no matter an officer can answer: say what to
		// write, and keep waiting for it.
		return true, c.reply(textMatterDontKnow, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicOfficer})
	}
	if declinesMatter(text) {
		// "ko", "hỏi thôi", "ko, tôi hỏi thôi": no request is wanted
		// (until session 63 the words became the request's question).
		c.user.Dialog.Awaiting = ""
		return true, c.reply(textCancelledMatter, c.mainMenu(), logMeta{topic: content.TopicOfficer})
	}
	if asksIfBot(text) {
		// "bot có phải người thật không": what the bot is, and that the
		// matter typed next goes to a person; the question stays open.
		// Until session 63 the question was asked again each time.
		return true, c.reply(textMatterBot, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicOfficer})
	}
	if r.Entry != nil && r.Entry.ID == personEntry && !kb.AsksSomething(text) && !c.toldBeside(text) || smallTalkOf(text) != smallNone || choiceNumber(text) > 0 {
		// Another "gặp cán bộ", small talk the matcher does not read as
		// such ("cho em hỏi chút", "👍"), or a bare number ("10", a
		// menu's choice not on this reply; until session 63 filed as
		// the question): no matter yet.
		return true, c.reply(textAskMatter, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicOfficer})
	}
	// Small talk is no matter for an officer: thanks or a goodbye end the
	// request with nothing sent; a greeting or "vâng" is asked again.
	if r.Topic == content.TopicSmalltalk && !kb.AsksSomething(text) {
		if r.Entry != nil && closingEntries[r.Entry.ID] {
			c.user.Dialog.Awaiting = ""
			return true, c.reply(textCancelledMatter, c.mainMenu(), logMeta{topic: content.TopicOfficer})
		}
		return true, c.reply(textAskMatter, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicOfficer})
	}
	c.user.Dialog.Awaiting = ""
	c.answered = c.user.Dialog.LastQuestion // the question before "Gặp cán bộ" (personWanted)
	c.user.Dialog.LastQuestion = text
	// The ticket is about the matter given, which the bot did not answer:
	// its topic is the matter's reading. A programme's answer the bot gave
	// just before stays as what the bot answered (and the topic when the
	// matter names no programme), so the officer knows what the citizen
	// had read; anything else before (a greeting, say) is not shown.
	if d := &c.user.Dialog; !d.Recent(c.now) || !programmeTopic(d.LastTopic) {
		d.LastTopic, d.LastEntry = "", ""
	}
	if programmeTopic(r.Topic) {
		c.user.Dialog.LastTopic = r.Topic
	}
	if cb := c.user.Dialog.CallBack; cb != "" {
		// The phone given before the matter was asked goes with it.
		text += "\n" + cb
		c.user.Dialog.CallBack = ""
	}
	en := r.Entry
	if en == nil || r.Urgent || r.Alarm != "" || len(r.Ambiguous) > 1 || !programmeTopic(r.Topic) || !programmeTopic(en.Topic) || c.captured != nil {
		return true, c.escalate(PriorityNormal, text)
	}
	// A question the bot knows the answer to ("hộ nghèo được vay bao
	// nhiêu"): filed, and answered at once in the same message, below the
	// receipt; the officer follows up and reads what the bot answered
	// (recordAnswer). Until session 71 only the receipt was sent, at
	// night with no officer on duty too (QA pass 71 #17).
	var receipt []string
	c.captured = &receipt
	err := c.escalate(PriorityNormal, text)
	c.captured = nil
	if err != nil {
		return true, err
	}
	if c.ticket == nil || !c.ticket.Active() || len(receipt) != 1 {
		for _, r := range receipt {
			if err := c.reply(r, c.citizenButtons(), logMeta{topic: content.TopicOfficer}); err != nil {
				return true, err
			}
		}
		return true, nil
	}
	c.noted, c.answeredOnTicket = receipt[0]+"\n\n"+textMatterAnswered, true
	return true, c.give(en, r.Score)
}

// toldBeside reports whether text, which the matcher reads whole as a
// request for a person, tells something beside it: a clause of
// storyClauseWords words or more that alone reads as neither that request
// nor small talk ("nhà tôi có mẹ già 80 tuổi nằm liệt, tôi muốn cán bộ xã
// xuống nhà xem hoàn cảnh"). Such an answer to "Ông/bà cần hỏi việc gì?"
// is the matter; until session 70 it was asked for again, as a bare "gặp
// cán bộ" is.
func (c *conv) toldBeside(text string) bool {
	kb := c.e.KB()
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.;!?\n", r) }) {
		if len(strings.Fields(part)) < storyClauseWords {
			continue
		}
		r := kb.Match(part, c.day)
		if r.Urgent || r.Topic == content.TopicSmalltalk || r.Entry != nil && r.Entry.ID == personEntry || smallTalkOf(part) != smallNone {
			continue
		}
		return true
	}
	return false
}

// storyClauseWords is the fewest words of a clause toldBeside counts:
// "dạ vâng", "xin chào" are courtesy.
const storyClauseWords = 4

// programmeTopic reports whether topic is a programme's, not small talk,
// the officer, out of scope or unknown.
func programmeTopic(topic string) bool {
	switch topic {
	case "", content.TopicUnknown, content.TopicSmalltalk, content.TopicOfficer, content.TopicOutOfScope, content.TopicReminders:
		return false
	}
	return true
}

// ticketStatus tells the citizen where their latest ticket stands: status,
// due date and whether an officer has seen their last message.
func (c *conv) ticketStatus() error {
	t := c.ticket
	if t == nil {
		return c.reply(textNoTicket, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicOfficer, entry: statusEntry})
	}
	text := fmt.Sprintf(textStatusLine, t.ID, c.dueText(t.Created), citizenStatus[t.Status])
	if t.Active() {
		if len(c.e.officerChats) == 0 {
			text += "\n" + textStatusRecorded
		} else {
			text += "\n" + fmt.Sprintf(textStatusDue, c.dueText(t.Due))
		}
	}
	if last, ok := lastCitizenItem(t); ok {
		if !t.Seen.IsZero() && !t.Seen.Before(last.Time) {
			text += "\n" + fmt.Sprintf(textStatusSeen, c.dueText(t.Seen))
		} else {
			text += "\n" + fmt.Sprintf(textStatusNotSeen, c.dueText(last.Time))
		}
	}
	return c.reply(text, c.citizenButtons(), logMeta{topic: content.TopicOfficer, entry: statusEntry})
}

// lastCitizenItem is the citizen's last message in t's thread that awaits
// an answer: a thank-you kept there (Courtesy) is none.
func lastCitizenItem(t *Ticket) (ThreadItem, bool) {
	for i := len(t.Thread) - 1; i >= 0; i-- {
		if t.Thread[i].Kind == ItemCitizen && !t.Thread[i].Courtesy {
			return t.Thread[i], true
		}
	}
	return ThreadItem{}, false
}

// promise is what the citizen is told about when an answer will come: a
// due date only when officers are announced the ticket; otherwise where it
// is recorded and when the commune office is open.
func (c *conv) promise(format string, t *Ticket) string {
	if len(c.e.officerChats) == 0 {
		return fmt.Sprintf(textTicketRecorded, t.ID)
	}
	return fmt.Sprintf(format, t.ID, c.dueText(t.Due))
}

// courtesy reports whether a message to a ticket is only a thank-you or a
// greeting: it goes in the thread without alerting officers or reopening.
func (c *conv) courtesy(text string, r content.Result) bool {
	return r.Topic == content.TopicSmalltalk && !c.e.KB().AsksSomething(text)
}

// officerAnswered reports whether an officer answered in t's thread.
func officerAnswered(t *Ticket) bool {
	return slices.ContainsFunc(t.Thread, func(it ThreadItem) bool { return it.Kind == ItemOfficer })
}

// wroteAfterAnswer reports whether the citizen wrote after the last
// officer answer or close, for /phieu.
func wroteAfterAnswer(t *Ticket) bool {
	answered, pending := false, false
	for _, it := range t.Thread {
		switch {
		case it.Kind == ItemOfficer, it.Kind == ItemEvent && it.Author != "" && !strings.HasPrefix(it.Text, textTookEvent):
			answered, pending = true, false
		case it.Kind == ItemCitizen && answered && !it.Courtesy:
			pending = true
		}
	}
	return pending
}

// offerOfficer asks whether the citizen wants an officer: the "Gặp cán
// bộ" button first, then the menu's programmes.
func (c *conv) offerOfficer() error {
	buttons := []Button{{Label: labelOfficer, Data: dataOfficer}}
	for _, b := range c.mainMenu() {
		if b.Data != dataTopic+content.TopicOfficer {
			buttons = append(buttons, b)
		}
	}
	return c.reply(textOfficerOffer, buttons, logMeta{topic: content.TopicOfficer, entry: cannotTypeEntry})
}

// whenWords ask when something will happen (folded, space-padded).
var whenWords = []string{" khi nao ", " bao gio ", " luc nao ", " bao lau ", " chung nao ", " may gio ", " hom nao ", " ngay nao "}

// asksWhen reports whether text asks when ("khi nào cán bộ gọi lại").
func asksWhen(text string) bool {
	f := " " + strings.Join(strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for _, w := range whenWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// phonesIn returns the phone numbers text holds, as hasPhone reads them,
// digits only ("0987 654 321" is "0987654321"; "+84 912…" keeps its
// "+").
func phonesIn(text string) []string {
	var out []string
	for _, sp := range phoneSpans(text) {
		out = append(out, sp.phone)
	}
	return out
}

// notePhones sets t.Phone, the numbers to call the citizen back on, from
// what the citizen wrote to the request: each number given as the
// citizen's own (callbackPhones) once, in the order given. A number told
// as someone else's (a swindler's) is not one. The bot tells the citizen
// when one went to the officers (calledBackOn): until session 67 it was
// only a line of the thread, and the record and the export's "Cần liên
// hệ lại" had no number.
func (t *Ticket) notePhones() {
	if t.Purged {
		return
	}
	var phones []string
	prev := ""
	for _, it := range t.Thread {
		if it.Kind != ItemCitizen {
			continue
		}
		for _, p := range callbackPhones(it.Text, prev, it.Answering) {
			if !slices.Contains(phones, p) {
				phones = append(phones, p)
			}
		}
		prev = it.Text
	}
	// Read again from the whole thread at each save: a ticket kept
	// before session 68 with a caller's number as its Phone loses it.
	t.Phone = strings.Join(phones, ", ")
}

// calledBackOn reports whether text, added to t, gave a number t.Phone
// holds: the citizen is told "Đã thêm số điện thoại … để cán bộ gọi lại"
// only then.
func (t *Ticket) calledBackOn(text string) bool {
	for _, p := range phonesIn(text) {
		if slices.Contains(strings.Split(t.Phone, ", "), p) {
			return true
		}
	}
	return false
}

// mobileShaped reports whether the personal number m is a phone number as
// hasPhone reads one.
func mobileShaped(m string, digits int) bool {
	lead := strings.TrimLeft(m, "+(")
	return strings.HasPrefix(lead, "0") && digits == 10 || strings.HasPrefix(lead, "84") && digits == 11
}

// hasPhone reports whether text holds a phone number: 0 and nine digits,
// or +84/84 and nine, however grouped (not a 12-digit citizen ID).
func hasPhone(text string) bool {
	return len(phonesIn(text)) > 0
}

// symbolsOnly reports whether text has no digit and at most two letters:
// an emoji or a sticker's symbol ("👍"), a stray "x" or "ok", nothing to
// pass on to an open ticket's officers.
func symbolsOnly(text string) bool {
	letters := 0
	for _, r := range text {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters <= 2
}

// Words that tell what a question about "my request" is about (folded).
var (
	// applicationWords name an application filed at the commune.
	applicationWords = foldAll("hồ sơ", "đơn", "nộp", "giấy tờ", "giấy đề nghị", "tờ khai", "đề nghị", "xin trợ cấp", "xin hỗ trợ")
	// requestWords name the request sent to an officer through the bot.
	requestWords = foldAll("yêu cầu", "phiếu", "tin nhắn", "nhắn tin", "bot", "trợ lý")
	// filedWords say the application was filed; applyWhere ask where or
	// how to file one ("làm đơn ở đâu"), which is not filed yet.
	filedWords = foldAll("nộp", "đã làm hồ sơ", "đã làm đơn", "làm đơn từ", "làm hồ sơ từ", "đã gửi", "gửi hồ sơ",
		"gửi đơn", "đã đăng ký", "đăng ký từ", "đã xin", "xin từ", "đang chờ")
	applyWhere = foldAll("ở đâu", "chỗ nào", "làm sao", "thế nào", "cần giấy tờ gì", "những gì", "cần gì")
	// delayWords say that something waits with no answer.
	delayWords = foldAll("chưa thấy", "chưa có", "chưa được", "chưa nhận", "chưa trả lời", "chưa giải quyết",
		"chưa xét", "chưa duyệt", "chưa xử lý", "chưa ai", "vẫn chưa", "mãi chưa", "lâu quá", "lâu rồi",
		"không thấy", "chẳng thấy", "không ai trả lời", "bặt tăm", "im luôn", "đến đâu rồi", "tới đâu rồi")
)

// aboutApplication reports whether text is about an application filed at
// the commune (hồ sơ, đơn, nộp …) and names no request sent through the
// bot: "hồ sơ của mẹ tôi nộp lâu rồi chưa thấy trả lời" is a matter for an
// officer, "cán bộ đã trả lời yêu cầu của tôi chưa" a question about the
// request.
func aboutApplication(text string) bool {
	return hasFolded(text, applicationWords) && !hasFolded(text, requestWords)
}

// applicationDelay reports whether text complains that an application
// filed at the commune waits with no answer: an officer's to look up.
// Asking where or how to file one ("bà tôi vẫn chưa được trợ cấp, làm đơn
// ở đâu") is a question the programme's answer answers.
func applicationDelay(text string) bool {
	return aboutApplication(text) && hasFolded(text, filedWords) && !hasFolded(text, applyWhere) && hasFolded(text, delayWords)
}

// Whole replies to "Ông/bà cần hỏi việc gì?" that want no request, as
// choiceWords gives them ("không" for its chat spellings, "ạ" dropped).
// "thôi", "không cần" end any wait (steer).
var (
	// declineNo are a bare "no": "ko", "không ạ", "dạ không".
	declineNo = setOf("khong", "da khong", "u khong", "thoi khong", "khong khong")
	// declineJust say the citizen was only asking, alone or after a
	// declineLead: "hỏi thôi", "ko, tôi hỏi thôi".
	declineJust = setOf("hoi thoi", "toi hoi thoi", "em hoi thoi", "chau hoi thoi", "minh hoi thoi", "con hoi thoi",
		"chi hoi thoi", "toi chi hoi thoi", "em chi hoi thoi", "chau chi hoi thoi", "minh chi hoi thoi",
		"hoi cho biet thoi", "toi hoi cho biet thoi", "em hoi cho biet thoi", "toi chi hoi cho biet thoi",
		"hoi choi thoi", "hoi vay thoi", "hoi qua thoi", "toi hoi qua thoi", "em hoi qua thoi",
		"khong can gap", "khong can gap can bo", "khong gap", "khong gap dau", "khong co gi", "khong co viec gi")
	declineLead = setOf("khong", "thoi", "da", "u", "vang", "da khong", "thoi khong", "u khong")
)

// declinesMatter reports whether text, given for a request's matter, says
// no request is wanted: "ko", "không ạ", "hỏi thôi", "ko, tôi hỏi thôi".
func declinesMatter(text string) bool {
	said := choiceWords(text)
	return declineNo[said] || onlyAsking(said)
}

// onlyAsking reports whether said (choiceWords) says the citizen was only
// asking, maybe after a "no": "hỏi thôi", "không, tôi hỏi thôi". Whatever
// the bot waits for, that ends it (steer).
func onlyAsking(said string) bool {
	if declineJust[said] {
		return true
	}
	words := strings.Fields(said)
	for n := 1; n <= 2 && n < len(words); n++ {
		if declineLead[strings.Join(words[:n], " ")] && declineJust[strings.Join(words[n:], " ")] {
			return true
		}
	}
	return false
}

// yesSayings are whole replies (as choiceWords gives them) that agree to
// what the bot just offered: "có", "vâng", "ừ", "đồng ý", "gặp".
var yesSayings = setOf(
	"co", "co a", "da co", "vang", "da vang", "vang a", "da", "u", "uh", "um", "uk", "ok", "oke", "okay",
	"duoc", "dc", "dong y", "toi dong y", "em dong y", "co dong y", "gap", "co gap", "gap di", "muon gap",
	"toi muon gap", "em muon gap", "co chuyen", "chuyen di", "nho chuyen", "co nho chuyen", "nho gui", "gui di",
	"co gui", "nho giup", "co nho",
)

// yesToOfficer reports whether text agrees to the officer the bot's last
// reply offered in words (textDelayLead, textDelayOffer: "ông/bà bấm
// "Gặp cán bộ", tôi sẽ chuyển câu này …"), sent within AskedBeforeWindow
// of it: "có", "vâng", "đồng ý" press the offered button. Until session 63
// such a reply filed nothing: only the button did.
func (c *conv) yesToOfficer(text string) bool {
	d := &c.user.Dialog
	if c.u.Data != "" || c.u.IsGroup || !yesSayings[choiceWords(text)] || !applicationDelay(d.LastQuestion) {
		return false
	}
	if c.prevSeen.IsZero() || c.now.Before(c.prevSeen) || c.now.Sub(c.prevSeen) > AskedBeforeWindow {
		return false
	}
	return slices.ContainsFunc(d.Buttons, func(b Button) bool { return b.Data == dataOfficer })
}
