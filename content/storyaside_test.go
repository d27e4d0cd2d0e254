package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestIllnessToldBeforeABenefitQuestion: an illness told before a question
// about a benefit is the story, not a request for medical advice: the
// benefit is answered, led by the health-advice caution line when the
// illness is still going on, not when the story says it is over; a
// medical question after the benefit's words is still declined (session
// 66: both got the medical refusal alone).
func TestIllnessToldBeforeABenefitQuestion(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct{ msg, entry, caution string }{
		{"con tôi bị sốt xuất huyết đã khỏi, giờ muốn làm bhyt học sinh", "bhyt-student", ""},
		{"em bị sốt 3 ngày rồi, hộ nghèo khám ở đâu được miễn phí", "bhyt-benefit-level", content.AlarmHealthAdvice},
		{"con 2 tuoi bi tieu chay may ngay khong khoi, co the bhyt ho ngheo roi, cho chau uong gi", "oos-medical", ""},
	} {
		r := kb.Match(c.msg, day)
		if entryID(r) != c.entry || r.Caution != c.caution {
			t.Errorf("%q: %s, caution %q; want %s, caution %q", c.msg, entryID(r), r.Caution, c.entry, c.caution)
		}
	}
	if got, want := kb.CautionLine(content.AlarmHealthAdvice), "Về bệnh và thuốc, tôi không tư vấn được: ông/bà hỏi trạm y tế xã. Thấy nặng (khó thở, đau ngực, ngất): gọi ngay 115."; got != want {
		t.Errorf("caution line %q, want %q", got, want)
	}
}
