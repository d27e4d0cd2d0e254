package bot

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// "hủy tất cả" under the list of reminders, or "hủy hết các lời nhắc":
// every reminder of the citizen's is cancelled. Until session 66 the
// first was asked back as «Dừng tin nhắn tự động»? and the second listed
// the reminders to cancel one by one.

// cancelAllSayings are the whole messages (choiceWords, "lời nhắc" and
// particles left out) that cancel everything.
var cancelAllSayings = setOf("huy tat ca", "huy het", "xoa het", "xoa tat ca", "bo het", "bo tat ca",
	"huy het di", "huy tat ca di", "xoa het di", "xoa tat ca di", "huy tat", "huy het tat ca", "xoa het tat ca")

// cancelAllFillers may stand in such a message: "hủy hết các lời nhắc
// giúp tôi".
var cancelAllFillers = setOf("cac", "nhung", "loi", "nhac", "cua", "toi", "em", "minh", "giup", "gium", "dum", "nhe", "nha", "a", "cho", "thoi", "ho")

// textRemindersAllCancelled: %d reminders, %s their numbers.
const textRemindersAllCancelled = "Đã hủy %d lời nhắc của ông/bà (%s). Muốn dừng cả thông báo theo chủ đề, ông/bà gõ /stop."

// cancelsAll reports whether text asks to cancel every reminder: one of
// cancelAllSayings, naming reminders ("nhắc") or said right after the
// list of reminders (listShown).
func cancelsAll(text string, listShown bool) bool {
	said := choiceWords(text)
	if said == "" {
		return false
	}
	var kept []string
	named := false
	for _, w := range strings.Fields(said) {
		if w == "nhac" {
			named = true
		}
		if !cancelAllFillers[w] {
			kept = append(kept, w)
		}
	}
	return cancelAllSayings[strings.Join(kept, " ")] && (named || listShown)
}

// cancelAllWords cancels every active reminder of the citizen's when text
// asks so (cancelsAll). It reports whether it did.
func (c *conv) cancelAllWords(text string) (bool, error) {
	listShown := false
	for _, b := range c.user.Dialog.Buttons {
		// The list of reminders, or the confirmation of one just set
		// ("Xem, hủy lời nhắc"): "huy het" then speaks of reminders
		// (QA pass 71 #19). It is asked back before anything is cancelled.
		if strings.HasPrefix(b.Data, dataRemind+"cancel:") || b.Data == dataRemind+"list" {
			listShown = true
		}
	}
	if c.u.Data != "" || c.u.IsGroup || !cancelsAll(text, listShown) {
		return false, nil
	}
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return true, err
	}
	var active []string
	for i := range all {
		if all[i].Active() {
			active = append(active, "#"+strconv.FormatUint(all[i].ID, 10))
		}
	}
	if len(active) > 1 {
		// Several: asked first, since nothing brings them back (until
		// session 68 they were cancelled at once).
		c.user.Dialog.Awaiting = ""
		return true, c.reply(fmt.Sprintf(textCancelAllAsk, len(active), strings.Join(active, ", ")),
			[]Button{{Label: labelCancelAll, Data: dataRemind + "cancelall"}, {Label: labelKeepAll, Data: dataRemind + "list"}, {Label: labelMenu, Data: dataMenu}},
			logMeta{topic: content.TopicReminders})
	}
	return true, c.cancelAll(all)
}

// textCancelAllAsk asks before cancelling every reminder (%d of them, %s
// their numbers).
const textCancelAllAsk = "Ông/bà muốn hủy cả %d lời nhắc (%s)? Đã hủy thì không khôi phục được."

// Labels of that question's buttons.
const (
	labelCancelAll = "Hủy tất cả lời nhắc"
	labelKeepAll   = "Không, giữ lại"
)

// confirmsCancelAll reports whether text agrees ("có", "đồng ý") to the
// question before cancelling every reminder, the reply before this one.
func (c *conv) confirmsCancelAll(text string) bool {
	b := c.user.Dialog.Buttons
	return c.u.Data == "" && len(b) > 0 && b[0].Data == dataRemind+"cancelall" && yesSayings[choiceWords(text)]
}

// pressCancelAll cancels every active reminder of the citizen's, once
// they agreed.
func (c *conv) pressCancelAll() error {
	all, err := c.tx.RemindersOf(c.user.Key)
	if err != nil {
		return err
	}
	return c.cancelAll(all)
}

// cancelAll cancels the active reminders of all and says which.
func (c *conv) cancelAll(all []Reminder) error {
	var ids []string
	for i := range all {
		if !all[i].Active() {
			continue
		}
		all[i].Cancelled = true
		if err := c.tx.PutReminder(&all[i]); err != nil {
			return err
		}
		ids = append(ids, "#"+strconv.FormatUint(all[i].ID, 10))
	}
	c.user.Dialog.Awaiting = ""
	buttons := []Button{{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, {Label: labelMenu, Data: dataMenu}}
	meta := logMeta{topic: content.TopicReminders}
	if len(ids) == 0 {
		return c.reply(textRemindersNone, buttons, meta)
	}
	return c.reply(fmt.Sprintf(textRemindersAllCancelled, len(ids), strings.Join(ids, ", ")), buttons, meta)
}
