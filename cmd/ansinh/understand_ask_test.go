package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/evalset"
)

// askTally counts the understanding issue's slices over what `ask` answers,
// the first reply a citizen reads: the matcher's answer, or a sum, the
// household check, an ask-back or the danger detector's reply before it
// (content's TestUnderstandingReport measures the matcher alone).
type askTally struct {
	all, plain, long, oos, inUnknown, entry, category [2]int // right, of
	emergency                                         int    // out-of-scope lines the danger detector answered
}

func pct(c [2]int) float64 { return 100 * float64(c[0]) / float64(max(c[1], 1)) }

func (a *askTally) String() string {
	var b strings.Builder
	row := func(name string, c [2]int) { fmt.Fprintf(&b, "%-46s %4d/%-4d %5.1f%%\n", name, c[0], c[1], pct(c)) }
	row("topic", a.all)
	row("without diacritics", a.plain)
	row("longer than 150 characters", a.long)
	row("out of scope → unknown", a.oos)
	fmt.Fprintf(&b, "%-46s %4d\n", "  of which the danger detector's emergency reply", a.emergency)
	row("in scope → unknown (lower is better)", a.inUnknown)
	row("right entry (labelled lines)", a.entry)
	row("  of which naming the category", a.category)
	return b.String()
}

func measureAsk(t *testing.T, rules *content.Rules, path string, day content.Date) *askTally {
	t.Helper()
	set, err := evalset.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	kb := rules.KB()
	a := &askTally{}
	inc := func(c *[2]int, ok bool) {
		c[1]++
		if ok {
			c[0]++
		}
	}
	for _, l := range set {
		r := answer(rules, l.Message, day)
		ok := evalset.Correct(l.Topics, r.Topic)
		inc(&a.all, ok)
		if !evalset.HasDiacritics(l.Message) {
			inc(&a.plain, ok)
		}
		if evalset.Long(l.Message) {
			inc(&a.long, ok)
		}
		if l.Topics[0] == content.TopicOutOfScope {
			inc(&a.oos, r.Topic == content.TopicUnknown)
			if strings.HasPrefix(r.Entry, "officer-urgent") {
				a.emergency++
			}
			continue
		}
		inc(&a.inUnknown, r.Topic == content.TopicUnknown)
		if len(l.Entries) > 0 {
			right := r.Entry != "" && evalset.SameEntry(kb, l.Entries, r.Entry)
			inc(&a.entry, right)
			if evalset.NamesCategory(l.Message) {
				inc(&a.category, right)
			}
		}
	}
	return a
}

// TestAskUnderstanding measures the newest blind sets through `ask`, as a
// citizen's first message is answered, and fails below the floors: the
// issue's targets where the first reply meets them, else one line below
// the figure measured 2026-12-01 on b153bd3 (content/testdata/README.md).
// Strict: an out-of-scope line the danger detector answers with an
// emergency number (an officer alerted) counts against out of scope →
// unknown, and an ask-back or a check counts its best guess.
func TestAskUnderstanding(t *testing.T) {
	rules, err := testConfig(t, nil).loadRules()
	if err != nil {
		t.Fatal(err)
	}
	day, _ := content.ParseDate("2026-11-27")
	for _, c := range []struct {
		set                               string
		all, plain, long, oos, entry, cat float64
		inUnknownMax                      float64
	}{
		// Measured on b153bd3 (topic, without diacritics, long, out of
		// scope → unknown, right entry / category named): blind22 96.9,
		// 96.6, 96.9, 95.8 (5 emergency replies), 80.8 / 79.8; blind21
		// 97.7, 98.3, 97.4, 95.9 (4), 83.7 / 84.1; blind20 97.7, 97.7,
		// 96.6, 94.2 (6), 86.4 / 84.8. Out of scope → unknown counts the
		// danger detector's emergency replies against it, strictly, though
		// a person in danger must get the number first. Since b045746 (a
		// sum answers only the question it computes) blind22 reads 81.0 /
		// 80.1 on right entry. blind23, sealed until then, read on b045746
		// 97.1, 98.7, 95.8, 96.8 (4), 82.8 / 82.7 (on 4e8addc, before the
		// sum change, 83.0 / 83.0 by the same count).
		// blind24, sealed until d198fc0: 97.0, 98.3, 96.9, 95.0 (5), 0.6,
		// 80.7 / 80.5.
		// blind25, sealed until a69d4f9: 96.7, 96.5, 97.8, 95.9 (3), 1.0,
		// 82.1 / 80.9 (on a1a1f55 82.3 / 81.2).
		// blind26, sealed until 241aeea: 97.4, 97.7, 97.4, 95.1 (5), 0.6,
		// 86.1 / 86.1, the same on 9b51aa9.
		// blind27, sealed until a4b5109: 98.1, 98.4, 97.3, 97.7 (1), 0.6,
		// 86.3 / 85.8, the same on c24b7ff.
		// blind28, sealed until f701f60: 97.7, 97.8, 98.0, 95.3 (4), 0.2,
		// 80.7 / 80.5.
		// blind29, sealed until 6dadd10: 98.4, 98.7, 97.4, 96.0 (3), 0.2,
		// 86.3 / 84.5, the same on 785168c.
		// blind30, sealed until 6dadd10: 97.5, 98.1, 97.4, 95.8 (2), 0.6,
		// 83.2 / 82.2, the same on c23a6ca.
		// blind31, sealed until 28819df: 98.0, 97.3, 99.0, 97.5 (2), 0.4,
		// 85.6 / 84.5.
		// blind32, sealed until a960a3e: 96.8, 96.5, 96.4, 96.7 (3), 1.8,
		// 86.1 / 85.1.
		// blind33, sealed until 1271723: 95.7, 96.8, 96.3, 95.0 (4), 1.5,
		// 73.8 / 72.3.
		// blind34, sealed until dcb1a1c: 97.5, 96.7, 98.1, 96.9 (1), 0.2,
		// 84.4 / 81.0.
		// blind35, sealed until 8ff7c49: 96.6, 97.1, 97.9, 96.7 (1), 1.0,
		// 84.1 / 82.8.
		// blind36, sealed until 624d0f0: 97.0, 96.7, 97.0, 97.6 (0), 0.8,
		// 82.7 / 80.2; on 41bd0cb (the session's start) 97.0, 97.0, 97.5,
		// 97.6 (0), 0.6, 82.7 / 80.2.
		// blind37, sealed until f605d17: 97.5, 97.0, 96.5, 97.8 (0), 0.2,
		// 82.9 / 79.1.
		// blind38, sealed until e3724ec: 96.2, 98.1, 94.5, 97.5 (0), 2.6,
		// 79.9 / 78.5.
		// blind39, sealed until b32689a: 95.4, 95.7, 93.3, 95.0 (3), 1.1,
		// 72.4 / 70.4; on a46ad37 the same but 72.9 / 71.1.
		// blind41, sealed until measured on ab5a48c: 94.9, 96.4, 92.3,
		// 93.5 (4 emergency replies), 2.3, 77.8 / 75.7; after a8140fa (a
		// lightning false alarm it showed) 95.1 and 94.1 (3: a child's
		// seizure, a dog bite, a loan shark's threats). Out of scope one
		// line below its figure: the emergency replies count against it.
		{"blind41", 95, 93, 92, 93.4, 77.6, 75.4, 3},
		// blind42, sealed until measured on d85db33 and 5e65893 alike:
		// 94.3, 95.0, 92.4, 94.8 (4 emergency replies), 1.8, 76.6 / 75.8;
		// one line below each.
		{"blind42", 94.1, 94.7, 92, 94.1, 76.4, 75.5, 2.1},
		// blind43, sealed until measured on b968447: 96.7, 97.0, 96.5,
		// 96.8 (1 emergency reply), 0.5, 78.3 / 77.0; one line below each.
		// Session 45's danger-model training (1,040 more lines: 602 of
		// 677 dangers on the sealed hold-out sets, from 588) answers one
		// more out-of-scope line with the cannot-call reply: 147 of 154
		// (2 emergency replies), the floor at that figure.
		{"blind43", 96.5, 96.7, 96.1, 95.4, 78.0, 76.7, 0.8},
		// blind40, measured sealed on adb1a59 and then read (its misses
		// showed the session's danger-detector and scope work): 94.3,
		// 95.8, 94.2, 89.0 (5), 1.4, 76.3 / 75.2, one line below each.
		{"blind40", 94.1, 95.5, 93.7, 88.3, 76.1, 74.9, 1.7},
		{"blind39", 95, 93, 92, 95, 72.7, 70.8, 3},
		{"blind38", 95, 93, 92, 95, 79.7, 78.2, 3},
		{"blind37", 95, 93, 92, 95, 82.6, 78.7, 3},
		{"blind36", 95, 93, 92, 95, 82.4, 79.8, 3},
		{"blind35", 95, 93, 92, 95, 83.9, 82.5, 3},
		{"blind34", 95, 93, 92, 95, 84.2, 80.7, 3},
		{"blind33", 95, 93, 92, 95, 73.6, 72.0, 3},
		{"blind32", 95, 93, 92, 95, 85.8, 84.8, 3},
		{"blind31", 95, 93, 92, 95, 85.4, 84.0, 3},
		{"blind30", 95, 93, 92, 95, 82.9, 81.8, 3},
		{"blind29", 95, 93, 92, 95, 86.0, 83.2, 3}, // since poverty-leave-list (session 32): see content/eval_test.go
		{"blind28", 95, 93, 92, 95, 80.4, 80.1, 3},
		{"blind27", 95, 93, 92, 95, 86.1, 85.4, 3},
		{"blind26", 95, 93, 92, 95, 85.9, 85.8, 3},
		{"blind25", 95, 93, 92, 95, 81.9, 80.6, 3},
		{"blind24", 95, 93, 92, 95, 80.4, 80.1, 3},
		{"blind23", 95, 93, 92, 95, 82.6, 82.3, 3},
		{"blind22", 95, 93, 92, 95, 80.6, 79.5, 3},
		{"blind21", 95, 93, 92, 95, 83.5, 83.7, 3},
		{"blind20", 95, 93, 92, 93.3, 86.2, 84.5, 3},
	} {
		t.Run(c.set, func(t *testing.T) {
			path := "../../content/testdata/" + c.set + ".tsv"
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s: %v", path, err)
			}
			a := measureAsk(t, rules, path, day)
			t.Logf("%s through ask:\n%s", c.set, a)
			for _, f := range []struct {
				name string
				got  [2]int
				min  float64
			}{{"topic", a.all, c.all}, {"without diacritics", a.plain, c.plain}, {"long", a.long, c.long}, {"out of scope → unknown", a.oos, c.oos}, {"right entry", a.entry, c.entry}, {"right entry, category named", a.category, c.cat}} {
				if pct(f.got) < f.min {
					t.Errorf("%s: %.1f%% (%d/%d), want ≥ %.1f%%", f.name, pct(f.got), f.got[0], f.got[1], f.min)
				}
			}
			if got := pct(a.inUnknown); got > c.inUnknownMax {
				t.Errorf("in scope → unknown: %.1f%%, want ≤ %.1f%%", got, c.inUnknownMax)
			}
		})
	}
}
