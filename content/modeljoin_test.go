package content

import (
	"slices"
	"strings"
	"testing"
)

// TestSureEntryModelJoinsTheChoice: an entry the entry model is sure of
// joins the entry choice though retrieval scores it below the band
// (modelJoin), and ask --explain says so. "hộ nghèo vay vốn làm nhà cần
// giấy tờ gì" asks the papers, though its words are the housing loan's;
// "… bao nhiêu 1 tháng" asks the amount, though the bill and the cash are
// the payment's words. (Citizen batches 12 and 13 brought "hộ chính sách
// xã hội xin hỗ trợ tiền điện làm thủ tục ra sao" into retrieval's band
// for the procedure, and batches 14 and 15 "xóa nhà tạm năm nay còn
// không" into it for the support of 2026: they are answered so without
// the join.)
func TestSureEntryModelJoinsTheChoice(t *testing.T) {
	kb, err := internalKB()
	if err != nil {
		t.Fatal(err)
	}
	day, _ := ParseDate("2026-11-27")
	keep(t, &modelJoin, &modelLead)
	join, lead := modelJoin, modelLead
	for text, want := range map[string]string{
		"ho ngheo vay von lam nha can giay to gi": "loan-documents",
		"ho ngheo thang nay dien het 200 nghin, ho tro tien dien tru vao hoa don hay nhan tien mat, bao nhieu 1 thang a": "elec-amount",
	} {
		x := kb.Explain(text, day, 3)
		if got := x.Result.Entry; got == nil || got.ID != want {
			t.Errorf("%q: entry %v, want %s", text, got, want)
		}
		if !slices.ContainsFunc(x.Joined, func(j string) bool { return strings.HasPrefix(j, want+" (model 0.") }) {
			t.Errorf("%q: joined %q, want %s listed", text, x.Joined, want)
		}
		modelJoin, modelLead = 0, 0
		x = kb.Explain(text, day, 3)
		modelJoin, modelLead = join, lead
		if slices.ContainsFunc(x.EntryChoice, func(r EntryScore) bool { return r.Entry.ID == want }) {
			t.Errorf("%q: without the join %s is in the choice already", text, want)
		}
	}
}
