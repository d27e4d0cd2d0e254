package bot

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bacninh/ansinh/content"
)

// ask sends the current step's question, after prefix (an introduction or
// the reason the last answer was not taken). One question per message:
// buttons where the answer is a choice; a typed number or amount where it
// is a figure (there, numbered buttons would read as answers on Zalo).
func (c *conv) ask(prefix string) error { return c.askWith(prefix) }

// askWith is ask with extra buttons after the area's choices (checkHelp's
// officer); the questions answered by typing get none.
func (c *conv) askWith(prefix string, extra ...Button) error {
	s := c.user.Check
	if s.Step != stepIncome {
		s.ZeroAsked = false // a zero is confirmed only where it was told
	}
	var text string
	var buttons []Button
	switch {
	case s.Step == stepArea:
		text = textCheckArea
		buttons = []Button{{Label: "Nông thôn (xã)", Data: dataCheckArea + content.Rural}, {Label: "Thành thị (phường, thị trấn)", Data: dataCheckArea + content.Urban}}
		buttons = append(buttons, extra...)
		if len(c.fixItems()) > 0 {
			buttons = append(buttons, Button{Label: labelCheckFix, Data: dataCheckFix})
		}
		if len(s.Back) > 0 {
			buttons = append(buttons, Button{Label: labelCheckBack, Data: dataCheckBack})
		}
		buttons = append(buttons, Button{Label: labelCheckCancel, Data: dataCheckCancel})
	case s.Step == stepMembers:
		text = textCheckMembers + "\n" + textCheckHint
	case s.Step == stepIncome:
		text = textCheckIncome + "\n" + textCheckHint
	case s.Step == stepFix:
		text, buttons = c.fixQuestion()
	case strings.HasPrefix(s.Step, stepGroup):
		text = c.groupQuestion()
	case s.Step == stepProfile:
		// With profiles told, they are shown as recorded and the question
		// asks only for anyone else.
		var b strings.Builder
		question, pick := textCheckProfile, textCheckPick
		if told := profileLabels(s.Told); told != "" {
			b.WriteString(fmt.Sprintf(textCheckKnown, "trong nhà có "+told) + " " + textCheckFixHint + "\n")
			question, pick = textCheckProfileMore, textCheckPickMore
		} else if old := s.OldMembers(); old > 0 {
			// Told old without an age ("hai ông bà già"): the age
			// decides the programmes, so it is asked.
			b.WriteString(fmt.Sprintf(textCheckKnown, fmt.Sprintf("trong nhà có %d người cao tuổi", old)) + " " + textCheckFixHint + "\n")
			b.WriteString(textCheckOldAge + "\n")
		}
		b.WriteString(question)
		for i, p := range checkProfiles {
			fmt.Fprintf(&b, "\n%d. %s", i+1, p.label)
		}
		b.WriteString("\n" + pick + "\n" + textCheckHint)
		text = b.String()
	default:
		return c.checkResult()
	}
	text = s.forWhom(text)
	if prefix != "" {
		text = prefix + "\n\n" + text
	}
	return c.reply(text, buttons, logMeta{topic: content.TopicPovertyStatus})
}

// forWhom phrases a question of the check for the household checked
// when it is not the asker's own (Other): "Hộ ông Hung đang gặp những
// điều nào", not "Nhà mình".
func (s *CheckState) forWhom(text string) string {
	if s.Other == "" {
		return text
	}
	cap := strings.ToUpper(s.Other[:1]) + s.Other[1:]
	return strings.NewReplacer("Nhà mình", cap, "Nhà ông/bà", cap, "nhà mình", s.Other, "nhà ông/bà", s.Other, "Trong nhà có ai", "Trong "+s.Other+" có ai").Replace(text)
}

func (c *conv) currentGroup() (*content.Standard, int, []content.Indicator, bool) {
	std, ok := c.rules().StandardOn(c.day)
	if !ok {
		return nil, 0, nil, false
	}
	g, err := strconv.Atoi(strings.TrimPrefix(c.user.Check.Step, stepGroup))
	if err != nil {
		return nil, 0, nil, false
	}
	items := std.Group(g)
	return std, g, items, len(items) > 0
}

func (c *conv) groupQuestion() string {
	std, _, items, ok := c.currentGroup()
	if !ok {
		return textCheckHint
	}
	var b strings.Builder
	b.WriteString(textCheckGroup)
	for i, in := range items {
		fmt.Fprintf(&b, "\n%d. %s", i+1, in.Ask)
	}
	b.WriteString("\n" + textCheckPick)
	if std.IndicatorsCert != content.Confirmed {
		b.WriteString("\n" + textCheckListUnsure)
	}
	b.WriteString("\n" + textCheckHint)
	return b.String()
}

// checkText takes a typed answer to the current question.
func (c *conv) checkText(text string) error {
	s := c.user.Check
	command := strings.Trim(content.Fold(text), " .!?")
	if s.Step == stepIncome && s.ZeroAsked && confirmsZero(text) && !strings.Contains(strings.ToLower(text), "dừng") {
		// "đúng" (folded, "dung" is also "dừng", stop) confirms the zero.
		s.ZeroAsked = false
		s.Income = &CheckIncome{}
		return c.advanceWith(fmt.Sprintf(textCheckKnown, "thu nhập "+s.Income.words()))
	}
	switch command {
	case "quay lai", "tro lai", "lui lai", "sua lai", "back":
		return c.checkBack()
	case "huy", "huy bo", "thoi", "dung", "dung lai", "cancel", "thoat":
		return c.cancelCheck()
	case "tiep", "tiep tuc":
		if s.Step == stepFix {
			return c.leaveFix()
		}
		return c.ask("")
	}
	if fixCommand(command) {
		return c.fixList()
	}
	if dontKnow(text) || (s.Step == stepIncome || s.Step == stepMembers) && howToCount(text) {
		// "không biết", and "làm sao tính thu nhập": how to count it.
		return c.checkHelp()
	}
	var err error
	switch {
	case s.Step == stepFix:
		if d := c.choice(text); d != "" {
			return c.pressCheck(d)
		}
		err = errCheckUnclear
	case s.Step == stepArea:
		if d := c.choice(text); d != "" {
			if d == dataCheckCancel && choiceNumber(text) > 0 {
				// A bare number, likely meant for a later question
				// ("3" people): stopping takes the word "hủy".
				return c.ask(textCheckCancelNumber)
			}
			return c.pressCheck(d)
		}
		if a, label := communeArea(text); a != "" {
			// "xã Tân Sơn", "phường Vũ Ninh": the commune's kind is the
			// area, as in an opening message.
			s.Area = a
			return c.advanceWith(fmt.Sprintf(textCheckKnown, content.AreaTitles[a]+" ("+label+")"))
		}
		if a := content.ReadArea(text); a != "" {
			s.Area = a
			return c.advance()
		}
		err = errCheckUnclear
	case s.Step == stepMembers:
		n := content.ReadMembers(text)
		// An income told with the household size, or instead of it
		// ("mỗi người tầm 1 triệu"), is kept: it is asked next.
		said := content.ReadSaid(text)
		if n >= 1 && n <= content.MaxMembers {
			s.Members = n
			// Members told old or by age ("hai ông bà già", "bà 80
			// tuổi") are kept for the profile question.
			c.readOld(text)
			// A size read from words ("sáu người", "vợ chồng với 3
			// con") is shown as recorded, and so is an income in words
			// or converted, and the members told old: "sửa" or "quay
			// lại" corrects a misreading.
			var told []string
			if !hasToken(text, strconv.Itoa(n)) || s.OldMembers() > 0 {
				told = append(told, c.membersWords())
			}
			if said.Income != nil && s.Income == nil {
				s.Income = incomeOf(*said.Income, said.Earners)
				s.Back, s.Step = append(s.Back, stepMembers), stepIncome
				if said.Income.PerDay || said.Income.PerWeek || s.Income.Earners > 0 || !digitsBesides(text, strconv.Itoa(n)) {
					told = append(told, "thu nhập "+s.Income.words())
				}
			}
			if len(told) > 0 {
				return c.advanceWith(fmt.Sprintf(textCheckKnown, strings.Join(told, ", ")))
			}
			return c.advance()
		}
		if n > content.MaxMembers || strings.TrimSpace(text) == "0" {
			return c.ask(fmt.Sprintf(textCheckMembersRange, content.MaxMembers))
		}
		if said.Income != nil && said.Members == 0 && s.Income == nil {
			// Read rather than asked, the income is still a step "quay
			// lại" returns to (as in startCheck).
			s.Income = incomeOf(*said.Income, said.Earners)
			s.Back = append(s.Back, stepIncome)
			return c.ask(fmt.Sprintf(textCheckKnown, "thu nhập "+s.Income.words()))
		}
		err = errCheckUnclear
	case s.Step == stepIncome:
		s.ZeroAsked = false
		if bareNo(text) {
			// "không": no income, a refusal or "I don't know"; asked,
			// never recorded as 0 đồng.
			return c.ask(textCheckIncomeNo)
		}
		a, perr := content.ParseAmount(text)
		if perr == nil && a.VND == 0 || noEarner(text) {
			// "không có thu nhập gì", "0 đồng": recorded once confirmed.
			s.ZeroAsked = true
			return c.ask(textCheckIncomeZero)
		}
		if perr == nil {
			said := content.ReadSaid(text)
			if said.Members >= 1 && said.Members <= content.MaxMembers && s.Members == 0 {
				s.Members = said.Members
			}
			if msg, small := c.smallIncome(a, said.Earners); small {
				return c.ask(msg)
			}
			s.Income = incomeOf(a, said.Earners)
			if a.PerDay || a.PerWeek || a.VND == 0 || s.Income.Earners > 0 || !digitsBesides(text, "") {
				// Converted, multiplied by the earners named, or read
				// from words ("không có thu nhập", "ba triệu rưỡi"): the
				// citizen sees what was recorded, and "quay lại" corrects
				// it.
				return c.advanceWith(fmt.Sprintf(textCheckKnown, "thu nhập "+s.Income.words()))
			}
			return c.advance()
		}
		if msg, ok := incomeRefusals[perr]; ok {
			return c.ask(msg)
		}
		err = errCheckUnclear
	case strings.HasPrefix(s.Step, stepGroup), s.Step == stepProfile:
		n := len(checkProfiles)
		if _, _, items, ok := c.currentGroup(); ok {
			n = len(items)
		}
		picks, ok := readPicks(text, n)
		if !ok && s.Step == stepProfile {
			picks, ok = profileWords(text)
		}
		if _, _, items, isGroup := c.currentGroup(); !ok && isGroup {
			// "cả nhà không ai đi làm": the items it tells, shown as
			// recorded ("sửa" corrects them).
			if told, said := groupWords(text, items); said {
				var asks []string
				for _, p := range told {
					asks = append(asks, lowerFirst(items[p-1].Ask))
				}
				return c.answerGroup(told, fmt.Sprintf(textCheckKnown, strings.Join(asks, "; "))+" "+textCheckFixHint)
			}
		}
		if !ok && s.Step == stepProfile && storyOld(text) > s.OldMembers() {
			// "hai ông bà già": recorded, and their age asked.
			c.readOld(text)
			return c.ask("")
		}
		if !ok {
			err = errCheckUnclear
			break
		}
		if s.Step == stepProfile {
			return c.answerProfile(picks)
		}
		return c.answerGroup(picks, "")
	}
	if err != nil {
		// A value told where another question is asked corrects the one
		// recorded ("6 người" at the deprivations).
		if done, err := c.correction(text); done || err != nil {
			return err
		}
		return c.sideQuestion(text)
	}
	return c.ask("")
}

var errCheckUnclear = errors.New("answer not understood")

// minMonthlyIncome is the least a whole household's income per month the
// check takes without asking again, unless the citizen named the period
// ("mỗi tháng 150 nghìn"): below it, the figure is more likely a day's
// or a week's.
const minMonthlyIncome = 200_000

// smallIncome returns the question asked again when a, typed without a
// period, makes the household under minMonthlyIncome a month. An amount
// per person counts for the earners named (content.Said.Earners), else
// for every member.
func (c *conv) smallIncome(a content.Amount, earners int) (string, bool) {
	month := a.Monthly()
	who := ""
	if a.PerPerson {
		who = "mỗi người "
		n := earners
		if n == 0 {
			n = max(c.user.Check.Members, 1)
		} else {
			who = fmt.Sprintf("%d người đi làm, mỗi người ", n) // the earners, typed again
		}
		month *= int64(n)
	}
	if a.PeriodSaid || month <= 0 || month >= minMonthlyIncome {
		return "", false
	}
	said := content.FormatVND(a.VND)
	return fmt.Sprintf(textCheckIncomeSmall, content.FormatVND(month), who, said, who, said), true
}

var incomeRefusals = map[error]string{
	content.ErrVagueAmount: textCheckVague,
	content.ErrRangeAmount: textCheckRange,
	content.ErrNoUnit:      textCheckNoUnit,
	content.ErrNegative:    textCheckAmountUnclear,
	content.ErrTooLarge:    textCheckAmountUnclear,
	content.ErrPerSession:  textCheckPerSession,
}

// sideQuestion handles a text that does not answer the question: a
// question on another subject is answered and the check offered again;
// anything else gets the question again.
func (c *conv) sideQuestion(text string) error {
	kb := c.e.KB()
	r := kb.Match(text, c.day)
	if r.Entry != nil && r.Entry.ID == personEntry && !r.Urgent && !kb.AsksSomething(text) {
		return c.checkOfficer() // "cán bộ", "gặp cán bộ": as the help offers
	}
	if r.Entry == nil || r.Topic == content.TopicUnknown || r.Topic == content.TopicSmalltalk || r.Topic == content.TopicOutOfScope || len(strings.Fields(text)) < 3 {
		return c.ask(unclearFor(c.user.Check.Step))
	}
	if r.Entry.ID == cannotTypeEntry && !r.Urgent {
		// "tôi không hiểu", "không biết trả lời sao": in the middle of the
		// check, the trouble is the question, not a matter for an officer.
		return c.checkHelp()
	}
	c.user.Check.Paused = true
	c.user.Dialog.LastQuestion = text
	if err := c.answer(text); err != nil {
		return err
	}
	if c.checkStarted {
		// The answer started the check again ("1tr5 mỗi người" read as
		// an opening): its question is the one to answer, and no notice
		// of a check paused contradicts it.
		return nil
	}
	return c.reply(textCheckPaused, []Button{{Label: labelCheckResume, Data: dataCheckResume}, {Label: labelCheckCancel, Data: dataCheckCancel}}, logMeta{topic: content.TopicPovertyStatus})
}

// readPicks reads "1 3", "1,3", "2 và 5", "0", "không" into item numbers
// 1..n. ok is false when the text is not such a list.
func readPicks(text string, n int) ([]int, bool) {
	f := content.Fold(text)
	switch strings.Trim(f, " .!") {
	case "0", "khong", "khong co", "ko", "k", "khong co gi", "khong thieu gi", "khong co ai", "khong ai", "du ca", "du het":
		return nil, true
	}
	var picks []int
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return r < '0' || r > '9' }) {
		v, err := strconv.Atoi(w)
		if err != nil || v < 0 || v > n {
			return nil, false
		}
		if v > 0 && !slices.Contains(picks, v) {
			picks = append(picks, v)
		}
	}
	// Only numbers and joining words: "1, 3 và 5" yes; "nhà 3 người" no.
	rest := strings.FieldsFunc(f, func(r rune) bool {
		return r >= '0' && r <= '9' || r == ' ' || r == ',' || r == '.' || r == ';' || r == '-'
	})
	for _, w := range rest {
		if w != "va" && w != "voi" && w != "so" && w != "cau" {
			return nil, false
		}
	}
	if len(picks) == 0 && !strings.ContainsRune(f, '0') {
		return nil, false
	}
	slices.Sort(picks)
	return picks, true
}

// answerGroup records the items picked; prefix says what was read from
// words.
func (c *conv) answerGroup(picks []int, prefix string) error {
	_, g, items, ok := c.currentGroup()
	if !ok {
		return c.ask("")
	}
	s := c.user.Check
	for _, p := range picks {
		if id := items[p-1].ID; !slices.Contains(s.Lacking, id) {
			s.Lacking = append(s.Lacking, id)
		}
	}
	s.Groups = append(s.Groups, g)
	return c.advanceWith(prefix)
}

// answerProfile records the profiles picked, besides those told.
func (c *conv) answerProfile(picks []int) error {
	s := c.user.Check
	s.Profiles = slices.Clone(s.Told)
	for _, p := range picks {
		if slices.Contains(s.Profiles, checkProfiles[p-1].id) {
			continue
		}
		s.Profiles = append(s.Profiles, checkProfiles[p-1].id)
	}
	s.Profiled = true
	return c.advance()
}

// profileWords reads an answer to the profile question told in words
// rather than by number, as elderly citizens often do: an age with
// "tuổi" ("ông nhà tôi 72 tuổi" is 70 to 74, "bà 80 tuổi" 75 and over,
// "mẹ 65 tuổi" neither), a disability ("khuyết tật", "tàn tật"), a pupil
// or student ("đi học", "sinh viên"). Before, such an answer was taken
// for a question on another subject and paused the check. ok is false
// when nothing is recognised or the text asks something ("người 72 tuổi
// có được trợ cấp không").
func profileWords(text string) ([]int, bool) {
	words := profileSplit(text)
	if len(words) == 0 || len(words) > 20 || strings.Contains(text, "?") || profileQuestionEnd[words[len(words)-1]] {
		return nil, false
	}
	ids, known := profileIDs(words, false)
	if !known {
		return nil, false
	}
	picks := []int{}
	for i, p := range checkProfiles {
		if slices.Contains(ids, p.id) {
			picks = append(picks, i+1)
		}
	}
	return picks, true
}

func profileSplit(text string) []string {
	return strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// toldProfiles reads the members' profiles a message tells in passing
// ("nhà tôi 4 người, bà nội 78 tuổi, có đứa con bị khuyết tật"), as
// profileWords reads an answer, but in a message of any length that may
// ask something, and not where it is denied ("không có ai khuyết tật",
// "chưa đi học", "dưới 70 tuổi").
func toldProfiles(text string) []string {
	ids, _ := profileIDs(profileSplit(text), true)
	return ids
}

// profileIDs reads the profiles in folded words; known reports that
// some age, disability or schooling was named. denials: an item after
// a word that denies it is skipped.
func profileIDs(words []string, denials bool) (ids []string, known bool) {
	add := func(id string) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	addAge := func(age int) {
		known = true
		switch {
		case age >= 75:
			add(content.ProfileAge75)
		case age >= 70:
			add(content.ProfileAge7074)
		}
	}
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		if denials && deniedAt(words, i) {
			continue
		}
		switch {
		case next == "tuoi":
			age, ok := ageBefore(words, i+1)
			if !ok || age > 130 {
				continue
			}
			addAge(age)
		case (w == "ngoai" || w == "tren" || w == "hon") && personBefore(words, i):
			// "ông bà đều ngoài 70", "mẹ tôi trên bảy mươi": an age
			// without "tuổi", counted as its bound.
			age, ok := ageOver(words, i)
			if !ok {
				continue
			}
			addAge(age)
		case (w == "khuyet" || w == "tan") && next == "tat", w == "tat" && next == "nguyen", impairedAt(words, i):
			known = true
			add(content.ProfileDisabled)
		case w == "hoc" && next == "sinh", w == "sinh" && next == "vien", (w == "di" || w == "dang") && next == "hoc":
			known = true
			add(content.ProfileStudent)
		}
	}
	return ids, known
}

// personBefore reports a member named among the four words before
// words[i], whose age an age without "tuổi" may be ("bà ngoài 80").
func personBefore(words []string, i int) bool {
	for _, w := range words[max(0, i-4):i] {
		if oldPersons[w] || w == "gia" || w == "cu" || w == "deu" || w == "toi" || w == "minh" {
			return true
		}
	}
	return false
}

// deniedAt reports a word among the three before words[i] that denies
// what follows: "không", "chưa", "chẳng", "dưới" (an age).
func deniedAt(words []string, i int) bool {
	for _, w := range words[max(0, i-3):i] {
		switch w {
		case "khong", "ko", "k", "kg", "khg", "chua", "chang", "duoi":
			return true
		}
	}
	return false
}

// profileQuestionEnd are the words a question ends with ("… không",
// "… chưa", "… gì"): such a text asks rather than answers.
var profileQuestionEnd = map[string]bool{"khong": true, "ko": true, "k": true, "kg": true, "khg": true, "hong": true, "chua": true, "sao": true, "gi": true, "nao": true, "nhieu": true}

// impairedAt reports a member with an impairment that is a disability,
// told at words[i] without the word "khuyết tật": blind ("bị mù", "mù
// lòa", "mù mắt", "khiếm thị"), deaf ("khiếm thính", "câm điếc", "bị
// điếc"), paralysed ("bại liệt", "bị liệt") or intellectually disabled
// ("thiểu năng trí tuệ"). Not "mù chữ" (unable to read), "mù tịt", "mù
// mờ" (not knowing), "mù màu", nor "liệt sĩ" (a fallen soldier).
func impairedAt(words []string, i int) bool {
	w, prev, next := words[i], "", ""
	if i > 0 {
		prev = words[i-1]
	}
	if i+1 < len(words) {
		next = words[i+1]
	}
	switch w {
	case "khiem":
		return next == "thi" || next == "thinh"
	case "mu":
		// Folded, "mu" is also a hat (mũ) or pus (mủ): blind only after
		// "bị" or "mắt", or before "lòa" or "mắt".
		switch next {
		case "chu", "tit", "mo", "mau", "quang", "u":
			return false
		case "loa", "mat":
			return true
		}
		return prev == "bi" || prev == "mat"
	case "diec":
		return prev == "cam" || prev == "bi" || next == "dac"
	case "liet":
		return (prev == "bai" || prev == "bi") && next != "si"
	case "thieu":
		// "thiểu năng (trí tuệ)"; not "thiếu năng lượng", "năng lực".
		return next == "nang" && (i+2 == len(words) || words[i+2] != "luong" && words[i+2] != "luc")
	}
	return false
}

// ageBefore reads the age told just before words[end] ("tuổi"), in
// digits ("72") or in words: "tám mươi" (80), "bảy mươi hai" (72),
// "bảy mươi tư" (74), "tám mươi mấy" (80 and some), "mười lăm" (15), and
// as it is spoken, "bảy lăm" (75), "tám mốt" (81), "bảy hai" (72). Two
// numbers in a row that follow each other are a range, not tens and
// units ("sáu bảy tuổi" is six or seven): the first is taken.
func ageBefore(words []string, end int) (int, bool) {
	if end > 0 {
		if age, err := strconv.Atoi(words[end-1]); err == nil {
			return age, true
		}
	}
	for n := min(3, end); n >= 1; n-- {
		if age, ok := ageWords(words[end-n : end]); ok {
			return age, true
		}
	}
	return 0, false
}

// digitWords are the digits in folded words; "tư" (4), "lăm", "nhăm" (5)
// and "mốt" (1) only after the tens.
var digitWords = map[string]int{"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}

// unitAfterTens is a digit after the tens ("bảy mươi tư", "tám mốt").
func unitAfterTens(w string) (int, bool) {
	switch w {
	case "tu":
		return 4, true
	case "lam", "nham":
		return 5, true
	case "may":
		return 0, true // "tám mươi mấy": eighty and some
	}
	d, ok := digitWords[w]
	return d, ok
}

// ageWords reads a whole run of folded number words (ageBefore).
func ageWords(ws []string) (int, bool) {
	switch len(ws) {
	case 1:
		if ws[0] == "muoi" {
			return 10, true
		}
		d, ok := digitWords[ws[0]]
		return d, ok
	case 2:
		if ws[0] == "muoi" { // mười lăm
			u, ok := unitAfterTens(ws[1])
			return 10 + u, ok && ws[1] != "may"
		}
		d, ok := digitWords[ws[0]]
		if !ok || d < 2 {
			return 0, false
		}
		if ws[1] == "muoi" {
			return d * 10, true
		}
		u, ok := unitAfterTens(ws[1])
		if !ok || u == d+1 && ws[1] != "tu" && ws[1] != "lam" && ws[1] != "nham" {
			// "sáu bảy tuổi": six or seven; the first is the age.
			return d, digitWords[ws[1]] == d+1
		}
		return d*10 + u, true
	case 3:
		d, ok := digitWords[ws[0]]
		u, uok := unitAfterTens(ws[2])
		if !ok || d < 2 || ws[1] != "muoi" || !uok {
			return 0, false
		}
		return d*10 + u, true
	}
	return 0, false
}

// hasToken reports tok among the words and numbers of text ("4" in "4
// người").
func hasToken(text, tok string) bool {
	return slices.Contains(profileSplit(text), tok)
}

// digitsBesides reports a digit in text outside the token except
// ("6 triệu", not "ba triệu rưỡi"; "4 người, năm triệu" has none besides
// "4").
func digitsBesides(text, except string) bool {
	for _, w := range profileSplit(text) {
		if w != except && strings.ContainsAny(w, "0123456789") {
			return true
		}
	}
	return false
}

// lowerFirst is s with its first letter in lower case ("Có người…" in
// the middle of a sentence).
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
