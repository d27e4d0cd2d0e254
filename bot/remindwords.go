package bot

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/when"
)

// Reminder texts of the word-level requests.
const (
	// A personal reminder asked for in quiet hours is set for their end
	// (docs/architecture.md §6), and the confirmation says so.
	textRemindNight = "Ban đêm (%s) tôi không nhắn tin, nên tôi sẽ nhắc lúc %s"
	// A one-off asked for in the evening part of quiet hours is set for
	// the last minute before them, so that it comes before the event.
	textRemindEvening = "Buổi tối muộn (từ %s) tôi không nhắn tin, nên tôi sẽ nhắc sớm hơn, lúc %s"
	// ... unless that minute is past: it goes when quiet hours end, later
	// than the time asked for (or, with no time asked, not that night),
	// and the citizen may cancel it (textRemindCancelLate).
	textRemindTooLate      = "Ban đêm (%s) tôi không nhắn tin, nên tôi sẽ nhắc lúc %s, muộn hơn giờ ông/bà hẹn (%s)."
	textRemindTooLateNight = "Ban đêm (%s) tôi không nhắn tin, nên không nhắc được trong %s; tôi sẽ nhắc lúc %s."
	textRemindCancelLate   = " Nếu lúc đó không cần nữa, ông/bà bấm «Hủy nhắc #%d»."
	// A monthly reminder asked for at another hour than the bot's.
	textRemindMonthlyHour = "Lời nhắc hằng tháng tôi chỉ gửi lúc %s, nên tôi sẽ nhắc lúc %s"
	textRemindAsked       = ", thay vì %s như ông/bà hẹn."
	textNoSuchDay         = "Tháng %d không có ngày %d. Ông/bà kiểm tra lại ngày giúp."
	textNoSuchDayYear     = "Tháng %d năm %d không có ngày %d. Ông/bà kiểm tra lại ngày giúp."
	textCardExpired       = "%s đã hết hạn nên tôi không đặt lời nhắc. Ông/bà làm thủ tục gia hạn ngay:"
	textCancelNone        = "Tôi không thấy lời nhắc nào như vậy để hủy."
	textCancelWhich       = "Ông/bà muốn hủy lời nhắc nào? Bấm để hủy:"
	textRemindersNone     = "Ông/bà chưa có lời nhắc nào đang chạy."
	// A reminder asked for again: the one already set, not a second.
	textRemindExists = "Ông/bà đã có lời nhắc này rồi, tôi không đặt thêm để ông/bà không nhận tin hai lần:\n%s."
	// A card expiring within the reminders' leads: what is left, and the
	// next step of the renewal answer (renewalEntry), before the
	// confirmation of the reminders still ahead.
	textCardSoon         = "%s %s. Ông/bà nên gia hạn ngay: hỏi UBND xã/phường hoặc cơ quan Bảo hiểm xã hội."
	textCardDaysLeft     = "còn %d ngày nữa là hết hạn (%s)"
	textCardTomorrow     = "hết hạn ngày mai (%s)"
	textCardExpiresToday = "%s hết hạn hôm nay (%s), không còn kịp nhắc trước nên tôi không đặt lời nhắc. Ông/bà làm thủ tục gia hạn ngay:"
	labelRenewHow        = "Cách gia hạn thẻ BHYT"
	labelRemindOnce      = "Đặt lời nhắc một lần"
	// A repeat the bot cannot schedule, said plainly, with what it can.
	textRepeatUnsupported = "Dạ, tôi chưa đặt được lời nhắc %s. Tôi nhắc được:\n" +
		"- một ngày cố định hằng tháng, ví dụ: \"nhắc tôi ngày 15 hằng tháng đóng lãi\";\n" +
		"- một lần vào ngày, giờ ông/bà chọn, ví dụ: \"8 giờ sáng thứ 2 tuần sau đi họp\"."
)

const (
	textLunarUnsupported = "Dạ, tôi chưa nhắc được theo ngày âm lịch, nên chưa đặt lời nhắc này. " +
		"Ông/bà xem lịch rồi gõ ngày dương lịch cần nhắc (ngày/tháng), tôi nhắc đúng ngày đó."
	textTetUnsupported = "Dạ, tôi chưa tính được ngày Tết, nên chưa đặt lời nhắc này. " +
		"Ông/bà gõ ngày dương lịch cần nhắc (ngày/tháng/năm), tôi nhắc đúng ngày đó."
)

// lunarOrTet is the reply to a reminder asked on a lunar date ("mùng 10 âm
// lịch", "rằm tháng giêng") or counted from Tết, which the bot cannot
// place on the solar calendar; "" otherwise.
func lunarOrTet(text string) string {
	f := " " + strings.Join(strings.Fields(content.Fold(content.Clean(text))), " ") + " "
	for _, p := range []string{" am lich ", " lich am ", " ngay am ", " thang am "} {
		if strings.Contains(f, p) {
			return textLunarUnsupported
		}
	}
	if lunarDay.MatchString(f) || strings.Contains(" "+strings.ToLower(text)+" ", " rằm ") || strings.Contains(f, " thang gieng ") {
		return textLunarUnsupported
	}
	if strings.Contains(f, " tet ") && !strings.Contains(f, " tet duong ") && !strings.Contains(f, " tet tay ") {
		return textTetUnsupported
	}
	return ""
}

// lunarDay is a day said with "âm" after it, folded: "mùng 10 âm", "ngày
// 15 tháng 8 âm".
var lunarDay = regexp.MustCompile(` (mung|mong|ngay) \d{1,2}( thang \d{1,2})? am `)

// repeatNames are the repeats the citizen asked for in vain, as the reply
// names them.
var repeatNames = map[when.Period]string{when.Daily: "hằng ngày", when.Weekly: "hằng tuần", when.Yearly: "hằng năm"}

// renewalEntry is the BHYT renewal answer, given instead of a reminder for
// a card that already expired.
const renewalEntry = "bhyt-renewal"

// remindWords handles reminder requests the knowledge base cannot answer by
// itself: cancelling in words ("hủy nhắc ngày 15", "thôi không nhắc thẻ
// bhyt nữa"), a date that does not exist ("ngày 30/2") and a reminder for
// a BHYT card that has already expired. It reports whether text was one of them.
func (c *conv) remindWords(text string) (bool, error) {
	w := when.ReadWords(text, c.now, c.e.loc)
	switch {
	case w.Cancel && pauseAsked(text, w):
		return true, c.stopOffer()
	case w.Cancel:
		return true, c.cancelByWords(text, w)
	case w.Expired && w.AsksReminder:
		// A reminder asked for a card already expired. Told without
		// asking for one ("thẻ hết hạn từ tháng trước, gia hạn ở đâu"),
		// it is a question for the matcher: its answer offers no reminder
		// (remindButton).
		return true, c.cardExpired()
	case w.AsksReminder && !w.Cancel && lunarOrTet(text) != "":
		// "mùng 10 âm lịch", "trước tết 1 tuần": the bot has no lunar
		// calendar, so it says so and asks for the solar date instead of
		// reading the words as another day (QA pass 71 #6).
		return true, c.reply(lunarOrTet(text), []Button{{Label: labelRemindOnce, Data: dataRemind + "once"}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicReminders})
	case w.Repeat != 0 && w.AsksReminder:
		return true, c.repeatUnsupported(w)
	case w.BadDay > 0 && w.AsksReminder:
		if w.Card && !c.u.IsGroup {
			// A card's expiry date the calendar does not have ("nhắc tôi
			// thẻ bhyt hết hạn 31/02/2027") is awaited, as after the
			// question (awaited): the reply has no buttons, so
			// "28/2/2027" next is the date. Until session 66 the wait was
			// kept only when the date came in a second message. (A loan
			// day is a day of the month: "30/2" there names no such day
			// to wait for.)
			c.user.Dialog.Awaiting = awaitExpiry
			if owner := cardOwner(text); owner != "" {
				c.user.Dialog.Awaiting += ":" + owner
			}
			return true, c.reply(badDayText(w), nil, logMeta{topic: content.TopicReminders})
		}
		return true, c.reply(badDayText(w), []Button{{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicReminders})
	case w.Card && !w.AsksReminder && !w.Cancel && !c.u.IsGroup:
		if d, ok := c.statedExpiry(text); ok {
			note := ""
			if !expiryDateSure(text, d, c.now, c.e.loc) {
				// "hết hạn 15/3": its next occurrence; the reply says
				// which year was read (docs/architecture.md §6).
				note = fmt.Sprintf(textYearRead, d.Format("02/01/2006"), d.Format("2/1/2006"))
			}
			return true, c.addReminderNoting(expiryReminderOf(d, cardOwner(text)), note)
		}
	}
	return false, nil
}

// recentPast is how long ago a day and month written without a year may
// have passed and still be read as this year's, the day something
// happened, rather than next year's.
const recentPast = 60 * 24 * time.Hour

// recentlyPast reports whether d, read as its next occurrence, is a date
// without its year whose occurrence this year passed less than recentPast
// ago: "20/11" said on 07/12.
func recentlyPast(d, now time.Time, loc *time.Location) bool {
	d, now = d.In(loc), now.In(loc)
	this := time.Date(now.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	return d.Year() == now.Year()+1 && this.Before(today) && today.Sub(this) < recentPast
}

// textYearRead says which year a card's date written without one was read
// as: its next occurrence. Its example is that date with its year, never
// a fixed one that would become a past day (until session 72: 15/3/2027).
const textYearRead = "Ông/bà không ghi năm nên tôi hiểu thẻ hết hạn ngày %s. Nếu không đúng, ông/bà bấm hủy lời nhắc rồi gõ lại ngày có cả năm, ví dụ: %s."

// statedExpiry reads a message that only tells the card's expiry date,
// "thẻ bhyt hết hạn 31/12/2026" or "thẻ bhyt của tôi hết hạn 15/3/2027",
// as the README's /nhac says it sets the reminder: nothing else is said
// but fillers (cardFillers). A question about the card ("… năm sau có thẻ
// mới không") is answered, with the one-tap button (remindButton). A day
// and month past this year without its year ("hết hạn 15/3" in December)
// is its next occurrence, and the reply names the year read; until session
// 71 it got the renewal answer and no reminder (QA pass 71 #5). One past
// by less than recentPast ("hết hạn 20/11" on 07/12) may be the day the
// card expired: it is still answered, and the button asks.
func (c *conv) statedExpiry(text string) (time.Time, bool) {
	req, ok := when.Parse(text, c.now, c.e.loc)
	if !ok || req.Kind != when.BHYTExpiry || recentlyPast(req.Expiry, c.now, c.e.loc) {
		return time.Time{}, false
	}
	for _, f := range strings.Fields(content.Fold(content.Clean(req.What))) {
		if !cardFillers[f] {
			return time.Time{}, false
		}
	}
	return req.Expiry, true
}

// cardFillers are the words, folded, that may stand beside a card's expiry
// date in a message that only tells it: whose card it is, "là", "vào",
// "ạ", "nhé".
var cardFillers = map[string]bool{
	"cua": true, "toi": true, "nha": true, "minh": true, "em": true, "chau": true, "con": true,
	"ong": true, "ba": true, "bo": true, "me": true, "vo": true, "chong": true,
	"la": true, "vao": true, "ngay": true, "a": true, "nhe": true,
	// The card named again: "… của mẹ hết hạn, thẻ hết hạn 31/12/2026"
	// left "của mẹ thẻ" as the reminder's text until session 67 (tester
	// s67 R9, c11).
	"the": true, "bhyt": true, "bao": true, "hiem": true, "y": true, "te": true, "het": true, "han": true,
	"khi": true, "truoc": true, "sap": true, "cai": true,
}

// expiryDateSure reports whether a card's expiry date d read in text is
// surely the coming one: its year written, or this year's date. A day and
// month already past this year, written without the year ("hết hạn ngày
// 20/11" on 27/11), is as likely the day it expired as next year's.
func expiryDateSure(text string, d, now time.Time, loc *time.Location) bool {
	return d.Year() == now.In(loc).Year() || strings.Contains(text, strconv.Itoa(d.Year()))
}

func badDayText(w when.Words) string {
	if w.BadYear > 0 {
		return fmt.Sprintf(textNoSuchDayYear, w.BadMonth, w.BadYear, w.BadDay)
	}
	return fmt.Sprintf(textNoSuchDay, w.BadMonth, w.BadDay)
}

// cancelByWords cancels the citizen's reminder the words name: by number,
// by kind (the BHYT card's, the loan day's), by day and by what it is for
// ("hủy nhắc tiền điện": cancelWords). One match is cancelled at once;
// several are offered as buttons, and so is every reminder when none
// matches, after saying so.
func (c *conv) cancelByWords(text string, w when.Words) error {
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return err
	}
	words := cancelWords(text)
	if w.ID > 0 || w.Card || w.Loan || w.Day > 0 {
		words = nil // the kind, day or number names it
	}
	var active, match []Reminder
	best := 0 // the most of words a reminder's text says
	for _, r := range all {
		if !r.Active() {
			continue
		}
		active = append(active, r)
		if w.ID > 0 && r.ID != w.ID {
			continue
		}
		// "hủy nhắc bhyt": the card's expiry reminder, or one the citizen
		// set about the card in their own words ("gia hạn thẻ bhyt").
		// "hủy nhắc nộp tiền vay": the loan day's reminder, or one the
		// citizen set to pay the loan in their own words ("đi nộp tiền
		// vay" once; until session 67 it was not found).
		if w.Card && r.Type != ReminderBHYTExpiry && !c.aboutCard(r.Text) || w.Loan && !w.Card && r.Type != ReminderLoanDay && !c.paysLoan(r.Text) {
			continue
		}
		if w.Day > 0 && reminderDay(&r, c.e.loc) != w.Day {
			continue
		}
		if len(words) > 0 {
			// "huy nhac tien dien" beside "nộp tiền vay": "tiền" is in
			// both, "điện" in one; the reminders saying the most words win.
			n := saysCount(r.Text, words)
			if n == 0 || n < best {
				continue
			}
			if n > best {
				best, match = n, nil
			}
		}
		match = append(match, r)
	}
	if w.Loan && !w.Card && len(match) > 1 {
		// "hủy nhắc trả nợ": of the monthly reminders, the loan's.
		var pays []Reminder
		for _, r := range match {
			if c.paysLoan(r.Text) {
				pays = append(pays, r)
			}
		}
		if len(pays) > 0 {
			match = pays
		}
	}
	meta := logMeta{topic: content.TopicReminders}
	none := false
	switch {
	case len(active) == 0:
		return c.reply(textRemindersNone, []Button{{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, {Label: labelMenu, Data: dataMenu}}, meta)
	case len(match) == 1:
		return c.cancelReminder(strconv.FormatUint(match[0].ID, 10))
	case len(match) == 0:
		match, none = active, true
	}
	var b strings.Builder
	if none {
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

// pauseLeads are the folded words that ask for a pause ("tạm dừng nhắc",
// "tạm ngưng nhận tin").
var pauseLeads = []string{"tam dung", "tam ngung", "tam thoi dung", "tam thoi khong", "tam nghi", "tam tat"}

// pauseAsked reports whether text, a cancel request (w), asks to pause the
// reminders without naming one ("tạm dừng nhắc"): it is offered the stop
// of every automatic message and the list of reminders (stopOffer), not
// told that no reminder "tạm" was found (until session 68).
func pauseAsked(text string, w when.Words) bool {
	if w.ID > 0 || w.Card || w.Loan || w.Day > 0 {
		return false
	}
	key := " " + wordsKey(text) + " "
	paused := false
	for _, l := range pauseLeads {
		if strings.Contains(key, " "+l+" ") {
			paused = true
		}
	}
	if !paused {
		return false
	}
	for _, f := range cancelWords(text) {
		if f != "tam" {
			return false // what the reminder is for
		}
	}
	return true
}

// stopOffer answers a request to stop the automatic messages that names
// none: how to stop them all or cancel one, with a button for each.
func (c *conv) stopOffer() error {
	en, ok := c.e.KB().Entry(stopEntry)
	if !ok {
		return c.listReminders()
	}
	return c.reply(en.Render(), []Button{{Label: "Dừng tất cả tin tự động", Data: dataRemind + "stopall"},
		{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}}, logMeta{topic: en.Topic, entry: en.ID})
}

// stopEntry is the answer on stopping automatic messages.
const stopEntry = "remind-stop"

// cancelFillers are the words, folded, of a cancel request that do not say
// what a reminder is for: the verbs, "nhắc", whose, when, and particles.
var cancelFillers = map[string]bool{
	"huy": true, "xoa": true, "bo": true, "thoi": true, "dung": true, "khong": true, "ko": true, "k": true,
	"khoi": true, "ngung": true, "can": true, "nhac": true, "nhan": true, "loi": true, "cai": true, "viec": true,
	"tin": true, "nua": true, "roi": true, "luon": true, "het": true, "tat": true, "ca": true, "cac": true,
	"nhung": true, "moi": true, "la": true, "vao": true, "cua": true, "do": true, "nay": true, "kia": true,
	"ay": true, "da": true, "duoc": true, "dc": true, "cho": true, "xin": true, "giup": true, "dum": true,
	"ho": true, "voi": true, "nhe": true, "nha": true, "a": true, "di": true, "so": true, "hen": true,
	"toi": true, "minh": true, "em": true, "con": true, "chau": true, "ong": true, "ba": true, "bac": true,
	"co": true, "chu": true, "anh": true, "chi": true, "sang": true, "trua": true, "chieu": true, "dem": true,
	"mai": true, "mot": true, "hai": true, "gio": true, "phut": true, "h": true, "luc": true, "buoi": true,
	"hom": true, "ngay": true, "tuan": true, "thang": true, "nam": true, "hang": true, "thu": true, "sau": true,
	"truoc": true, "lan": true, "vui": true, "long": true, "muon": true, "thay": true, "doi": true,
	"dat": true, "qua": true, "nho": true, "gium": true, "cung": true, "dang": true, "ve": true, "nhieu": true,
}

// cancelWords returns the words, folded, of a cancel request that may say
// what the reminder is for ("hủy nhắc tiền điện": tien, dien); none for
// "hủy nhắc", "thôi không nhắc nữa", "hủy hết các lời nhắc".
func cancelWords(text string) []string {
	var out []string
	for _, f := range strings.Fields(wordsKey(text)) {
		if !cancelFillers[f] && strings.IndexFunc(f, unicode.IsDigit) < 0 {
			out = append(out, f)
		}
	}
	return out
}

// saysCount counts the words (folded) a reminder's text has.
func saysCount(text string, words []string) int {
	n := 0
	for _, f := range slices.Compact(slices.Sorted(slices.Values(strings.Fields(wordsKey(text))))) {
		if slices.Contains(words, f) {
			n++
		}
	}
	return n
}

// aboutCard reports whether a reminder's text, in the citizen's words, is
// about the BHYT card: "gia hạn thẻ bhyt", "thẻ bảo hiểm y tế", "đi gia
// hạn bảo hiểm". Another insurance named ("bảo hiểm xã hội", "bhxh") is
// not the card.
func (c *conv) aboutCard(text string) bool {
	if when.ReadWords(text, c.now, c.e.loc).Card {
		return true
	}
	key := " " + wordsKey(text) + " "
	for i := strings.Index(key, " bao hiem "); i >= 0; {
		rest := key[i+len(" bao hiem "):]
		if !strings.HasPrefix(rest, "xa hoi ") && !strings.HasPrefix(rest, "xh ") &&
			!strings.HasPrefix(rest, "that nghiep ") && !strings.HasPrefix(rest, "nhan tho ") {
			return true
		}
		j := strings.Index(rest, " bao hiem ")
		if j < 0 {
			break
		}
		i += len(" bao hiem ") + j
	}
	return false
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
// The card is the one the citizen's message names (cardOwner), or theirs.
func (c *conv) cardExpired() error { return c.cardExpiredOf(cardOwner(c.u.Text)) }

// renewInstead answers a card reminder that could not be sent in time with
// lead and the renewal steps.
func (c *conv) renewInstead(lead string) error {
	en, ok := c.e.KB().EntryOn(renewalEntry, c.day)
	if !ok {
		return c.reply(lead, nil, logMeta{topic: content.TopicHealthInsurance})
	}
	c.user.Dialog.Remember(en, c.now)
	return c.reply(lead+"\n\n"+en.Render(), []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}},
		logMeta{topic: en.Topic, entry: en.ID})
}

// cardSoonText says how soon owner's card (textCardOf) expiring in left
// days, on date, does and that it is time to renew.
func cardSoonText(left int, date, owner string) string {
	when := fmt.Sprintf(textCardDaysLeft, left, date)
	if left == 1 {
		when = fmt.Sprintf(textCardTomorrow, date)
	}
	return fmt.Sprintf(textCardSoon, textCardOf(owner), when)
}

// describeLeads says when a card's reminders go, with the days they are
// sent on: "8 giờ sáng ngày 01/12/2026 và 24/12/2026, 30 ngày và 7 ngày
// trước khi thẻ hết hạn (31/12/2026)"; those already sent (up to Last)
// are left out, unless every one is.
func describeLeads(r *Reminder, loc *time.Location) string {
	expiry := r.Expiry.In(loc).Format("02/01/2006")
	ahead := r.LeadDays()
	for i, days := range ahead {
		if leadTime(r.Expiry, days, loc).After(r.Last) {
			ahead = ahead[i:]
			break
		}
	}
	var dates, leads []string
	for _, days := range ahead {
		dates = append(dates, leadTime(r.Expiry, days, loc).Format("02/01/2006"))
		leads = append(leads, strconv.Itoa(days)+" ngày")
	}
	sent := fmt.Sprintf("%d giờ sáng ngày %s", personalHour, strings.Join(dates, " và "))
	if len(leads) == 1 && leads[0] == "0 ngày" {
		return fmt.Sprintf("%s, đúng ngày thẻ hết hạn", sent)
	}
	return fmt.Sprintf("%s, %s trước khi thẻ hết hạn (%s)", sent, strings.Join(leads, " và "), expiry)
}

// repeatUnsupported answers a reminder asked for every day, week or year:
// the bot cannot send one, says so, and offers what it can.
func (c *conv) repeatUnsupported(w when.Words) error {
	buttons := []Button{{Label: labelRemindLoan, Data: dataRemind + "loan"}}
	if w.Card {
		buttons = append(buttons, Button{Label: labelRemindBHYT, Data: dataRemind + "bhyt"})
	}
	buttons = append(buttons, Button{Label: labelRemindOnce, Data: dataRemind + "once"}, Button{Label: labelMenu, Data: dataMenu})
	return c.reply(fmt.Sprintf(textRepeatUnsupported, repeatNames[w.Repeat]), buttons, logMeta{topic: content.TopicReminders})
}

// eveningMargin is how long before quiet hours begin the bot sets an
// evening reminder it moves out of them: room for a send a few minutes
// late (a tick skipped, a slow platform), which past their start would be
// held until the next morning, after what the reminder was for.
const eveningMargin = 15 * time.Minute

// outOfNight keeps a one-off reminder r out of quiet hours and returns the
// line that tells the citizen so; "" when r keeps its time. The scheduler
// would hold it back anyway (remind.Scheduler): moving it here makes the
// stored time, the lists and the confirmation say when it really goes.
//
// A time in the part of quiet hours that begins on its own day (21:00 to
// midnight) is for something that evening ("10 giờ tối nay đi họp thôn",
// "đêm nay"): a reminder the next morning would come after it, so r moves
// earlier, to eveningMargin before quiet hours begin (20:45), or, asked
// after that, to the last minute before them. When that minute is past
// too, r goes at their end and late reports that this is after the
// time asked for (addReminderNoting then offers to cancel it). A time
// after midnight ("5h sáng mai") moves to their end, as the night before
// is not that day.
func (c *conv) outOfNight(r *Reminder) (note string, late bool) {
	if r.Type != ReminderOnce {
		return "", false
	}
	loc := c.e.loc
	asked := r.At.In(loc)
	morning := c.e.quiet.Defer(asked, loc).In(loc)
	if morning.Equal(asked) {
		return "", false
	}
	y, m, d := asked.Date()
	begins := time.Date(y, m, d, 0, 0, 0, 0, loc).Add(c.e.quiet.From)
	instead := "."
	if r.Exact {
		instead = fmt.Sprintf(textRemindAsked, asked.Format("15:04"))
	}
	// Quiet hours within the small hours (00:00–06:00) have no evening.
	evening := c.e.quiet.From > c.e.quiet.To || c.e.quiet.From >= 12*time.Hour
	if evening && !asked.Before(begins) {
		for _, earlier := range []time.Time{begins.Add(-eveningMargin), begins.Add(-time.Minute)} {
			if earlier.After(c.now) {
				r.At = earlier
				return fmt.Sprintf(textRemindEvening, clockOf(c.e.quiet.From), earlier.Format("15:04")+" "+c.evening(earlier)) + instead, false
			}
		}
		late = true
	}
	r.At = morning
	sent := morning.Format("15:04") + " " + dayPart(morning.Hour()) + " " + morning.Format("02/01/2006")
	if late {
		if r.Exact {
			return fmt.Sprintf(textRemindTooLate, c.quietWindow(), sent, asked.Format("15:04")+" "+c.evening(asked)), true
		}
		// "đêm nay": the bot chose the time.
		return fmt.Sprintf(textRemindTooLateNight, c.quietWindow(), c.evening(asked), sent), true
	}
	return fmt.Sprintf(textRemindNight, c.quietWindow(), sent) + instead, false
}

// textRemindLate is a one-off reminder quiet hours held past its time:
// when it should have gone (the stored time, which for an evening the bot
// moved is not the citizen's appointment), and why it comes now.
const textRemindLate = "⏰ Nhắc lịch (lẽ ra gửi lúc %s, gửi muộn vì ban đêm tôi không nhắn tin): %s"

// LateReminderText is the message of a personal one-off reminder whose
// time, at, came in quiet hours or too close to them to be sent before
// they began (remind.Scheduler holds it until they end): it names the time
// it should have gone, so that the citizen does not read it as the
// morning's.
func LateReminderText(text string, at time.Time, loc *time.Location) string {
	at = at.In(loc)
	return fmt.Sprintf(textRemindLate, at.Format("15:04")+" "+dayPart(at.Hour())+" "+at.Format("02/01/2006"), text)
}

// evening names the part of t's day t is in as the citizen reads it:
// "tối nay" today, else "tối 08/12/2026".
func (c *conv) evening(t time.Time) string {
	if t.Format(time.DateOnly) == c.now.In(c.e.loc).Format(time.DateOnly) {
		return dayPart(t.Hour()) + " nay"
	}
	return dayPart(t.Hour()) + " " + t.Format("02/01/2006")
}

// monthlyHourNote tells the citizen who asked for a monthly reminder at a
// time of day (req.Clock) that it goes at personalHour on its day, as
// every monthly reminder does: in quiet hours, because the bot does not
// write at night; "" when no time, or personalHour, was asked for. The
// morning of the day, not the end of quiet hours the next day, since a
// payment day's reminder must come on that day.
func (c *conv) monthlyHourNote(req when.Request) string {
	if req.Kind != when.LoanDay || !req.Timed || req.Clock == personalHour*time.Hour {
		return ""
	}
	asked := clockOf(req.Clock)
	sent := fmt.Sprintf("%02d:00 %s ngày %d hằng tháng", personalHour, dayPart(personalHour), req.Day)
	day := startOfDay(c.now, c.e.loc)
	if at := day.Add(req.Clock); !c.e.quiet.Defer(at, c.e.loc).Equal(at) {
		return fmt.Sprintf(textRemindNight, c.quietWindow(), sent) + fmt.Sprintf(textRemindAsked, asked)
	}
	return fmt.Sprintf(textRemindMonthlyHour, fmt.Sprintf("%02d:00 %s", personalHour, dayPart(personalHour)), sent) + fmt.Sprintf(textRemindAsked, asked)
}

// quietWindow is the configured quiet hours as the citizen reads them.
func (c *conv) quietWindow() string {
	return clockOf(c.e.quiet.From) + "–" + clockOf(c.e.quiet.To)
}

// dayPart names the part of the day an hour is in, as said after a
// clock time ("07:00 sáng").
func dayPart(hour int) string {
	switch {
	case hour < 11:
		return "sáng"
	case hour < 13:
		return "trưa"
	case hour < 18:
		return "chiều"
	}
	return "tối"
}

func clockOf(d time.Duration) string {
	return fmt.Sprintf("%02d:%02d", int(d.Hours())%24, int(d.Minutes())%60)
}
