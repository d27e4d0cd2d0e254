package content

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The matcher's hot paths (the detector's word table and danger-first
// scan) are optimised; these tests hold them to straightforward reference
// implementations on every message of the test sets and variants of them,
// so an optimisation can never change an answer.

// fastpathMessages returns every message of the repository's test sets and,
// when present, the workspace's dev set, each also without marks, in upper
// case, with repeated letters and with phone spellings ("wá", "fải").
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
	for _, w := range words(text) {
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
			}
			continue
		}
		s := dsyl{fold: fold}
		if !isASCII(w) {
			s.marked, s.word = true, w
		}
		if _, known := d.known[fold]; !d.vocab[fold] && !known {
			s.alts = d.typosOf(fold)
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
	for i := range m.syl {
		d.matchAt(m, i, d.first[m.syl[i].fold])
		for _, alt := range m.syl[i].alts {
			d.matchAt(m, i, d.first[alt])
		}
	}
	return m
}

func TestDetectorFastPath(t *testing.T) {
	kb, err := Load(Embedded())
	if err != nil {
		t.Fatal(err)
	}
	d := kb.det
	fired := 0
	for _, text := range fastpathMessages(t) {
		want, wantOK := d.judge(d.refScan(text))
		got, ok := d.detect(text)
		if got != want || ok != wantOK {
			t.Errorf("detect(%q) = %+v %v, the reference gives %+v %v", text, got, ok, want, wantOK)
		}
		if ok {
			fired++
		}
	}
	if fired < 200 {
		t.Errorf("only %d messages fired the detector: the sets lack dangers to compare on", fired)
	}
}
