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
		if strings.HasPrefix(b.Data, dataRemind+"cancel:") {
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
	var ids []string
	for i := range all {
		if !all[i].Active() {
			continue
		}
		all[i].Cancelled = true
		if err := c.tx.PutReminder(&all[i]); err != nil {
			return true, err
		}
		ids = append(ids, "#"+strconv.FormatUint(all[i].ID, 10))
	}
	c.user.Dialog.Awaiting = ""
	buttons := []Button{{Label: "Nhắc lịch", Data: dataTopic + content.TopicReminders}, {Label: labelMenu, Data: dataMenu}}
	meta := logMeta{topic: content.TopicReminders}
	if len(ids) == 0 {
		return true, c.reply(textRemindersNone, buttons, meta)
	}
	return true, c.reply(fmt.Sprintf(textRemindersAllCancelled, len(ids), strings.Join(ids, ", ")), buttons, meta)
}
