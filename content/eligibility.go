package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// EligibilityFile holds the household standard and the programme rules.
const EligibilityFile = "eligibility.yaml"

// Certainty of an eligibility rule, beyond the entry certainties:
// Uncertain means the rule may apply but is not known well enough to decide
// with; the household is sent to the commune.
const Uncertain = "uncertain"

// Household categories (docs/architecture.md, the eligibility contract).
const (
	CatPoor             = "poor"
	CatNearPoor         = "near_poor"
	CatAverage          = "average"
	CatAbove            = "above"
	CatNeedsDeprivation = "needs_deprivation"
	CatUndetermined     = "undetermined"
)

// Member profiles a programme rule may require.
const (
	ProfileHousehold   = ""
	ProfileAge7074     = "age_70_74"
	ProfileAge75       = "age_75"
	ProfileDisabled    = "disabled"
	ProfileStudent     = "student"
	ProfileUnsafeHouse = "unsafe_house"
	// ProfileElderAlone: a household of one person aged 70 or more (the
	// ages the other profiles tell): an elder living alone, whose own
	// support may be the monthly social allowance.
	ProfileElderAlone = "elderly_alone"
)

var profiles = []string{ProfileHousehold, ProfileAge7074, ProfileAge75, ProfileDisabled, ProfileStudent, ProfileUnsafeHouse, ProfileElderAlone}

var claimCategories = []string{CatPoor, CatNearPoor, CatAverage, CatAbove}

// Figures is an amount per person per month for each area.
type Figures struct {
	Rural int64 `yaml:"rural"`
	Urban int64 `yaml:"urban"`
}

// For returns the figure for area (Rural or Urban).
func (f Figures) For(area string) int64 {
	if area == Urban {
		return f.Urban
	}
	return f.Rural
}

// lower is the lower of the two areas' figures.
func (f Figures) lower() int64 { return min(f.Rural, f.Urban) }

// Band is a rule of the standard: an income line (or band ceiling) with
// its certainty and source, and the entry that explains it.
type Band struct {
	Figures   `yaml:",inline"`
	Title     string `yaml:"title"`
	Certainty string `yaml:"certainty"`
	Entry     string `yaml:"entry"`
	Source    Source `yaml:"source"`
}

// Indicator is one basic-service deprivation of a standard, with the plain
// words the check asks it in.
type Indicator struct {
	ID        string `yaml:"id"`
	Name      string `yaml:"name"`
	Ask       string `yaml:"ask"`
	Group     int    `yaml:"group"`
	Certainty string `yaml:"certainty"` // empty: as the standard's list
}

// Standard is the household standard in force in one window.
type Standard struct {
	ID         string `yaml:"id"`
	Title      string `yaml:"title"`
	ValidFrom  Date   `yaml:"valid_from"`
	ValidUntil Date   `yaml:"valid_until"`
	Entry      string `yaml:"entry"`
	Source     Source `yaml:"source"`
	Line       Band   `yaml:"line"`
	// PoorMinDeprived is how many indicators a poor household lacks at least.
	PoorMinDeprived int         `yaml:"poor_min_deprived"`
	NearPoor        Band        `yaml:"near_poor"`
	Average         Band        `yaml:"average"`
	Local           *Band       `yaml:"local"`
	Review          Review      `yaml:"review"`
	IndicatorsCert  string      `yaml:"indicators_certainty"`
	Indicators      []Indicator `yaml:"indicators"`
}

// ValidOn reports whether the standard is in force on day d.
func (s *Standard) ValidOn(d Date) bool {
	e := Entry{ValidFrom: s.ValidFrom, ValidUntil: s.ValidUntil}
	return e.ValidOn(d)
}

// Groups returns the indicator group numbers in order.
func (s *Standard) Groups() []int {
	var g []int
	for _, in := range s.Indicators {
		if !slices.Contains(g, in.Group) {
			g = append(g, in.Group)
		}
	}
	sort.Ints(g)
	return g
}

// Group returns the indicators of group n, in file order.
func (s *Standard) Group(n int) []Indicator {
	var out []Indicator
	for _, in := range s.Indicators {
		if in.Group == n {
			out = append(out, in)
		}
	}
	return out
}

// IndicatorUncertain reports whether lacking in counts only uncertainly.
func (s *Standard) IndicatorUncertain(in Indicator) bool {
	return in.Certainty == Uncertain
}

// Review is the yearly period in which the commune reviews households,
// as month-day strings ("09-01" to "12-14").
type Review struct {
	From      string `yaml:"from"`
	Until     string `yaml:"until"`
	Certainty string `yaml:"certainty"`
	Source    Source `yaml:"source"`
}

// Window returns the review period of the year of d, or false when the
// rules do not give one.
func (rv Review) Window(year int) (from, until Date, ok bool) {
	f, err1 := ParseDate(fmt.Sprintf("%04d-%s", year, rv.From))
	u, err2 := ParseDate(fmt.Sprintf("%04d-%s", year, rv.Until))
	if err1 != nil || err2 != nil || u.Before(f.Time) {
		return Date{}, Date{}, false
	}
	return f, u, true
}

// Programme says which entry a category (and member profile) may claim.
type Programme struct {
	Entry      string   `yaml:"entry"`
	Categories []string `yaml:"categories"`
	Profile    string   `yaml:"profile"`
	Certainty  string   `yaml:"certainty"`
	// Condition is what else the entry requires that the check does not
	// ask, in the words the result shows ("nhà làm nông, lâm, ngư hoặc
	// diêm nghiệp").
	Condition string `yaml:"condition"`
}

// Rules are the eligibility rules: the dated standards and the programmes.
type Rules struct {
	Standards  []*Standard `yaml:"standards"`
	Programmes []Programme `yaml:"programmes"`
	kb         *KB
}

// StandardOn returns the standard in force on day d.
func (r *Rules) StandardOn(d Date) (*Standard, bool) {
	for _, s := range r.Standards {
		if s.ValidOn(d) {
			return s, true
		}
	}
	return nil, false
}

// LoadRules reads EligibilityFile from fsys and checks it against kb. Any
// problem makes it fail with a Problems error listing all of them.
func LoadRules(fsys fs.FS, kb *KB) (*Rules, error) {
	r, err := readRules(fsys)
	if err != nil {
		return nil, err
	}
	if p := checkRules(r, kb); len(p) > 0 {
		return nil, p
	}
	r.kb = kb
	return r, nil
}

func readRules(fsys fs.FS) (*Rules, error) {
	b, err := fs.ReadFile(fsys, EligibilityFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", EligibilityFile, err)
	}
	var r Rules
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("parse %s: %w", EligibilityFile, err)
	}
	for _, s := range r.Standards {
		if s.Line.Source == (Source{}) {
			s.Line.Source = s.Source // the line is the decree's own figure
		}
	}
	return &r, nil
}

var ruleCertainties = []string{Confirmed, CheckWithOfficer, Uncertain}

// checkRules lists what is wrong with the rules: overlapping or gapped
// windows, a figure without a source, a programme or standard pointing to
// an entry the knowledge base lacks.
func checkRules(r *Rules, kb *KB) Problems {
	var p Problems
	add := func(format string, args ...any) {
		p = append(p, EligibilityFile+": "+fmt.Sprintf(format, args...))
	}
	entry := func(where, id string) {
		if id == "" {
			return
		}
		if _, ok := kb.Entry(id); !ok {
			add("%s: links to unknown entry %q", where, id)
		}
	}
	if len(r.Standards) == 0 {
		add("no standards")
	}
	for _, s := range r.Standards {
		where := "standard " + s.ID
		if s.ID == "" {
			add("a standard without id")
		}
		if !sourced(s.Source) {
			add("%s: needs a source with a title and an http(s) URL", where)
		}
		entry(where, s.Entry)
		checkBand(add, where+" line", s.Line, true)
		checkBand(add, where+" near_poor", s.NearPoor, false)
		checkBand(add, where+" average", s.Average, false)
		if s.Average.Certainty != Uncertain && (s.Average.Rural <= s.Line.Rural || s.Average.Urban <= s.Line.Urban) {
			add("%s average: ceiling must be above the poverty line", where)
		}
		entry(where+" average", s.Average.Entry)
		if s.Local != nil {
			checkBand(add, where+" local", *s.Local, true)
			entry(where+" local", s.Local.Entry)
		}
		if _, _, ok := s.Review.Window(2000); !ok || !sourced(s.Review.Source) || !slices.Contains(ruleCertainties, s.Review.Certainty) {
			add("%s: review needs from/until as MM-DD, a certainty and a source", where)
		}
		if s.PoorMinDeprived < 1 || s.PoorMinDeprived > len(s.Indicators) {
			add("%s: poor_min_deprived %d outside 1..%d indicators", where, s.PoorMinDeprived, len(s.Indicators))
		}
		if !slices.Contains(ruleCertainties, s.IndicatorsCert) {
			add("%s: indicators_certainty must be one of %v", where, ruleCertainties)
		}
		seen := map[string]bool{}
		for _, in := range s.Indicators {
			if in.ID == "" || in.Name == "" || in.Ask == "" || in.Group < 1 {
				add("%s: indicator %q needs id, name, ask and a group ≥ 1", where, in.ID)
			}
			if seen[in.ID] {
				add("%s: duplicate indicator %q", where, in.ID)
			}
			seen[in.ID] = true
			if in.Certainty != "" && !slices.Contains(ruleCertainties, in.Certainty) {
				add("%s: indicator %s: certainty must be one of %v", where, in.ID, ruleCertainties)
			}
		}
	}
	p = append(p, checkStandardWindows(r.Standards)...)
	for i, g := range r.Programmes {
		where := fmt.Sprintf("programme %d (%s)", i+1, g.Entry)
		if g.Entry == "" {
			add("%s: missing entry", where)
		} else {
			entry(where, g.Entry)
		}
		if len(g.Categories) == 0 {
			add("%s: no categories", where)
		}
		for _, c := range g.Categories {
			if !slices.Contains(claimCategories, c) {
				add("%s: unknown category %q (want one of %v)", where, c, claimCategories)
			}
		}
		if !slices.Contains(profiles, g.Profile) {
			add("%s: unknown profile %q", where, g.Profile)
		}
		if g.Certainty != "" && g.Certainty != Confirmed && g.Certainty != CheckWithOfficer {
			add("%s: certainty must be %q or %q", where, Confirmed, CheckWithOfficer)
		}
	}
	return p
}

func sourced(s Source) bool {
	return strings.TrimSpace(s.Title) != "" && (strings.HasPrefix(s.URL, "https://") || strings.HasPrefix(s.URL, "http://"))
}

// checkBand: a rule needs a certainty and a source; a figure needs both
// areas; an uncertain band may leave its figures out.
func checkBand(add func(string, ...any), where string, b Band, needsFigures bool) {
	if !slices.Contains(ruleCertainties, b.Certainty) {
		add("%s: certainty must be one of %v", where, ruleCertainties)
	}
	hasFigures := b.Rural > 0 || b.Urban > 0
	if (needsFigures || hasFigures) && (b.Rural <= 0 || b.Urban <= 0) {
		add("%s: needs a rural and an urban figure above 0", where)
	}
	if !sourced(b.Source) {
		add("%s: threshold without a source", where)
	}
}

// checkStandardWindows: the standards, sorted by start, must follow one
// another day after day: no overlap, no gap, only the last open-ended.
func checkStandardWindows(ss []*Standard) Problems {
	var p Problems
	sorted := slices.Clone(ss)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].ValidFrom.Before(sorted[j].ValidFrom.Time) })
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1], sorted[i]
		if a.ValidUntil.IsZero() {
			p = append(p, fmt.Sprintf("%s: standard %s has no end but %s follows it (windows overlap)", EligibilityFile, a.ID, b.ID))
			continue
		}
		next := a.ValidUntil.AddDate(0, 0, 1)
		switch {
		case b.ValidFrom.Before(next):
			p = append(p, fmt.Sprintf("%s: standards %s and %s overlap", EligibilityFile, a.ID, b.ID))
		case b.ValidFrom.After(next):
			p = append(p, fmt.Sprintf("%s: gap between standards %s and %s (%s to %s has no standard)", EligibilityFile, a.ID, b.ID, Date{next}, Date{b.ValidFrom.AddDate(0, 0, -1)}))
		}
	}
	return p
}

// Ranked returns claims in the order a result offers them, most pressing
// for the household first: the allowances paid every month to a member
// (the entries of topic social_assistance: the social pension, the
// province's allowance from 70, the disability allowance), then the rest
// in rule order (the category's own programmes, then the members'). A
// result that shows only the first few must never hide the money an
// elderly or disabled member is owed behind the category's loans and
// cards. claims is not changed.
func (r *Rules) Ranked(claims []Claim) []Claim {
	out := make([]Claim, 0, len(claims))
	monthly := func(c Claim) bool {
		e, ok := r.kb.Entry(c.Entry)
		return ok && e.Topic == TopicSocialAssistance
	}
	for _, c := range claims {
		if monthly(c) {
			out = append(out, c)
		}
	}
	for _, c := range claims {
		if !monthly(c) {
			out = append(out, c)
		}
	}
	return out
}
