package content

import (
	"strings"
	"testing"
)

// TestScopeRuleCategoryBackground: a household category told before a
// question about an outside subject no longer keeps the scope rule from
// objecting to a policy answer; a category asked about, a confident policy
// reading, or a policy loan's own terms still do. Without the rule every
// message naming a category was exempt, and held-out vaccination questions
// ("nhà tôi cận nghèo, cho hỏi lịch tiêm …") got a health insurance answer.
func TestScopeRuleCategoryBackground(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-11-27")
	// verdict is the marker rule's verdict on answering the best topic
	// the bot answers (not out of scope, not smalltalk); outsideAsked,
	// which objects to a marker in the asking clause whatever the
	// category when a reading puts out of scope first, has its own test.
	verdict := func(text string) (string, string) {
		s := kb.newScratch()
		kb.topicScores(s, kb.score(s, text), day)
		top := -1
		for k := range s.best {
			if e := s.best[k].Entry; e != nil && e.Topic != TopicOutOfScope && e.Topic != TopicSmalltalk && (top < 0 || s.combined(k) > s.combined(top)) {
				top = k
			}
		}
		return kb.clf.topics[top], kb.markerVerdict(s, top)
	}
	for _, tt := range []struct{ text, marker string }{
		{"nhà em hộ cận nghèo, cho em hỏi lịch tiêm chủng cho bé 2 tháng tuổi ở trạm y tế xã là ngày nào", "tiem chung"},
		{"nha toi ho ngheo, cho hoi mua bao hiem nhan tho cho con thi goi nao re nhat", "nhan tho"},
		{"nha toi ho can ngheo, cho hoi vay tra gop mua dien thoai o the gioi di dong can gi", "tra gop"},
		{"nhà mình hộ nghèo, cho hỏi con trai khám nghĩa vụ quân sự vào tháng mấy", "nghia vu quan su"},
	} {
		if topic, m := verdict(tt.text); m != tt.marker {
			t.Errorf("%q: scope verdict on %s %q, want %q", tt.text, topic, m, tt.marker)
		}
	}
	for _, text := range []string{
		// The category asked about.
		"nhà tôi hộ cận nghèo thì có được hoãn nghĩa vụ quân sự không",
		// A programme word in the question.
		"nhà tôi hộ cận nghèo, cho hỏi con đi nghĩa vụ quân sự về có được hỗ trợ học nghề không",
		// A policy loan's own terms.
		"nhà em hộ nghèo, cho hỏi vay tín chấp được bao nhiêu",
	} {
		if topic, m := verdict(text); m != "" {
			t.Errorf("%q: scope verdict on %s %q, want none", text, topic, m)
		}
	}
	x := kb.Explain("nhà em hộ cận nghèo, cho em hỏi lịch tiêm chủng cho bé 2 tháng tuổi ở trạm y tế xã là ngày nào", day, 3)
	if want := `household category told before the question, not asked about; outside word "tiem chung" in the question`; !strings.HasSuffix(x.Scope, want) {
		t.Errorf("explain scope %q, want it to end %q", x.Scope, want)
	}
}
