package bot

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// The eligibility check: a short conversation that estimates the
// household's category under the standard in force and lists what it may
// claim (content.Rules.Assess). Its state lives in User.Check, written in
// the same transaction as the rest of the user, so it survives restarts.

// Button data of the check. "chk" alone starts it.
const (
	dataCheck       = "chk"
	dataCheckArea   = "chk:a:" // + rural|urban
	dataCheckBack   = "chk:back"
	dataCheckCancel = "chk:cancel"
	dataCheckResume = "chk:resume"
	dataCheckTicket = "chk:ticket"
	dataCheckRemind = "chk:remind"
	// dataCheckMore + the programmes a result had no room for
	// (moreData): the button needs no state, so it works however late
	// it is pressed.
	dataCheckMore = "chk:more:"
	// dataCheckOfficer: the citizen cannot answer a question and asks an
	// officer; the check waits meanwhile.
	dataCheckOfficer = "chk:officer"
)

// Steps of the check.
const (
	stepArea    = "area"
	stepMembers = "members"
	stepIncome  = "income"
	stepGroup   = "group:" // + indicator group number
	stepProfile = "profile"
	stepDone    = "done"
)

// checkKeep is how long the answers of a finished check are kept for the
// ticket it may open; after that they are dropped.
const checkKeep = 24 * time.Hour

// CheckState is an eligibility check in progress or just finished.
type CheckState struct {
	Step string `json:"step"`
	// Back lists the steps answered, latest last, for "quay lại".
	Back     []string     `json:"back,omitempty"`
	Area     string       `json:"area,omitempty"`
	Members  int          `json:"members,omitempty"`
	Income   *CheckIncome `json:"income,omitempty"`
	Lacking  []string     `json:"lacking,omitempty"` // indicator ids
	Groups   []int        `json:"groups,omitempty"`  // indicator groups answered
	Profiles []string     `json:"profiles,omitempty"`
	Profiled bool         `json:"profiled,omitempty"`
	// Told are the profiles the citizen's messages told before the
	// profile question ("bà nội 78 tuổi", "con bị khuyết tật"): shown
	// as recorded, and kept with what the question adds.
	Told []string `json:"told,omitempty"`
	// Old is how many members the citizen told are old without telling
	// their age ("hai ông bà già" is 2; OldMembers).
	Old int `json:"old,omitempty"`
	// ZeroAsked: the citizen answered the income question with no
	// income at all ("không có thu nhập gì", "0 đồng"); it is recorded
	// only once they confirm it (docs/architecture.md, the check).
	ZeroAsked bool `json:"zero_asked,omitempty"`
	// Other names the household checked when it is not the asker's own
	// ("hộ ông Hung" for a village head's neighbour): the questions are
	// phrased for it and its result sets nothing of the asker's.
	Other string `json:"other,omitempty"`
	// Paused is set while the citizen asks about something else; their
	// texts then go to the ordinary answers until they resume.
	Paused  bool      `json:"paused,omitempty"`
	Started time.Time `json:"started"`
	// Summary is the finished check in words, for the officer's ticket.
	Summary string    `json:"summary,omitempty"`
	Done    time.Time `json:"done,omitzero"`
}

// CheckIncome is the income the citizen gave (content.Amount, kept here
// so the store need not know content).
type CheckIncome struct {
	VND       int64 `json:"vnd"`
	PerYear   bool  `json:"per_year,omitempty"`
	PerPerson bool  `json:"per_person,omitempty"`
	PerDay    bool  `json:"per_day,omitempty"`
	PerWeek   bool  `json:"per_week,omitempty"`
	// Earners: an income per person is for these many earners the
	// citizen named (content.Said.Earners: "2 vợ chồng mỗi người
	// 150k/ngày"), not for every member; 0 for every member.
	Earners int `json:"earners,omitempty"`
}

// incomeOf records a, earned by earners when a is per person and they
// were named (0: every member).
func incomeOf(a content.Amount, earners int) *CheckIncome {
	if !a.PerPerson {
		earners = 0
	}
	return &CheckIncome{VND: a.VND, PerYear: a.PerYear, PerPerson: a.PerPerson, PerDay: a.PerDay, PerWeek: a.PerWeek, Earners: earners}
}

// amount is the income as the assessment reads it: one per person of
// named earners is their total, the household's.
func (i *CheckIncome) amount() content.Amount {
	a := content.Amount{VND: i.VND, PerYear: i.PerYear, PerPerson: i.PerPerson, PerDay: i.PerDay, PerWeek: i.PerWeek}
	if a.PerPerson && i.Earners > 0 {
		a.VND, a.PerPerson = a.VND*int64(i.Earners), false
	}
	return a
}

// words is the income as the check records it (incomeWords); one per
// person of named earners shows the sum too: "2 người × 150.000
// đồng/ngày ≈ 9.000.000 đồng/tháng cả nhà".
func (i *CheckIncome) words() string {
	if !i.PerPerson || i.Earners == 0 {
		return incomeWords(i.amount())
	}
	total := i.amount()
	each := fmt.Sprintf("%d người × %s", i.Earners, content.FormatVND(i.VND))
	switch {
	case i.PerYear:
		return each + "/năm = " + content.FormatVND(total.VND) + "/năm cả nhà"
	case i.PerDay:
		each += "/ngày ≈ "
	case i.PerWeek:
		each += "/tuần ≈ "
	default:
		return each + "/tháng = " + content.FormatVND(total.VND) + "/tháng cả nhà"
	}
	return each + content.FormatVND(total.Monthly()) + "/tháng cả nhà"
}

// Household is what the citizen's latest check found: the household
// profile later answers use.
type Household struct {
	Category string    `json:"category"`
	Area     string    `json:"area"`
	Members  int       `json:"members"`
	Checked  time.Time `json:"checked"`
}

// profile items asked in the last step, as content member profiles.
var checkProfiles = []struct{ id, label string }{
	{content.ProfileAge7074, "Người từ 70 đến 74 tuổi"},
	{content.ProfileAge75, "Người từ 75 tuổi trở lên"},
	{content.ProfileDisabled, "Người khuyết tật"},
	{content.ProfileStudent, "Học sinh, sinh viên"},
}

func (c *conv) rules() *content.Rules { return c.e.rules.Load() }

// checkUpdate routes button presses of the check and the texts that
// answer its current question. It reports whether it handled the update.
func (c *conv) checkUpdate() (bool, error) {
	s := c.user.Check
	if s != nil && s.Step == stepDone && c.now.Sub(s.Done) > checkKeep {
		c.user.Check, s = nil, nil // answers kept no longer than needed
	}
	if d := c.u.Data; d == dataCheck || strings.HasPrefix(d, dataCheck+":") {
		return true, c.pressCheck(d)
	}
	if s != nil && s.Step == stepDone && c.u.Data == "" && fixCommand(strings.Trim(content.Fold(c.u.Text), " .!?")) && c.rules() != nil {
		if err := c.fixAfterResult(""); err != errNothingKept {
			return true, err
		}
	}
	if c.rules() == nil || s == nil || s.Step == stepDone || c.u.Data != "" || c.u.Text == "" {
		return false, nil
	}
	if s.Paused {
		// A plain answer to the question the check left open takes it up
		// again, and so does "sửa" (the list of answers to correct; read
		// by the matcher it was a question on repairing a house); a
		// button's number is the button, anything else goes to the
		// ordinary answers.
		if fixCommand(strings.Trim(content.Fold(c.u.Text), " .!?")) {
			s.Paused = false
			return true, c.fixList()
		}
		if bareCheckCommand(c.u.Text) {
			return true, c.resumeCheck()
		}
		d := c.choice(c.u.Text)
		if d == dataCheckCancel && choiceNumber(c.u.Text) > 0 && c.answersPending(c.u.Text) {
			// A bare number where the question left open wants one
			// ("2" people) is its answer, not "Hủy": stopping takes the
			// word.
			d = ""
		}
		if strings.HasPrefix(c.u.Text, "/") || d != "" || !c.answersPending(c.u.Text) {
			return false, nil
		}
		s.Paused = false
	}
	if strings.HasPrefix(c.u.Text, "/") {
		// A command leaves the check ("Tiếp tục" resumes it); /kiemtra
		// starts it again, as its button does (it used to be read as an
		// answer, not understood).
		s.Paused = true
		return false, nil
	}
	return true, c.checkText(c.u.Text)
}

func (c *conv) pressCheck(data string) error {
	if c.rules() == nil {
		return c.reply(textExpired, c.mainMenu(), logMeta{})
	}
	s := c.user.Check
	switch {
	case data == dataCheck && s != nil && s.Step != stepDone && s.Paused:
		return c.resumeCheck()
	case data == dataCheck:
		return c.startCheck("")
	case data == dataCheckTicket:
		return c.checkTicket()
	case data == dataCheckRemind:
		return c.checkReminder()
	case strings.HasPrefix(data, dataCheckMore):
		return c.checkMore(strings.TrimPrefix(data, dataCheckMore))
	case (data == dataCheckFix || strings.HasPrefix(data, dataCheckFixItem)) && s != nil && s.Step == stepDone:
		if err := c.fixAfterResult(strings.TrimPrefix(strings.TrimPrefix(data, dataCheckFix), ":")); err != errNothingKept {
			return err
		}
		return c.reply(textCheckGone, checkStartButtons(), logMeta{topic: content.TopicPovertyStatus})
	case s == nil || s.Step == stepDone:
		return c.reply(textCheckGone, checkStartButtons(), logMeta{topic: content.TopicPovertyStatus})
	case data == dataCheckCancel:
		return c.cancelCheck()
	case data == dataCheckBack:
		return c.checkBack()
	case data == dataCheckResume:
		s.Paused = false
		if s.Step == stepFix {
			return c.leaveFix()
		}
		return c.ask("")
	case data == dataCheckFix:
		return c.fixList()
	case strings.HasPrefix(data, dataCheckFixItem):
		return c.fixItem(strings.TrimPrefix(data, dataCheckFixItem))
	case data == dataCheckOfficer:
		return c.checkOfficer()
	case strings.HasPrefix(data, dataCheckArea):
		if a := strings.TrimPrefix(data, dataCheckArea); s.Step == stepArea && (a == content.Rural || a == content.Urban) {
			s.Area = a
			return c.advance()
		}
	}
	return c.ask("")
}

// bareCheckCommand reports whether text is /kiemtra with nothing after it.
func bareCheckCommand(text string) bool {
	cmd, arg, _ := strings.Cut(strings.TrimSpace(text), " ")
	cmd, _, _ = strings.Cut(strings.ToLower(cmd), "@")
	return cmd == "/kiemtra" && strings.TrimSpace(arg) == ""
}

// resumeCheck takes up the paused check again when the citizen asks for a
// check (/kiemtra, its button) while one waits: what it recorded is said
// and the question it left open asked. Until session 63 a new, blank
// check replaced it.
func (c *conv) resumeCheck() error {
	s := c.user.Check
	s.Paused = false
	if s.Step == stepFix {
		return c.leaveFix()
	}
	lead := textCheckResumed
	if known := c.knownFacts(s.Step != stepProfile); known != "" {
		lead += "\n" + fmt.Sprintf(textCheckKnown, known) + " " + textCheckFixHint
	}
	return c.ask(lead)
}

// startCheck begins a check, using what text already says (household
// size, income, area) instead of asking it again.
func (c *conv) startCheck(text string) error {
	if c.rules() == nil {
		return c.reply(textExpired, c.mainMenu(), logMeta{})
	}
	ended := c.user.Check
	s := &CheckState{Started: c.now}
	c.user.Check = s
	c.checkStarted = true
	c.user.Dialog.LastTopic = content.TopicPovertyStatus
	small := ""
	if text != "" {
		small = c.readFacts(text, false)
		// "tôi là trưởng thôn, hộ ông Hùng 5 người …": the check is for
		// that household, not the asker's.
		s.Other = otherHousehold(text)
	}
	// "nhà tôi 3 người", then "thu nhập 4 triệu có phải cận nghèo không":
	// the message just before, if recent, fills what this one does not
	// tell. /kiemtra and the button read the conversation's last message
	// the same way ("nhà tôi 4 người, bà nội 80 tuổi, có được hỗ trợ gì
	// không", answered, then /kiemtra): they used to start blank.
	earlier := c.prevQuestion
	if fromMessage := text != "" && c.u.Data == "" && !strings.HasPrefix(c.u.Text, "/"); !fromMessage {
		earlier = c.user.Dialog.LastQuestion
	}
	if ended != nil && ended.Step == stepDone && !ended.Done.Before(c.prevSeen) {
		// Just after a check ended (its result, "hủy"): the message
		// before was that check's, and a new one starts afresh.
		earlier = ""
	}
	if earlier != "" && !c.prevSeen.IsZero() && c.now.Sub(c.prevSeen) <= FollowUpWindow {
		c.readFacts(earlier, true)
	}
	if s.Area == "" && s.Other == "" {
		s.Area = c.user.Area // told before (an earlier check)
	}
	// What was read rather than asked is still a step "quay lại" can
	// return to, in the order the questions come: a misread number is
	// then corrected like a mistyped answer.
	for _, st := range []struct {
		step  string
		known bool
	}{{stepArea, s.Area != ""}, {stepMembers, s.Members > 0}, {stepIncome, s.Income != nil}} {
		if st.known {
			s.Back = append(s.Back, st.step)
		}
	}
	intro := s.forWhom(textCheckIntro)
	s.Step = c.nextStep()
	// The profiles told are shown by their question when it comes next.
	if known := c.knownFacts(s.Step != stepProfile); known != "" {
		intro += "\n" + fmt.Sprintf(textCheckKnown, known) + " " + textCheckFixHint
	}
	if small != "" && s.Step == stepIncome {
		intro += "\n" + small // asked now: say why
	}
	return c.ask(intro)
}

// readFacts fills the household size, area and income text tells, where
// the check does not know them yet, and adds the members' ages and
// disabilities it tells (toldProfiles). before: text is an earlier message,
// whose income is taken only when it is a plausible one. An income the
// income question would ask again (smallIncome: "thu nhập 150 nghìn",
// likelier a day's) is not taken either; its question is returned, for
// when the income is asked next.
func (c *conv) readFacts(text string, before bool) (small string) {
	s := c.user.Check
	c.readOld(text)
	said := householdSaid(text)
	if said.Members >= 1 && said.Members <= content.MaxMembers && s.Members == 0 {
		s.Members = said.Members
	}
	if said.Area != "" && s.Area == "" {
		s.Area = said.Area
	}
	if said.Income != nil && s.Income == nil && (!before || plausibleIncome(said.Income) && incomeTold(text)) {
		if msg, ok := c.smallIncome(*said.Income, said.Earners); ok {
			return msg
		}
		s.Income = incomeOf(*said.Income, said.Earners)
	}
	if said.Income == nil && said.IncomeErr == nil && s.Income == nil && !before && content.NoIncome(text) {
		s.Income = &CheckIncome{} // "nhà 4 người không có thu nhập"
	}
	return ""
}

// OldMembers is how many members the citizen told are old without
// telling their age ("hai ông bà già", "mẹ già"): shown as recorded,
// asked their age at the profile question and passed to the officer. It
// names no profile: the age decides the programmes.
func (s *CheckState) OldMembers() int { return s.Old }

// readOld adds the members' ages and disabilities text tells
// (toldProfiles), and the members it tells are old without an age
// (storyOld), to what the check recorded.
func (c *conv) readOld(text string) {
	s := c.user.Check
	for _, p := range toldProfiles(text) {
		if !slices.Contains(s.Told, p) {
			s.Told = append(s.Told, p)
		}
	}
	s.Old = max(s.Old, storyOld(text))
}

// membersWords is the household's size as recorded, with the members
// told old: "2 người (2 người cao tuổi)".
func (c *conv) membersWords() string {
	s := c.user.Check
	if old := s.OldMembers(); old > 0 && s.Members > 0 {
		return fmt.Sprintf("%d người (%d người cao tuổi)", s.Members, min(old, s.Members))
	}
	return fmt.Sprintf("%d người", s.Members)
}

// incomeTold reports whether the amount an earlier message names may be
// the household's income: it names an income ("thu nhập", "lương",
// "kiếm được"), or no loan, debt or price the amount would rather be
// ("hộ nghèo vay 50 triệu thì lãi bao nhiêu", "thẻ BHYT mua hết 1 triệu"
// before "nhà tôi 4 người có phải hộ nghèo không": before, the 50
// million became the household's income).
func incomeTold(text string) bool {
	named, sum := incomeNamed(text)
	return named || !sum
}

// incomeNamed reports whether text names an income ("thu nhập", "lương",
// "kiếm được", "bình quân", "đầu người", "làm ra"), and whether it names
// a sum that is none (sumWords).
func incomeNamed(text string) (named, sum bool) {
	words := profileSplit(text)
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case w == "thu" && (next == "nhap" || next == "duoc"), w == "luong", w == "kiem",
			w == "binh" && next == "quan", w == "dau" && next == "nguoi", w == "lam" && (next == "ra" || next == "duoc"):
			named = true
		case sumWords[w]:
			sum = true
		}
	}
	return named, sum
}

// sumWords name an amount that is no income: a loan ("vay", "vốn",
// "trả góp"), a debt ("nợ", "trả"), a premium ("bảo hiểm", "bhyt") or a
// price ("mua", "tốn", "phí"). Not the words that fold into common
// others ("lãi" and "lại", "chi" and "chỉ", "đóng" and "đồng").
var sumWords = map[string]bool{
	"vay": true, "von": true, "gop": true, "no": true, "tra": true, "bhyt": true, "hiem": true,
	"mua": true, "ton": true, "phi": true,
}

// minIncome is the least sum read as a household's income where the
// citizen did not answer the check's question: a smaller "amount" is a
// year ("chuẩn 2022-2025") or another number.
const minIncome = 100_000

func plausibleIncome(a *content.Amount) bool { return a != nil && a.VND >= minIncome }

// knownFacts lists what the check already knows, in words; withTold
// adds the members' profiles told ("trong nhà có người từ 75 tuổi trở
// lên").
func (c *conv) knownFacts(withTold bool) string {
	s := c.user.Check
	var parts []string
	if s.Area != "" {
		parts = append(parts, content.AreaTitles[s.Area])
	}
	if s.Members > 0 {
		parts = append(parts, c.membersWords())
	}
	if s.Income != nil {
		parts = append(parts, "thu nhập "+s.Income.words())
	}
	known := strings.Join(parts, ", ")
	if told := profileLabels(s.Told); withTold && told != "" {
		if known != "" {
			known += "; "
		}
		known += "trong nhà có " + told
	}
	return known
}

// profileLabels names the profiles in the question's order, in lower
// case: "người từ 75 tuổi trở lên, người khuyết tật".
func profileLabels(ids []string) string {
	var labels []string
	for _, p := range checkProfiles {
		if slices.Contains(ids, p.id) {
			labels = append(labels, strings.ToLower(p.label))
		}
	}
	return strings.Join(labels, ", ")
}

// incomeWords is the income as the check records it. One said per day or
// week shows the month it makes too ("300.000 đồng/ngày ≈ 9.000.000
// đồng/tháng cả nhà"), so the citizen sees the conversion the result
// rests on (content.Amount.Monthly).
func incomeWords(a content.Amount) string {
	s := content.FormatVND(a.VND)
	per, whole := "", " cả nhà"
	if a.PerPerson {
		per, whole = "/người", ""
	}
	switch {
	case a.PerYear:
		return s + per + "/năm" + whole
	case a.PerDay:
		s += per + "/ngày ≈ "
	case a.PerWeek:
		s += per + "/tuần ≈ "
	default:
		return s + per + "/tháng" + whole
	}
	return s + content.FormatVND(a.Monthly()) + per + "/tháng" + whole
}

func (c *conv) cancelCheck() error {
	// Nothing is kept but when it ended: a check started next reads no
	// message from before it (startCheck), as the reply promises.
	c.user.Check = &CheckState{Step: stepDone, Started: c.user.Check.Started, Done: c.now}
	return c.reply(textCheckCancelled, c.mainMenu(), logMeta{topic: content.TopicPovertyStatus})
}

// checkBack returns to the previous question, forgetting its answer.
func (c *conv) checkBack() error {
	s := c.user.Check
	if len(s.Back) == 0 {
		return c.ask(textCheckFirst)
	}
	prev := s.Back[len(s.Back)-1]
	s.Back = s.Back[:len(s.Back)-1]
	switch {
	case prev == stepArea:
		s.Area = ""
	case prev == stepMembers:
		s.Members = 0
	case prev == stepIncome:
		s.Income = nil
	case prev == stepProfile:
		s.Profiles, s.Profiled = nil, false
	case strings.HasPrefix(prev, stepGroup):
		var g int
		fmt.Sscanf(strings.TrimPrefix(prev, stepGroup), "%d", &g)
		s.Groups = slices.DeleteFunc(s.Groups, func(x int) bool { return x == g })
		if std, ok := c.rules().StandardOn(c.day); ok {
			for _, in := range std.Group(g) {
				s.Lacking = slices.DeleteFunc(s.Lacking, func(id string) bool { return id == in.ID })
			}
		}
	}
	s.Step = prev
	return c.ask("")
}

// advance records the current step as answered and moves on.
func (c *conv) advance() error { return c.advanceWith("") }

// advanceWith is advance with prefix before the next question (what was
// recorded, when the answer needed reading).
func (c *conv) advanceWith(prefix string) error {
	s := c.user.Check
	// A step asked again to correct it (fixItem) is answered once more:
	// "quay lại" returns to it once.
	s.Back = append(slices.DeleteFunc(s.Back, func(b string) bool { return b == s.Step }), s.Step)
	s.Step = c.nextStep()
	if s.Step == stepDone {
		return c.checkResult()
	}
	return c.ask(prefix)
}

// nextStep is the first question whose answer is still missing and still
// matters. The area is not asked when the household's size and income,
// told in the opening message, are at or below both areas' poverty
// lines (the category then rests on the deprivations alone).
// Indicator groups are asked only while they can change the result: not
// for income above the line, not once the count decides.
func (c *conv) nextStep() string {
	s := c.user.Check
	switch {
	case s.Area == "" && (s.Members == 0 || s.Income == nil || c.rules().AreaDecides(c.household(false), c.day)):
		return stepArea
	case s.Members == 0:
		return stepMembers
	case s.Income == nil:
		return stepIncome
	}
	if g, ok := c.groupToAsk(); ok {
		return fmt.Sprintf("%s%d", stepGroup, g)
	}
	if !s.Profiled {
		return stepProfile
	}
	return stepDone
}

func (c *conv) groupToAsk() (int, bool) {
	s := c.user.Check
	r := c.rules()
	std, ok := r.StandardOn(c.day)
	if !ok {
		return 0, false
	}
	h := c.household(false)
	a, err := r.Assess(h, c.day)
	if err != nil || a.Category != content.CatNeedsDeprivation {
		return 0, false // above the line: the indicators decide nothing
	}
	sure, unsure := c.lackingCounts(std)
	open := 0
	next := 0
	for _, g := range std.Groups() {
		if !slices.Contains(s.Groups, g) {
			open += len(std.Group(g))
			if next == 0 {
				next = g
			}
		}
	}
	if next == 0 || sure >= std.PoorMinDeprived || sure+unsure+open < std.PoorMinDeprived {
		return 0, false
	}
	return next, true
}

// lackingCounts counts the indicators marked lacking, split by whether
// they surely belong to the standard.
func (c *conv) lackingCounts(std *content.Standard) (sure, unsure int) {
	for _, in := range std.Indicators {
		if !slices.Contains(c.user.Check.Lacking, in.ID) {
			continue
		}
		if std.IndicatorUncertain(in) {
			unsure++
		} else {
			sure++
		}
	}
	return sure, unsure
}

// household builds the content view of the answers; withDeprived adds the
// indicator count (set once the groups that matter are answered).
func (c *conv) household(withDeprived bool) content.Household {
	s := c.user.Check
	h := content.Household{Area: s.Area, Members: s.Members}
	if s.Income != nil {
		h.Income = s.Income.amount()
	}
	if withDeprived && len(s.Groups) > 0 {
		if std, ok := c.rules().StandardOn(c.day); ok {
			sure, unsure := c.lackingCounts(std)
			h.Deprived, h.DeprivedUncertain, h.DeprivedKnown, h.Asked = sure+unsure, unsure, true, true
			h.HouseUnsafe = slices.Contains(s.Lacking, "housing-quality")
		}
	}
	for _, p := range checkProfiles {
		if !slices.Contains(s.Profiles, p.id) && !slices.Contains(s.Told, p.id) {
			continue
		}
		switch p.id {
		case content.ProfileAge7074:
			h.Ages = append(h.Ages, 70)
		case content.ProfileAge75:
			h.Ages = append(h.Ages, 75)
		case content.ProfileDisabled:
			h.Disabled = 1
		case content.ProfileStudent:
			h.Students = 1
		}
	}
	if len(h.Ages) > h.Members {
		h.Ages = h.Ages[:h.Members]
	}
	return h
}
