package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/when"
)

// "đổi sang thứ 3" right after a reminder was set: the one-off reminder
// just set moves to that day, the time of day kept. Until session 66 it
// got "Xin lỗi, tôi chưa hiểu rõ câu hỏi" (tester q3, c70).

// moveLeads are the folded words that open such a message.
var moveLeads = []string{"doi lai sang", "doi lich sang", "doi nhac sang", "doi sang", "chuyen sang", "doi thanh",
	"doi qua", "chuyen qua", "sua thanh", "doi lai thanh", "doi lai", "doi ngay sang", "lui sang", "doi ra"}

// vnWeekdays are the folded names of the days of the week, Monday
// first: "thứ 2" … "thứ 7", "chủ nhật".
var vnWeekdays = map[string]int{
	"thu 2": 0, "thu hai": 0, "t2": 0, "thu 3": 1, "thu ba": 1, "t3": 1, "thu 4": 2, "thu tu": 2, "t4": 2,
	"thu 5": 3, "thu nam": 3, "t5": 3, "thu 6": 4, "thu sau": 4, "t6": 4, "thu 7": 5, "thu bay": 5, "t7": 5,
	"chu nhat": 6, "cn": 6,
}

// textReminderMoved leads the confirmation of the reminder set in place
// of the one moved (%d: its number).
const textReminderMoved = "Đã hủy lời nhắc #%d và đặt lại theo ngày mới:"

// listSaying are the whole messages (choiceWords) that, right after a
// reminder was set, listed or cancelled, ask for the list of reminders:
// a bare "danh sách" there got the poverty review's steps ("Lập danh
// sách hộ…") until session 67 (tester s67 R9, c16, c63, c64).
var listSaying = setOf("danh sach", "xem danh sach", "ds", "xem ds", "danh sach dau", "cho xem danh sach",
	"xem lai", "xem lai danh sach", "danh sach cua toi", "xem het", "liet ke")

// afterReminders reports whether the latest reply was about the
// citizen's reminders: it carried a reminder button (the list, a cancel,
// "Nhắc lịch").
func (c *conv) afterReminders() bool {
	for _, b := range c.user.Dialog.Buttons {
		if strings.HasPrefix(b.Data, dataRemind) || b.Data == dataTopic+content.TopicReminders {
			return true
		}
	}
	return false
}

// moveTo reads text as "đổi sang <time>" and returns the time words, or
// "" when it is none.
func moveTo(text string) string {
	words := strings.FieldsFunc(content.Fold(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/' && r != ':' })
	joined := strings.Join(words, " ")
	for _, lead := range moveLeads {
		if rest, ok := strings.CutPrefix(joined, lead+" "); ok {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(rest, " nhe"), " nha"))
		}
	}
	return ""
}

// moveReminder moves the one-off reminder just set (the reply before this
// message confirmed it: its first button lists the reminders), or the
// one-off the list just shown holds alone, to the time text names (moveOne).
// After a list of several one-off reminders it asks which one, a button
// for each (until session 68 nothing moved, or "đổi" was set as a new
// reminder). After any other reply about reminders (the reminders'
// information answer, their menu) the citizen's one-off reminders are the
// candidates the same way, and with none it says there is none to change:
// until session 69 "đổi sang thứ 7" there, or after a list holding none,
// set a new reminder "đổi". It reports whether it did.
func (c *conv) moveReminder(text string) (bool, error) {
	b := c.user.Dialog.Buttons
	if c.u.Data != "" || c.u.IsGroup || len(b) == 0 || !c.afterReminders() {
		return false, nil
	}
	listed := map[uint64]bool{}
	for _, x := range b {
		if id, ok := strings.CutPrefix(x.Data, dataRemind+"cancel:"); ok {
			if n, err := strconv.ParseUint(id, 10, 64); err == nil {
				listed[n] = true
			}
		}
	}
	// justSet: the reply confirmed a reminder set (its first button is
	// the list).
	justSet := b[0].Data == dataRemind+"list" && len(listed) == 0
	to := moveTo(text)
	if to == "" || !c.moveTime(to) {
		return false, nil
	}
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return true, err
	}
	var last *Reminder
	var once, monthly []*Reminder
	repeating := false
	for i := range all {
		r := &all[i]
		if !r.Active() || r.Type == ReminderBroadcast {
			continue
		}
		if justSet && (last == nil || r.Created.After(last.Created) || r.Created.Equal(last.Created) && r.ID > last.ID) {
			last = r
		}
		switch {
		case r.Type == ReminderLoanDay && (len(listed) == 0 || listed[r.ID]):
			repeating = true
			monthly = append(monthly, r)
		case r.Type != ReminderOnce:
			repeating = true
		case len(listed) == 0 || listed[r.ID]:
			// After a list, the one-off reminders it shows.
			once = append(once, r)
		}
	}
	switch {
	case justSet && last != nil && last.Type == ReminderOnce:
	case justSet && len(once) > 0:
		// A repeating reminder just set keeps its day: which one-off?
		return true, c.askWhichMove(once, to)
	case len(once) == 1:
		last = once[0]
	case len(once) > 1:
		return true, c.askWhichMove(once, to)
	case len(monthly) == 1 && monthDayOnly(to) > 0:
		return true, c.moveMonthly(monthly[0], monthDayOnly(to))
	default:
		return true, c.noneToMove(repeating)
	}
	return c.moveOne(last, to)
}

// monthDayOnly is the day of the month to names alone ("ngày 20", "20",
// "mùng 5"), or 0.
func monthDayOnly(to string) int {
	words := strings.Fields(to)
	if len(words) == 0 || len(words) > 2 || len(words) == 2 && words[0] != "ngay" && words[0] != "mung" && words[0] != "mong" {
		return 0
	}
	d, err := strconv.Atoi(words[len(words)-1])
	if err != nil || d < 1 || d > 31 {
		return 0
	}
	return d
}

// moveMonthly moves the citizen's only monthly reminder r (the loan day)
// to day of every month: "đổi sang ngày 20" after it was set or listed.
// Until session 71 it was refused as a repeating reminder to cancel and
// set again (QA pass 71 #19).
func (c *conv) moveMonthly(r *Reminder, day int) error {
	if r.Day == day {
		return c.reply(fmt.Sprintf(textRemindExists, strings.TrimRight(c.describeReminder(r), ".")),
			[]Button{{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicReminders})
	}
	r.Cancelled = true
	if err := c.tx.PutReminder(r); err != nil {
		return err
	}
	c.noted = fmt.Sprintf(textReminderMoved, r.ID)
	c.user.Dialog.Awaiting = ""
	return c.addReminder(Reminder{Type: ReminderLoanDay, Day: day, Text: r.Text, Until: r.Until})
}

// Texts for "đổi sang …" with no one-off reminder to move: none at all,
// or only repeating ones (a loan payment day, a card's expiry), which
// keep their day.
const (
	textMoveNone       = "Ông/bà chưa có lời nhắc nào để đổi."
	textMoveOnlyRepeat = "Ông/bà chưa có lời nhắc một lần nào để đổi ngày; lời nhắc đang có là lời nhắc định kỳ, muốn đổi thì ông/bà hủy rồi đặt lại."
	textMoveSetNew     = "Muốn đặt lời nhắc mới, ông/bà gõ ví dụ: \"8 giờ sáng thứ 7 nhắc tôi đi họp\"."
)

// noneToMove tells the citizen there is no one-off reminder to move;
// repeating says they have repeating ones.
func (c *conv) noneToMove(repeating bool) error {
	text := textMoveNone
	if repeating {
		text = textMoveOnlyRepeat
	}
	return c.reply(text+" "+textMoveSetNew, []Button{{Label: labelRemindOnce, Data: dataRemind + "once"},
		{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicReminders})
}

// moveTime reports whether to, the words after "đổi sang", name a time a
// reminder may move to: a day of the week, or a time a one-off request
// reads ("thứ 7", "8 giờ sáng", "20/12"); "đổi sang hộ cận nghèo" is none.
func (c *conv) moveTime(to string) bool {
	if _, ok := vnWeekdays[to]; ok {
		return true
	}
	req, ok := when.Parse("nhắc tôi "+to, c.now, c.e.loc)
	return ok && req.Kind == when.Once
}

// textMoveWhich asks which reminder to move.
const textMoveWhich = "Ông/bà muốn đổi lời nhắc nào? Bấm để chọn:"

// askWhichMove lists the one-off reminders rs and asks which one moves to
// to, a button for each (its data carries to, within a callback's 64
// bytes).
func (c *conv) askWhichMove(rs []*Reminder, to string) error {
	var b strings.Builder
	b.WriteString(textMoveWhich)
	buttons := make([]Button, 0, len(rs)+1)
	for _, r := range rs {
		id := strconv.FormatUint(r.ID, 10)
		data := dataRemind + "move:" + id + ":" + to
		if len(data) > 64 {
			return c.listReminders()
		}
		b.WriteString("\n• " + c.describeReminder(r))
		buttons = append(buttons, Button{Label: "Đổi nhắc #" + id, Data: data})
	}
	buttons = append(buttons, Button{Label: labelMenu, Data: dataMenu})
	return c.reply(b.String(), buttons, logMeta{topic: content.TopicReminders})
}

// pressMove moves the reminder a "Đổi nhắc #N" button names (action:
// "N:time").
func (c *conv) pressMove(action string) error {
	idText, to, _ := strings.Cut(action, ":")
	id, err := strconv.ParseUint(idText, 10, 64)
	r, getErr := c.tx.Reminder(id)
	if err != nil || getErr != nil || r.Owner != c.user.Key || !r.Active() || r.Type != ReminderOnce || to == "" {
		return c.reply(textNoSuchReminder, nil, logMeta{topic: content.TopicReminders})
	}
	if done, err := c.moveOne(&r, to); done || err != nil {
		return err
	}
	return c.reply(textMoveUnread, []Button{{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}},
		logMeta{topic: content.TopicReminders})
}

// textMoveUnread: the time a move button carries cannot be read.
const textMoveUnread = "Tôi chưa hiểu thời gian mới. Ông/bà gõ lại, ví dụ \"đổi sang thứ 7\" hoặc \"đổi sang 8 giờ sáng\"."

// moveOne moves the one-off reminder last to the time to names: a day of
// the week alone is that day of the reminder's week ("đổi sang thứ 3"
// after "thứ 2 tuần sau"), the time of day kept; a time of day alone
// ("đổi sang 8 giờ") is that time on the reminder's day; any other time
// is read as a request is. It reports false when to is no time.
func (c *conv) moveOne(last *Reminder, to string) (bool, error) {
	loc := c.e.loc
	old := last.At.In(loc)
	var at time.Time
	exact := last.Exact
	if wd, ok := vnWeekdays[to]; ok {
		day := time.Date(old.Year(), old.Month(), old.Day(), old.Hour(), old.Minute(), 0, 0, loc)
		monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		at = monday.AddDate(0, 0, wd)
		if !at.After(c.now) {
			at = at.AddDate(0, 0, 7)
		}
	} else {
		req, ok := when.Parse("nhắc tôi "+to, c.now, loc)
		if !ok || req.Kind != when.Once {
			return false, nil
		}
		at = req.At.In(loc)
		switch {
		case !req.Timed:
			at = time.Date(at.Year(), at.Month(), at.Day(), old.Hour(), old.Minute(), 0, 0, loc)
		case clockOnly(to):
			at = time.Date(old.Year(), old.Month(), old.Day(), 0, 0, 0, 0, loc).Add(req.Clock)
			exact = req.Exact
		default:
			exact = req.Exact
		}
	}
	if !at.After(c.now) {
		return true, c.reply(textRemindPast, nil, logMeta{topic: content.TopicReminders})
	}
	last.Cancelled = true
	if err := c.tx.PutReminder(last); err != nil {
		return true, err
	}
	c.noted = fmt.Sprintf(textReminderMoved, last.ID)
	c.user.Dialog.Awaiting = ""
	return true, c.addReminder(Reminder{Type: ReminderOnce, At: at, Text: last.Text, Exact: exact})
}

// clockWords are the folded words a time of day alone is told with ("8
// giờ sáng", "lúc 7h30", "chiều").
var clockWords = setOf("gio", "h", "g", "phut", "p", "ruoi", "kem", "luc", "vao", "sang", "trua", "chieu", "toi", "dem", "buoi", "dung")

// clockOnly reports whether to names a time of day and no day.
func clockOnly(to string) bool {
	words := strings.FieldsFunc(to, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !clockWords[w] && strings.Trim(w, "0123456789hgp") != "" {
			return false
		}
	}
	return true
}
