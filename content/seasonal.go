package content

import (
	"fmt"
	"io/fs"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// SeasonalFile holds the broadcasts shipped with the knowledge base.
const SeasonalFile = "seasonal.yaml"

// Seasonal is a broadcast shipped as content: the annual review opening,
// the action month for the poor, a rule taking effect.
type Seasonal struct {
	ID       string `yaml:"id"`
	Title    string `yaml:"title"`
	Audience string `yaml:"audience"`
	Cron     string `yaml:"cron"`
	At       string `yaml:"at"`    // YYYY-MM-DD HH:MM, local
	Until    string `yaml:"until"` // YYYY-MM-DD
	Text     string `yaml:"text"`
	Source   string `yaml:"source"`
	// Rule is the id of the entry whose rule sets the broadcast's dates: the
	// broadcast must end when that entry does.
	Rule string `yaml:"rule"`
}

// AtTime parses At in loc (zero when empty).
func (s *Seasonal) AtTime(loc *time.Location) (time.Time, error) {
	if s.At == "" {
		return time.Time{}, nil
	}
	return time.ParseInLocation("2006-01-02 15:04", s.At, loc)
}

// UntilTime parses Until in loc (zero when empty).
func (s *Seasonal) UntilTime(loc *time.Location) (time.Time, error) {
	if s.Until == "" {
		return time.Time{}, nil
	}
	return time.ParseInLocation(time.DateOnly, s.Until, loc)
}

// LoadSeasonal reads seasonal.yaml; a missing file means none. The cron
// spec itself is checked by the scheduler that runs it.
func LoadSeasonal(fsys fs.FS) ([]Seasonal, error) {
	b, err := readOptional(fsys, SeasonalFile)
	if b == nil || err != nil {
		return nil, err
	}
	var items []Seasonal
	if err := yaml.Unmarshal(b, &items); err != nil {
		return nil, fmt.Errorf("parse %s: %w", SeasonalFile, err)
	}
	var problems Problems
	seen := map[string]bool{}
	for i := range items {
		s := &items[i]
		s.Text = strings.TrimSpace(s.Text)
		bad := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("%s: %s: %s", SeasonalFile, s.ID, fmt.Sprintf(format, args...)))
		}
		switch {
		case !idPattern.MatchString(s.ID) || seen[s.ID]:
			bad("id must be unique, lower-case a-z0-9-")
		case s.Text == "" || utf8.RuneCountInString(s.Text) > MaxAnswerRunes:
			bad("text must have 1–%d characters", MaxAnswerRunes)
		case (s.Cron == "") == (s.At == ""):
			bad("give either cron or at")
		case s.Source == "":
			bad("missing source")
		}
		seen[s.ID] = true
		if _, err := s.AtTime(time.UTC); err != nil {
			bad("at %q: want YYYY-MM-DD HH:MM", s.At)
		}
		if _, err := s.UntilTime(time.UTC); err != nil {
			bad("until %q: want YYYY-MM-DD", s.Until)
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return items, nil
}
