package content

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"sync"
)

// Thresholds, calibrated on ../shared/dev-questions.tsv (see match_test.go).
const (
	// MinConfidence is the lowest confidence at which the bot answers.
	MinConfidence = 0.30
	// AmbiguityRatio: a runner-up from another topic scoring at least this
	// share of the best makes the question ambiguous (topic buttons offered).
	AmbiguityRatio = 0.85
)

// KB is a loaded, checked knowledge base with its matcher. It is immutable
// and safe for concurrent use.
type KB struct {
	entries []*Entry
	byID    map[string]*Entry
	byKey   map[string][]*Entry
	ex      *expander
	fv      *followVocab
	ix      *index
	det     *detector
	// detected are the entries only the detector answers (their examples
	// document them): the matcher never picks one, so a near miss never
	// reaches an urgent answer by resemblance.
	detected []int32
	pool     sync.Pool // *scratch
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

func load(fsys fs.FS) (*KB, Problems, error) {
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
	kb := &KB{det: det, entries: entries, byID: make(map[string]*Entry, len(entries)), byKey: map[string][]*Entry{}, ex: ex, fv: fv}
	for _, e := range entries {
		kb.byKey[e.Key] = append(kb.byKey[e.Key], e)
		if _, dup := kb.byID[e.ID]; !dup {
			kb.byID[e.ID] = e
		}
	}
	problems = append(problems, check(entries, kb.byID)...)
	problems = append(problems, checkDetector(det, kb.byID)...)
	kb.ix = buildIndex(entries, ex)
	kb.ix.protected = det.vocab
	det.known = kb.ix.vocab
	for i, e := range entries {
		if det.answers(e.ID) {
			kb.detected = append(kb.detected, int32(i))
		}
	}
	return kb, problems, nil
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

// Candidate is a scored entry.
type Candidate struct {
	Entry *Entry
	Score float64 // confidence in [0, 1]
}

// Result is the matcher's verdict on one message.
type Result struct {
	// Topic is the best entry's topic, or TopicUnknown when the confidence is
	// below MinConfidence.
	Topic string
	// Entry is the best entry, nil when Topic is TopicUnknown.
	Entry *Entry
	// Score is the best confidence in [0, 1].
	Score float64
	// Ambiguous lists, when the best entries of up to three topics score
	// close together, the best entry of each (best first).
	Ambiguous []Candidate
	// Alarm is the kind of danger, urgent need or medical question the
	// detector found ("" for none); Entry then answers it.
	Alarm string
	// Urgent: a danger to life or an urgent need. The bot answers with
	// Entry at once and opens an urgent ticket.
	Urgent bool
}

// Markers in a query's term list.
const (
	unknownWord   = -1 // a word the knowledge base never uses
	unknownNumber = -2 // an unknown number: ignored, it says nothing of the topic
	unknownWeight = 0.5
)

type scratch struct {
	syl    []string
	terms  []int32
	pos    []int32 // unigram id at each syllable position (-1 unknown)
	scores []float64
}

// Match finds the entry that answers text on day. It is deterministic: the
// same text, day and knowledge base always give the same result.
//
// The danger detector runs first: a message reporting a danger to life, an
// urgent need or asking for medical advice gets its answer whatever else it
// mentions, and an emergency word is never read as an ordinary one.
func (kb *KB) Match(text string, day Date) Result {
	if a, ok := kb.Detect(text); ok {
		if e, ok := kb.EntryOn(a.Entry, day); ok {
			return Result{Topic: e.Topic, Entry: e, Score: 1, Alarm: a.Kind, Urgent: a.Urgent}
		}
	}
	s, _ := kb.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{scores: make([]float64, len(kb.entries))}
	}
	defer kb.pool.Put(s)

	maxScore := kb.score(s, text)
	if maxScore == 0 {
		return Result{Topic: TopicUnknown}
	}
	r := kb.decide(s, maxScore, day)
	if r.Entry != nil && len(r.Entry.Households) > 0 {
		// "hộ nghèo … làm thế nào" is about the poor household even when
		// the near-poor entry's examples share more words with it.
		if c := kb.fv.scan(s.syl); c.households == 1 && !slices.Contains(r.Entry.Households, c.household) {
			if e := kb.FamilyMember(r.Entry, c.household, day); e != nil && len(e.Households) > 0 {
				r.Entry = e
			}
		}
	}
	return r
}

// score fills s.scores with every entry's raw score for text and returns
// the normalising maximum (0: nothing in the text is known).
func (kb *KB) score(s *scratch, text string) float64 {
	s.syl = kb.ex.syllables(s.syl[:0], text)
	s.terms, s.pos = kb.queryTerms(s.terms[:0], s.pos[:0], s.syl)
	var maxScore float64
	for _, t := range s.terms {
		switch {
		case t == unknownWord:
			maxScore += kb.ix.maxIDF * unknownWeight // it counts against confidence
		case t >= 0:
			// A term's contribution at tf=1 in an entry of average length.
			maxScore += kb.ix.idf[t]
		}
	}
	clear(s.scores)
	for _, t := range s.terms {
		if t < 0 {
			continue
		}
		idf := kb.ix.idf[t]
		for _, p := range kb.ix.post[t] {
			tf := float64(p.tf)
			s.scores[p.entry] += idf * tf * (bm25K1 + 1) / (tf + kb.ix.norm[p.entry])
		}
	}
	kb.phraseHits(s, maxScore)
	for _, i := range kb.detected {
		s.scores[i] = 0
	}
	return maxScore
}

// Within the chosen topic, entries scoring within refineBand of the best
// are told apart by how much of their title the message contains: "hộ
// nghèo vay vốn" means "Vay vốn hộ nghèo", not "Vay vốn hộ cận nghèo",
// whose "cận" the message lacks. Titles name what distinguishes an entry
// from its neighbours. The topic and the confidence do not change.
const (
	refineBand   = 0.9
	refineWeight = 0.5
)

func (kb *KB) refine(s *scratch, maxScore float64, day Date, top Candidate) *Entry {
	best, bestScore := top.Entry, -1.0
	for i, sc := range s.scores {
		e := kb.entries[i]
		if sc == 0 || e.Topic != top.Entry.Topic || sc/maxScore < refineBand*top.Score {
			continue
		}
		if !e.ValidOn(day) {
			if e = kb.versionOn(e, day); e == nil {
				continue
			}
		}
		v := sc * (1 - refineWeight + refineWeight*kb.coverage(s, i))
		if v > bestScore || (v == bestScore && e.ID < best.ID) {
			best, bestScore = e, v
		}
	}
	return best
}

// coverage is the share of an entry's title (weighted by rarity) that the
// message contains.
func (kb *KB) coverage(s *scratch, entry int) float64 {
	var have, all float64
	for _, id := range kb.ix.titles[entry] {
		w := kb.ix.idf[id]
		all += w
		if slices.Contains(s.pos, id) {
			have += w
		}
	}
	if all == 0 {
		return 0
	}
	return have / all
}

// Explain lists the n best entries in force on day with their confidence,
// best first: what an editor looks at to see why a message got its answer.
func (kb *KB) Explain(text string, day Date, n int) []Candidate {
	s := &scratch{scores: make([]float64, len(kb.entries))}
	maxScore := kb.score(s, text)
	if maxScore == 0 {
		return nil
	}
	var out []Candidate
	for i, sc := range s.scores {
		if e := kb.entries[i]; sc > 0 && e.ValidOn(day) {
			out = append(out, Candidate{Entry: e, Score: sc / maxScore})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out[:min(n, len(out))]
}

// decide picks the answer from the scores in s.
func (kb *KB) decide(s *scratch, maxScore float64, day Date) Result {
	// Best entry per topic. An entry out of force on day lends its score to
	// the version with the same key that is in force: "chuẩn nghèo hiện nay"
	// is the same question before and after the standard changes. Ranking
	// uses the raw score; only the reported confidence is capped at 1.
	best := map[string]Candidate{}
	for i, sc := range s.scores {
		e := kb.entries[i]
		if sc == 0 {
			continue
		}
		if !e.ValidOn(day) {
			if e = kb.versionOn(e, day); e == nil {
				continue
			}
		}
		raw := sc / maxScore
		if c, ok := best[e.Topic]; !ok || raw > c.Score || (raw == c.Score && e.ID < c.Entry.ID) {
			best[e.Topic] = Candidate{Entry: e, Score: raw}
		}
	}
	if len(best) == 0 {
		return Result{Topic: TopicUnknown}
	}
	cands := make([]Candidate, 0, len(best))
	for _, c := range best {
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].Score != cands[j].Score {
			return cands[i].Score > cands[j].Score
		}
		return cands[i].Entry.ID < cands[j].Entry.ID
	})
	top := cands[0]
	conf := min(top.Score, 1)
	if conf < MinConfidence {
		return Result{Topic: TopicUnknown, Score: conf}
	}
	r := Result{Topic: top.Entry.Topic, Entry: kb.refine(s, maxScore, day, top), Score: conf}
	r.Urgent = r.Entry.Urgent
	for _, c := range cands[1:min(3, len(cands))] {
		if c.Score >= top.Score*AmbiguityRatio && c.Entry.Topic != TopicOutOfScope && c.Entry.Topic != TopicSmalltalk {
			if r.Ambiguous == nil {
				r.Ambiguous = []Candidate{{Entry: top.Entry, Score: conf}}
			}
			r.Ambiguous = append(r.Ambiguous, Candidate{Entry: c.Entry, Score: min(c.Score, 1)})
		}
	}
	return r
}

// phraseHits credits entries whose keywords or cues appear whole in the
// message: a keyword in proportion to its own weight, a cue in proportion to
// the whole message's, so that the intent it names wins over the subject.
func (kb *KB) phraseHits(s *scratch, total float64) {
	for i, id := range s.pos {
		if id < 0 {
			continue
		}
	next:
		for _, ph := range kb.ix.phrases[id] {
			if i+len(ph.ids) > len(s.pos) {
				continue
			}
			for j, want := range ph.ids[1:] {
				if s.pos[i+1+j] != want {
					continue next
				}
			}
			if ph.cue {
				s.scores[ph.entry] += cueBonus * total
			} else {
				s.scores[ph.entry] += ph.weight
			}
		}
	}
}

// queryTerms maps syllables to unique term ids: unigrams (with one-typo
// correction for unknown words; -1 when still unknown) and bigrams. pos
// receives the unigram id at each position.
func (kb *KB) queryTerms(dst, pos []int32, syl []string) ([]int32, []int32) {
	ix := kb.ix
	prev := int32(-1)
	for _, w := range syl {
		id, ok := ix.vocab[w]
		if !ok {
			id = ix.correct(w)
		}
		pos = append(pos, id)
		if id < 0 && w[0] >= '0' && w[0] <= '9' {
			id = unknownNumber
		}
		if id < 0 || !slices.Contains(dst, id) {
			dst = append(dst, id)
		}
		if prev >= 0 && id >= 0 {
			if b, ok := ix.bigrams[bigramKey(prev, id)]; ok && !slices.Contains(dst, b) {
				dst = append(dst, b)
			}
		}
		prev = id
	}
	return dst, pos
}

// versionOn returns the entry sharing e's key that is in force on day, or nil.
func (kb *KB) versionOn(e *Entry, day Date) *Entry {
	for _, o := range kb.byKey[e.Key] {
		if o.ValidOn(day) {
			return o
		}
	}
	return nil
}
