package content

import (
	"math"
	"runtime"
	"slices"
	"testing"
)

// trainReference is linear.train as first written: the full table of
// weights, one class after another over the features. The packed training
// must give the same weights bit for bit.
func trainReference(m *linear, docs []trainDoc, class func(*trainDoc) int, epochs int, seed uint64) {
	nc := m.nc
	p := make([]float64, nc)
	keys := docKeys(docs, class)
	order := make([]int32, len(docs))
	for epoch := range epochs {
		passOrder(keys, seed, epoch, order)
		rate := clfRate / (1 + float64(epoch)*0.3)
		for _, i := range order {
			d := &docs[i]
			cl := class(d)
			if cl < 0 {
				continue
			}
			for k := range nc {
				p[k] = float64(m.b[k])
			}
			for _, x := range d.f {
				r := int(x.bucket&m.mask) * nc
				for k, v := range m.w[r : r+nc] {
					p[k] += float64(v * x.v)
				}
			}
			softmax(p)
			for k := range nc {
				g := p[k]
				if k == cl {
					g--
				}
				if math.Abs(g) < minGradient {
					continue
				}
				step := float32(rate * g)
				for _, f := range d.f {
					i := int(f.bucket&m.mask)*nc + k
					m.w[i] -= step*f.v + float32(rate*clfL2)*m.w[i]
				}
				m.b[k] -= step * 0.1
			}
		}
	}
}

// TestTrainPackedSameWeights: training on the packed rows gives the
// weights the plain training gives, bit for bit, with AVX and without, and
// leaves the documents where they were: on the knowledge
// base's own documents as the topic classifier learns them, and with few
// buckets (many features sharing a row, more than once in a document),
// seven classes (not a multiple of four), nineteen (two blocks of eight
// and three alone) and documents skipped.
func TestTrainPackedSameWeights(t *testing.T) {
	keep(t, &useAVX)
	kb := loadOnce(t)
	docs := raceThinned(classifierDocs(kb.entries, kb.ex, kb.clf.topics, nil))
	for _, d := range docs {
		kb.clf.weigh(d.f)
	}
	for _, tc := range []struct {
		name    string
		buckets int
		nc      int
		class   func(*trainDoc) int
	}{
		{"topics", clfBuckets, len(kb.clf.topics), func(d *trainDoc) int { return d.class }},
		{"few buckets", 1 << 6, 7, func(d *trainDoc) int {
			if d.entry%5 == 0 {
				return -1
			}
			return d.entry % 7
		}},
		{"nineteen classes", 1 << 10, 19, func(d *trainDoc) int { return d.entry % 19 }},
	} {
		for _, avx := range []bool{false, useAVX} {
			useAVX = avx
			const epochs = 3
			got, want := newLinear(tc.buckets, tc.nc), newLinear(tc.buckets, tc.nc)
			gotDocs, wantDocs := slices.Clone(docs), slices.Clone(docs)
			got.train(gotDocs, tc.class, epochs, orderSeed(12, 2026))
			trainReference(&want, wantDocs, tc.class, epochs, orderSeed(12, 2026))
			for i := range want.w {
				if math.Float32bits(got.w[i]) != math.Float32bits(want.w[i]) {
					t.Fatalf("%s, AVX %v: weight %d is %v, the plain training gives %v", tc.name, avx, i, got.w[i], want.w[i])
				}
			}
			if !slices.Equal(got.b, want.b) {
				t.Fatalf("%s, AVX %v: biases %v, the plain training gives %v", tc.name, avx, got.b, want.b)
			}
			for i := range gotDocs {
				if &gotDocs[i].f[0] != &docs[i].f[0] {
					t.Fatalf("%s: training moved document %d", tc.name, i)
				}
			}
		}
	}
}

// entryModelsReference trains the entry models one topic after another,
// as trainEntryModels did before they trained side by side.
func entryModelsReference(entries []*Entry, docs []trainDoc, topics []string) []entryModel {
	models, class, byTopic := entryTraining(entries, docs, topics)
	for k := range models {
		if len(models[k].members) >= 2 {
			trainEntryModel(&models[k], k, byTopic[k], class)
		}
	}
	return models
}

// TestEntryModelsParallel: the topics' entry models train on goroutines of
// their own; with one worker or several they come out as the reference
// trains them one after another, bit for bit.
func TestEntryModelsParallel(t *testing.T) {
	kb := loadOnce(t)
	docs := classifierDocs(kb.entries, kb.ex, kb.clf.topics, nil)
	for _, d := range docs {
		kb.clf.weigh(d.f)
	}
	in := docs
	want := entryModelsReference(kb.entries, slices.Clone(in), kb.clf.topics)
	trained := 0
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		got := trainEntryModels(kb.entries, slices.Clone(in), kb.clf.topics)
		runtime.GOMAXPROCS(old)
		for k := range want {
			a, b := &want[k], &got[k]
			if !slices.Equal(a.members, b.members) || len(a.w) != len(b.w) || !slices.Equal(a.b, b.b) {
				t.Fatalf("%d workers, topic %s: members, size or biases differ from the reference", procs, kb.clf.topics[k])
			}
			for i := range a.w {
				if math.Float32bits(a.w[i]) != math.Float32bits(b.w[i]) {
					t.Fatalf("%d workers, topic %s: weight %d is %v, the reference gives %v", procs, kb.clf.topics[k], i, b.w[i], a.w[i])
				}
			}
			if procs == 1 && a.nc > 0 {
				trained++
			}
		}
	}
	if trained < 10 {
		t.Fatalf("only %d topics have an entry model", trained)
	}
}
