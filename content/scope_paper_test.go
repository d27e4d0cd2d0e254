package content

import "testing"

// TestCategoryInAPaperIsAsked: a category named in the poverty programme's
// own paper ("giấy chứng nhận hộ nghèo") before the question is the thing
// asked about, so the margin rule does not turn the question into
// "unknown"; without the reading it is unknown.
func TestCategoryInAPaperIsAsked(t *testing.T) {
	kb := loadOnce(t)
	const lost = "giấy chứng nhận hộ nghèo nhà tôi bị mất, giờ xin cấp lại ở đâu, mất bao lâu"
	if r := kb.Match(lost, scopeDay); r.Entry == nil || r.Entry.ID != "poverty-certificate" {
		t.Errorf("%q: topic %s, want poverty-certificate", lost, r.Topic)
	}
	defer func(v bool) { paperBackground = v }(paperBackground)
	paperBackground = false
	if r := kb.Match(lost, scopeDay); r.Topic != TopicUnknown {
		t.Errorf("without the papers' reading %q is %s, want unknown: the test no longer shows the rule", lost, r.Topic)
	}
}
