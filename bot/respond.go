package bot

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/bacninh/ansinh/content"
)

// A citizen's message, after the engine has recorded it (engine.go): what
// it is (an officer's update, an emergency, a command, a button press, a
// question) and the reply it gets.

// respond decides what the update is and replies to it.
func (c *conv) respond() error {
	c.answering = c.u.Data == "" && c.waitsForAnswer()
	if handled, err := c.officerUpdate(); handled || err != nil {
		return err
	}
	if done, err := c.afterAlarm(); done || err != nil {
		return err
	}
	if c.inDanger() {
		c.prevQuestion, c.user.Dialog.LastQuestion = c.user.Dialog.LastQuestion, c.u.Text
		return c.answer(c.u.Text)
	}
	if done, err := c.scamFirst(); done || err != nil {
		return err
	}
	if handled, err := c.typedCheck(c.u.Text); handled || err != nil {
		return err
	}
	if handled, err := c.checkUpdate(); handled || err != nil {
		return err
	}
	if done, err := c.cancelAllWords(c.u.Text); done || err != nil {
		return err
	}
	if done, err := c.moveReminder(c.u.Text); done || err != nil {
		return err
	}
	if done, err := c.cardLead(c.u.Text); done || err != nil {
		return err
	}
	if c.u.Data == "" && !c.u.IsGroup && listSaying[choiceWords(c.u.Text)] && c.afterReminders() {
		return c.listReminders()
	}
	if c.u.Data == "" && c.user.Dialog.Correcting != "" && saysWrong(choiceWords(c.u.Text)) {
		return c.neitherReading()
	}
	data := c.u.Data
	if data == "" {
		data = c.choice(c.u.Text)
	}
	if data == "" {
		data = c.withdrawTyped(c.u.Text)
	}
	if data == "" && c.u.Data == "" && c.user.Dialog.Awaiting == "" {
		// "99" with fewer buttons on the latest message: no such choice;
		// the choices are shown again (until session 64: "tôi chưa hiểu
		// rõ câu hỏi").
		if n, buttons := choiceNumber(c.u.Text), c.user.Dialog.Buttons; n > len(buttons) && len(buttons) > 0 {
			return c.noSuchChoice(n, buttons)
		}
	}
	if data == "" && c.confirmsCancelAll(c.u.Text) {
		data = dataRemind + "cancelall"
	}
	if data == "" && c.yesToOfficer(c.u.Text) {
		data = dataOfficer
	}
	if data != "" {
		return c.press(data)
	}
	text := c.u.Text
	if !hasWords(text) {
		if sadEmoticon(text) && (c.ticket == nil || !c.ticket.Active()) {
			// ":(" is 😭 typed: the caring line (until session 72 the
			// invitation to ask).
			c.noteMatch(content.Result{Topic: content.TopicSmalltalk, Score: 1})
			return c.reply(textSymbolSad, []Button{{Label: labelOfficer, Data: dataOfficer}, {Label: labelMenu, Data: dataMenu}},
				logMeta{topic: content.TopicSmalltalk, score: 1})
		}
		if strings.ContainsFunc(text, unicode.IsPunct) {
			// "?", "...": the citizen typed, but not yet a question. Until
			// session 70 they were told the bot reads only text; now they
			// are answered as a bare greeting is, with how to ask.
			c.noteMatch(content.Result{Topic: content.TopicSmalltalk, Score: 1})
			return c.reply(textInviteAsk, []Button{{Label: labelMenu, Data: dataMenu}}, logMeta{topic: content.TopicSmalltalk, score: 1})
		}
		return c.reply(textNotText, c.mainMenu(), logMeta{})
	}
	if done, err := c.answerPastedPhoto(text); done || err != nil {
		return err
	}
	if strings.HasPrefix(text, "/") {
		return c.command(text)
	}
	if done, err := c.withdraw(text); done || err != nil {
		return err
	}
	if done, err := c.steer(text); done || err != nil {
		return err
	}
	if done, err := c.accountRefused(text); done || err != nil {
		return err
	}
	if done, err := c.idRefused(text); done || err != nil {
		return err
	}
	if done, err := c.awaited(text); done || err != nil {
		return err
	}
	if err := c.settleCorrection(""); err != nil {
		return err
	}
	// A lead saying a question follows ("giờ hỏi tiếp:", "tôi hỏi là") is
	// no part of it: every reading below sees the question alone, so the
	// lead changes neither the follow-up nor the answer (session 71: the
	// follow-up led by "tôi hỏi là" was refused as another procedure).
	text = questionAfterLead(text)
	c.prevQuestion, c.user.Dialog.LastQuestion = c.user.Dialog.LastQuestion, text
	if done, err := c.scam(text); done || err != nil {
		return err
	}
	if done, err := c.debtDespair(text); done || err != nil {
		return err
	}
	if done, err := c.hardship(text); done || err != nil {
		return err
	}
	if letterRuns(text) {
		// "zzzz qqqq", "AAAA…": keys held down, no question. Not
		// understood, and so on the unanswered list. Until session 72
		// the matcher read a loan ask-back or the greeting in them.
		if err := c.record(UnansweredUnknown, text, nil, ""); err != nil {
			return err
		}
		return c.miss(content.Result{Topic: content.TopicUnknown})
	}
	if done, err := c.smallTalk(text); done || err != nil {
		return err
	}
	if done, err := c.questionRef(text); done || err != nil {
		return err
	}
	if done, err := c.answerOfficerSide(text); done || err != nil {
		return err
	}
	if matter, ok := residentMatter(text); ok {
		text = matter
	}
	return c.answer(text)
}

// hasWords reports whether text holds anything to read: a letter, a digit
// or a symbol such as an emoji. Punctuation alone is not a message.
func hasWords(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.So, r) {
			return true
		}
	}
	return false
}

func (c *conv) command(text string) error {
	cmd, arg, _ := strings.Cut(text, " ")
	cmd, _, _ = strings.Cut(strings.ToLower(cmd), "@")
	switch cmd {
	case "/start":
		text := textWelcome
		if c.user.Stopped {
			// After /stop: the citizen is told what /start turned on.
			text = textResumed + "\n\n" + text
		}
		c.user.Stopped = false
		if commune := communeFromPayload(arg); commune != "" {
			c.user.Commune = CommuneName(commune)
		}
		return c.reply(text, c.mainMenu(), logMeta{})
	case "/menu":
		return c.reply(textMenu, c.mainMenu(), logMeta{})
	case "/help", "/huongdan":
		return c.reply(textHelp, c.mainMenu(), logMeta{})
	case "/stop":
		return c.stopAll()
	case "/nhac", "/nhaclich":
		return c.remindersMenu("")
	case "/canbo":
		if arg = strings.TrimSpace(arg); arg != "" {
			c.topicFromMatter = true
			return c.escalate(PriorityNormal, arg)
		}
		c.prevQuestion = c.user.Dialog.LastQuestion
		return c.personWanted()
	case "/kiemtra":
		if c.rules() != nil {
			return c.startCheck(arg)
		}
	}
	// An unknown command may still be a question ("/vay von"): match it.
	return c.answer(strings.TrimPrefix(text, "/"))
}

// communeFromPayload reads the commune from a /start deep-link payload
// ("xa-dai-dong"): ASCII letters, digits, '-' and '_' only, as Telegram
// allows, at most 64 bytes.
func communeFromPayload(p string) string {
	p = strings.TrimSpace(p)
	if p == "" || len(p) > 64 {
		return ""
	}
	for _, r := range p {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return ""
		}
	}
	return strings.ToLower(p)
}

func (c *conv) press(data string) error {
	kb := c.e.KB()
	if err := c.settleCorrection(data); err != nil {
		return err
	}
	switch {
	case strings.HasPrefix(data, dataWrong):
		return c.wrong(strings.TrimPrefix(data, dataWrong))
	case strings.HasPrefix(data, dataWithdraw):
		return c.pressWithdraw(data)
	case strings.HasPrefix(data, dataCommune):
		return c.pressCommune(data)
	case data == dataMenu:
		return c.reply(textMenu, c.mainMenu(), logMeta{})
	case data == dataOfficer:
		if done, err := c.alarmPressOfficer(); done || err != nil {
			return err
		}
		c.prevQuestion = c.user.Dialog.LastQuestion
		return c.personWanted()
	case data == dataCheck || strings.HasPrefix(data, dataCheck+":"):
		return c.pressCheck(data)
	case strings.HasPrefix(data, dataRemind), strings.HasPrefix(data, dataSubscribe), strings.HasPrefix(data, dataCategory):
		return c.pressReminder(data)
	case strings.HasPrefix(data, dataHousehold):
		return c.pressHousehold(data)
	case strings.HasPrefix(data, dataTopic):
		topic := strings.TrimPrefix(data, dataTopic)
		switch topic {
		case content.TopicOfficer:
			if done, err := c.alarmPressOfficer(); done || err != nil {
				return err
			}
			c.prevQuestion = c.user.Dialog.LastQuestion
			return c.personWanted()
		case content.TopicReminders:
			return c.remindersMenu("")
		}
		entries := kb.MenuEntries(topic, c.day)
		if len(entries) == 0 {
			return c.reply(textExpired, c.mainMenu(), logMeta{})
		}
		buttons := make([]Button, 0, len(entries)+1)
		for _, en := range entries {
			buttons = append(buttons, Button{Label: en.Title, Data: dataEntry + en.ID})
		}
		buttons = append(buttons, Button{Label: labelMenu, Data: dataMenu})
		c.user.Dialog.showMenu(topic, c.now)
		return c.reply(fmt.Sprintf(textTopicMenu, strings.ToLower(content.TopicTitles[topic])), buttons, logMeta{topic: topic})
	case strings.HasPrefix(data, dataLater):
		return c.pressLater(strings.TrimPrefix(data, dataLater))
	case strings.HasPrefix(data, dataEarlier):
		return c.pressEarlier(strings.TrimPrefix(data, dataEarlier))
	case strings.HasPrefix(data, dataEntry):
		en, ok := kb.EntryOn(strings.TrimPrefix(data, dataEntry), c.day)
		if !ok {
			return c.reply(textExpired, c.mainMenu(), logMeta{})
		}
		c.other = c.otherOption(en)
		// One of the readings the bot asked back about answers the
		// citizen's own question: it offers "Chưa đúng ý tôi" too.
		d := &c.user.Dialog
		c.asked = slices.Contains(d.Between, en.ID)
		d.Picked = nil
		if c.asked {
			// Said not to be it, the others are offered again (wrong).
			others := slices.DeleteFunc(slices.Clone(d.Between), func(id string) bool { return id == en.ID })
			d.Picked = &Picked{Entry: en.ID, Question: d.LastQuestion, Others: others}
		}
		return c.give(en, 1)
	}
	return c.reply(textExpired, c.mainMenu(), logMeta{})
}

func (c *conv) answer(text string) error {
	r, bent := c.e.KB().Match(text, c.day), false
	r = aboutBotOverPerson(c.e.KB(), text, r, c.day)
	r = privacyOverOfficer(c.e.KB(), text, r, c.day)
	r = lonelyOverOfficer(c.e.KB(), text, r, c.day)
	read := r.Entry
	r = c.proxyApplyAfterAllowance(text, r)
	// The application read after the allowance is that follow-up's
	// reading already: no other follow-up reading replaces it.
	proxied := r.Entry != read
	if r.Alarm == "" && !r.Urgent {
		// "bố em 71 tuổi, mẹ 69", then "bố em có được trợ cấp 500k
		// không": the question is read with the age told before.
		c.noteAges(text)
		if t, ar, ok := c.withToldAge(text, r); ok {
			text, r = t, ar
		}
		// "con tôi năm nay thi đại học", then "vay được không": the
		// student loan, read with what the chat told before.
		if sr, ok := c.withToldStory(text, r); ok {
			r = sr
		}
		c.noteStory(text)
	}
	if r.Caution != "" {
		// A danger told before the question, not said to be going on: the
		// reply, whatever answers the question, leads with what to call
		// if it is (content.Result.Caution).
		c.caution = c.e.KB().CautionLine(r.Caution)
	}
	// The household category a question names is kept for the
	// conversation; each message while it lasts keeps it longer. One it
	// asks about ("ns hộ cận nghèo đc ko", "có phải hộ nghèo không") is
	// not the household's: the loan asked next was the near-poor
	// household's by that guess (until session 71, QA #11).
	// A question for another household ("nhà bà Lan cạnh nhà tôi …")
	// names its category, not the writer's (forOther).
	c.forOther = otherHousehold(text)
	if h := c.e.KB().HouseholdIn(text); h != "" && r.Alarm == "" && !content.AsksCategory(text) {
		c.user.Dialog.noteCategoryFor(h, c.forOther, c.now)
	} else if h := c.dialogCategory(); h != "" {
		c.user.Dialog.noteCategoryFor(h, c.user.Dialog.CategoryFor, c.now)
	}
	if r.Alarm == "" && !r.Urgent {
		// "bhyt hộ nghèo có mất tiền không, nhắc tôi ngày 20/12 …": the
		// question is answered and the reminder set.
		if done, err := c.askAndRemind(text); done || err != nil {
			return err
		}
	}
	// A danger, an urgent need or a medical question is answered as such,
	// never read as a sum, an eligibility check or a follow-up.
	if r.Alarm == "" {
		if done, err := c.sum(text, r); done || err != nil {
			return err
		}
		if done, err := c.sumFollowUp(text, r); done || err != nil {
			return err
		}
		if done, err := c.sumOrCheck(text, r); done || err != nil {
			return err
		}
		r = c.inMenu(text, r)
		if !proxied {
			r, bent = c.inContext(text, r)
		}
		if who := c.ageAsk; who != "" {
			c.ageAsk = ""
			return c.askAge(who, c.ageAskHousehold, r.Entry)
		}
	}
	c.noteMatch(r)
	if !r.Urgent {
		if done, err := c.remindWords(text); done || err != nil {
			return err
		}
	}
	if handled, err := c.followUp(text, r); handled || err != nil {
		return err
	}
	r = ComplaintOverAskBack(text, r)
	switch {
	case r.Topic == content.TopicReminders:
		c.user.Dialog.Misses = 0
		return c.reminderText(text, r.Entry)
	case r.Entry != nil && r.Entry.ID == officeHoursEntry && !r.Urgent && (c.ticket == nil || !c.ticket.Active()):
		// "ủy ban xã làm việc mấy giờ": the answer says where to find the
		// hours and offers "Gặp cán bộ"; no request is filed unasked.
	case r.Topic == content.TopicOfficer && !r.Urgent && !c.u.IsGroup && c.householdTold(text):
		_, err := c.answerHouseholdTold(text)
		return err
	case r.Topic == content.TopicOfficer:
		priority := PriorityNormal
		if r.Urgent {
			priority, c.alarm, c.also = PriorityUrgent, r.Entry, c.e.KB().AlsoAsked(text, c.day)
		}
		if c.u.IsGroup && !r.Urgent && r.Entry != nil && r.Entry.ID == statusEntry {
			// A request's state is as private as the request.
			return c.reply(textGroupTicketPrivate, nil, logMeta{topic: content.TopicOfficer, entry: statusEntry})
		}
		c.feeNotice(text, r.Entry)
		return c.askOfficer(priority, text, r.Entry)
	case r.Topic == content.TopicUnknown:
		if err := c.record(UnansweredUnknown, text, c.guessIDs(text), ""); err != nil {
			return err
		}
		return c.miss(r)
	case len(r.Ambiguous) > 1:
		var ids []string
		for _, cand := range r.Ambiguous {
			ids = append(ids, cand.Entry.ID)
		}
		if err := c.record(UnansweredAskBack, text, ids, ""); err != nil {
			return err
		}
		c.user.Dialog.Misses = 0
		c.user.Dialog.Remember(r.Entry, c.now) // the likeliest reading is the follow-up's context
		text, buttons := askBetween(r.Ambiguous)
		c.between = ids
		return c.replyListed(text, buttons, len(r.Ambiguous), logMeta{topic: r.Topic, entry: r.Entry.ID, score: r.Score})
	case r.Topic == content.TopicOutOfScope:
		if err := c.record(UnansweredUnknown, text, append([]string{r.Entry.ID}, c.guessIDs(text)...), ""); err != nil {
			return err
		}
		c.user.Dialog.Misses++
		return c.give(r.Entry, r.Score)
	}
	if c.rejected != "" && r.Alarm == "" && !r.Urgent && sameEntry(c.e.KB(), r.Entry, c.rejected) {
		// Said again in other words right after "Chưa đúng ý tôi": the
		// answer rejected is not given again (until session 64 it came
		// back as "Dạ, như tôi vừa trả lời:").
		return c.rejectedAgain(text)
	}
	// A policy answer offers "Chưa đúng ý tôi"; the danger detector's
	// replies (urgent guidance, "I am not a doctor") do not.
	c.asked = !r.Urgent && r.Alarm != content.AlarmHealthAdvice
	if r.Alarm == content.AlarmHealthAdvice {
		// A medical question asked beside a benefit question: the
		// benefit's answer is offered as the first button.
		c.also = c.e.KB().AlsoAsked(text, c.day)
	}
	c.later, c.earlier = r.Later, r.Earlier
	if applicationDelay(text) && programmeTopic(r.Topic) {
		// "hồ sơ xin hỗ trợ làm nhà nộp 3 tháng rồi chưa thấy gì": the
		// programme's answer cannot say where the application stands.
		c.lead = textDelayLead
	}
	if line := c.e.KB().NotThen(r.Entry, text, c.day); line != "" && r.Alarm == "" && c.lead == "" {
		// "hồi 2023 ông tôi 78 tuổi có được trợ cấp không": the rule
		// began after the year asked, so neither it nor its age
		// conditions (agePoint) are applied to that year.
		c.lead = line
	} else if point := c.e.KB().UsagePoint(r.Entry, text); point != "" && r.Alarm == "" && c.lead == "" {
		// "hộ chính sách xã hội dùng 70 số điện": the usage limit applied.
		c.lead = point
	} else if point := c.agePoint(r.Entry, text); point != "" && r.Alarm == "" && c.lead == "" {
		// "nhà tôi không nghèo, bố tôi 72 tuổi có được trợ cấp hưu trí
		// xã hội không": the answer's age conditions applied first.
		c.lead = point
	}
	if r.Alarm == "" && !r.Urgent && (!bent || c.besides == nil) {
		// "… được trợ cấp bao nhiêu và thẻ bhyt có được cấp không": the
		// second question's answer is offered under the first's (a
		// category told to an ask-back keeps the question's, inContext).
		c.besides = c.e.KB().OthersAsked(text, r.Topic, c.day)
	}
	if bent {
		if c.again {
			return c.focus(text, r.Entry, r.Score)
		}
		if m := c.generalForHousehold(text, r.Entry); m != nil {
			return c.give(m, r.Score)
		}
		return c.give(r.Entry, r.Score)
	}
	if v := c.givenVersion(text, r); v != nil {
		// "còn thành thị" after the 2027 poverty standard: read alone it
		// is today's standard, another version of the answer just given.
		r.Entry, c.later, c.earlier = v, nil, nil
	}
	if d := &c.user.Dialog; r.Alarm == "" && d.Recent(c.now) && d.Given == r.Entry.ID {
		// Read on its own, the message has the answer just given ("vay
		// được tối đa bao nhiêu" after the poor household's loan): the
		// part it asks for, or the answer said to be the same.
		return c.focus(text, r.Entry, r.Score)
	}
	return c.answerForHousehold(text, r.Entry, r.Score)
}

// givenVersion is, when text is a short follow-up (followsOn) naming no
// time that the matcher read as r, another version of the answer just
// given, that answer's version: a follow-up stays on the year the answer
// it follows was about. Nil otherwise.
func (c *conv) givenVersion(text string, r content.Result) *content.Entry {
	d := &c.user.Dialog
	if r.Alarm != "" || r.Entry == nil || d.Given == "" || d.Given == r.Entry.ID || !d.Recent(c.now) {
		return nil
	}
	kb := c.e.KB()
	given, ok := kb.Entry(d.Given)
	if !ok || given.Key != r.Entry.Key || kb.TimeAsked(text, c.day) || !c.followsOn(text, r) {
		return nil
	}
	return given
}

// withBesides adds to an answer about topic, text and its buttons, the
// other questions the message asks (c.besides): a line naming them and
// each as a button before the answer's own, in the order asked.
func (c *conv) withBesides(topic, text string, buttons []Button) (string, []Button) {
	var titles, names []string
	var first []Button
	for _, b := range c.besides {
		if b.Topic == topic {
			continue
		}
		titles, names = append(titles, b.Title), append(names, "«"+b.Title+"»")
		first = append(first, Button{Label: b.Title, Data: dataEntry + b.ID})
	}
	switch len(names) {
	case 0:
		return text, buttons
	case 1:
		text += "\n\n" + fmt.Sprintf(textBesides, titles[0])
	default:
		last := len(names) - 1
		text += "\n\n" + fmt.Sprintf(textBesidesMany, strings.Join(names[:last], ", ")+" và "+names[last])
	}
	buttons = append(first, slices.DeleteFunc(buttons, func(x Button) bool { return slices.Contains(first, x) })...)
	return text, buttons
}

// AlsoLine is the line under an urgent or health-advice answer that
// points to the programme answer the same message asks for
// (content.KB.AlsoAsked), offered as the reply's first button: the answer
// itself would push the number to call off a small screen.
func AlsoLine(en *content.Entry) string { return fmt.Sprintf(textAlsoAsked, en.Title) }

// miss answers a message the bot did not understand (r.Topic is
// unknown). r.Near, when not nil, is the programme that came close: the
// reply asks whether it was meant and offers it first, as a button, so that
// "lãi suất bn" is one tap from the loan rates rather than a menu away. A
// message naming no programme (r.Vague: "hỗ trợ", "tiền") is asked which
// one it means, over the menu; it asked nothing yet, so it is no miss
// towards offering an officer. Right after an answer about a programme
// ("có được tiền gì không" after the social pension), that answer is
// offered first: the message most likely goes on about it.
func (c *conv) miss(r content.Result) error {
	score, near := r.Score, r.Near
	if r.Vague {
		if last := c.lastProgramme(); last != nil {
			first := []Button{{Label: last.Title, Data: dataEntry + last.ID}}
			return c.reply(fmt.Sprintf(textVagueLast, last.Title), append(first, c.mainMenu()...), logMeta{topic: content.TopicUnknown, score: score})
		}
		return c.reply(textVague, c.mainMenu(), logMeta{topic: content.TopicUnknown, score: score})
	}
	c.user.Dialog.Misses++
	var first []Button
	text := textUnknown
	if near != nil {
		first = []Button{{Label: near.Title, Data: dataEntry + near.ID}}
		if near.ID == personEntry {
			// "Gặp cán bộ" asks for the matter, as the menu's button
			// does, which is then left out (send).
			first[0].Data = dataOfficer
		}
		text = fmt.Sprintf(textUnknownNear, near.Title)
	}
	if c.user.Dialog.Misses >= 2 {
		buttons := append(first, Button{Label: labelOfficer, Data: dataOfficer}, Button{Label: labelMenu, Data: dataMenu})
		if near == nil {
			text = textMissTwice
		}
		return c.reply(text, buttons, logMeta{topic: content.TopicUnknown, score: score})
	}
	return c.reply(text, append(first, c.mainMenu()...), logMeta{topic: content.TopicUnknown, score: score})
}

// give sends an entry's answer with its follow-ups, an officer button and
// the menu.
func (c *conv) give(en *content.Entry, score float64) error {
	if en.ID == personEntry && !c.u.IsGroup {
		// "Gặp cán bộ" reached as an entry (a reading of an ask-back,
		// a button naming the entry): it does what the button does, so
		// the request it speaks of exists. Until session 71 the entry's
		// answer said the request "được ghi lại và chuyển đến cán bộ xã"
		// and no ticket was opened (QA pass 71 #1).
		if c.prevQuestion == "" {
			c.prevQuestion = c.user.Dialog.LastQuestion
		}
		if d := &c.user.Dialog; d.Asking && d.Given != d.LastEntry {
			// Chosen among readings the bot only guessed: the request's
			// topic is its matter's, not the first reading's ("Hồ sơ xin
			// trợ cấp" filed an appeal's question under allowances).
			c.topicFromMatter = true
		}
		return c.personWanted()
	}
	if en.Topic != content.TopicOutOfScope {
		c.user.Dialog.Misses = 0
	}
	if en.Topic != content.TopicSmalltalk {
		// A thank-you or a greeting leaves the conversation's subject
		// as it was: "cảm ơn" then "còn hộ cận nghèo thì sao" goes on
		// about the answer before the thanks.
		c.user.Dialog.Remember(en, c.now)
		c.user.Dialog.Given = en.ID
	}
	buttons := c.answerButtons(en)
	text := AckWithPapers(en, c.u.Text)
	// The household step may have answered with another family member
	// (another key): the coming version is then not this answer's.
	if later := c.later; later != nil && later.Key == en.Key {
		text = WithLater(later)
		buttons = append([]Button{{Label: fmt.Sprintf(labelLaterNow, laterUntil(later)), Data: dataEntry + en.ID}}, buttons...)
		if en.Topic != content.TopicSmalltalk {
			// The citizen read the coming version: a follow-up ("còn
			// thành thị") goes on about it (followDay), not about the
			// one in force today.
			c.user.Dialog.Remember(later, c.now)
			c.user.Dialog.Given = later.ID
		}
	}
	c.later = nil
	if earlier := c.earlier; earlier != nil && earlier.Key == en.Key {
		text = WithEarlier(earlier, text)
		buttons = append([]Button{{Label: "Đến " + earlierUntil(earlier) + ": " + earlier.Title, Data: dataEarlier + earlier.ID}}, buttons...)
	}
	c.earlier = nil
	if also := c.also; also != nil && c.alarm == nil {
		text += "\n\n" + AlsoLine(also)
		buttons = append([]Button{{Label: also.Title, Data: dataEntry + also.ID}}, buttons...)
		c.also = nil
	}
	if c.also == nil {
		text, buttons = c.withBesides(en.Topic, text, buttons)
	}
	c.besides = nil
	if other := c.other; other != nil && other.ID != en.ID {
		b := Button{Label: other.Title, Data: dataEntry + other.ID}
		buttons = append([]Button{b}, slices.DeleteFunc(buttons, func(x Button) bool { return x == b })...)
	}
	c.other = nil
	if c.notFor != "" {
		text = fmt.Sprintf(textNotForNone, strings.ToLower(CategoryLabel(c.notFor))) + "\n\n" + text
		c.notFor = ""
	}
	if c.lead != "" {
		text, c.lead = c.lead+"\n\n"+text, ""
	}
	return c.reply(text, buttons, logMeta{topic: en.Topic, entry: en.ID, score: score})
}

// answerButtons are the buttons under en's answer: its follow-ups, a
// reminder and the eligibility check where they apply, "Chưa đúng ý tôi"
// under the answer to the citizen's own question, the officer and the
// menu. A follow-up shows once: two ids with one version in force on the
// day are one button, and the officer entry (personEntry, "Gặp cán bộ")
// is left to the officer button, which opens the request at once.
func (c *conv) answerButtons(en *content.Entry) []Button {
	kb := c.e.KB()
	officer := en.Topic != content.TopicOfficer
	var buttons []Button
	for _, id := range en.Next {
		next, ok := kb.EntryOn(id, c.day)
		if !ok || officer && next.ID == personEntry {
			continue
		}
		b := Button{Label: next.Title, Data: dataEntry + next.ID}
		if !slices.Contains(buttons, b) {
			buttons = append(buttons, b)
		}
	}
	if b, ok := c.remindButton(en); ok {
		buttons = append(buttons, b)
	}
	if c.rules() != nil && checkTopics[en.Topic] {
		buttons = append(buttons, Button{Label: labelCheck, Data: dataCheck})
	}
	if c.asked && en.Topic != content.TopicOutOfScope && en.Topic != content.TopicSmalltalk {
		buttons = append(buttons, Button{Label: labelWrong, Data: dataWrong + en.ID})
	}
	if officer {
		buttons = append(buttons, Button{Label: labelOfficer, Data: dataOfficer})
	}
	return append(buttons, Button{Label: labelMenu, Data: dataMenu})
}

// WithLater is the answer to a question about a coming year, which
// today's entry answers with its version in force: later, the version that
// takes over then (content.Result.Later, which is never the answer itself
// and always has a first day), as it is written while still to come, led
// by the day it starts and followed by the line pointing to today's rule.
// "chuẩn nghèo năm 2027 là bao nhiêu" gets the 2027 standard first.
func WithLater(later *content.Entry) string {
	return fmt.Sprintf(textLater, laterFrom(later)) + "\n\n" + later.Render() + "\n\n" + fmt.Sprintf(textLaterNow, laterUntil(later))
}

// laterUntil is the last day before later as the citizen reads it:
// "31/12/2026", the last day of today's rule.
func laterUntil(later *content.Entry) string {
	return later.ValidFrom.AddDate(0, 0, -1).Format("02/01/2006")
}

// laterFrom is later's first day as the citizen reads it: "01/01/2027".
func laterFrom(later *content.Entry) string { return later.ValidFrom.Format("02/01/2006") }

// pressLater shows the entry id as it is written while it is still to
// come, so that the citizen reads the coming rule with its start date; once
// in force or replaced, the version in force answers, as any entry button.
func (c *conv) pressLater(id string) error {
	kb := c.e.KB()
	en, ok := kb.Entry(id)
	if !ok || !en.ValidUntil.IsZero() && en.ValidUntil.Before(c.day.Time) {
		en, ok = kb.EntryOn(id, c.day)
	}
	if !ok {
		return c.reply(textExpired, c.mainMenu(), logMeta{})
	}
	return c.give(en, 1)
}

// WithEarlier leads answer, today's answer to a question about a past
// year, with the line pointing to earlier, the version that held then
// (content.Result.Earlier, which is never the answer itself and always has
// a last day).
func WithEarlier(earlier *content.Entry, answer string) string {
	until := earlierUntil(earlier)
	return fmt.Sprintf(textEarlier, until, until) + "\n\n" + answer
}

// earlierUntil is earlier's last day as the citizen reads it: "31/12/2026".
func earlierUntil(earlier *content.Entry) string {
	return earlier.ValidUntil.Format("02/01/2006")
}

// pressEarlier shows the entry id as it was written, led by the line that
// says it no longer applies, so that the citizen reads the old rule with
// its last day; an id not yet ended is answered as any entry button is.
func (c *conv) pressEarlier(id string) error {
	kb := c.e.KB()
	en, ok := kb.Entry(id)
	if !ok || en.ValidUntil.IsZero() || !en.ValidUntil.Before(c.day.Time) {
		if en, ok = kb.EntryOn(id, c.day); !ok {
			return c.reply(textExpired, c.mainMenu(), logMeta{})
		}
		return c.give(en, 1)
	}
	c.lead = fmt.Sprintf(textEarlierShown, earlierUntil(en))
	return c.give(en, 1)
}

// lastProgramme is the entry of a programme the conversation answered
// last, within FollowUpWindow; nil when there is none.
func (c *conv) lastProgramme() *content.Entry {
	d := &c.user.Dialog
	if !d.Recent(c.now) {
		return nil
	}
	en, ok := c.e.KB().EntryOn(d.LastEntry, c.day)
	if !ok || !slices.Contains(menuProgrammes, en.Topic) || en.Urgent {
		return nil
	}
	return en
}

// menuProgrammes are the main menu's programmes, in its order.
var menuProgrammes = []string{
	content.TopicLoan, content.TopicHealthInsurance, content.TopicHousing, content.TopicEducation,
	content.TopicElectricity, content.TopicSocialAssistance, content.TopicPovertyStatus, content.TopicJobs,
}

// mainMenu lists the programme topics, reminders and the officer.
func (c *conv) mainMenu() []Button {
	topics := append(menuProgrammes[:len(menuProgrammes):len(menuProgrammes)], content.TopicReminders, content.TopicOfficer)
	out := make([]Button, 0, len(topics))
	for _, t := range topics {
		out = append(out, Button{Label: content.TopicTitles[t], Data: dataTopic + t})
	}
	if c.rules() != nil {
		out = append(out, Button{Label: labelCheck, Data: dataCheck})
	}
	return out
}

// otherOption is, when chosen is one option of the ask-back between two
// readings the bot sent last, the other one if it is another programme's:
// "hộ nghèo được hỗ trợ tiền điện và thẻ BHYT không" asked which, and the
// citizen who picks the card may want the electricity answer too. Two
// entries of one topic are alternatives, not two questions: nil.
func (c *conv) otherOption(chosen *content.Entry) *content.Entry {
	between := c.user.Dialog.Between
	if !slices.Contains(between, chosen.ID) {
		return nil
	}
	for _, id := range between {
		if id == chosen.ID {
			continue
		}
		if en, ok := c.e.KB().EntryOn(id, c.day); ok && en.Topic != chosen.Topic && en.ID != chosen.ID {
			return en
		}
	}
	return nil
}

// Texts of a number typed that names no choice.
const (
	textNoSuchChoice    = "Dạ, không có lựa chọn số %d. Ông/bà gõ số từ 1 đến %d, hoặc chọn một mục dưới đây."
	textNoSuchChoiceOne = "Dạ, không có lựa chọn số %d. Ông/bà gõ số 1, hoặc chọn mục dưới đây."
)

// noSuchChoice answers a number n beyond the latest message's buttons:
// there is no such choice, and the same buttons are offered again.
func (c *conv) noSuchChoice(n int, buttons []Button) error {
	text := fmt.Sprintf(textNoSuchChoice, n, len(buttons))
	if len(buttons) == 1 {
		text = fmt.Sprintf(textNoSuchChoiceOne, n)
	}
	// The readings of an ask-back stay what they were (Between); the
	// text lists none, so the buttons are numbered as any (Listed 0).
	c.between = c.user.Dialog.Between
	return c.reply(text, buttons, logMeta{})
}

// letterRuns reports whether every word of text is one letter typed three
// times or more ("zzzz", "AAAA", "kkkkk!"), punctuation aside.
func letterRuns(text string) bool {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		rs := []rune(strings.ToLower(w))
		if len(rs) < 3 || !unicode.IsLetter(rs[0]) {
			return false
		}
		for _, r := range rs[1:] {
			if r != rs[0] {
				return false
			}
		}
	}
	return true
}
