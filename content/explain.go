package content

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// TopicScore is one topic's share in a decision.
type TopicScore struct {
	Topic      string
	Entry      *Entry  // the topic's best entry by retrieval, nil if none
	Retrieval  float64 // that entry's retrieval confidence
	Classifier float64 // the classifier's probability for the topic (with the SVM view blended in when it is on)
	Combined   float64
	// Alone and SVM, when the SVM view is on: the classifier's
	// probability before the blend and the view's.
	Alone, SVM float64
}

// ClauseWeight is a part of a long message and its weight in the decision:
// for retrieval (Weight) and for the topic classifier (ClfWeight).
type ClauseWeight struct {
	Text, Part        string
	Weight, ClfWeight float64
}

// TopicProb is one topic's probability in a reading.
type TopicProb struct {
	Topic string
	P     float64
}

// Explanation shows why a message got its answer: what an editor looks at.
type Explanation struct {
	Result Result
	// Danger is, when the danger detector answered before the matcher,
	// its kind and the phrase that fired: "flood (ngập hết)"; "" for none.
	Danger string
	// DangerHeld is, when the danger model alone read an urgent kind in a
	// message too short to raise its alarm (Alarm.Held), that kind and
	// its margin; "" otherwise.
	DangerHeld string
	// Also is, after an urgent alarm, the programme entry the bot offers
	// as the urgent reply's first button (KB.AlsoAsked); nil otherwise.
	Also *Entry
	// RestUnanswered: a request for medical advice asked beside a rest
	// the matcher reads as out of scope or unknown, so the decline
	// answers alone (KB.Match).
	RestUnanswered bool
	// Question is the question clause when the message was read as a story
	// followed by a question (the story weighs storyWeight), else "".
	Question string
	// Borrowed is the story clause that lent the question its subject,
	// read at more weight because the message read without it got no
	// answer or a weak one (borrow.go).
	Borrowed string
	// Clauses are the parts of a long message with the weight each has
	// (story, lead, question, earlier question, told after, courtesy);
	// none when every word weighs 1.
	Clauses []ClauseWeight
	// Cue is the topic of a cue found in the question clause, or "".
	Cue string
	// Topics are the topics by combined score, best first.
	Topics []TopicScore
	// Entries are the best entries in force by retrieval alone.
	Entries []Candidate
	// Category is the household category the question is about ("poor",
	// "near_poor", …; "" for none): it picks the member of an entry family
	// written for it.
	Category string
	// Member tells the family step (category.go): "elec-who → elec-near-poor
	// (its family's entry for near_poor)" when the chosen entry was swapped
	// for its family's member written for the category asked about (or
	// the family's general entry), "kept poverty-escape (written for
	// escaped, named as the household's own in the question)" when
	// familyOwn kept it; "" when neither.
	Member string
	// Overruled tells a topic retrieval put first that neither model reads
	// (modelsReject), and the topic both models agree on that answers
	// instead: "retrieval put officer first; the classifier (0.035) and the
	// svm view (0.043) read it below 0.05, and both read smalltalk (0.889,
	// 0.780)"; "" when the rule did not act or left the answer unknown
	// (Unknown says so).
	Overruled string
	// General tells a bare question's answer (general.go): "a bare
	// question asking how much: loan's general entry loan-limits"; "" for
	// a message that is not one.
	General string
	// Asides are the categories named that are not the household's own
	// present one, with why: "poor (compared with)", "near_poor (another
	// household's)", "poor (replaced by a later change)".
	Asides []string
	// Facets are the school levels and persons the message names ("school",
	// "elderly", …): an entry written only for others of that kind weighs
	// facetMismatch in the entry choice (its Facet).
	Facets []string
	// FacetDown are the answering topic's entries that retrieval alone
	// would have weighed among the close ones but that are written only for
	// another school level or person: "bhyt-free-card (disabled)".
	FacetDown []string
	// FacetUp are the answering topic's close entries written for the
	// school level or person named, weighed up (facetMatch,
	// facetMatchPerson): "bhyt-elderly (elderly)".
	FacetUp []string
	// Denied are the categories the household says it is not in, when it
	// names no other as its own ("không phải hộ nghèo, cận nghèo gì"):
	// entries written only for them weigh categoryMismatch.
	Denied []string
	// Year is the coming year the message asks about (0: none), and YearUp
	// the close entries weighed up by yearFactor because their answer
	// changes by then.
	Year   int
	YearUp []string
	// EntryChoice ranks the answering topic's close entries: retrieval
	// share, entry model, facet weight, combined (best first).
	EntryChoice []EntryScore
	// Joined are the close entries whose retrieval is below the band but
	// that the entry model reads the message as at modelJoin or more:
	// "bhyt-near-poor (model 0.72)".
	Joined []string
	// Led are the close entries whose retrieval is below the band and
	// that the entry model reads the message as below modelJoin, but at
	// modelLead times or more what it gives the band's best entry by
	// retrieval: "elec-amount (model 0.41 against elec-payment 0.09)".
	Led []string
	// EntryWhole: the entry model read the whole long message, its story
	// at the question's weight (entryWhole).
	EntryWhole bool
	// Asks is what the message asks, as the entry model reads it
	// (asks.go): "papers, where"; "" for none.
	Asks string
	// Thing is the thing asked after "thì" that the entry model reads on
	// its own (thing.go), as folded syllables; "" for none.
	Thing string
	// Repairs are the words read as other words before matching, as
	// "typed → read (why)": telex keys, chat spellings, run-together words,
	// one-letter typos, the l/n dialect (see repair).
	Repairs []string
	// SumWithheld is the outside marker that kept a loan-interest or
	// premium sum from answering (sumOutside), or "".
	SumWithheld string
	// Scope is what the scope rule reads: the programme anchor or the
	// outside marker the message names (see scopeVerdict).
	Scope string
	// SVM is the SVM view's reading (svmview.go): its probability per
	// topic, best first, blended into the classifier's at SVMBeta.
	SVM     []TopicProb
	SVMBeta float64
	// Agree is the topic retrieval's best entry and the SVM view both put
	// first, so that the view's out-of-scope probability was blended too
	// (svmAgreeOOS); "" for none.
	Agree string
	// Sure is the topic the SVM view is sure of (svmSure), so that its
	// out-of-scope probability was blended too; "" for none.
	Sure string
	// ModelsLead is the topic that leads though another's combined score
	// is a little higher, because the classifier and the SVM view both
	// read it (modelsLead); "" for none.
	ModelsLead string
	// ReadingsLead is the topic that leads though another's combined
	// score is a little higher, because retrieval and the SVM view both
	// read it first in a story's question (readingsLead).
	ReadingsLead string
	// Programme is the topic answered though an out-of-scope example
	// scores as high or higher, because the question asks for its
	// programme and both readings of the words give it (programmeReading);
	// "" for none.
	Programme string
	// Disclaimed are the words by which the writer says what they are not
	// asking about (disclaim) or gives their own phone number (ownContact),
	// weighed 0; "" for none.
	Disclaimed string
	// Unknown says why the answer is unknown ("" when it is not): the
	// confidence is below the minimum, the classifier reads the message
	// as out of scope, an out-of-scope reading is within the margin, or the
	// scope rule (an outside marker without a programme anchor).
	Unknown string
}

// Explain explains the answer to text on day, listing the n best entries.
func (kb *KB) Explain(text string, day Date, n int) Explanation {
	x := Explanation{Result: kb.Match(text, day), SumWithheld: kb.SumWithheld(text, day)}
	switch a, ok := kb.Detect(text); {
	case ok && x.Result.Alarm != "":
		x.Danger = a.Kind + " (" + a.Phrase + ")"
		x.Also = kb.AlsoAsked(text, day)
		x.RestUnanswered = a.Beside != "" && x.Also == nil
	case !ok && a.Held:
		x.DangerHeld = a.Kind + " (" + a.Phrase + ")"
	}
	s := kb.newScratch()
	s.explain = true
	maxScore, pre := kb.scoreDecide(s, text, day)
	for _, f := range s.fixes {
		x.Repairs = append(x.Repairs, f.from+" → "+f.to+" ("+f.how+")")
	}
	x.Repairs = append(x.Repairs, kb.ex.altReadings(text)...)
	if maxScore == 0 {
		return x
	}
	x.Member = kb.memberNote(s, pre.Entry, day)
	if top, _ := kb.topTopic(s); top >= 0 && s.modelsReject(top) && pre.Topic != TopicUnknown {
		if k := s.modelsAgree(); k >= 0 && s.best[k].Entry.Topic == pre.Topic {
			x.Overruled = fmt.Sprintf("retrieval put %s first; the classifier (%.3f) and the svm view (%.3f) read it below %.2f, and both read %s (%.3f, %.3f)",
				s.best[top].Entry.Topic, s.probs[top], s.svm[top], modelsRejectBelow, pre.Topic, s.probs[k], s.svm[k])
		}
	}
	if c, ok := kb.policyBankLoan(s, pre); ok {
		x.General = "names the policy bank, so no commercial credit refusal: the loan topic's best entry " + c.Entry.ID
	}
	if e := kb.meritEntry(s, day); e != nil {
		x.General = "a question about the merit scheme's own benefits (only its words and what it asks), which the bot does not answer: " + e.ID
		if pre.Entry != nil && pre.Entry.Key != e.Key {
			x.General += " instead of " + pre.Entry.ID
		}
	} else if e := kb.householdEntry(s, day); e != nil {
		x.General = "a question about the household's own support (only the household's words and what it asks): " + e.ID
		if pre.Entry != nil && pre.Entry.Key != e.Key {
			x.General += " instead of " + pre.Entry.ID
		}
	} else if e, ask := kb.generalEntry(s, pre, day); e != nil {
		x.General = "a bare question (only the programme's words and what it asks) asking " + askLabel(ask) + ": " + pre.Topic + "'s general entry " + e.ID
		if pre.Entry != nil && pre.Entry.Key != e.Key {
			x.General += " instead of " + pre.Entry.ID
		}
	}
	if len(s.cw) > 0 {
		q := s.clause.parts[len(s.clause.parts)-1].end
		for _, p := range s.clause.parts {
			x.Clauses = append(x.Clauses, ClauseWeight{Text: s.text[p.start:p.end], Part: p.kind, Weight: float64(p.w), ClfWeight: float64(clfWeight(p.w))})
			if p.kind == partQuestion {
				q = p.end
			}
		}
		if s.split > 0 {
			x.Question = s.text[s.split:q]
		}
		if s.borrow && s.lent >= 0 {
			p := s.clause.parts[s.lent]
			x.Borrowed = s.text[p.start:p.end]
		}
	}
	if s.cue >= 0 {
		x.Cue = kb.clf.topics[s.cue]
	}
	kb.topicScores(s, maxScore, day)
	x.Unknown = kb.unknownReason(s, x.Result)
	x.Scope = scopeSummary(s)
	if bg := kb.backgroundSummary(s); bg != "" {
		x.Scope += "; " + bg
	}
	x.Category = s.asked.household()
	x.Facets = s.facets.names()
	if s.thing >= 0 {
		x.Thing = strings.Join(s.syl[s.thing:], " ")
	}
	x.Asks = askString(s.asks) // as the entry model read them (entryModelProbs)
	x.EntryWhole = s.whole
	if s.asked != 0 {
		x.Asides = s.asides()
	}
	x.Denied = s.deniedOnly().households()
	x.Year = s.askedYear(day)
	if k := slices.Index(kb.clf.topics, x.Result.Topic); k >= 0 && s.best[k].Entry != nil && x.Result.Alarm == "" {
		x.EntryChoice = slices.Clone(kb.rankEntries(s, maxScore, day, s.best[k].Entry, s.best[k].Score))
		for _, i := range kb.byTopic[x.Result.Topic] {
			if kb.facetWeight(s, i) < 1 && s.scores[i]/maxScore >= refineBand*s.best[k].Score && kb.entries[i].ValidOn(day) {
				x.FacetDown = append(x.FacetDown, kb.entries[i].ID+" ("+strings.Join(kb.facets[i].names(), ", ")+")")
			}
		}
		for _, r := range x.EntryChoice {
			if r.Led {
				against := ""
				if r.LeadOver != nil {
					against = fmt.Sprintf(" against %s %.2f", r.LeadOver.ID, r.leadP)
				}
				x.Led = append(x.Led, fmt.Sprintf("%s (model %.2f%s)", r.Entry.ID, s.entryProbs[r.at], against))
			} else if r.Joined {
				x.Joined = append(x.Joined, fmt.Sprintf("%s (model %.2f)", r.Entry.ID, s.entryProbs[r.at]))
			}
			if kb.facetWeight(s, r.at) > 1 {
				x.FacetUp = append(x.FacetUp, r.Entry.ID+" ("+strings.Join((kb.facets[r.at]&s.facets).names(), ", ")+")")
			}
			if x.Year > 0 && kb.changesBy(kb.entries[r.at], day, x.Year) && !slices.Contains(x.YearUp, r.Entry.ID) {
				x.YearUp = append(x.YearUp, r.Entry.ID)
			}
		}
		sort.SliceStable(x.EntryChoice, func(i, j int) bool { return x.EntryChoice[i].Combined > x.EntryChoice[j].Combined })
	}
	for k, t := range kb.clf.topics {
		ts := TopicScore{Topic: t, Entry: s.best[k].Entry, Retrieval: s.best[k].Score, Classifier: s.probs[k], Combined: s.combined(k)}
		if s.svm != nil {
			ts.Alone, ts.SVM = s.alone[k], s.svm[k]
		}
		x.Topics = append(x.Topics, ts)
	}
	sort.SliceStable(x.Topics, func(i, j int) bool { return x.Topics[i].Combined > x.Topics[j].Combined })
	if s.agree >= 0 && s.sure {
		x.Sure = kb.clf.topics[s.agree]
	} else if s.agree >= 0 {
		x.Agree = kb.clf.topics[s.agree]
	}
	if s.disclaimed > 0 {
		w := unitWeights(len(s.syl))
		disclaim(s.syl, w)
		ownContact(s.syl, w)
		var words []string
		for i, v := range w {
			if v == 0 {
				words = append(words, s.syl[i])
			}
		}
		x.Disclaimed = strings.Join(words, " ")
	}
	if _, k := kb.topTopic(s); k >= 0 && kb.clf.topics[k] == x.Result.Topic {
		x.Programme = x.Result.Topic
	}
	if top := argmaxCombined(s); top >= 0 {
		if k := s.modelsLead(top); k >= 0 {
			x.ModelsLead = kb.clf.topics[k]
		} else if k := s.readingsLead(top); k >= 0 {
			x.ReadingsLead = kb.clf.topics[k]
		}
	}
	if s.svm != nil {
		x.SVMBeta = svmBeta
		for k, t := range kb.clf.topics {
			x.SVM = append(x.SVM, TopicProb{t, s.svm[k]})
		}
		sort.SliceStable(x.SVM, func(i, j int) bool { return x.SVM[i].P > x.SVM[j].P })
	}
	for i, sc := range s.scores {
		if e := kb.entries[i]; sc > 0 && e.ValidOn(day) {
			x.Entries = append(x.Entries, Candidate{Entry: e, Score: sc / maxScore})
		}
	}
	sort.SliceStable(x.Entries, func(i, j int) bool { return x.Entries[i].Score > x.Entries[j].Score })
	x.Entries = x.Entries[:min(n, len(x.Entries))]
	return x
}

// unknownReason says which rule of decide made r unknown.
func (kb *KB) unknownReason(s *scratch, r Result) string {
	if r.Topic == TopicOutOfScope {
		// The scope rule's verdict answered by an out-of-scope entry
		// (consumer credit, Match) while another topic led.
		if top, _ := kb.topTopic(s); top >= 0 && top != oosClass {
			return kb.scopeReason(s, top)
		}
		return ""
	}
	if r.Topic != TopicUnknown {
		return ""
	}
	top, asked := kb.topTopic(s)
	switch {
	case top < 0 || s.combined(top) < minCombined:
		return fmt.Sprintf("the best combined score is below %.2f", minCombined)
	case s.vetoed(top):
		return fmt.Sprintf("the classifier reads it as out of scope (%.2f ≥ %.2f), an out-of-scope example scores at least %.0f%% of the best entry, and the svm view does not prefer the topic", s.probs[oosClass], oosVeto, 100*vetoShare)
	case kb.outsideCue(s, top):
		return "a cue for the commune's officers, about a matter that names an outside word or a contributory benefit and that the classifier or the svm view reads as out of scope"
	case top == oosClass || top == s.cue || top == asked || !kb.marginApplies(s) || s.best[oosClass].Entry == nil || s.combined(oosClass) < s.combined(top)*oosMargin && !s.viewMarginUnknown(top):
		if why := kb.scopeReason(s, top); why != "" {
			return why
		}
		if kb.namesNoProgramme(s, top) {
			return "no one programme named: only courtesy words, \"hỗ trợ\", words several programmes share (\"tiền\") and what it asks"
		}
		if s.modelsReject(top) {
			return fmt.Sprintf("retrieval alone leads with %s: the classifier (%.3f) and the svm view (%.3f) both read it below %.2f", s.best[top].Entry.Topic, s.probs[top], s.svm[top], modelsRejectBelow)
		}
	}
	why := fmt.Sprintf("an out-of-scope reading and a topic score within %.0f%% of each other", 100*(1-oosMargin))
	if s.asked != 0 && kb.outsideMargin(s) && !(bgMarginRule && (categoryBackground(s, kb.askSyllable(s)) || selfDescribed(s))) {
		why += "; the household category named does not exempt it, as the classifier and the svm view read out of scope first"
	}
	return why
}
