package bot_test

import (
	"strings"
	"testing"
)

// TestFollowUpQuotesOnlyWhatAnswers: a short follow-up gets the lines of
// the answer just given that answer it, or is told the answer has no such
// information, with the officer; never the whole answer again. Until
// session 70 "làm ở đâu" after the job-loss answer and "ls bn" after the
// housing loan got "Dạ, như tôi vừa trả lời:" and the whole answer, "bao
// nhiêu" after the working-abroad loan its rates, "không có giấy chuyển
// viện thì sao" and "được mấy năm" after the BHYT coverage that coverage
// again (QA #16, #9).
func TestFollowUpQuotesOnlyWhatAnswers(t *testing.T) {
	for _, c := range []struct {
		say        []string
		first      string // the reply's first line
		has, lacks string
	}{
		{[]string{"toi 45 tuoi mat viec o cong ty giay, muon hoc nghe thi co duoc ho tro khong", "tro cap that nghiep thi sao", "lam o dau"},
			"Dạ, phần trả lời cho câu này trong «Mất việc, trợ cấp thất nghiệp»:",
			"- Thu nhập cả nhà giảm mạnh: làm Giấy đề nghị rà soát (Mẫu số 01) tại UBND xã/phường", "- Muốn tự làm ăn: xem mục vay vốn tạo việc làm."},
		{[]string{"hn dc vay bn tien", "ls bn"},
			"Dạ, phần trả lời cho câu này trong «Vay vốn làm nhà cho hộ nghèo»:",
			"lãi suất đang công bố 3%/năm", "Mức vay, thời hạn"},
		{[]string{"vay von di xuat khau lao dong nhat ban duoc khong", "bao nhieu"},
			"Dạ, phần trả lời cho câu này trong «Vay vốn đi làm việc nước ngoài»:",
			"Mức vay cụ thể: ông/bà hỏi cán bộ ngân hàng khi đăng ký.", "6,6%/năm"},
		{[]string{"the bhyt ho ngheo di kham benh vien bach mai co duoc khong", "khong co giay chuyen vien thi sao"},
			"Dạ, câu trả lời «Mức hưởng BHYT 100% từ 2026» chưa có thông tin về điều ông/bà hỏi. Ông/bà bấm «Gặp cán bộ» để cán bộ xã trả lời, hoặc chọn một mục dưới đây.",
			"Bước tiếp theo:", "- Thành viên hộ cận nghèo (trước đây 95%)."},
		{[]string{"nha toi moi thoat ngheo nam ngoai the bhyt con duoc ho tro khong", "bao nhieu phan tram", "duoc may nam"},
			"Dạ, câu trả lời «Mức hưởng BHYT 100% từ 2026» chưa có thông tin về thời hạn. Ông/bà bấm «Gặp cán bộ» để cán bộ xã trả lời, hoặc chọn một mục dưới đây.",
			"Bước tiếp theo:", "- Thành viên hộ cận nghèo (trước đây 95%)."},
	} {
		h := newHarness(t)
		for _, m := range c.say[:len(c.say)-1] {
			h.say(m)
		}
		follow := c.say[len(c.say)-1]
		got := lastReply(t, h.say(follow))
		if first, _, _ := strings.Cut(got.Text, "\n"); first != c.first || !strings.Contains(got.Text, c.has) || strings.Contains(got.Text, c.lacks) {
			t.Errorf("%q after %q: %q, want it to start %q, hold %q and not %q", follow, c.say[len(c.say)-2], got.Text, c.first, c.has, c.lacks)
		}
		if d := buttonData(got); !strings.Contains(strings.Join(d, " "), "o") {
			t.Errorf("%q: buttons %v, want the officer among them", follow, d)
		}
	}
}
