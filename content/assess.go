package content

import (
	"fmt"
	"slices"
)

// Household is what the eligibility check knows about one household.
type Household struct {
	// Area is Rural or Urban; "" when not told, which Assess accepts only
	// where the area decides nothing (see AreaDecides).
	Area    string
	Members int
	// Income is the household's income; by default its total per month.
	Income Amount
	// Deprived counts the basic-service indicators of the standard in
	// force the household lacks; DeprivedKnown says whether it was given.
	Deprived      int
	DeprivedKnown bool
	// DeprivedUncertain counts, of Deprived, the indicators whose place in
	// the standard is uncertain. Asked marks a count that came from the
	// check's plain-word questions rather than from an officer.
	DeprivedUncertain int
	Asked             bool
	Ages              []int
	Disabled          int
	Students          int
	HouseUnsafe       bool
}

// InputError names the input (a CLI flag, a question of the check) that
// is wrong.
type InputError struct {
	Field  string
	Reason string
}

func (e *InputError) Error() string { return e.Field + ": " + e.Reason }

// Claim is a programme the household may claim, linked to the entry that
// explains it, so that the result and the answer never disagree.
type Claim struct {
	Entry     string `json:"entry"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Certainty string `json:"certainty"`
	// Condition is what the household must also be that the check does
	// not ask ("nhà làm nông, lâm, ngư hoặc diêm nghiệp"); "" for none.
	Condition string `json:"condition,omitempty"`
}

// Decisions: which rule placed the household in its category.
const (
	ByPoor           = "income_at_or_below_line_and_deprived_at_least_min"
	ByNearPoor       = "income_at_or_below_line_and_deprived_below_min"
	ByNeedsDeprived  = "income_at_or_below_line_deprivations_not_given"
	ByDeprivedUnsure = "deprivation_count_depends_on_uncertain_indicators"
	ByLocalStandard  = "income_under_uncertain_local_standard"
	ByAverageBand    = "income_in_average_band"
	ByAverageUnsure  = "average_band_not_defined"
	ByAboveBands     = "income_above_average_band"
)

// Assessment is the check's result for one household on one day. It is a
// preliminary estimate: only the commune's review decides.
type Assessment struct {
	Date            Date
	Standard        *Standard
	Area            string
	Members         int
	Line            int64 // the poverty line per person per month in force
	IncomePerPerson int64 // per month, rounded to the đồng
	Deprived        int
	DeprivedKnown   bool
	Category        string
	DecidedBy       string
	Uncertain       bool
	// Possible lists the categories the household may be in: one when
	// decided, more when the result is needs_deprivation or undetermined.
	Possible   []string
	Programmes []Claim
	// Coming is the same household under the standard that takes over
	// soon (comingStandard), when the category it may be in there is
	// none of Possible; nil otherwise. Its deprivations are not carried
	// over: the new standard counts other indicators; a count told below
	// the new poor threshold is named in the text, near-poor but not sure.
	Coming *Assessment
	// toldBelow is, for a Coming assessment that needs the deprivations
	// (poor or near-poor), the count told under today's standard when it
	// is below the new standard's poor threshold; -1 otherwise.
	toldBelow int
}

// Validate checks the household before it is assessed on day d and
// returns an *InputError naming the wrong input.
func (r *Rules) Validate(h Household, d Date) error {
	std, ok := r.StandardOn(d)
	if !ok {
		return &InputError{"date", fmt.Sprintf("no household standard in the rules on %s", d)}
	}
	switch {
	case h.Area != Rural && h.Area != Urban && h.Area != "":
		return &InputError{"area", fmt.Sprintf("want %s or %s", Rural, Urban)}
	case h.Members < 1 || h.Members > MaxMembers:
		return &InputError{"members", fmt.Sprintf("want 1 to %d", MaxMembers)}
	case h.Income.VND < 0:
		return &InputError{"income", "must not be negative"}
	case h.Income.VND > MaxAmount:
		return &InputError{"income", "too large"}
	case h.DeprivedKnown && (h.Deprived < 0 || h.Deprived > len(std.Indicators)):
		return &InputError{"deprived", fmt.Sprintf("want 0 to %d (indicators of %s)", len(std.Indicators), std.Source.Title)}
	case h.DeprivedUncertain < 0 || h.DeprivedUncertain > h.Deprived:
		return &InputError{"deprived", "uncertain count above the count"}
	case h.Disabled < 0 || h.Disabled > h.Members:
		return &InputError{"disabled", fmt.Sprintf("want 0 to %d (members)", h.Members)}
	case h.Students < 0 || h.Students > h.Members:
		return &InputError{"students", fmt.Sprintf("want 0 to %d (members)", h.Members)}
	case len(h.Ages) > h.Members:
		return &InputError{"ages", "more ages than members"}
	}
	for _, a := range h.Ages {
		if a < 0 || a > 130 {
			return &InputError{"ages", fmt.Sprintf("age %d out of 0..130", a)}
		}
	}
	if h.Area == "" && areaDecides(h, std) {
		return &InputError{"area", fmt.Sprintf("want %s or %s: the income is above a poverty line", Rural, Urban)}
	}
	return nil
}

// Assess places the household in a category under the standard in force
// on day d and lists the programmes it may claim. Near the end of that
// standard it also assesses the household under the next (Coming).
func (r *Rules) Assess(h Household, d Date) (*Assessment, error) {
	a, err := r.assess(h, d)
	if err != nil {
		return nil, err
	}
	if next, ok := r.comingStandard(a.Standard, d); ok {
		n := h
		n.Deprived, n.DeprivedKnown, n.DeprivedUncertain, n.Asked = 0, false, 0, false
		// The next standard is told when it places the household
		// elsewhere, or when today's cannot place it and the next can
		// (between the national line and Bắc Ninh's own, in 2026, a
		// household of 1.750.000 đồng a head is under 2027's rural line).
		if c, err := r.assess(n, next.ValidFrom); err == nil && (!overlap(a.Possible, c.Possible) || a.Category == CatUndetermined && c.Category != CatUndetermined) {
			a.Coming = c
			c.toldBelow = -1
			if h.DeprivedKnown && c.Category == CatNeedsDeprivation && h.Deprived < next.PoorMinDeprived {
				c.toldBelow = h.Deprived
			}
		}
	}
	return a, nil
}

// comingStandard returns the standard that follows std when it takes over
// soon after day d: from the start of the annual review in std's last
// year, the review that lists households for the new standard's first
// year. The standard's own answer says as much ("đợt rà soát cuối năm
// 2026 có thể đã dùng chuẩn từ 01/01/2027").
func (r *Rules) comingStandard(std *Standard, d Date) (*Standard, bool) {
	if std.ValidUntil.IsZero() {
		return nil, false
	}
	next, ok := r.StandardOn(Date{std.ValidUntil.AddDate(0, 0, 1)})
	if !ok || next == std {
		return nil, false
	}
	from, _, ok := std.Review.Window(std.ValidUntil.Year())
	if !ok || d.Before(from.Time) {
		return nil, false
	}
	return next, true
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// assess is Assess under the standard in force on d alone.
func (r *Rules) assess(h Household, d Date) (*Assessment, error) {
	if err := r.Validate(h, d); err != nil {
		return nil, err
	}
	std, _ := r.StandardOn(d)
	a := &Assessment{Date: d, Standard: std, Area: h.Area, Members: h.Members, Line: std.Line.For(h.Area),
		Deprived: h.Deprived, DeprivedKnown: h.DeprivedKnown}
	if h.Area == "" {
		a.Line = std.Line.lower() // below both (Validate)
	}
	year := yearTotal(h)
	perYear := func(perPersonMonth int64) int64 { return perPersonMonth * 12 * int64(h.Members) }
	a.IncomePerPerson = (year + 6*int64(h.Members)) / (12 * int64(h.Members))

	set := func(cat, by string, uncertain bool, possible ...string) {
		a.Category, a.DecidedBy, a.Uncertain = cat, by, a.Uncertain || uncertain
		a.Possible = possible
		if len(possible) == 0 {
			a.Possible = []string{cat}
		}
	}
	switch {
	case year <= perYear(a.Line):
		r.belowLine(a, std, h, set)
	case std.Local != nil && std.Local.Certainty == Uncertain && year <= perYear(std.Local.For(h.Area)):
		set(CatUndetermined, ByLocalStandard, true, CatPoor, CatNearPoor, CatAverage)
	case std.Average.Certainty == Uncertain || std.Average.For(h.Area) == 0:
		set(CatUndetermined, ByAverageUnsure, true, CatAverage, CatAbove)
	case year <= perYear(std.Average.For(h.Area)):
		set(CatAverage, ByAverageBand, std.Average.Certainty != Confirmed)
	default:
		set(CatAbove, ByAboveBands, std.Average.Certainty != Confirmed)
	}
	a.Programmes = r.claims(h, a.Possible, d)
	return a, nil
}

// yearTotal is the household's income per year in whole đồng: yearly
// household totals are compared, so that no rounding decides a household
// exactly at the line. An income per day or week counts 360 days or 52
// weeks (Amount.Yearly).
func yearTotal(h Household) int64 {
	year := h.Income.Yearly()
	if h.Income.PerPerson {
		year *= int64(h.Members)
	}
	return year
}

// AreaDecides reports whether the household's category on day d may
// depend on its area (h.Area is not read). It does not when the income is
// at or below the poverty line of both areas: the category then rests on
// the deprivations alone, and the check does not ask a question whose
// answer changes nothing.
func (r *Rules) AreaDecides(h Household, d Date) bool {
	std, ok := r.StandardOn(d)
	if !ok || h.Members < 1 || h.Members > MaxMembers {
		return true
	}
	return areaDecides(h, std)
}

func areaDecides(h Household, std *Standard) bool {
	both := std.Line.lower()
	return both <= 0 || yearTotal(h) > both*12*int64(h.Members)
}

func (r *Rules) belowLine(a *Assessment, std *Standard, h Household, set func(string, string, bool, ...string)) {
	listUnsure := h.Asked && std.IndicatorsCert != Confirmed
	lineUnsure := std.Line.Certainty != Confirmed
	switch {
	case !h.DeprivedKnown:
		set(CatNeedsDeprivation, ByNeedsDeprived, lineUnsure, CatPoor, CatNearPoor)
	case h.Deprived-h.DeprivedUncertain >= std.PoorMinDeprived:
		set(CatPoor, ByPoor, lineUnsure || listUnsure)
	case h.Deprived >= std.PoorMinDeprived:
		set(CatUndetermined, ByDeprivedUnsure, true, CatPoor, CatNearPoor)
	default:
		set(CatNearPoor, ByNearPoor, lineUnsure || listUnsure || std.NearPoor.Certainty != Confirmed)
	}
}

// profilesOf lists the member profiles the household shows.
func profilesOf(h Household) []string {
	ps := []string{ProfileHousehold}
	for _, age := range h.Ages {
		switch {
		case age >= 75 && !slices.Contains(ps, ProfileAge75):
			ps = append(ps, ProfileAge75)
		case age >= 70 && age < 75 && !slices.Contains(ps, ProfileAge7074):
			ps = append(ps, ProfileAge7074)
		}
	}
	if h.Disabled > 0 {
		ps = append(ps, ProfileDisabled)
	}
	if h.Students > 0 {
		ps = append(ps, ProfileStudent)
	}
	if h.HouseUnsafe {
		ps = append(ps, ProfileUnsafeHouse)
	}
	if h.Members == 1 && (slices.Contains(ps, ProfileAge75) || slices.Contains(ps, ProfileAge7074)) {
		ps = append(ps, ProfileElderAlone)
	}
	return ps
}

// claims lists the entries of the programmes that apply whichever of the
// possible categories the household is in, each entry once, in rule order.
func (r *Rules) claims(h Household, possible []string, d Date) []Claim {
	out := []Claim{}
	seen := map[string]bool{}
	ps := profilesOf(h)
	var keys []string // of out's entries
	elderly := r.elderlyCarded(h, possible)
	for _, g := range r.Programmes {
		if !slices.Contains(ps, g.Profile) || !coversAll(g.Categories, possible) {
			continue
		}
		e, ok := r.kb.EntryOn(g.Entry, d)
		if !ok || seen[e.ID] {
			continue
		}
		seen[e.ID] = true
		if elderly > 0 && elderly >= h.Members && slices.Contains(nearPoorBHYTKeys, e.Key) {
			continue // every member's card is paid: no premium to support
		}
		c := Claim{Entry: e.ID, Title: e.Title, Certainty: e.Certainty, Condition: g.Condition}
		if len(e.Sources) > 0 {
			c.Source = e.Sources[0].Label()
		}
		if g.Certainty == CheckWithOfficer {
			c.Certainty = CheckWithOfficer
		}
		out = append(out, c)
		keys = append(keys, e.Key)
	}
	if elderly > 0 && slices.ContainsFunc(keys, func(k string) bool { return slices.Contains(nearPoorBHYTKeys, k) }) {
		if i := slices.Index(keys, elderlyBHYTKey); i >= 0 {
			out[i].Condition += othersThanElderly
		}
	}
	return out
}

// The near-poor household's BHYT premium support (its entry, then the
// premiums in force) and the elderly's BHYT, by entry key. A member with
// the elderly's card pays no premium: beside it, the support is said to
// be for the other members (othersThanElderly, after the elderly card's
// own condition), and a household whose members all have that card is
// offered no premium support.
var (
	nearPoorBHYTKeys = []string{"bhyt-near-poor", "bhyt-premium"}
	elderlyBHYTKey   = "bhyt-elderly"
)

// othersThanElderly follows the elderly card's condition ("người hưởng
// trợ cấp hưu trí xã hội") where the near-poor premium support is offered.
const othersThanElderly = "; hỗ trợ BHYT hộ cận nghèo là cho các thành viên khác"

// elderlyCarded counts the members whose age gives them the elderly's
// BHYT under a programme rule that covers the possible categories (75 and
// over; 70 to 74 in a poor or near-poor household), at most Members.
func (r *Rules) elderlyCarded(h Household, possible []string) int {
	var profiles []string
	for _, g := range r.Programmes {
		if g.Profile == ProfileHousehold || !coversAll(g.Categories, possible) {
			continue
		}
		if e, ok := r.kb.Entry(g.Entry); ok && e.Key == elderlyBHYTKey {
			profiles = append(profiles, g.Profile)
		}
	}
	n := 0
	for _, age := range h.Ages {
		switch {
		case age >= 75 && slices.Contains(profiles, ProfileAge75),
			age >= 70 && age < 75 && slices.Contains(profiles, ProfileAge7074):
			n++
		}
	}
	return min(n, h.Members)
}

func coversAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// KB returns the knowledge base the rules were checked against.
func (r *Rules) KB() *KB { return r.kb }
