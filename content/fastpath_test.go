package content

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The matcher's hot paths (the detector's word table and danger-first
// scan) are optimised; these tests hold them to straightforward reference
// implementations on every message of the test sets and variants of them,
// so an optimisation can never change an answer.

// raceStride thins fastpathMessages and raceThinned under the race
// detector.
const raceStride = 4

// raceThinned returns s, or every raceStride-th element of it under the
// race detector: for the tests holding a training to its reference bit for
// bit, which the race detector slows tenfold and has nothing to find in (a
// training runs on one goroutine). CI runs them on all of s once more
// without it (.ci/run).
func raceThinned[T any](s []T) []T {
	if !raceEnabled {
		return s
	}
	var out []T
	for i := 0; i < len(s); i += raceStride {
		out = append(out, s[i])
	}
	return out
}

// fastpathMessages returns every distinct message of the repository's test sets and,
// when present, the workspace's dev set, each also without marks, in upper
// case, with repeated letters and with phone spellings ("wá", "fải").
//
// Under the race detector, which makes these replays three to eleven times
// slower and has nothing more to find in the thousandth message than in
// the first, it returns every raceStride-th message (with all its
// variants); CI replays every message once more without it (.ci/run).
func fastpathMessages(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("testdata/*.tsv")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test sets in testdata (%v)", err)
	}
	if _, err := os.Stat("../../shared/dev-questions.tsv"); err == nil {
		paths = append(paths, "../../shared/dev-questions.tsv")
	}
	var out []string
	seen := map[string]bool{} // a second labeller's set repeats the first's messages
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			cols := strings.Split(sc.Text(), "\t")
			if len(cols) < 2 || cols[0] == "topic" || strings.HasPrefix(cols[0], "#") {
				continue
			}
			m := cols[1]
			if seen[m] {
				continue
			}
			seen[m] = true
			if raceEnabled && (len(seen)-1)%raceStride != 0 {
				continue
			}
			phone := strings.NewReplacer("qu", "w", "ph", "f", "Qu", "W", "Ph", "F").Replace(m)
			out = append(out, m, Fold(m), strings.ToUpper(m), strings.ReplaceAll(m, "o", "oo"), phone, "ck wá "+m+" * 12ab")
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// refScan is the detector's message split written plainly: one look-up per
// question, a string per word.
func (d *detector) refScan(text string) *dmsg {
	m := &dmsg{}
	// The text is read a clause at a time: the last word of a clause, when
	// it is made of letters, ends it (dsyl.brk).
	var ws []string
	var brk, titled []bool
	for _, clause := range strings.FieldsFunc(text, isClauseEnd) {
		cw := words(clause)
		ws = append(ws, cw...)
		for _, w := range splitWords(clause, false) {
			titled = append(titled, isTitled(w))
		}
		for k, w := range cw {
			last := k == len(cw)-1
			r, _ := utf8.DecodeRuneInString(w)
			brk = append(brk, last && !unicode.IsDigit(r))
		}
	}
	for wi, w := range ws {
		fold := foldWord(w)
		if !d.vocab[fold] {
			if _, known := d.known[fold]; !known {
				fold = respell(fold)
			}
		}
		long, ok := d.teen[fold]
		if !ok && d.ex != nil {
			long, ok = d.ex.abbrev[fold]
		}
		if ok {
			for _, l := range long {
				m.syl = append(m.syl, dsyl{fold: l})
				m.titled = append(m.titled, 2)
			}
			m.syl[len(m.syl)-1].brk = brk[wi]
			continue
		}
		s := dsyl{fold: fold, brk: brk[wi]}
		m.titled = append(m.titled, 2)
		if titled[wi] {
			m.titled[len(m.titled)-1] = 1
		}
		if !isASCII(w) {
			s.marked, s.word = true, []byte(w)
		}
		if _, known := d.known[fold]; !d.vocab[fold] && !known {
			s.alts = d.typosOf(nil, []byte(fold))
		}
		m.syl = append(m.syl, s)
	}
	marked := 0
	for _, s := range m.syl {
		if s.marked {
			marked++
		}
	}
	m.accented = marked >= 2 && 3*marked >= len(m.syl)
	m.nouns, m.titles = d.placeNouns, -1
	matchAt := func(i int, first string) {
		for _, id := range d.first[first] {
			if end, ok := matchFrom(m, i, d.all[id], 0, 0); ok && !m.named(d.all[id], i, end, d.marker[id]) {
				m.addHit(id, [2]int{i, end})
			}
		}
	}
	for i := range m.syl {
		matchAt(i, m.syl[i].fold)
		for _, alt := range m.syl[i].alts {
			matchAt(i, alt)
		}
	}
	return m
}

// isTitled reports whether w's first letter is its only capital.
func isTitled(w string) bool {
	for i, r := range w {
		if unicode.IsUpper(r) != (i == 0) {
			return false
		}
	}
	return w != ""
}

func TestDetectorFastPath(t *testing.T) {
	t.Parallel() // pure and long: beside the others on a second core
	kb := loadOnce(t)
	d := kb.det
	fired := 0
	for _, text := range fastpathMessages(t) {
		want, wantOK := d.judge(d.refScan(text))
		got, ok := d.detectWords(text) // the vocabulary's reading; the model reads after it
		if got != want || ok != wantOK {
			t.Errorf("detectWords(%q) = %+v %v, the reference gives %+v %v", text, got, ok, want, wantOK)
		}
		if ok {
			fired++
		}
	}
	if fired < 200 {
		t.Errorf("only %d messages fired the detector: the sets lack dangers to compare on", fired)
	}
}

// refSyllables is appendSyllables written plainly, a string per syllable.
func refSyllables(s string) []string {
	var out []string
	var b []byte
	kind := 0
	var prev rune
	flush := func() {
		if len(b) > 0 {
			out = append(out, string(b))
			b = b[:0]
		}
		kind, prev = 0, 0
	}
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			f := foldRune(r)
			if f == 0 {
				continue
			}
			if kind == 2 {
				flush()
			}
			kind = 1
			if f == prev {
				continue
			}
			b = utf8.AppendRune(b, f)
			prev = f
		case unicode.IsDigit(r):
			if kind == 1 {
				flush()
			}
			kind = 2
			b = utf8.AppendRune(b, r)
			prev = 0
		default:
			flush()
		}
		if len(b) > 48 {
			flush()
		}
	}
	flush()
	return out
}

// refTerms is queryTerms written plainly: duplicates found by search.
func (kb *KB) refTerms(syl []string, w []float32) (terms []int32, tw []float32, pos []int32) {
	put := func(id int32, wt float32) {
		if i := slices.Index(terms, id); id >= 0 && i >= 0 {
			tw[i] = max(tw[i], wt)
			return
		}
		terms, tw = append(terms, id), append(tw, wt)
	}
	prev := int32(-1)
	for i, word := range syl {
		id, ok := kb.ix.vocab[word]
		if !ok {
			id = kb.ix.correct(word)
		}
		pos = append(pos, id)
		if id < 0 && word[0] >= '0' && word[0] <= '9' {
			id = unknownNumber
		}
		put(id, w[i])
		if b, ok := kb.ix.bigrams[bigramKey(prev, id)]; ok && prev >= 0 && id >= 0 {
			put(b, min(w[i], w[i-1]))
		}
		prev = id
	}
	return terms, tw, pos
}

// refCoverage is coverage searching the message's positions.
func (kb *KB) refCoverage(pos []int32, entry int) float64 {
	var have, all float64
	for _, id := range kb.ix.titles[entry] {
		all += kb.ix.idf[id]
		if slices.Contains(pos, id) {
			have += kb.ix.idf[id]
		}
	}
	if all == 0 {
		return 0
	}
	return have / all
}

func TestMatcherFastPath(t *testing.T) {
	t.Parallel() // pure and long: beside the others on a second core
	kb := loadOnce(t)
	if kb.packed == nil {
		t.Fatal("the classifier was not packed")
	}
	reused := kb.newScratch() // as the pool reuses one scratch for many messages
	for _, text := range fastpathMessages(t) {
		if got, want := appendSyllables(nil, text), refSyllables(text); !slices.Equal(got, want) {
			t.Fatalf("appendSyllables(%q) = %q, the reference gives %q", text, got, want)
		}
		fresh := kb.newScratch()
		if a, b := kb.score(fresh, text), kb.score(reused, text); a == 0 || b == 0 {
			// Nothing known to score ("🆘🆘🆘" has no letter): score
			// stops before the scratch, and Match answers unknown.
			if a != b {
				t.Fatalf("score(%q) = %v on a fresh scratch, %v on a reused one", text, a, b)
			}
			continue
		}
		terms, tw, pos := kb.refTerms(reused.syl, reused.w)
		if !slices.Equal(reused.terms, terms) || !slices.Equal(reused.tw, tw) || !slices.Equal(reused.pos, pos) {
			t.Fatalf("queryTerms(%q) = %v %v %v, the reference gives %v %v %v", text, reused.terms, reused.tw, reused.pos, terms, tw, pos)
		}
		for i := range kb.entries {
			if got, want := kb.coverage(reused, i), kb.refCoverage(pos, i); got != want {
				t.Fatalf("coverage(%q, %s) = %v, the reference gives %v", text, kb.entries[i].ID, got, want)
			}
		}
		probs := make([]float64, len(kb.clf.topics))
		kb.clf.probs(reused.feats, probs)
		sharpen(probs) // as score does
		if reused.svm != nil && svmBeta > 0 {
			// The SVM view's reading (TestSVMViewFastPath), out of scope
			// too when retrieval agrees with it (TestSVMAgreeBlendsOutOfScope).
			if reused.agree >= 0 {
				blendAll(probs, reused.svm)
			} else {
				blend(probs, reused.svm)
			}
		}
		if !slices.Equal(reused.probs, probs) {
			t.Fatalf("the packed classifier gives %v for %q, the classifier %v", reused.probs, text, probs)
		}
		if !slices.Equal(reused.scores, fresh.scores) || !slices.Equal(reused.probs, fresh.probs) {
			t.Fatalf("a reused scratch scores %q differently from a fresh one", text)
		}
	}
}

func TestForceOnFollowsTheDay(t *testing.T) {
	kb := loadOnce(t)
	s := kb.newScratch()
	changes := 0
	for _, day := range []time.Time{
		time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC), time.Date(2030, 7, 1, 0, 0, 0, 0, time.UTC),
	} {
		d := DateOf(day)
		for i, e := range kb.entries {
			want := e
			if !e.ValidOn(d) {
				want = kb.versionOn(e, d)
				changes++
			}
			if got := s.forceOn(kb, d)[i]; got != want {
				t.Errorf("forceOn(%s)[%s] = %v, want %v", day.Format(time.DateOnly), e.ID, got, want)
			}
		}
	}
	if changes == 0 {
		t.Error("no entry changes version over the days tried: the test cannot fail")
	}
}

func TestRuneTable(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		want := uint8(0)
		if unicode.IsLetter(r) {
			want |= rcLetter
		}
		if unicode.Is(unicode.Mn, r) {
			want |= rcMark
		}
		if unicode.IsDigit(r) {
			want |= rcDigit
		}
		if got := runeClass(r) &^ rcNFC; got != want {
			t.Fatalf("runeClass(%U) = %b, want %b", r, got, want)
		}
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			t.Fatalf("lowerRune(%U) = %U, want %U", r, got, want)
		}
		if got, want := foldRune(r), foldSlow(r); got != want {
			t.Fatalf("foldRune(%U) = %U, want %U", r, got, want)
		}
	}
	for _, s := range []string{"Ô\xffHỘ\xe1\xbb NGHÈO \xef\xbf\xbd x", "ô\xffhộ Nghèo\xc3", "ĐƯỢC KHÔNG Ạ"} {
		if got, want := lowerString(s), refLower(s); got != want {
			t.Fatalf("lowerString(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range fastpathMessages(t) {
		if got, want := lowerString(s), strings.ToLower(s); got != want {
			t.Fatalf("lowerString(%q) = %q, want %q", s, got, want)
		}
		for _, w := range append(strings.Fields(s), s) {
			if got, want := Fold(w), refFold(w); got != want {
				t.Fatalf("Fold(%q) = %q, want %q", w, got, want)
			}
		}
	}
}

// refLower is lowerString rune by rune: text before the first upper-case
// rune kept as it is (invalid bytes too), every rune after it lowered and
// encoded (an invalid byte as U+FFFD).
func refLower(s string) string {
	for i, r := range s {
		if unicode.ToLower(r) != r {
			b := []byte(s[:i])
			for _, r := range s[i:] {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return string(b)
		}
	}
	return s
}

// refFold is Fold without the rune table and the ASCII shortcut.
func refFold(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range norm.NFC.String(s) {
		r = foldSlow(unicode.ToLower(r))
		if r == 0 || (r == prev && unicode.IsLetter(r)) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// TestPackedClassifierClassCounts compares packed and plain probabilities
// for class counts that are not a multiple of four or eight, on a
// classifier with pseudo-random weights in a fifth of the buckets, and on
// a message with more features than packChunk (summed chunk by chunk).
func TestPackedClassifierClassCounts(t *testing.T) {
	kb := loadOnce(t)
	s := kb.newScratch()
	var feats [][]feature
	for _, text := range fastpathMessages(t)[:200] {
		kb.score(s, text)
		feats = append(feats, slices.Clone(s.feats))
	}
	var long []feature
	for _, f := range feats[:20] {
		long = append(long, f...)
	}
	if len(long) <= packChunk {
		t.Fatalf("the long message has %d features, want more than %d", len(long), packChunk)
	}
	feats = append(feats, long)
	for _, nc := range []int{1, 3, 6, 8, 13, 21} {
		c := &classifier{topics: make([]string, nc), linear: newLinear(clfBuckets, nc)}
		h := uint64(fnvOffset)
		for i := range c.w {
			if h = mix(h, uint64(i)); h%5 == 0 {
				c.w[i] = float32(int64(h>>40)%2000-1000) / 300
			}
		}
		for k := range c.b {
			c.b[k] = float32(k) / 10
		}
		pc := pack(c)
		want, got := make([]float64, nc), make([]float64, nc)
		for _, f := range feats {
			c.probs(f, want)
			pc.probs(f, got)
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes: packed %v, plain %v", nc, got, want)
			}
		}
		// A smaller model reads the features' buckets modulo its size.
		small := c.w[:(1<<14)*nc]
		pc = packWeights(nc, small, c.b)
		for _, f := range feats {
			copy(want, c.biases64())
			for _, x := range f {
				for k := range nc {
					want[k] += float64(small[int(x.bucket&(1<<14-1))*nc+k] * x.v)
				}
			}
			softmax(want)
			pc.probs(f, got)
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes, 2^14 buckets: packed %v, plain %v", nc, got, want)
			}
		}
	}
}

// biases64 returns the biases as float64s.
func (c *classifier) biases64() []float64 {
	out := make([]float64, len(c.b))
	for k, v := range c.b {
		out[k] = float64(v)
	}
	return out
}

// TestTypoCorrectionFastPath compares the matcher's and the detector's
// one-typo look-ups with plain versions on every word of the test sets,
// each also with a letter doubled, dropped and swapped.
func TestTypoCorrectionFastPath(t *testing.T) {
	t.Parallel() // pure and long: beside the others on a second core
	kb := loadOnce(t)
	ix, d := kb.ix, kb.det
	refCorrect := func(s string) int32 {
		if len(s) < 4 || len(s) > 12 || !isASCII(s) || ix.protected[s] {
			return -1
		}
		for _, del := range deletions(s) {
			if id, ok := ix.vocab[del]; ok {
				return id
			}
		}
		if ids := ix.deletes[s]; len(ids) > 0 {
			return ids[0]
		}
		for _, del := range deletions(s) {
			if ids := ix.deletes[del]; len(ids) > 0 {
				return ids[0]
			}
		}
		return -1
	}
	refTypos := func(s string) []string {
		if len(s) < 3 || len(s) > 12 || !isASCII(s) {
			return nil
		}
		var out []string
		add := func(w string) {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
		for _, del := range deletions(s) {
			if len(del) >= 3 && d.vocab[del] {
				add(del)
			}
		}
		for _, w := range d.deletes[s] {
			add(w)
		}
		for _, del := range deletions(s) {
			for _, w := range d.deletes[del] {
				if len(w) == len(s) {
					add(w)
				}
			}
		}
		slices.Sort(out)
		return out
	}
	corrected, typos := 0, 0
	for _, text := range fastpathMessages(t) {
		for _, w := range appendSyllables(nil, text) {
			variants := []string{w, w + w[len(w)-1:], w[1:], w[:len(w)-1]}
			if len(w) > 2 {
				variants = append(variants, w[:1]+w[2:3]+w[1:2]+w[3:])
			}
			for _, v := range variants {
				got, want := ix.correct(v), refCorrect(v)
				if got != want {
					t.Fatalf("correct(%q) = %d, the reference gives %d", v, got, want)
				}
				if got >= 0 {
					corrected++
				}
				gotT, wantT := d.typosOf(nil, []byte(v)), refTypos(v)
				if !slices.Equal(gotT, wantT) {
					t.Fatalf("typosOf(%q) = %q, the reference gives %q", v, gotT, wantT)
				}
				typos += len(gotT)
			}
		}
	}
	if corrected == 0 || typos == 0 {
		t.Fatalf("%d corrections, %d typos found: the test cannot fail", corrected, typos)
	}
}

// TestNFCShortcut: text made only of runes flagged rcNFC is already NFC,
// alone, in pairs with common letters and marks, and in the test sets.
func TestNFCShortcut(t *testing.T) {
	t.Parallel() // pure and long: beside the others on a second core
	var safe []rune
	for r := range rune(fastRunes) {
		if runeTab[r].class&rcNFC != 0 {
			safe = append(safe, r)
		}
	}
	const others = "aAeoyđĐăâêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0 ,.?\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323ÅΩḀ\u1161\u1100"
	checked := 0
	for _, r := range safe {
		for _, o := range others {
			for _, s := range []string{string(r), string(r) + string(o), string(o) + string(r)} {
				if nfc(s) != norm.NFC.String(s) {
					t.Fatalf("nfc(%+q) = %+q, want %+q", s, nfc(s), norm.NFC.String(s))
				}
				checked++
			}
		}
	}
	for _, s := range fastpathMessages(t) {
		for _, v := range []string{s, norm.NFD.String(s), strings.ToUpper(s), "\xff" + s} {
			if nfc(v) != norm.NFC.String(v) {
				t.Fatalf("nfc(%+q) differs from NFC", v)
			}
			if got, want := string(appendLowerNFC([]byte("x"), v)), "x"+lowerString(norm.NFC.String(v)); got != want {
				t.Fatalf("appendLowerNFC(%+q) = %+q, want %+q", v, got, want)
			}
		}
	}
	if len(safe) < 1000 {
		t.Fatalf("only %d runes flagged NFC-safe", len(safe))
	}
}
