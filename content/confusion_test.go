package content_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// readSetsForEntries are the labelled sets read while tuning the entry
// choice (never a set of hiddenMisses: those are sealed).
func readSetsForEntries() []string {
	sets := []string{"blind2"}
	for i := 5; i <= 24; i++ {
		sets = append(sets, fmt.Sprintf("blind%d", i))
	}
	sets = append(sets, "blind40", "fresh29", "tuning", "tuning2", "tuning3", "entries", "entries2", "entries3")
	var paths []string
	for _, s := range sets {
		for _, suf := range []string{"", "-second"} {
			p := "testdata/" + s + suf + ".tsv"
			if _, err := os.Stat(p); err == nil {
				paths = append(paths, p)
			}
		}
	}
	return paths
}

// TestReadSetCategoryConfusion prints, over the read sets only (both
// labellers), topic, right entry and right entry where a category is
// named, and the table of labelled → chosen entries on the category-named
// misses (docs/architecture.md, §3, the entry choice). Run it with
// ANSINH_CONFUSION=1; ANSINH_CONFUSION=dump also writes every labelled
// line's reading to confusion.tsv in the package directory.
func TestReadSetCategoryConfusion(t *testing.T) {
	mode := os.Getenv("ANSINH_CONFUSION")
	if mode == "" {
		t.Skip("set ANSINH_CONFUSION=1 to measure the read sets and print the confusion table")
	}
	kb := mustKB(t)
	day := content.DateOf(refDay)
	var dump *os.File
	if mode == "dump" {
		f, err := os.Create("confusion.tsv")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = f
	}
	var topic, entry, cat tally
	pairs := map[string]int{}
	for _, path := range readSetsForEntries() {
		if _, sealed := hiddenMisses[path]; sealed {
			t.Fatalf("%s is sealed", path)
		}
		for _, l := range readEval(t, path) {
			r := kb.Match(l.message, day)
			got := reported(r)
			if r.Alarm != "" && l.topics[0] == content.TopicOutOfScope {
				got = content.TopicUnknown
			}
			topic.n++
			if correct(l.topics, got) {
				topic.ok++
			}
			if len(l.entries) == 0 {
				continue
			}
			id := ""
			if r.Entry != nil {
				id = r.Entry.ID
			}
			ok := r.Entry != nil && sameEntry(kb, l.entries, r.Entry)
			entry.n++
			if ok {
				entry.ok++
			}
			named := namesCategory(l.message)
			if named {
				cat.n++
				if ok {
					cat.ok++
				} else {
					pairs[strings.Join(l.entries, "|")+" → "+id]++
				}
			}
			if dump != nil {
				fmt.Fprintf(dump, "%s\t%v\t%v\t%s\t%s\t%s\n", path, named, ok, strings.Join(l.entries, "|"), id, strings.ReplaceAll(l.message, "\t", " "))
			}
		}
	}
	t.Logf("read sets: topic %d/%d, right entry %d/%d, category named %d/%d (%.2f%%)", topic.ok, topic.n, entry.ok, entry.n, cat.ok, cat.n, cat.pct())
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if pairs[keys[i]] != pairs[keys[j]] {
			return pairs[keys[i]] > pairs[keys[j]]
		}
		return keys[i] < keys[j]
	})
	var b strings.Builder
	for i, k := range keys {
		if i == 40 {
			break
		}
		fmt.Fprintf(&b, "%4d  %s\n", pairs[k], k)
	}
	t.Logf("category-named misses, labelled → chosen (first 40 of %d pairs):\n%s", len(keys), b.String())
}
