package content

import "slices"

// Within the chosen topic, entries scoring within refineBand of the best
// are told apart by how much of their title the message contains: "hộ
// nghèo vay vốn" means "Vay vốn hộ nghèo", not "Vay vốn hộ cận nghèo",
// whose "cận" the message lacks. Titles name what distinguishes an entry
// from its neighbours. The topic and the confidence do not change.
var (
	refineBand   = 0.9
	refineWeight = 0.5
)

func (kb *KB) refine(s *scratch, maxScore float64, day Date, top Candidate) *Entry {
	best, _, _ := kb.refined(s, maxScore, day, top.Entry, top.Score)
	return best
}

// closeEntry returns the runner-up entry of chosen's topic, with its share
// of chosen's score, when the two are written for different household
// categories, the message names none, and they score within entryClose:
// "lãi suất vay bao nhiêu" has one answer for poor and another for
// near-poor households, so the bot asks which. Other close entries are
// answered with the best; "Chưa đúng ý tôi" offers the next ones.
func (kb *KB) closeEntry(s *scratch, maxScore float64, day Date, chosen *Entry) (*Entry, float64) {
	// An entry written for no category has no runner-up for another: the
	// ranking is not needed (most answers).
	a := kb.cats[slices.Index(kb.entries, chosen)]
	if s.cats != 0 || a == 0 {
		return nil, 0
	}
	_, alt, ratio := kb.refined(s, maxScore, day, chosen, 0)
	if alt == nil || ratio < entryClose {
		return nil, 0
	}
	b := kb.cats[slices.Index(kb.entries, alt)]
	if b == 0 || a == b || chosen.Family != "" && alt.Family == chosen.Family {
		// Members of one family: the household question (or the category
		// the citizen declared) picks the member, not a choice of titles.
		return nil, 0
	}
	return alt, ratio
}

// refined ranks the entries of top's topic scoring within refineBand of
// floor (a confidence) by score × title coverage; it returns the best, the
// runner-up with another key, and the runner-up's share of the best.
func (kb *KB) refined(s *scratch, maxScore float64, day Date, top *Entry, floor float64) (*Entry, *Entry, float64) {
	best, bestScore := top, -1.0
	var alt *Entry
	altScore := -1.0
	for _, r := range kb.rankEntries(s, maxScore, day, top, floor) {
		e, v := r.Entry, r.Combined
		switch {
		case v > bestScore || (v == bestScore && e.ID < best.ID):
			if best != nil && bestScore >= 0 && best.Key != e.Key {
				alt, altScore = best, bestScore
			}
			best, bestScore = e, v
		case e.Key != best.Key && (v > altScore || (v == altScore && alt != nil && e.ID < alt.ID)):
			alt, altScore = e, v
		}
	}
	if alt == nil || bestScore <= 0 {
		return best, nil, 0
	}
	return best, alt, altScore / bestScore
}

// coverage is the share of an entry's title (weighted by rarity) that the
// message contains.
func (kb *KB) coverage(s *scratch, entry int) float64 {
	var have, all float64
	for _, id := range kb.ix.titles[entry] {
		w := kb.ix.idf[id]
		all += w
		if s.slot[id] > 0 { // a title's ids are unigrams: in terms iff in pos
			have += w
		}
	}
	if all == 0 {
		return 0
	}
	return have / all
}
