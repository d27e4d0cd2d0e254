package content

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// CitizenFile holds messages written by citizens who never saw the
// knowledge base, each labelled with the entry that answers it
// (content/kb/README.md). The entries' own examples were written by people
// who knew the entries and share their words; these teach the matcher how
// citizens really write. The file is optional.
const CitizenFile = "citizen_messages.tsv"

// citizenHeader is the file's column line.
const citizenHeader = "topic\tmessage\tentry"

// citizenLine is a message of CitizenFile accepted as a training example.
type citizenLine struct {
	entry   *Entry
	message string
}

// addCitizenMessages appends the accepted messages of CitizenFile, when
// fsys has one, to their entries' examples, after the entry's own: the
// topic classifier, the entry models and retrieval then learn from them as
// from any example. A line with a problem is left out; Check reports it
// (checkCitizen), so a bad line never stops the bot.
func addCitizenMessages(fsys fs.FS, entries []*Entry) error {
	text, err := readCitizen(fsys)
	if err != nil || text == "" {
		return err
	}
	lines, _ := parseCitizen(text, entries)
	for _, l := range lines {
		l.entry.Examples = append(l.entry.Examples, l.message)
		l.entry.Citizen++
	}
	return nil
}

// checkCitizen returns the problems of CitizenFile's lines against entries
// (as loaded, their citizen examples already added).
func checkCitizen(fsys fs.FS, entries []*Entry) Problems {
	text, err := readCitizen(fsys)
	if err != nil {
		return Problems{err.Error()}
	}
	_, p := parseCitizen(text, entries)
	return p
}

// readCitizen returns CitizenFile's text, "" when fsys has none.
func readCitizen(fsys fs.FS) (string, error) {
	b, err := fs.ReadFile(fsys, CitizenFile)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", CitizenFile, err)
	}
	return string(b), nil
}

// parseCitizen returns the lines of text that can train an entry, and a
// problem for every other line: wrong columns, an empty message, an
// unknown topic or entry, a topic other than the entry's, a message that
// repeats an entry's own example or an earlier line. Blank lines, comments
// (#) and the column line are skipped.
func parseCitizen(text string, entries []*Entry) ([]citizenLine, Problems) {
	byID := make(map[string]*Entry, len(entries))
	seen := map[string]string{} // folded example -> where it is
	for _, e := range entries {
		if _, dup := byID[e.ID]; !dup {
			byID[e.ID] = e
		}
		for _, x := range e.OwnExamples() {
			seen[exampleKey(x)] = e.File + ": " + e.ID
		}
	}
	var lines []citizenLine
	var p Problems
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || line == citizenHeader {
			continue
		}
		bad := func(format string, args ...any) {
			p = append(p, fmt.Sprintf("%s:%d: %s", CitizenFile, i+1, fmt.Sprintf(format, args...)))
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			bad("want 3 tab-separated columns (topic, message, entry), got %d", len(cols))
			continue
		}
		topic, message, id := strings.TrimSpace(cols[0]), strings.TrimSpace(cols[1]), strings.TrimSpace(cols[2])
		e, known := byID[id]
		key := exampleKey(message)
		switch {
		case message == "" || key == "":
			bad("empty message")
		case !slices.Contains(Topics, topic):
			bad("unknown topic %q", topic)
		case id == "":
			bad("no entry: name the entry that answers %q", message)
		case !known:
			bad("unknown entry %q", id)
		case e.Topic != topic:
			bad("topic %s, but entry %s is %s", topic, id, e.Topic)
		case seen[key] != "":
			bad("duplicate message %q (also in %s)", message, seen[key])
		default:
			seen[key] = fmt.Sprintf("%s:%d", CitizenFile, i+1)
			lines = append(lines, citizenLine{e, message})
		}
	}
	return lines, p
}

// exampleKey is the form in which two examples count as the same: their
// folded syllables.
func exampleKey(x string) string {
	return strings.Join(appendSyllables(nil, x), " ")
}

// OwnExamples returns the examples written in the entry's own file, without
// those added from CitizenFile.
func (e *Entry) OwnExamples() []string {
	return e.Examples[:max(len(e.Examples)-e.Citizen, 0)]
}
