package content

import (
	"math"
	"math/rand/v2"
)

// Entry-choice experiments of session 12, shipped OFF: each is switched
// on only by entryexperiments12_test.go's environment variables (X_MLP,
// X_SKIP, X_CATASK, ...) for TestTune and the understanding report, so
// their figures (entryclf.go, the note beside entryMix) can be measured
// again from this commit. None of them gained on the citizen messages,
// the held-out batches and fresh6/fresh8 together.
//
// An entry network: a one-hidden-layer network (ReLU or tanh) over the
// entry model's hashed features, trained per topic at load in a fixed
// seeded order, its probability blended into the entry model's at
// mlpShare; mlpWords: it reads the syllables and their pairs only (the
// first 2n-1 features hashedFeatures writes), not the character trigrams.
var (
	mlpShare  = 0.0 // the network's share of the entry probability; 0: off
	mlpHidden = 32
	mlpEpochs = 8
	mlpRate   = 0.5
	mlpInit   = 0.3
	mlpL2     = 1e-5
	mlpTanh   = false
	mlpWords  = false
)

type entryMLP struct {
	h, nc int
	row   []int32   // bucket & mask -> row + 1 (0: unseen in training)
	e     []float32 // row*h + unit
	b1    []float32 // h
	w2    []float32 // unit*nc + class
	b2    []float32 // nc
	mask  uint32
}

func (m *entryMLP) act(x float32) float32 {
	if mlpTanh {
		return float32(math.Tanh(float64(x)))
	}
	return max(x, 0)
}

// trainMLP trains a network on docs (classes given by class) in a fixed,
// seeded order.
func trainMLP(docs []trainDoc, class func(*trainDoc) int, nc int, mask uint32, rng *rand.Rand) *entryMLP {
	h := min(mlpHidden, 128) // probs keeps the hidden layer on the stack
	m := &entryMLP{h: h, nc: nc, mask: mask, row: make([]int32, mask+1), b1: make([]float32, h), w2: make([]float32, h*nc), b2: make([]float32, nc)}
	at := make([][]packedRow, len(docs))
	n := 0
	for i := range docs {
		for _, f := range docs[i].f {
			bk := f.bucket & mask
			if m.row[bk] == 0 {
				n++
				m.row[bk] = int32(n)
			}
			at[i] = append(at[i], packedRow{(m.row[bk] - 1) * int32(h), f.v})
		}
	}
	m.e = make([]float32, n*h)
	for i := range m.e {
		m.e[i] = float32(mlpInit * (2*rng.Float64() - 1))
	}
	b := 1 / math.Sqrt(float64(h))
	for i := range m.w2 {
		m.w2[i] = float32(b * (2*rng.Float64() - 1))
	}
	pre := make([]float32, h)
	hid := make([]float32, h)
	dh := make([]float32, h)
	p := make([]float64, nc)
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	for epoch := range mlpEpochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := float32(mlpRate / (1 + float64(epoch)*0.3))
		decay := 1 - rate*float32(mlpL2)
		for _, i := range order {
			cl := class(&docs[i])
			if cl < 0 {
				continue
			}
			m.forward(at[i], pre, hid, p)
			// Output layer.
			clear(dh)
			for k := range nc {
				g := float32(p[k])
				if k == cl {
					g--
				}
				if g > -1e-4 && g < 1e-4 {
					continue
				}
				for u := range h {
					w := &m.w2[u*nc+k]
					dh[u] += *w * g
					*w -= rate * g * hid[u]
				}
				m.b2[k] -= rate * g
			}
			for u := range h {
				if mlpTanh {
					dh[u] *= 1 - hid[u]*hid[u]
				} else if pre[u] <= 0 {
					dh[u] = 0
				}
				m.b1[u] -= rate * dh[u]
			}
			for _, r := range at[i] {
				row := m.e[r.at : int(r.at)+h : int(r.at)+h]
				s := rate * r.v
				for u := range row {
					row[u] = row[u]*decay - s*dh[u]
				}
			}
		}
	}
	return m
}

// forward fills pre and hid with the hidden layer's input and output and
// p with the class probabilities for the rows.
func (m *entryMLP) forward(rows []packedRow, pre, hid []float32, p []float64) {
	h := m.h
	copy(pre, m.b1)
	for _, r := range rows {
		row := m.e[r.at : int(r.at)+h : int(r.at)+h]
		for u, w := range row {
			pre[u] += w * r.v
		}
	}
	for u := range h {
		hid[u] = m.act(pre[u])
	}
	for k := range m.nc {
		p[k] = float64(m.b2[k])
	}
	for u, x := range hid {
		if x == 0 {
			continue
		}
		ws := m.w2[u*m.nc : (u+1)*m.nc]
		for k, w := range ws {
			p[k] += float64(w * x)
		}
	}
	softmax(p)
}

// probs fills p with the network's class probabilities for features f and
// extra.
func (m *entryMLP) probs(f, extra []feature, p []float64) {
	var pre, hid [128]float32
	h := m.h
	copy(pre[:h], m.b1)
	for _, fs := range [2][]feature{f, extra} {
		for _, x := range fs {
			r := m.row[x.bucket&m.mask]
			if r == 0 {
				continue
			}
			at := int(r-1) * h
			row := m.e[at : at+h : at+h]
			for u, w := range row {
				pre[u] += w * x.v
			}
		}
	}
	for u := range h {
		hid[u] = m.act(pre[u])
	}
	for k := range m.nc {
		p[k] = float64(m.b2[k])
	}
	for u, x := range hid[:h] {
		if x == 0 {
			continue
		}
		ws := m.w2[u*m.nc : (u+1)*m.nc]
		for k, w := range ws {
			p[k] += float64(w * x)
		}
	}
	softmax(p)
}

// Skip pairs: two syllables of the asking clause (weighing at least
// leadWeight; a training text's all) 2..skipSpan apart, hashed, beside
// the entry model's features at skipWeight in all (0: off).
var (
	skipWeight = 0.0
	skipSpan   = 3
)

var skipSeed = hashString(fnvOffset, "#skip")

// skipFeatures appends the skip pairs of syl among the syllables weighing
// at least leadWeight (all when w is nil).
func skipFeatures(dst []feature, syl []string, w []float32) []feature {
	if skipWeight == 0 {
		return dst
	}
	start := len(dst)
	for i := range syl {
		if w != nil && w[i] < leadWeight || syl[i] == "" {
			continue
		}
		hi := hashString(skipSeed, syl[i])
		for j := i + 2; j <= i+skipSpan && j < len(syl); j++ {
			if w != nil && w[j] < leadWeight || syl[j] == "" {
				continue
			}
			dst = append(dst, feature{bucketOf(mix(hi, hashString(fnvOffset, syl[j]))), 1})
		}
	}
	if n := len(dst) - start; n > 0 {
		v := float32(skipWeight / math.Sqrt(float64(n)))
		for i := start; i < len(dst); i++ {
			dst[i].v = v
		}
	}
	return dst
}

// Category × ask crosses: each household category named, alone and
// crossed with each kind of ask, beside the entry model's features at
// catAskWeight (0: off); a message's categories are those its question
// names (catAskAsked: the one it asks about).
var (
	catAskWeight = 0.0
	catAskAsked  = false
)

var catAskSeed = hashString(fnvOffset, "#catask")

func catAskFeatures(dst []feature, c category, a askKind) []feature {
	if catAskWeight == 0 || c == 0 {
		return dst
	}
	for b := range 8 {
		if c&(1<<b) == 0 {
			continue
		}
		h := mix(catAskSeed, uint64(b)+1)
		dst = append(dst, feature{bucketOf(h), float32(catAskWeight)})
		for k := range askKinds {
			if a&(1<<k) != 0 {
				dst = append(dst, feature{bucketOf(mix(h, uint64(k)+1)), float32(catAskWeight)})
			}
		}
	}
	return dst
}
