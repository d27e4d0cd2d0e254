package content

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// svmKB returns the shared knowledge base with the SVM view blended in at
// the tuned weight.
// It sets the package's svmBeta: a test calling it must not run in
// parallel (the race detector caught TestSVMViewFastPath and
// TestSVMTermsShared writing it beside the parallel fast-path tests).
func svmKB(t *testing.T) *KB {
	t.Helper()
	beta := svmBeta
	svmBeta = svmTunedBeta
	t.Cleanup(func() { svmBeta = beta })
	kb := loadOnce(t)
	return kb
}

// TestSVMViewBlend: blending the SVM view in moves a message toward the
// topic it asks about. The message (the poverty status it names against the
// electricity support it asks for) was read as poverty status without the
// view until the third citizen batch; now both read it right, and the view
// must still raise the asked topic's share over the named one.
func TestSVMViewBlend(t *testing.T) {
	kb := svmKB(t)
	day, _ := ParseDate("2026-11-27")
	for _, c := range []struct{ text, named, on string }{
		{"hoi ve khoan tien dien cho ho ngheo, nha toi chua duoc nhan lan nao, phai lam gi", TopicPovertyStatus, TopicElectricity},
	} {
		lead := func() float64 {
			var on, named float64
			for _, ts := range kb.Explain(c.text, day, 3).Topics {
				switch ts.Topic {
				case c.on:
					on = ts.Classifier
				case c.named:
					named = ts.Classifier
				}
			}
			return on - named
		}
		svmBeta = 0
		off := lead()
		svmBeta = svmTunedBeta
		if got := kb.Match(c.text, day).Topic; got != c.on {
			t.Errorf("with the view %q: %s, want %s", c.text, got, c.on)
		}
		if on := lead(); on <= off {
			t.Errorf("%q: the view moves %s's lead over %s from %.3f to %.3f, want a rise", c.text, c.on, c.named, off, on)
		}
		x := kb.Explain(c.text, day, 3)
		if x.SVMBeta != svmTunedBeta || len(x.SVM) == 0 || x.SVM[0].Topic != c.on {
			t.Errorf("explain %q: svm view β %.2f, top %v, want β %.2f top %s", c.text, x.SVMBeta, x.SVM, svmTunedBeta, c.on)
		}
	}
}

// TestSVMViewDeterministic: two builds give the view the same weights and
// the same probabilities for a message, twice.
func TestSVMViewDeterministic(t *testing.T) {
	a := svmKB(t)
	b, err := Load(Embedded()) // a second build, trained again
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.svm.q, b.svm.q) || !slices.Equal(a.svm.scale, b.svm.scale) || !slices.Equal(a.svm.b, b.svm.b) {
		t.Fatal("two builds give the view different weights")
	}
	text := "nha toi ho ngheo vay von lam chuong bo duoc khong"
	var first []float64
	for _, kb := range []*KB{a, a, b} {
		s := kb.newScratch()
		kb.score(s, text)
		if first == nil {
			first = append([]float64(nil), s.svm...)
			continue
		}
		for k := range first {
			if s.svm[k] != first[k] {
				t.Fatalf("topic %s: %v, then %v", kb.clf.topics[k], first[k], s.svm[k])
			}
		}
	}
}

// TestSVMViewFastPath holds the packed view (idf folded into the rows,
// terms counted in a shared table) to a straightforward reading of the same
// weights on every message of the test sets: counts in a map, the TF-IDF
// vector scaled to unit length in float64, margins as its dot product with
// each class's weights (the counts' weights in the view's fixed point).
func TestSVMViewFastPath(t *testing.T) {
	kb := svmKB(t)
	m := kb.svm
	s := kb.newScratch()
	for _, text := range fastpathMessages(t) {
		kb.score(s, text)
		cnt := map[uint32]int{}
		var order []uint32
		for _, b := range svmHashTerms(nil, s.spoken()) {
			if cnt[b] == 0 {
				order = append(order, b)
			}
			cnt[b]++
		}
		var sq float64
		for _, b := range order {
			r := int(m.row[b]) * svmRowBytes
			idf := float64(uint8(m.q[r+svmIDFAt])) + 256*float64(uint8(m.q[r+svmIDFAt+1]))
			v := float64(sublinear(uint16(cnt[b]))) * idf / svmIDFUnit
			sq += v * v
		}
		want := make([]float64, m.nc)
		for k := range want {
			var dot float64
			for _, b := range order {
				r := int(m.row[b]) * svmRowBytes
				dot += float64(sublinearQ(uint16(cnt[b]))) / svmTFUnit * float64(int8(m.q[r+k])) * float64(m.scale[k])
			}
			if sq > 0 {
				dot /= math.Sqrt(sq)
			}
			want[k] = (dot + float64(m.b[k])) / svmTemp
		}
		softmax(want)
		for k := range want {
			if math.Abs(s.svm[k]-want[k]) > 1e-5 {
				t.Fatalf("%q: the view gives %s %.6f, the reference %.6f", text, kb.clf.topics[k], s.svm[k], want[k])
			}
		}
	}
}

// BenchmarkSVMView measures the view's reading alone (hashing, counting,
// the rows read, softmax and blend) over the own questions' syllables.
func BenchmarkSVMView(b *testing.B) {
	beta := svmBeta
	svmBeta = svmTunedBeta
	b.Cleanup(func() { svmBeta = beta })
	kb, err := Load(Embedded())
	if err != nil {
		b.Fatal(err)
	}
	type msg struct {
		syl []string
		w   []float32
		th  termHashes
	}
	var msgs []msg
	s := kb.newScratch()
	for _, l := range readTSV(b, "testdata/questions.tsv") {
		kb.score(s, l[1])
		th := termHashes{slices.Clone(s.th.syl), slices.Clone(s.th.gram)}
		msgs = append(msgs, msg{slices.Clone(s.syl), slices.Clone(s.w), th})
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m := msgs[i%len(msgs)]
		s.syl, s.w, s.th = m.syl, m.w, m.th
		kb.svmBlend(s)
	}
}

// TestSVMViewManyTerms: a message of more distinct terms than the 16-bit
// lanes hold, every weight at the bytes' extremes, sums exactly as one
// term at a time does.
func TestSVMViewManyTerms(t *testing.T) {
	const nc, terms = 12, 1000
	m := &svmView{nc: nc, row: make([]uint16, svmBuckets), q: make([]byte, (terms+1)*svmRowBytes), scale: make([]float32, nc), b: make([]float32, nc)}
	for k := range m.scale {
		m.scale[k] = 1
	}
	var want [nc]int64
	var bs []uint32
	for i := range terms {
		b := uint32(i * 37 % svmBuckets)
		m.row[b] = uint16(i + 1)
		row := m.q[(i+1)*svmRowBytes:]
		putIDF(row, 1)
		for k := range nc {
			w := int8(127)
			if k == 0 || k == 5 && i%2 == 0 {
				w = -128
			}
			row[k] = byte(w)
			want[k] += int64(w)
		}
		bs = append(bs, b)
	}
	out := make([]float64, nc)
	m.margins(bs, make([]uint16, svmBuckets), nil, out)
	norm := math.Sqrt(terms)
	for k := range nc {
		if got, w := out[k], float64(float32(want[k]*svmTFUnit)*float32(1/norm)/svmTFUnit); got != w {
			t.Errorf("class %d: margin %v, want %v (weights summing to %d)", k, got, w, want[k])
		}
	}
}

// TestSVMTermsShared: the view's terms made of the hashes the classifier's
// features kept (svmTermsOf) are the terms svmHashTerms makes of the same
// syllables, on every message of the test sets, long ones (beyond the
// 512-byte line) included.
func TestSVMTermsShared(t *testing.T) {
	kb := svmKB(t)
	s := kb.newScratch()
	shared, long := 0, 0
	msgs := fastpathMessages(t)
	msgs = append(msgs, strings.Repeat("nhà tôi hộ nghèo xin hỗ trợ tiền điện ", 30))
	for _, text := range msgs {
		kb.score(s, text)
		if len(s.syl) == 0 || slices.Contains(s.w, 0) {
			continue
		}
		shared++
		if len(text) > 512 {
			long++
		}
		got := svmTermsOf(nil, &s.th)
		if want := svmHashTerms(nil, s.syl); !slices.Equal(got, want) {
			t.Fatalf("%q: shared terms %v, want %v", text, got, want)
		}
	}
	if shared < len(msgs)/2 || long == 0 {
		t.Fatalf("only %d of %d messages read every syllable (%d long)", shared, len(msgs), long)
	}
}
