package content

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestAVXSumsAsGo: the classifiers' probabilities summed with AVX
// (addRows16AVX) are the Go loops' bit for bit, for the topic
// classifier and every topic's entry model, on the own questions'
// features and on random ones.
func TestAVXSumsAsGo(t *testing.T) {
	if !useAVX {
		t.Skip("no AVX on this processor: the Go loops sum alone")
	}
	kb := loadOnce(t)
	data, err := os.ReadFile("testdata/questions.tsv")
	if err != nil {
		t.Fatal(err)
	}
	s := kb.newScratch()
	var sets [][]feature
	for _, line := range strings.Split(string(data), "\n")[1:] {
		if _, msg, ok := strings.Cut(line, "\t"); ok {
			kb.score(s, msg)
			sets = append(sets, slices.Clone(s.feats))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		f := make([]feature, 1+r.IntN(400))
		for i := range f {
			f[i] = feature{r.Uint32(), float32(r.NormFloat64())}
		}
		sets = append(sets, f)
	}
	models := []*packedClassifier{kb.packed}
	for _, m := range kb.clf.entries {
		if m.packed != nil {
			models = append(models, m.packed)
		}
	}
	defer func(on bool) { useAVX = on }(useAVX)
	checked := 0
	for _, pc := range models {
		got, want := make([]float64, pc.nc), make([]float64, pc.nc)
		for _, f := range sets {
			useAVX = true
			pc.probs(f, got)
			useAVX = false
			pc.probs(f, want)
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes: AVX gives %v, Go %v", pc.nc, got, want)
			}
			checked++
		}
	}
	if len(models) < 10 || checked < 1000 {
		t.Fatalf("only %d models, %d sums checked", len(models), checked)
	}
}
