package content

import (
	"math"
	"slices"
	"testing"
)

// trainSVMViewReference is trainSVMView as first written: the full table
// of weights, one class after another over a document's features. The
// packed training must give the same view bit for bit.
func trainSVMViewReference(entries []*Entry, ex *expander, topics []string) *svmView {
	nc := len(topics)
	class := map[string]int{}
	for k, t := range topics {
		class[t] = k
	}
	// A document's terms, then its features, are terms[lo:hi] and
	// feats[lo:hi] of one shared slice each.
	type doc struct {
		f      []feature
		lo, hi int
		class  int
	}
	var docs []doc
	var syl []string
	var terms []uint32
	df := make([]float32, svmBuckets)
	cnt := make([]uint16, svmBuckets)
	add := func(text string, cl int) {
		syl = ex.syllables(syl[:0], text)
		if len(syl) == 0 {
			return
		}
		d := doc{lo: len(terms), class: cl}
		terms = svmHashTerms(terms, syl)
		d.hi = len(terms)
		for _, b := range terms[d.lo:] {
			if cnt[b] == 0 {
				df[b]++
			}
			cnt[b] = 1
		}
		for _, b := range terms[d.lo:] {
			cnt[b] = 0
		}
		docs = append(docs, d)
	}
	for _, e := range entries {
		cl, ok := class[e.Topic]
		if !ok {
			continue
		}
		add(e.Title, cl)
		for _, k := range e.Keywords {
			add(k, cl)
		}
		for _, k := range e.Cues {
			add(k, cl)
		}
		for _, x := range e.Examples {
			add(x, cl)
		}
	}
	w, b := make([]float32, svmBuckets*nc), make([]float32, nc)
	idf := make([]float32, svmBuckets)
	n := float64(len(docs))
	for i, d := range df {
		idf[i] = float32(math.Log((1+n)/(1+float64(d))) + 1)
	}
	feats := make([]feature, 0, len(terms))
	for i := range docs {
		d := &docs[i]
		lo := len(feats)
		feats = svmVector(feats, terms[d.lo:d.hi], cnt, idf)
		d.f = feats[lo:len(feats):len(feats)]
	}
	// Pegasos: the weights are scale·w, so the decay of every weight at
	// each step is one multiplication of scale.
	keys := orderKeys(len(docs), func(i int) ([]feature, int) { return docs[i].f, docs[i].class })
	order := make([]int32, len(docs))
	scale, step := 1.0, 0
	margins := make([]float64, nc)
	for pass := range svmEpochs {
		passOrder(keys, orderSeed(17, trainSeed), pass, order)
		for _, i := range order {
			d := &docs[i]
			step++
			eta := 1 / (svmLambda * float64(step+100))
			clear(margins)
			for _, f := range d.f {
				row := w[int(f.bucket)*nc : int(f.bucket)*nc+nc]
				for k, w := range row {
					margins[k] += float64(w * f.v)
				}
			}
			scale *= 1 - eta*svmLambda
			for k := range nc {
				y := -1.0
				if k == d.class {
					y = 1
				}
				if y*(margins[k]*scale/(1-eta*svmLambda)+float64(b[k])) >= 1 {
					continue
				}
				g := float32(eta * y / scale)
				for _, f := range d.f {
					w[int(f.bucket)*nc+k] += g * f.v
				}
				b[k] += float32(eta * y * 0.1)
			}
			if scale < 1e-4 {
				for j := range w {
					w[j] *= float32(scale)
				}
				scale = 1
			}
		}
	}
	return packSVM(nc, func(bk int) []float32 { return w[bk*nc : bk*nc+nc] }, b, idf, float32(scale), df)
}

// TestSVMTrainPackedSameView: the SVM view trained on packed rows, its
// classes updated together (with AVX and without), is the plain
// training's bit for bit, for two seeds.
func TestSVMTrainPackedSameView(t *testing.T) {
	keep(t, &trainSeed)
	keep(t, &useAVX)
	kb := loadOnce(t)
	entries := raceThinned(kb.entries)
	for _, seed := range []uint64{2026, 7} {
		trainSeed = seed
		want := trainSVMViewReference(entries, kb.ex, Topics)
		for _, avx := range []bool{false, useAVX} {
			useAVX = avx
			got := trainSVMView(entries, kb.ex, Topics)
			if !slices.Equal(got.row, want.row) || !slices.Equal(got.q, want.q) || !slices.Equal(got.scale, want.scale) || !slices.Equal(got.b, want.b) {
				t.Fatalf("seed %d, AVX %v: the packed training's view differs from the plain training's", seed, avx)
			}
		}
	}
}

// TestClassifierDocsMakeTheSVMTexts: the SVM view's training terms that
// the classifier's documents leave (Load trains the view on them) are the
// terms svmTexts hashes itself, text by text.
func TestClassifierDocsMakeTheSVMTexts(t *testing.T) {
	kb := loadOnce(t)
	got := &svmCorpus{}
	_ = classifierDocs(kb.entries, kb.ex, Topics, got)
	want := svmTexts(kb.entries, kb.ex, Topics)
	if len(want.docs) < 5000 {
		t.Fatalf("only %d training texts", len(want.docs))
	}
	if !slices.Equal(got.docs, want.docs) || !slices.Equal(got.terms, want.terms) {
		t.Fatalf("the classifier's documents leave %d texts, %d terms; svmTexts makes %d, %d (or other terms)", len(got.docs), len(got.terms), len(want.docs), len(want.terms))
	}
}
