package content

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"
)

// KB is a loaded, checked knowledge base with its matcher. It is immutable
// and safe for concurrent use.
type KB struct {
	entries []*Entry
	byID    map[string]*Entry
	byKey   map[string][]*Entry
	byTopic map[string][]int // topic -> its entries' indexes, in file order
	ex      *expander
	fv      *followVocab
	general *generalTable // bare questions' entries (general.go)
	ix      *index
	det     *detector
	// detected are the entries only the detector answers (their examples
	// document them): the matcher never picks one, so a near miss never
	// reaches an urgent answer by resemblance.
	detected []int32
	clf      *classifier
	packed   *packedClassifier // clf laid out for reading, nil: read clf
	svm      *svmView          // the SVM view blended into clf (svmview.go)
	// svmAt is where the view's rows are read, paired with the danger
	// model's (svmpair.go); nil q: the view's own.
	svmAt   svmRows
	topicOf []int      // entry -> classifier class
	cats    []category // entry -> household categories its title names
	facets  []facet    // entry -> school levels its title names, persons its title and keywords name
	// facetStart marks the term ids that may start a facet's name.
	facetStart []bool
	pool       sync.Pool // *scratch
}

// Load reads and checks the knowledge base in fsys. Any problem found by
// Check makes it fail; the error is a Problems listing all of them.
func Load(fsys fs.FS) (*KB, error) {
	kb, problems, err := load(fsys)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return kb, nil
}

func load(fsys fs.FS) (*KB, Problems, error) { return loadTrained(fsys, nil) }

// LoadEntries reads and checks the knowledge base in fsys as Load does and
// returns its entries, without training a model: for the tools that list
// or export the content (`ansinh content export`), which match no message.
func LoadEntries(fsys fs.FS) ([]*Entry, error) {
	kb, problems, err := loadTrained(fsys, untrained)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return kb.entries, nil
}

// loadTrained is load with the models tm instead of training them (nil:
// train). untrained leaves every model out: such a KB is for Check, which
// reads the content, not how models read messages, and must never match a
// message.
func loadTrained(fsys fs.FS, tm *trained) (*KB, Problems, error) {
	entries, err := readEntries(fsys)
	if err != nil {
		return nil, nil, err
	}
	abbr, err := fs.ReadFile(fsys, "abbreviations.tsv")
	if err != nil {
		return nil, nil, fmt.Errorf("read abbreviations.tsv: %w", err)
	}
	ex, problems := parseAbbreviations(string(abbr))
	follow, err := readFollowUp(fsys)
	if err != nil {
		return nil, nil, err
	}
	fv, fproblems := parseFollowUp(string(follow), ex)
	problems = append(problems, fproblems...)
	det, detProblems, err := loadDetector(fsys, ex)
	if err != nil {
		return nil, nil, err
	}
	problems = append(problems, detProblems...)
	// A bad line of DangerFile is left out; Check reports it, so it never
	// stops the bot (as CitizenFile's).
	dlines, dproblems, err := readDanger(fsys, det.kinds)
	if err != nil {
		return nil, nil, err
	}
	kb, models := startBuild(entries, ex, tm)
	kb.fv, kb.det = fv, det
	gen, err := readOptional(fsys, GeneralFile)
	if err != nil {
		return nil, nil, err
	}
	if gen != nil {
		var gproblems []string
		kb.general, gproblems = parseGeneral(string(gen), ex, kb.byID)
		problems = append(problems, gproblems...)
	}
	problems = append(problems, check(entries, kb.byID)...)
	problems = append(problems, checkDetector(det, kb.byID)...)
	kb.ix.protected = det.vocab
	det.learn(kb.ix.vocab)
	// The danger model reads messages as the detector splits them, once it
	// knows the knowledge base's words. It trains here, on this goroutine,
	// while the classifier still trains on its own (startBuild).
	det.modelProblems = dproblems
	switch {
	case tm != nil && tm.danger != nil && tm.danger.nc == len(det.kinds)+1:
		// The cache holds the view; the model's own words are read again
		// from its training messages (no training).
		det.model = &dangerModel{view: tm.danger, kinds: det.kinds, own: det.ownWords(dlines, entries)}
	case tm != untrained:
		det.model = det.trainDanger(dlines, entries)
	}
	kb.finishBuild(models)
	if kb.svm != nil && det.model != nil {
		if a, b, ok := pairRows(kb.svm, det.model.view); ok {
			kb.svmAt, det.model.rows = a, b
			det.model.topic, det.model.topicRows = kb.svm, a
		}
	}
	for i, e := range entries {
		if det.answers(e.ID) {
			kb.detected = append(kb.detected, int32(i))
		}
	}
	return kb, problems, nil
}

// build indexes entries and trains the classifier.
func build(entries []*Entry, ex *expander) *KB { return buildWith(entries, ex, nil) }

// trainModels trains the classifier and, when svm is not nil, the SVM view, and
// sends them on clf and svm. The view trains on the terms the classifier's
// documents are made of, once they are made, beside the classifier.
func trainModels(entries []*Entry, ex *expander, clf chan<- *classifier, svm chan<- *svmView) {
	var sv *svmCorpus
	if svm != nil && svmGram <= clfMaxGram {
		sv = &svmCorpus{}
	}
	docs := classifierDocs(entries, ex, Topics, sv)
	if svm != nil {
		go func() {
			if sv == nil {
				sv = svmTexts(entries, ex, Topics)
			}
			svm <- trainSVMCorpus(sv, len(Topics))
		}()
	}
	clf <- trainClassifierOn(entries, docs)
}

// buildWith indexes entries and takes the models tm, or trains them when
// tm is nil.
func buildWith(entries []*Entry, ex *expander, tm *trained) *KB {
	kb, models := startBuild(entries, ex, tm)
	kb.finishBuild(models)
	return kb
}

// pendingModels are the topic models startBuild took or started training.
type pendingModels struct {
	clf chan *classifier
	svm chan *svmView // nil: no SVM view
}

// startBuild indexes entries and takes the topic models from tm, or starts
// training them on goroutines of their own when tm is nil: they read only
// the entries and ex, so the index is built meanwhile, and the caller may
// go on with work that needs neither (loadTrained trains the danger model)
// before finishBuild waits for them.
func startBuild(entries []*Entry, ex *expander, tm *trained) (*KB, pendingModels) {
	kb := &KB{entries: entries, byID: make(map[string]*Entry, len(entries)), byKey: map[string][]*Entry{}, byTopic: map[string][]int{}, ex: ex, fv: &followVocab{}}
	for i, e := range entries {
		kb.byKey[e.Key] = append(kb.byKey[e.Key], e)
		kb.byTopic[e.Topic] = append(kb.byTopic[e.Topic], i)
		if _, dup := kb.byID[e.ID]; !dup {
			kb.byID[e.ID] = e
		}
	}
	models := pendingModels{clf: make(chan *classifier, 1)}
	if svmBeta > 0 {
		models.svm = make(chan *svmView, 1)
	}
	if tm != nil {
		models.clf <- tm.clf
		if models.svm != nil {
			models.svm <- tm.svm
		}
	} else {
		go trainModels(entries, ex, models.clf, models.svm)
	}
	var sc scratch
	kb.ix = buildIndex(entries, ex, func(text string) ([]string, []float32) {
		kb.weigh(&sc, text)
		return sc.syl, sc.w
	})
	kb.facetStart = facetStarts(kb.ix.vocab, len(kb.ix.post))
	return kb, models
}

// finishBuild waits for the topic models and sets what depends on them.
func (kb *KB) finishBuild(models pendingModels) {
	kb.clf = <-models.clf
	if kb.clf != nil {
		kb.packed = pack(kb.clf)
	}
	if models.svm != nil {
		kb.svm = <-models.svm
	}
	kb.topicOf = make([]int, len(kb.entries))
	kb.cats = make([]category, len(kb.entries))
	kb.facets = make([]facet, len(kb.entries))
	for i, e := range kb.entries {
		if kb.clf != nil {
			kb.topicOf[i] = slices.Index(kb.clf.topics, e.Topic)
		}
		title := kb.ex.syllables(nil, e.Title)
		kb.cats[i] = categories(title, nil) | householdCategories(e.Households)
		kb.facets[i] = entryFacets(kb.ex, e)
	}
}

// svmRows returns where the topic view's rows are read.
func (kb *KB) svmRows() svmRows {
	if kb.svmAt.q == nil {
		return kb.svm.own()
	}
	return kb.svmAt
}

// Entries returns every entry, in file order.
func (kb *KB) Entries() []*Entry { return kb.entries }

// Entry returns the entry with the given id.
func (kb *KB) Entry(id string) (*Entry, bool) {
	e, ok := kb.byID[id]
	return e, ok
}

// EntryOn returns the entry with the given id, or, when it is not valid on
// day, the entry sharing its key that is.
func (kb *KB) EntryOn(id string, day Date) (*Entry, bool) {
	e, ok := kb.byID[id]
	if !ok {
		return nil, false
	}
	if e.ValidOn(day) {
		return e, true
	}
	o := kb.versionOn(e, day)
	return o, o != nil
}

// MenuEntries returns the entries of a topic flagged for its menu, valid on day.
func (kb *KB) MenuEntries(topic string, day Date) []*Entry {
	var out []*Entry
	for _, e := range kb.entries {
		if e.Topic == topic && e.Menu && e.ValidOn(day) {
			out = append(out, e)
		}
	}
	return out
}

// readOptional reads a knowledge-base file that may be left out
// (general.tsv, seasonal.yaml): nil, nil when it is missing.
func readOptional(fsys fs.FS, name string) ([]byte, error) {
	b, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return b, nil
}
