package content

// The models learn their documents by stochastic gradient descent, one
// document at a time, so the order of the documents shapes what they
// learn. A shuffle of positions (a seeded permutation of 0..n-1) gives
// every document a new place as soon as one document is added or taken
// out: one example added by the content team reordered every pass, and
// the answers to a few hundred unrelated messages moved with it.
//
// Each pass therefore orders the documents by a key drawn from what they
// are: a hash of the feature buckets and the class of a document (the
// words it holds, not their weights, which depend on all the others),
// counted apart when the same document comes more than once, mixed with
// the seed and the pass. A document added, edited or removed takes or
// leaves one place in every pass; the others keep their order. See
// docs/architecture.md §3, "Training order".
//
// The functions below touch only their arguments and what they make, as
// linear.train does, and run over every document of every pass: like it
// they are go:norace, or a load under the race detector takes minutes.

// docHash returns the hash of a document with these feature buckets and
// this class.
//
//go:norace
func docHash(f []feature, class int) uint64 {
	h := uint64(0xcbf29ce484222325)
	for _, x := range f {
		h = (h ^ uint64(x.bucket)) * 0x100000001b3
	}
	return (h ^ uint64(class)) * 0x100000001b3
}

// docKeys returns the order keys of docs, classes given by class.
func docKeys(docs []trainDoc, class func(*trainDoc) int) []uint64 {
	return orderKeys(len(docs), func(i int) ([]feature, int) { return docs[i].f, class(&docs[i]) })
}

// orderKeys returns the order keys of n documents, doc giving the i-th's
// features and class: the hash of each, the n-th copy of the same
// document (from 0, in their order) told apart by n.
//
//go:norace
func orderKeys(n int, doc func(i int) ([]feature, int)) []uint64 {
	s := make([]keyed, n)
	for i := range n {
		f, class := doc(i)
		s[i] = keyed{docHash(f, class), int32(i)}
	}
	s = radixSort(s, make([]keyed, n))
	keys := make([]uint64, n)
	copies := uint64(0)
	for j, x := range s {
		if j > 0 && x.k == s[j-1].k {
			copies++
		} else {
			copies = 0
		}
		keys[x.i] = mix64(x.k ^ copies<<48)
	}
	return keys
}

// passOrder fills order with the indices of keys in the order of pass
// under seed: by the keys mixed with both, ties by index.
//
//go:norace
func passOrder(keys []uint64, seed uint64, pass int, order []int32) {
	s := make([]keyed, len(keys))
	salt := mix64(seed*0x9e3779b97f4a7c15 + uint64(pass) + 1)
	for i, k := range keys {
		s[i] = keyed{mix64(k ^ salt), int32(i)}
	}
	for j, x := range radixSort(s, make([]keyed, len(s))) {
		order[j] = x.i
	}
}

// keyed is an index and its key.
type keyed struct {
	k uint64
	i int32
}

// radixSort sorts s by key, stably (equal keys keep their order), using
// tmp (as long as s) as scratch, and returns the sorted slice (s or tmp).
//
//go:norace
func radixSort(s, tmp []keyed) []keyed {
	const bits = 11
	var count [1 << bits]int
	for shift := 0; shift < 64; shift += bits {
		clear(count[:])
		for _, x := range s {
			count[x.k>>shift&(1<<bits-1)]++
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for _, x := range s {
			d := x.k >> shift & (1<<bits - 1)
			tmp[count[d]] = x
			count[d]++
		}
		s, tmp = tmp, s
	}
	return s
}

// mix64 is SplitMix64's finaliser: every bit of x moves about half of
// the result's.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// orderSeed makes one seed of a model's stream and the training seed.
func orderSeed(stream, seed uint64) uint64 {
	return mix64(stream<<32 ^ seed)
}
