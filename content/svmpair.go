package content

// The topic view (svmview.go) and the danger model (dangermodel.go) hash a
// message's terms alike (svmHashTerms) and read nearly the same terms of
// every message: over the own questions 71 of each one's 72 distinct
// buckets are the other's too. Each view alone reads a bucket's row number
// (a table of 65,536) and then its 16-byte row, two cache lines a term
// that no other part of the matcher reads, twice over. Paired, the two
// views share one table of row numbers and one of 32-byte rows, the topic
// view's row and the danger model's side by side in the same half cache
// line: the danger model's reading of a message (the detector runs first)
// leaves in the cache what the topic view reads of it. What each view
// reads is byte for byte what it read alone (TestSVMPairSameRows). See
// docs/architecture.md (performance).

// svmRows is where margins reads a view's rows: bucket b's row is the
// svmRowBytes at q[int(row[b])<<shift+off:].
type svmRows struct {
	row   []uint16
	q     []byte
	shift uint
	off   int
}

const (
	svmRowShift  = 4 // log2 svmRowBytes
	svmPairShift = svmRowShift + 1
)

// own returns the view's rows as trained (or read from the model cache).
func (m *svmView) own() svmRows { return svmRows{row: m.row, q: m.q, shift: svmRowShift} }

// pairRows lays out the rows of the views a and b side by side: each
// bucket's pair of rows (a's, then b's) once in one table, a pair that
// repeats shared. It returns where each view reads its rows, or false
// when the pairs are too many for a 16-bit row number.
func pairRows(a, b *svmView) (ra, rb svmRows, ok bool) {
	if len(a.row) != len(b.row) {
		return ra, rb, false
	}
	row := make([]uint16, len(a.row))
	at := map[[2]uint16]uint16{{0, 0}: 0}
	pairs := [][2]uint16{{0, 0}}
	for bk := range row {
		p := [2]uint16{a.row[bk], b.row[bk]}
		id, seen := at[p]
		if !seen {
			if len(pairs) > 1<<16-1 {
				return ra, rb, false
			}
			id = uint16(len(pairs))
			at[p] = id
			pairs = append(pairs, p)
		}
		row[bk] = id
	}
	q := make([]byte, len(pairs)<<svmPairShift)
	for id, p := range pairs {
		dst := q[id<<svmPairShift:]
		copy(dst[:svmRowBytes], a.q[int(p[0])*svmRowBytes:])
		copy(dst[svmRowBytes:2*svmRowBytes], b.q[int(p[1])*svmRowBytes:])
	}
	return svmRows{row: row, q: q, shift: svmPairShift}, svmRows{row: row, q: q, shift: svmPairShift, off: svmRowBytes}, true
}
