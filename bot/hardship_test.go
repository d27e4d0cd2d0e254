package bot_test

import (
	"slices"
	"testing"
)

// TestHardshipOnlyAsksWhatIsHard: a message that only says the household
// is in hardship is asked what the difficulty is, with the check and the
// officer. Until session 71 "nhà tôi khó lắm" got the appeal against the
// review's result (QA pass 71 #9, f12).
func TestHardshipOnlyAsksWhatIsHard(t *testing.T) {
	const want = "Dạ, tôi rất tiếc khi nhà mình đang khó khăn. Ông/bà đang khó về việc gì ạ (tiền ăn, nhà ở, ốm đau, tiền học của con, nợ vay…)? Ông/bà nhắn thêm để tôi chỉ đúng chính sách, hoặc bấm kiểm tra điều kiện hỗ trợ, hay gặp cán bộ xã."
	for _, m := range []string{"nha toi kho lam", "nhà tôi khó khăn quá", "hoàn cảnh gia đình em khó khăn lắm ạ"} {
		r := lastReply(t, newHarness(t).say(m))
		if r.Text != want {
			t.Errorf("%q: %q, want %q", m, r.Text, want)
			continue
		}
		var labels []string
		for _, b := range r.Buttons {
			labels = append(labels, b.Label)
		}
		if w := []string{"Kiểm tra điều kiện hỗ trợ", "Gặp cán bộ", "Danh mục"}; !slices.Equal(labels, w) {
			t.Errorf("%q: buttons %v, want %v", m, labels, w)
		}
	}
	// A need told is no hardship-only message.
	if r := lastReply(t, newHarness(t).say("nhà tôi khó quá, không có gì ăn")); r.Text == want {
		t.Errorf("a need told got the hardship question")
	}
}
