package content

import (
	"slices"
	"strings"
	"testing"
)

// TestEntryModelLeadJoinsTheChoice: an entry below retrieval's band that
// the entry model reads far above the band's best entry by retrieval
// joins the choice (modelLead), and ask --explain says over which entry.
// "cận nghèo thì được vay bao nhiêu tiền tối đa" shares its rarest words
// with the student loan ("vay … tiền … tối đa"), while the entry model
// reads the near-poor household's cap.
func TestEntryModelLeadJoinsTheChoice(t *testing.T) {
	kb, err := internalKB()
	if err != nil {
		t.Fatal(err)
	}
	day, _ := ParseDate("2026-11-27")
	keep(t, &modelLead)
	const text, want = "can ngheo thi duoc vay bao nhieu tien toi da vay", "loan-near-poor-limit"
	x := kb.Explain(text, day, 3)
	if got := x.Result.Entry; got == nil || got.ID != want {
		t.Fatalf("entry %v, want %s", got, want)
	}
	if !slices.ContainsFunc(x.Led, func(l string) bool {
		return strings.HasPrefix(l, want+" (model 0.") && strings.Contains(l, " against loan-")
	}) {
		t.Errorf("led %q, want %s listed against the band's best", x.Led, want)
	}
	modelLead = 0
	if got := kb.Match(text, day).Entry; got == nil || got.ID == want {
		t.Errorf("without the lead: entry %v, want another", got)
	}
}
