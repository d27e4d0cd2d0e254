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
	// The danger is now what the conversation is about: a short follow-up
	// is no question about a programme answered before it, and a plea
	// soon after gets this answer again (afterAlarm).
	c.user.Dialog.Remember(en, c.now)
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

// generalUrgentEntry answers a danger the detector cannot place ("cứu
// với"): every number. Right after a danger it did place, a plea it reads
// so is that danger's.
const generalUrgentEntry = "officer-urgent"

// pleaWords ask what to do, call for help or say fear (matched folded, on
// word boundaries: content.Fold squashes "cứu" to "cu"): said right after
// an urgent answer, they are no question of their own.
var pleaWords = foldAll(
	"phai lam sao", "lam sao bay gio", "lam sao gio", "gio lam sao", "bay gio lam sao", "gio sao",
	"bay gio sao", "sao bay gio", "tinh sao", "sao day", "phai lam the nao", "lam the nao bay gio",
	"phai lam gi", "lam gi bay gio", "bay gio lam gi", "gio lam gi", "khong biet lam sao",
	"khong biet lam gi", "khong biet phai lam", "khong biet lam the nao",
	"giup toi", "giup em", "giup con", "giup chau", "giup voi", "giup vs", "giup di", "giup minh",
	"cuu toi", "cuu em", "cuu voi", "cuu vs", "ai cuu", "ai giup", "help", "sos",
	"so qua", "so lam", "so that", "toi so", "em so", "con so", "chau so", "hoang qua", "hoang loan",
	"lo qua", "run qua", "nguy qua", "nhanh len", "mau len", "goi so nao", "goi so may", "goi ai",
	"goi dau",
)

// foldAll is phrases as content.Fold writes them.
func foldAll(phrases ...string) []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		out[i] = content.Fold(p)
	}
	return out
}

// pleaMaxWords: a longer message says more than a plea and is read as
// itself.
const pleaMaxWords = 12

// afterAlarm answers a plea sent within FollowUpWindow of an urgent answer,
// with nothing answered since ("nhà tôi đang cháy", then "phải làm sao bây
// giờ", "sợ quá"), with that answer again, the number first, and adds it
// to the urgent request, rather than a bare receipt or the answer to a
// programme asked before the danger. It reports whether it did. A new danger the detector places
// is its own; a plea it reads only as a danger it cannot place ("cứu
// với") is the one just told. A plea that names a programme ("phải làm
// sao để được hỗ trợ làm lại nhà") is a question and is answered as one.
func (c *conv) afterAlarm() (bool, error) {
	text, d := c.u.Text, &c.user.Dialog
	if c.u.Data != "" || text == "" || strings.HasPrefix(text, "/") || !d.Recent(c.now) {
		return false, nil
	}
	if s := c.user.Check; s != nil && s.Step != stepDone && !s.Paused {
		return false, nil // a check started since: its answers are its own
	}
	if len(strings.Fields(text)) > pleaMaxWords || !hasFolded(text, pleaWords) {
		return false, nil
	}
	kb := c.e.KB()
	en, ok := kb.EntryOn(d.LastEntry, c.day)
	if !ok || !en.Urgent {
		return false, nil
	}
	r := kb.Match(text, c.day)
	switch {
	case r.Urgent && r.Entry != nil && r.Entry.ID != generalUrgentEntry:
		return false, nil // a danger of its own (inDanger)
	case !r.Urgent && (programmeTopic(r.Topic) || kb.ProgrammeNamed(text) != ""):
		return false, nil
	}
	d.Awaiting = ""
	if s := c.user.Check; s != nil && s.Step != stepDone {
		s.Paused = true
	}
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	c.alarm = en
	return true, c.escalate(PriorityUrgent, text)
}
