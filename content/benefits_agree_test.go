package content_test

import (
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
