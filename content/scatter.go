package content

import "math"

// Retrieval adds, for each of a message's terms, the term's BM25 weight in
// every entry holding it to that entry's score. The words most messages
// use ("có", "không", "hộ", "được", …) occur in most entries: their
// postings make most of the work. Such a term keeps its weights as a dense
// row over every entry as well (0 where the entry lacks it), and runs of
// such terms are added a few rows at a time, each entry's sum held in a
// register: the same additions in the same order as the postings give,
// bit for bit (x + w·0 is x), with no index to read and one load and
// store of each sum per run instead of one per term. What a term needs is
// read from one place (termRow: its idf, its postings' place in one slab,
// its dense row) rather than from three tables and a list of its own:
// timed alone over the own questions, 1.22 -> 1.06 µs a message, with the
// cache cleared between messages 1.8 -> 1.5 µs. With AVX the dense runs
// are added four entries at a time (addRowsAVX: each product rounded,
// then added, never fused, so the same bits as the Go loops). The other
// terms' postings are read from two arrays apart, their entries (two
// bytes each) and weights, not from the slab of postings (sixteen bytes
// each, the term frequency scatter never reads among them): over the own
// questions in turn, a message reads about 430 postings, and Match is
// about 2% faster (the same messages timed in one process, the two
// layouts alternating).

// denseShare: a term found in at least this share of the entries keeps a
// dense row. Timed on the own questions in one process (the retrieval
// step alone, 250 messages, shares 0.25 to 0.5 alike): 1.8 µs a message
// with postings only, 1.3 µs with the dense rows; Match with and without
// them alternating in one process on the busy machine: 3.6 to 5.2% faster.
const denseShare = 0.5

// termRow is what scatter reads of a term, in one place: its idf, where
// its postings are in the index's slab, its dense row (0: none, else
// 1 + the row).
type termRow struct {
	idf      float64
	from, to int32
	dense    int32
}

// buildScatter lays out the terms' postings in one slab (ix.post's lists
// become views of it), their termRows, and the dense rows of the terms
// found in at least denseShare of n entries.
func (ix *index) buildScatter(n int) {
	total := 0
	for _, p := range ix.post {
		total += len(p)
	}
	slab := make([]posting, 0, total)
	ix.rows = make([]termRow, len(ix.post))
	for id, p := range ix.post {
		from := len(slab)
		slab = append(slab, p...)
		ix.post[id] = slab[from:len(slab):len(slab)]
		ix.rows[id] = termRow{idf: ix.idf[id], from: int32(from), to: int32(len(slab))}
		if n == 0 || float64(len(p)) < denseShare*float64(n) {
			continue
		}
		at := len(ix.dense)
		ix.rows[id].dense = int32(at/n) + 1
		ix.dense = append(ix.dense, make([]float64, n)...)
		for _, q := range p {
			ix.dense[at+int(q.entry)] = q.w
		}
	}
	ix.slab, ix.nEntries = slab, n
	if n <= math.MaxUint16+1 {
		// What scatter reads of each posting, in the slab's order.
		ix.postEntry = make([]uint16, len(slab))
		ix.postW = make([]float64, len(slab))
		for i, p := range slab {
			ix.postEntry[i], ix.postW[i] = uint16(p.entry), p.w
		}
	}
}

// scatter adds to scores (one per entry), term by term in order, the
// weight idf × tw[i] × the term's BM25 weight in each entry of terms[i]
// (negative: no term).
func (ix *index) scatter(scores []float64, terms []int32, tw []float32) {
	var rows [4][]float64
	var ws [4]float64
	k := 0
	for i, t := range terms {
		if t < 0 {
			continue
		}
		tr := &ix.rows[t]
		wi := tr.idf * float64(tw[i])
		if tr.dense != 0 {
			r := int(tr.dense-1) * ix.nEntries
			rows[k], ws[k] = ix.dense[r:r+ix.nEntries], wi
			if k++; k == len(rows) {
				addRows(scores, &rows, &ws, k)
				k = 0
			}
			continue
		}
		if k > 0 {
			addRows(scores, &rows, &ws, k)
			k = 0
		}
		if ix.postEntry != nil {
			ws := ix.postW[tr.from:tr.to]
			for j, e := range ix.postEntry[tr.from:tr.to] {
				scores[e] += wi * ws[j]
			}
			continue
		}
		for _, p := range ix.slab[tr.from:tr.to] {
			scores[p.entry] += wi * p.w
		}
	}
	if k > 0 {
		addRows(scores, &rows, &ws, k)
	}
}

// addRows adds ws[j] × rows[j] to scores for the first k rows, in order:
// with AVX four entries at a time, and the last len(scores)%4 by addRowsGo.
func addRows(scores []float64, rows *[4][]float64, ws *[4]float64, k int) {
	if useAVX && k > 0 && len(scores) >= 4 {
		n := len(scores) &^ 3
		var p [4]*float64
		for j := range k {
			p[j] = &rows[j][:len(scores)][0]
		}
		addRowsAVX(&scores[0], &p, ws, k, n)
		var tail [4][]float64
		for j := range k {
			tail[j] = rows[j][n:]
		}
		addRowsGo(scores[n:], &tail, ws, k)
		return
	}
	addRowsGo(scores, rows, ws, k)
}

// addRowsGo is addRows in Go alone: each product rounded, then added.
func addRowsGo(scores []float64, rows *[4][]float64, ws *[4]float64, k int) {
	switch k {
	case 4:
		a, b, c, d := rows[0][:len(scores)], rows[1][:len(scores)], rows[2][:len(scores)], rows[3][:len(scores)]
		wa, wb, wc, wd := ws[0], ws[1], ws[2], ws[3]
		for e, v := range scores {
			v += wa * a[e]
			v += wb * b[e]
			v += wc * c[e]
			v += wd * d[e]
			scores[e] = v
		}
	case 3:
		a, b, c := rows[0][:len(scores)], rows[1][:len(scores)], rows[2][:len(scores)]
		wa, wb, wc := ws[0], ws[1], ws[2]
		for e, v := range scores {
			v += wa * a[e]
			v += wb * b[e]
			v += wc * c[e]
			scores[e] = v
		}
	case 2:
		a, b := rows[0][:len(scores)], rows[1][:len(scores)]
		wa, wb := ws[0], ws[1]
		for e, v := range scores {
			v += wa * a[e]
			v += wb * b[e]
			scores[e] = v
		}
	case 1:
		a, wa := rows[0][:len(scores)], ws[0]
		for e, v := range scores {
			scores[e] = v + wa*a[e]
		}
	}
}
