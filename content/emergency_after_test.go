package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestDangerToldAfterTheQuestion: a danger told after a question about a
// programme, in a clause after the question's, raises its alarm though no
// word of now opens it, when something in it says the harm is still going
// on ("không dậy được", "từ sáng", "gọi không thưa", "vã mồ hôi") or the
// danger model agrees (detector.goingTail). Voice-to-text has no commas:
// "thì" or the filler "ờ" after the question ends its clause. Until
// session 71 each of these got the programme's answer, or the out-of-scope
// medical decline, and no number at all. A harm told as settled or dated
// ("giờ ở nhờ nhà em gái", "từ năm ngoái"), a danger supposed ("nếu …"),
// an illness of some days asked about beside the question and a sick
// animal named before it stay calm.
func TestDangerToldAfterTheQuestion(t *testing.T) {
	kb := mustKB(t)
	checkDetect(t, kb, []string{
		"tôi muốn hỏi vay vốn, bố tôi ngã không dậy được từ năm ngoái, giờ nằm liệt một chỗ",
		"hỏi về trợ cấp, nếu người già ngã không dậy được thì gọi số nào",
		"tôi muốn hỏi vay vốn, tôi bị ngã trong nhà tắm hồi tháng trước, giờ đi lại bình thường rồi",
		"cho hỏi hộ nghèo có được hỗ trợ làm nhà không, nhà tôi bị cháy hết, giờ ở nhờ nhà em gái",
		"Nhà em nuôi 15 con lợn thịt bằng tiền vay hộ nghèo của ngân hàng chính sách, từ hôm qua có 3 con bỏ ăn, sốt cao, tai tím tái, nằm một chỗ. Hàng xóm bảo có khi là dịch tả lợn châu Phi. Em phải báo ai và có nên bán chạy không",
	}, map[string]string{
		"tôi muốn hỏi cái vay vốn, tôi ngã trong nhà tắm không dậy được từ tối qua, cái chân không nhúc nhích được":     content.AlarmWelfare,
		"toi muon hoi cai vay von, toi nga trong nha tam khong day duoc tu toi qua, cai chan khong nhuc nhich duoc":     content.AlarmWelfare,
		"cho hỏi thẻ bhyt hết hạn thì gia hạn ở đâu, mẹ tôi ngã ở nhà tắm từ sáng không đứng dậy được, gọi mãi chỉ rên": content.AlarmWelfare,
		"cho toi hoi cai so ho ngheo lam lai o dau thi toi bi nga o ngoai vuon khong dung len duoc nam day tu chieu":    content.AlarmWelfare,
		"hỏi về vay vốn hộ nghèo, chồng tôi kêu đau ngực dữ dội, vã mồ hôi, khó thở lắm":                                content.AlarmMedical,
		"cho em hỏi thủ tục làm thẻ bhyt cho con, con em sốt cao co giật mắt trợn ngược gọi không thưa":                 content.AlarmMedical,
		"hoi ve tien ho tro nha o, bep nha toi chay lon lua lan len mai":                                                content.AlarmFire,
		"hỏi về trợ cấp, đồi sau nhà sạt lở vùi mất nửa nhà, bố tôi bị kẹt bên trong":                                   content.AlarmFlood,
		"hoi ve bhyt cho tre em, be nha toi 4 tuoi ra ngo choi khong thay dau, ca nha tim khap noi":                     content.AlarmMissing,
	})
	// The alarm says where it was read, for ask --explain.
	a, _ := kb.Detect("tôi muốn hỏi cái vay vốn, tôi ngã trong nhà tắm không dậy được từ tối qua, cái chân không nhúc nhích được")
	if !a.Urgent || !strings.HasPrefix(a.Phrase, "told after the question, still going on: ") {
		t.Errorf("the bathroom fall: alarm %+v, want an urgent one read after the question", a)
	}
	// Mẹ tôi … mấy hôm nay bà kêu đau bụng âm ỉ …, uống gì cho đỡ: an
	// illness of some days, asked how to treat, stays the decline.
	if a, ok := kb.Detect("Mẹ tôi 82 tuổi đang nhận trợ cấp người cao tuổi, mấy hôm nay bà kêu đau bụng âm ỉ bên phải, ăn vào là buồn nôn, bà không chịu đi viện. Cho tôi hỏi có phải bị sỏi mật không, ở nhà cho bà uống gì cho đỡ?"); !ok || a.Kind != content.AlarmHealthAdvice {
		t.Errorf("an illness of some days: alarm %+v (%v), want the health-advice decline", a, ok)
	}
}

// TestAdviceAskedBesideADanger: a request for medical advice ("cho uống
// thuốc gì") does not go before a danger the question's words calm in the
// whole message: the body failing now (the acute list) told after the
// question raises the medical alarm, 115 first. Until session 71 the
// health-advice decline answered, with no ticket. An illness the writer
// asks how to treat with no such sign stays the decline.
func TestAdviceAskedBesideADanger(t *testing.T) {
	kb := mustKB(t)
	checkDetect(t, kb, nil, map[string]string{
		"cho hỏi rà soát năm nay thế nào, con tôi sốt cao co giật tím tái, cho uống thuốc gì":     content.AlarmMedical,
		"cho hỏi rà soát năm nay thế nào, con tôi bị ho mấy hôm nay, cho uống thuốc gì":           content.AlarmHealthAdvice,
		"cho hỏi rà soát năm nay thế nào, mẹ tôi sốt cao nôn liên tục từ sáng, cho uống thuốc gì": content.AlarmHealthAdvice,
	})
}
