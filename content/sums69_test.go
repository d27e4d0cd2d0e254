package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// "lương cơ sở hiện nay là bao nhiêu" was "I did not understand" until
// session 69. The base salary is a dated fact of the BHYT premium's
// versions: the answer gives the figure in force, its first day, the one
// before it and both decrees.
func TestBaseSalarySum(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	const now = "Lương cơ sở (mức lương Nhà nước dùng để tính tiền đóng BHYT) từ ngày 01/07/2026 là 2.530.000 đồng/tháng."
	const before = "Trước đó, từ ngày 01/07/2024 đến hết ngày 30/06/2026: 2.340.000 đồng/tháng."
	const sources = "📄 Căn cứ: Nghị định 161/2026/NĐ-CP (lương cơ sở) (báo Lao Động); Nghị định 73/2024/NĐ-CP, lương cơ sở từ 01/7/2024 (trang luật Mondaq)."
	for msg, want := range map[string]string{
		"lương cơ sở hiện nay là bao nhiêu": now + "\n" + before + "\n" + sources,
		"luong co so bay gio bao nhieu":     now + "\n" + before + "\n" + sources,
		"lương cơ sở năm 2027 là bao nhiêu": now + "\n" + before + "\nNăm 2027: tôi chưa thấy văn bản thay đổi mức này.\n" + sources,
		// A past year: the version then, led by a line, then today's.
		"lương cơ sở năm 2025 là bao nhiêu": "📌 Ông/bà hỏi về năm 2025: từ ngày 01/07/2024 đến hết ngày 30/06/2026, lương cơ sở là 2.340.000 đồng/tháng. Mức hiện nay:\n\n" + now +
			"\n📄 Căn cứ: Nghị định 73/2024/NĐ-CP, lương cơ sở từ 01/7/2024 (trang luật Mondaq); Nghị định 161/2026/NĐ-CP (lương cơ sở) (báo Lao Động).",
		// Before the first version the knowledge base holds.
		"lương cơ sở năm 2023 bao nhiêu": "📌 Ông/bà hỏi về năm 2023: tôi chỉ có mức từ ngày 01/07/2024; mức trước đó tôi không trả lời được (ông/bà hỏi UBND xã/phường). Mức hiện nay:\n\n" + now +
			"\n📄 Căn cứ: Nghị định 161/2026/NĐ-CP (lương cơ sở) (báo Lao Động).",
	} {
		s, ok := kb.Sum(msg, day, "")
		if !ok || s.Text != want {
			t.Errorf("%q: sum %v:\n%s\nwant:\n%s", msg, ok, s.Text, want)
			continue
		}
		// Whatever the matcher reads, the sum answers (it was unknown,
		// or out of scope unmarked).
		if r := kb.Match(msg, day); r.Entry != nil && !s.Covers(r.Entry) {
			t.Errorf("%q: the sum does not cover the reading %s", msg, r.Entry.ID)
		}
	}
	// Before 1/7/2026 the figure in force was the earlier one.
	if s, _ := kb.Sum("lương cơ sở hiện nay là bao nhiêu", content.DateOf(refDay.AddDate(0, -6, 0)), ""); !strings.HasPrefix(s.Text,
		"Lương cơ sở (mức lương Nhà nước dùng để tính tiền đóng BHYT) từ ngày 01/07/2024 là 2.340.000 đồng/tháng.") {
		t.Errorf("in May 2026: %q", s.Text)
	}
	// Questions about something reckoned from it, or someone's pay, are
	// the matcher's.
	for _, msg := range []string{
		"luong co so cong chuc nam 2026 la bao nhieu",
		"lương cơ sở tăng thì bhyt đóng bao nhiêu",
		"lương cơ sở tăng rồi thì trợ cấp xã hội có tăng theo không",
		"sinh vien dan toc thieu so ho ngheo dc ho tro 60% luong co so dung ko",
	} {
		if s, ok := kb.Sum(msg, day, ""); ok && strings.HasPrefix(s.Text, "Lương cơ sở") {
			t.Errorf("%q: base salary sum:\n%s", msg, s.Text)
		}
	}
}

// "nhà em hộ nghèo, hỗ trợ làm nhà được bao nhiêu, vay làm nhà được bao
// nhiêu, được cả hai không" got one of the two answers or an ask-back
// until session 69: both are answered from the entries' facts, and
// whether both may be had is the commune's and the bank's to confirm.
func TestHousingPairSum(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	const want = "Đây là hai khoản khác nhau:\n" +
		"- Hỗ trợ làm nhà: đợt xóa nhà tạm, nhà dột nát 2024–2025 hỗ trợ 60 triệu đồng/căn xây mới, 30 triệu đồng/căn sửa chữa; đợt này đã kết thúc, mức hỗ trợ mỗi căn hiện nay tôi chưa thấy công bố.\n" +
		"- Vay làm nhà cho hộ nghèo (Ngân hàng Chính sách xã hội): lãi suất đang công bố 3%/năm; mức vay và thời hạn chưa được xác nhận.\n" +
		"Được nhận cả hai không: tôi chưa thấy quy định nói rõ; ông/bà hỏi UBND xã/phường và điểm giao dịch xã của Ngân hàng Chính sách xã hội.\n" +
		"📄 Căn cứ: Xóa nhà tạm: 60 triệu đồng xây mới, 30 triệu đồng sửa (báo Hải Dương); Biểu lãi suất cho vay của Ngân hàng Chính sách xã hội."
	for _, msg := range []string{
		"nhà em hộ nghèo, hỗ trợ làm nhà được bao nhiêu, vay làm nhà được bao nhiêu, được cả hai không",
		"nhà em hộ nghèo. hỗ trợ làm nhà được bao nhiêu? vay làm nhà được bao nhiêu? được cả hai không?",
		"nha em ho ngheo, ho tro lam nha duoc bao nhieu, vay lam nha duoc bao nhieu",
		"hộ nghèo vay vốn làm nhà với hỗ trợ tiền làm nhà thì cái nào được nhiều hơn",
		"ho ngheo vay von lam nha lai bao nhieu, ngoai vay ra co duoc ho tro them tien lam nha khong",
		// The loan asked without the house named again.
		"hộ cận nghèo sửa nhà được hỗ trợ bao nhiêu, thiếu thì vay thêm ngân hàng chính sách được bao nhiêu",
	} {
		s, ok := kb.Sum(msg, day, "")
		if !ok || s.Text != want || strings.Join(s.Entries, ",") != "housing-build-repair,loan-housing-poor" {
			t.Errorf("%q: sum %v %v:\n%s", msg, ok, s.Entries, s.Text)
			continue
		}
		if r := kb.Match(msg, day); r.Entry != nil && !s.Covers(r.Entry) {
			t.Errorf("%q: the sum does not cover the reading %s", msg, r.Entry.ID)
		}
	}
	// One of the two told as had, or the loan's own name ("vay hỗ trợ nhà
	// ở"), or "vậy" typed "vay": the matcher answers what is asked.
	for _, msg := range []string{
		"NHÀ TÔI HỘ CẬN NGHÈO, ĐÃ ĐƯỢC HỖ TRỢ LÀM NHÀ 30 TRIỆU NHƯNG KHÔNG ĐỦ, GIỜ MUỐN VAY THÊM VỐN LÀM NHÀ Ở NGÂN HÀNG CHÍNH SÁCH THÌ ĐƯỢC VAY BAO NHIÊU, LÃI MẤY PHẦN TRĂM",
		"vay hỗ trợ nhà ở hộ nghèo được bao nhiêu tiền",
		"nha chau ho can ngheo, nghe noi duoc uu tien ho tro nha o, vay muc ho tro sua nha la bao nhieu",
		"ho ngheo dc vay von va dc ho tro lam nha, vay lam nha lai bao nhieu",
		// Both told as had; "cả 2" is the eyes; the loan only as an aside.
		"nha em da duoc vay von va duoc ho tro lam nha. bo em bi mu ca 2 mat thi co duoc tro cap khong",
		"được xã hỗ trợ làm nhà nhưng chỉ đủ phần thô, ngoài vay ra thì có ai hỗ trợ thêm vật liệu không",
	} {
		if s, ok := kb.Sum(msg, day, ""); ok {
			t.Errorf("%q: sum:\n%s", msg, s.Text)
		}
	}
}
