package content

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// CitizenFile holds messages written by citizens who never saw the
// knowledge base, each labelled with the entry that answers it
// (content/kb/README.md). The entries' own examples were written by people
// who knew the entries and share their words; these teach the matcher how
// citizens really write. The file is optional.
const CitizenFile = "citizen_messages.tsv"

// EntryFile holds more labelled citizen messages in CitizenFile's format
// that train the models (the topic classifier, the SVM view and the entry
// models) but are not indexed for retrieval, which keeps to the entries'
// own words and CitizenFile's. They come from blind sets retired after
// they were reported (docs/architecture.md §3), in-scope and out-of-scope
// lines alike; the sets still held out measure them. The file is optional.
const EntryFile = "entry_messages.tsv"

// citizenHeader is the file's column line.
const citizenHeader = "topic\tmessage\tentry"

// citizenLine is a message of CitizenFile or EntryFile accepted as a
// training example.
type citizenLine struct {
	entry     *Entry
	message   string
	unindexed bool // from EntryFile
}

// addCitizenMessages appends the accepted messages of CitizenFile and then
// of EntryFile, when fsys has them, to their entries' examples, after the
// entry's own: the models and retrieval learn from CitizenFile's as from
// any example, the models alone from EntryFile's (counted in
// Entry.Unindexed, the examples' last). A line with
// a problem is left out; Check reports it (checkCitizen), so a bad line
// never stops the bot.
func addCitizenMessages(fsys fs.FS, entries []*Entry) error {
	files, err := readCitizen(fsys)
	if err != nil {
		return err
	}
	lines, _ := parseLabelled(files, entries)
	// EntryFile's lines come after CitizenFile's: they end the examples.
	for _, l := range lines {
		l.entry.Examples = append(l.entry.Examples, l.message)
		l.entry.Citizen++
		if l.unindexed {
			l.entry.Unindexed++
		}
	}
	return nil
}

// checkCitizen returns the problems of CitizenFile's and EntryFile's lines
// against entries (as loaded, their citizen examples already added).
func checkCitizen(fsys fs.FS, entries []*Entry) Problems {
	files, err := readCitizen(fsys)
	if err != nil {
		return Problems{err.Error()}
	}
	_, p := parseLabelled(files, entries)
	return p
}

// labelledFile is the text of CitizenFile or EntryFile.
type labelledFile struct {
	name, text string
	unindexed  bool
}

// readCitizen returns the texts of CitizenFile and EntryFile that fsys
// has, in that order.
func readCitizen(fsys fs.FS) ([]labelledFile, error) {
	var files []labelledFile
	for _, f := range []labelledFile{{name: CitizenFile}, {name: EntryFile, unindexed: true}} {
		b, err := fs.ReadFile(fsys, f.name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f.name, err)
		}
		f.text = string(b)
		files = append(files, f)
	}
	return files, nil
}

// parseCitizen returns the lines of text that can train an entry, and a
// problem for every other line: wrong columns, an empty message, an
// unknown topic or entry, a topic other than the entry's, a message that
// repeats an entry's own example or an earlier line. Blank lines, comments
// (#) and the column line are skipped.
func parseCitizen(text string, entries []*Entry) ([]citizenLine, Problems) {
	return parseLabelled([]labelledFile{{name: CitizenFile, text: text}}, entries)
}

// parseLabelled is parseCitizen over several files, a message repeating a
// line of an earlier file counting as a repeat.
func parseLabelled(files []labelledFile, entries []*Entry) ([]citizenLine, Problems) {
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
	for _, f := range files {
		lines, p = f.parse(byID, seen, lines, p)
	}
	return lines, p
}

// parse appends the accepted lines of f to lines and its problems to p,
// seen holding the examples read so far.
func (f labelledFile) parse(byID map[string]*Entry, seen map[string]string, lines []citizenLine, p Problems) ([]citizenLine, Problems) {
	for i, line := range strings.Split(f.text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") || line == citizenHeader {
			continue
		}
		bad := func(format string, args ...any) {
			p = append(p, fmt.Sprintf("%s:%d: %s", f.name, i+1, fmt.Sprintf(format, args...)))
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
			seen[key] = f.name + ":" + strconv.Itoa(i+1)
			lines = append(lines, citizenLine{e, message, f.unindexed})
		}
	}
	return lines, p
}

// exampleKey is the form in which two examples count as the same: their
// folded syllables.
func exampleKey(x string) string {
	return strings.Join(appendSyllables(nil, x), " ")
}

// IndexedExamples returns the examples retrieval indexes and the danger
// model reads as ordinary messages: all but EntryFile's. The topic
// classifier, the SVM view and the entry models learn from all.
func (e *Entry) IndexedExamples() []string {
	return e.Examples[:max(len(e.Examples)-e.Unindexed, 0)]
}

// OwnExamples returns the examples written in the entry's own file, without
// those added from CitizenFile and EntryFile.
func (e *Entry) OwnExamples() []string {
	return e.Examples[:max(len(e.Examples)-e.Citizen, 0)]
}
