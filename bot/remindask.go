package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/when"
)

// A reminder asked for in words with half of what it needs: the kind
// without the day ("nhắc tôi đóng tiền vay"), or the day without the kind
// ("nhắc tôi ngày 20 hằng tháng"). The bot asks for the missing half and
// sets the reminder with the answer.

// awaitWhat is the state after "Việc khác" under the kind question: the
// next text is what to remind of on the day the data after it names
// ("remind:what:20" every month on the 20th, "remind:what:2026-12-20"
// once).
const awaitWhat = "remind:what:"

// Texts of the half-given requests.
const (
	textAskRemindKind = "Ông/bà muốn tôi nhắc việc gì vào %s?"
	textAskRemindWhat = "Ông/bà muốn tôi nhắc việc gì vào %s? Gõ ngắn gọn, ví dụ: nộp tiền điện"
	labelKindLoan     = "Đóng lãi, trả nợ vay (ngày %d hằng tháng)"
	labelKindBHYT     = "Thẻ BHYT hết hạn ngày %s"
	labelKindOther    = "Việc khác"
)

// loanDayText is what a loan payment day reminder says.
const loanDayText = "Hôm nay là ngày đóng lãi, trả nợ vay Ngân hàng Chính sách xã hội."

// loanDayReminder is the monthly reminder of the loan payment day.
func loanDayReminder(day int) Reminder {
	return Reminder{Type: ReminderLoanDay, Day: day, Text: loanDayText}
}

// paymentWords are the verbs that make a loan word ("vay", "lãi", "nợ")
// a payment to remind of: "đóng tiền vay", "trả nợ", "nộp lãi". Without
// one, "nhắc tôi lịch giải ngân vốn vay của xã" asks for no payment day.
var paymentWords = map[string]bool{"dong": true, "tra": true, "nop": true}

// askMissingDay asks for the day or date a reminder request of a known kind
// left out ("nhắc tôi đóng tiền vay", "nhắc tôi thẻ bảo hiểm hết hạn"), as
// the reminders menu's buttons do, and waits for it (awaited). It reports
// whether text named such a kind.
func (c *conv) askMissingDay(text string) (bool, error) {
	w := when.ReadWords(text, c.now, c.e.loc)
	meta := logMeta{topic: content.TopicReminders}
	switch {
	case w.Card:
		c.user.Dialog.Awaiting = awaitExpiry
		if owner := cardOwner(text); owner != "" {
			// "nhắc tôi thẻ bhyt của mẹ tôi hết hạn": the date answered
			// is the mother's card's (awaited).
			c.user.Dialog.Awaiting += ":" + owner
		}
		return true, c.reply(fmt.Sprintf(textAskExpiry, c.day.Year()), nil, meta)
	case w.Loan && hasPaymentWord(text):
		c.user.Dialog.Awaiting = awaitLoanDay
		return true, c.reply(textAskLoanDay, nil, meta)
	}
	return false, nil
}

func hasPaymentWord(text string) bool {
	for _, f := range strings.Fields(content.Fold(content.Clean(text))) {
		if paymentWords[f] {
			return true
		}
	}
	return false
}

// askKind asks what a reminder request that gives a day of the month but
// nothing to remind of is for ("nhắc tôi ngày 20 hằng tháng", "nhắc tôi
// ngày 20"): the loan payment day, a BHYT card expiring that day (not for
// a monthly day) or something else, which is asked next. A request with a
// clock time, or with anything to remind of, is set as it is. It reports
// whether it asked.
func (c *conv) askKind(text string, req when.Request) (bool, error) {
	if req.What != "" || req.Exact || req.Kind == when.BHYTExpiry || req.Kind == when.Once && !req.At.After(c.now) {
		return false, nil // a one-off already past is refused as it is
	}
	w := when.ReadWords(text, c.now, c.e.loc)
	if w.Day == 0 || w.Card || w.Loan {
		return false, nil
	}
	var on, other string
	var buttons []Button
	switch req.Kind {
	case when.LoanDay:
		on, other = fmt.Sprintf("ngày %d hằng tháng", req.Day), strconv.Itoa(req.Day)
		buttons = append(buttons, Button{Label: fmt.Sprintf(labelKindLoan, req.Day), Data: dataRemind + "loan:" + strconv.Itoa(req.Day)})
	case when.Once:
		at := req.At.In(c.e.loc)
		date := at.Format("02/01/2006")
		on, other = "ngày "+date, at.Format(time.DateOnly)
		buttons = append(buttons,
			Button{Label: fmt.Sprintf(labelKindLoan, at.Day()), Data: dataRemind + "loan:" + strconv.Itoa(at.Day())},
			Button{Label: fmt.Sprintf(labelKindBHYT, date), Data: dataRemind + "bhyt:" + at.Format(time.DateOnly)})
	default:
		return false, nil
	}
	buttons = append(buttons, Button{Label: labelKindOther, Data: dataRemind + "what:" + other}, Button{Label: labelMenu, Data: dataMenu})
	return true, c.reply(fmt.Sprintf(textAskRemindKind, on), buttons, logMeta{topic: content.TopicReminders})
}

// remindLoanOn sets the loan payment day reminder of a kind button
// ("rm:loan:20").
func (c *conv) remindLoanOn(day string) error {
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > 31 {
		return c.remindersMenu("")
	}
	return c.addReminder(loanDayReminder(d))
}

// askWhat is "Việc khác" under the kind question: it asks what to remind
// of on the day ("rm:what:20" monthly, "rm:what:2026-12-20" once) and
// waits for it.
func (c *conv) askWhat(on string) error {
	day, ok := whatDay(on, c.e.loc)
	if !ok {
		return c.remindersMenu("")
	}
	c.user.Dialog.Awaiting = awaitWhat + on
	return c.reply(fmt.Sprintf(textAskRemindWhat, day), nil, logMeta{topic: content.TopicReminders})
}

// whatDay is the day of an awaitWhat state as the citizen reads it and as
// the parser reads it with the answer: "ngày 20 hằng tháng", "ngày
// 20/12/2026".
func whatDay(on string, loc *time.Location) (string, bool) {
	if d, err := strconv.Atoi(on); err == nil && d >= 1 && d <= 31 {
		return fmt.Sprintf("ngày %d hằng tháng", d), true
	}
	if t, err := time.ParseInLocation(time.DateOnly, on, loc); err == nil {
		return "ngày " + t.Format("02/01/2006"), true
	}
	return "", false
}

// whatGiven completes "Việc khác": the answer, read with the day asked
// about, is the reminder. ok is false when it gives nothing to remind of.
func (c *conv) whatGiven(on, text string) (ok bool, err error) {
	day, valid := whatDay(on, c.e.loc)
	if !valid {
		return false, nil
	}
	req, parsed := when.Parse(day+" "+text, c.now, c.e.loc)
	if !parsed || req.What == "" {
		return false, nil
	}
	return true, c.addRequest(req)
}

// asksInstead reports whether text, sent while the bot waits for a
// reminder's day or date, is a question of its own rather than a poor
// answer: it is then answered, and the wait ends as any answer ends it.
func (c *conv) asksInstead(text string) bool {
	kb := c.e.KB()
	r := kb.Match(text, c.day)
	switch {
	case r.Urgent, DeclinedQuestion(text, r):
		return true
	case r.Entry == nil:
		return false
	}
	switch r.Topic {
	case content.TopicUnknown, content.TopicSmalltalk, content.TopicOutOfScope:
		return false
	case content.TopicReminders:
		return true
	}
	return kb.AsksSomething(text)
}

// "nhắc tôi" alone gets the reminders menu; the citizen often types what
// to remind of next instead of pressing a button ("nộp tiền lãi ngân
// hàng chính sách"), then the day ("mùng 10 hàng tháng"). Until session
// 67 the task was answered as a question (the loan payment entry) and
// the day as another, and no reminder was set (tester s67 R9, c63).

const (
	// awaitTask: the bare "nhắc tôi" menu was shown; the next text may
	// be what to remind of.
	awaitTask = "remind:task"
	// awaitTaskDay + the task: its day or time is awaited.
	awaitTaskDay = "remind:taskday:"
	// textAskTaskDay asks the day of a task given after the menu.
	textAskTaskDay = "Ông/bà muốn tôi nhắc «%s» vào ngày nào? Ví dụ: \"ngày 15 hằng tháng\", \"8 giờ sáng thứ 2 tuần sau\"."
)

// bareRemindWords are the folded words of a reminder request that names
// neither a task nor a time: "nhắc tôi", "đặt nhắc lịch giúp em".
var bareRemindWords = setOf("nhac", "toi", "em", "minh", "chau", "con", "ba", "ong", "bac", "lich", "dat", "loi",
	"giup", "gium", "dum", "voi", "nhe", "nha", "a", "hen", "muon", "can", "cho", "hay", "ban", "viec", "di", "lai")

// bareRemindRequest reports whether text asks for a reminder and says
// nothing else.
func bareRemindRequest(text string) bool {
	words := strings.Fields(wordsKey(text))
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !bareRemindWords[w] {
			return false
		}
	}
	return true
}

// taskGiven reads text, sent after the bare "nhắc tôi" menu, as what to
// remind of: with its day ("nộp tiền điện ngày 20") it is set; a loan
// payment or a card's expiry asks the day or date as their buttons do;
// any other task asks its day and waits for it (awaitTaskDay).
func (c *conv) taskGiven(text string) (bool, error) {
	request := "nhắc tôi " + text
	if req, ok := when.Parse(request, c.now, c.e.loc); ok && req.What != "" {
		return true, c.addRequest(req)
	}
	if asked, err := c.askMissingDay(request); asked || err != nil {
		return asked, err
	}
	task := strings.TrimSpace(content.Clean(text))
	if len(strings.Fields(task)) < 2 || len([]rune(task)) > 120 {
		return false, nil
	}
	c.user.Dialog.Awaiting = awaitTaskDay + task
	return true, c.reply(fmt.Sprintf(textAskTaskDay, DisplayLine(task)), nil, logMeta{topic: content.TopicReminders})
}

// isTask reports whether text, sent after the bare "nhắc tôi" menu, may
// be what to remind of: no question, danger, reminder command, small
// talk or call for an officer.
func (c *conv) isTask(text string) bool {
	if asksQuestion(text) {
		return false
	}
	r := c.e.KB().Match(text, c.day)
	if r.Urgent || r.Alarm != "" {
		return false
	}
	switch r.Topic {
	case content.TopicReminders, content.TopicSmalltalk, content.TopicOfficer:
		return false
	}
	return true
}

// keepTaskDay is the state that still waits for task's day.
func keepTaskDay(task string) string { return awaitTaskDay + task }
