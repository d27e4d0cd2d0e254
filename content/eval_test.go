package content_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
	"github.com/bacninh/ansinh/content/evalset"
)

// evalLine is one labelled message; entries, when set, are the entry ids
// that answer it (any counts; versions sharing a key count as one).
type evalLine struct {
	topics  []string
	message string
	entries []string
	quiet   bool // never log this line as a miss (see hiddenMisses)
}

// hiddenMisses names the sets whose per-line misses are not logged even with
// -v, so that whoever tunes the matcher never sees them; set
// ANSINH_SHOW_BLIND3=1 or ANSINH_SHOW_BLIND4=1 to log them anyway (and then
// do not tune on them).
var hiddenMisses = map[string]string{
	"testdata/blind3.tsv": "ANSINH_SHOW_BLIND3",
	"testdata/blind4.tsv": "ANSINH_SHOW_BLIND4",
	// The held-out half of citizen batch 11's out-of-scope lines: the
	// out-of-scope work of the eleventh session tuned on fresh10oos.tsv
	// and read this one in aggregate only.
	"testdata/fresh11oos.tsv": "ANSINH_SHOW_FRESH11OOS",
	// Citizen batch 15's out-of-scope lines, kept out of training as a
	// fresh check: the twelfth session read them in aggregate only.
	"testdata/fresh15oos.tsv": "ANSINH_SHOW_FRESH15OOS",
	// The twenty-sixth blind set and its second labeller's entries, read
	// in aggregate only since the twenty-first session measured them: the
	// freshest set stays unread for whoever tunes next.
	"testdata/blind25.tsv":        "ANSINH_SHOW_BLIND25",
	"testdata/blind25-second.tsv": "ANSINH_SHOW_BLIND25",
	// The twenty-seventh, the same way since the twenty-second session.
	"testdata/blind26.tsv":        "ANSINH_SHOW_BLIND26",
	"testdata/blind26-second.tsv": "ANSINH_SHOW_BLIND26",
	// The twenty-eighth, the same way since the twenty-third session.
	"testdata/blind27.tsv":        "ANSINH_SHOW_BLIND27",
	"testdata/blind27-second.tsv": "ANSINH_SHOW_BLIND27",
	// The twenty-ninth, the same way since the twenty-fourth session.
	"testdata/blind28.tsv":        "ANSINH_SHOW_BLIND28",
	"testdata/blind28-second.tsv": "ANSINH_SHOW_BLIND28",
	// The thirtieth, the same way since the twenty-fifth session.
	"testdata/blind29.tsv":        "ANSINH_SHOW_BLIND29",
	"testdata/blind29-second.tsv": "ANSINH_SHOW_BLIND29",
	// The thirty-first, the same way in the twenty-fifth session.
	"testdata/blind30.tsv":        "ANSINH_SHOW_BLIND30",
	"testdata/blind30-second.tsv": "ANSINH_SHOW_BLIND30",
	// The thirty-second, the same way in the twenty-sixth session.
	"testdata/blind32.tsv":        "ANSINH_SHOW_BLIND32",
	"testdata/blind32-second.tsv": "ANSINH_SHOW_BLIND32",
	// The thirty-fourth, the same way in the twenty-ninth session.
	"testdata/blind33.tsv":        "ANSINH_SHOW_BLIND33",
	"testdata/blind33-second.tsv": "ANSINH_SHOW_BLIND33",
	// The thirty-fifth, the same way in the thirtieth session.
	"testdata/blind34.tsv":        "ANSINH_SHOW_BLIND34",
	"testdata/blind34-second.tsv": "ANSINH_SHOW_BLIND34",
	// The thirty-sixth, the same way in the thirty-first session.
	"testdata/blind35.tsv":        "ANSINH_SHOW_BLIND35",
	"testdata/blind35-second.tsv": "ANSINH_SHOW_BLIND35",
	// The thirty-seventh, the same way since the thirty-second session
	// (its entries labelled by two helpers after the messages were saved).
	"testdata/blind36.tsv":        "ANSINH_SHOW_BLIND36",
	"testdata/blind36-second.tsv": "ANSINH_SHOW_BLIND36",
	// The thirty-eighth, the same way in the thirty-third session.
	"testdata/blind37.tsv":        "ANSINH_SHOW_BLIND37",
	"testdata/blind37-second.tsv": "ANSINH_SHOW_BLIND37",
	// The forty-second, the same way in the thirty-sixth session (the
	// forty-first, blind40.tsv, was read after its measurement).
	"testdata/blind41.tsv":        "ANSINH_SHOW_BLIND41",
	"testdata/blind41-second.tsv": "ANSINH_SHOW_BLIND41",
	// The forty-third, the same way at the start of the thirty-seventh
	// session.
	"testdata/blind42.tsv":        "ANSINH_SHOW_BLIND42",
	"testdata/blind42-second.tsv": "ANSINH_SHOW_BLIND42",
	// Its entries adjudicated in the thirty-ninth session.
	"testdata/blind42-adjudicated.tsv": "ANSINH_SHOW_BLIND42",
	// The forty-fourth, the same way at the start of the thirty-eighth
	// session (two writers of about 360 lines each, one for old Bắc Ninh,
	// one for the former Bắc Giang and messages on someone's behalf).
	// The forty-fifth, written in the forty-ninth session by two helpers
	// (360 lines each) under a brief written from the text and the
	// topic list.
	// The forty-sixth, the same way in the fiftieth session.
	"testdata/blind47.tsv":        "ANSINH_SHOW_BLIND47",
	"testdata/blind47-second.tsv": "ANSINH_SHOW_BLIND47",
	// The forty-ninth and fiftieth (blind48, blind49), the same way in the
	// sixty-eighth session; blind49 holds only category-naming lines.
	// The fifty-first and fifty-second (blind50, blind51), the same way in
	// the sixty-ninth session; blind51 holds only category-naming lines.
	"testdata/blind50.tsv":        "ANSINH_SHOW_BLIND50",
	"testdata/blind50-second.tsv": "ANSINH_SHOW_BLIND50",
	"testdata/blind51.tsv":        "ANSINH_SHOW_BLIND51",
	"testdata/blind51-second.tsv": "ANSINH_SHOW_BLIND51",
	// The fifty-third and fifty-fourth (blind52, blind53), the same way in
	// the seventieth session; blind53 holds only messages longer than 150
	// characters.
	"testdata/blind52.tsv":        "ANSINH_SHOW_BLIND52",
	"testdata/blind52-second.tsv": "ANSINH_SHOW_BLIND52",
	"testdata/blind53.tsv":        "ANSINH_SHOW_BLIND53",
	"testdata/blind53-second.tsv": "ANSINH_SHOW_BLIND53",
	// The fifty-fifth (blind54), the same way in the seventy-first session.
	"testdata/blind54.tsv":        "ANSINH_SHOW_BLIND54",
	"testdata/blind54-second.tsv": "ANSINH_SHOW_BLIND54",
	// The fifty-sixth (blind55), the same way in the seventy-second session.
	"testdata/blind55.tsv":             "ANSINH_SHOW_BLIND55",
	"testdata/blind55-second.tsv":      "ANSINH_SHOW_BLIND55",
	"testdata/blind48.tsv":             "ANSINH_SHOW_BLIND48",
	"testdata/blind48-second.tsv":      "ANSINH_SHOW_BLIND48",
	"testdata/blind49.tsv":             "ANSINH_SHOW_BLIND49",
	"testdata/blind49-second.tsv":      "ANSINH_SHOW_BLIND49",
	"testdata/blind46.tsv":             "ANSINH_SHOW_BLIND46",
	"testdata/blind46-second.tsv":      "ANSINH_SHOW_BLIND46",
	"testdata/blind45.tsv":             "ANSINH_SHOW_BLIND45",
	"testdata/blind45-second.tsv":      "ANSINH_SHOW_BLIND45",
	"testdata/blind44.tsv":             "ANSINH_SHOW_BLIND44",
	"testdata/blind44-second.tsv":      "ANSINH_SHOW_BLIND44",
	"testdata/blind43.tsv":             "ANSINH_SHOW_BLIND43",
	"testdata/blind43-second.tsv":      "ANSINH_SHOW_BLIND43",
	"testdata/blind43-adjudicated.tsv": "ANSINH_SHOW_BLIND43",
	// The thirty-ninth, the same way in the thirty-fourth session.
	"testdata/blind39.tsv":        "ANSINH_SHOW_BLIND39",
	"testdata/blind39-second.tsv": "ANSINH_SHOW_BLIND39",
	"testdata/blind38.tsv":        "ANSINH_SHOW_BLIND38",
	"testdata/blind38-second.tsv": "ANSINH_SHOW_BLIND38",
	"testdata/blind31.tsv":        "ANSINH_SHOW_BLIND31",
	// The sixth danger hold-out set, measured sealed in the forty-third
	// session (TestEmergencyHoldout logs no line of it either).
	"testdata/emergency46.tsv": "ANSINH_SHOW_EMERGENCY46",
	// The eighth, measured sealed in the forty-fourth session.
	"testdata/emergency48.tsv":    "ANSINH_SHOW_EMERGENCY48",
	"testdata/blind31-second.tsv": "ANSINH_SHOW_BLIND31",
}

func readEval(tb testing.TB, path string) []evalLine {
	tb.Helper()
	set, err := evalset.Read(path)
	if os.IsNotExist(err) {
		tb.Skipf("%s not available (%v): this set lives outside the repository and only exists in the project workspace", path, err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	env, hidden := hiddenMisses[path]
	quiet := hidden && os.Getenv(env) == ""
	out := make([]evalLine, 0, len(set))
	for _, l := range set {
		out = append(out, evalLine{topics: l.Topics, message: l.Message, entries: l.Entries, quiet: quiet})
	}
	return out
}

// evalReport holds the slices the understanding issue's targets name.
type evalReport struct {
	all, plain, accented, long tally
	oosUnknown                 tally // out-of-scope lines answered as unknown
	healthAdvice               int   // of which: a danger detector reply (emergency or "not a doctor")
	inScopeUnknown             tally // in-scope lines answered as unknown (ok counts the misses)
	entry                      tally // lines with an entry label: right entry
	categoryEntry              tally // of those, lines naming a household category
	wrongMember                tally // lines labelled with a family member: another member's answer (ok counts them)
	// categoryOffered: lines naming a category whose labelled entry is the
	// answer or, when the bot asks back between entries, one of the
	// options; categoryAsked counts the ask-backs (ok) among those lines.
	categoryOffered, categoryAsked tally
	// categoryAlt: lines naming a category whose labelled entry is the
	// answer or one of the two entries its "Chưa đúng ý tôi" button
	// offers (KB.Alternatives, as the bot calls it): one tap away.
	categoryAlt tally
	perTopic    map[string]*tally
}

// isBlind reports a blind set: its lines are for aggregate figures only,
// so evaluate never prints which of them the matcher misses (reading the
// misses would be tuning on the set).
func isBlind(path string) bool {
	return strings.HasPrefix(path[strings.LastIndex(path, "/")+1:], "blind")
}

func evaluate(t *testing.T, kb *content.KB, path string, day content.Date) evalReport {
	t.Helper()
	set := readEval(t, path)
	showMisses := testing.Verbose() && !isBlind(path)
	rep := evalReport{perTopic: map[string]*tally{}}
	for _, l := range set {
		r := kb.Match(l.message, day)
		got := reported(r)
		// On an out-of-scope line the danger detector's reply (emergency
		// guidance, or "I am not a doctor" for medical advice, filed under
		// health_insurance so that it can point to the BHYT card) is no
		// policy answer: it counts as unknown. On an in-scope line its topic
		// counts as reported.
		advice := r.Alarm != "" && l.topics[0] == content.TopicOutOfScope
		if advice {
			got = content.TopicUnknown
		}
		ok := correct(l.topics, got)
		inc := func(t *tally, ok bool) {
			t.n++
			if ok {
				t.ok++
			}
		}
		inc(&rep.all, ok)
		if hasDiacritics(l.message) {
			inc(&rep.accented, ok)
		} else {
			inc(&rep.plain, ok)
		}
		if evalset.Long(l.message) {
			inc(&rep.long, ok)
		}
		if l.topics[0] == content.TopicOutOfScope {
			inc(&rep.oosUnknown, got == content.TopicUnknown)
			if advice {
				rep.healthAdvice++
			}
		} else {
			inc(&rep.inScopeUnknown, got == content.TopicUnknown)
		}
		entryOK := true
		if len(l.entries) > 0 {
			entryOK = r.Entry != nil && sameEntry(kb, l.entries, r.Entry)
			inc(&rep.entry, entryOK)
			if namesCategory(l.message) {
				inc(&rep.categoryEntry, entryOK)
				offered := entryOK
				for _, c := range r.Ambiguous {
					offered = offered || sameEntry(kb, l.entries, c.Entry)
				}
				inc(&rep.categoryOffered, offered)
				alt := entryOK
				if !alt && r.Entry != nil {
					for _, e := range kb.Alternatives(l.message, day, r.Entry, 2) {
						alt = alt || sameEntry(kb, l.entries, e)
					}
				}
				inc(&rep.categoryAlt, alt)
				inc(&rep.categoryAsked, len(r.Ambiguous) > 1)
			}
			if fam := labelFamily(kb, l.entries); fam != "" {
				inc(&rep.wrongMember, !entryOK && r.Entry != nil && r.Entry.Family == fam)
			}
		}
		key := strings.Join(l.topics, "|")
		if rep.perTopic[key] == nil {
			rep.perTopic[key] = &tally{}
		}
		inc(rep.perTopic[key], ok)
		if (!ok || !entryOK) && showMisses && !l.quiet {
			id := ""
			if r.Entry != nil {
				id = r.Entry.ID
			}
			what := "MISS"
			if ok {
				what = "ENTRY"
			}
			t.Logf("%-5s want %-22s %-30s got %-17s %-28s %.2f  %s", what, key, strings.Join(l.entries, "|"), got, id, r.Score, l.message)
		}
	}
	t.Log(rep.table())
	return rep
}

// namesCategory reports whether a message names a household category
// (poor, near-poor, escaped, average living standard).
var namesCategory = evalset.NamesCategory

// labelFamily returns the family of the first labelled entry written for a
// household category ("" for none): on such a line, the answer of another
// member of that family is the worst entry miss, the near-poor
// household's rate given for a poor household's question.
func labelFamily(kb *content.KB, want []string) string {
	for _, id := range want {
		if e, ok := kb.Entry(id); ok && e.Family != "" {
			return e.Family
		}
	}
	return ""
}

// sameEntry reports whether got is one of want, or shares a key with one.
func sameEntry(kb *content.KB, want []string, got *content.Entry) bool {
	return evalset.SameEntry(kb, want, got.ID)
}

func (rep evalReport) table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-52s %9s %7s\n", "slice", "correct", "acc")
	row := func(name string, t tally) { fmt.Fprintf(&b, "%-52s %4d/%-4d %6.1f%%\n", name, t.ok, t.n, t.pct()) }
	row("overall", rep.all)
	row("with diacritics", rep.accented)
	row("without diacritics", rep.plain)
	row(fmt.Sprintf("longer than %d chars", evalset.LongMessage), rep.long)
	row("out of scope → unknown", rep.oosUnknown)
	fmt.Fprintf(&b, "%-52s %4d\n", "  of which danger-detector replies", rep.healthAdvice)
	row("in scope → unknown (lower is better)", rep.inScopeUnknown)
	row("right entry (labelled lines)", rep.entry)
	row("  of which naming the category", rep.categoryEntry)
	row("  … or among the ask-back's options", rep.categoryOffered)
	row("  … asked back (lower is better)", rep.categoryAsked)
	row("  … or among the two \"Chưa đúng ý tôi\" offers", rep.categoryAlt)
	row("another household category's entry (lower is better)", rep.wrongMember)
	keys := make([]string, 0, len(rep.perTopic))
	for k := range rep.perTopic {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		row("  topic "+k, *rep.perTopic[k])
	}
	return b.String()
}

// TestBlindEntryIDsExist guards the blind sets' entry columns against
// renamed entries: a label naming no entry would silently count as a miss.
func TestBlindEntryIDsExist(t *testing.T) {
	kb := mustKB(t)
	for _, path := range []string{"testdata/blind2.tsv", "testdata/blind3.tsv", "testdata/blind4.tsv", "testdata/blind5.tsv", "testdata/blind6.tsv", "testdata/blind7.tsv", "testdata/blind8.tsv", "testdata/blind9.tsv", "testdata/blind10.tsv", "testdata/blind11.tsv", "testdata/blind12.tsv", "testdata/blind12-second.tsv", "testdata/blind13.tsv", "testdata/blind14.tsv", "testdata/blind14-second.tsv", "testdata/blind15.tsv", "testdata/blind15-second.tsv", "testdata/blind16.tsv", "testdata/blind16-second.tsv", "testdata/blind17.tsv", "testdata/blind18.tsv", "testdata/blind18-second.tsv", "testdata/blind19.tsv", "testdata/blind20.tsv", "testdata/blind20-second.tsv", "testdata/blind21.tsv", "testdata/blind21-second.tsv", "testdata/blind22.tsv", "testdata/blind22-second.tsv", "testdata/blind23.tsv", "testdata/blind23-second.tsv", "testdata/blind24.tsv", "testdata/blind24-second.tsv", "testdata/blind25.tsv", "testdata/blind25-second.tsv", "testdata/blind26.tsv", "testdata/blind26-second.tsv", "testdata/blind27.tsv", "testdata/blind27-second.tsv", "testdata/blind28.tsv", "testdata/blind28-second.tsv", "testdata/blind29.tsv", "testdata/blind29-second.tsv", "testdata/blind30.tsv", "testdata/blind30-second.tsv", "testdata/blind31.tsv", "testdata/blind31-second.tsv", "testdata/blind32.tsv", "testdata/blind32-second.tsv", "testdata/blind33.tsv", "testdata/blind33-second.tsv", "testdata/blind34.tsv", "testdata/blind34-second.tsv", "testdata/blind35.tsv", "testdata/blind35-second.tsv", "testdata/blind36.tsv", "testdata/blind36-second.tsv", "testdata/short.tsv", "testdata/short2.tsv", "testdata/fresh27.tsv", "testdata/tuning.tsv", "testdata/tuning2.tsv", "testdata/tuning3.tsv", "testdata/entries.tsv", "testdata/entries2.tsv", "testdata/entries3.tsv", "testdata/blind37.tsv", "testdata/blind37-second.tsv", "testdata/blind38.tsv", "testdata/blind38-second.tsv", "testdata/blind39.tsv", "testdata/blind39-second.tsv", "testdata/blind40.tsv", "testdata/blind40-second.tsv", "testdata/blind41.tsv", "testdata/blind41-second.tsv", "testdata/blind42.tsv", "testdata/blind42-second.tsv", "testdata/blind43.tsv", "testdata/blind43-second.tsv", "testdata/blind42-adjudicated.tsv", "testdata/blind43-adjudicated.tsv", "testdata/blind44.tsv", "testdata/blind44-second.tsv", "testdata/blind45.tsv", "testdata/blind45-second.tsv", "testdata/blind46.tsv", "testdata/blind46-second.tsv", "testdata/blind47.tsv", "testdata/blind47-second.tsv", "testdata/fresh29.tsv", "testdata/fresh29-second.tsv", "testdata/blind48.tsv", "testdata/blind48-second.tsv", "testdata/blind49.tsv", "testdata/blind49-second.tsv", "testdata/blind50.tsv", "testdata/blind50-second.tsv", "testdata/blind51.tsv", "testdata/blind51-second.tsv", "testdata/blind52.tsv", "testdata/blind52-second.tsv", "testdata/blind53.tsv", "testdata/blind53-second.tsv", "testdata/blind54.tsv", "testdata/blind54-second.tsv", "testdata/blind55.tsv", "testdata/blind55-second.tsv"} {
		for _, l := range readEval(t, path) {
			for _, id := range l.entries {
				if _, ok := kb.Entry(id); !ok {
					t.Errorf("%s names unknown entry %q (%s)", path, id, l.message)
				}
			}
		}
	}
}

// TestUnderstandingReport prints the full table on every labelled set.
func TestUnderstandingReport(t *testing.T) {
	kb := mustKB(t)
	for _, path := range []string{"testdata/blind55.tsv", "testdata/blind55-second.tsv", "testdata/blind54.tsv", "testdata/blind54-second.tsv", "testdata/blind53.tsv", "testdata/blind53-second.tsv", "testdata/blind52.tsv", "testdata/blind52-second.tsv", "testdata/blind51.tsv", "testdata/blind51-second.tsv", "testdata/blind50.tsv", "testdata/blind50-second.tsv", "testdata/blind49.tsv", "testdata/blind49-second.tsv", "testdata/blind48.tsv", "testdata/blind48-second.tsv", "testdata/blind47.tsv", "testdata/blind47-second.tsv", "testdata/blind46.tsv", "testdata/blind46-second.tsv", "testdata/blind45.tsv", "testdata/blind45-second.tsv", "testdata/fresh29.tsv", "testdata/fresh29-second.tsv", "testdata/blind44.tsv", "testdata/blind44-second.tsv", "testdata/blind43.tsv", "testdata/blind43-second.tsv", "testdata/blind43-adjudicated.tsv", "testdata/blind42.tsv", "testdata/blind42-second.tsv", "testdata/blind42-adjudicated.tsv", "testdata/blind41.tsv", "testdata/blind41-second.tsv", "testdata/blind40.tsv", "testdata/blind40-second.tsv", "testdata/blind39.tsv", "testdata/blind39-second.tsv", "testdata/blind38.tsv", "testdata/blind38-second.tsv", "testdata/blind37.tsv", "testdata/blind37-second.tsv", "testdata/blind36.tsv", "testdata/blind36-second.tsv", "testdata/blind35.tsv", "testdata/blind35-second.tsv", "testdata/blind34.tsv", "testdata/blind34-second.tsv", "testdata/blind33.tsv", "testdata/blind33-second.tsv", "testdata/blind32.tsv", "testdata/blind32-second.tsv", "testdata/blind31.tsv", "testdata/blind31-second.tsv", "testdata/blind30.tsv", "testdata/blind30-second.tsv", "testdata/blind29.tsv", "testdata/blind29-second.tsv", "testdata/blind28.tsv", "testdata/blind28-second.tsv", "testdata/blind27.tsv", "testdata/blind27-second.tsv", "testdata/blind26.tsv", "testdata/blind26-second.tsv", "testdata/blind25.tsv", "testdata/blind25-second.tsv", "testdata/blind24.tsv", "testdata/blind24-second.tsv", "testdata/blind23.tsv", "testdata/blind23-second.tsv", "testdata/blind22.tsv", "testdata/blind22-second.tsv", "testdata/blind21.tsv", "testdata/blind21-second.tsv", "testdata/blind20.tsv", "testdata/blind20-second.tsv", "testdata/blind19.tsv", "testdata/blind18.tsv", "testdata/blind18-second.tsv", "testdata/blind17.tsv", "testdata/blind16.tsv", "testdata/blind16-second.tsv", "testdata/blind15.tsv", "testdata/blind15-second.tsv", "testdata/blind14.tsv", "testdata/blind13.tsv", "testdata/blind12.tsv", "testdata/blind11.tsv", "testdata/blind10.tsv", "testdata/blind9.tsv", "testdata/blind8.tsv", "testdata/blind7.tsv", "testdata/blind6.tsv", "testdata/blind5.tsv", "testdata/blind4.tsv", "testdata/blind3.tsv", "testdata/blind2.tsv", "testdata/blind.tsv", "testdata/questions.tsv", "testdata/tuning.tsv", "testdata/tuning2.tsv", "testdata/tuning3.tsv", "testdata/unmarked.tsv", "testdata/entries.tsv", "testdata/entries2.tsv", "testdata/entries3.tsv", "testdata/oos.tsv", "testdata/oos2.tsv", "testdata/long.tsv", "testdata/probe5.tsv", "testdata/fresh6.tsv", "testdata/fresh8.tsv", "testdata/fresh9b.tsv", "testdata/fresh10oos.tsv", "testdata/fresh11oos.tsv", "testdata/fresh15oos.tsv", "testdata/fresh24.tsv", "testdata/fresh25.tsv", "testdata/fresh26.tsv", "testdata/fresh27.tsv", "testdata/short.tsv", "testdata/short2.tsv", "testdata/voice.tsv", "testdata/fresh28voice.tsv", "testdata/blindvoice.tsv", "../../shared/dev-questions.tsv"} {
		t.Run(strings.TrimSuffix(path[strings.LastIndex(path, "/")+1:], ".tsv"), func(t *testing.T) {
			evaluate(t, kb, path, content.DateOf(refDay))
		})
	}
}

// floors are the lowest figures each set may show: the understanding
// issue's targets (topic ≥ 95%, without diacritics ≥ 93%, long ≥ 92%,
// out of scope → unknown ≥ 95%, in scope → unknown ≤ 3%, right entry
// ≥ 90%) where the matcher meets them, else the figure measured when the
// set was last reported (a regression guard; the README of testdata says
// which targets are still open).
type floors struct {
	all, plain, long, oos, entry, categoryEntry float64
	inUnknownMax                                float64
}

func checkFloors(t *testing.T, rep evalReport, f floors) {
	t.Helper()
	check := func(name string, got tally, want float64) {
		if got.n > 0 && got.pct() < want {
			t.Errorf("%s: %.1f%% (%d/%d), want ≥ %.1f%%", name, got.pct(), got.ok, got.n, want)
		}
	}
	check("topic accuracy", rep.all, f.all)
	check("without diacritics", rep.plain, f.plain)
	check("longer than 150 characters", rep.long, f.long)
	check("out of scope → unknown", rep.oosUnknown, f.oos)
	check("right entry", rep.entry, f.entry)
	check("right entry, category named", rep.categoryEntry, f.categoryEntry)
	if got := rep.inScopeUnknown.pct(); got > f.inUnknownMax {
		t.Errorf("in scope → unknown: %.1f%%, want ≤ %.1f%%", got, f.inUnknownMax)
	}
}

// TestUnderstandingTargets fails when the matcher falls below its floors on
// the blind sets, the own entry set and the shared dev set.
func TestUnderstandingTargets(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	sets := []struct {
		path string
		f    floors
	}{
		// Floors a little below the figures measured 2026-11-29 at the end
		// of the fifth session (none of these sets was tuned on line by
		// line; their misses are never printed). The targets: topic
		// ≥ 95, without diacritics ≥ 93, long ≥ 92, out of scope → unknown
		// ≥ 95, in scope → unknown ≤ 3, right entry (category named) ≥ 90.
		// Measured (topic, without diacritics, long, out of scope, in scope
		// → unknown, right entry labelled / category named):
		// blind5 (465, written at the start of the fifth session and sealed
		// outside the repository until this one measurement) 95.5, 95.2,
		// 96.6, 97.9, 0.3, 85.3 / 85.5 (open: right entry; on the session's
		// starting commit it read 93.3, 94.6, 91.7, 96.9, 0.3, 80.8 / 80.0);
		// blind4 97.9, 98.2, 96.6, 95.2, 0.3, 91.9 / 91.6; blind3 96.6,
		// 95.8, 95.9, 98.2, 1.7, 90.7; blind2 97.6, 97.5, 93.2, 100, 0.4,
		// 91.7; blind 97.3, 97.6, 4 of 4, 100, 0.0.
		// Session 14 trained citizen batches 18 to 21 (1,522 lines, 605 of
		// them out of scope: chosen on the citizen cross-validation, not on
		// these sets). Summed over blind to blind13 (5,371 lines) they move
		// topic 5,215 → 5,221, out of scope → unknown 1,061 → 1,070 of
		// 1,086, in scope → unknown 11 → 20 of 4,285, category named 2,842 →
		// 2,847 of 3,189; where a set lost lines, its floor follows, one line below
		// the new figure (blind13 right entry, blind11 topic and unmarked,
		// blind12 category named, blind12 and blind8 in scope → unknown),
		// and where a target is now met the floor is the target (blind12 out
		// of scope 93.9 → 96.9; blind9's rose 91.8 → 93.8).
		// blind6 (521, written at the start of the sixth session by a writer
		// who saw only the issue and the topic list, sealed outside the
		// repository until this one measurement on the session's final
		// matcher, 2026-11-30): 95.8, 95.5, 96.4, 97.0, 0.5, 84.7 / 84.6
		// (open: right entry; on the session's starting commit 92bcabb it
		// read 95.6, 95.5, 95.8, 96.0, 0.2, 82.1 / 82.0).
		// blind7 (481, written at the start of the seventh session by a writer
		// who saw only the issue and the topic list, sealed outside the
		// repository until its two measurements, 2026-11-30): on the
		// session's final matcher 93.1, 95.7, 92.0, 93.6, 1.0, 80.9 / 80.9
		// (open: topic, out of scope and right entry; on the starting commit
		// e429e6e it read 92.7, 95.2, 92.6, 92.6, 0.5, 80.1 / 80.0). A third
		// look, after the subject borrowed from the story (borrow.go, decided
		// on fresh6 and the citizen data): 93.6, 95.7, 93.3, 93.6, 0.8,
		// 81.2 / 80.9.
		// Session 32 added poverty-leave-list (whether and when a household
		// leaves the list: a member's wage or money sent home, a motorbike
		// or car, leaving "automatically"). The older sets' labels predate
		// it: their writers put such lines on poverty-review-steps or
		// poverty-standard, the closest titles then. Lines that now get the
		// new entry count as misses there: over every set below, right
		// entry 12,992 → 12,963 of 14,694 lines and category named 8,893 →
		// 8,861 of 10,078 (with the papers lines of entry_messages.tsv
		// moved the same session). Four sets fell under their floors (blind11
		// category named 234 → 233 of 269; blind12 325 → 320 of 378 and
		// 266 → 261 of 312; blind13 297 → 294 of 323 and 211 → 209 of 235;
		// blind29 267 → 264 of 316); their floors follow, one line below.
		// On blind36, written and labelled after the entry existed, the
		// category-named figure stayed 263 of 328 (first labeller) and
		// moved 247 → 248 (second): no gain measured there; the entry
		// stays for its answer, which says what the others did not.
		// Since the eighth session (citizen batch 7, the SVM view's
		// out-of-scope blend when retrieval agrees, the detector's clause
		// ends, the entry model reading long messages whole) blind7 reads
		// 95.0, 97.4, 94.5, 94.7, 0.3, 82.9 / 82.9 (457, 224, 154, 89, 1,
		// 300 / 282 lines): the floors follow it, one line below.
		{"testdata/blind7.tsv", floors{all: 94.8, plain: 96.9, long: 93.8, oos: 93.6, entry: 82.6, categoryEntry: 82.6, inUnknownMax: 0.6}},
		// blind11 (468, written at the start of the eleventh session the
		// same way, sealed outside the repository until its two
		// measurements by the lead, 2026-11-30): on the starting commit
		// 6b03ae6 97.0, 98.1, 94.9, 96.8, 0.0, 86.9 / 85.5; on the final
		// matcher (789596c) 97.6, 98.7, 95.5, 97.9, 0.0, 88.5 / 87.4 (open:
		// right entry). Floors one line below.
		{"testdata/blind11.tsv", floors{all: 97.2, plain: 97.8, long: 94.8, oos: 96.8, entry: 88.2, categoryEntry: 86.2, inUnknownMax: 0.3}},
		// blind26 (621, written at the start of the twenty-second session
		// the same way, sealed outside the repository until its
		// measurement by the lead, 2026-12-01; misses hidden): on 9b51aa9
		// (the session's start) and 241aeea alike 98.2, 98.0, 99.0, 99.2,
		// 0.6, 86.1 / 86.1 (open: right entry where the category is
		// named). Floors at the targets, the right-entry floors
		// one line below.
		// blind27 (633, written at the start of the twenty-third session
		// the same way, sealed outside the repository until its
		// measurement by the lead, 2026-12-01; misses hidden): on a4b5109
		// (the session's start) 98.3, 98.4, 97.7, 98.4, 0.6, 86.3 / 85.8
		// (open: right entry where the category is named); the session's
		// changes are in the bot's ask-back, not the matcher. Floors at
		// the targets, the right-entry floors one line below.
		// blind28 (644, written at the start of the twenty-fourth session
		// the same way, sealed outside the repository until its
		// measurement by the lead, 2026-12-02; misses hidden): on f701f60
		// (the session's start) 98.3, 98.5, 98.0, 98.4, 0.2, 80.7 / 80.5
		// (open: right entry where the category is named). Floors at the
		// issue's targets, the right-entry floors one line below.
		// blind31 (600, written in the twenty-sixth session the same way,
		// sealed outside the repository until its measurement by the
		// lead, 2026-12-02; misses hidden): on 28819df 98.3, 97.6, 99.5,
		// 99.2, 0.4, 85.6 / 84.5 (open: right entry where the category is
		// named). Floors at the targets, the right-entry floors
		// one line below.
		{"testdata/blind31.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 85.4, categoryEntry: 84.0, inUnknownMax: 3}},
		// blind32 (617, written at the start of the twenty-eighth session
		// the same way, sealed outside the repository until its
		// measurement by the lead, 2026-12-02; misses hidden): on 5072576
		// (the session's start) and a960a3e alike 97.2, 96.8, 97.4, 99.2,
		// 1.8, 86.1 / 85.1 (open: right entry where the category is
		// named). Floors at the targets, the right-entry floors
		// one line below.
		{"testdata/blind32.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 85.8, categoryEntry: 84.8, inUnknownMax: 3}},
		// blind33 (601, written at the start of the twenty-ninth session
		// the same way, sealed outside the repository until its
		// measurement by the lead, 2026-12-02; misses hidden): on 1271723
		// (the session's start) 96.3, 97.2, 96.8, 98.3, 1.5, 73.8 / 72.3
		// (open: right entry where the category is named; the labellers
		// share an id on 88.4% of those lines). Floors at the issue's
		// targets, the right-entry floors one line below.
		{"testdata/blind33.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 73.6, categoryEntry: 72.0, inUnknownMax: 3}},
		// blind34 (635, written at the start of the thirtieth session the
		// same way, sealed outside the repository until its measurement
		// by the lead, 2026-12-03; misses hidden): on dcb1a1c (the
		// session's start) 97.6, 96.7, 98.1, 97.7, 0.2, 84.6 / 81.4 (open:
		// right entry where the category is named). Floors at the issue's
		// targets, the right-entry floors one line below.
		{"testdata/blind34.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 84.4, categoryEntry: 81.0, inUnknownMax: 3}},
		// blind35 (618, written at the start of the thirty-first session
		// the same way, sealed outside the repository until its
		// measurement by the lead, 2026-12-03; misses hidden): on 8ff7c49
		// (no matching code changed since the session's start) 96.8, 97.1,
		// 97.9, 97.5, 1.0, 84.1 / 82.8 (open: right entry where the
		// category is named). Floors at the targets, the
		// right-entry floors one line below.
		{"testdata/blind35.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 83.9, categoryEntry: 82.5, inUnknownMax: 3}},
		// blind36 (626, written at the start of the thirty-second session
		// the same way, its entries labelled afterwards by two helpers who
		// saw only the in-scope lines and the titles (the second also the
		// answers' first lines), sealed outside the repository until its
		// measurement by the lead, 2026-12-03; misses hidden): on 41bd0cb
		// (the session's start) through ask 97.0, 97.0, 97.5, 97.6, 0.6,
		// 82.7 / 80.2; on 624d0f0 97.0, 96.7, 97.0, 97.6, 0.8, 82.7 /
		// 80.2 (open: right entry where the category is named). Floors at
		// the targets, the right-entry floors one line below.
		{"testdata/blind36.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 82.4, categoryEntry: 79.8, inUnknownMax: 3}},
		// blind37 (630, written at the start of the thirty-third session
		// the same way, its entries labelled afterwards by two helpers as
		// blind36's were, sealed outside the repository until its
		// measurement by the lead, 2026-12-03; misses hidden): on f605d17
		// (the session's start) through ask 97.5, 97.0, 96.5, 97.8, 0.2,
		// 82.9 / 79.1 (open: right entry where the category is named).
		// Floors at the targets, the right-entry floors one line
		// below.
		{"testdata/blind37.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 82.6, categoryEntry: 78.7, inUnknownMax: 3}},
		// blind38 (741, written at the start of the thirty-fourth session
		// the same way, with voice-to-text lines and messages sent on
		// someone's behalf, its entries labelled by two helpers, sealed
		// outside the repository until its measurement by the lead,
		// 2026-12-03; misses hidden): on e3724ec through ask 96.2, 98.1,
		// 94.5, 97.5, 2.6, 79.9 / 78.5 (open: right entry where the
		// category is named). Floors at the targets, the
		// right-entry floors one line below.
		{"testdata/blind38.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 79.7, categoryEntry: 78.2, inUnknownMax: 3}},
		// blind39 (711, written at the start of the thirty-fifth session
		// the same way, its topic labels then checked by another helper
		// against the topic contract, its entries labelled by two more,
		// sealed outside the repository until measured by the lead,
		// 2026-12-03; misses hidden): on b32689a (the session's start)
		// 95.8, 96.2, 94.2, 96.9, 1.1, 72.6 / 70.7; on a46ad37 the same
		// but right entry 73.1 / 71.4 (open: right entry where the
		// category is named). Floors at the targets, the
		// right-entry floors one line below.
		{"testdata/blind39.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 72.9, categoryEntry: 71.1, inUnknownMax: 3}},
		// blind40 (715, written at the start of the thirty-sixth session
		// the same way, its topics checked against the topic contract, its
		// entries labelled by two helpers, sealed outside the repository
		// until measured by the lead on adb1a59 (the session's start):
		// 94.8, 96.1, 95.1, 92.2, 1.4, 76.1 / 75.2, below the topic and
		// out-of-scope targets; its misses were then read and showed the
		// session's danger-detector work, so it is no longer held out. On
		// a8140fa 95.0, 96.3, 95.1, 92.2, 1.4, 76.3 / 75.2. Floors one
		// line below each figure.
		{"testdata/blind40.tsv", floors{all: 94.8, plain: 96.0, long: 94.6, oos: 91.5, entry: 76.1, categoryEntry: 74.9, inUnknownMax: 1.7}},
		// blind41 (712, written in the thirty-sixth session after blind40
		// was read, the same way, sealed until measured by the lead in
		// aggregate on adb1a59 and ab5a48c; misses hidden): on adb1a59
		// 95.4, 96.1, 92.7, 96.1, 2.5, 77.8 / 75.7; on ab5a48c and
		// a8140fa 95.5, 96.4, 92.7, 96.1, 2.5, 77.8 / 75.7 (open: right
		// entry where the category is named). Floors at the issue's
		// targets, the right-entry floors one line below.
		// Session 39's entry messages: right entry 442, category named
		// 299 of 387 (77.3); right-entry floors one line below.
		// Session 40, the retired sets' lines training the topic
		// classifier and the SVM view, out-of-scope lines too, the
		// entries' own words read three times: 97.5 (694), 97.3, 96.3,
		// 97.4, 0.4 (2), right entry 445, category named 302 of 387
		// (78.0). Floors one line below each figure.
		// Session 41, the training order drawn from the documents
		// (order.go; chosen for stability, not on these sets): 97.3 (693),
		// 97.6, 95.5 (235), 97.4, 0.7 (4), right entry 449, category
		// named 304 of 387; pooled over blind41 to blind43 the topic
		// reads 2,066 of 2,135 as before and the category-named entry 931
		// of 1,188 against 926. Floors one line below where it fell.
		// Session 58's training lines (bare interest questions, "hộ nghèo
		// được hỗ trợ gì"): topic 691 of 712 (97.1); over every labelled
		// set 4 distinct lines went wrong → right and 6 right → wrong.
		// The topic floor one line below.
		{"testdata/blind41.tsv", floors{all: 96.9, plain: 96.9, long: 95.1, oos: 96.7, entry: 80.0, categoryEntry: 77.7, inUnknownMax: 0.9}},
		// blind42 (703, written at the start of the thirty-seventh session
		// the same way, its topics checked against the topic contract (3
		// changed), its entries labelled by two helpers, sealed outside
		// the repository until measured by the lead in aggregate on
		// d85db33 (the session's start) and on 5e65893 (the danger
		// model) alike: 94.9, 95.9, 93.8, 97.4, 1.8, 76.6 / 75.8; one
		// line below the topic target. Floors one line below each figure.
		// Session 39's entry messages: right entry 424, category named
		// 303 of 393 (77.1); right-entry floors one line below.
		// Session 40 (as blind41): 95.4 (671), 96.5, 93.8, 97.4, 1.8
		// (10), right entry 425, category named 302 of 393 (76.8): every
		// topic target met. Floors one line below each figure.
		{"testdata/blind42.tsv", floors{all: 95.3, plain: 96.1, long: 93.3, oos: 96.7, entry: 77.3, categoryEntry: 76.5, inUnknownMax: 2.1}},
		// blind43 (720, written at the start of the thirty-eighth session
		// the same way by two helpers, 360 lines each, one mostly from old
		// Bắc Ninh, one mostly from the former Bắc Giang and on someone's
		// behalf; topics checked against the topic contract (9 changed),
		// entries labelled by two helpers (agreeing on 450 of 547 = 82.3%),
		// sealed outside the repository until measured by the lead in
		// aggregate on b968447 (the session's start): 96.8, 97.2, 96.5,
		// 97.4, 0.5, 78.3 / 77.0 (second labeller 75.5 / 72.3; the
		// baseline SVM 89.7). Floors one line below each figure.
		// Session 39's entry messages: right entry 444, category named
		// 315 of 408 (77.2); right-entry floors one line below.
		// Session 40 (as blind41): 97.4 (701), 97.2, 97.0, 96.8, 0.4
		// (2), right entry 453, category named 322 of 408 (78.9). Floors
		// one line below each figure.
		// Session 41 (the training order, as blind41): 97.4 (701), right
		// entry 451, category named 320 of 408 (78.4); adjudicated 421
		// and 291 of 382. Right-entry floors one line below.
		// blind44 (719, written in the forty-ninth session by two helpers,
		// 360 lines each, one mostly from old Bắc Ninh writing for
		// themselves, one mostly from the former Bắc Giang and on
		// someone's behalf, under a brief written from the text
		// and the topic list; topics checked against the contract, none
		// changed; entries labelled by two helpers from the titles, who
		// share an id on 539 of 575 in-scope lines and on 306 of the 320
		// naming a category), sealed outside the repository until measured
		// by the lead in aggregate on 744945f (the session's start) and on
		// the session's end alike: 98.7 (710), 98.7, 98.7, 98.6, 0.5 (3),
		// right entry 493 of 575 (85.7), category named 279 of 320 (87.2;
		// second labeller 276, 86.2; either 284, 88.8); the baseline SVM on
		// the yaml examples 92.5, with the citizen messages 97.6. Floors
		// one line below each figure.
		// blind45 (719, written in the fiftieth session by two helpers,
		// 360 lines each (one line both wrote kept once), one mostly women
		// and carers of the disabled across the province, one mostly men,
		// returned migrant workers and ethnic-minority households of the
		// former Bắc Giang's uplands, under blind44's brief; topics checked
		// against the contract, none changed; entries labelled by two
		// helpers from the titles, who share an id on 549 of 575 in-scope
		// lines and on 308 of the 321 naming a category), sealed outside
		// the repository until measured by the lead in aggregate on
		// 181917b (the session's start) and on the session's end alike:
		// 98.2 (706), 97.7, 98.1, 98.6, 0.5 (3), right entry 472 of 575
		// (82.1), category named 256 of 321 (79.8; second labeller 261,
		// 81.3; either 263, 81.9). Floors one line below each figure.
		// blind46 (720, written in the fifty-fifth session by two helpers,
		// 360 lines each, one mostly people of 30 to 50 writing for parents,
		// grandparents or a disabled relative, many working in the
		// industrial parks, one mostly people over 55 writing or dictating
		// for themselves, upland ethnic-minority households among them,
		// under a brief the lead wrote from the issue and the topic list;
		// entries labelled by two helpers from the titles, who share an id
		// on 554 of 576 in-scope lines), sealed outside the repository until
		// measured by the lead in aggregate on 95a6549 (the session's start)
		// and on the session's end alike: 97.9 (705), 98.4, 96.8, 99.3, 1.0
		// (6), right entry 459 of 576 (79.7), category named 284 of 351
		// (80.9; second labeller 287, 81.8); the baseline SVM on the yaml
		// examples 92.1. Floors one line below each figure.
		// blind47 (720, written at the start of the sixty-seventh session by
		// two helpers, 360 lines each, one mostly women of 25 to 50 writing
		// for their families, many working in the industrial parks, one
		// mostly men and people over 60, farmers, river and craft-village
		// households, upland ethnic-minority households among them, under a
		// brief the lead wrote from the issue and the topic list; entries
		// labelled by two helpers from the titles), sealed outside the
		// repository until measured by the lead in aggregate on 5324fa3 (the
		// session's start) and on the session's end alike: 98.2 (707), 98.8,
		// 98.3, 99.3, 0.9 (5), right entry 513 of 577 (88.9), category named
		// 300 of 338 (88.8; second labeller 514, 89.1 and 303, 89.6); the
		// baseline SVM on the yaml examples 91.7. Floors one line below each
		// figure.
		// Session 69: right entry 513 → 511 and 514 → 512 with the old-age
		// allowances' training lines relabelled to the social pension (the
		// allowance in force since 1/7/2025; its answer says the age rule)
		// and the commune office's hours given their own entry; both the
		// lead kept for the answers they give, so the entry floors follow,
		// one line below.
		{"testdata/blind47.tsv", floors{all: 98.0, plain: 98.5, long: 97.9, oos: 98.6, entry: 88.3, categoryEntry: 88.4, inUnknownMax: 1.1}},
		{"testdata/blind47-second.tsv", floors{all: 98.0, plain: 98.5, long: 97.9, oos: 98.6, entry: 88.5, categoryEntry: 89.3, inUnknownMax: 1.1}},
		// blind48 (720, written at the start of the sixty-eighth session by
		// two helpers, 360 lines each, one mostly young people of 16 to 32
		// typing teencode for themselves or their parents, one mostly
		// upland households of the former Bắc Giang, ethnic-minority
		// writers, elderly people and village heads writing for others,
		// under blind47's brief; entries labelled by two helpers from the
		// titles), sealed outside the repository until measured by the lead
		// in aggregate on e0b01b2 (the session's start) and on its end
		// alike: 94.7 (682), 95.0, 90.9, 96.5, 1.7 (10), right entry 485
		// of 576 (84.2), category named 275 of 325 (84.6; second labeller
		// 495, 85.9 and 282, 86.8); the baseline SVM on the yaml examples
		// 87.6. Open: topic, long messages, right entry. Floors one line
		// below each figure.
		// Session 69 (officer-office-hours, chat-apology, chat-compliment):
		// blind48 right entry 485 → 483 (second 495 → 493) with topic
		// 682 → 684 and officer 30 → 33 of 40; blind44 right entry 492 → 490
		// (second 493 → 491), topic unchanged. Their labels predate the
		// office-hours entry; entry floors at the new figures.
		{"testdata/blind48.tsv", floors{all: 94.5, plain: 94.8, long: 90.5, oos: 95.8, entry: 83.8, categoryEntry: 84.3, inUnknownMax: 1.9}},
		{"testdata/blind48-second.tsv", floors{all: 94.5, plain: 94.8, long: 90.5, oos: 95.8, entry: 85.5, categoryEntry: 86.4, inUnknownMax: 1.9}},
		// blind49 (300, all in scope and every line naming a household or
		// person category, written at the same time by a third helper under
		// the brief cut to those lines; entries by two more helpers), held
		// out from the session's entry work and measured in aggregate on
		// the start and the end alike: 98.0 (294), 98.6, 100 (97 of 97),
		// 0.3 (1), right entry 264 of 300 (88.0), category named 262 of
		// 297 (88.2; second labeller 265, 88.3 and 263, 88.6).
		{"testdata/blind49.tsv", floors{all: 97.6, plain: 97.8, long: 98.9, entry: 87.6, categoryEntry: 87.8, inUnknownMax: 0.7}},
		{"testdata/blind49-second.tsv", floors{all: 97.6, plain: 97.8, long: 98.9, entry: 87.9, categoryEntry: 88.2, inUnknownMax: 0.7}},
		// blind50 (719, written at the start of the sixty-ninth session by
		// two helpers, 360 lines each under blind47's brief: one mostly
		// people of 35 to 65 of old Bắc Ninh's plains, craft villages and
		// peri-urban wards, one workers abroad or in Hanoi writing about
		// their parents, grandchildren typing for grandparents, village
		// heads and health collaborators asking for a household, upland
		// families of the former Bắc Giang; one duplicate dropped; entries
		// labelled by two helpers from the titles), sealed outside the
		// repository until measured in aggregate on 432a47e (the
		// session's start) and on its end: start 95.7 (688), 96.2, 96.1,
		// 97.9, 2.6 (15), right entry 481 of 575, category named 281 of
		// 330 (85.2; second labeller 478 and 282, 85.5); end 96.1 (691),
		// 96.8, 96.1, 97.9, 2.3 (13), right entry 480, category named 280
		// (84.8; second labeller 477 and 281, 85.2). The baseline SVM on
		// the yaml examples 89.4. Open: right entry. Floors one line below
		// the end's figures.
		{"testdata/blind50.tsv", floors{all: 95.9, plain: 96.4, long: 95.6, oos: 97.2, entry: 83.3, categoryEntry: 84.5, inUnknownMax: 2.5}},
		{"testdata/blind50-second.tsv", floors{all: 95.9, plain: 96.4, long: 95.6, oos: 97.2, entry: 82.7, categoryEntry: 84.8, inUnknownMax: 2.5}},
		// blind51 (300, all in scope and every line naming a household or
		// person category, written at the same time by a third helper under
		// the brief cut to those lines; entries by two more helpers, who
		// share an id on 297 of 300), measured in aggregate on the start
		// and the end: start 97.0 (291), right entry 258 of 300, category
		// named 240 of 277 (86.6; second labeller 262 and 243, 87.7); end
		// 97.3 (292), 258, 240 (86.6; second 263 and 244, 88.1). The
		// baseline SVM 94.0. Floors one line below the end's figures.
		{"testdata/blind51.tsv", floors{all: 97.0, plain: 96.5, long: 96.7, entry: 85.6, categoryEntry: 86.2, inUnknownMax: 1.7}},
		{"testdata/blind51-second.tsv", floors{all: 97.0, plain: 96.5, long: 96.7, entry: 87.3, categoryEntry: 87.7, inUnknownMax: 1.7}},
		// blind52 (720, written at the start of the seventieth session by
		// two helpers under blind50's one-page brief, 360 each, entries
		// labelled by two more helpers from the titles, who share an id on
		// 571 of 576 in-scope lines), sealed outside the repository until
		// measured in aggregate on 8700414 (the session's start) and on its
		// end: start 96.5 (695), 95.6, 95.9, 96.5, 1.0 (6), right entry 510
		// of 576, category named 303 of 342 (88.6; second labeller 500 and
		// 293, 85.7); end 96.8 (697), 95.9, 95.9, 96.5, 0.9 (5), right
		// entry 514, category named 305 (89.2; second 504 and 295, 86.3).
		// Floors one line below the end's figures.
		{"testdata/blind52.tsv", floors{all: 96.6, plain: 95.6, long: 95.4, oos: 95.8, entry: 89.0, categoryEntry: 88.8, inUnknownMax: 1.1}},
		{"testdata/blind52-second.tsv", floors{all: 96.6, plain: 95.6, long: 95.4, oos: 95.8, entry: 87.3, categoryEntry: 85.9, inUnknownMax: 1.1}},
		// blind53 (300, every message longer than 150 characters, a story
		// first and the question last, written at the same time by two more
		// helpers under the brief cut to such messages; entries by two
		// more, who share an id on all 250 in-scope lines), measured the
		// same way: start 96.3 (289), in scope → unknown 2.8 (7), right
		// entry 223 of 250, category named 148 of 162 (91.4; second 221 and
		// 151, 93.2); end 96.0 (288), 2.8 (7), 223, 148 (91.4; second 220
		// and 150, 92.6). Floors one line below the end's figures.
		{"testdata/blind53.tsv", floors{all: 95.6, plain: 95.2, long: 95.6, oos: 94.0, entry: 88.8, categoryEntry: 90.7, inUnknownMax: 3.2}},
		{"testdata/blind53-second.tsv", floors{all: 95.6, plain: 95.2, long: 95.6, oos: 94.0, entry: 87.6, categoryEntry: 91.9, inUnknownMax: 3.2}},
		// blind54 (720, written at the start of the seventy-first session
		// by two helpers under blind52's one-page brief, 360 each, entries
		// labelled by two more helpers from the titles, who share an id on
		// 575 of 576 in-scope lines), sealed outside the repository until
		// measured in aggregate on 070d8de (the session's start) and on its
		// end: start 96.5 (695), 96.9, 96.5, 95.8, 1.0 (6), right entry 508
		// of 576, category named 307 of 341 (90.0; second labeller 506 and
		// 307, 90.0); end (e0d2ecb) the same on every figure.
		// Floors one line below the end's figures.
		{"testdata/blind54.tsv", floors{all: 96.3, plain: 96.5, long: 96.0, oos: 95.1, entry: 88.0, categoryEntry: 89.7, inUnknownMax: 1.3}},
		{"testdata/blind54-second.tsv", floors{all: 96.3, plain: 96.5, long: 96.0, oos: 95.1, entry: 87.6, categoryEntry: 89.7, inUnknownMax: 1.3}},
		// blind55 (720, written at the start of the seventy-second session
		// by two helpers under blind52's one-page brief, 360 each, entries
		// labelled by two more helpers from the titles, who share an id on
		// 572 of 576 in-scope lines), sealed outside the repository until
		// measured in aggregate on 839f22a (the session's start) and on its
		// end: 97.1 (699), 97.1, 97.3, 98.6, 1.4 (8), right entry 485 of
		// 576, category named 292 of 341 (85.6; second labeller 487 and 293,
		// 85.9), the same on both. Floors one line below the end's figures.
		{"testdata/blind55.tsv", floors{all: 96.9, plain: 96.8, long: 96.8, oos: 97.9, entry: 84.0, categoryEntry: 85.3, inUnknownMax: 1.6}},
		{"testdata/blind55-second.tsv", floors{all: 96.9, plain: 96.8, long: 96.8, oos: 97.9, entry: 84.3, categoryEntry: 85.6, inUnknownMax: 1.6}},
		{"testdata/blind46.tsv", floors{all: 97.7, plain: 98.1, long: 96.3, oos: 98.6, entry: 79.5, categoryEntry: 80.6, inUnknownMax: 1.3}},
		{"testdata/blind46-second.tsv", floors{all: 97.7, plain: 98.1, long: 96.3, oos: 98.6, entry: 80.2, categoryEntry: 81.4, inUnknownMax: 1.3}},
		{"testdata/blind45.tsv", floors{all: 98.0, plain: 97.4, long: 97.7, oos: 97.9, entry: 81.9, categoryEntry: 79.4, inUnknownMax: 0.7}},
		{"testdata/blind45-second.tsv", floors{all: 98.0, plain: 97.4, long: 97.7, oos: 97.9, entry: 82.0, categoryEntry: 80.9, inUnknownMax: 0.7}},
		// fresh29 (400, written in the fiftieth session by two helpers
		// under a brief asking that every line be in scope and name the
		// household's category, 200 each: elderly farmers of the former
		// Bắc Giang writing for themselves, and the young writing for
		// their parents from old Bắc Ninh's towns and industrial parks;
		// entries labelled by two helpers from the titles, who share an
		// id on 381 of 400). Read line by line (its misses are shown), so
		// it is no held-out measure: it tells where entry choice stands on
		// category-naming messages. On 52ffcbb: 99.5 (398), 99.6, 99.2,
		// no out-of-scope lines, 0.0, right entry 336 of 400, category
		// named 333 of 397 (83.9; second labeller 336, 84.6). On 5708488
		// (session 70, voluntary leaving of the list): right entry 340 of
		// 400 and category named 337 of 397 for both labellers. Floors one
		// line below each figure.
		{"testdata/fresh29.tsv", floors{all: 99.2, plain: 99.2, long: 98.4, entry: 84.7, categoryEntry: 84.6, inUnknownMax: 0.3}},
		{"testdata/fresh29-second.tsv", floors{all: 99.2, plain: 99.2, long: 98.4, entry: 84.7, categoryEntry: 84.6, inUnknownMax: 0.3}},
		{"testdata/blind44.tsv", floors{all: 98.6, plain: 98.4, long: 98.2, oos: 97.9, entry: 85.2, categoryEntry: 86.5, inUnknownMax: 0.7}},
		{"testdata/blind44-second.tsv", floors{all: 98.6, plain: 98.4, long: 98.2, oos: 97.9, entry: 85.3, categoryEntry: 85.6, inUnknownMax: 0.7}},
		{"testdata/blind43.tsv", floors{all: 97.2, plain: 96.9, long: 96.5, oos: 96.1, entry: 79.5, categoryEntry: 78.1, inUnknownMax: 0.6}},
		// blind42 and blind43 with adjudicated entries (the topics as
		// above): four helpers, two a set, read each in-scope line with
		// both labellers' entries and the answers' first lines and kept
		// the entries whose answer answers the question (testdata
		// README). Measured once labelled, on 19d2b44: right entry 390 of
		// 495 and 417 of 531, category named 273 of 353 (77.3) and 289 of
		// 382 (75.7). Floors one line below. Session 40 (as blind41):
		// right entry 393 and 423, category named 274 (77.6) and 293 of
		// 382 (76.7).
		{"testdata/blind42-adjudicated.tsv", floors{all: 95.3, plain: 96.1, long: 93.3, oos: 96.7, entry: 79.1, categoryEntry: 77.3, inUnknownMax: 2.1}},
		{"testdata/blind43-adjudicated.tsv", floors{all: 97.2, plain: 96.9, long: 96.5, oos: 96.1, entry: 79.1, categoryEntry: 75.9, inUnknownMax: 0.6}},
		// blind30 (607, written in the twenty-fifth session the same way,
		// sealed outside the repository until its measurement by the
		// lead, 2026-12-02; misses hidden): on 6dadd10 (the session's
		// start) and c23a6ca alike 97.7, 98.1, 96.9, 97.5, 0.8, 83.2 /
		// 82.2 (open: right entry where the category is named). Floors at
		// the targets, the right-entry floors one line below.
		{"testdata/blind30.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 82.9, categoryEntry: 81.8, inUnknownMax: 3}},
		// blind29 (629, written at the start of the twenty-fifth session
		// the same way, sealed outside the repository until its
		// measurement by the lead, 2026-12-02; misses hidden): on 6dadd10
		// (the session's start) and 785168c alike 98.9, 99.0, 98.4, 98.4,
		// 0.2, 86.3 / 84.5 (open: right entry where the category is
		// named). Floors at the targets, the right-entry floors one
		// line below.
		{"testdata/blind29.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 86.0, categoryEntry: 83.2, inUnknownMax: 3}},
		{"testdata/blind28.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 80.4, categoryEntry: 80.1, inUnknownMax: 3}},
		{"testdata/blind27.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 86.1, categoryEntry: 85.4, inUnknownMax: 3}},
		{"testdata/blind26.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 85.9, categoryEntry: 85.8, inUnknownMax: 3}},
		// blind25 (602, written at the start of the twenty-first session
		// the same way, sealed outside the repository until its measurement
		// by the lead, 2026-12-01; its misses are hidden, see hiddenMisses):
		// on a1a1f55 (the session's start) 97.2, 96.8, 98.4, 98.3, 1.0,
		// 82.5 / 81.5; on a69d4f9 82.3 / 81.2 (open: right entry where the
		// category is named). Floors at the targets, the
		// right-entry floors one line below.
		{"testdata/blind25.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 82.1, categoryEntry: 80.9, inUnknownMax: 3}},
		// blind24 (606, written in the twentieth session after blind23 was
		// committed, the same way, sealed outside the repository until its
		// measurement by the lead, 2026-12-01): on d198fc0 97.9, 98.3,
		// 97.9, 99.2, 0.6, 80.9 / 80.8 (open: right entry where the
		// category is named). Floors at the targets, the
		// right-entry floors one line below.
		{"testdata/blind24.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 80.6, categoryEntry: 80.4, inUnknownMax: 3}},
		// blind23 (619, written at the start of the twentieth session the
		// same way, sealed outside the repository until its measurements by
		// the lead, 2026-12-01): on 4e8addc (the session's start) and on
		// b045746 alike (no matcher change) 97.7, 98.7, 97.4, 100, 0.4,
		// 82.8 / 82.7 (open: right entry where the category is named).
		// Floors at the targets, the right-entry floors one line
		// below.
		{"testdata/blind23.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 82.6, categoryEntry: 82.3, inUnknownMax: 3}},
		// blind22 (605, written at the start of the nineteenth session the
		// same way, sealed outside the repository until its measurement by
		// the lead, 2026-12-01): on a20dbb3 (the session's start, no
		// matcher change since) 97.7, 97.2, 97.9, 100, 1.2, 81.4 / 80.8
		// (open: right entry where the category is named). Floors at the
		// issue's targets, the right-entry floors one line below.
		{"testdata/blind22.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 81.2, categoryEntry: 80.4, inUnknownMax: 3}},
		// blind21 (619, written in the eighteenth session after blind20 was
		// committed, the same way, sealed outside the repository until its
		// measurements by the lead, 2026-12-01): on 743df8f (the session's
		// start) and on 00f80c1 alike 98.4, 98.3, 98.5, 99.2, 0.4, 84.1 /
		// 84.7 (open: right entry where the category is named). Floors at
		// the targets, the right-entry floors one line below.
		{"testdata/blind21.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 83.9, categoryEntry: 84.3, inUnknownMax: 3}},
		// blind20 (606, written at the start of the eighteenth session the
		// same way, sealed outside the repository until its measurements by
		// the lead, 2026-12-01): on 743df8f (the session's start) 98.5,
		// 98.4, 98.1, 99.2, 0.0, 86.4 / 84.8; on 17d24ff 98.7, 98.4, 98.5,
		// 99.2, 0.0, 86.8 / 85.5 (open: right entry where the category is
		// named). Floors at the targets, the right-entry floors one
		// line below.
		{"testdata/blind20.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 86.6, categoryEntry: 85.1, inUnknownMax: 3}},
		// blind19 (626, written in the seventeenth session after blind18 was
		// committed, the same way, sealed outside the repository until its
		// measurements by the lead, 2026-12-01): on 823e14a (the session's
		// start) and on 6d11ad4 (its final matcher) alike 97.9, 98.0, 97.5,
		// 98.3, 0.4, 81.8 / 81.4 (open: right entry where the category is
		// named). Floors at the targets, the right-entry floors one
		// line below.
		{"testdata/blind19.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 81.5, categoryEntry: 81.0, inUnknownMax: 3}},
		// blind18 (628, written at the start of the seventeenth session the
		// same way, sealed outside the repository until its two
		// measurements by the lead, 2026-12-01): on the starting commit
		// 823e14a and on the final matcher (da7ef8d) alike 96.8, 96.6,
		// 94.3, 97.6, 1.4, 81.3 / 80.6 (open: right entry where the
		// category is named). Floors at the targets, the
		// right-entry floors one line below.
		{"testdata/blind18.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 81.0, categoryEntry: 80.2, inUnknownMax: 3}},
		// blind17 (607, written in the sixteenth session after blind16 was
		// committed, the same way, sealed outside the repository until its
		// two measurements by the lead, 2026-12-01): on f2a2085 and on the
		// final matcher (712d3c8) alike 97.7, 97.7, 97.3, 99.1, 0.4, 87.6 /
		// 88.4 (open: right entry where the category is named). Floors at
		// the targets, the right-entry floors one line below.
		{"testdata/blind17.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 87.3, categoryEntry: 88.0, inUnknownMax: 3}},
		// blind16 (597, written at the start of the sixteenth session the
		// same way, sealed outside the repository until its two
		// measurements by the lead, 2026-12-01): on the starting commit
		// f2a2085 and on the final matcher (cdeb969: the matcher's readings
		// unchanged, fewer false alarms in the danger detector) alike 96.0,
		// 95.6, 94.0, 95.0, 0.2, 88.1 / 88.2 (open: right entry where the
		// category is named; its two labellers agree on 95.2% of those
		// lines). Floors at the targets, the right-entry floors one
		// line below.
		{"testdata/blind16.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 87.8, categoryEntry: 87.8, inUnknownMax: 3}},
		// blind15 (533, written at the start of the fifteenth session the
		// same way, sealed outside the repository until its two
		// measurements by the lead, 2026-12-01): on the starting commit
		// df3afb3 97.6, 97.7, 97.6, 98.1, 0.0, 86.7 / 87.6; on the final
		// matcher (700bc57: the matcher's readings unchanged, the danger
		// detector's false alarms on relief questions and folded words
		// removed) 97.7, 98.1, 97.6, 98.1, 0.0, 86.9 / 87.6 (open: right
		// entry). Floors at the targets where met, the right-entry
		// floors one line below the start.
		{"testdata/blind15.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 86.4, categoryEntry: 87.2, inUnknownMax: 3}},
		// blind14 (479, written at the start of the fourteenth session the
		// same way, sealed outside the repository until its two
		// measurements by the lead, 2026-12-01): on the starting commit
		// 85de7a4 97.7, 97.2, 99.3, 98.9, 0.3, 86.5 / 86.5; on the final
		// matcher (0930bf2: citizen batches 18 to 23, short messages
		// borrowing their subject) 97.5, 96.8, 98.7, 97.9, 0.3, 84.9 / 85.3
		// (open: right entry). Floors at the targets where met, the
		// right-entry floors one line below.
		{"testdata/blind14.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 84.6, categoryEntry: 84.9, inUnknownMax: 3}},
		// blind13 (413, written at the start of the thirteenth session the
		// same way, sealed outside the repository until its two
		// measurements by the lead, 2026-11-30): on the starting commit
		// ba8c92a 96.1, 95.9, 96.7, 94.4, 0.3, 90.1 / 88.1; on the final
		// matcher (f11b2b1, citizen batches 16 and 17) 97.6, 96.8, 99.3,
		// 97.8, 0.3, 92.6 / 90.6. Every target met: the floors are the
		// issue's targets, and the labelled-entry floor one line below.
		// With the entry messages (session 29, EntryFile) 92.0 / 89.8
		// (211 of 235, one line fewer; the held-out sets together gain):
		// the category floor one line below that.
		{"testdata/blind13.tsv", floors{all: 95, plain: 93, long: 92, oos: 95, entry: 90.7, categoryEntry: 88.5, inUnknownMax: 3}},
		// blind12 (476, written at the start of the twelfth session the
		// same way, sealed outside the repository until its two
		// measurements by the lead, 2026-11-30): on the starting commit
		// d2d2903 95.4, 94.1, 97.1, 93.9, 0.3, 84.4 / 84.3; on the final
		// matcher (6141b98) 95.4, 93.8, 97.1, 93.9, 0.3, 85.2 / 84.9 (open:
		// out of scope → unknown and right entry). Floors one line below.
		{"testdata/blind12.tsv", floors{all: 95.1, plain: 93.4, long: 96.4, oos: 95, entry: 84.3, categoryEntry: 83.3, inUnknownMax: 0.6}},
		// blind10 (469, written at the start of the tenth session the same
		// way, sealed outside the repository until its two measurements by
		// the lead, 2026-11-30): on the starting commit b8390e1 94.7, 94.6,
		// 96.1, 99.0, 0.5, 82.2 / 82.0; on the final matcher (c4503fe)
		// 94.9, 95.3, 96.1, 98.0, 0.3, 83.5 / 83.8 (open: topic one line
		// short of 95, right entry). Floors one line below.
		{"testdata/blind10.tsv", floors{all: 94.6, plain: 94.9, long: 95.5, oos: 96.9, entry: 83.2, categoryEntry: 83.4, inUnknownMax: 0.6}},
		// blind9 (466, written at the start of the ninth session by a writer
		// who saw only the issue and the topic list, and the entry titles
		// for the entry column; sealed outside the repository until its two
		// measurements, 2026-11-30): on the session's starting commit
		// d3ef5ed 95.7, 95.4, 95.7, 92.8, 0.0, 85.4 / 84.6; on its final
		// matcher (1d06819) 95.3, 95.4, 95.1, 92.8, 0.3, 85.1 / 84.3 (open:
		// out of scope and right entry). Floors one line below; the
		// right-entry floors two lines below (312 / 289), since the tenth
		// session's citizen batches 10 and 11 (their in-scope lines) read
		// one line lower there while every own and held-out set rose.
		{"testdata/blind9.tsv", floors{all: 95.0, plain: 94.9, long: 94.4, oos: 92.7, entry: 84.5, categoryEntry: 83.7, inUnknownMax: 0.6}},
		// blind8 (466, written at the start of the eighth session by a writer
		// who saw only the issue and the topic list, and the entry titles
		// for the entry column; sealed outside the repository until its two
		// measurements, 2026-11-30): on the session's starting commit
		// d6c450d 95.1, 93.5, 96.9, 98.0, 0.3, 84.0 / 84.0; on its final
		// matcher (8b120db) 95.5, 94.4, 96.2, 99.0, 0.0, 86.3 / 86.2 (open:
		// right entry), and floors set one line below. A third look on
		// 8b06c83, after the session's last safety and scope mends: the same
		// but right entry 86.0 / 85.9 (one line), on its floors. Session 9:
		// the right-entry floors sit two lines lower because at 86.0 / 85.9
		// any example added anywhere reshuffles training and moves them by a
		// line or two (one unrelated jobs example alone: 387/451, 316/369);
		// the electricity ownership (CV right entry 78.6 -> 79.1, citizen5/7
		// held out +0.8 pooled) reads 386/451, 315/369. The housing and
		// poverty_status ownership (citizen CV right entry 78.6 -> 79.1 on its
		// own, citizen3/7 held out +0.6/+0.5 pooled, fresh6 78.0 -> 78.2)
		// stays within them. The loan and health insurance ownership
		// (citizen CV right entry 79.3 -> 79.4 pooled over three seeds,
		// citizen5 / citizen7 held out 81.6 -> 82.5 / 81.3 -> 82.6, citizen3
		// 74.2 -> 74.3) reads 383/451, 313/369 beside it; each of its three parts
		// alone reads 1 to 3 lines lower, as an unrelated example does.
		// On the session's final matcher (1d06819, with the entry model's
		// join and citizen batch 9a) the lead read 389/451, 319/369 (86.3 /
		// 86.4); the floors sit two lines below that.
		{"testdata/blind8.tsv", floors{all: 95.2, plain: 93.9, long: 95.6, oos: 97.9, entry: 85.8, categoryEntry: 85.9, inUnknownMax: 0.6}},
		// blind6's and blind3's right-entry floors are two and three lines
		// lower since citizen batch 5 (466 lines, session 7): held out whole,
		// the other batches read it at topic 95.0, out of scope 94.0, right
		// entry 73.3; trained, it raised out of scope → unknown on the third
		// batch held out from 89.6 to 94.8 and right entry on the fourth held
		// out from 80.6 to 82.8 (the third's fell from 72.1 to 70.3), and the
		// cross-validation's right entry on the first 1,746 lines from 75.8
		// to 76.2. blind6 then read 319/379, 289/344 (was 321, 291); blind3
		// 96/107 (was 99).
		{"testdata/blind6.tsv", floors{all: 95.5, plain: 95.1, long: 95.7, oos: 97.9, entry: 84.1, categoryEntry: 83.9, inUnknownMax: 0.6}},
		{"testdata/blind5.tsv", floors{all: 95.2, plain: 94.8, long: 95.8, oos: 96.8, entry: 84.9, categoryEntry: 85, inUnknownMax: 0.6}},
		// blind4's out-of-scope floor was one line lower after citizen batch
		// 4 (session 6: 78 of 83); since batch 5 and the seventh session's
		// out-of-scope examples it reads 80 of 83, and the floor is back
		// above the 95% (blind6's out of scope 100 of 101: floor
		// 97.9).
		{"testdata/blind4.tsv", floors{all: 97.6, plain: 97.8, long: 95.7, oos: 95.1, entry: 91.5, categoryEntry: 91, inUnknownMax: 0.4}},
		// blind3's right entry is back at 97 of 107 since borrow.go.
		{"testdata/blind3.tsv", floors{all: 96.2, plain: 95.2, long: 94.8, oos: 98, entry: 90, categoryEntry: 90, inUnknownMax: 2.2}},
		{"testdata/blind2.tsv", floors{all: 97.2, plain: 97, long: 92, oos: 99, entry: 91, categoryEntry: 91, inUnknownMax: 0.5}},
		// blind's unmarked floor is one line lower since citizen batch 5
		// and two examples of social-apply-papers ("do I have to write an
		// application"): 82 of 85 (was 83); the citizen cross-validation
		// read topic 96.4 → 96.5, out of scope 96.3 → 96.6 with them.
		{"testdata/blind.tsv", floors{all: 96.7, plain: 96.4, long: 0, oos: 99, entry: 0, inUnknownMax: 0.6}},
		// The own entry set (written before it was measured, then tuned on):
		// the right-entry target.
		{"testdata/entries.tsv", floors{all: 95, entry: 90, inUnknownMax: 3}},
		// The second own entry set (written before it was measured: 81 of
		// 91 right entries then; 85 after the facets and the benefits'
		// "ưu đãi" examples).
		{"testdata/entries2.tsv", floors{all: 97, entry: 90, categoryEntry: 90, inUnknownMax: 1}},
		// The third own entry set (the thing asked after "thì" against the
		// category's entry; written before it was measured: 11 of 12 with
		// and without the reading of the thing asked).
		{"testdata/entries3.tsv", floors{all: 100, entry: 90, categoryEntry: 90, inUnknownMax: 0}},
		// The other own sets of the fourth session (each written before it
		// was measured, then tuned on): unmarked 179 of 181, long 66 of 68,
		// oos 101 of 104 (out of scope 59 of 60, in scope → unknown 0 of 44).
		{"testdata/unmarked.tsv", floors{all: 98.3, plain: 98.3, oos: 100, inUnknownMax: 0.5}},
		{"testdata/long.tsv", floors{all: 97, long: 97, inUnknownMax: 1}},
		// Messages as voice-to-text types them (session 35, written before
		// they were measured, then tuned on: the address closing a question
		// told first, "hỏi là" in a run-on message): 377 → 382 of 400, long
		// 120 → 125 of 137, in scope → unknown 7 → 5 of 320.
		{"testdata/voice.tsv", floors{all: 95.2, long: 90.5, oos: 98, inUnknownMax: 1.6}},
		// A held-out set in the same style by another writer (session 35,
		// sealed outside the repository until measured; misses hidden):
		// 241 of 250 before and after the spoken readings, long 80 of 84,
		// out of scope 50 of 50, in scope → unknown 6 of 200. Floors at the
		// issue's targets.
		{"testdata/blindvoice.tsv", floors{all: 95, long: 92, oos: 95, inUnknownMax: 3}},
		// oos one line lower since the second batch of citizen messages
		// (450 lines, session 5): it raised the citizen cross-validation on
		// the first 499 lines (topic 95.6 → 96.2, right entry 71.4 → 72.9)
		// and moved one borderline line: oos 100 of 104 (a factory's hiring
		// question now read as out of scope, in scope → unknown 1 of 44).
		{"testdata/oos.tsv", floors{all: 96, oos: 98, inUnknownMax: 2.5}},
		// The sixth session's out-of-scope asks with the household category
		// told as background, and in-scope asks naming it (written before
		// they were measured: 16 of 17, out of scope 10 of 11, in scope →
		// unknown 0 of 6; the same with the category-background scope rule:
		// on the whole knowledge base the classifier already reads the
		// vaccination and insurance lines, the rule shows in the citizen
		// cross-validation. The miss, a call-up deferment, has too weak an
		// out-of-scope reading for the rule: poverty status 0.42).
		{"testdata/oos2.tsv", floors{all: 94, oos: 90, inUnknownMax: 0}},
		// The fifth session's topic probes (written before any measurement
		// on them): 73 of 76 on main without that session's topic work, 75
		// with it.
		{"testdata/probe5.tsv", floors{all: 97, oos: 100, inUnknownMax: 0}},
		// The dev set must not drop below the matcher's figure before the
		// classifier: 130 of 132.
		{"../../shared/dev-questions.tsv", floors{all: 98.4, plain: 93, oos: 95, inUnknownMax: 3}},
	}
	for _, s := range sets {
		t.Run(s.path[strings.LastIndex(s.path, "/")+1:], func(t *testing.T) {
			checkFloors(t, evaluate(t, kb, s.path, day), s.f)
		})
	}
}
