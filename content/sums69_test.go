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
