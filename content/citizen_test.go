package content_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bacninh/ansinh/content"
)

// embeddedMap returns the embedded knowledge base as a MapFS the test can
// change.
func embeddedMap(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(content.Embedded(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content.Embedded(), p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// embeddedCopy returns the embedded knowledge base as a MapFS the test can
// change, with its citizen messages replaced by citizen (none when "") and
// no entry messages.
func embeddedCopy(t *testing.T, citizen string) fstest.MapFS {
	t.Helper()
	m := embeddedMap(t)
	delete(m, content.CitizenFile)
	delete(m, content.EntryFile)
	if citizen != "" {
		m[content.CitizenFile] = mapFile(citizen)
	}
	return m
}

// TestCitizenCheck: `content check` names every bad line of the citizen
// messages by its line number, and the bot still starts, trained on the
// good lines only.
func TestCitizenCheck(t *testing.T) {
	kb := mustKB(t)
	rates, _ := kb.Entry("loan-rates")
	own := rates.OwnExamples()[0]
	file := "# comment\n" +
		"topic\tmessage\tentry\n" +
		"loan\tlai suat vay ngan hang chinh sach cho ba con ngheo la may phan tram\tloan-rates\n" + // 3: good
		"loan\tvay von mua trau\tloan-buffalo\n" + // 4
		"housing\tnha dot qua xin ho tro\tloan-rates\n" + // 5
		"loan\t  \tloan-rates\n" + // 6
		"loan\t" + strings.ToUpper(content.Fold(own)) + "\tloan-rates\n" + // 7: an own example, folded
		"\n" +
		"loan\tLãi suất vay ngân hàng chính sách cho bà con nghèo là mấy phần trăm\tloan-rates\n" + // 9: line 3 again
		"loan\tvay von bao nhieu\n" + // 10
		"credit\tvay tra gop\toos-consumer-credit\n" + // 11
		"loan\tvay ho ngheo\t\n" // 12
	problems, err := content.Check(embeddedCopy(t, file))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range problems {
		if strings.HasPrefix(p, content.CitizenFile) {
			got = append(got, p)
		}
	}
	want := []string{
		`citizen_messages.tsv:4: unknown entry "loan-buffalo"`,
		`citizen_messages.tsv:5: topic housing, but entry loan-rates is loan`,
		`citizen_messages.tsv:6: empty message`,
		`citizen_messages.tsv:7: duplicate message "` + strings.ToUpper(content.Fold(own)) + `" (also in loan.yaml: loan-rates)`,
		`citizen_messages.tsv:9: duplicate message "Lãi suất vay ngân hàng chính sách cho bà con nghèo là mấy phần trăm" (also in citizen_messages.tsv:3)`,
		`citizen_messages.tsv:10: want 3 tab-separated columns (topic, message, entry), got 2`,
		`citizen_messages.tsv:11: unknown topic "credit"`,
		`citizen_messages.tsv:12: no entry: name the entry that answers "vay ho ngheo"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}

	loaded, err := content.Load(embeddedCopy(t, file))
	if err != nil {
		t.Fatalf("a bad citizen line stopped the bot: %v", err)
	}
	e, _ := loaded.Entry("loan-rates")
	wantExamples := append(slices.Clone(rates.OwnExamples()), "lai suat vay ngan hang chinh sach cho ba con ngheo la may phan tram")
	if e.Citizen != 1 || !slices.Equal(e.Examples, wantExamples) || !slices.Equal(e.OwnExamples(), rates.OwnExamples()) {
		t.Errorf("loan-rates: %d citizen examples, examples %q; want 1, the own ones and line 3", e.Citizen, e.Examples)
	}
	for _, id := range []string{"oos-consumer-credit", "loan-poor-household"} {
		if e, _ := loaded.Entry(id); e.Citizen != 0 {
			t.Errorf("%s took %d citizen examples from bad lines", id, e.Citizen)
		}
	}
}

// TestCitizenOptional: a knowledge base without the file (an
// ANSINH_CONTENT_DIR folder that leaves it out) loads and checks clean,
// trained on its own examples only.
func TestCitizenOptional(t *testing.T) {
	fsys := embeddedCopy(t, "")
	problems, err := content.Check(fsys)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check without %s: %v %v", content.CitizenFile, problems, err)
	}
	kb, err := content.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range kb.Entries() {
		if e.Citizen != 0 || len(e.OwnExamples()) != len(e.Examples) {
			t.Fatalf("%s: %d citizen examples without the file", e.ID, e.Citizen)
		}
	}
}

// TestCitizenEmbedded: every message of the embedded files trains its
// entry, EntryFile's as the last examples, which retrieval leaves out.
func TestCitizenEmbedded(t *testing.T) {
	count := func(name string) int {
		b, err := fs.ReadFile(content.Embedded(), name)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, l := range strings.Split(string(b), "\n") {
			if l != "" && !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "topic\t") {
				n++
			}
		}
		return n
	}
	lines, only := count(content.CitizenFile), count(content.EntryFile)
	kb := mustKB(t)
	added, addedOnly := 0, 0
	for _, e := range kb.Entries() {
		added += e.Citizen
		addedOnly += e.Unindexed
		if got := e.IndexedExamples(); len(got) != len(e.Examples)-e.Unindexed {
			t.Errorf("%s: %d indexed examples of %d, %d unindexed", e.ID, len(got), len(e.Examples), e.Unindexed)
		}
	}
	if lines < 350 || only < 1000 || added != lines+only || addedOnly != only {
		t.Errorf("%d of %d citizen messages and %d of %d entry messages train an entry, want all (at least 350 and 1,000)", added-addedOnly, lines, addedOnly, only)
	}
}

// TestEntryFileTrainsModelsNotRetrieval: a line of EntryFile is checked
// like a citizen line (by its own file name), ends its entry's examples,
// and trains the topic classifier and the entry models, but not retrieval:
// every topic's retrieval score is the one without the file, while the
// classifier's probabilities and the entry model's move.
func TestEntryFileTrainsModelsNotRetrieval(t *testing.T) {
	without := embeddedCopy(t, "")
	with := embeddedCopy(t, "")
	msg := "ho ngheo muon biet lai suat vay von uu dai hien nay la bao nhieu phan tram"
	with[content.EntryFile] = mapFile("topic\tmessage\tentry\n" +
		"loan\t" + msg + "\tloan-poor-household\n" +
		"loan\tvay von\tloan-buffalo\n")
	problems, err := content.Check(with)
	if err != nil {
		t.Fatal(err)
	}
	if want := `entry_messages.tsv:3: unknown entry "loan-buffalo"`; !slices.Contains(problems, want) {
		t.Errorf("problems %q, want %q", problems, want)
	}
	a, err := content.Load(without)
	if err != nil {
		t.Fatal(err)
	}
	b, err := content.Load(with)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := b.Entry("loan-poor-household")
	if e.Unindexed != 1 || e.Examples[len(e.Examples)-1] != msg || slices.Contains(e.IndexedExamples(), msg) {
		t.Fatalf("loan-poor-household: %d unindexed examples, last %q", e.Unindexed, e.Examples[len(e.Examples)-1])
	}
	day := content.DateOf(refDay)
	clfMoved, entryMoved := false, false
	for _, q := range []string{msg, "hộ nghèo vay vốn lãi suất bao nhiêu", "nha toi can ngheo vay 50 trieu lam nha duoc khong", "con toi bi sot cao"} {
		x, y := a.Explain(q, day, 5), b.Explain(q, day, 5)
		retrieval := map[string]float64{}
		for _, tp := range x.Topics {
			retrieval[tp.Topic] = tp.Retrieval
		}
		for _, tp := range y.Topics {
			if r, ok := retrieval[tp.Topic]; ok && r != tp.Retrieval {
				t.Errorf("%q: topic %s retrieval %v without the file, %v with it", q, tp.Topic, r, tp.Retrieval)
			}
		}
		for i := range min(len(x.Topics), len(y.Topics)) {
			clfMoved = clfMoved || x.Topics[i].Classifier != y.Topics[i].Classifier
		}
		entryMoved = entryMoved || !slices.Equal(entryModelProbs(x), entryModelProbs(y))
	}
	if !clfMoved {
		t.Error("the entry line moved no topic classifier probability")
	}
	if !entryMoved {
		t.Error("the entry line moved no entry model probability")
	}
}

// entryModelProbs lists the entry model's probabilities of x's close
// entries.
func entryModelProbs(x content.Explanation) []float64 {
	var p []float64
	for _, c := range x.EntryChoice {
		p = append(p, c.Model)
	}
	return p
}
