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

// TestOutsideQuestionOverLighterProgramme: a programme named in a part
// that weighs less than the question naming an outside subject does not
// keep the message in scope (anchorWeights); named in the question, or
// with the outside subject in the story only, it does.
func TestOutsideQuestionOverLighterProgramme(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	q := "nhà em đã trả xong nợ vay vốn ngân hàng chính sách rồi, giờ muốn vay tín chấp ở Techcombank 50 triệu thì cần giấy tờ gì"
	x := kb.Explain(q, day, 5)
	if got := x.Result.Topic; got != content.TopicUnknown && got != content.TopicOutOfScope {
		t.Errorf("%q: %s, want unknown", q, got)
	}
	if want := `outside word "tin chap"; programme word "vay von" only in a part that weighs less`; x.Scope != want {
		t.Errorf("%q: scope %q, want %q", q, x.Scope, want)
	}
	q = "Nhà tôi ở thôn Đông, năm ngoái có vay Agribank 30 triệu mua bò để nuôi. Giờ xã bảo nhà tôi đủ điều kiện, vậy có được vay thêm vốn ngân hàng chính sách để làm chuồng không?"
	if got := kb.Match(q, day).Topic; got != content.TopicLoan {
		t.Errorf("%q: %s, want loan", q, got)
	}
}

// TestOutsideWordsWagesWillsFarming: unpaid wages, a will, a building
// permit, pesticide, the price of rice and wifi are outside words the
// scope rule reads (ask --explain shows them), and with no programme named
// the bot does not know.
func TestOutsideWordsWagesWillsFarming(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for text, marker := range map[string]string{
		"công ty nợ lương hai tháng chưa trả, tôi làm đơn gửi ở đâu":    "no luong",
		"bố tôi mất không để lại di chúc, mấy anh em chia nhà thế nào":  "di chuc",
		"xin giay phep xay dung nha o nong thon mat bao lau":            "giay phep xay dung",
		"phun thuốc trừ sâu cho lúa vào lúc nào thì tốt":                "thuoc tru sau",
		"gia lua vu nay thuong lai mua bao nhieu mot can":               "gia lua",
		"nhà mình muốn lắp wifi thì đăng ký với ai, mỗi tháng mấy tiền": "wifi",
	} {
		x := kb.Explain(text, day, 5)
		if want := `outside word "` + marker + `" and no programme word`; x.Scope != want {
			t.Errorf("%q: scope %q, want %q", text, x.Scope, want)
		}
		if got := x.Result.Topic; got != content.TopicUnknown && got != content.TopicOutOfScope {
			t.Errorf("%q: %s, want unknown", text, got)
		}
	}
}
