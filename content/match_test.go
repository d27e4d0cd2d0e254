package content_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/evalset"
)

var refDay = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// embeddedKB is the shipped content loaded once for the test binary, the
// same load the package's own tests share (a KB is read-only once loaded;
// the tests of training itself load their own).
var embeddedKB = content.SharedKB

func mustKB(tb testing.TB) *content.KB {
	tb.Helper()
	kb, err := embeddedKB()
	if err != nil {
		tb.Fatalf("load embedded knowledge base: %v", err)
	}
	return kb
}

type labelled struct {
	topics  []string
	message string
}

// readLabelled reads a labelled set (topic<TAB>message[<TAB>entries]) for
// the topic tests; readEval keeps the entries too.
func readLabelled(tb testing.TB, path string) []labelled {
	tb.Helper()
	var out []labelled
	for _, l := range readEval(tb, path) {
		out = append(out, labelled{l.topics, l.message})
	}
	return out
}

// reported is the topic `ansinh ask` reports: out of scope counts as unknown.
func reported(r content.Result) string {
	if r.Topic == content.TopicOutOfScope {
		return content.TopicUnknown
	}
	return r.Topic
}

// correct and hasDiacritics are the harness's, shared with cmd/ansinh's
// measure of the first reply.
var (
	correct       = evalset.Correct
	hasDiacritics = evalset.HasDiacritics
)

type tally struct{ ok, n int }

func (t tally) pct() float64 {
	if t.n == 0 {
		return 0
	}
	return 100 * float64(t.ok) / float64(t.n)
}

// accuracy matches every line on day and prints the table the foundation
// issue asks for. It returns overall, no-diacritics and out-of-scope tallies.
func accuracy(t *testing.T, kb *content.KB, set []labelled, day content.Date) (all, plain, oos tally) {
	perTopic := map[string]*tally{}
	var accented tally
	for _, l := range set {
		r := kb.Match(l.message, day)
		ok := correct(l.topics, reported(r))
		inc := func(t *tally) {
			t.n++
			if ok {
				t.ok++
			}
		}
		inc(&all)
		if hasDiacritics(l.message) {
			inc(&accented)
		} else {
			inc(&plain)
		}
		if l.topics[0] == content.TopicOutOfScope {
			inc(&oos)
		}
		key := strings.Join(l.topics, "|")
		if perTopic[key] == nil {
			perTopic[key] = &tally{}
		}
		inc(perTopic[key])
		if !ok && testing.Verbose() {
			got := reported(r)
			id := ""
			if r.Entry != nil {
				id = r.Entry.ID
			}
			t.Logf("MISS want %-26s got %-18s %-28s %.2f  %s", key, got, id, r.Score, l.message)
		}
	}
	keys := make([]string, 0, len(perTopic))
	for k := range perTopic {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-32s %8s %7s\n", "slice", "correct", "acc")
	row := func(name string, t tally) { fmt.Fprintf(&b, "%-32s %4d/%-4d %6.1f%%\n", name, t.ok, t.n, t.pct()) }
	row("overall", all)
	row("with diacritics", accented)
	row("without diacritics", plain)
	row("out of scope → unknown", oos)
	for _, k := range keys {
		row("  topic "+k, *perTopic[k])
	}
	t.Log(b.String())
	return all, plain, oos
}

// TestDevSetAccuracy measures the matcher on the shared dev set. The
// knowledge base never contains these lines: the figures come from
// generalisation.
func TestDevSetAccuracy(t *testing.T) {
	set := readLabelled(t, "../../shared/dev-questions.tsv")
	kb := mustKB(t)
	all, plain, oos := accuracy(t, kb, set, content.DateOf(refDay))
	if all.pct() < 92 {
		t.Errorf("overall accuracy %.1f%%, want ≥ 92%%", all.pct())
	}
	if plain.pct() < 90 {
		t.Errorf("accuracy without diacritics %.1f%%, want ≥ 90%%", plain.pct())
	}
	if oos.pct() < 90 {
		t.Errorf("out-of-scope answered as unknown %.1f%%, want ≥ 90%%", oos.pct())
	}
}

// TestOwnQuestionsAccuracy measures the matcher on the project's own
// held-out questions, written without looking at the knowledge base.
func TestOwnQuestionsAccuracy(t *testing.T) {
	set := readLabelled(t, "testdata/questions.tsv")
	kb := mustKB(t)
	all, plain, oos := accuracy(t, kb, set, content.DateOf(refDay))
	if all.pct() < 85 || plain.pct() < 85 || oos.pct() < 85 {
		t.Errorf("accuracy too low: overall %.1f%%, without diacritics %.1f%%, out of scope %.1f%%; want ≥ 85%% each", all.pct(), plain.pct(), oos.pct())
	}
}

// TestBlindAccuracy measures the matcher on a set written after the matcher
// was tuned, by someone who saw neither the knowledge base nor the other
// sets; it was never used for tuning. Its figure is the honest estimate of
// accuracy on new messages.
func TestBlindAccuracy(t *testing.T) {
	set := readLabelled(t, "testdata/blind.tsv")
	kb := mustKB(t)
	all, plain, oos := accuracy(t, kb, set, content.DateOf(refDay))
	if all.pct() < 80 || plain.pct() < 80 || oos.pct() < 80 {
		t.Errorf("accuracy too low: overall %.1f%%, without diacritics %.1f%%, out of scope %.1f%%; want ≥ 80%% each", all.pct(), plain.pct(), oos.pct())
	}
}

// TestNoLettersAsksNothing: numbers and signs alone are not a question,
// even when an entry's figures share the digit.
func TestNoLettersAsksNothing(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, text := range []string{"1", "2.", "(3)", "100", "2026", "12/2026", "1.500.000", "? 1 ?"} {
		if r := kb.Match(text, day); r.Topic != content.TopicUnknown {
			t.Errorf("Match(%q) = %s, want unknown", text, r.Topic)
		}
		if alts := kb.Alternatives(text, day, nil, 2); len(alts) != 0 {
			t.Errorf("Alternatives(%q) = %d entries, want none", text, len(alts))
		}
	}
	// A letter makes it a question again.
	if r := kb.Match("vay 50tr", day); r.Topic != "loan" {
		t.Errorf(`Match("vay 50tr") = %s, want loan`, r.Topic)
	}
}
