package content_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/bacninh/ansinh/content"
)

// kbFS is a one-file knowledge base for the checks' tests.
func kbFS(yaml string) fstest.MapFS {
	return fstest.MapFS{
		"loan.yaml":         mapFile(yaml),
		"abbreviations.tsv": mapFile("ko\tkhông\n"),
		"holidays.tsv":      mapFile("2027-01-01\tTết Dương lịch\n"),
	}
}

func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

const factsEntry = `
- id: loan-poor
  topic: loan
  title: Vay vốn hộ nghèo
  certainty: confirmed
  examples: [hộ nghèo vay vốn]
  answer: Ông/bà vay lãi suất 6,6%/năm (0,55%/tháng).
  sources:
    - id: vbsp
      title: Biểu lãi suất cho vay NHCSXH
      url: https://vbsp.org.vn/gioi-thieu/lai-suat-cho-vay.html
    - id: tp
      title: Giảm lãi suất cho vay
      url: https://tienphong.vn/giam-lai-suat.tpo
      kind: news
      outlet: Tiền Phong
  facts:
    - {name: rate_year, text: "6,6%/năm", value: 0.066, source: vbsp}
    - {name: rate_month, text: "0,55%/tháng", value: 0.0055, source: tp}
`

func TestFactsLoad(t *testing.T) {
	kb, err := content.Load(kbFS(factsEntry))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	e, _ := kb.Entry("loan-poor")
	f, ok := e.Fact("rate_month")
	if !ok || f.Value == nil || *f.Value != 0.0055 || f.Text != "0,55%/tháng" || f.Source != "tp" {
		t.Fatalf("rate_month = %+v, %v", f, ok)
	}
	if _, ok := e.Fact("cap"); ok {
		t.Error("found a fact the entry does not have")
	}
	got := e.Render()
	want := "📄 Căn cứ: Biểu lãi suất cho vay NHCSXH; Giảm lãi suất cho vay (báo Tiền Phong)."
	if !strings.HasSuffix(got, want) {
		t.Errorf("render ends %q, want %q", got, want)
	}
}

func TestFactsSourceMustBeTheEntrys(t *testing.T) {
	bad := strings.Replace(factsEntry, "source: tp}", "source: nd07}", 1)
	bad = strings.Replace(bad, "kind: news", "kind: blog", 1)
	_, err := content.Load(kbFS(bad))
	if err == nil {
		t.Fatal("fact citing a source the entry lacks was accepted")
	}
	for _, want := range []string{
		`loan-poor: fact "0,55%/tháng": source "nd07" is not one of the entry's sources`,
		`loan-poor: source "Giảm lãi suất cho vay": kind must be empty`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("problems %q lack %q", err, want)
		}
	}
}

// TestPersonsMustBeKnown: an entry's persons field names facets the
// matcher knows; a misspelt one would silently weigh nothing.
func TestPersonsMustBeKnown(t *testing.T) {
	good := strings.Replace(factsEntry, "  certainty: confirmed\n", "  persons: [disabled, ethnic minority]\n  certainty: confirmed\n", 1)
	if _, err := content.Load(kbFS(good)); err != nil {
		t.Fatalf("known persons refused: %v", err)
	}
	bad := strings.Replace(factsEntry, "  certainty: confirmed\n", "  persons: [veteran]\n  certainty: confirmed\n", 1)
	_, err := content.Load(kbFS(bad))
	if err == nil {
		t.Fatal("an unknown person was accepted")
	}
	want := `loan-poor: unknown person "veteran" (want one of elderly, newborn, disabled, orphan, ethnic minority)`
	if !strings.Contains(err.Error(), want) {
		t.Errorf("problems %q lack %q", err, want)
	}
}

// TestRemindMustBeKnown: an entry offers one of the reminders the bot can
// set; a misspelt one would silently offer nothing.
func TestRemindMustBeKnown(t *testing.T) {
	good := strings.Replace(factsEntry, "  certainty: confirmed\n", "  remind: loan_day\n  certainty: confirmed\n", 1)
	kb, err := content.Load(kbFS(good))
	if err != nil {
		t.Fatalf("a known reminder refused: %v", err)
	}
	if e, _ := kb.Entry("loan-poor"); e.Remind != content.RemindLoanDay {
		t.Errorf("remind = %q, want %q", e.Remind, content.RemindLoanDay)
	}
	bad := strings.Replace(factsEntry, "  certainty: confirmed\n", "  remind: tet\n  certainty: confirmed\n", 1)
	_, err = content.Load(kbFS(bad))
	if err == nil {
		t.Fatal("an unknown reminder was accepted")
	}
	want := `loan-poor: unknown remind "tet" (want bhyt_expiry or loan_day)`
	if !strings.Contains(err.Error(), want) {
		t.Errorf("problems %q lack %q", err, want)
	}
}

// BenchmarkCheck measures `ansinh content check` and a reload's check of
// the shipped content: every check, no model trained (BenchmarkLoad trains).
func BenchmarkCheck(b *testing.B) {
	for b.Loop() {
		if problems, err := content.Check(content.Embedded()); err != nil || len(problems) > 0 {
			b.Fatal(err, problems)
		}
	}
}

// LoadEntries gives the tools the entries Load serves, field for field,
// and refuses a knowledge base Load refuses, with the same problems.
func TestLoadEntries(t *testing.T) {
	entries, err := content.LoadEntries(content.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	trained := mustKB(t).Entries()
	if len(entries) != len(trained) {
		t.Fatalf("LoadEntries: %d entries, Load: %d", len(entries), len(trained))
	}
	for i, e := range entries {
		if !reflect.DeepEqual(*e, *trained[i]) {
			t.Errorf("entry %d: LoadEntries %q differs from Load %q", i, e.ID, trained[i].ID)
		}
	}

	broken := kbFS("- id: Bad Id\n  topic: loan\n  title: x\n  examples: [a]\n  answer: x\n")
	_, want := content.Load(broken)
	_, err = content.LoadEntries(broken)
	var problems content.Problems
	if !errors.As(err, &problems) || err.Error() != want.Error() {
		t.Fatalf("LoadEntries of a broken knowledge base: %v; Load: %v", err, want)
	}
	if !strings.Contains(err.Error(), "id must be") {
		t.Errorf("problems do not name the bad id: %v", err)
	}
}

// aside_before and aside_sentence name kinds, aside_sentence and
// aside_head marker lists: a name no kind or list has is a problem Check
// lists.
func TestCheckAsideBeforeKinds(t *testing.T) {
	for _, key := range []string{"aside_before", "aside_sentence"} {
		fsys := embeddedMap(t)
		yaml := string(fsys[content.EmergencyFile].Data)
		if !strings.Contains(yaml, "\n"+key+": [self_harm,") {
			t.Fatalf("%s has no %s list starting with self_harm", content.EmergencyFile, key)
		}
		if problems, err := content.Check(fsys); err != nil || len(problems) > 0 {
			t.Fatalf("embedded content: %v %v", err, problems)
		}
		fsys[content.EmergencyFile] = mapFile(strings.Replace(yaml, "\n"+key+": [self_harm,", "\n"+key+": [self_harms,", 1))
		problems, err := content.Check(fsys)
		if err != nil {
			t.Fatal(err)
		}
		want := content.EmergencyFile + ": " + key + `: unknown kind "self_harms"`
		if !slices.Contains(problems, want) {
			t.Errorf("problems %q, want %q among them", problems, want)
		}
	}
	// A marker list joined to an aside_sentence kind must exist.
	fsys := embeddedMap(t)
	yaml := string(fsys[content.EmergencyFile].Data)
	if !strings.Contains(yaml, "medical+acute]") {
		t.Fatalf("%s has no medical+acute in aside_sentence", content.EmergencyFile)
	}
	fsys[content.EmergencyFile] = mapFile(strings.Replace(yaml, "medical+acute]", "medical+acutes]", 1))
	problems, err := content.Check(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := content.EmergencyFile + `: aside_sentence: unknown marker list "acutes"`
	if !slices.Contains(problems, want) {
		t.Errorf("problems %q, want %q among them", problems, want)
	}
	// So must aside_head's.
	fsys = embeddedMap(t)
	if !strings.Contains(yaml, "\naside_head: ongoing\n") {
		t.Fatalf("%s has no aside_head: ongoing", content.EmergencyFile)
	}
	fsys[content.EmergencyFile] = mapFile(strings.Replace(yaml, "\naside_head: ongoing\n", "\naside_head: ongoings\n", 1))
	if problems, err = content.Check(fsys); err != nil {
		t.Fatal(err)
	}
	want = content.EmergencyFile + `: aside_head: unknown marker list "ongoings"`
	if !slices.Contains(problems, want) {
		t.Errorf("problems %q, want %q among them", problems, want)
	}
	// A yield condition scoped to a kind ("child:age_under_16+parent_gone")
	// must name a kind of yield_to, and its marker lists must exist.
	for _, c := range []struct{ from, to, want string }{
		{"child:age_under_16+parent_gone]", "fire:age_under_16+parent_gone]", `: kind "missing": "fire:age_under_16+parent_gone" speaks for kind "fire", not in yield_to`},
		{"child:age_under_16+parent_gone]", "child:age_under_16+parent_gones]", `: kind "missing": unknown marker list "parent_gones"`},
	} {
		fsys = embeddedMap(t)
		if !strings.Contains(yaml, c.from) {
			t.Fatalf("%s has no %s", content.EmergencyFile, c.from)
		}
		fsys[content.EmergencyFile] = mapFile(strings.Replace(yaml, c.from, c.to, 1))
		if problems, err = content.Check(fsys); err != nil {
			t.Fatal(err)
		}
		if want := content.EmergencyFile + c.want; !slices.Contains(problems, want) {
			t.Errorf("problems %q, want %q among them", problems, want)
		}
	}
}
