package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// Reminder texts of the word-level requests.
const (
	textRemindQuietMoved = "Vì tôi không gửi tin nhắc tự động ban đêm (%s), tin nhắc này sẽ đến lúc %s."
	textRemindExactNight = "Ông/bà đã chọn giờ này nên tôi nhắc đúng giờ, kể cả ban đêm."
	textNoSuchDay        = "Tháng %d không có ngày %d. Ông/bà kiểm tra lại ngày giúp."
	textNoSuchDayYear    = "Tháng %d năm %d không có ngày %d. Ông/bà kiểm tra lại ngày giúp."
	textCardExpired      = "Thẻ bảo hiểm y tế của ông/bà đã hết hạn nên tôi không đặt lời nhắc. Ông/bà làm thủ tục gia hạn ngay:"
	textCancelNone       = "Tôi không thấy lời nhắc nào như vậy để hủy."
	textCancelWhich      = "Ông/bà muốn hủy lời nhắc nào? Bấm để hủy:"
	textRemindersNone    = "Ông/bà chưa có lời nhắc nào đang chạy."
)

// renewalEntry is the BHYT renewal answer, given instead of a reminder for
// a card that already expired.
const renewalEntry = "bhyt-renewal"

// remindWords handles reminder requests the knowledge base cannot answer by
// itself: cancelling in words ("hủy nhắc ngày 15", "thôi không nhắc thẻ
// bhyt nữa"), a date that does not exist ("ngày 30/2") and a BHYT card that
// has already expired. It reports whether text was one of them.
func (c *conv) remindWords(text string) (bool, error) {
	w := readRemindWords(text, c.now, c.e.loc)
	switch {
	case w.cancel:
		return true, c.cancelByWords(w)
	case w.expired:
		return true, c.cardExpired()
	case w.badDay > 0 && w.asksReminder:
		return true, c.reply(w.badDayText(), []Button{{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicReminders})
	}
	return false, nil
}

// remindWordsRead is what readRemindWords found.
type remindWordsRead struct {
	cancel, asksReminder bool
	card, loan           bool   // which reminder: the BHYT card's, the loan day's
	day                  int    // a day of the month named
	id                   uint64 // a reminder number named ("#3", "số 3")
	expired              bool   // a BHYT card said to have expired already
	badDay, badMonth     int    // a date that does not exist
	badYear              int
}

// cancelLead are words that, shortly before "nhắc", stop a reminder:
// "thôi không nhắc", "đừng nhắc nữa", "không cần nhắc".
var cancelLead = []string{"hủy", "xóa", "bỏ", "thôi", "đừng", "không", "ko", "khỏi", "ngừng", "dừng"}

// pastPhrases say that a card's expiry lies behind.
var pastPhrases = [][]string{
	{"tháng", "trước"}, {"năm", "ngoái"}, {"năm", "trước"}, {"tuần", "trước"}, {"hôm", "qua"},
	{"hôm", "trước"}, {"hết", "hạn", "rồi"}, {"đã", "hết", "hạn"}, {"quá", "hạn"},
}

func readRemindWords(text string, now time.Time, loc *time.Location) remindWordsRead {
	p := newRemindParser(text, now, loc)
	p.scan()
	var w remindWordsRead
	nhac := -1
	for i := range p.toks {
		if p.is(i, "nhắc") {
			nhac = i
			w.asksReminder = true
			for k := max(0, i-3); k < i; k++ {
				if p.is(k, cancelLead...) {
					w.cancel = true
				}
			}
		}
		if p.is(i, "lãi", "vay", "nợ") {
			w.loan = true
		}
		if p.is(i, "#", "số") && i+1 < len(p.toks) && len(p.toks[i+1].nums) == 1 {
			w.id = uint64(max(p.toks[i+1].nums[0], 0))
		}
		if strings.HasPrefix(p.toks[i].text, "#") {
			if n, err := strconv.ParseUint(strings.TrimPrefix(p.toks[i].text, "#"), 10, 64); err == nil {
				w.id = n
			}
		}
	}
	w.cancel = w.cancel || (nhac >= 0 && p.cancel)
	w.card, w.day = p.card, p.day
	if w.day == 0 && p.date.set && !p.date.monthOnly {
		w.day = p.date.day
	}
	if p.card && p.expiry && !w.cancel {
		switch {
		case p.anyPhrase(pastPhrases):
			w.expired = true
		case p.date.set && p.date.year > 0:
			if e, ok := p.date.resolve(p.now); ok && e.Before(midnightOf(p.now)) {
				w.expired = true
			}
		}
	}
	w.badDay, w.badMonth, w.badYear = impossibleDate(p)
	return w
}

// impossibleDate finds a day/month the calendar does not have ("30/2",
// "ngày 31 tháng 4"); zeros when there is none.
func impossibleDate(p *remindParser) (day, month, year int) {
	check := func(d, m, y int) bool {
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return false
		}
		limit := monthDays(2028, time.Month(m)) // a leap year: 29/2 exists in some year
		if y > 0 {
			limit = monthDays(y, time.Month(m))
		}
		return d > limit
	}
	for i, t := range p.toks {
		switch {
		case len(t.nums) >= 2 && (t.sep == '/' || t.sep == '-'):
			y := 0
			if len(t.nums) >= 3 {
				y = t.nums[2]
			}
			if check(t.nums[0], t.nums[1], y) {
				return t.nums[0], t.nums[1], y
			}
		case p.is(i, "ngày") && i+3 < len(p.toks) && len(p.toks[i+1].nums) == 1 && p.is(i+2, "tháng") && len(p.toks[i+3].nums) == 1:
			if d, m := p.toks[i+1].nums[0], p.toks[i+3].nums[0]; check(d, m, 0) {
				return d, m, 0
			}
		}
	}
	return 0, 0, 0
}

func (w remindWordsRead) badDayText() string {
	if w.badYear > 0 {
		return fmt.Sprintf(textNoSuchDayYear, w.badMonth, w.badYear, w.badDay)
	}
	return fmt.Sprintf(textNoSuchDay, w.badMonth, w.badDay)
}

// cancelByWords cancels the citizen's reminder the words name: by number,
// by kind (the BHYT card's, the loan day's) and by day. One match is
// cancelled at once; several are offered as buttons.
func (c *conv) cancelByWords(w remindWordsRead) error {
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return err
	}
	var active, match []Reminder
	for _, r := range all {
		if !r.Active() {
			continue
		}
		active = append(active, r)
		if w.id > 0 && r.ID != w.id {
			continue
		}
		if w.card && r.Type != ReminderBHYTExpiry || w.loan && !w.card && r.Type != ReminderLoanDay {
			continue
		}
		if w.day > 0 && reminderDay(&r, c.e.loc) != w.day {
			continue
		}
		match = append(match, r)
	}
	meta := logMeta{topic: content.TopicReminders}
	switch {
	case len(active) == 0:
		return c.reply(textRemindersNone, []Button{{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, {Label: labelMenu, Data: dataMenu}}, meta)
	case len(match) == 1:
		return c.cancelReminder(strconv.FormatUint(match[0].ID, 10))
	case len(match) == 0:
		match = active
	}
	var b strings.Builder
	if len(match) == len(active) && (w.id > 0 || w.card || w.loan || w.day > 0) {
		b.WriteString(textCancelNone + "\n")
	}
	b.WriteString(textCancelWhich)
	buttons := make([]Button, 0, len(match)+1)
	for i := range match {
		b.WriteString("\n• " + c.describeReminder(&match[i]))
		buttons = append(buttons, Button{Label: "Hủy nhắc #" + strconv.FormatUint(match[i].ID, 10), Data: dataRemind + "cancel:" + strconv.FormatUint(match[i].ID, 10)})
	}
	buttons = append(buttons, Button{Label: labelMenu, Data: dataMenu})
	return c.reply(b.String(), buttons, meta)
}

// reminderDay is the day of the month a personal reminder is about.
func reminderDay(r *Reminder, loc *time.Location) int {
	switch r.Type {
	case ReminderLoanDay:
		return r.Day
	case ReminderBHYTExpiry:
		return r.Expiry.In(loc).Day()
	case ReminderOnce:
		return r.At.In(loc).Day()
	}
	return 0
}

// cardExpired answers a request about a card that has already expired with
// the renewal steps instead of a reminder in the past.
func (c *conv) cardExpired() error {
	en, ok := c.e.KB().EntryOn(renewalEntry, c.day)
	if !ok {
		return c.reply(textCardExpired, nil, logMeta{topic: content.TopicHealthInsurance})
	}
	c.user.Dialog.Remember(en, c.now)
	return c.reply(textCardExpired+"\n\n"+en.Render(), []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}},
		logMeta{topic: en.Topic, entry: en.ID})
}

// quietNote tells when a reminder at a time the bot chose will really
// arrive, if quiet hours hold it back; and that a time the citizen chose
// at night is kept.
func (c *conv) quietNote(r *Reminder) string {
	if r.Type != ReminderOnce {
		return ""
	}
	real := c.e.quiet.Defer(r.At, c.e.loc)
	switch {
	case real.Equal(r.At):
		return ""
	case r.Exact:
		return "\n" + textRemindExactNight
	}
	q := c.e.quiet
	window := fmt.Sprintf("%s–%s", clockOf(q.From), clockOf(q.To))
	return "\n" + fmt.Sprintf(textRemindQuietMoved, window, real.In(c.e.loc).Format("15:04 ngày 02/01/2006"))
}

func clockOf(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours())%24, int(d.Minutes())%60)
}

// pastDate reports whether text is a date before today ("15/10/2026").
func pastDate(text string, now time.Time, loc *time.Location) bool {
	p := newRemindParser(text, now, loc)
	for i := 0; i < len(p.toks) && !p.date.set; i++ {
		p.matchDate(i)
	}
	if !p.date.set || p.date.year == 0 {
		return false
	}
	d, ok := p.date.resolve(p.now)
	return ok && d.Before(midnightOf(p.now))
}
