package content

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed kb
var embedded embed.FS

// Embedded returns the knowledge base compiled into the binary, rooted so
// that it has the same layout as an ANSINH_CONTENT_DIR directory.
func Embedded() fs.FS {
	sub, err := fs.Sub(embedded, "kb")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return sub
}

// Topic IDs (docs/architecture.md §2). TopicUnknown is what callers report when the
// matcher is not confident or the message is out of scope.
const (
	TopicLoan             = "loan"
	TopicHealthInsurance  = "health_insurance"
	TopicHousing          = "housing"
	TopicEducation        = "education"
	TopicElectricity      = "electricity"
	TopicSocialAssistance = "social_assistance"
	TopicPovertyStatus    = "poverty_status"
	TopicJobs             = "jobs"
	TopicOfficer          = "officer"
	TopicReminders        = "reminders"
	TopicSmalltalk        = "smalltalk"
	TopicOutOfScope       = "out_of_scope"
	TopicUnknown          = "unknown"
)

// The reminders an answer may offer (Entry.Remind).
const (
	RemindBHYTExpiry = "bhyt_expiry"
	RemindLoanDay    = "loan_day"
)

// Topics lists the topic IDs in menu order.
var Topics = []string{
	TopicLoan, TopicHealthInsurance, TopicHousing, TopicEducation, TopicElectricity,
	TopicSocialAssistance, TopicPovertyStatus, TopicJobs, TopicOfficer, TopicReminders,
	TopicSmalltalk, TopicOutOfScope,
}

// TopicTitles are the Vietnamese labels of the topics, for menus.
var TopicTitles = map[string]string{
	TopicLoan:             "Vay vốn ưu đãi",
	TopicHealthInsurance:  "Bảo hiểm y tế",
	TopicHousing:          "Hỗ trợ nhà ở",
	TopicEducation:        "Học phí, học tập",
	TopicElectricity:      "Hỗ trợ tiền điện",
	TopicSocialAssistance: "Trợ cấp xã hội",
	TopicPovertyStatus:    "Hộ nghèo, cận nghèo",
	TopicJobs:             "Học nghề, việc làm",
	TopicOfficer:          "Gặp cán bộ",
	TopicReminders:        "Nhắc lịch",
	TopicSmalltalk:        "Trò chuyện",
	TopicOutOfScope:       "Ngoài phạm vi",
}

// Certainty values.
const (
	Confirmed        = "confirmed"
	CheckWithOfficer = "check_with_officer"
)

// Date is a calendar day (no time zone): entries are valid on whole days in
// the province's local time.
type Date struct{ time.Time }

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ParseDate parses YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// UnmarshalYAML reads YYYY-MM-DD.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Value == "" {
		return nil
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*d = v
	return nil
}

// MarshalJSON writes YYYY-MM-DD or null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.String() + `"`), nil
}

// Source is a document an answer rests on: a legal text or an official page,
// or a newspaper article (Kind "news"), which the citizen sees labelled as such.
type Source struct {
	// ID is a short name the entry's facts use to point at this source.
	ID    string `yaml:"id" json:"id,omitempty"`
	Title string `yaml:"title" json:"title"`
	URL   string `yaml:"url" json:"url"`
	// Kind is empty for a legal text or an official page, SourceNews for a
	// newspaper article.
	Kind string `yaml:"kind" json:"kind,omitempty"`
	// Outlet names the newspaper of a news source ("Dân trí"); the URL's
	// host stands in when it is empty.
	Outlet string `yaml:"outlet" json:"outlet,omitempty"`
}

// SourceNews marks a source that is a newspaper article, not the legal text.
const SourceNews = "news"

// Fact is one figure an answer states (an amount, a rate), as written in the
// answer, with the source that states it. Value carries the figure for
// computation when the fact is named: amounts in VND, rates as fractions
// (0,55%/tháng is 0.0055).
type Fact struct {
	// Name identifies the fact for code that computes with it (rate_year,
	// rate_month, cap, share_state); empty when nothing computes with it.
	Name string `yaml:"name" json:"name,omitempty"`
	// Text is the figure exactly as the answer writes it ("6,6%/năm").
	Text string `yaml:"text" json:"text"`
	// Value is the machine-readable figure, nil when absent.
	Value *float64 `yaml:"value" json:"value,omitempty"`
	// Source is the ID of one of the entry's sources.
	Source string `yaml:"source" json:"source"`
	// Uncertain marks a figure the fact sheet does not confirm (the exact
	// age of Bắc Ninh's own support from 70): code that states it says so.
	Uncertain bool `yaml:"uncertain" json:"uncertain,omitempty"`
}

// Entry is one answer in the knowledge base (content/kb/README.md).
type Entry struct {
	ID         string   `yaml:"id" json:"id"`
	Key        string   `yaml:"key" json:"key"`
	Topic      string   `yaml:"topic" json:"topic"`
	Title      string   `yaml:"title" json:"title"`
	ValidFrom  Date     `yaml:"valid_from" json:"valid_from"`
	ValidUntil Date     `yaml:"valid_until" json:"valid_until"`
	Certainty  string   `yaml:"certainty" json:"certainty"`
	Menu       bool     `yaml:"menu" json:"menu,omitempty"`
	Examples   []string `yaml:"examples" json:"examples"`
	Keywords   []string `yaml:"keywords" json:"keywords"`
	// Cues are phrases that reveal what the citizen wants to do whatever the
	// subject ("nhắc tôi …" asks for a reminder even when it names a loan).
	Cues []string `yaml:"cues" json:"cues,omitempty"`
	// Urgent entries answer a danger to life or an urgent need: read in
	// seconds, so the citizen sees the answer alone (at most MaxUrgentRunes,
	// the right number first); the sources stay in the knowledge base.
	Urgent  bool     `yaml:"urgent" json:"urgent,omitempty"`
	Answer  string   `yaml:"answer" json:"answer"`
	Sources []Source `yaml:"sources" json:"sources"`
	// Facts lists every amount and rate the answer states, each with its
	// source; `content check` holds the answer to it.
	Facts []Fact   `yaml:"facts" json:"facts,omitempty"`
	Next  []string `yaml:"next" json:"next"`
	// Remind is the personal reminder the answer offers to set, as a
	// button after Next: RemindBHYTExpiry (the card's expiry) or
	// RemindLoanDay (the loan's monthly payment day); "" for none.
	Remind string `yaml:"remind" json:"remind,omitempty"`
	// Family groups entries that answer the same question for different
	// household categories ("loan-household": the poor, near-poor and
	// newly-escaped loans); Households names the categories this one is
	// written for. A follow-up naming another category, or a household's
	// declared category, picks the family member (KB.FamilyMember).
	Family     string   `yaml:"family" json:"family,omitempty"`
	Households []string `yaml:"households" json:"households,omitempty"`
	// Persons names the persons the answer is written for besides those its
	// title and keywords name (facet.go; personNames lists the names): the
	// free BHYT card's answer covers people on monthly social assistance,
	// so orphans too, though its title names the poor household and its
	// keywords only the severely disabled. Unlike keywords they weigh only
	// the facet, not retrieval or the entry model.
	Persons []string `yaml:"persons" json:"persons,omitempty"`
	// NoDangerNone keeps the entry's examples out of the danger model's
	// "none" documents (dangermodel.go): an entry added with it leaves the
	// model as it was, since any new document reshuffles the model's
	// training and moves alarms on unrelated messages (docs/architecture.md,
	// §3). For entries whose messages hold no danger word, such as small
	// talk and the commune office's hours.
	NoDangerNone bool `yaml:"no_danger_none" json:"no_danger_none,omitempty"`
	// Since is, for an entry with no valid_from whose rule replaced an
	// older one the knowledge base does not hold, the day that rule took
	// effect: asked about a day before it ("hồi 2023 ông tôi 78 tuổi có
	// được trợ cấp không"), the answer is led by a line saying the rule
	// then differed (KB.NotThen), not applied to that day. It is not
	// shown otherwise.
	Since Date `yaml:"since" json:"-"`

	File string `yaml:"-" json:"file"` // where it was loaded from, for messages
	// Citizen counts the examples at the end of Examples that come from
	// CitizenFile, not from the entry's own file (OwnExamples).
	Citizen int `yaml:"-" json:"citizen_examples,omitempty"`
	// Unindexed counts the last of those, from EntryFile: they train the
	// models but are not indexed for retrieval (IndexedExamples).
	Unindexed int `yaml:"-" json:"unindexed_examples,omitempty"`
}

// ValidOn reports whether the entry answers on day d.
func (e *Entry) ValidOn(d Date) bool {
	if !e.ValidFrom.IsZero() && d.Before(e.ValidFrom.Time) {
		return false
	}
	if !e.ValidUntil.IsZero() && d.After(e.ValidUntil.Time) {
		return false
	}
	return true
}

// Fact returns the entry's fact called name.
func (e *Entry) Fact(name string) (Fact, bool) {
	for _, f := range e.Facts {
		if f.Name == name {
			return f, true
		}
	}
	return Fact{}, false
}

// Source returns the entry's source with the given ID.
func (e *Entry) Source(id string) (Source, bool) {
	for _, s := range e.Sources {
		if s.ID == id {
			return s, true
		}
	}
	return Source{}, false
}

// readEntries parses every *.yaml file at the root of fsys, in name order,
// and adds the citizen messages to their entries' examples (citizen.go).
func readEntries(fsys fs.FS) ([]*Entry, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list content files: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no *.yaml content files found")
	}
	sort.Strings(names)
	var all []*Entry
	for _, name := range names {
		if name == SeasonalFile || name == EligibilityFile || name == EmergencyFile {
			continue // broadcasts, rules and the danger vocabulary, not entries
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		var entries []*Entry
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&entries); err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		for _, e := range entries {
			e.File = path.Base(name)
			if e.Key == "" {
				e.Key = e.ID
			}
			e.Answer = strings.TrimSpace(e.Answer)
		}
		all = append(all, entries...)
	}
	if err := addCitizenMessages(fsys, all); err != nil {
		return nil, err
	}
	return all, nil
}
