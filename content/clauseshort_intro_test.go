package content

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// lastIntroRef is lastIntro as first written: every occurrence of every
// marker found with bytes.Index.
func lastIntroRef(folded []byte) int {
	best, end := -1, -1
	for _, m := range introBytes {
		for from := 0; ; {
			i := bytes.Index(folded[from:], m)
			if i < 0 {
				break
			}
			i += from
			e := i + len(m)
			if (i == 0 || !isWordByte(folded[i-1])) && (e == len(folded) || !isWordByte(folded[e])) && (e > end || (e == end && i < best)) {
				best, end = i, e
			}
			from = i + 1
		}
	}
	return end
}

// TestLastIntroSameAsIndexScan holds the word-start scan of lastIntro to
// the plain search on made-up texts and on the own message sets.
func TestLastIntroSameAsIndexScan(t *testing.T) {
	texts := []string{"", "cho", "cho hoi", "xcho hoi", "cho hoia", "cho toi hoi cho hoi", "a, cho em hoi: vay thi sao",
		"em hoi la cho e hoi", "hoi la", "vay thi", "cho hoi la", "tui hoi e hoi minh hoi", "cho  hoi", "échoi cho hoi"}
	files, _ := filepath.Glob("testdata/*.tsv")
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "blind") {
			continue // sealed sets are not read here
		}
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			texts = append(texts, sc.Text())
		}
		fh.Close()
	}
	var b clauseBuf
	for _, text := range texts {
		for _, folded := range [][]byte{[]byte(text), nil} {
			if folded == nil {
				b.foldPlain(text)
				folded = b.folded
			}
			if got, want := lastIntro(folded), lastIntroRef(folded); got != want {
				t.Errorf("lastIntro(%q) = %d, want %d", folded, got, want)
			}
		}
	}
}
