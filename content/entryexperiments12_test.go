package content

import (
	"os"
	"strconv"
)

// The entry-choice experiments of session 12 (entryexp12.go) read their
// settings from the environment: X_MLP (share), X_HID, X_EP, X_RATE,
// X_INIT, X_L2, X_TANH, X_WORDS (the entry network), X_SKIP and X_SPAN
// (skip pairs), X_CATASK and X_ASKED (category × ask crosses), X_BITS
// (entryBits). TestTune citizen with X_DUMP=FILE writes every held-out
// message's entry choice (seed 2026) as JSON lines for a reranker.
func init() {
	f := func(name string, p *float64) {
		if v := os.Getenv(name); v != "" {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				panic(err)
			}
			*p = x
		}
	}
	i := func(name string, p *int) {
		if v := os.Getenv(name); v != "" {
			x, err := strconv.Atoi(v)
			if err != nil {
				panic(err)
			}
			*p = x
		}
	}
	f("X_MLP", &mlpShare)
	i("X_HID", &mlpHidden)
	i("X_EP", &mlpEpochs)
	f("X_RATE", &mlpRate)
	f("X_INIT", &mlpInit)
	f("X_L2", &mlpL2)
	mlpTanh = os.Getenv("X_TANH") != ""
	f("X_SKIP", &skipWeight)
	mlpWords = os.Getenv("X_WORDS") != ""
	f("X_CATASK", &catAskWeight)
	i("X_BITS", &entryBits)
	catAskAsked = os.Getenv("X_ASKED") != ""
	i("X_SPAN", &skipSpan)
}
