package content

import "io/fs"

// LoadLenient loads a knowledge base even when Check finds problems, for
// tuning the matcher while content is being written.
func LoadLenient(fsys fs.FS) (*KB, error) {
	kb, _, err := load(fsys)
	return kb, err
}

// SetTuning changes the matcher's mixing weights (tuning experiments only).
func SetTuning(mix, scale, bonus, cue float64) {
	topicMix, topicScale, phraseBonus, cueBonus = mix, scale, bonus, cue
}

// SharedKB is the shipped content loaded once for the test binary, shared
// by the package's own tests and the external ones.
var SharedKB = internalKB
