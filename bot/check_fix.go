package bot

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bacninh/ansinh/content"
)

// Correcting one answer of the check without starting again: "sửa" (or
// the "Sửa thông tin" button) lists what the check has recorded, each a
// button; the one chosen is asked again and the check goes on from
// where it was. A value told where another question is asked ("6
// người", "thu nhập 4 triệu", "mẹ tôi bị mù") replaces the one recorded
// at once. Before, a figure or a member misread from a story could only
// be undone by "quay lại" through every later answer, and a member told
// in the story (CheckState.Told) not at all.

// stepFix: the citizen chooses which answer to correct.
const stepFix = "fix"

// dataCheckFix opens the list; dataCheckFixItem + fix* asks one answer
// again.
const (
	dataCheckFix     = "chk:fix"
	dataCheckFixItem = "chk:fix:"
)

// The answers one may correct.
const (
	fixArea     = "area"
	fixMembers  = "members"
	fixIncome   = "income"
	fixGroups   = "groups"
	fixProfiles = "profiles"
)

// fixCommand reports a typed request to correct an answer: "sửa",
// "sửa thông tin", "ghi sai rồi", "nhầm rồi". ("Sửa lại" goes back a
// question, as before.)
func fixCommand(folded string) bool {
	switch folded {
	case "sua", "sua thong tin", "sua cau tra loi", "chinh sua", "ghi sai", "ghi sai roi", "sai roi", "nham roi", "ghi nham roi", "sai":
		return true
	}
	return false
}

// fixItems are the answers recorded, in the order they are asked, with
// their buttons' labels.
func (c *conv) fixItems() []Button {
	s := c.user.Check
	var items []Button
	add := func(field, label string) {
		items = append(items, Button{Label: label, Data: dataCheckFixItem + field})
	}
	if s.Area != "" {
		add(fixArea, "Nơi ở: "+content.AreaTitles[s.Area])
	}
	if s.Members > 0 {
		add(fixMembers, fmt.Sprintf("Số người: %d", s.Members))
	}
	if s.Income != nil {
		add(fixIncome, "Thu nhập: "+content.FormatVND(s.Income.VND))
	}
	if len(s.Groups) > 0 {
		add(fixGroups, labelCheckFixGroups)
	}
	if len(s.Told) > 0 || s.Old > 0 || s.Profiled {
		add(fixProfiles, labelCheckFixProfiles)
	}
	return items
}

// fixList asks which answer to correct.
func (c *conv) fixList() error {
	s := c.user.Check
	if len(c.fixItems()) == 0 {
		return c.ask(textCheckNothingToFix)
	}
	s.Step = stepFix
	return c.ask("")
}

// fixQuestion is the list's text and buttons.
func (c *conv) fixQuestion() (string, []Button) {
	buttons := c.fixItems()
	buttons = append(buttons, Button{Label: labelCheckResume, Data: dataCheckResume}, Button{Label: labelCheckCancel, Data: dataCheckCancel})
	return fmt.Sprintf(textCheckFixWhich, c.knownFacts(true)), buttons
}

// fixItem forgets one answer and asks it again; the check then goes on
// to the first question still unanswered (nextStep).
func (c *conv) fixItem(field string) error {
	s := c.user.Check
	if !slices.ContainsFunc(c.fixItems(), func(b Button) bool { return b.Data == dataCheckFixItem+field }) {
		return c.fixList()
	}
	forget := func(step string) {
		s.Back = slices.DeleteFunc(s.Back, func(b string) bool { return b == step || step == stepGroup && strings.HasPrefix(b, stepGroup) })
	}
	switch field {
	case fixArea:
		s.Area, s.Step = "", stepArea
		forget(stepArea)
	case fixMembers:
		s.Members, s.Step = 0, stepMembers
		forget(stepMembers)
	case fixIncome:
		s.Income, s.Step = nil, stepIncome
		forget(stepIncome)
	case fixGroups:
		s.Groups, s.Lacking = nil, nil
		forget(stepGroup)
		s.Step = c.nextStep()
	case fixProfiles:
		s.Told, s.Old, s.Profiles, s.Profiled, s.Step = nil, 0, nil, false, stepProfile
		forget(stepProfile)
	}
	return c.ask("")
}

// errNothingKept: the check ended without answers to correct (cancelled,
// or sent to an officer).
var errNothingKept = errors.New("no answers kept")

// fixAfterResult reopens a finished check at the list of its answers, or
// at the answer item names (a button of that list pressed after the
// result): the one corrected gives a new result. Until then the summary
// stays, so the result's "Gửi cán bộ xã xem" still sends what it shows.
// errNothingKept when its answers are gone.
func (c *conv) fixAfterResult(item string) error {
	s := c.user.Check
	if s == nil || s.Step != stepDone || s.Income == nil || s.Members == 0 {
		return errNothingKept
	}
	s.Step, s.Done, s.Paused = stepFix, time.Time{}, false
	c.user.Dialog.LastTopic = content.TopicPovertyStatus
	if item != "" {
		return c.fixItem(item)
	}
	return c.ask("")
}

// leaveFix goes back from the list to the question in progress.
func (c *conv) leaveFix() error {
	c.user.Check.Step = c.nextStep()
	return c.ask("")
}

// onlyFigure reports a text that is a figure and nothing else: numbers
// (in digits or words), the units and period words (units), courtesy.
func onlyFigure(text string, units map[string]bool) bool {
	for _, w := range profileSplit(text) {
		if _, err := strconv.Atoi(w); err == nil || digitWords[w] > 0 || units[w] || figureFiller[w] {
			continue
		}
		if strings.TrimLeft(w, "0123456789") != w && units[strings.TrimLeft(w, "0123456789")] {
			continue // "6tr", "2500k"
		}
		return false
	}
	return true
}

var (
	figureFiller = map[string]bool{"a": true, "da": true, "vang": true, "thoi": true, "la": true, "co": true, "chi": true,
		"oi": true, "nhe": true, "khoang": true, "tam": true, "chung": true, "muoi": true, "lam": true, "tu": true, "mot": true,
		// a correction's lead: "à nhầm, 6 người", "xin lỗi, sai rồi"
		"nham": true, "lon": true, "sai": true, "roi": true, "xin": true, "loi": true, "ay": true}
	memberUnits = map[string]bool{"nguoi": true, "ng": true, "khau": true, "nhan": true}
	amountUnits = map[string]bool{"trieu": true, "tr": true, "nghin": true, "ngan": true, "k": true, "tram": true, "dong": true,
		"ruoi": true, "moi": true, "thang": true, "ngay": true, "tuan": true, "nam": true, "ca": true, "nha": true, "mot": true, "d": true}
)

// householdNamed reports words that make a count the household's size:
// "nhà", "hộ", "gia đình", "nhân khẩu", "tất cả", or one that sets the
// recorded size aside ("không phải", "sửa").
func householdNamed(text string) bool {
	f := " " + strings.Join(profileSplit(text), " ") + " "
	for _, w := range []string{" nha ", " ho ", " gia dinh ", " khau ", " tat ca ", " tong cong ", " khong phai ", " sua "} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// clauses splits a correction where a word sets the wrong value aside
// ("không phải 5 người mà là 6 người", "6 người chứ không phải 5") or a
// stop ends a clause.
func clauses(text string) []string {
	var parts []string
	var cur []string
	for _, f := range strings.Fields(text) {
		w := strings.TrimRight(f, ",;.!?")
		switch content.Fold(w) {
		case "ma", "chu":
			parts, cur = append(parts, strings.Join(cur, " ")), nil
			continue
		}
		cur = append(cur, w)
		if w != f {
			parts, cur = append(parts, strings.Join(cur, " ")), nil
		}
	}
	return append(parts, strings.Join(cur, " "))
}

// correction takes a value told where another question is asked: a
// household size with its word ("6 người", "nhà có sáu người"), an
// income ("thu nhập 4 triệu"), the area ("ở phường"), or a member ("bà
// nội 80 tuổi", "mẹ tôi bị mù"). It records it, says what it changed and
// asks the question that is next now; false when the text tells none of
// them (nothing is changed). Where a clause denies the value ("không
// phải 5 người mà 6 người") the last one told counts.
func (c *conv) correction(text string) (bool, error) {
	s := c.user.Check
	if words := profileSplit(text); len(words) == 0 || strings.Contains(text, "?") || profileQuestionEnd[words[len(words)-1]] {
		return false, nil // a question, for sideQuestion
	}
	// Where another question is asked, a figure corrects the size or
	// the income only when the text is that figure alone ("6 người", "4
	// triệu") or says it is the household's ("nhà có 6 người", "thu nhập
	// 4 triệu"): "1 người đi làm", "con gửi về 2 triệu" tell something
	// else.
	var said content.Said
	for _, part := range clauses(text) {
		p := householdSaid(part)
		if p.Members > 0 && p.Members <= content.MaxMembers && (onlyFigure(text, memberUnits) || householdNamed(text)) {
			said.Members = p.Members
		}
		if named, sum := incomeNamed(part); p.Income != nil && plausibleIncome(p.Income) && !sum && (onlyFigure(text, amountUnits) || named) {
			said.Income, said.Earners = p.Income, p.Earners
		}
		if p.Area != "" {
			said.Area = p.Area
		}
	}
	// changed replaced a value recorded, added one the check lacked.
	var changed, added []string
	note := func(had bool, step, what string) {
		if had {
			changed = append(changed, what)
			return
		}
		added = append(added, what)
		if !slices.Contains(s.Back, step) {
			s.Back = append(s.Back, step) // read, not asked: "quay lại" reaches it
		}
	}
	if said.Members > 0 && said.Members != s.Members {
		had := s.Members > 0
		s.Members = said.Members
		note(had, stepMembers, fmt.Sprintf("%d người", s.Members))
	}
	if said.Income != nil {
		if msg, small := c.smallIncome(*said.Income, said.Earners); small {
			return true, c.ask(msg)
		}
		if in := incomeOf(*said.Income, said.Earners); s.Income == nil || *in != *s.Income {
			had := s.Income != nil
			s.Income = in
			note(had, stepIncome, "thu nhập "+s.Income.words())
		}
	}
	if said.Area != "" && said.Area != s.Area {
		had := s.Area != ""
		s.Area = said.Area
		note(had, stepArea, content.AreaTitles[s.Area])
	}
	var members []string
	for _, p := range toldProfiles(text) {
		if !slices.Contains(s.Told, p) && !slices.Contains(s.Profiles, p) {
			s.Told = append(s.Told, p)
			members = append(members, p)
		}
	}
	if told := profileLabels(members); told != "" {
		added = append(added, "trong nhà có "+told)
	}
	if len(changed)+len(added) == 0 {
		return false, nil
	}
	var lines []string
	if len(changed) > 0 {
		lines = append(lines, fmt.Sprintf(textCheckFixed, strings.Join(changed, ", ")))
	}
	if len(added) > 0 {
		lines = append(lines, fmt.Sprintf(textCheckKnown, strings.Join(added, ", ")))
	}
	s.Step = c.nextStep()
	return true, c.ask(strings.Join(lines, "\n"))
}
