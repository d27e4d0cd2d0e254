package bot

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// maxCheckProgrammes bounds the programme buttons under a result: with
// more programmes, the first maxCheckProgrammes-1 are shown and a "Xem
// thêm" button offers the others (CheckState.More), so none is dropped
// and the keyboard stays short on a small phone.
const maxCheckProgrammes = 6

// checkResult assesses the answers, sends the result with the programmes
// as buttons, and keeps the household's profile (category, area, members)
// for later answers. The detailed answers are kept for checkKeep, as the
// summary a ticket may carry and for correcting one of them ("Sửa câu
// trả lời", fixAfterResult), which gives a new result.
func (c *conv) checkResult() error {
	s := c.user.Check
	a, err := c.rules().Assess(c.household(true), c.day)
	if err != nil {
		c.user.Check = nil
		return c.reply(textCheckFailed, c.mainMenu(), logMeta{topic: content.TopicPovertyStatus})
	}
	s.Summary = c.checkSummary(a)
	c.checkFinished = a.Category
	s.Step, s.Done = stepDone, c.now
	s.Back = nil
	text := a.Text()
	if s.Other == "" {
		c.user.Household = &Household{Category: a.Category, Area: a.Area, Members: a.Members, Checked: c.now}
		if a.Area != "" {
			c.user.Area = a.Area
		}
		if cat := declaredCategory(a.Category); cat != "" {
			c.user.Category = cat
		}
	} else {
		// Another household's check (a village head's neighbour) is
		// that household's estimate: the asker's own category, area
		// and household stay as they were.
		text = s.forWhom(text) + "\n" + fmt.Sprintf(textCheckForOther, s.Other)
	}
	// The category a message of this conversation named (Dialog.Category)
	// outranks the declared one for the next half hour, but the check has
	// just answered for this household: "nhà tôi 5 người thu nhập 6 triệu
	// có phải hộ nghèo không" names the category it asks about, not the
	// household's. The named category is dropped, so later answers follow
	// the result above. The result is only an estimate, yet it is the best
	// the bot knows of the household, and the check is the one place the
	// citizen told it about their own household; when the check could not
	// decide (undetermined, deprivations unknown) the declared category,
	// if any, stands, and otherwise the bot asks as it would have.
	c.user.Dialog.Category, c.user.Dialog.CategoryAt = "", time.Time{}
	// Most pressing first (content.Rules.Ranked): a member's monthly
	// allowance is never the one left behind "Xem thêm".
	progs := c.rules().Ranked(a.Programmes)
	shown, more := progs, ""
	if len(progs) > maxCheckProgrammes {
		if code, ok := moreData(c.rules(), progs[maxCheckProgrammes-1:]); ok {
			shown, more = progs[:maxCheckProgrammes-1], code
		}
	}
	var buttons []Button
	for _, p := range shown {
		buttons = append(buttons, Button{Label: p.Title, Data: dataEntry + p.Entry})
	}
	if more != "" {
		buttons = append(buttons, Button{Label: fmt.Sprintf(labelCheckMore, len(progs)-len(shown)), Data: more})
	}
	buttons = append(buttons, Button{Label: labelCheckTicket, Data: dataCheckTicket}, Button{Label: labelCheckFixAfter, Data: dataCheckFix})
	if a.Category != content.CatAbove {
		buttons = append(buttons, Button{Label: labelCheckRemind, Data: dataCheckRemind})
	}
	buttons = append(buttons, Button{Label: labelMenu, Data: dataMenu})
	c.user.Dialog.LastTopic, c.user.Dialog.LastEntry = content.TopicPovertyStatus, ""
	return c.reply(text, buttons, logMeta{topic: content.TopicPovertyStatus, entry: "check:" + a.Category})
}

// declaredCategory maps a check's category to the declared categories of
// Categories; "" leaves the declared one as it was.
func declaredCategory(cat string) string {
	switch cat {
	case content.CatPoor, content.CatNearPoor, content.CatAverage:
		return cat
	case content.CatAbove:
		return "none"
	}
	return ""
}

// decidedWords say, for the officer, which rule of the standard placed
// the household in its category (content.Assessment.DecidedBy, whose ids
// stay in the JSON of ansinh eligibility).
var decidedWords = map[string]string{
	content.ByPoor:           "thu nhập không quá chuẩn nghèo, thiếu hụt đủ số chỉ số của hộ nghèo",
	content.ByNearPoor:       "thu nhập không quá chuẩn nghèo, thiếu hụt ít hơn số chỉ số của hộ nghèo",
	content.ByNeedsDeprived:  "thu nhập không quá chuẩn nghèo, chưa biết các thiếu hụt",
	content.ByDeprivedUnsure: "số thiếu hụt còn tùy vào chỉ số chưa chắc chắn",
	content.ByLocalStandard:  "thu nhập dưới chuẩn riêng của tỉnh, chuẩn này chưa chắc chắn",
	content.ByAverageBand:    "thu nhập trong khoảng của hộ có mức sống trung bình",
	content.ByAverageUnsure:  "khoảng thu nhập của hộ có mức sống trung bình chưa được xác định",
	content.ByAboveBands:     "thu nhập trên khoảng của hộ có mức sống trung bình",
}

// checkSummary is the check in words for the officer: every answer and
// the result.
func (c *conv) checkSummary(a *content.Assessment) string {
	s := c.user.Check
	area := content.AreaTitles[a.Area]
	if a.Area == "" {
		area = textCheckAreaSkipped
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Kiểm tra điều kiện hỗ trợ (ước tính sơ bộ ngày %s, %s): %s; %d người; thu nhập %s (%s đồng/người/tháng, chuẩn nghèo %s đồng)",
		a.Date.Format("02/01/2006"), a.Standard.Source.Title, area, a.Members, s.Income.words(),
		groupDigits(a.IncomePerPerson), groupDigits(a.Line))
	if a.DeprivedKnown {
		var names []string
		for _, in := range a.Standard.Indicators {
			if slices.Contains(s.Lacking, in.ID) {
				names = append(names, in.Name)
			}
		}
		if len(names) == 0 {
			names = []string{"không có"}
		}
		fmt.Fprintf(&b, "; thiếu hụt %d: %s", a.Deprived, strings.Join(names, ", "))
	} else {
		b.WriteString("; không hỏi thiếu hụt (thu nhập trên chuẩn)")
	}
	labels := profileLabels(append(slices.Clone(s.Profiles), s.Told...))
	if n := s.OldMembers(); n > 0 {
		old := fmt.Sprintf("%d người cao tuổi", min(n, a.Members))
		labels = strings.TrimSuffix(old+", "+labels, ", ")
	}
	if labels != "" {
		fmt.Fprintf(&b, "; trong nhà có: %s", labels)
	}
	fmt.Fprintf(&b, "; kết quả: %s", content.CategoryTitles[a.Category])
	if why := decidedWords[a.DecidedBy]; why != "" {
		fmt.Fprintf(&b, " (%s)", why)
	}
	if a.Uncertain {
		b.WriteString(", có phần chưa chắc chắn")
	}
	b.WriteString(".")
	return b.String()
}

func groupDigits(v int64) string {
	return strings.TrimSuffix(content.FormatVND(v), " đồng")
}

// checkMore offers the programmes a result had no room for, named by
// the button's code (moreData), with what the result offers besides. A
// code the rules no longer read (the content changed since) offers a new
// check.
func (c *conv) checkMore(code string) error {
	ids, ok := moreEntries(c.rules(), code)
	var buttons []Button
	for _, id := range ids {
		if en, found := c.e.KB().EntryOn(id, c.day); found {
			buttons = append(buttons, Button{Label: en.Title, Data: dataEntry + en.ID})
		}
	}
	if !ok || len(buttons) == 0 {
		return c.reply(textCheckGone, checkStartButtons(), logMeta{topic: content.TopicPovertyStatus})
	}
	buttons = append(buttons, Button{Label: labelCheckTicket, Data: dataCheckTicket}, Button{Label: labelMenu, Data: dataMenu})
	c.user.Dialog.LastTopic, c.user.Dialog.LastEntry = content.TopicPovertyStatus, ""
	return c.reply(textCheckMore, buttons, logMeta{topic: content.TopicPovertyStatus, entry: "check:more"})
}

// moreData is the data of a "Xem thêm" button offering claims: each
// claim's entry as the base-36 digit of the first programme rule naming
// it, then a check over the entry ids, so that rules changed since read
// no other programmes. The user record keeps no list of programmes: the
// answers of a check are dropped once it ends (checkResult). ok is false
// when the code does not fit a button (more than 36 rules, or too many
// claims); the caller then shows every claim as a button.
func moreData(r *content.Rules, claims []content.Claim) (string, bool) {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	var b strings.Builder
	b.WriteString(dataCheckMore)
	var ids []string
	for _, cl := range claims {
		i := slices.IndexFunc(r.Programmes, func(p content.Programme) bool { return p.Entry == cl.Entry })
		if i < 0 || i >= len(digits) {
			return "", false
		}
		b.WriteByte(digits[i])
		ids = append(ids, cl.Entry)
	}
	b.WriteString(":" + entriesSum(ids))
	if b.Len() > MaxButtonData {
		return "", false
	}
	return b.String(), true
}

// moreEntries reads a code of moreData back into entry ids; ok is false
// when the rules do not give the same entries.
func moreEntries(r *content.Rules, code string) ([]string, bool) {
	idx, sum, found := strings.Cut(code, ":")
	if r == nil || !found || idx == "" {
		return nil, false
	}
	var ids []string
	for _, ch := range idx {
		i := strings.IndexRune("0123456789abcdefghijklmnopqrstuvwxyz", ch)
		if i < 0 || i >= len(r.Programmes) {
			return nil, false
		}
		ids = append(ids, r.Programmes[i].Entry)
	}
	return ids, entriesSum(ids) == sum
}

// entriesSum is a short check over entry ids (FNV-1a, base 36).
func entriesSum(ids []string) string {
	h := fnv.New32a()
	h.Write([]byte(strings.Join(ids, ",")))
	return strconv.FormatUint(uint64(h.Sum32()), 36)
}

// checkTicket opens a ticket for an officer with the check's answers; the
// answers then live in the ticket only.
func (c *conv) checkTicket() error {
	s := c.user.Check
	if s == nil || s.Summary == "" {
		return c.reply(textCheckGone, checkStartButtons(), logMeta{topic: content.TopicPovertyStatus})
	}
	summary := s.Summary
	c.user.Check = nil
	c.user.Dialog.LastTopic, c.user.Dialog.LastEntry = content.TopicPovertyStatus, ""
	return c.escalate(PriorityNormal, summary)
}

// checkReminder sets a reminder for the commune's review period: its start
// if it is ahead, else three days before it ends, else next year's start.
func (c *conv) checkReminder() error {
	at, ok := c.reviewReminderTime()
	if !ok {
		return c.reply(textCheckNoReview, nil, logMeta{topic: content.TopicReminders})
	}
	return c.addReminder(Reminder{Type: ReminderOnce, At: at, Text: textCheckReviewReminder})
}

func (c *conv) reviewReminderTime() (time.Time, bool) {
	r := c.rules()
	local := c.now.In(c.e.loc)
	for year := local.Year(); year <= local.Year()+1; year++ {
		probe, _ := content.ParseDate(fmt.Sprintf("%04d-07-01", year))
		std, ok := r.StandardOn(probe)
		if !ok {
			continue
		}
		from, until, ok := std.Review.Window(year)
		if !ok {
			continue
		}
		for _, d := range []time.Time{from.Time, until.AddDate(0, 0, -3)} {
			at := time.Date(d.Year(), d.Month(), d.Day(), personalHour, 0, 0, 0, c.e.loc)
			if at.After(c.now.Add(time.Hour)) {
				return at, true
			}
		}
	}
	return time.Time{}, false
}

// checkStartButtons offers a new check.
func checkStartButtons() []Button {
	return []Button{{Label: labelCheck, Data: dataCheck}, {Label: labelMenu, Data: dataMenu}}
}

// checkTopics are the answers that offer the eligibility check.
var checkTopics = map[string]bool{
	content.TopicPovertyStatus: true, content.TopicLoan: true, content.TopicHealthInsurance: true, content.TopicHousing: true,
}

// sumOrCheck answers a message that asks for a sum (loan interest, the
// household's BHYT share) or to check the household, when the matcher's
// reading r agrees (SumFor, checkReading); it reports whether it did.
func (c *conv) sumOrCheck(text string, r content.Result) (bool, error) {
	kb := c.e.KB()
	if s, ok := SumFor(kb, text, r, c.day, c.category()); ok {
		c.besides = kb.OthersAsked(text, s.Topic, c.day)
		return true, c.replySum(s)
	}
	if c.rules() != nil && (opensCheck(text, r) || c.incomeAfterSize(text, r)) {
		c.user.Dialog.Misses = 0
		return true, c.startCheck(text)
	}
	return false, nil
}

// incomeAfterSize reports whether text tells only the household's income
// ("thu nhập 5tr") just after the citizen's message told its size and no
// income ("nhà tôi có 4 người, ở nông thôn"), within FollowUpWindow: the
// two together tell what opensCheck wants from one message, and the
// check reads the first for what the second leaves out. Read alone,
// "thu nhập 5tr" after the poverty standard brought the standard again.
func (c *conv) incomeAfterSize(text string, r content.Result) bool {
	q := c.prevQuestion
	if q == "" || c.prevSeen.IsZero() || c.now.Sub(c.prevSeen) > FollowUpWindow || !checkReading(r) {
		return false
	}
	said := householdSaid(text)
	if said.Members != 0 || said.Income == nil || !plausibleIncome(said.Income) {
		return false
	}
	prev := householdSaid(q)
	return prev.Members >= 1 && prev.Members <= content.MaxMembers && prev.Income == nil
}

// opensCheck reports whether text opens the eligibility check: it asks
// whether the household qualifies (content.WantsCheck), or tells the
// household's size and income with no other question ("nhà tôi 4 người ở
// xã thu nhập 5 triệu", which the matcher reads as the poverty line) or
// an income per person, which the standard's line is ("thu nhập bình quân
// 1tr8 một người ở thành thị là hộ gì": the check asks the size), and
// the matcher's reading r agrees (checkReading); or it is the button's
// words alone (checkRequest), whatever the matcher reads.
func opensCheck(text string, r content.Result) bool {
	if checkRequest(text) {
		return true // the button's words: whatever the matcher reads
	}
	if !checkReading(r) || quotesLines(text) {
		return false
	}
	if content.WantsCheck(text) {
		return true
	}
	said := householdSaid(text)
	if said.Income != nil && said.Income.PerPerson {
		return plausibleIncome(said.Income)
	}
	return said.Members >= 1 && said.Members <= content.MaxMembers && plausibleIncome(said.Income)
}

// quotesLines reports a message that quotes the poverty lines rather
// than tells a household: it names both areas ("2 triệu 2 nông thôn 2
// triệu 8 thành thị áp dụng từ bao giờ", read as a household of 8), or
// asks when a rule applies ("… áp dụng từ khi nào"). The standard's
// answer, not the check, answers it.
func quotesLines(text string) bool {
	f := " " + strings.Join(strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}), " ") + " "
	has := func(ws ...string) bool {
		for _, w := range ws {
			if strings.Contains(f, " "+w+" ") {
				return true
			}
		}
		return false
	}
	if has("nong thon") && has("thanh thi", "thanh pho") {
		return true
	}
	return has("ap dung") && has("tu bao gio", "bao gio", "tu khi nao", "khi nao", "tu ngay nao", "ngay nao", "tu nam nao", "nam nao")
}

// checkRequest reports a message that only asks to run the check, in the
// words of its button: "kiểm tra điều kiện", "kiem tra dieu kien ho tro",
// "tôi muốn kiểm tra điều kiện ạ". Typed without the menu in view, the
// button's words are no choice, and alone they name no household (not
// WantsCheck): the first was answered as the electricity bill. Not
// "kiểm tra điều kiện vay vốn", which asks a programme's conditions.
func checkRequest(text string) bool {
	var words []string
	for _, w := range strings.FieldsFunc(content.Fold(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if !checkRequestFiller[w] {
			words = append(words, w)
		}
	}
	switch strings.Join(words, " ") {
	case "kiem tra dieu kien", "kiem tra dieu kien ho tro", "kiem tra dieu kien huong ho tro", "kiem tra dieu kien nhan ho tro":
		return true
	}
	return false
}

// checkRequestFiller are the words around a request to run the check that
// change nothing: who asks, please, politeness.
var checkRequestFiller = map[string]bool{
	"toi": true, "em": true, "minh": true, "chau": true, "con": true, "muon": true, "can": true, "cho": true,
	"giup": true, "xin": true, "hay": true, "a": true, "nhe": true, "nha": true, "voi": true, "di": true, "duoc": true,
	"lam": true, "on": true, "bot": true, "ad": true, "oi": true, "vui": true, "long": true,
}

// replySum sends a computed sum with its entries as buttons.
func (c *conv) replySum(s content.Sum) error {
	c.user.Dialog.Misses = 0
	var buttons []Button
	for _, id := range s.Entries {
		if en, ok := c.e.KB().EntryOn(id, c.day); ok {
			buttons = append(buttons, Button{Label: en.Title, Data: dataEntry + en.ID})
		}
	}
	buttons = append(buttons, Button{Label: labelOfficer, Data: dataOfficer}, Button{Label: labelMenu, Data: dataMenu})
	text := s.Text
	text, buttons = c.withBesides(s.Topic, text, buttons)
	c.besides = nil
	c.user.Dialog.LastTopic = s.Topic
	if len(s.Entries) > 0 {
		c.user.Dialog.LastEntry = s.Entries[0]
	}
	return c.reply(text, buttons, logMeta{topic: s.Topic, entry: "sum"})
}

// SumFor returns the computed answer to text (content.KB.Sum) when the
// matcher's reading r asks what the sum answers (content.Sum.Covers), or
// the matcher cannot place text. The sum reads its words anywhere in the
// message, the matcher reads what is asked: "bố tôi mất, khoản vay hộ
// nghèo còn 20 triệu ai phải trả, thẻ bhyt của bố hết hạn mua lại mất bao
// nhiêu" asks about the loan, "thẻ bhyt hộ nghèo hết hạn ngày nào vậy bn"
// about renewal, and a message the matcher finds out of scope gets no sum
// (docs/architecture.md, the order of a first reply).
//
// With a category known, the matcher's reading stands for the category's
// member of its family, as the answer would (forHousehold): "vay 50tr thì
// lãi 1 tháng bao nhiêu" read as the poor household's loan asks the
// near-poor household's sum after "hộ cận nghèo vay vốn được không".
func SumFor(kb *content.KB, text string, r content.Result, day content.Date, category string) (content.Sum, bool) {
	s, ok := kb.Sum(text, day, category)
	if !ok {
		return content.Sum{}, false
	}
	if r.Topic != content.TopicUnknown && !s.Covers(r.Entry) {
		m := kb.FamilyMember(r.Entry, category, day)
		if category == "" || m == nil || !s.Covers(m) {
			return content.Sum{}, false
		}
	}
	if r.Topic != content.TopicUnknown && kb.GivesWay(s, text, r.Entry) {
		// A programme with its own rate read, whether it may be had
		// asked: the entry answers, not the category's interest.
		return content.Sum{}, false
	}
	return s, true
}

// checkReading reports whether the matcher's reading r lets a request to
// check the household open the check: a question the check answers for
// the household (content.CheckAnswers), or one the matcher cannot place.
// Not "đất đứng tên bố mẹ, có được hỗ trợ làm nhà hộ nghèo không", which
// names the category but asks about housing support, nor "nhà em có được
// xét hộ nghèo giữa năm không hay phải đợi cuối năm", which asks when.
func checkReading(r content.Result) bool {
	return r.Topic == content.TopicUnknown || r.Topic == content.TopicPovertyStatus && content.CheckAnswers(r.Entry)
}

// CheckOpening returns the bot's first reply to text when text asks to
// check the household and the matcher's reading r agrees (checkReading),
// for callers without a conversation (`ansinh ask`): the same words the
// engine sends as the first message of a chat.
func CheckOpening(rules *content.Rules, text string, r content.Result, day content.Date) (string, bool) {
	if rules == nil || !opensCheck(text, r) {
		return "", false
	}
	e := &Engine{}
	e.rules.Store(rules)
	e.kb.Store(rules.KB())
	var out []string
	c := &conv{e: e, day: day, captured: &out}
	if err := c.startCheck(text); err != nil || len(out) == 0 {
		return "", false
	}
	return out[0], true
}
