package bot_test

import (
	"slices"
	"testing"
)

// TestEarlyRepaymentAfterALoan: "có phải trả trước hạn không" right after
// a loan's answer asks about that loan. After the newly-escaped
// household's loan, whose answer says what is known of it, the reply
// quotes the term and that line with the next step; after the poor
// household's loan, whose answer says nothing of it, the reply says so,
// quotes the term and the next step, and offers the officer. Until
// session 69 both got the monthly payment's answer, read alone.
func TestEarlyRepaymentAfterALoan(t *testing.T) {
	h := newHarness(t)
	h.say("hộ mới thoát nghèo vay vốn được không")
	for _, q := range []string{"có phải trả trước hạn không", "co phai tra truoc han ko"} {
		got := lastReply(t, h.say(q))
		const want = "Dạ, phần trả lời cho câu này trong «Vay vốn hộ mới thoát nghèo»:\n\n" +
			"Hộ mới thoát nghèo là hộ trước đây nghèo hoặc cận nghèo, nay thu nhập cao hơn chuẩn cận nghèo, ra khỏi danh sách chưa quá 3 năm. Hộ này được vay Ngân hàng Chính sách xã hội:\n" +
			"- Thời hạn: theo một vụ, một lứa; quy định năm 2015 ghi tối đa 5 năm, nay có thể đã khác.\n\n" +
			"Khoản vay cũ khi thoát nghèo có phải trả trước hạn không: chưa có văn bản xác nhận.\n\n" +
			"Bước tiếp theo: ông/bà hỏi tổ trưởng tổ tiết kiệm và vay vốn ở thôn.\n\n" +
			"⚠️ Một số thông tin trên cần cán bộ xã xác nhận: ông/bà hỏi UBND xã/phường trước khi làm hồ sơ.\n\n" +
			"📄 Căn cứ: Cho vay hộ mới thoát nghèo (Ngân hàng Chính sách xã hội); Biểu lãi suất cho vay của Ngân hàng Chính sách xã hội."
		if got.Text != want {
			t.Errorf("%q after the newly-escaped loan:\n%s\nwant\n%s", q, got.Text, want)
		}
		if d := buttonData(got); len(d) == 0 || d[0] != "e:loan-newly-escaped" {
			t.Errorf("%q: buttons %v, want the whole answer first", q, d)
		}
	}

	h = newHarness(t)
	h.say("hộ nghèo vay vốn được bao nhiêu")
	got := lastReply(t, h.say("có phải trả trước hạn không"))
	const want = "Dạ, câu trả lời «Vay vốn hộ nghèo» chưa có thông tin về việc trả nợ trước hạn. Ông/bà bấm «Gặp cán bộ» để cán bộ xã trả lời, hoặc chọn một mục dưới đây.\n\n" +
		"Hộ nghèo được vay vốn ưu đãi của Ngân hàng Chính sách xã hội (NHCSXH):\n" +
		"- Thời hạn vay: tối đa 120 tháng (10 năm).\n\n" +
		"Bước tiếp theo: ông/bà gặp tổ trưởng tổ tiết kiệm và vay vốn ở thôn, hoặc hỏi tại điểm giao dịch xã của NHCSXH (đặt tại UBND xã/phường)."
	if got.Text != want {
		t.Errorf("after the poor household's loan:\n%s\nwant\n%s", got.Text, want)
	}
	if d := buttonData(got); !slices.Contains(d, "o") || !slices.Contains(d, "e:loan-poor-household") {
		t.Errorf("after the poor household's loan: buttons %v, want the officer and the whole answer", d)
	}
}
