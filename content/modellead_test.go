package content

import (
	"slices"
	"strings"
	"testing"
)

// TestEntryModelLeadJoinsTheChoice: an entry below retrieval's band that
// the entry model reads far above the band's best entry by retrieval
// joins the choice (modelLead), and ask --explain says over which entry.
// "hỗ trợ làm nhà sáu mươi triệu hay bốn mươi triệu hả cháu hộ nghèo ấy"
// (testdata/voice.tsv) shares its words for a house and money with the
// support after a disaster, while the entry model reads the amount of the
// support to build or repair a house. (Earlier cases, whose answer the
// data now gives without the lead: "cận nghèo thì được vay bao nhiêu tiền
// tối đa", the near-poor household's cap, until citizen batches 18 to 21;
// a disabled learner's fees, until batches 22 and 23; "trợ cấp xã hội của
// bố em có bị cắt khi nhà em ra khỏi hộ nghèo không", until blind29 to
// blind36 trained the entry models; "người cao tuổi hộ nghèo sống một
// mình không ai nuôi được trợ cấp bao nhiêu", which is one of the lines
// session 39 retired into the entry messages.)
func TestEntryModelLeadJoinsTheChoice(t *testing.T) {
	kb, err := internalKB()
	if err != nil {
		t.Fatal(err)
	}
	day, _ := ParseDate("2026-11-27")
	keep(t, &modelLead)
	const text, want = "hỗ trợ làm nhà sáu mươi triệu hay bốn mươi triệu hả cháu hộ nghèo ấy", "housing-build-repair"
	x := kb.Explain(text, day, 3)
	if got := x.Result.Entry; got == nil || got.ID != want {
		t.Fatalf("entry %v, want %s", got, want)
	}
	if !slices.ContainsFunc(x.Led, func(l string) bool {
		return strings.HasPrefix(l, want+" (model 0.") && strings.Contains(l, " against housing-disaster")
	}) {
		t.Errorf("led %q, want %s listed against the band's best", x.Led, want)
	}
	modelLead = 0
	if got := kb.Match(text, day).Entry; got == nil || got.ID == want {
		t.Errorf("without the lead: entry %v, want another", got)
	}
}
