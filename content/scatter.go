package content

// denseShare is the share of the entries above which a term's postings are
// also kept as a dense row: adding a row to the scores in entry order runs
// faster than scattering the same postings.
const denseShare = 4

// buildDense keeps, for each term found in more than 1/denseShare of the n
// entries, its BM25 weights as a row indexed by entry (0 where the term is
// absent).
func (ix *index) buildDense(n int) {
	ix.dense = make([][]float64, len(ix.post))
	for t, post := range ix.post {
		if len(post)*denseShare <= n {
			continue
		}
		row := make([]float64, n)
		for _, p := range post {
			row[p.entry] = p.w
		}
		ix.dense[t] = row
	}
}

// addTerm adds term t's weights times wi to the entries' scores. A dense
// row adds wi·0 to the entries without the term: a signed zero, which
// leaves every sum as it was (the scores start at +0), so the scores are
// the same bit for bit as the postings' scatter gives.
func (ix *index) addTerm(scores []float64, t int32, wi float64) {
	if row := ix.dense[t]; row != nil {
		scores = scores[:len(row)]
		j := 0
		for ; j+4 <= len(row); j += 4 {
			r := row[j : j+4 : j+4]
			sc := scores[j : j+4 : j+4]
			sc[0] += wi * r[0]
			sc[1] += wi * r[1]
			sc[2] += wi * r[2]
			sc[3] += wi * r[3]
		}
		for ; j < len(row); j++ {
			scores[j] += wi * row[j]
		}
		return
	}
	for _, p := range ix.post[t] {
		scores[p.entry] += wi * p.w
	}
}
