package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestEntryChoice pins answers whose neighbours differ by one word: a poor
// household must not get the near-poor answer, nor the other way round.
func TestEntryChoice(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	tests := []struct{ q, want string }{
		{"ho ngheo vay von", "loan-poor-household"},
		{"hộ nghèo vay vốn được bao nhiêu", "loan-poor-household"},
		{"nha em ho ngheo muon vay tien", "loan-poor-household"},
		{"ho can ngheo vay von", "loan-near-poor"},
		{"vay von ho moi thoat ngheo", "loan-newly-escaped"},
		{"ho can ngheo duoc ho tro gi", "poverty-benefits-near-poor"},
		{"ho ngheo duoc huong gi", "poverty-benefits-poor"},
		{"the bhyt ho can ngheo", "bhyt-near-poor"},
		{"the bhyt ho ngheo", "bhyt-free-card"},
		// The category the question is about picks the family member, also
		// over the family's general entry and when another is compared.
		{"nhà tôi cận nghèo có được hỗ trợ tiền điện hàng tháng như hộ nghèo không", "elec-near-poor"},
		{"nha toi moi thoat ngheo thi con duoc ho tro tien dien ko", "elec-near-poor"},
		// "Lương hưu xã hội" is what many call the social pension (trợ cấp
		// hưu trí xã hội), not a civil servant's pension (oos-civil-pension,
		// whose keyword is "lương hưu").
		{"lương hưu xã hội là gì", "social-pension"},
		{"luong huu xa hoi la gi", "social-pension"},
	}
	for _, tt := range tests {
		r := kb.Match(tt.q, day)
		if r.Entry == nil || r.Entry.ID != tt.want {
			got := "<none>"
			if r.Entry != nil {
				got = r.Entry.ID
			}
			t.Errorf("%q → %s, want %s", tt.q, got, tt.want)
		}
	}
}
