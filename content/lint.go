package content

import (
	"bufio"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxSeenRunes is the longest an answer may be as the citizen sees it
// (Render: the text, the certainty line, the dates and the source titles).
const MaxSeenRunes = 900

// Files with the word lists the editorial checks use.
const (
	JargonFile = "jargon.tsv"
	DatedFile  = "dated_phrases.tsv"
)

// Rule names of the editorial checks, the first word of each problem so
// that a report can count them.
const (
	RuleDated    = "dated"       // a year spoken of as the present in an entry that does not end with it
	RuleKeyGap   = "key-gap"     // versions of a key leave days without an answer
	RuleSeasonal = "seasonal"    // a broadcast repeats dates of a rule that ends
	RuleFigure   = "figure"      // an amount or rate in the answer is not among the entry's facts
	RuleNews     = "news"        // a newspaper article not labelled kind: news
	RuleSeen     = "seen-length" // longer than MaxSeenRunes as seen
	RuleVoice    = "voice"       // no ông/bà, or the bot calls itself "bot"
	RuleJargon   = "jargon"      // a term of jargon.tsv without its plain explanation
)

// Jargon is a term an elderly farmer may not know and the plain words that
// explain it; an answer using the term must also contain the explanation.
type Jargon struct{ Term, Plain string }

// officialHosts publish legal texts or are the agencies themselves; a source
// on any other host is a newspaper article and must say so (kind: news).
var officialHosts = []string{
	"gov.vn", "chinhphu.vn", "vbpl.vn", "thuvienphapluat.vn", "luatvietnam.vn",
	"vbsp.org.vn", "vanbanphapluat.co", "lawnet.vn", "thuviennhadat.vn",
}

// IsOfficialHost reports whether a source URL is on a host that publishes
// legal texts or belongs to the agency itself.
func IsOfficialHost(rawURL string) bool {
	h := hostOf(rawURL)
	for _, o := range officialHosts {
		if h == o || strings.HasSuffix(h, "."+o) {
			return true
		}
	}
	return false
}

// LoadJargon reads jargon.tsv: term<TAB>plain explanation, # comments.
func LoadJargon(fsys fs.FS) ([]Jargon, error) {
	var out []Jargon
	err := readLines(fsys, JargonFile, func(n int, line string) error {
		term, plain, ok := strings.Cut(line, "\t")
		term, plain = strings.TrimSpace(term), strings.TrimSpace(plain)
		if !ok || term == "" || plain == "" {
			return fmt.Errorf("%s:%d: want term<TAB>plain explanation", JargonFile, n)
		}
		out = append(out, Jargon{term, plain})
		return nil
	})
	return out, err
}

// LoadDatedPhrases reads dated_phrases.tsv: one phrase per line that speaks
// of a year as the present ("năm 2026", "năm nay"), # comments.
func LoadDatedPhrases(fsys fs.FS) ([]string, error) {
	var out []string
	err := readLines(fsys, DatedFile, func(_ int, line string) error {
		out = append(out, strings.TrimSpace(line))
		return nil
	})
	return out, err
}

func readLines(fsys fs.FS, name string, each func(n int, line string) error) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := each(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

var yearRe = regexp.MustCompile(`\b(20\d\d)\b`)

// DatedProblem says why a text valid from..until (zero: open) must not
// contain phrase, or "" when it may. A phrase naming a year ("năm 2026")
// needs an entry that ends by that year's last day; a relative one ("năm
// nay") needs a window inside one calendar year.
func DatedProblem(phrase string, from, until Date) string {
	if m := yearRe.FindString(phrase); m != "" {
		y, _ := strconv.Atoi(m)
		if until.IsZero() {
			return fmt.Sprintf("speaks of %q as the present but has no valid_until", phrase)
		}
		if until.Year() > y {
			return fmt.Sprintf("speaks of %q as the present but is valid until %s", phrase, until)
		}
		return ""
	}
	if from.IsZero() || until.IsZero() || from.Year() != until.Year() {
		return fmt.Sprintf("says %q but its window (%s..%s) is not inside one year", phrase, from, until)
	}
	return ""
}

// ContainsFold reports whether text contains phrase, ignoring case.
func ContainsFold(text, phrase string) bool {
	return strings.Contains(strings.ToLower(text), strings.ToLower(phrase))
}

var (
	figureRe   = regexp.MustCompile(`\d+(?:[.,]\d+)*(?:\s*(?:%|triệu|nghìn|ngàn|tỷ|đồng))?`)
	thousandRe = regexp.MustCompile(`^\d{1,3}(?:\.\d{3})+$`)
	spaceRe    = regexp.MustCompile(`\s+`)
)

// AnswerFigures returns the amounts and rates in text, normalised ("6,6%",
// "100 triệu", "1.500.000"): numbers with a per-cent sign or a money word, and
// numbers written with thousands dots. Dates, counts and years are not
// figures.
func AnswerFigures(text string) []string {
	var out []string
	for _, m := range figureRe.FindAllString(strings.ToLower(text), -1) {
		m = spaceRe.ReplaceAllString(strings.ReplaceAll(m, "ngàn", "nghìn"), " ")
		num := strings.TrimRight(m, " %đồngtriệuhìỷ")
		num = strings.TrimSpace(num)
		switch {
		case strings.HasSuffix(m, "%"):
			m = num + "%"
		case strings.HasSuffix(m, "đồng"):
			m = num
			if !thousandRe.MatchString(num) {
				m = num + " đồng"
			}
		case strings.HasSuffix(m, "triệu"), strings.HasSuffix(m, "nghìn"), strings.HasSuffix(m, "tỷ"):
			m = num + " " + m[strings.LastIndex(m, " ")+1:]
		case thousandRe.MatchString(num):
			m = num
		default:
			continue
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// lint runs the editorial checks over a loaded knowledge base.
func lint(fsys fs.FS, kb *KB, seasonal []Seasonal) Problems {
	var p Problems
	add := func(e *Entry, rule, format string, args ...any) {
		p = append(p, fmt.Sprintf("%s: %s: %s: %s", rule, e.File, e.ID, fmt.Sprintf(format, args...)))
	}
	jargon, err := LoadJargon(fsys)
	if err != nil {
		p = append(p, err.Error())
	}
	phrases, err := LoadDatedPhrases(fsys)
	if err != nil {
		p = append(p, err.Error())
	}
	for _, e := range kb.entries {
		for _, ph := range phrases {
			if ContainsFold(e.Answer, ph) || ContainsFold(e.Title, ph) {
				if why := DatedProblem(ph, e.ValidFrom, e.ValidUntil); why != "" {
					add(e, RuleDated, "%s", why)
				}
			}
		}
		var facts []string
		for _, f := range e.Facts {
			facts = append(facts, AnswerFigures(f.Text)...)
		}
		for _, fig := range AnswerFigures(e.Answer) {
			if !slices.Contains(facts, fig) {
				add(e, RuleFigure, "%q is not in the entry's facts", fig)
			}
		}
		for _, s := range e.Sources {
			if s.Kind != SourceNews && !IsOfficialHost(s.URL) {
				add(e, RuleNews, "source %q links to %s, a newspaper: mark it kind: news", s.Title, hostOf(s.URL))
			}
		}
		seen := e.Render()
		if n := utf8.RuneCountInString(seen); n > MaxSeenRunes {
			add(e, RuleSeen, "%d characters as seen, more than %d", n, MaxSeenRunes)
		}
		if why := VoiceProblem(e.Answer); why != "" {
			add(e, RuleVoice, "%s", why)
		}
		for _, j := range UnexplainedJargon(seen, jargon) {
			add(e, RuleJargon, "%q is not explained (%q)", j.Term, j.Plain)
		}
	}
	p = append(p, keyGaps(kb)...)
	p = append(p, lintSeasonal(kb, seasonal)...)
	return p
}

var botWordRe = regexp.MustCompile(`(?i)(^|[^\pL])bot($|[^\pL])`)

// VoiceProblem says what is wrong with the voice of an answer, or "": the
// reader is addressed as ông/bà and the bot speaks as "tôi", never "bot".
func VoiceProblem(answer string) string {
	switch {
	case !ContainsFold(answer, "ông/bà"):
		return "never addresses the reader as ông/bà"
	case botWordRe.MatchString(answer):
		return `calls itself "bot" (say "tôi")`
	}
	return ""
}

// UnexplainedJargon returns the terms text uses without their explanation.
func UnexplainedJargon(text string, jargon []Jargon) []Jargon {
	var out []Jargon
	for _, j := range jargon {
		if ContainsFold(text, j.Term) && !ContainsFold(text, j.Plain) {
			out = append(out, j)
		}
	}
	return out
}

// keyGaps reports keys whose versions leave days between them, or whose
// last version ends with nothing after it.
func keyGaps(kb *KB) Problems {
	var p Problems
	keys := make([]string, 0, len(kb.byKey))
	for k := range kb.byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		vs := slices.Clone(kb.byKey[k])
		slices.SortFunc(vs, func(a, b *Entry) int { return a.ValidFrom.Compare(b.ValidFrom.Time) })
		for i, e := range vs {
			if e.ValidUntil.IsZero() {
				continue
			}
			if i == len(vs)-1 {
				p = append(p, fmt.Sprintf("%s: %s: %s: key %q ends on %s with no version after it", RuleKeyGap, e.File, e.ID, k, e.ValidUntil))
				continue
			}
			next := vs[i+1]
			if day := e.ValidUntil.AddDate(0, 0, 1); next.ValidFrom.After(day) {
				p = append(p, fmt.Sprintf("%s: %s: %s: key %q has no version from %s to %s", RuleKeyGap, e.File, e.ID, k,
					day.Format(time.DateOnly), next.ValidFrom.AddDate(0, 0, -1).Format(time.DateOnly)))
			}
		}
	}
	return p
}

// NoRule in a broadcast's rule field says its dates come from a custom, not
// from a rule that can end.
const NoRule = "none"

var dayMonthRe = regexp.MustCompile(`\b\d{1,2}/\d{1,2}\b`)

// lintSeasonal reports repeating broadcasts that state dates without naming
// the entry whose rule sets them, and broadcasts that outlive their rule.
func lintSeasonal(kb *KB, items []Seasonal) Problems {
	var p Problems
	bad := func(s Seasonal, format string, args ...any) {
		p = append(p, fmt.Sprintf("%s: %s: %s: %s", RuleSeasonal, SeasonalFile, s.ID, fmt.Sprintf(format, args...)))
	}
	for _, s := range items {
		if s.Rule == "" {
			if s.Cron != "" && dayMonthRe.MatchString(s.Text) {
				bad(s, "repeats dates (%q) but names no rule entry whose end it follows", dayMonthRe.FindString(s.Text))
			}
			continue
		}
		if s.Rule == NoRule {
			continue
		}
		e, ok := kb.byID[s.Rule]
		if !ok {
			bad(s, "rule %q is not an entry", s.Rule)
			continue
		}
		if e.ValidUntil.IsZero() {
			continue
		}
		until, _ := ParseDate(s.Until)
		if s.Until == "" || until.After(e.ValidUntil.Time) {
			bad(s, "follows %s, which ends on %s, but runs until %q", e.ID, e.ValidUntil, s.Until)
		}
	}
	return p
}
