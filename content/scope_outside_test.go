package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestOutsideSubjectsInProgrammeWords: a private school's fees, a divorce,
// a rotating savings group gone bust, land taken for a road and its
// compensation, a builder's lucky year are no programme, though they use
// the programmes' words (học phí, nộp đơn, tiền, khiếu nại, làm nhà): with
// no programme named the bot does not know. Named with a programme they
// are still answered.
func TestOutsideSubjectsInProgrammeWords(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for text, want := range map[string]string{
		"con tôi học mầm non tư thục, giữa năm trường tăng học phí, có đòi lại được không":   content.TopicUnknown,
		"truong tu thuc thu tien dong phuc voi tien an ban tru dat qua, hoi o dau":           content.TopicUnknown,
		"chủ hụi trong xóm vỡ hụi bỏ trốn, nhà tôi góp mấy chục triệu, đòi ở đâu":            content.TopicUnknown,
		"vo chong em muon ly hon, con nho thi ai nuoi, nop don o dau":                        content.TopicUnknown,
		"ruộng nhà tôi bị thu hồi làm đường, tiền đền bù chưa trả, tôi khiếu nại ở đâu":      content.TopicUnknown,
		"nhà tôi hộ nghèo, con học mầm non tư thục có được hỗ trợ tiền học không":            content.TopicEducation,
		"me don than da ly hon, nha ho ngheo, nuoi con nho co duoc tro cap hang thang khong": content.TopicSocialAssistance,
	} {
		if got := kb.Match(text, day).Topic; got != want && (want != content.TopicUnknown || got != content.TopicOutOfScope) {
			t.Errorf("%q: %s, want %s", text, got, want)
		}
	}
}
