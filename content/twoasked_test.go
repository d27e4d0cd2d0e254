package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// A message asking about two programmes in clauses of their own gets the
// second one's entry beside the answer; a programme named in the story,
// in a clause that asks nothing, after "không cần", or by "vay" that is
// the particle "vậy" does not count, nor a message asking about one.
func TestOtherAsked(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	// want "*": either programme may answer first; the other is offered.
	// A want with a dash is the entry offered, else its topic.
	for _, c := range []struct{ msg, want string }{
		{"ong toi 80 tuoi thi dc nhan tro cap bao nhieu 1 thang va co dc cap the bhyt mien phi ko", "health_insurance"},
		{"nha e ho can ngheo, the bhyt thi co duoc ho tro khong, con vay von ho can ngheo thi toi da duoc bao nhieu", "loan"},
		{"Người khuyết tật nặng được trợ cấp hàng tháng bao nhiêu và thẻ BHYT có được cấp miễn phí không?", "*"},
		// No category named: the loan's general entry, not a category's.
		{"toi bi khuyet tat dc tro cap bao nhieu va co dc vay von ko", "loan-programmes"},
		// One programme, or another named only in the story or declined.
		{"vay von ho ngheo lai suat bao nhieu, lam the nao de vay", ""},
		{"khong can vay von dau, toi chi hoi tro cap cho nguoi khuyet tat nang thoi, thu tuc the nao", ""},
		{"Nhà tôi hộ nghèo, có thẻ bảo hiểm y tế, được vay vốn đủ cả. Giờ tôi chỉ hỏi tiền điện hỗ trợ bao nhiêu một tháng?", ""},
		{"ong e huong tro cap nguoi cao tuoi bi cat vi con cai co thu nhap, vay co dung ko", ""},
	} {
		r := kb.Match(c.msg, day)
		got := ""
		if o := kb.OtherAsked(c.msg, r.Topic, day); o != nil {
			got = o.Topic
			if strings.Contains(c.want, "-") {
				got = o.ID
			}
			if o.Topic == r.Topic {
				t.Errorf("%q: the other question's entry %s is the answer's own topic", c.msg, o.ID)
			}
		}
		if c.want == "*" {
			if got != "social_assistance" && got != "health_insurance" {
				t.Errorf("%q (answered %s): other question %q, want the other of the two", c.msg, r.Topic, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%q (answered %s): other question %q, want %q", c.msg, r.Topic, got, c.want)
		}
	}
}

// Two questions asked as two sentences count as asked apart; a story
// sentence before them does not.
func TestOtherAskedInTwoSentences(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "Ông tôi 80 tuổi, không có lương hưu. Ông được trợ cấp hằng tháng bao nhiêu? Thẻ BHYT của ông có được cấp miễn phí không?"
	r := kb.Match(msg, day)
	o := kb.OtherAsked(msg, r.Topic, day)
	if o == nil || o.Topic == r.Topic || o.Topic != "health_insurance" && o.Topic != "social_assistance" {
		t.Errorf("%q (answered %s): other question %v, want the other of the allowance and the card", msg, r.Topic, o)
	}
}
