package bot

import (
	"fmt"
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
// message confirmed it: its first button lists the reminders) to the day
// text names: a day of the week alone is that day of the reminder's week
// ("đổi sang thứ 3" after "thứ 2 tuần sau"), the time of day kept; any
// other time is read as a request is. It reports whether it did.
func (c *conv) moveReminder(text string) (bool, error) {
	b := c.user.Dialog.Buttons
	if c.u.Data != "" || c.u.IsGroup || len(b) == 0 {
		return false, nil
	}
	// Right after the confirmation, or after the list of reminders
	// holding that one alone ("danh sách" then "đổi sang chủ nhật", tester
	// s67 R9, c64).
	listed := 0
	for _, x := range b {
		if strings.HasPrefix(x.Data, dataRemind+"cancel:") {
			listed++
		}
	}
	if b[0].Data != dataRemind+"list" && listed != 1 {
		return false, nil
	}
	to := moveTo(text)
	if to == "" {
		return false, nil
	}
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return true, err
	}
	var last *Reminder
	for i := range all {
		r := &all[i]
		if r.Active() && (last == nil || r.Created.After(last.Created) || r.Created.Equal(last.Created) && r.ID > last.ID) {
			last = r
		}
	}
	if last == nil || last.Type != ReminderOnce {
		return false, nil
	}
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
		if !req.Timed {
			at = time.Date(at.Year(), at.Month(), at.Day(), old.Hour(), old.Minute(), 0, 0, loc)
		} else {
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
