package content_test

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bacninh/ansinh/content"
)

// TestAnswersAsSeen reads every answer the way the citizen sees it (text,
// certainty line, dates and source titles) on the days around the change of
// poverty standard, and holds it to the house rules: addressed to ông/bà, at
// most MaxSeenRunes characters, every term of jargon.tsv explained, and no
// phrase of dated_phrases.tsv that speaks of a year already over.
func TestAnswersAsSeen(t *testing.T) {
	kb := mustKB(t)
	fsys := content.Embedded()
	jargon, err := content.LoadJargon(fsys)
	if err != nil {
		t.Fatal(err)
	}
	phrases, err := content.LoadDatedPhrases(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var lengths []int
	for _, day := range []string{"2026-11-29", "2026-12-31", "2027-01-01", "2027-02-01"} {
		d, _ := content.ParseDate(day)
		for _, e := range kb.Entries() {
			if !e.ValidOn(d) {
				continue
			}
			seen := e.Render()
			lengths = append(lengths, utf8.RuneCountInString(seen))
			if !content.ContainsFold(e.Answer, "ông/bà") {
				t.Errorf("%s on %s: never addresses the reader as ông/bà", e.ID, day)
			}
			if n := utf8.RuneCountInString(seen); n > content.MaxSeenRunes {
				t.Errorf("%s on %s: %d characters as seen", e.ID, day, n)
			}
			for _, j := range content.UnexplainedJargon(seen, jargon) {
				t.Errorf("%s on %s: %q without %q", e.ID, day, j.Term, j.Plain)
			}
			for _, ph := range phrases {
				if !content.ContainsFold(seen, ph) {
					continue
				}
				if y := yearIn(ph); y != 0 && d.Year() > y {
					t.Errorf("%s on %s: says %q, a year already over", e.ID, day, ph)
				}
				if why := content.DatedProblem(ph, e.ValidFrom, e.ValidUntil); why != "" {
					t.Errorf("%s on %s: %s", e.ID, day, why)
				}
			}
		}
	}
	sort.Ints(lengths)
	t.Logf("answers as seen over 4 days: %d, median %d, max %d characters", len(lengths), lengths[len(lengths)/2], lengths[len(lengths)-1])
}

func yearIn(s string) int {
	for _, w := range strings.Fields(s) {
		if len(w) == 4 && strings.HasPrefix(w, "20") {
			y, err := time.Parse("2006", w)
			if err == nil {
				return y.Year()
			}
		}
	}
	return 0
}

// TestLintCatches runs the editorial checks on a knowledge base made to break
// each rule once.
func TestLintCatches(t *testing.T) {
	fsys := kbFS(`
- id: loan-a
  key: loan-x
  topic: loan
  title: Vay vốn
  valid_until: 2026-06-30
  certainty: confirmed
  examples: [vay vốn a]
  answer: Trong năm 2026 (năm nay) bot cho vay 6,6%/năm và 100 triệu đồng qua tổ TK&VV.
  sources:
    - id: vbsp
      title: Biểu lãi suất
      url: https://vbsp.org.vn/lai-suat.html
    - title: Tin báo
      url: https://dantri.com.vn/tin.htm
  facts:
    - {text: "6,6%/năm", source: vbsp}
- id: loan-b
  key: loan-x
  topic: loan
  title: Vay vốn mới
  valid_from: 2026-08-01
  valid_until: 2026-12-31
  certainty: confirmed
  examples: [vay vốn b]
  answer: Năm nay ông/bà vay được.
  sources:
    - title: Biểu lãi suất
      url: https://vbsp.org.vn/lai-suat.html
`)
	fsys["jargon.tsv"] = mapFile("tổ TK&VV\ttổ tiết kiệm và vay vốn\n")
	fsys["dated_phrases.tsv"] = mapFile("năm 2026\nnăm nay\n")
	fsys[content.SeasonalFile] = mapFile(`
- id: opening
  audience: all
  cron: "0 8 1 9 *"
  text: Từ 01/9 đến 14/12 rà soát.
  source: x
- id: ends-late
  audience: all
  cron: "0 8 1 9 *"
  rule: loan-b
  until: "2027-06-30"
  text: Từ 01/9 rà soát.
  source: x
`)
	problems, err := content.Check(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`figure: loan.yaml: loan-a: "100 triệu" is not in the entry's facts`,
		`news: loan.yaml: loan-a: source "Tin báo" links to dantri.com.vn, a newspaper: mark it kind: news`,
		`voice: loan.yaml: loan-a: never addresses the reader as ông/bà`,
		`jargon: loan.yaml: loan-a: "tổ TK&VV" is not explained ("tổ tiết kiệm và vay vốn")`,
		`dated: loan.yaml: loan-a: says "năm nay" but its window (..2026-06-30) is not inside one year`,
		`key-gap: loan.yaml: loan-a: key "loan-x" has no version from 2026-07-01 to 2026-07-31`,
		`key-gap: loan.yaml: loan-b: key "loan-x" ends on 2026-12-31 with no version after it`,
		`seasonal: seasonal.yaml: opening: repeats dates ("01/9") but names no rule entry`,
		`seasonal: seasonal.yaml: ends-late: follows loan-b, which ends on 2026-12-31, but runs until "2027-06-30"`,
	}
	for _, w := range want {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, w) }) {
			t.Errorf("no problem %q in:\n  %s", w, strings.Join(problems, "\n  "))
		}
	}
	for _, p := range problems {
		if strings.HasPrefix(p, "dated: loan.yaml: loan-b") || strings.Contains(p, `"năm 2026"`) {
			t.Errorf("false alarm: %s", p)
		}
	}
}

// TestNearPoorLoanCap: a near-poor household asking how much it may borrow
// gets the near-poor rate, never the poor household's.
func TestNearPoorLoanCap(t *testing.T) {
	kb := mustKB(t)
	for _, day := range []string{"2026-11-29", "2027-02-01"} {
		d, _ := content.ParseDate(day)
		for _, q := range []string{
			"vay vốn hộ cận nghèo được tối đa bao nhiêu tiền",
			"ho can ngheo vay toi da bao nhieu",
		} {
			r := kb.Match(q, d)
			if r.Entry == nil {
				t.Errorf("%q on %s: no answer", q, day)
				continue
			}
			if a := r.Entry.Answer; !strings.Contains(a, "7,92%/năm") || strings.Contains(a, "6,6%") {
				t.Errorf("%q on %s → %s, which does not give the near-poor rate alone", q, day, r.Entry.ID)
			}
		}
	}
}
