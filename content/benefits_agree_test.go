package content_test

import (
	"slices"
	"strings"
	"testing"
)

// TestNearPoorSummaryStatesBenefitLevel checks that the near-poor
// household's summary of benefits states the health-insurance benefit the
// benefit-level entry states for 2026 (100% of covered costs, Resolution
// 261/2025/QH15) and names that source, instead of an older "most of the
// costs".
func TestNearPoorSummaryStatesBenefitLevel(t *testing.T) {
	kb := mustKB(t)
	level, ok := kb.Entry("bhyt-benefit-level")
	if !ok || !strings.Contains(level.Answer, "hộ cận nghèo") || !strings.Contains(level.Answer, "100%") {
		t.Fatalf("bhyt-benefit-level no longer states 100%% for the near-poor; update this test with it")
	}
	sum, ok := kb.Entry("poverty-benefits-near-poor")
	if !ok {
		t.Fatal("no poverty-benefits-near-poor entry")
	}
	text := sum.Render()
	for _, want := range []string{"từ 2026 quỹ BHYT trả 100% chi phí khám chữa bệnh", "Nghị quyết 261/2025/QH15"} {
		if !strings.Contains(text, want) {
			t.Errorf("poverty-benefits-near-poor does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, " ;") {
		t.Errorf("poverty-benefits-near-poor has a space before a semicolon:\n%s", text)
	}
}

// TestAnswersAgreeWithFactSheet pins facts that one answer once stated
// differently from the entry that owns them (docs/architecture.md §3,
// "Content"): the social pension from 70 for poor and near-poor members
// (no upper age), the near-poor premium paid in full in a poor commune,
// the province's own 2025 poverty line beside the national one where an
// answer tells when a household leaves the list, the housing campaign
// announced complete on 26/8/2025 (its deadline was 31/8), the 2027
// dimensions told as the draft's, and income "at or below" the line.
func TestAnswersAgreeWithFactSheet(t *testing.T) {
	kb := mustKB(t)
	tests := []struct {
		id       string
		has, not []string
	}{
		{"poverty-benefits-poor", []string{"Người từ 70 tuổi trở lên, không có lương hưu"}, []string{"dưới 75"}},
		{"poverty-benefits-near-poor", []string{"Người từ 70 tuổi trở lên, không có lương hưu"}, []string{"dưới 75"}},
		{"bhyt-free-card", []string{"ít nhất 70% tiền đóng (ở xã nghèo do Thủ tướng công bố: 100%)"}, []string{"không phải miễn phí toàn bộ"}},
		{"poverty-leave-list-2026", []string{"Bắc Ninh năm 2025 dùng mức riêng cao hơn"}, nil},
		{"housing-build-repair", []string{"Ngày 26/8/2025 Chính phủ công bố đã hoàn thành"}, []string{"kết thúc ngày 26/8"}},
		// The 2027 dimensions are known from the draft only.
		{"poverty-standard-2027", []string{"theo dự thảo: việc làm, y tế, giáo dục, nhà ở, thông tin, nước – vệ sinh – môi trường"}, nil},
		{"poverty-categories-2027", []string{"theo dự thảo: việc làm, y tế, giáo dục, nhà ở, thông tin, nước – vệ sinh – môi trường"}, nil},
		{"poverty-indicators-2026", []string{"Thu nhập không quá chuẩn, thiếu từ 3 nhu cầu trở lên là hộ nghèo"}, nil},
	}
	for _, tt := range tests {
		en, ok := kb.Entry(tt.id)
		if !ok {
			t.Errorf("no entry %s", tt.id)
			continue
		}
		for _, w := range tt.has {
			if !strings.Contains(en.Answer, w) {
				t.Errorf("%s does not say %q", tt.id, w)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(en.Answer, w) {
				t.Errorf("%s still says %q", tt.id, w)
			}
		}
	}
	// The leave-list answer names the province's own line; its button shows it.
	if en, _ := kb.Entry("poverty-leave-list-2026"); en != nil && !slices.Contains(en.Next, "poverty-bac-ninh-standard") {
		t.Errorf("poverty-leave-list-2026 offers %v, want poverty-bac-ninh-standard among them", en.Next)
	}
}

// TestNextStepAddressesOnce: no answer's next step opens with "ông/bà"
// and calls the reader so again in the same sentence ("Bước tiếp theo:
// ông/bà khi thẻ sắp hết hạn, ông/bà hỏi …"), nor opens with "ông/bà
// người …".
func TestNextStepAddressesOnce(t *testing.T) {
	for _, en := range mustKB(t).Entries() {
		for _, line := range strings.Split(en.Answer, "\n") {
			_, step, ok := strings.Cut(line, "tiếp theo: ")
			if !ok {
				continue
			}
			sentence, _, _ := strings.Cut(step, ".")
			if strings.HasPrefix(sentence, "ông/bà ") && strings.Count(sentence, "ông/bà") > 1 || strings.HasPrefix(sentence, "ông/bà người") {
				t.Errorf("%s: %q", en.ID, line)
			}
		}
	}
}
