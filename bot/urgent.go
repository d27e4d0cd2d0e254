package bot

import (
	"fmt"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// Texts under an urgent answer: one line saying what the bot did.
const (
	textUrgentOpened = "✅ Tôi đã chuyển khẩn việc này cho cán bộ xã (yêu cầu #%d)."
	textUrgentAdded  = "✅ Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d và báo lại cán bộ xã."
	textUrgentGroup  = "Để cán bộ xã biết việc này, ông/bà nhắn riêng cho Trợ lý An sinh."
)

// ticketReply sends the reply to an escalation. For a message reporting a
// danger it is one message: the urgent answer (the right number first),
// then one line saying what the bot did, and, when the message also asks
// about a programme (conv.also), a line pointing to its answer, the first
// button; normal is the reply otherwise.
func (c *conv) ticketReply(normal string, buttons []Button) error {
	en := c.alarm
	if en == nil {
		return c.reply(normal, buttons, logMeta{topic: content.TopicOfficer})
	}
	var done string
	switch t := c.ticket; {
	case c.u.IsGroup || t == nil:
		done = textUrgentGroup
	case t.Created.Equal(c.now) && t.Question == c.u.Text:
		done = fmt.Sprintf(textUrgentOpened, t.ID)
	default:
		done = fmt.Sprintf(textUrgentAdded, t.ID)
	}
	if also := c.also; also != nil {
		done += "\n" + AlsoLine(also)
		buttons = append([]Button{{Label: also.Title, Data: dataEntry + also.ID}}, buttons...)
	}
	return c.reply(en.Render()+"\n\n"+done, buttons, logMeta{topic: en.Topic, entry: en.ID, score: 1})
}

// inDanger reports whether the citizen's text reports a danger to life or
// an urgent need. Such a message is answered at once: whatever the bot was
// waiting for (a reminder's details, an eligibility check's answer) is set
// aside; the check can be resumed later.
func (c *conv) inDanger() bool {
	t := c.u.Text
	if c.u.Data != "" || t == "" || strings.HasPrefix(t, "/") {
		return false
	}
	if a, ok := c.e.KB().Detect(t); !ok || !a.Urgent {
		return false
	}
	c.user.Dialog.Awaiting = ""
	if s := c.user.Check; s != nil && s.Step != stepDone {
		s.Paused = true
	}
	return true
}
