package content

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits enforced by Check.
const (
	MaxAnswerRunes = 700
	MaxTitleRunes  = 40
	MaxIDBytes     = 40
	// MaxUrgentRunes bounds an urgent answer: a person in danger reads it
	// in seconds.
	MaxUrgentRunes = 300
)

// Problems lists everything wrong with a knowledge base.
type Problems []string

func (p Problems) Error() string {
	return fmt.Sprintf("%d content problem(s):\n  %s", len(p), strings.Join(p, "\n  "))
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Check loads the knowledge base in fsys and returns every problem found
// (nil when it is sound), or an error when it cannot be read at all. Beyond
// what Load refuses, it runs the editorial checks (lint.go), whose problems
// start with the rule's name: Load still serves a knowledge base they find
// fault with, so an officer's edit never takes the bot down.
func Check(fsys fs.FS) (Problems, error) {
	_, problems, err := CheckEntries(fsys)
	return problems, err
}

// CheckEntries is Check, also returning the entries it read (for
// `ansinh content check` to count them without reading the content again).
func CheckEntries(fsys fs.FS) ([]*Entry, Problems, error) {
	// The models are not trained: no check reads them.
	kb, problems, err := loadTrained(fsys, untrained)
	if err != nil {
		return nil, nil, err
	}
	if r, err := readRules(fsys); err != nil {
		problems = append(problems, err.Error())
	} else {
		problems = append(problems, checkRules(r, kb)...)
	}
	var seasonal Problems
	items, err := LoadSeasonal(fsys)
	if errors.As(err, &seasonal) {
		problems = append(problems, seasonal...)
	} else if err != nil {
		problems = append(problems, err.Error())
	}
	problems = append(problems, lint(fsys, kb, items)...)
	problems = append(problems, checkCitizen(fsys, kb.entries)...)
	problems = append(problems, kb.det.modelProblems...)
	if _, err := LoadCalendar(fsys); err != nil {
		problems = append(problems, err.Error())
	}
	return kb.entries, problems, nil
}

// topicsNeedingSources answer with policy facts, so they must cite them.
var topicsNeedingSources = map[string]bool{
	TopicLoan: true, TopicHealthInsurance: true, TopicHousing: true, TopicEducation: true,
	TopicElectricity: true, TopicSocialAssistance: true, TopicPovertyStatus: true, TopicJobs: true,
}

func check(entries []*Entry, byID map[string]*Entry) Problems {
	var p Problems
	add := func(e *Entry, format string, args ...any) {
		p = append(p, fmt.Sprintf("%s: %s: %s", e.File, e.ID, fmt.Sprintf(format, args...)))
	}
	seenID := map[string]bool{}
	examples := map[string]string{} // folded example -> entry id
	for _, e := range entries {
		switch {
		case e.ID == "":
			add(e, "missing id (entry titled %q)", e.Title)
		case !idPattern.MatchString(e.ID) || len(e.ID) > MaxIDBytes:
			add(e, "id must be lower-case a-z0-9- and at most %d bytes", MaxIDBytes)
		case seenID[e.ID]:
			add(e, "duplicate id")
		}
		seenID[e.ID] = true
		if !slices.Contains(Topics, e.Topic) {
			add(e, "unknown topic %q", e.Topic)
		}
		if strings.TrimSpace(e.Title) == "" {
			add(e, "missing title")
		} else if utf8.RuneCountInString(e.Title) > MaxTitleRunes {
			add(e, "title longer than %d characters", MaxTitleRunes)
		}
		if e.Certainty != Confirmed && e.Certainty != CheckWithOfficer {
			add(e, "certainty must be %q or %q", Confirmed, CheckWithOfficer)
		}
		if e.Answer == "" {
			add(e, "missing answer")
		} else if n := utf8.RuneCountInString(e.Answer); n > MaxAnswerRunes {
			add(e, "answer is %d characters, more than %d", n, MaxAnswerRunes)
		}
		if e.Urgent {
			if n := utf8.RuneCountInString(e.Answer); n > MaxUrgentRunes {
				add(e, "urgent answer is %d characters, more than %d", n, MaxUrgentRunes)
			}
			if len(e.Sources) == 0 {
				add(e, "urgent answer quotes emergency numbers: it needs a source")
			}
		}
		if len(e.Examples) == 0 {
			add(e, "no examples")
		}
		if topicsNeedingSources[e.Topic] && len(e.Sources) == 0 {
			add(e, "missing source")
		}
		sourceIDs := map[string]bool{}
		for _, s := range e.Sources {
			if strings.TrimSpace(s.Title) == "" || !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
				add(e, "source needs a title and an http(s) URL: %q %q", s.Title, s.URL)
			}
			if s.Kind != "" && s.Kind != SourceNews {
				add(e, "source %q: kind must be empty (legal or official text) or %q", s.Title, SourceNews)
			}
			if s.ID != "" && sourceIDs[s.ID] {
				add(e, "duplicate source id %q", s.ID)
			}
			sourceIDs[s.ID] = s.ID != ""
		}
		for _, f := range e.Facts {
			switch {
			case strings.TrimSpace(f.Text) == "":
				add(e, "fact %q has no text", f.Name)
			case !sourceIDs[f.Source]:
				add(e, "fact %q: source %q is not one of the entry's sources (give each source an id)", f.Text, f.Source)
			}
		}
		for _, n := range e.Next {
			if _, ok := byID[n]; !ok {
				add(e, "next links to unknown entry %q", n)
			} else if n == e.ID {
				add(e, "next links to itself")
			}
		}
		if e.Remind != "" && e.Remind != RemindBHYTExpiry && e.Remind != RemindLoanDay {
			add(e, "unknown remind %q (want %s or %s)", e.Remind, RemindBHYTExpiry, RemindLoanDay)
		}
		for _, h := range e.Households {
			if !slices.Contains(Households, h) {
				add(e, "unknown household %q (want one of %s)", h, strings.Join(Households, ", "))
			}
		}
		for _, n := range e.Persons {
			if !slices.Contains(personNames, n) {
				add(e, "unknown person %q (want one of %s)", n, strings.Join(personNames, ", "))
			}
		}
		if len(e.Households) > 0 && e.Family == "" {
			add(e, "households given without a family")
		}
		if !e.ValidFrom.IsZero() && !e.ValidUntil.IsZero() && e.ValidUntil.Before(e.ValidFrom.Time) {
			add(e, "valid_until %s is before valid_from %s", e.ValidUntil, e.ValidFrom)
		}
		for _, x := range e.Examples {
			k := strings.Join(appendSyllables(nil, x), " ")
			if other, dup := examples[k]; dup {
				add(e, "duplicate example %q (also in %s)", x, other)
				continue
			}
			examples[k] = e.ID
		}
	}
	p = append(p, checkWindows(entries)...)
	p = append(p, checkFamilies(entries)...)
	return p
}

// checkFamilies reports families that mix topics: a follow-up never leaves
// the topic it continues.
func checkFamilies(entries []*Entry) Problems {
	var p Problems
	topic := map[string]*Entry{}
	for _, e := range entries {
		if e.Family == "" {
			continue
		}
		if first, ok := topic[e.Family]; ok && first.Topic != e.Topic {
			p = append(p, fmt.Sprintf("%s: %s: family %q mixes topics %s and %s", e.File, e.ID, e.Family, first.Topic, e.Topic))
			continue
		}
		topic[e.Family] = e
	}
	return p
}

// checkWindows reports entries sharing a key whose validity windows overlap.
func checkWindows(entries []*Entry) Problems {
	var p Problems
	byKey := map[string][]*Entry{}
	for _, e := range entries {
		byKey[e.Key] = append(byKey[e.Key], e)
	}
	for key, group := range byKey {
		for i, a := range group {
			for _, b := range group[i+1:] {
				if overlaps(a, b) {
					p = append(p, fmt.Sprintf("%s: %s: validity overlaps %s (key %q)", a.File, a.ID, b.ID, key))
				}
			}
		}
	}
	slices.Sort(p)
	return p
}

func overlaps(a, b *Entry) bool {
	// Open ends are infinite; windows are inclusive days.
	aEndsBeforeB := !a.ValidUntil.IsZero() && !b.ValidFrom.IsZero() && a.ValidUntil.Before(b.ValidFrom.Time)
	bEndsBeforeA := !b.ValidUntil.IsZero() && !a.ValidFrom.IsZero() && b.ValidUntil.Before(a.ValidFrom.Time)
	return !aEndsBeforeB && !bEndsBeforeA
}
