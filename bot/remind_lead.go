package bot

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/bacninh/ansinh/content"
)

// A follow-up to a card reminder just set ("nhắc tôi trước 1 tuần",
// "trước 3 ngày nhắc tôi") asks when before the expiry it comes. Until
// session 70 it got the reminders' help and menu (QA #19). It is now
// confirmed when the card's reminder already comes then, and added to its
// notices when not.

// leadAsked reads "trước N ngày/tuần" in folded text.
var leadAsked = regexp.MustCompile(`\btruoc (\d{1,2}|mot|hai|ba|bon|nam) (ngay|tuan)\b`)

// leadWords are the number words leadAsked reads.
var leadWords = map[string]int{"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5}

// textLeadKept confirms a notice the card's reminder already has;
// textLeadAdded one added. %d: the reminder, the days; %s: when it goes.
const (
	textLeadKept  = "Dạ, lời nhắc #%d đã có lần nhắc trước %d ngày: %d giờ sáng ngày %s."
	textLeadAdded = "Dạ, tôi đã thêm lần nhắc trước %d ngày vào lời nhắc #%d: %s."
)

// cardLead answers text, sent right after a card reminder was set, when it
// asks for a notice some days before the expiry; it reports whether it
// did.
func (c *conv) cardLead(text string) (bool, error) {
	b := c.user.Dialog.Buttons
	if c.u.Data != "" || c.u.IsGroup || len(b) == 0 || b[0].Data != dataRemind+"list" {
		return false, nil
	}
	m := leadAsked.FindStringSubmatch(content.Fold(text))
	if m == nil {
		return false, nil
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		n = leadWords[m[1]]
	}
	days := n
	if m[2] == "tuan" {
		days = 7 * n
	}
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return true, err
	}
	var card *Reminder
	for i := range all {
		if r := &all[i]; r.Active() && !r.Expiry.IsZero() && (card == nil || r.ID > card.ID) {
			card = r
		}
	}
	if card == nil || days <= 0 || !leadTime(card.Expiry, days, c.e.loc).After(c.now) {
		return false, nil
	}
	buttons := []Button{{Label: "Xem, hủy lời nhắc", Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}}
	meta := logMeta{topic: content.TopicReminders, score: 1}
	if slices.Contains(card.LeadDays(), days) {
		at := leadTime(card.Expiry, days, c.e.loc)
		return true, c.reply(fmt.Sprintf(textLeadKept, card.ID, days, at.Hour(), at.Format("02/01/2006")), buttons, meta)
	}
	leads := append(slices.Clone(card.LeadDays()), days)
	slices.Sort(leads)
	slices.Reverse(leads)
	card.Leads = leads
	if err := c.tx.PutReminder(card); err != nil {
		return true, err
	}
	return true, c.reply(fmt.Sprintf(textLeadAdded, days, card.ID, describeLeads(card, c.e.loc)), buttons, meta)
}
