package content

import "testing"

// TestCategoryInAPaperIsAsked: a category named in the poverty programme's
// own paper ("giấy chứng nhận hộ nghèo") before the question is the thing
// asked about, not the household's background (categoryBackground), so
// the scope and margin rules leave the question alone. Since the retired
// sets' lines train the topic classifier, it reads these messages as the
// certificate unaided, so the rule is shown where it acts, on the
// category's reading; the answers are held too.
func TestCategoryInAPaperIsAsked(t *testing.T) {
	kb := loadOnce(t)
	for _, text := range []string{
		"giấy chứng nhận hộ nghèo nhà tôi bị mất, giờ xin cấp lại ở đâu, mất bao lâu",
		"giay chung nhan ho can ngheo bi mat thi lam lai o dau",
		"mất giấy xác nhận hộ nghèo thì làm lại mất bao lâu",
	} {
		if r := kb.Match(text, scopeDay); r.Entry == nil || r.Entry.ID != "poverty-certificate" {
			t.Errorf("%q: topic %s, want poverty-certificate", text, r.Topic)
		}
	}
	const lost = "giấy chứng nhận hộ nghèo nhà tôi bị mất, giờ xin cấp lại ở đâu, mất bao lâu"
	s := scoredScratch(kb, lost)
	at := kb.askSyllable(s)
	if s.asked == 0 || at <= 0 {
		t.Fatalf("%q: category %v, asking clause at syllable %d: nothing to read", lost, s.asked, at)
	}
	if categoryBackground(s, at) {
		t.Errorf("%q: the category named in the paper reads as background", lost)
	}
	defer func(v bool) { paperBackground = v }(paperBackground)
	paperBackground = false
	if !categoryBackground(s, at) {
		t.Errorf("without the papers' reading the category in %q is still asked about: the test no longer shows the rule", lost)
	}
}
