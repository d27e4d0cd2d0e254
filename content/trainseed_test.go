package content

import (
	"slices"
	"testing"
)

// TestTrainSeedOrdersTraining: trainSeed orders the classifier's and the
// SVM view's training: the same seed gives the same weights, another seed
// other weights (TestTune's ANSINH_TUNE_SEEDS relies on both).
func TestTrainSeedOrdersTraining(t *testing.T) {
	keep(t, &trainSeed)
	entries, err := readEntries(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	entries = raceThinned(entries)
	kb := loadOnce(t)
	train := func(seed uint64) ([]float32, []float32) {
		trainSeed = seed
		c := trainClassifier(entries, kb.ex)
		v := trainSVMView(entries, kb.ex, Topics)
		return c.w, v.scale
	}
	w1, s1 := train(2026)
	w2, s2 := train(2026)
	w3, s3 := train(7)
	if !slices.Equal(w1, w2) || !slices.Equal(s1, s2) {
		t.Error("two trainings with the same seed differ")
	}
	if slices.Equal(w1, w3) || slices.Equal(s1, s3) {
		t.Error("another seed trains the same weights")
	}
}
