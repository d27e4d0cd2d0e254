package content

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tuneCitizen cross-validates on the citizen messages only (ANSINH_TUNE=
// citizen): five folds, each built from every kb example plus the other
// four fifths of the citizen messages, reporting the matcher's and the
// plain baseline SVM's topic accuracy on the held-out fifth. The citizen
// messages were written by people who never saw the knowledge base, so
// this is the tuning signal closest to fresh text. configs names match-time
// settings to compare (the folds are built once); ANSINH_TUNE_NOBASE=1
// skips the baseline. ANSINH_TUNE_CITIZEN_HELD=N holds out only the first N
// lines of the citizen file and trains every fold on the later ones, so a
// batch of new lines is measured on the same held-out messages as before it
// was added.
//
// ANSINH_TUNE_HOLDOUT holds out one batch instead of a fifth: a batch name
// of the file ("# batch NAME" starts one; "first" is the lines before any)
// or a range of its lines ("lines:520-919"); every other citizen message
// trains. Batches come from different writers, so this asks how well one
// writer's messages teach the matcher another's. ANSINH_TUNE_WEIGHTS
// ("0.5,0.75,1") rebuilds the folds with each retrieval weight of a
// citizen message (weightCitizen), its syllables weighed by clause and
// not (citizenClauses), and reports the live configuration.
func tuneCitizen(t *testing.T, entries []*Entry, ex *expander, fv *followVocab, gen *generalTable, day Date, configs map[string]func()) {
	folds := 5
	hold := citizenHoldout(t)
	if hold != nil {
		folds = 1
	}
	type held struct{ text, topic, key string }
	folded := make([][]*Entry, folds)
	heldOut := make([][]held, folds)
	heldSet := citizenHeld(t)
	j := 0
	for f := range folds {
		for _, e := range entries {
			c := *e
			c.Examples, c.Citizen, c.Unindexed = slices.Clone(e.OwnExamples()), 0, 0
			folded[f] = append(folded[f], &c)
		}
	}
	for k, e := range entries {
		for _, x := range e.IndexedExamples()[len(e.OwnExamples()):] {
			if heldSet != nil && !heldSet[x] {
				for f := range folds {
					folded[f][k].Examples = append(folded[f][k].Examples, x)
					folded[f][k].Citizen++
				}
				continue
			}
			for f := range folds {
				out := j%folds == f
				if hold != nil {
					out = hold[exampleKey(x)]
				}
				if out {
					heldOut[f] = append(heldOut[f], held{x, e.Topic, e.Key})
				} else {
					folded[f][k].Examples = append(folded[f][k].Examples, x)
					folded[f][k].Citizen++
				}
			}
			j++
		}
	}
	// EntryFile's lines train every fold's models, not its retrieval, as at load.
	for k, e := range entries {
		only := e.Examples[len(e.IndexedExamples()):]
		for f := range folds {
			c := folded[f][k]
			c.Examples = append(c.Examples, only...)
			c.Citizen += len(only)
			c.Unindexed = len(only)
		}
	}
	var curKB *KB // the fold's knowledge base, for the category asked in ANSINH_TUNE_SHOW=entry
	type tally struct{ ok, n, plainOK, plainN, longOK, longN, oosOK, oosN, inUnk, inN, entOK, catOK, catN, oneOK, catOneOK int }
	// add counts a reply's topic (got) and, for the matcher, its entry
	// (nil for the baseline, which reads topics only).
	add := func(s *tally, h held, got string, entry *Entry) {
		right := got == h.topic || got == TopicUnknown && h.topic == TopicOutOfScope
		b := func(c bool) int {
			if c {
				return 1
			}
			return 0
		}
		s.n++
		s.ok += b(right)
		if !strings.ContainsFunc(h.text, func(r rune) bool { return r > unicode.MaxASCII && unicode.IsLetter(r) }) {
			s.plainN++
			s.plainOK += b(right)
		}
		if utf8.RuneCountInString(h.text) > 150 {
			s.longN++
			s.longOK += b(right)
		}
		if h.topic == TopicOutOfScope {
			s.oosN++
			s.oosOK += b(got == TopicUnknown || got == TopicOutOfScope)
		} else {
			s.inN++
			s.inUnk += b(got == TopicUnknown || got == TopicOutOfScope)
			right := entry != nil && entry.Key == h.key
			s.entOK += b(right)
			if categories(ex.syllables(nil, h.text), nil) != 0 {
				s.catN++
				s.catOK += b(right)
				if !right && entry != nil && os.Getenv("ANSINH_TUNE_SHOW") == "entry" {
					t.Logf("ENTRY %s → %s [%s]: %s", h.key, entry.Key, curKB.askedHousehold(h.text), h.text)
				}
			}
		}
	}
	pct := func(a, n int) float64 { return 100 * float64(a) / float64(max(n, 1)) }
	show := func(name string, s tally, entries bool) {
		t.Logf("%-30s topic %5.1f%% (%d)  unmarked %5.1f%% (%d)  long %5.1f%% (%d)  oos→unknown %5.1f%%  in→unknown %4.1f%%",
			name, pct(s.ok, s.n), s.n, pct(s.plainOK, s.plainN), s.plainN, pct(s.longOK, s.longN), s.longN, pct(s.oosOK, s.oosN), pct(s.inUnk, s.inN))
		if entries {
			t.Logf("%-30s right entry %5.1f%% (%d)  category named %5.1f%% (%d)", name, pct(s.entOK, s.inN), s.inN, pct(s.catOK, s.catN), s.catN)
			t.Logf("%-30s right entry or one of the two \"Chưa đúng ý tôi\" offers %5.1f%%  category named %5.1f%%", name, pct(s.oneOK, s.inN), pct(s.catOneOK, s.catN))
		}
	}
	names := make([]string, 0, len(configs))
	for name := range configs {
		names = append(names, name)
	}
	slices.Sort(names)
	// ANSINH_TUNE_SHOW=1 logs the live configuration's misses.
	showMiss := os.Getenv("ANSINH_TUNE_SHOW") != ""
	// ANSINH_TUNE_SHOW=entryall logs, for the live configuration only, every
	// held-out in-scope message answered in the right topic with another
	// entry, with the topic's entries as the open band ranks them.
	showEntries := os.Getenv("ANSINH_TUNE_SHOW") == "entryall"
	if showEntries {
		showMiss = false
		configs = map[string]func(){citizenShown: configs[citizenShown]}
		names = []string{citizenShown}
	}
	kbs := make([]*KB, folds)
	// ANSINH_TUNE_DETECTOR=1 gives every fold the danger detector, as
	// Load does (the folds are built without it): its false alarms then
	// count, as they do on fresh messages.
	var det *detector
	if os.Getenv("ANSINH_TUNE_DETECTOR") != "" {
		full, err := Load(Embedded())
		if err != nil {
			t.Fatal(err)
		}
		det = full.det
		citizenAlarms(t, entries, det)
	}
	buildFolds := func() {
		for f := range folds {
			kbs[f] = build(folded[f], ex)
			kbs[f].fv, kbs[f].det, kbs[f].general = fv, det, gen
		}
	}
	// ANSINH_TUNE_FAMILY=1 counts, per held-out in-scope message, the
	// answers the family step changes (categoryMember alone, familyShare
	// alone, both) and whether the labelled entry is the one after the
	// change or before it; =lines logs each change too.
	// ANSINH_TUNE_FAMILYOWN=0 measures without familyOwn.
	famMode := os.Getenv("ANSINH_TUNE_FAMILY")
	if os.Getenv("ANSINH_TUNE_FAMILYOWN") == "0" {
		defer func(v bool) { familyOwn = v }(familyOwn)
		familyOwn = false
	}
	type famTally struct{ changed, fixed, broke, neither int }
	fam := map[string]*famTally{}
	famAdd := func(name string, off, on *Entry, key string) {
		if off == on {
			return
		}
		ft := fam[name]
		if ft == nil {
			ft = &famTally{}
			fam[name] = ft
		}
		ft.changed++
		switch {
		case on != nil && on.Key == key:
			ft.fixed++
		case off != nil && off.Key == key:
			ft.broke++
		default:
			ft.neither++
		}
	}
	defer func() {
		if famMode == "" {
			return
		}
		ks := make([]string, 0, len(fam))
		for k := range fam {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		for _, k := range ks {
			ft := fam[k]
			t.Logf("FAMTALLY %-60s changed %4d  right after %4d  right before %4d  neither %4d", k, ft.changed, ft.fixed, ft.broke, ft.neither)
		}
	}()
	evaluate := func(name string, shown bool) tally {
		var s tally
		for f, kb := range kbs {
			curKB = kb
			for _, h := range heldOut[f] {
				r := kb.Match(h.text, day)
				if famMode != "" && h.topic != TopicOutOfScope {
					familyMember = false
					r0 := kb.Match(h.text, day)
					familyShare = false
					r2 := kb.Match(h.text, day)
					familyMember = true
					r1 := kb.Match(h.text, day)
					familyShare = true
					id := func(e *Entry) string {
						if e == nil {
							return "-"
						}
						return e.ID
					}
					cat := " [" + kb.askedHousehold(h.text) + "]"
					named := categories(ex.syllables(nil, h.text), nil) != 0
					for _, v := range []struct {
						n   string
						off *Entry
					}{{"member", r0.Entry}, {"share", r1.Entry}, {"both", r2.Entry}} {
						famAdd(v.n, v.off, r.Entry, h.key)
						if named {
							famAdd(v.n+" catnamed", v.off, r.Entry, h.key)
						}
						if v.off != r.Entry {
							famAdd(v.n+" "+id(v.off)+"→"+id(r.Entry)+cat, v.off, r.Entry, h.key)
							if famMode == "lines" {
								t.Logf("FAM %s %s→%s want %s%s: %s", v.n, id(v.off), id(r.Entry), h.key, cat, h.text)
							}
						}
					}
				}
				got := r.Topic
				if r.Alarm != "" && h.topic == TopicOutOfScope {
					// The danger detector's reply is no policy answer
					// (as the understanding report counts it).
					got = TopicUnknown
				}
				add(&s, h, got, r.Entry)
				if h.topic != TopicOutOfScope {
					// The answer, or one of the next two best entries that
					// "Chưa đúng ý tôi" offers (Alternatives).
					one := r.Entry != nil && r.Entry.Key == h.key
					if !one && r.Entry != nil {
						var ids []string
						for _, e := range kb.Alternatives(h.text, day, r.Entry, 2) {
							one = one || e.Key == h.key
							ids = append(ids, e.ID)
						}
						if os.Getenv("ANSINH_TUNE_SHOW") == "alt" {
							t.Logf("ALT %v %s → %s %v: %s", one, h.key, r.Entry.ID, ids, h.text)
						}
					}
					if one {
						s.oneOK++
						if categories(ex.syllables(nil, h.text), nil) != 0 {
							s.catOneOK++
						}
					}
				}
				if showEntries && shown && got == h.topic && r.Entry != nil && r.Entry.Key != h.key {
					named := ""
					if categories(ex.syllables(nil, h.text), nil) != 0 {
						named = " [cat " + kb.askedHousehold(h.text) + "]"
					}
					t.Logf("ENTRY %s → %s%s: %s%s", h.key, r.Entry.Key, named, h.text, tuneEntryRanks(kb, h.text, h.key, day))
				}
				if showMiss && shown && got != h.topic && (got != TopicUnknown || h.topic != TopicOutOfScope) {
					why := ""
					if os.Getenv("ANSINH_TUNE_SHOW") == "why" && got == TopicUnknown {
						why = " [" + kb.Explain(h.text, day, 3).Unknown + "]"
					}
					t.Logf("MISS %s→%s: %s%s", h.topic, got, h.text, why)
				}
			}
		}
		show(name, s, true)
		return s
	}
	if ss := os.Getenv("ANSINH_TUNE_SEEDS"); ss != "" {
		// The live configuration with the folds trained on each seed
		// (trainSeed), then all of them pooled: the figures one example
		// more or less can move by the training order alone.
		defer func(v uint64) { trainSeed = v }(trainSeed)
		configs[citizenShown]()
		var all tally
		for _, f := range strings.Split(ss, ",") {
			v, err := strconv.ParseUint(strings.TrimSpace(f), 10, 64)
			if err != nil {
				t.Fatalf("ANSINH_TUNE_SEEDS %q: %v", ss, err)
			}
			trainSeed = v
			buildFolds()
			s := evaluate(fmt.Sprintf("seed %d", v), v == 2026)
			all = tally{all.ok + s.ok, all.n + s.n, all.plainOK + s.plainOK, all.plainN + s.plainN, all.longOK + s.longOK, all.longN + s.longN,
				all.oosOK + s.oosOK, all.oosN + s.oosN, all.inUnk + s.inUnk, all.inN + s.inN, all.entOK + s.entOK, all.catOK + s.catOK, all.catN + s.catN,
				all.oneOK + s.oneOK, all.catOneOK + s.catOneOK}
		}
		show("pooled over seeds", all, true)
		t.Logf("pooled counts: right entry %d of %d, category named %d of %d", all.entOK, all.inN, all.catOK, all.catN)
		t.Logf("pooled counts: topic %d of %d, out of scope → unknown %d of %d, in scope → unknown %d of %d", all.ok, all.n, all.oosOK, all.oosN, all.inUnk, all.inN)
		return
	}
	if ws := os.Getenv("ANSINH_TUNE_WEIGHTS"); ws != "" {
		defer func(w float64, c bool) { weightCitizen, citizenClauses = w, c }(weightCitizen, citizenClauses)
		configs[citizenShown]()
		for _, c := range []bool{true, false} {
			citizenClauses = c
			for _, f := range strings.Split(ws, ",") {
				w, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
				if err != nil {
					t.Fatalf("ANSINH_TUNE_WEIGHTS %q: %v", ws, err)
				}
				weightCitizen = w
				buildFolds()
				evaluate(fmt.Sprintf("citizen weight %.2f clauses %v", w, c), false)
			}
		}
		return
	}
	buildFolds()
	for _, name := range names {
		configs[name]()
		evaluate("matcher "+name, name == citizenShown)
	}
	if os.Getenv("ANSINH_TUNE_NOBASE") != "" {
		return
	}
	var s tally
	for f := range folds {
		m := trainSVMOn(folded[f])
		for _, h := range heldOut[f] {
			add(&s, h, Topics[m.predict(h.text)], nil)
		}
	}
	show("baseline SVM", s, false)
}

// citizenHoldout returns the folded messages of the citizen batch that
// ANSINH_TUNE_HOLDOUT names (tuneCitizen), nil when it is unset.
func citizenHoldout(t *testing.T) map[string]bool {
	spec := os.Getenv("ANSINH_TUNE_HOLDOUT")
	if spec == "" {
		return nil
	}
	text := citizenFileText(t, Embedded())
	lo, hi := 0, 0
	if r, ok := strings.CutPrefix(spec, "lines:"); ok {
		a, b, _ := strings.Cut(r, "-")
		var errA, errB error
		lo, errA = strconv.Atoi(a)
		hi, errB = strconv.Atoi(b)
		if errA != nil || errB != nil || hi < lo {
			t.Fatalf("ANSINH_TUNE_HOLDOUT %q: want lines:FIRST-LAST", spec)
		}
	}
	hold := map[string]bool{}
	batch := "first"
	for i, line := range strings.Split(text, "\n") {
		if name, ok := strings.CutPrefix(line, "# batch "); ok {
			batch, _, _ = strings.Cut(name, ":")
			continue
		}
		cols := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(cols) != 3 || line == citizenHeader {
			continue
		}
		if lo > 0 && i+1 >= lo && i+1 <= hi || lo == 0 && batch == spec {
			hold[exampleKey(cols[1])] = true
		}
	}
	if len(hold) == 0 {
		t.Fatalf("ANSINH_TUNE_HOLDOUT %q names no citizen message", spec)
	}
	return hold
}

// citizenShown is the configuration whose misses ANSINH_TUNE_SHOW logs in
// the citizen mode: the one the matcher runs with (the SVM view at its
// tuned blend).
var citizenShown = fmt.Sprintf("svm β %.2f T %.2f", svmTunedBeta, svmTemp)

// citizenHeld returns the messages of the first ANSINH_TUNE_CITIZEN_HELD
// lines of the citizen file, nil when the variable is unset (all are held
// out in turn).
func citizenHeld(t *testing.T) map[string]bool {
	v := os.Getenv("ANSINH_TUNE_CITIZEN_HELD")
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("ANSINH_TUNE_CITIZEN_HELD=%q: want a positive number of lines", v)
	}
	fsys := Embedded()
	entries, err := readEntries(fsys)
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := parseCitizen(citizenFileText(t, fsys), entries)
	held := make(map[string]bool, n)
	for _, l := range lines[:min(n, len(lines))] {
		held[l.message] = true
	}
	t.Logf("holding out the first %d of %d citizen lines; the rest train every fold", len(held), len(lines))
	return held
}

// citizenAlarms logs how many citizen messages labelled with an entry that
// is not urgent raise an alarm of the danger detector (with
// ANSINH_TUNE_DETECTOR=1): false alarms on messages written by people who
// never saw the vocabulary, the figure a change to emergency.yaml must not
// raise. A request for medical advice (health_advice, no urgent ticket) is
// counted apart. ANSINH_TUNE_SHOW=alarm lists them.
func citizenAlarms(t *testing.T, entries []*Entry, det *detector) {
	var n, urgent, advice int
	for _, e := range entries {
		if e.Urgent {
			continue
		}
		for _, x := range e.Examples[len(e.OwnExamples()):] {
			n++
			a, ok := det.detect(x)
			if !ok {
				continue
			}
			if a.Urgent {
				urgent++
			} else {
				advice++
			}
			if os.Getenv("ANSINH_TUNE_SHOW") == "alarm" {
				t.Logf("ALARM %s (%s) on %s: %s", a.Kind, a.Phrase, e.ID, x)
			}
		}
	}
	t.Logf("danger detector on %d citizen messages labelled with no urgent entry: %d raise an alarm (%d urgent, %d medical questions)", n, urgent+advice, urgent, advice)
}

// tuneScopeConfigs are the scope settings ANSINH_TUNE_SCOPE=1 compares on
// the citizen messages, the SVM view as shipped: a programme the household
// already receives read as background next to an outside marker
// (scopeStatus), the margin rule for a category told only as background
// (bgMarginRule) and a category told as who the writer is (scopeSelf),
// each on and off, and the outside readings (outsideAsked, outsideCue)
// off; the shipped one is citizenShown.
func tuneScopeConfigs() map[string]func() {
	configs := map[string]func(){}
	set := func(st, bg, self bool, share, margin float64) func() {
		return func() {
			svmBeta, svmKeepOOS, svmAgreeOOS = svmTunedBeta, true, true
			scopeStatus, bgMarginRule, scopeSelf, bgMargin, oosMargin = st, bg, self, share, margin
			scopeReading = true
		}
	}
	for _, st := range []bool{false, true} {
		for _, bg := range []bool{false, true} {
			for _, self := range []bool{false, true} {
				name := fmt.Sprintf("scope received %v, background margin %v, self %v", st, bg, self)
				if st && bg && self {
					name = citizenShown
				}
				configs[name] = set(st, bg, self, bgMargin, oosMargin)
			}
		}
	}
	for _, m := range []float64{0.5, 0.6, 0.9} {
		configs[fmt.Sprintf("scope all on, background oos share %.2f", m)] = set(true, true, true, m, oosMargin)
	}
	for _, m := range []float64{0.85, 0.9} {
		configs[fmt.Sprintf("scope all on, oos margin %.2f", m)] = set(true, true, true, bgMargin, m)
	}
	configs["scope all on, outside readings off"] = func() {
		set(true, true, true, bgMargin, oosMargin)()
		scopeReading = false
	}
	return configs
}

// citizenFileText is CitizenFile's text in fsys ("" when it has none).
func citizenFileText(t *testing.T, fsys fs.FS) string {
	t.Helper()
	files, err := readCitizen(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.name == CitizenFile {
			return f.text
		}
	}
	return ""
}
