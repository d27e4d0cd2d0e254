package content_test

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestOneLineMovesFewAnswers: one labelled line added to the entry file
// changes the topic or the entry of very few of the citizen messages the
// models train on. With the documents shuffled by position, the line gave
// every pass a new order and moved 49 of the 8,136 messages; with the
// order drawn from the documents themselves it moves 1
// (docs/architecture.md §3, "Training order").
func TestOneLineMovesFewAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the models twice")
	}
	before := embeddedMap(t)
	after := embeddedMap(t)
	old := string(after[content.EntryFile].Data)
	after[content.EntryFile] = mapFile(old + "social_assistance\tlương hưu xã hội cho người già không có lương hưu là gì\tsocial-pension\n")
	a, err := content.Load(before)
	if err != nil {
		t.Fatal(err)
	}
	b, err := content.Load(after)
	if err != nil {
		t.Fatal(err)
	}
	day := content.DateOf(refDay)
	n, moved := 0, 0
	sc := bufio.NewScanner(bytes.NewReader(before[content.CitizenFile].Data))
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || strings.HasPrefix(cols[0], "#") || cols[0] == "topic" {
			continue
		}
		n++
		x, y := a.Match(cols[1], day), b.Match(cols[1], day)
		if x.Topic != y.Topic || entryID(x) != entryID(y) {
			moved++
			if moved <= 10 {
				t.Logf("moved: %q %s/%s → %s/%s", cols[1], x.Topic, entryID(x), y.Topic, entryID(y))
			}
		}
	}
	if n < 8000 {
		t.Fatalf("read %d citizen messages, want the whole file", n)
	}
	if moved > n/500 {
		t.Errorf("one added line moved the answers to %d of %d citizen messages, want at most %d", moved, n, n/500)
	}
	t.Logf("one added line moved %d of %d answers", moved, n)
}
