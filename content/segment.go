package content

// Words typed without spaces ("hotro", "canngheo", "thebhyt") are split
// back into the knowledge base's syllables and abbreviations by repair.

// piece is one word of a run-together token: a known syllable, or an
// abbreviation ("ngheoko" → "ngheo" + "ko") when abbr is set.
type piece struct {
	start, end int
	id         int32 // the syllable, or the abbreviation's last syllable
	abbr       bool
}

// segment splits x into two or three pieces, each a known syllable or an
// abbreviation of two letters or more, each pair of them a bigram the
// knowledge base uses ("hotro" → "ho tro", "thebhyt" → "the bhyt"), the
// fewest pieces first. A letter typed twice at a boundary was squashed by
// folding, so a piece may also start with the last letter of the one
// before ("canngheo", folded "cangheo" → "can ngheo"). Pieces of one letter
// are only "y" and "o" ("baohiemy te", "odau"). It returns the number of
// pieces, kept in out, or 0.
func (ix *index) segment(x string, out *[3]piece) int {
	if len(x) < 3 {
		return 0
	}
	for n := 2; n <= 3; n++ {
		if ix.segFrom(x, 0, 0, n, out) {
			return n
		}
	}
	return 0
}

// segFrom places pieces depth..n-1 of x from byte at on.
func (ix *index) segFrom(x string, at, depth, n int, out *[3]piece) bool {
	for shared := 0; shared <= 1; shared++ {
		if shared == 1 && depth == 0 {
			break
		}
		start := at - shared
		for end := at + 1; end <= len(x); end++ {
			last := depth == n-1
			if last && end < len(x) {
				end = len(x)
			}
			if !last && end == len(x) {
				break
			}
			if end-start < 2 && x[start] != 'y' && x[start] != 'o' {
				continue // one letter: too easily a piece of anything
			}
			p, ok := ix.pieceOf(x, start, end)
			if !ok {
				continue
			}
			if depth > 0 {
				if _, ok := ix.bigramT.lookup(out[depth-1].id, p.first); !ok {
					continue
				}
			}
			out[depth] = p.piece
			if last || ix.segFrom(x, end, depth+1, n, out) {
				return true
			}
		}
	}
	return false
}

// firstPiece is a piece with the id of its first syllable.
type firstPiece struct {
	piece
	first int32
}

// pieceOf reads x[start:end] as a known syllable or an abbreviation whose
// syllables are known.
func (ix *index) pieceOf(x string, start, end int) (firstPiece, bool) {
	w := x[start:end]
	if id, ok := ix.id(w); ok {
		return firstPiece{piece{start, end, id, false}, id}, true
	}
	long, ok := ix.abbrev[w]
	if !ok || len(w) < 2 {
		return firstPiece{}, false
	}
	first, ok1 := ix.id(long[0])
	last, ok2 := ix.id(long[len(long)-1])
	if !ok1 || !ok2 {
		return firstPiece{}, false
	}
	return firstPiece{piece{start, end, last, true}, first}, true
}
