package content_test

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

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
	a, b := loadEdited(t, func(files fstest.MapFS) {
		old := string(files[content.EntryFile].Data)
		files[content.EntryFile] = mapFile(old + "social_assistance\tlương hưu xã hội cho người già không có lương hưu là gì\tsocial-pension\n")
	})
	day := content.DateOf(refDay)
	n, moved := 0, 0
	sc := bufio.NewScanner(bytes.NewReader(embeddedMap(t)[content.CitizenFile].Data))
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

// TestOneEditMovesFewAlarms: four examples added to one entry (a content
// editor's everyday change) leave the danger detector's verdict, the
// alarm's kind and whether it is urgent, as it was on nearly every
// message of the danger sets. Trained with four passes and no averaging,
// the same edit flipped 63 urgent verdicts of the stored messages and
// took 37 caught dangers from the sealed hold-out sets; averaged, 9 and
// at most 3 (svmCorpus.averaged, docs/architecture.md §3 "Training
// order"). No message is printed: some of the sets are sealed.
func TestOneEditMovesFewAlarms(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the models twice")
	}
	a, b := loadEdited(t, func(files fstest.MapFS) {
		const file, anchor = "health_insurance.yaml", "    - hộ nghèo đi khám chữa bệnh bằng thẻ bảo hiểm có phải bù thêm tiền không\n"
		old := string(files[file].Data)
		if !strings.Contains(old, anchor) {
			t.Fatalf("%s lacks the example the edit goes after: %q", file, anchor)
		}
		files[file] = mapFile(strings.Replace(old, anchor, anchor+
			"    - hộ nghèo có được hỗ trợ viện phí không\n"+
			"    - ho can ngheo di mo o vien tinh co duoc mien vien phi ko\n"+
			"    - viện phí nằm viện của hộ cận nghèo có được giảm không ạ\n"+
			"    - ho ngheo nam vien dai ngay thi duoc ho tro nhung gi\n", 1))
	})
	day := content.DateOf(refDay)
	paths, err := filepath.Glob("testdata/emergency*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n, moved := 0, 0
	for _, path := range paths {
		for _, l := range readEval(t, path) {
			n++
			x, y := a.Match(l.message, day), b.Match(l.message, day)
			if x.Alarm != y.Alarm || x.Urgent != y.Urgent {
				moved++
			}
		}
	}
	if n < 5000 {
		t.Fatalf("read %d danger-set messages, want every set", n)
	}
	if moved > n/400 {
		t.Errorf("four added examples changed the alarm of %d of %d danger-set messages, want at most %d", moved, n, n/400)
	}
	t.Logf("four added examples changed the alarm of %d of %d danger-set messages", moved, n)
}

// loadEdited loads the embedded knowledge base as it is and after edit
// changed its files, training the models of each.
func loadEdited(t *testing.T, edit func(fstest.MapFS)) (before, after *content.KB) {
	t.Helper()
	files := embeddedMap(t)
	edit(files)
	before, err := content.Load(embeddedMap(t))
	if err != nil {
		t.Fatal(err)
	}
	if after, err = content.Load(files); err != nil {
		t.Fatal(err)
	}
	return before, after
}
