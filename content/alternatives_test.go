package content

import (
	"testing"
	"time"
)

// TestAlternativesEntryChoice: the first "Chưa đúng ý tôi" offer is the
// runner-up of the entry choice in the answered topic: the message that
// asks how to file papers for the disability allowance is offered the
// application papers, the near-poor household asking for a tuition
// reduction the reduction, which topic share and retrieval alone rank
// below other entries.
func TestAlternativesEntryChoice(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for _, tt := range []struct{ text, answer, first string }{
		{"bố tôi hộ nghèo bị liệt nằm một chỗ có được trợ cấp người khuyết tật không, làm hồ sơ thế nào", "social-disability", "social-apply-papers"},
		{"nhà tôi cận nghèo, con học cấp 2 có được giảm học phí không", "edu-tuition-public-free", "edu-tuition-reduction"},
	} {
		r := kb.Match(tt.text, day)
		if r.Entry == nil || r.Entry.ID != tt.answer {
			t.Errorf("%q → %v, want %s", tt.text, r.Entry, tt.answer)
			continue
		}
		var ids []string
		for _, e := range kb.Alternatives(tt.text, day, r.Entry, 2) {
			ids = append(ids, e.ID)
		}
		if len(ids) != 2 || ids[0] != tt.first {
			t.Errorf("%q: alternatives %v, want %s first of two", tt.text, ids, tt.first)
		}
	}
}
