package bot

import (
	"regexp"
	"strings"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/when"
	"golang.org/x/text/unicode/norm"
)

// reminderClause splits a message that asks a question and then, after a
// comma, a full stop, "và" or "rồi", asks for a reminder: "bhyt hộ nghèo
// có mất tiền không, nhắc tôi ngày 20/12 đi gia hạn thẻ". Group 1 is the
// question, group 2 the reminder request from its "nhắc".
var reminderClause = regexp.MustCompile(`(?i)^(.*?[^\s,.;?!])\s*(?:[,.;?!]+|\s(?:và|va|rồi|roi))\s+((?:(?:và|va|rồi|roi|nhờ|nho|bạn|ban|hãy|hay|tiện|tien|thì|thi)\s+)*(?:nhắc|nhac)(?:\s.*)?)$`)

// reminderAfterQuestion splits the same with no mark between: the
// question ends with "không" or "chưa" and "nhắc" follows at once ("bhyt
// hộ nghèo có mất tiền không nhắc tôi ngày 20/12 …"). Group 1 is the
// question with its "không", group 2 the reminder request. Until session
// 66 the whole was set as a reminder whose text held the question.
var reminderAfterQuestion = regexp.MustCompile(`(?i)^(.*?\s(?:không|khong|ko|chưa|chua))\s+((?:(?:bạn|ban|hãy|hay|thì|thi)\s+)*(?:nhắc|nhac)(?:\s.*)?)$`)

// askAndRemind handles one message that asks about a programme and then
// asks for a reminder (reminderClause): the question's answer leads the
// reply, then the reminder is read alone as any reminder request is
// (remindWords, reminderText) and its confirmation, refusal or question
// follows. Until session 66 the whole message was read as the reminder
// request only, and "… không, nhắc tôi" was even read as "do not remind
// me". It reports false, leaving the message to be read whole, when the
// first part is no clear question about a programme (the matcher reads a
// programme's entry, asks nothing back between readings, and no danger)
// or the second part is no reminder request.
func (c *conv) askAndRemind(text string) (bool, error) {
	m := reminderClause.FindStringSubmatch(norm.NFC.String(text))
	if m == nil {
		m = reminderAfterQuestion.FindStringSubmatch(norm.NFC.String(text))
	}
	if m == nil {
		return false, nil
	}
	question, request := strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
	if !asksQuestion(question) {
		// "thẻ bhyt của mẹ tôi hết hạn rồi, nhắc tôi gia hạn": the
		// first part tells what the reminder is about.
		return false, nil
	}
	w := when.ReadWords(request, c.now, c.e.loc)
	if !w.AsksReminder || w.Cancel {
		return false, nil
	}
	kb := c.e.KB()
	r := kb.Match(question, c.day)
	if r.Alarm != "" || r.Urgent || r.Entry == nil || !programmeTopic(r.Topic) || len(r.Ambiguous) > 1 || !kb.AsksSomething(question) {
		return false, nil
	}
	asked := kb.Match(request, c.day)
	if asked.Topic != content.TopicReminders || asked.Entry == nil {
		return false, nil
	}
	c.noteMatch(r)
	d := &c.user.Dialog
	d.Misses = 0
	lead := r.Entry.Render()
	if c.noted != "" {
		lead = c.noted + "\n\n" + lead
	}
	c.noted = lead
	var err error
	if done, werr := c.remindWords(request); done || werr != nil {
		err = werr
	} else {
		err = c.reminderText(request, asked.Entry)
	}
	// A follow-up ("còn hộ cận nghèo thì sao") goes on about the answer.
	d.Remember(r.Entry, c.now)
	d.Given = r.Entry.ID
	return true, err
}
