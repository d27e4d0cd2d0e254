package content

import (
	"testing"
	"time"
)

// TestEntryReadsWholeMessage: in a long message whose question asks only
// "có được hỗ trợ gì không", the entry model reads the story at the
// question's weight, where the thing asked about is told: a boarding
// pupil's meals, a job lost (not work abroad). ask --explain says so.
func TestEntryReadsWholeMessage(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for _, tt := range []struct{ text, entry string }{
		{"Con tôi học lớp 3 trường công, ở bán trú, nhà tôi hộ nghèo ở xã vùng cao. Cho hỏi cháu có được hỗ trợ gì không?", "edu-meals-boarding"},
		{"Nhà tôi hộ nghèo, tôi mất việc làm ở công ty may từ tháng trước, đang ở nhà. Xin hỏi tôi có được hỗ trợ gì không?", "jobs-job-loss"},
	} {
		if r := kb.Match(tt.text, day); r.Entry == nil || r.Entry.ID != tt.entry {
			got := "none"
			if r.Entry != nil {
				got = r.Entry.ID
			}
			t.Errorf("%q → %s, want %s", tt.text, got, tt.entry)
		}
		if x := kb.Explain(tt.text, day, 3); !x.EntryWhole {
			t.Errorf("%q: the explanation does not say the entry model read the whole message", tt.text)
		}
	}
}
