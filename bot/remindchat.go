package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/when"
)

// Reminder button data: "rm:loan", "rm:cancel:12", "sub:loan", "cat:poor".
const (
	dataRemind    = "rm:"
	dataSubscribe = "sub:"
	dataCategory  = "cat:"
)

// Awaiting states of the reminder dialogs.
const (
	awaitLoanDay = "remind:loan"
	awaitExpiry  = "remind:bhyt"
	awaitOnce    = "remind:once"
	awaitCommune = "remind:commune"
)

// subscribable are the topics a citizen can follow for broadcasts.
var subscribable = []string{
	content.TopicLoan, content.TopicHealthInsurance, content.TopicHousing, content.TopicEducation,
	content.TopicElectricity, content.TopicSocialAssistance, content.TopicPovertyStatus, content.TopicJobs,
}

// Categories are the household categories a citizen can declare.
var Categories = []struct{ ID, Label string }{
	{"poor", "Hộ nghèo"}, {"near_poor", "Hộ cận nghèo"}, {"escaped", "Hộ mới thoát nghèo"},
	{"average", "Hộ có mức sống trung bình"}, {"none", "Không thuộc diện nào"},
}

// remindersMenu is the Nhắc lịch menu.
func (c *conv) remindersMenu(intro string) error {
	if intro == "" {
		intro = textRemindMenu
	}
	return c.reply(intro, []Button{
		{Label: labelRemindLoan, Data: dataRemind + "loan"},
		{Label: labelRemindBHYT, Data: dataRemind + "bhyt"},
		{Label: "Đặt lời nhắc khác", Data: dataRemind + "once"},
		{Label: "Nhận thông báo theo chủ đề", Data: dataRemind + "subs"},
		{Label: "Khai báo diện hộ", Data: dataRemind + "cat"},
		{Label: "Xã/phường của tôi", Data: dataRemind + "commune"},
		{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"},
		{Label: labelMenu, Data: dataMenu},
	}, logMeta{topic: content.TopicReminders})
}

// pressReminder handles the reminder buttons.
func (c *conv) pressReminder(data string) error {
	if strings.HasPrefix(c.user.Dialog.Awaiting, "remind:") {
		// A reminder button is a new step: a day or date still awaited
		// (kept after a refused answer) is not, unless the button asks
		// for it again.
		c.user.Dialog.Awaiting = ""
	}
	switch {
	case strings.HasPrefix(data, dataSubscribe):
		return c.toggleSubscription(strings.TrimPrefix(data, dataSubscribe))
	case strings.HasPrefix(data, dataCategory):
		return c.setCategory(strings.TrimPrefix(data, dataCategory))
	}
	action := strings.TrimPrefix(data, dataRemind)
	if date, ok := strings.CutPrefix(action, "bhyt:"); ok {
		return c.remindExpiryOn(date)
	}
	if day, ok := strings.CutPrefix(action, "loan:"); ok {
		return c.remindLoanOn(day)
	}
	if move, ok := strings.CutPrefix(action, "move:"); ok {
		return c.pressMove(move)
	}
	if on, ok := strings.CutPrefix(action, "what:"); ok {
		return c.askWhat(on)
	}
	switch action {
	case "loan":
		c.user.Dialog.Awaiting = awaitLoanDay
		return c.reply(textAskLoanDay, nil, logMeta{topic: content.TopicReminders})
	case "bhyt":
		c.user.Dialog.Awaiting = awaitExpiry
		return c.reply(fmt.Sprintf(textAskExpiry, c.day.Year()), nil, logMeta{topic: content.TopicReminders})
	case "once":
		c.user.Dialog.Awaiting = awaitOnce
		return c.reply(textAskOnce, nil, logMeta{topic: content.TopicReminders})
	case "subs":
		return c.subscriptionsMenu(textSubsMenu)
	case "cat":
		buttons := make([]Button, 0, len(Categories))
		for _, k := range Categories {
			buttons = append(buttons, Button{Label: k.Label, Data: dataCategory + k.ID})
		}
		return c.reply(textAskCategory, buttons, logMeta{topic: content.TopicReminders})
	case "commune":
		c.user.Dialog.Awaiting = awaitCommune
		return c.reply(textAskCommune, nil, logMeta{topic: content.TopicReminders})
	case "list":
		return c.listReminders()
	case "stopall":
		return c.stopAll()
	case "cancelall":
		return c.pressCancelAll()
	}
	if id, ok := strings.CutPrefix(action, "cancel:"); ok {
		return c.cancelReminder(id)
	}
	return c.remindersMenu("")
}

// awaited completes a reminder dialog with the citizen's answer. It reports
// whether the text was consumed.
func (c *conv) awaited(text string) (bool, error) {
	state := c.user.Dialog.Awaiting
	if state == awaitQuestion && !strings.HasPrefix(text, "/") {
		return c.matterGiven(text)
	}
	if strings.HasPrefix(state, awaitAge) {
		return c.ageGiven(state, text)
	}
	if !strings.HasPrefix(state, "remind:") || strings.HasPrefix(text, "/") {
		return false, nil
	}
	c.user.Dialog.Awaiting = ""
	if state == awaitTask && (c.endsWait(text) || !c.isTask(text)) {
		// After the bare "nhắc tôi" menu, anything but a task is read
		// as it would have been.
		return false, nil
	}
	if state != awaitCommune && c.endsWait(text) {
		// "ok", "cảm ơn", "thôi" instead of the day or date: the citizen
		// is done, perhaps believing the reminder set. The wait ends and
		// the reply says plainly that it is not set, and how to set it
		// later. Until session 66 each such word got "tôi chưa hiểu thời
		// gian cần nhắc" and the wait went on.
		return true, c.reply(textRemindWaitEnded, []Button{{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicReminders})
	}
	loc := c.e.loc
	owner, expiry := expiryOwner(state)
	if expiry {
		// The card's owner named in the answer, or in the request before.
		if o := cardOwner(text); o != "" {
			owner = o
		}
		state = awaitExpiry
	}
	switch state {
	case awaitLoanDay:
		if day, ok := when.ParseDay(text); ok {
			return true, c.addReminder(loanDayReminder(day))
		}
	case awaitExpiry:
		if d, ok := when.ParseDate(text, c.now, loc); ok {
			if d.Before(startOfDay(c.now, loc)) {
				return true, c.cardExpiredOf(owner) // no reminder for the past
			}
			return true, c.addReminder(expiryReminderOf(d, owner))
		}
	case awaitOnce:
		if req, ok := when.Parse(text, c.now, loc); ok {
			return true, c.addRequest(req)
		}
	case awaitCommune:
		return c.communeGiven(text)
	case awaitTask:
		return c.taskGiven(text)
	default:
		if task, ok := strings.CutPrefix(state, awaitTaskDay); ok {
			if req, ok := when.Parse("nhắc tôi "+text+" "+task, c.now, loc); ok && req.What != "" {
				return true, c.addRequest(req)
			}
			state = keepTaskDay(task)
		}
		if on, ok := strings.CutPrefix(state, awaitWhat); ok {
			if done, err := c.whatGiven(on, text); done || err != nil {
				return true, err
			}
		}
	}
	// A refused or unread answer leaves the reminder waiting for its day
	// or date, with what was known (the card's owner, the loan): the next
	// answer sets it. Until session 65 the wait ended with the refusal,
	// and "28/2/2027" after "31/02/2027" was read as a question.
	keep := state
	if owner != "" {
		keep = awaitExpiry + ":" + owner
	}
	if w := when.ReadWords(text, c.now, loc); w.BadDay > 0 {
		c.user.Dialog.Awaiting = keep
		return true, c.reply(badDayText(w), nil, logMeta{topic: content.TopicReminders})
	} else if state == awaitExpiry && (w.Expired || when.PastDate(text, c.now, loc)) {
		return true, c.cardExpiredOf(owner)
	} else if w.Repeat != 0 {
		return true, c.repeatUnsupported(w)
	}
	if c.asksInstead(text) {
		// A question instead of the answer: the wait is over and the
		// question is answered as any other.
		return false, nil
	}
	if state == awaitCommune {
		return true, c.reply(fmt.Sprintf(textRemindNotUnderstood, c.day.Year()), []Button{{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicReminders})
	}
	// Still waiting, the reply has no buttons, as the question had none:
	// "1" next is the 1st, not the first button.
	c.user.Dialog.Awaiting = keep
	if n, ok := dayOutOfMonth(text); ok && state == awaitLoanDay {
		return true, c.reply(fmt.Sprintf(textNoDayInMonth, n), nil, logMeta{topic: content.TopicReminders})
	}
	return true, c.reply(fmt.Sprintf(textRemindNotUnderstood, c.day.Year()), nil, logMeta{topic: content.TopicReminders})
}

// textRemindWaitEnded answers a thank-you or an agreement sent instead of
// the day or date a reminder waits for (endsWait).
const textRemindWaitEnded = "Dạ. Lời nhắc này chưa được đặt. Khi cần, ông/bà bấm «Nhắc lịch» hoặc gõ /nhac."

// endsWait reports whether text, sent while a reminder waits for its day,
// date or matter, only agrees, thanks or gives up: "ok", "vâng", "cảm ơn",
// "thôi", "thôi không cần", 👍, or what the matcher reads as thanks, an
// agreement or a goodbye.
func (c *conv) endsWait(text string) bool {
	if calmAcks[strings.Join(calmWords(text), " ")] {
		return true
	}
	switch smallTalkOf(text) {
	case smallAck, smallSymbol:
		return true
	}
	r := c.e.KB().Match(text, c.day)
	return r.Entry != nil && r.Topic == content.TopicSmalltalk && waitEnders[r.Entry.ID]
}

// waitEnders are the small-talk entries that end a reminder's wait.
var waitEnders = map[string]bool{"chat-thanks": true, "chat-ok": true, "chat-goodbye": true}

// textNoDayInMonth refuses a loan day no month has ("ngày 35"); the day is
// still awaited.
const textNoDayInMonth = "Không tháng nào có ngày %d. Ông/bà gõ một số từ 1 đến 31, ví dụ: 15"

// dayOutOfMonth reads a day of the month no month has in an answer to
// the loan day's question: "ngày 35", "mùng 0", a bare "40". It reports
// the number and whether there was one such, alone.
func dayOutOfMonth(text string) (int, bool) {
	words := strings.FieldsFunc(content.Fold(content.Clean(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	day, found := 0, false
	for i, w := range words {
		n, err := strconv.Atoi(w)
		if err != nil {
			continue
		}
		if found || len(w) > 2 || !(len(words) == 1 || i > 0 && (words[i-1] == "ngay" || words[i-1] == "mung" || words[i-1] == "mong")) {
			return 0, false
		}
		day, found = n, true
	}
	return day, found && (day < 1 || day > 31)
}

// reminderText handles free text the matcher tagged as a reminder request.
func (c *conv) reminderText(text string, en *content.Entry) error {
	if req, ok := when.Parse(text, c.now, c.e.loc); ok && en.ID != stopEntry {
		if asked, err := c.askKind(text, req); asked || err != nil {
			return err
		}
		return c.addRequest(req)
	}
	switch en.ID {
	case stopEntry:
		return c.stopOffer()
	case "remind-list", "remind-change-time":
		return c.listReminders()
	case "remind-set":
		// "nhắc tôi đóng tiền vay": the kind is known, the day is asked.
		if asked, err := c.askMissingDay(text); asked || err != nil {
			return err
		}
		if err := c.remindersMenu(en.Render()); err != nil {
			return err
		}
		if bareRemindRequest(text) && !c.u.IsGroup {
			// "nhắc tôi" alone: the next message, typed instead of a
			// button, is what to remind of (taskGiven).
			c.user.Dialog.Awaiting = awaitTask
		}
		return nil
	}
	return c.remindersMenu(en.Render())
}

// textRemindBeforeDeadline follows the confirmation of a reminder asked
// "before" a date (%s): it comes the day before.
const textRemindBeforeDeadline = "Hạn là ngày %s, nên tôi nhắc ông/bà trước một ngày."

const (
	// textAfternoonRead: the hour read (16:50) when none of sáng, chiều
	// was said with "4h50".
	textAfternoonRead = "Ông/bà không nói sáng hay chiều nên tôi hiểu là %s chiều. Nếu không đúng, ông/bà bấm hủy lời nhắc rồi gõ lại kèm chữ sáng hoặc chiều."
	// textPastDateNextYear: a day and month past this year, set for the
	// next (%d).
	textPastDateNextYear = "Ngày %s năm nay đã qua nên tôi đặt cho năm %d. Nếu không đúng, ông/bà bấm hủy lời nhắc rồi gõ lại ngày khác."
)

// yearWordSaid reports whether text names next year in words ("năm
// sau"), so that a date past this year was meant for it.
func yearWordSaid(text string) bool {
	f := " " + strings.Join(strings.Fields(content.Fold(content.Clean(text))), " ") + " "
	for _, w := range []string{" nam sau ", " sang nam ", " nam toi ", " nam moi "} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// requestTypes are the reminder types of the parser's request kinds.
var requestTypes = map[when.Kind]string{when.Once: ReminderOnce, when.LoanDay: ReminderLoanDay, when.BHYTExpiry: ReminderBHYTExpiry}

func (c *conv) addRequest(req when.Request) error {
	r := Reminder{Type: requestTypes[req.Kind], Day: req.Day, Expiry: req.Expiry, At: req.At, Text: req.What, Exact: req.Exact}
	note := c.monthlyHourNote(req)
	if !req.Deadline.IsZero() {
		// "nhắc tôi trước 14/12 …": set for the day before (when.Parse).
		note = fmt.Sprintf(textRemindBeforeDeadline, req.Deadline.In(c.e.loc).Format("02/01/2006"))
	}
	if r.Type == ReminderOnce {
		// Guesses are said, not made silently (QA pass 71 #19): an hour
		// from 1 to 4 without "sáng"/"chiều" read as the afternoon, a day
		// and month just past this year ("5/12" on 08/12, recentlyPast)
		// set for next year.
		at := r.At.In(c.e.loc)
		if req.Afternoon {
			note = strings.TrimPrefix(note+"\n"+fmt.Sprintf(textAfternoonRead, at.Format("15:04")), "\n")
		}
		if recentlyPast(at, c.now, c.e.loc) && !strings.Contains(c.u.Text, strconv.Itoa(at.Year())) && !yearWordSaid(c.u.Text) {
			note = strings.TrimPrefix(note+"\n"+fmt.Sprintf(textPastDateNextYear, at.Format("02/01"), at.Year()), "\n")
		}
	}
	switch {
	case r.Type == ReminderBHYTExpiry && onlyCardFillers(r.Text):
		// "thẻ bhyt của mẹ tôi hết hạn …" leaves "của mẹ tôi": the
		// reminder names whose card it is (until session 65 its text
		// was those words).
		r.Text = expiryReminderOf(r.Expiry, cardOwner(c.u.Text)).Text
	case r.Text != "":
	case r.Type == ReminderLoanDay:
		r.Text = loanDayText
	default:
		r.Text = "Ông/bà có việc đã hẹn."
	}
	return c.addReminderNoting(r, note)
}

// addReminder saves a personal reminder and confirms exactly what will be
// sent. Nothing that could never be sent is saved: a one-off already past
// is refused; a card that expires today or has expired gets the renewal
// steps instead; a card expiring within the default leads keeps those
// still ahead (LeadsAhead), and the reply first says how many days are
// left and to renew now. A one-off asked for in quiet hours is set before
// them on its evening, or else for their end (outOfNight).
func (c *conv) addReminder(r Reminder) error { return c.addReminderNoting(r, "") }

// addReminderNoting is addReminder with note, a line about the time asked
// for, after the confirmation.
func (c *conv) addReminderNoting(r Reminder, note string) error {
	if c.u.IsGroup {
		return c.reply(textGroupPrivate, nil, logMeta{topic: content.TopicReminders})
	}
	r.Owner, r.ChatID, r.Created, r.CreatedBy = c.user.Key, c.u.ChatID, c.now, c.user.Key.String()
	buttons := []Button{{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}}
	var soon string
	var late bool
	switch r.Type {
	case ReminderOnce:
		if !r.At.After(c.now) {
			return c.reply(textRemindPast, nil, logMeta{topic: content.TopicReminders})
		}
		night, l := c.outOfNight(&r)
		late = l
		if night != "" {
			note = strings.TrimPrefix(note+"\n"+night, "\n")
		}
	case ReminderBHYTExpiry:
		loc := c.e.loc
		left, leads := DaysLeft(r.Expiry, c.now, loc), LeadsAhead(r.Expiry, c.now, loc)
		switch {
		case left < 0:
			return c.cardExpiredOf(reminderCardOwner(&r))
		case len(leads) == 0:
			return c.renewInstead(fmt.Sprintf(textCardExpiresToday, textCardOf(reminderCardOwner(&r)), r.Expiry.In(loc).Format("02/01/2006")))
		case slices.Equal(leads, defaultLeads):
			r.Leads = nil
		default:
			r.Leads = leads
			soon = cardSoonText(left, r.Expiry.In(loc).Format("02/01/2006"), reminderCardOwner(&r)) + "\n"
			buttons = append([]Button{{Label: labelRenewHow, Data: dataEntry + renewalEntry}}, buttons...)
		}
	}
	if err := r.Validate(); err != nil {
		return c.reply(fmt.Sprintf(textRemindNotUnderstood, c.day.Year()), nil, logMeta{topic: content.TopicReminders})
	}
	same, err := c.sameReminder(&r)
	if err != nil {
		return err
	}
	if same != nil {
		return c.reply(soon+fmt.Sprintf(textRemindExists, strings.TrimRight(c.describeReminder(same), ".")),
			[]Button{{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicReminders})
	}
	if err := c.tx.PutReminder(&r); err != nil {
		return fmt.Errorf("save reminder: %w", err)
	}
	// Asking for a reminder is asking for messages: after /stop they are
	// all on again, as /start turns them on (one switch, User.Stopped,
	// also pauses a Zalo unfollower's reminders), and the reply says so.
	resumed := c.user.Stopped
	c.user.Stopped = false
	replaced, err := c.replaceCovered(&r)
	if err != nil {
		return err
	}
	if replaced != "" {
		if note != "" {
			note += "\n"
		}
		note += replaced
	}
	if late {
		// It comes after what it was for: cancelling is one tap.
		id := strconv.FormatUint(r.ID, 10)
		note += fmt.Sprintf(textRemindCancelLate, r.ID)
		buttons = append([]Button{{Label: "Hủy nhắc #" + id, Data: dataRemind + "cancel:" + id}}, buttons...)
	}
	if resumed {
		if note != "" {
			note += "\n"
		}
		note += textRemindResumed
	}
	if note != "" {
		note = "\n" + note
	}
	return c.reply(soon+fmt.Sprintf(textRemindSet, strings.TrimRight(c.describeReminder(&r), "."), note), buttons,
		logMeta{topic: content.TopicReminders})
}

// sameReminder returns the citizen's reminder, not cancelled or paused,
// that r would repeat: the same card's expiry; the same loan day for the
// same thing (sameWords), or for a loan payment both times ("trả nợ ngân
// hàng", the loan button's text); a one-off at the same time for the same
// thing; for a one-off, a monthly reminder that already comes on its day
// for the same thing (covers). nil when there is none. A request sent
// twice ("thẻ bhyt hết hạn 31/12/2026" told again, or typed again without
// diacritics) must not remind twice; another thing on the same day ("nộp
// tiền điện" beside "trả nợ" on the 5th) is a reminder of its own.
func (c *conv) sameReminder(r *Reminder) (*Reminder, error) {
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return nil, err
	}
	for i := range all {
		o := &all[i]
		if !o.Active() {
			continue
		}
		if r.Type == ReminderOnce && o.Type == ReminderLoanDay && c.covers(o, r) {
			return o, nil // the monthly reminder already comes that day
		}
		if o.Type != r.Type {
			continue
		}
		switch {
		case r.Type == ReminderBHYTExpiry && o.Expiry.Equal(r.Expiry) && reminderCardOwner(o) == reminderCardOwner(r),
			r.Type == ReminderLoanDay && o.Day == r.Day && (sameWords(o.Text, r.Text) || c.paysLoan(o.Text) && c.paysLoan(r.Text)),
			r.Type == ReminderOnce && o.At.Equal(r.At) && sameWords(o.Text, r.Text):
			return o, nil
		}
	}
	return nil, nil
}

// covers reports whether the monthly reminder m already reminds the
// citizen of the one-off o: the same thing (sameWords, or a loan payment
// both times) on o's day, which is one of m's days still to come, and at
// o's time unless o's time was the bot's ("ngày 15 đóng tiền điện" is at
// 08:00 as the monthly one is; "14h ngày 15" is the citizen's own hour, a
// second reminder they chose).
func (c *conv) covers(m, o *Reminder) bool {
	if m.Type != ReminderLoanDay || o.Type != ReminderOnce {
		return false
	}
	if !sameWords(m.Text, o.Text) && !(c.paysLoan(m.Text) && c.paysLoan(o.Text)) {
		return false
	}
	loc := c.e.loc
	at := o.At.In(loc)
	occs := m.Occurrences(c.now, endOfDay(at, loc), loc, dueLimit)
	if len(occs) == 0 {
		return false
	}
	last := occs[len(occs)-1].In(loc)
	return last.Format(time.DateOnly) == at.Format(time.DateOnly) && (!o.Exact || last.Equal(at))
}

// textRemindReplaced tells the citizen that a one-off reminder the new
// monthly one covers (covers) was cancelled.
const textRemindReplaced = "Lời nhắc #%d (%s) cùng việc, cùng ngày với lời nhắc hằng tháng này nên tôi đã hủy, để ông/bà không nhận tin hai lần."

// replaceCovered cancels the citizen's one-off reminders that the monthly
// reminder r, just saved, covers: "nhắc tôi ngày 15 đóng tiền điện", then
// "nhắc tôi đóng tiền điện ngày 15 hàng tháng", would remind twice on the
// 15th. It returns the lines that say so; "" when none.
func (c *conv) replaceCovered(r *Reminder) (string, error) {
	if r.Type != ReminderLoanDay {
		return "", nil
	}
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return "", err
	}
	var lines []string
	for i := range all {
		o := &all[i]
		if o.ID == r.ID || !o.Active() || !c.covers(r, o) {
			continue
		}
		o.Cancelled = true
		if err := c.tx.PutReminder(o); err != nil {
			return "", err
		}
		lines = append(lines, fmt.Sprintf(textRemindReplaced, o.ID, o.At.In(c.e.loc).Format("15:04 ngày 02/01/2006")))
	}
	return strings.Join(lines, "\n"), nil
}

// sameWords reports whether two reminder texts say the same words, read
// as the bot reads them: folded (content.Fold: with or without diacritics,
// any case), punctuation and spacing aside.
func sameWords(a, b string) bool { return wordsKey(a) == wordsKey(b) }

func wordsKey(s string) string {
	return strings.Join(strings.FieldsFunc(content.Fold(content.Clean(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// paysLoan reports whether a loan day reminder's text is a loan payment:
// a payment verb and a loan word ("trả nợ ngân hàng", "đóng lãi", the
// loan button's loanDayText).
func (c *conv) paysLoan(text string) bool {
	return hasPaymentWord(text) && when.ReadWords(text, c.now, c.e.loc).Loan
}

// expiryText is what a BHYT card's reminder says.
const expiryText = "Thẻ bảo hiểm y tế sắp hết hạn: ông/bà hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội để gia hạn."

// expiryReminder is the reminder of a BHYT card expiring on d.
func expiryReminder(d time.Time) Reminder {
	return Reminder{Type: ReminderBHYTExpiry, Expiry: d, Text: expiryText}
}

// remindButton is the button offering the reminder en's answer speaks of
// (content.Entry.Remind). When the citizen's message gives the card's
// expiry date ("thẻ bhyt hết hạn ngày 30/12"), the button names it and
// sets the reminder at once ("rm:bhyt:2026-12-30"); otherwise it asks for
// the date or the day, as the reminders menu does. A card said to have
// expired gets no reminder; a day and month just past this year, written
// without the year ("hết hạn ngày 20/11" on 27/11, recentlyPast), is as
// likely the day it expired as next year's, so the button asks. One past
// longer ago ("hết hạn 15/3" in December) is next year's, and the button
// names it with its year (QA pass 71 #5).
func (c *conv) remindButton(en *content.Entry) (Button, bool) {
	switch en.Remind {
	case content.RemindBHYTExpiry:
		text, loc := c.u.Text, c.e.loc
		if when.ReadWords(text, c.now, loc).Expired {
			return Button{}, false
		}
		d, ok := when.ParseDate(text, c.now, loc)
		if ok && !d.Before(startOfDay(c.now, loc)) && !recentlyPast(d, c.now, loc) {
			data := dataRemind + "bhyt:" + d.Format(time.DateOnly)
			if owner := cardOwner(text); owner != "" {
				data += ":" + owner // "rm:bhyt:2026-12-30:mẹ ông/bà": the mother's card
			}
			return Button{Label: "Nhắc tôi trước ngày " + d.Format("02/01/2006"), Data: data}, true
		}
		return Button{Label: labelRemindBHYT, Data: dataRemind + "bhyt"}, true
	case content.RemindLoanDay:
		return Button{Label: labelRemindLoan, Data: dataRemind + "loan"}, true
	}
	return Button{}, false
}

// remindExpiryOn sets the BHYT expiry reminder for the date of a
// "Nhắc tôi trước ngày …" button (remindButton), with the card's owner
// after it when the message named one; a date past by now, or data not
// written by the bot, sets nothing.
func (c *conv) remindExpiryOn(data string) error {
	date, owner, _ := strings.Cut(data, ":")
	d, err := time.ParseInLocation(time.DateOnly, date, c.e.loc)
	switch {
	case err != nil || owner != "" && !ownerName(owner):
		return c.remindersMenu("")
	case d.Before(startOfDay(c.now, c.e.loc)):
		return c.cardExpiredOf(owner)
	}
	return c.addReminder(expiryReminderOf(d, owner))
}

func (c *conv) describeReminder(r *Reminder) string {
	loc := c.e.loc
	var when string
	switch r.Type {
	case ReminderLoanDay:
		when = fmt.Sprintf("8 giờ sáng ngày %d hằng tháng", r.Day)
		if r.Day > 28 {
			when += " (tháng ngắn hơn: ngày cuối tháng)"
		}
	case ReminderBHYTExpiry:
		when = describeLeads(r, loc)
	case ReminderOnce:
		when = r.At.In(loc).Format("15:04 ngày 02/01/2006")
	default:
		when = r.Spec
	}
	return fmt.Sprintf("#%d: %s — %s", r.ID, when, r.Text)
}

func (c *conv) listReminders() error {
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return err
	}
	var b strings.Builder
	var buttons []Button
	for i := range all {
		if !all[i].Active() {
			continue
		}
		b.WriteString("\n• " + c.describeReminder(&all[i]))
		buttons = append(buttons, Button{Label: "Hủy nhắc #" + strconv.FormatUint(all[i].ID, 10), Data: dataRemind + "cancel:" + strconv.FormatUint(all[i].ID, 10)})
	}
	if b.Len() == 0 {
		return c.remindersMenu(textNoReminders)
	}
	if len(c.user.Subscriptions) > 0 {
		b.WriteString("\n\nĐang nhận thông báo về: " + c.topicList(c.user.Subscriptions))
	}
	buttons = append(buttons, Button{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, Button{Label: labelMenu, Data: dataMenu})
	return c.reply("Các lời nhắc của ông/bà:"+b.String(), buttons, logMeta{topic: content.TopicReminders})
}

func (c *conv) cancelReminder(idText string) error {
	id, err := strconv.ParseUint(idText, 10, 64)
	r, getErr := c.tx.Reminder(id)
	if err != nil || getErr != nil || r.Owner != c.user.Key {
		return c.reply(textNoSuchReminder, nil, logMeta{topic: content.TopicReminders})
	}
	r.Cancelled = true
	if err := c.tx.PutReminder(&r); err != nil {
		return err
	}
	return c.reply(fmt.Sprintf(textReminderCancelled, id), []Button{{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}},
		logMeta{topic: content.TopicReminders})
}

// textRemindResumed ends the confirmation of a reminder set after /stop:
// automatic messages are on again, broadcasts too.
const textRemindResumed = "Tôi đã bật lại tin nhắn tự động cho ông/bà (cả thông báo chung)."

// stopAll is /stop: no automatic message of any kind from now on. What the
// bot waited for (a reminder's day, a request's matter) is no longer
// awaited, as after "thôi": until session 65 a day typed after /stop set
// the reminder asked for before it, and turned every message back on.
func (c *conv) stopAll() error {
	c.user.Stopped = true
	c.user.Dialog.Awaiting = ""
	c.user.Subscriptions = nil
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return err
	}
	for i := range all {
		if all[i].Active() {
			all[i].Cancelled = true
			if err := c.tx.PutReminder(&all[i]); err != nil {
				return err
			}
		}
	}
	return c.reply(textStopped, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{})
}

func (c *conv) subscriptionsMenu(intro string) error {
	buttons := make([]Button, 0, len(subscribable)+1)
	for _, t := range subscribable {
		mark := "➕ "
		if c.user.Subscribed(t) {
			mark = "✅ "
		}
		buttons = append(buttons, Button{Label: mark + content.TopicTitles[t], Data: dataSubscribe + t})
	}
	buttons = append(buttons, Button{Label: "Xong", Data: dataTopic + content.TopicReminders})
	return c.reply(intro, buttons, logMeta{topic: content.TopicReminders})
}

func (c *conv) toggleSubscription(topic string) error {
	resumed := false
	if !slices.Contains(subscribable, topic) {
		return c.subscriptionsMenu(textSubsMenu)
	}
	if i := slices.Index(c.user.Subscriptions, topic); i >= 0 {
		c.user.Subscriptions = slices.Delete(c.user.Subscriptions, i, i+1)
	} else {
		c.user.Subscriptions = append(c.user.Subscriptions, topic)
		resumed = c.user.Stopped
		c.user.Stopped = false
	}
	text := fmt.Sprintf(textSubsNow, c.topicList(c.user.Subscriptions))
	if resumed {
		text = textRemindResumed + "\n" + text
	}
	return c.subscriptionsMenu(text)
}

func (c *conv) topicList(topics []string) string {
	if len(topics) == 0 {
		return "chưa có chủ đề nào"
	}
	names := make([]string, len(topics))
	for i, t := range topics {
		names[i] = strings.ToLower(content.TopicTitles[t])
	}
	return strings.Join(names, ", ")
}

func (c *conv) setCategory(id string) error {
	for _, k := range Categories {
		if k.ID == id {
			c.user.Category = id
			return c.remindersMenu(fmt.Sprintf(textCategorySet, strings.ToLower(k.Label)))
		}
	}
	return c.remindersMenu("")
}

// CommuneKey is the form communes are compared in (content.CommuneKey).
func CommuneKey(s string) string { return content.CommuneKey(s) }

// CommuneName is how a commune is shown: its name, never the deep-link
// form (content.CommuneName).
func CommuneName(s string) string { return content.CommuneName(s) }

// startOfDay is 00:00 of now's day in loc.
func startOfDay(now time.Time, loc *time.Location) time.Time {
	y, m, d := now.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}
