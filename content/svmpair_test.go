package content

import (
	"math/rand/v2"
	"testing"
)

// TestSVMPairSameRows: paired, the topic view and the danger model read
// every bucket's row byte for byte as each reads it alone, and give the
// same margins as alone on every message of the test sets.
func TestSVMPairSameRows(t *testing.T) {
	kb := loadOnce(t)
	if kb.svm == nil || kb.det.model == nil {
		t.Skip("no SVM view or no danger model")
	}
	a, b := kb.svmRows(), kb.det.model.rows
	if a.q == nil || b.q == nil || &a.q[0] != &b.q[0] {
		t.Fatal("the topic view and the danger model are not paired")
	}
	for _, c := range []struct {
		v *svmView
		r svmRows
	}{{kb.svm, a}, {kb.det.model.view, b}} {
		for bk := range svmBuckets {
			own := c.v.q[int(c.v.row[bk])*svmRowBytes:][:svmRowBytes]
			paired := c.r.q[int(c.r.row[bk])<<c.r.shift+c.r.off:][:svmRowBytes]
			if string(own) != string(paired) {
				t.Fatalf("bucket %d: paired row %v, own %v", bk, paired, own)
			}
		}
	}
	cnt := make([]uint16, svmBuckets)
	r := rand.New(rand.NewPCG(61, 1))
	s := kb.newScratch()
	for _, text := range fastpathMessages(t) {
		terms := svmHashTerms(nil, s.spoken())
		kb.score(s, text)
		terms = svmHashTerms(terms[:0], s.spoken())
		if r.IntN(8) == 0 {
			// Past the stack table too: the long count array.
			for len(terms) <= smallSet/2 {
				terms = append(terms, terms...)
			}
		}
		for _, c := range []struct {
			v *svmView
			r svmRows
		}{{kb.svm, a}, {kb.det.model.view, b}} {
			own, paired := make([]float64, c.v.nc), make([]float64, c.v.nc)
			c.v.margins(terms, cnt, nil, own)
			c.v.marginsIn(c.r, terms, cnt, nil, paired)
			for k := range own {
				if own[k] != paired[k] {
					t.Fatalf("%q: class %d margin %v paired, %v alone", text, k, paired[k], own[k])
				}
			}
		}
	}
}
