// Package evalset reads the labelled message sets of content/testdata
// (topic, message and, optionally, the entries that answer it) for the
// tests that measure understanding: the matcher's report in content and
// the first reply's, as `ansinh ask` gives it, in cmd/ansinh. The sets and
// how they were written are described in content/testdata/README.md.
package evalset

import (
	"bufio"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bacninh/ansinh/content"
)

// Line is one labelled message. Entries, when set, are the entry ids
// that answer it (any counts; versions sharing a key count as one).
type Line struct {
	Topics  []string
	Message string
	Entries []string
}

// Read reads a set: tab-separated topic (topicA|topicB for two), message
// and an optional entry column (a|b for two), after a header line.
func Read(path string) ([]Line, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Line
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || cols[0] == "topic" {
			continue
		}
		l := Line{Topics: strings.Split(cols[0], "|"), Message: cols[1]}
		if len(cols) > 2 && cols[2] != "" {
			l.Entries = strings.Split(cols[2], "|")
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// LongMessage is the "long family story" threshold, in characters.
const LongMessage = 150

// Long reports whether a message is longer than LongMessage characters.
func Long(message string) bool { return utf8.RuneCountInString(message) > LongMessage }

// Correct reports whether the topic got answers a line labelled want: one
// of its topics, or unknown for an out-of-scope line.
func Correct(want []string, got string) bool {
	for _, w := range want {
		if w == got || (w == content.TopicOutOfScope && got == content.TopicUnknown) {
			return true
		}
	}
	return false
}

// HasDiacritics reports whether s has any letter outside ASCII (a tone
// mark, a vowel mark or đ). Fold cannot tell: it also squashes repeated
// letters.
func HasDiacritics(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) })
}

// categoryWords are household-category names as citizens type them,
// folded. The right-entry target's lines are picked by these words alone,
// independently of the matcher's category reader.
var categoryWords = []string{"ngheo", "muc song trung binh", "ho trung binh", "ho tb", "ho cn", "hcn"}

// NamesCategory reports whether a message names a household category
// (poor, near-poor, escaped, average living standard).
func NamesCategory(message string) bool {
	f := " " + strings.Join(strings.FieldsFunc(content.Fold(message), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	for _, w := range categoryWords {
		if strings.Contains(f, " "+w+" ") {
			return true
		}
	}
	return false
}

// widerEntries name, for an entry the labelled sets name, an entry added
// after they were labelled that answers its question for a wider group:
// the card of a child under 6 (session 70) answers a newborn's, whom the
// State pays for whatever the household, as it pays for every child
// under 6.
var widerEntries = map[string]string{"bhyt-newborn": "bhyt-child-under6"}

// SameEntry reports whether the entry got is one of want, or shares a key
// with one (a dated version of it), or answers one's question for a wider
// group (widerEntries).
func SameEntry(kb *content.KB, want []string, got string) bool {
	g, ok := kb.Entry(got)
	if !ok {
		return false
	}
	for _, id := range want {
		if id == got || widerEntries[id] == got {
			return true
		}
		if e, ok := kb.Entry(id); ok && e.Key == g.Key {
			return true
		}
	}
	return false
}
