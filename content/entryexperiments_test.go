package content

import (
	"os"
	"strconv"
)

// The entry-choice experiments of entrypair.go, all off, are switched on
// for TestTune and the understanding report by environment variables:
// PAIR_ON, PAIR_SEEN, PAIR_MIN, PAIR_CLOSE, PAIR_MIX, PAIR_EPOCHS,
// PAIR_SRC (pair experts), TA_UP, TA_DOWN (title asks), BAG (entry models
// averaged over shuffles), NB_MIX, NB_T, NB_A (naive Bayes), ECL (the
// asking clause read beside the whole message), CDUP, OWNSKIP (citizen
// examples repeated, own examples left out of the entry models).
func init() {
	f := func(name string, p *float64) {
		if v := os.Getenv(name); v != "" {
			*p, _ = strconv.ParseFloat(v, 64)
		}
	}
	i := func(name string, p *int) {
		if v := os.Getenv(name); v != "" {
			*p, _ = strconv.Atoi(v)
		}
	}
	if os.Getenv("PAIR_OFF") != "" {
		pairExperts = false
	}
	if os.Getenv("PAIR_ON") != "" {
		pairExperts = true
	}
	f("TA_UP", &titleAskUp)
	i("BAG", &entryBag)
	f("NB_MIX", &nbMix)
	f("NB_T", &nbTemp)
	f("NB_A", &nbAlpha)
	i("CDUP", &entryCitizenDup)
	entryOwnSkip = os.Getenv("OWNSKIP") != ""

	f("ECL", &entryClause)
	if v := os.Getenv("PAIR_SRC"); v != "" {
		n, _ := strconv.Atoi(v)
		pairSources = n
	}
	f("TA_DOWN", &titleAskDown)
	f("PAIR_SEEN", &pairSeen)
	i("PAIR_MIN", &pairMin)
	f("PAIR_CLOSE", &pairClose)
	f("PAIR_MIX", &pairMix)
	i("PAIR_EPOCHS", &pairEpochs)
}
