package content

import (
	"slices"
	"strings"
	"testing"
)

// TestEntryModelLeadJoinsTheChoice: an entry below retrieval's band that
// the entry model reads far above the band's best entry by retrieval
// joins the choice (modelLead), and ask --explain says over which entry.
// "con tôi bị khuyết tật nhẹ, nhà hộ cận nghèo, đi học trung cấp có được
// miễn học phí không" shares its words with who is exempt from fees, while
// the entry model reads the disabled learner's entry. (The case was "cận
// nghèo thì được vay bao nhiêu tiền tối đa", the near-poor household's
// cap: since citizen batches 18 to 21 the model's lead is not needed
// there.)
func TestEntryModelLeadJoinsTheChoice(t *testing.T) {
	kb, err := internalKB()
	if err != nil {
		t.Fatal(err)
	}
	day, _ := ParseDate("2026-11-27")
	keep(t, &modelLead)
	const text, want = "con toi bi khuyet tat nhe, nha ho can ngheo, di hoc trung cap co duoc mien hoc phi ko", "edu-disabled-learner"
	x := kb.Explain(text, day, 3)
	if got := x.Result.Entry; got == nil || got.ID != want {
		t.Fatalf("entry %v, want %s", got, want)
	}
	if !slices.ContainsFunc(x.Led, func(l string) bool {
		return strings.HasPrefix(l, want+" (model 0.") && strings.Contains(l, " against edu-exempt-groups")
	}) {
		t.Errorf("led %q, want %s listed against the band's best", x.Led, want)
	}
	modelLead = 0
	if got := kb.Match(text, day).Entry; got == nil || got.ID == want {
		t.Errorf("without the lead: entry %v, want another", got)
	}
}
