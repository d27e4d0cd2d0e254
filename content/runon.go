package content

import "bytes"

// Elderly citizens often type a long message without a single comma or
// full stop: "nha toi co 5 nguoi bo toi bi tai bien nam 1 cho ... toi muon
// hoi lam sao de dc xet lai". With no punctuation the clause finder sees
// one sentence and the story weighs as much as the question. runOnClause
// reads such a message as its last runOnCore words asked after the
// runOnLead words before them: the question comes last, and it is short.

// runOnCore and runOnLead are in words; runOnStory is the fewest words
// the story before them must have. TestTune (ANSINH_TUNE=runon), long
// held-out messages folded and without punctuation ("bare"): 78.2% → 90.2%
// (91.1% with their punctuation); typed noisily, 73.3% → 85.1%; the short
// noisy held-out examples 91.5% → 91.3%.
var (
	runOnCore  = 12
	runOnLead  = 6
	runOnStory = 16
)

// runOnClause returns the byte offsets in folded of the lead and the core
// of the question of a run-on message, or -1, -1 when folded has
// punctuation, does not ask, or is too short to hold a story.
func runOnClause(folded []byte) (start, core int) {
	if runOnCore == 0 || bytes.ContainsAny(folded, ",.?!;:\n") || !hasAskMarker(folded) {
		return -1, -1
	}
	var starts [256]int
	n := 0
	for i := 0; i < len(folded); i++ {
		if isWordByte(folded[i]) && (i == 0 || !isWordByte(folded[i-1])) {
			starts[n%len(starts)] = i
			n++
		}
	}
	if n < runOnCore+runOnLead+runOnStory {
		return -1, -1
	}
	word := func(k int) int { return starts[(n-k)%len(starts)] } // k-th word from the end
	return word(runOnCore + runOnLead), word(runOnCore)
}
