package bot

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/when"
	"golang.org/x/text/unicode/norm"
)

// Texts under an urgent answer: what the bot did, told as it is. Officers
// are alerted only when an officer chat is configured, and they may not
// see it before their working hours: the citizen is then told that the
// emergency number, not the commune, is the help to call now (urgentDone).
const (
	textUrgentOpened = "✅ Tôi đã chuyển khẩn việc này cho cán bộ xã (yêu cầu #%d)."
	textUrgentAdded  = "✅ Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d và báo lại cán bộ xã."
	textUrgentGroup  = "Để cán bộ xã biết việc này, ông/bà nhắn riêng cho Trợ lý An sinh."
	// No officer chat: nobody is alerted.
	textUrgentOpenedRecorded = "📝 Tôi đã ghi việc này (yêu cầu khẩn #%d) để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này."
	textUrgentAddedRecorded  = "📝 Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này."
	// Outside working hours: "%s" is the morning officers are back.
	textUrgentLater = "Bây giờ ngoài giờ làm việc, cán bộ có thể chỉ xem được vào sáng %s."
	// The help to get now, with the number the answer leads with, or
	// with the answer's own steps.
	textUrgentCallNow  = "Để được giúp ngay, ông/bà hãy gọi %s."
	textUrgentStepsNow = "Để được giúp ngay, ông/bà làm theo hướng dẫn ở trên."
)

// officeOpens is the hour (local time) officers start their working day;
// it ends at content.WorkdayEnd, when an urgent request falls due.
const officeOpens = 7

// officerReach is who hears of an urgent request now.
type officerReach int

const (
	reachNobody officerReach = iota // no officer chat: recorded only
	reachNow                        // announced in working hours
	reachLater                      // announced, outside working hours
)

// officersReached is who hears of an urgent request sent now: nobody when
// no officer chat is configured (escalate announces it nowhere, as the
// normal request's promise says), else the officers, who are at work on a
// working day (the calendar's, as due dates count) from officeOpens to
// content.WorkdayEnd.
func (c *conv) officersReached() officerReach {
	if len(c.e.officerChats) == 0 {
		return reachNobody
	}
	now := c.now.In(c.e.loc)
	if c.e.cal.Load().IsWorkingDay(now) && now.Hour() >= officeOpens && now.Hour() < content.WorkdayEnd {
		return reachNow
	}
	return reachLater
}

// urgentDone is the line under an urgent answer saying what the bot did
// with the message on ticket t: opened is the request's first message.
// It never tells of an officer alerted when none is, nor of one at work
// outside working hours; then it says how to get help now.
func (c *conv) urgentDone(t *Ticket, opened bool, en *content.Entry) string {
	var done string
	reach := c.officersReached()
	switch {
	case reach == reachNobody && opened:
		done = fmt.Sprintf(textUrgentOpenedRecorded, t.ID)
	case reach == reachNobody:
		done = fmt.Sprintf(textUrgentAddedRecorded, t.ID)
	case opened:
		done = fmt.Sprintf(textUrgentOpened, t.ID)
	default:
		done = fmt.Sprintf(textUrgentAdded, t.ID)
	}
	switch reach {
	case reachNow:
		return done
	case reachLater:
		// The urgent request falls due at the end of the working day
		// officers are back (DueDate): they read it from that morning.
		done += " " + fmt.Sprintf(textUrgentLater, c.e.due(c.now, PriorityUrgent).In(c.e.loc).Format("02/01/2006"))
	}
	if n := leadingNumber(en); n != "" {
		return done + " " + fmt.Sprintf(textUrgentCallNow, n)
	}
	return done + " " + textUrgentStepsNow
}

// ticketReply sends the reply to an escalation. For a message reporting a
// danger it is one message: the urgent answer (the right number first),
// then one line saying what the bot did (urgentDone), and, when the
// message also asks about a programme (conv.also), a line pointing to its
// answer, the first button; normal is the reply otherwise.
func (c *conv) ticketReply(normal string, buttons []Button) error {
	en := c.alarm
	if en == nil {
		return c.reply(normal, buttons, logMeta{topic: content.TopicOfficer})
	}
	var done string
	switch t := c.ticket; {
	case c.u.IsGroup || t == nil:
		done = textUrgentGroup
	default:
		done = c.urgentDone(t, t.Created.Equal(c.now) && t.Question == c.u.Text, en)
	}
	// The danger is now what the conversation is about: a short follow-up
	// is no question about a programme answered before it, and a plea
	// soon after gets this answer again (afterAlarm).
	c.user.Dialog.Remember(en, c.now)
	if also := c.also; also != nil {
		done += "\n" + AlsoLine(also)
		buttons = append([]Button{{Label: also.Title, Data: dataEntry + also.ID}}, buttons...)
	} else if c.ticket != nil && !c.u.IsGroup && en.ID != selfHarmEntry && asksSupport(c.u.Text) {
		// A question about support asked with the danger, for which no
		// programme was found ("học sinh bị bạo lực học đường thì xã có
		// chương trình tư vấn không"): it is kept on the urgent request,
		// and said so. Until session 67 it was passed over.
		done += "\n" + textAlarmAskedAside
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

// afterAlarm answers a message sent within FollowUpWindow of an urgent
// answer, with nothing answered since, that is no question of its own: a
// plea ("phải làm sao bây giờ", "sợ quá"), what goes on ("con tôi vẫn ở
// trong nhà", "không ai nghe máy", "huhu"), or the same emergency told
// again ("bà tôi bị kẹt trong nhà" after a fire). It answers with the
// urgent answer again, the number first, and adds the message to the
// urgent request, rather than a bare receipt, a programme's ask-back or
// the answer to a programme asked before the danger. It reports whether it
// did.
//
// A message longer than pleaMaxWords says more and is read as itself; so
// are a reminder request (remindAfterAlarm), a clear question about a
// programme (the matcher reads a programme, asks nothing back between
// readings, and the message names it or the matcher is sure of it: "thẻ
// bhyt hộ nghèo làm ở đâu") and an agreement or a thank-you ("ok", "cảm
// ơn"). A new danger
// whose answer leads with the same number as the one told (114 after 114)
// is the same emergency: the answer told, more specific, is repeated. One
// with another number (113 after 111), or none, is its own and gets its
// own answer; a plea the detector reads only as a danger it cannot place
// ("cứu với") is the one just told.
//
// A correction that there is no danger ("không có ai nguy hiểm cả, tôi
// chỉ hỏi chính sách") is acknowledged and sets the alarm aside
// (alarmDismissed), news that help came or the person is safe gets its
// short reply (calmNews), and a question about support after the event
// ("giờ nhà ngập hết, có được hỗ trợ gì không") is answered as itself
// (vagueSupport).
func (c *conv) afterAlarm() (bool, error) {
	text, d := c.u.Text, &c.user.Dialog
	if c.u.Data != "" || text == "" || strings.HasPrefix(text, "/") || !d.Recent(c.now) {
		return false, nil
	}
	if s := c.user.Check; s != nil && s.Step != stepDone && !s.Paused {
		return false, nil // a check started since: its answers are its own
	}
	if !hasWords(text) {
		return false, nil
	}
	kb := c.e.KB()
	en, ok := kb.EntryOn(d.LastEntry, c.day)
	if !ok || !en.Urgent {
		return false, nil
	}
	if c.saysNoDanger(text) {
		// "không có ai nguy hiểm cả, tôi chỉ hỏi chính sách": the alarm
		// was mistaken; the next message is read as itself.
		return true, c.alarmDismissed(text, en)
	}
	if len(strings.Fields(text)) > pleaMaxWords {
		return false, nil
	}
	if questionAfterLead(text) != text {
		// "giờ hỏi tiếp: lãi suất bao nhiêu": the citizen moves on to a
		// question, answered as itself (respond leaves the lead out).
		return false, nil
	}
	if checkAsked(text) != "" {
		// "tiếp tục kiểm tra", the words of the button under the urgent
		// answer typed out after a later reply replaced it: the check is
		// taken up again (typedCheck). Until session 66 it got the
		// emergency answer again.
		return false, nil
	}
	if data := c.choice(text); data != "" && !strings.HasPrefix(data, dataWrong) {
		// A number or a label of the buttons last shown ("1" under the
		// urgent answer is "Danh mục"; "10" under the menu is "Gặp cán
		// bộ"): it does what the button does, as a press would (press,
		// alarmPressOfficer). Until session 66 it got the emergency
		// answer again.
		return false, nil
	}
	// The help the citizen could not call is the alarm's before it: news
	// that a neighbour was asked gets that alarm's number.
	en = c.alarmShown(en)
	if reply := c.calmNews(text, en); reply != "" {
		if done, err := c.alarmNoted(text, reply, en); done || err != nil {
			return done, err
		}
	}
	r := kb.Match(text, c.day)
	if !r.Urgent && r.Topic == content.TopicReminders && r.Entry != nil && when.ReadWords(text, c.now, c.e.loc).AsksReminder {
		if c.u.IsGroup {
			return false, nil // answered as outside the window: reminders are private
		}
		return true, c.remindAfterAlarm(text, r.Entry, en)
	}
	if !r.Urgent && r.Entry != nil && r.Entry.ID == personEntry && !kb.AsksSomething(text) && hasFolded(text, personAsked) {
		// "gặp cán bộ": the urgent request is the officer's already.
		if done, err := c.alarmOfficer(en); done || err != nil {
			return done, err
		}
	}
	danger, told := c.dangerAfter(text, r)
	handled := c.alarmHandled(en)
	switch {
	case danger != nil && !sameEmergency(danger, en):
		if told {
			return false, nil // inDanger answers it
		}
		en = danger // read only without its fillers: answered here
	case danger != nil:
		// The same emergency told again: its first answer stands.
	case !r.Urgent && programmeTopic(r.Topic) && len(r.Ambiguous) < 2 && (kb.ProgrammeNamed(text) != "" || r.Score >= sureProgramme):
		// A question about a programme: "thẻ bhyt hộ nghèo làm ở đâu",
		// "phải làm sao để được hỗ trợ làm lại nhà".
		return false, nil
	case !r.Urgent && programmeTopic(r.Topic) && asksSupport(text) && !hasFolded(text, pleaWords):
		// A question about support after the event ("giờ nhà ngập hết,
		// có được hỗ trợ gì không", "nhà tôi cận nghèo thì cháu đi viện
		// có mất tiền không"): answered as itself, or, asked in words
		// too vague to read, with the programmes to choose from. Until
		// session 67 it got the whole emergency answer again.
		return c.vagueSupport(text, r, en)
	case handled && !r.Urgent && programmeTopic(r.Topic) && !hasFolded(text, pleaWords):
		// Once the citizen has said help was called, came or the danger
		// is over, a question about a programme is one, though the
		// matcher is not sure of it or asks back ("lãi suất bao nhiêu",
		// "mất hết đồ rồi, có được hỗ trợ gì không" after a fire). Until
		// session 66 it got the whole emergency answer again.
		return false, nil
	case danger == nil && !r.Urgent && !hasFolded(text, pleaWords) && kb.AsksSomething(text) && hasFolded(text, applyWords):
		// A question that tells no danger ("làm hồ sơ thế nào, tôi làm hộ
		// có được không"): answered as itself, though the matcher is not
		// sure of its programme. Until session 70 it got the whole
		// emergency answer again, and the chat was stuck on it.
		return false, nil
	case hasFolded(text, pleaWords) && handled && leadingNumber(en) != "":
		// "giờ tôi phải làm gì nữa" once help was called: the key advice
		// in short, not the whole answer again (textAlarmNext).
		if done, err := c.alarmNoted(text, textAlarmNext, en); done || err != nil {
			return done, err
		}
	case hasFolded(text, pleaWords) && danger == nil && kb.AdviceFitted(en.ID) && keyAction(en) != "":
		// The same plea again ("phải làm sao bây giờ") under an answer
		// fitted to the danger (a child not breathing, a poison, a
		// stroke): its key action in short, not the same block
		// (textAlarmKey); the whole answer is a button away. Until
		// session 70 it got the same block again.
		if done, err := c.alarmNoted(text, fmt.Sprintf(textAlarmKey, strings.ReplaceAll(keyAction(en), "%", "%%")), en); done || err != nil {
			return done, err
		}
	case danger == nil && !r.Urgent && !hasFolded(text, pleaWords) && unrelatedToAlarm(text):
		// A sentence in English, a bare number that is no button's, a
		// question about the administrative units ("huyện Lục Ngạn còn
		// không"): nothing the danger goes on with. It joins the urgent
		// request with one line saying so and one with the number
		// (textAlarmAside), and the danger stays what the conversation
		// is about: a plea next still gets its answer. Until session 72
		// each got the whole emergency answer again.
		if done, err := c.alarmNoted(text, textAlarmAside, en); done || err != nil {
			return done, err
		}
	case hasFolded(text, pleaWords):
	case r.Topic == content.TopicSmalltalk, smallTalkOf(text) == smallAck, smallTalkOf(text) == smallSymbol:
		return false, nil // "cảm ơn", "ok", "vâng", "👍"
	}
	d.Awaiting = ""
	if s := c.user.Check; s != nil && s.Step != stepDone {
		s.Paused = true
	}
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	c.alarm = en
	// The danger told again with a programme's question ("bị chồng đánh
	// bầm dập, có được vay vốn ko"): the question is offered under the
	// urgent answer (ticketReply), as for a first message.
	c.also = kb.AlsoAsked(text, c.day)
	return true, c.escalate(PriorityUrgent, text)
}

// alarmPressOfficer answers the "Gặp cán bộ" button pressed within
// FollowUpWindow of an urgent answer, with nothing answered since, as the
// same words typed are answered (alarmOfficer): the urgent request is the
// officers' already, and the number to call now. It reports false when
// there is no such answer, or alarmOfficer leaves it (no urgent request
// open, an answer that leads with no number): the button then does what it
// does at any time.
func (c *conv) alarmPressOfficer() (bool, error) {
	d := &c.user.Dialog
	if !d.Recent(c.now) {
		return false, nil
	}
	if s := c.user.Check; s != nil && s.Step != stepDone && !s.Paused {
		return false, nil
	}
	en, ok := c.e.KB().EntryOn(d.LastEntry, c.day)
	if !ok || !en.Urgent {
		return false, nil
	}
	return c.alarmOfficer(en)
}

// Replies to a bare request for an officer ("gặp cán bộ") after an
// urgent answer: the urgent request is the officers' already, told as it
// is (officersReached), then the number to call now (textUrgentCallNow).
const (
	textAlarmOfficer         = "✅ Yêu cầu khẩn #%d của ông/bà đã được chuyển cho cán bộ xã."
	textAlarmOfficerRecorded = "📝 Yêu cầu khẩn #%d của ông/bà đã được ghi để cán bộ xã xem, nhưng hiện chưa có cán bộ trực trên kênh này."
)

// alarmOfficer answers a bare request for an officer ("gặp cán bộ", "cho
// tôi gặp cán bộ"), sent after the urgent answer en, with a short line
// saying the urgent request is with the officers and the number to call
// now, rather than the whole emergency answer again. The words add
// nothing to the request: the officers are reminded of it only as after
// "Gặp cán bộ" on any open request (nudgeIfDue). It reports false,
// leaving text to the emergency answer, when no urgent request of the
// citizen's is open (in a group, or one an officer closed) or the answer
// leads with no number (thoughts of suicide, hunger, a danger the
// detector could not place keep their answer).
func (c *conv) alarmOfficer(en *content.Entry) (bool, error) {
	t, n := c.ticket, leadingNumber(en)
	if c.u.IsGroup || t == nil || !t.Active() || t.Priority != PriorityUrgent || n == "" {
		return false, nil
	}
	d := &c.user.Dialog
	d.Awaiting, d.Misses = "", 0
	if err := c.nudgeIfDue(); err != nil {
		return true, err
	}
	var msg string
	switch reach := c.officersReached(); reach {
	case reachNobody:
		msg = fmt.Sprintf(textAlarmOfficerRecorded, t.ID)
	case reachLater:
		msg = fmt.Sprintf(textAlarmOfficer, t.ID) + " " + fmt.Sprintf(textUrgentLater, c.e.due(c.now, PriorityUrgent).In(c.e.loc).Format("02/01/2006"))
	default:
		msg = fmt.Sprintf(textAlarmOfficer, t.ID)
	}
	msg += "\n" + fmt.Sprintf(textUrgentCallNow, n)
	return true, c.reply(msg, c.citizenButtons(), logMeta{topic: content.TopicOfficer})
}

// remindAfterAlarm handles a reminder request ("nhắc tôi 7 giờ sáng mai
// đi lên xã nộp hồ sơ") sent after the urgent answer en: it is no plea and
// nothing for the officers, so it is read as it would be outside the
// window (remindWords, reminderText), led by one line with the number to
// call if it is needed, and kept out of the urgent request. Until session
// 64 it got the emergency answer again, joined the request and set
// nothing.
func (c *conv) remindAfterAlarm(text string, reminder, en *content.Entry) error {
	d := &c.user.Dialog
	d.Awaiting, d.Misses = "", 0
	c.prevQuestion, d.LastQuestion = d.LastQuestion, text
	if n := leadingNumber(en); n != "" {
		c.noted = fmt.Sprintf(textAlarmNumber, n)
	}
	if done, err := c.remindWords(text); done || err != nil {
		return err
	}
	return c.reminderText(text, reminder)
}

// dangerAfter is the danger text reports, said after an urgent answer:
// the matcher's urgent reading, else the detector's reading of text
// without the words that only add to a story already told ("nó đánh cả
// tôi nữa" is "nó đánh tôi"). told reports that the matcher read it so
// (inDanger answers it). A danger it cannot place (generalUrgentEntry) is
// none: said right after one it did place, it is that one.
func (c *conv) dangerAfter(text string, r content.Result) (danger *content.Entry, told bool) {
	kb := c.e.KB()
	if r.Urgent && r.Entry != nil {
		if r.Entry.ID == generalUrgentEntry {
			return nil, false
		}
		return r.Entry, true
	}
	var kept []string
	for _, w := range strings.Fields(text) {
		if !storyFillers[content.Fold(strings.Trim(w, ".,!?…"))] {
			kept = append(kept, w)
		}
	}
	if len(kept) == len(strings.Fields(text)) || len(kept) == 0 {
		return nil, false
	}
	a, ok := kb.Detect(strings.Join(kept, " "))
	if !ok || !a.Urgent || a.Entry == generalUrgentEntry {
		return nil, false
	}
	en, ok := kb.EntryOn(a.Entry, c.day)
	if !ok || !en.Urgent {
		return nil, false
	}
	return en, false
}

// sureProgramme is the matcher's confidence above which a message read as
// a programme's question is one, though it names the programme in words
// of its own ("hỗ trợ làm lại nhà"); the readings it asks back about
// after an alarm ("làm gì tiếp", "không ai giúp") score far below.
const sureProgramme = 0.95

// storyFillers add to a story told ("cả", "nữa", "cũng", "luôn"): left
// out, the rest may be a danger the detector reads (dangerAfter).
var storyFillers = map[string]bool{"ca": true, "nua": true, "cung": true, "luon": true}

// sameEmergency reports whether urgent answers a and b are about one
// emergency: the same answer, or two answers that lead with the same
// number ("Gọi ngay 114 …": a fire, then "bà tôi bị kẹt trong nhà", read
// as a flood). An answer that does not lead with a number (the general
// list, self-harm, an urgent need) is its own.
func sameEmergency(a, b *content.Entry) bool {
	if a.ID == b.ID {
		return true
	}
	n := leadingNumber(a)
	return n != "" && n == leadingNumber(b)
}

// leadingNumber is the emergency number an urgent answer leads with
// ("Gọi ngay 114 (cứu hỏa, cứu nạn). …": "114"), or "".
func leadingNumber(en *content.Entry) string {
	rest, ok := strings.CutPrefix(strings.TrimSpace(en.Answer), "Gọi ngay ")
	if !ok {
		return ""
	}
	n, _, _ := strings.Cut(rest, " ")
	if len(n) != 3 || strings.Trim(n, "0123456789") != "" {
		return ""
	}
	return n
}

// Short replies after an alarm to a message that needs no emergency
// answer again (calmReply): each says what was done with it; "%d" is
// the urgent request, followed by textAlarmNumber.
const (
	textAlarmPhone  = "✅ Tôi đã ghi số điện thoại này vào yêu cầu khẩn #%d, cán bộ xã sẽ gọi lại vào số này."
	textAlarmOver   = "Dạ, tôi mừng vì mọi người đã ổn hơn. Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d để cán bộ xã biết."
	textAlarmCame   = "Dạ, may quá, đã có người đến giúp. Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d để cán bộ xã biết."
	textAlarmCalled = "Dạ, ông/bà đã gọi là tốt rồi. Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d để cán bộ xã biết."
	textAlarmCare   = "Dạ, may quá, đã đến được chỗ có bác sĩ. Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d để cán bộ xã biết."
	textAlarmAsked  = "Dạ, nhờ được người ở gần giúp là tốt rồi. Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d để cán bộ xã biết."
	textAlarmAck    = "Dạ. Tôi vẫn giữ yêu cầu khẩn #%d để cán bộ xã liên lạc với ông/bà."
	textAlarmNumber = "Nếu cần, ông/bà gọi ngay %s."
	// textAlarmAside answers a message about something else (afterAlarm,
	// unrelatedToAlarm).
	textAlarmAside = "Dạ, tôi đã ghi thêm tin này vào yêu cầu khẩn #%d để cán bộ xã xem."
	// textAlarmNext answers a plea ("giờ tôi phải làm gì nữa") once the
	// citizen said help was called or came: the key advice in short; the
	// whole answer is a button away (labelAlarmAdvice).
	textAlarmNext = "Dạ, việc cần nhất ông/bà đã làm rồi. Bây giờ ông/bà giữ điện thoại bên mình để nghe máy, ở chỗ an toàn và nhờ người thân, hàng xóm ở bên cạnh giúp. Tôi đã ghi thêm tin này vào yêu cầu khẩn #%d để cán bộ xã biết."
	// The phone number and the acknowledgement promise a call only when
	// officers are alerted (officersReached): with none, the number is
	// recorded for them to see; outside working hours, they call when
	// back at work.
	textAlarmPhoneRecorded = "✅ Tôi đã ghi số điện thoại này vào yêu cầu khẩn #%d để cán bộ xã xem."
	textAlarmAckRecorded   = "Dạ. Tôi vẫn giữ yêu cầu khẩn #%d để cán bộ xã xem."
	textAlarmPhoneLater    = "✅ Tôi đã ghi số điện thoại này vào yêu cầu khẩn #%d, cán bộ xã sẽ gọi lại vào số này khi vào giờ làm việc."
	textAlarmAckLater      = "Dạ. Tôi vẫn giữ yêu cầu khẩn #%d để cán bộ xã liên lạc với ông/bà khi vào giờ làm việc."
)

// textAlarmKey answers a plea under the urgent answer (afterAlarm): the
// key action, the answer's first two sentences (keyAction).
const textAlarmKey = "Dạ, việc cần làm ngay: %s\nTôi đã ghi thêm tin này vào yêu cầu khẩn #%%d để cán bộ xã xem."

// keyAction is the first two sentences of en's answer: the number to
// call and the first step.
func keyAction(en *content.Entry) string {
	a := strings.TrimSpace(en.Answer)
	end := 0
	for n := 0; n < 2; n++ {
		i := strings.Index(a[end:], ". ")
		if i < 0 {
			return ""
		}
		end += i + 1
	}
	return a[:end]
}

// labelAlarmAdvice is the button under textAlarmNext that shows the
// whole urgent answer again.
const labelAlarmAdvice = "Xem lại hướng dẫn"

// alarmReplyReach is reply (calmReply) as it may be told when the
// officers are reached as reach says.
var alarmReplyReach = map[officerReach]map[string]string{
	reachNobody: {textAlarmPhone: textAlarmPhoneRecorded, textAlarmAck: textAlarmAckRecorded},
	reachLater:  {textAlarmPhone: textAlarmPhoneLater, textAlarmAck: textAlarmAckLater},
}

// calmReply is the short reply to text, sent after the urgent answer en,
// when text needs no emergency answer again; "" when it does (a plea,
// the danger going on, anything else). A phone number alone ("0912 345
// 678", "số tôi 0912345678") is for the officer to call back
// (textAlarmPhone). After an answer that leads with a number (114, 115,
// 113, 111), so does news that the danger is over ("đỡ rồi", "không sao
// rồi", "lửa tắt rồi": textAlarmOver), that help came ("xe cấp cứu đến
// rồi": textAlarmCame) or was called ("đã gọi rồi": textAlarmCalled), as
// long as nothing in it says the danger goes on ("chưa", "vẫn", "nhưng",
// "không ai", a plea); and "thôi", "ok", "cảm ơn" alone (textAlarmAck).
// The other urgent answers (thoughts of suicide, hunger, a danger the
// detector could not place) keep their answer for all but a phone
// number: the bot does not take "thôi" or "không sao rồi" there for the
// end of it.
func calmReply(text string, en *content.Entry) string {
	words := calmWords(text)
	if len(words) == 0 {
		return ""
	}
	if hasPhone(text) {
		for _, w := range words {
			if !phoneLead[w] && strings.Trim(w, "0123456789") != "" {
				return ""
			}
		}
		return textAlarmPhone
	}
	if leadingNumber(en) == "" {
		return ""
	}
	joined := " " + strings.Join(words, " ") + " "
	switch whole := strings.TrimSpace(joined); {
	case calmAcks[whole]:
		return textAlarmAck
	case calmOverWhole[whole]:
		return textAlarmOver
	}
	if len(words) > calmMaxWords || hasFolded(text, pleaWords) || asksBack(text, words) {
		return ""
	}
	has := func(phrases []string) bool {
		for _, p := range phrases {
			if strings.Contains(joined, " "+p+" ") {
				return true
			}
		}
		return false
	}
	// done: the news is told as done ("rồi", "đã", "được"), which the
	// phrases calmDone, calmCare and calmAsked need ("kéo cháu ra" alone
	// may be a question what to do).
	done := has(calmDoneMarks)
	body := leadingNumber(en) == "115"
	reply := ""
	switch {
	case has(calmOver), done && has(calmDone), body && has(calmBody):
		reply = textAlarmOver
	case done && has(calmCare):
		reply = textAlarmCare
	case (has(calmArrived) || done && has(calmTaken)) && has(calmHelpers):
		reply = textAlarmCame
	case has(calmCalled):
		reply = textAlarmCalled
	case done && has(calmAsked):
		reply = textAlarmAsked
	default:
		return ""
	}
	// What is left once the news is read must not say the danger goes
	// on ("lửa tắt rồi nhưng con tôi vẫn trong nhà"); the news itself may
	// hold such a word ("cứu được rồi", "đang ở trạm y tế rồi").
	rest, _ := calmRest(words, nil, body)
	for _, b := range calmBlockers {
		if strings.Contains(rest, " "+b+" ") {
			return ""
		}
	}
	return reply
}

// calmRest is words (calmWords) without the phrases that tell the news,
// as a string of folded words in which "|" marks where a phrase was
// (a blocker is read within what is left, not across a phrase), and,
// when orig holds the words as typed, what is left as typed (for the
// detector, which reads words as typed better). body: the phrases of
// calmBody count. Longer phrases are taken first ("đang ở trạm y tế"
// before "ở trạm y tế").
func calmRest(words, orig []string, body bool) (rest, typed string) {
	phrases := calmPhrases
	if body {
		phrases = calmBodyPhrases
	}
	covered := make([]bool, len(words))
	for _, p := range phrases {
		n := len(p)
	scan:
		for i := 0; i+n <= len(words); i++ {
			for k := range n {
				if covered[i+k] || words[i+k] != p[k] {
					continue scan
				}
			}
			for k := range n {
				covered[i+k] = true
			}
		}
	}
	var left, kept []string
	for i, w := range words {
		switch {
		case !covered[i]:
			left = append(left, w)
			if i < len(orig) {
				kept = append(kept, orig[i])
			}
		case i == 0 || !covered[i-1]:
			left = append(left, "|")
		}
	}
	return " " + strings.Join(left, " ") + " ", strings.Join(kept, " ")
}

// calmPhrases are the phrases of the news calmReply reads, each as its
// words, longest first; calmBodyPhrases add calmBody's.
var calmPhrases, calmBodyPhrases = phraseWords(false), phraseWords(true)

func phraseWords(body bool) [][]string {
	lists := [][]string{calmOver, calmDone, calmCare, calmTaken, calmArrived, calmHelpers, calmCalled, calmAsked}
	if body {
		lists = append(lists, calmBody)
	}
	var out [][]string
	for _, l := range lists {
		for _, p := range l {
			out = append(out, strings.Fields(p))
		}
	}
	slices.SortStableFunc(out, func(a, b []string) int { return len(b) - len(a) })
	return out
}

// calmWords are text's words, folded, without punctuation, "rồi" typed
// "r" written out, and "má" that is the mother written "me" (motherMa):
// folded, it would be "ma", the conjunction "mà" that says more is to
// come (calmBlockers).
func calmWords(text string) []string {
	words, _ := calmTokens(text)
	return words
}

// calmTokens is calmWords, and each word as typed (lower case).
func calmTokens(text string) (words, typed []string) {
	raw := strings.FieldsFunc(strings.ToLower(norm.NFC.String(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	words = make([]string, 0, len(raw))
	typed = make([]string, 0, len(raw))
	marked := make([]bool, 0, len(raw)) // the word was "má", with its acute accent
	for _, w := range raw {
		f := content.Fold(w)
		if f == "" {
			continue
		}
		words = append(words, f)
		typed = append(typed, w)
		marked = append(marked, w == "má")
	}
	for i, w := range words {
		switch {
		case w == "r":
			words[i] = "roi"
		case motherMa(words, marked, i):
			words[i] = "me"
		}
	}
	return words, typed
}

// motherMa reports whether words[i], "ma" folded, is "má", the mother,
// followed by a person word: "má tôi đỡ rồi", "má em", "má cháu". Typed
// with its accent it is; typed without ("ma toi do roi") only when it
// begins the message: further on, "ma toi" is as likely the conjunction
// ("đỡ rồi mà tôi sợ quá"), which keeps its meaning.
func motherMa(words []string, marked []bool, i int) bool {
	if words[i] != "ma" || i+1 >= len(words) || !motherOf[words[i+1]] {
		return false
	}
	return marked[i] || i == 0
}

// motherOf are the person words that follow "má" the mother (folded).
var motherOf = setOf(foldAll("tôi", "em", "cháu", "mình", "tui", "tớ")...)

// calmMaxWords: news that the danger is over is short; a longer message
// says more and is read as itself. News told in two parts ("công an xã
// đến rồi, tôi sang nhà mẹ đẻ rồi") takes up to ten words.
const calmMaxWords = 11

var (
	// phoneLead may stand beside a phone number given alone: "số tôi",
	// "sđt của em là", "gọi lại cho tôi số này".
	phoneLead = setOf(foldAll("so", "sdt", "dt", "dien", "thoai", "cua", "toi", "em", "minh", "chau", "con", "la", "day",
		"goi", "cho", "lai", "lien", "he", "nay", "nha", "nhe", "a", "vao", "may", "bo", "me", "ong", "ba", "chi", "anh")...)
	// calmAcks are whole messages that only agree or thank.
	calmAcks = setOf(foldAll("thoi", "thoi a", "thoi duoc roi", "thoi khong can", "thoi khong can nua", "ok", "ok a", "oke", "okay",
		"okie", "ok roi", "duoc roi", "vang", "vang a", "da", "da vang", "u", "uk", "biet roi", "da biet",
		"cam on", "cam on a", "cam on nhieu", "cam on nhe", "ok cam on")...)
	// calmBlockers say the danger goes on, or ask: with one, the
	// message gets the emergency answer again. The lists are folded as
	// content.Fold folds ("cứu" is "cu").
	calmBlockers = foldAll("chua", "van", "ma", "nhung", "nhung ma", "nua", "sap", "dau", "sao day", "the nao", "gi",
		"khong ai", "ko ai", "k ai", "chang ai", "khong nghe", "ko nghe", "khong den", "ko den", "khong thay", "ko thay",
		"khong duoc", "ko duoc", "khong tat", "ko tat", "cuu", "giup", "lai chay", "con chay", "dang", "lau", "ban",
		"khong goi", "ko goi", "k goi", "tat may", "khong bat", "ko bat", "khong lien lac", "ko lien lac")
	// calmOver say the danger is over.
	calmOver = foldAll("do roi", "do hon roi", "da do", "da do hon", "khong sao roi", "ko sao roi", "k sao roi", "on roi", "da on", "on hon roi", "an toan roi", "da an toan", "het nguy hiem",
		"qua khoi roi", "tinh lai roi", "tinh roi", "tat roi", "da tat", "dap duoc roi", "dap tat roi", "ra duoc roi",
		"ra ngoai roi", "tat lua roi", "dap lua roi", "dap duoc lua", "tat duoc lua", "cuu duoc roi", "rut roi",
		"da rut")
	// calmOverWhole say it as a whole message ("không sao" within one
	// may be "could not": "không sao gọi được").
	calmOverWhole = setOf(foldAll("khong sao", "ko sao", "k sao", "khong sao a", "on", "on a", "on ca roi", "khong sao ca")...)
	// calmDoneMarks tell that what the message says is done: the news
	// of calmDone, calmCare and calmAsked needs one.
	calmDoneMarks = foldAll("roi", "da", "duoc", "xong")
	// calmDone say the person was taken out of the danger or got away
	// from it ("đã kéo cháu ra rồi", "em trốn sang nhà bà ngoại rồi"),
	// or nobody was hurt; told as done (calmDoneMarks).
	calmDone = append(rescuedPhrases(), foldAll("sang nha", "tron sang", "chay sang", "tron duoc", "chay duoc",
		"thoat duoc", "thoat ra", "tron ra", "tron thoat", "da tron", "tron roi", "tron di", "ra khoi nha",
		"khong ai bi sao", "khong ai bi gi", "khong ai bi thuong", "ko ai bi sao", "k ai bi sao", "khong ai sao",
		"moi nguoi an toan", "moi nguoi deu on", "moi nguoi on")...)
	// calmBody, after an answer that leads with 115 (a drowning, an
	// illness): signs that the person is out of danger ("cháu đã khóc,
	// thở bình thường"). After a beating, "đã khóc" is no such sign.
	calmBody = foldAll("tho binh thuong", "tho lai roi", "tho lai duoc", "tho deu roi", "tho duoc roi", "da tho",
		"da khoc", "khoc roi", "khoc duoc roi", "khoc to roi", "binh thuong roi", "da tinh", "mo mat roi",
		"tinh tao roi", "noi duoc roi")
	// calmCare say the person is where doctors are ("đang ở trạm y tế xã
	// rồi", "vào viện rồi"); told as done (calmDoneMarks).
	calmCare = carePhrases()
	// calmTaken, after one of calmHelpers and told as done: help came
	// and took the person away ("xe cấp cứu chở đi rồi", "đã có người
	// đến đưa đi rồi").
	calmTaken = foldAll("cho di", "dua di", "don di", "dua ve", "cho ve", "dua len", "den dua", "den don",
		"mang di", "dua ra", "cho ra", "dua vao", "cho vao")
	// calmAsked say someone near was asked to help ("em nhờ được hàng
	// xóm rồi"); told as done (calmDoneMarks).
	calmAsked = foldAll("nho duoc", "nho roi", "da nho", "nho hang xom", "nho nguoi", "nho anh", "nho chi",
		"nho co", "nho chu", "nho bac", "nho ong", "nho ba")
	// calmArrived, after one of calmHelpers: help came.
	calmArrived = foldAll("den roi", "toi roi", "da den", "da toi", "den noi roi")
	calmHelpers = foldAll("xe", "cap cuu", "cuu thuong", "cuu hoa", "chua chay", "cong an", "canh sat", "bac si",
		"y ta", "nguoi ta", "moi nguoi", "hang xom", "can bo", "co nguoi", "bo doi", "ho hang", "nguoi nha",
		"doi cuu ho", "cuu ho", "cuu nan")
	// calmCalled say the emergency number was called.
	calmCalled = foldAll("da goi", "goi roi", "goi xong", "goi duoc roi", "da bao", "bao roi")
)

// alarmHandled reports whether the citizen has said, on the urgent
// request open now, that help was called, came or the danger is over
// (calmReply read a message of its thread so) after the urgent answer en.
func (c *conv) alarmHandled(en *content.Entry) bool {
	t := c.ticket
	if c.u.IsGroup || t == nil || !t.Active() || t.Priority != PriorityUrgent {
		return false
	}
	for _, it := range t.Thread {
		if it.Kind != ItemCitizen {
			continue
		}
		switch calmReply(it.Text, en) {
		case textAlarmOver, textAlarmCame, textAlarmCalled, textAlarmCare, textAlarmAsked:
			return true
		}
	}
	return false
}

// alarmNoted keeps text, sent after the urgent answer en, on the urgent
// request and answers it with reply (calmReply) and the number to call
// if it is needed again. News and a phone number reach the officers;
// "thôi", "ok" stay in the thread without an alert. It reports false,
// leaving text to the emergency answer, when there is no urgent request
// of the citizen's open (in a group, or one an officer closed).
func (c *conv) alarmNoted(text, reply string, en *content.Entry) (bool, error) {
	t := c.ticket
	if c.u.IsGroup || t == nil || !t.Active() || t.Priority != PriorityUrgent {
		return false, nil
	}
	c.user.Dialog.Awaiting = ""
	c.addToThread(ItemCitizen, text)
	ack := reply == textAlarmAck
	if ack {
		t.Thread[len(t.Thread)-1].Courtesy = true
	}
	if err := c.saveTicket(); err != nil {
		return true, err
	}
	if !ack {
		if err := c.announce(fmt.Sprintf("✉️ Người dân nhắn thêm vào yêu cầu khẩn #%d%s", t.ID, quoted(text)), true); err != nil {
			return true, err
		}
	}
	var buttons []Button
	if reply == textAlarmNext || strings.HasPrefix(reply, textAlarmKey[:strings.Index(textAlarmKey, "%")]) {
		buttons = []Button{{Label: labelAlarmAdvice, Data: dataEntry + en.ID}}
	}
	if honest, ok := alarmReplyReach[c.officersReached()][reply]; ok {
		reply = honest
	}
	msg := fmt.Sprintf(reply, t.ID)
	if n := leadingNumber(en); n != "" {
		msg += "\n" + fmt.Sprintf(textAlarmNumber, n)
	}
	return true, c.reply(msg, buttons, logMeta{topic: en.Topic, entry: en.ID})
}

// personAsked are the words of a message asking for an officer after an
// alarm ("gặp cán bộ", "cho tôi nói chuyện với người thật"): one read as
// "Gặp cán bộ" without them ("ko ai nghe máy", the call not answered) is
// the danger told again, and gets the alarm's answer again.
var personAsked = append([]string{"gap", "nguoi that", "noi chuyen"}, officerWords...)

// unitWords name the administrative units, words no danger is told in.
var unitWords = foldAll("huyen", "sap nhap", "thi tran", "thi xa", "don vi hanh chinh")

// unrelatedToAlarm reports whether text, sent after an urgent answer, is
// plainly about something else: a sentence in English, no letters at all
// ("123"), or a question about the administrative units.
func unrelatedToAlarm(text string) bool {
	if inEnglish(text) {
		return true
	}
	if !strings.ContainsFunc(text, unicode.IsLetter) {
		return true
	}
	return hasFolded(text, unitWords)
}
