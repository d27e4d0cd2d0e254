package content

import (
	"testing"
	"time"
)

// TestCategoryAsCondition: a category named as the one a benefit may be
// limited to ("hay chỉ hộ nghèo mới được", "phải là hộ nghèo mới được
// vay") is not the household's: the one it names as its own is asked
// about, or none; a name after "chị" (an address), "có phải … không" (is
// the household one) and "chỉ là" (merely) stay the household's.
func TestCategoryAsCondition(t *testing.T) {
	kb := loadOnce(t)
	for text, want := range map[string]string{
		"nhà tôi hộ cận nghèo có được hỗ trợ tiền điện không hay chỉ hộ nghèo thôi":               HouseholdNearPoor,
		"ho can ngheo co duoc vay von khong hay la chi ho ngheo moi duoc":                         HouseholdNearPoor,
		"người có công có được vay ưu đãi không hay phải là hộ nghèo mới được vay":                "",
		"muốn vay vốn làm ăn thì có bắt buộc phải là hộ nghèo mới được vay không":                 "",
		"chỉ hộ nghèo mới được cấp thẻ bhyt miễn phí à":                                           "",
		"bhyt miễn phí chỉ dành cho hộ nghèo thôi hả":                                             "",
		"hộ mới thoát nghèo có được miễn học phí không hay chỉ có hộ nghèo và cận nghèo mới được": HouseholdEscaped,
		// Not a condition.
		"nhà tôi có phải hộ nghèo không, làm sao biết":           HouseholdPoor,
		"nhà em chỉ là hộ cận nghèo thì có được vay vốn không":   HouseholdNearPoor,
		"chao chi, ho ngheo vay von duoc bao nhieu":              HouseholdPoor,
		"chị ơi hộ nghèo thì vay được bao nhiêu, mới được không": HouseholdPoor,
	} {
		if got := kb.askedHousehold(text); got != want {
			t.Errorf("%q: asked %q, want %q", text, got, want)
		}
	}
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for text, want := range map[string]string{
		// Who may borrow: the programmes, not the poor household's loan.
		"bố tôi là thương binh, con của người có công có được vay ưu đãi không hay phải là hộ nghèo mới được vay": "loan-programmes",
		"nha toi ho muc song trung binh, vay von ngan hang chinh sach duoc khong hay chi ho ngheo moi duoc":       "loan-programmes",
		// The household's own category, the other one the condition.
		"nhà tôi hộ cận nghèo, có được hỗ trợ tiền điện không hay chỉ hộ nghèo mới được": "elec-near-poor",
	} {
		r := kb.Match(text, day)
		if r.Entry == nil || r.Entry.ID != want {
			t.Errorf("%q → %v, want %s", text, r.Entry, want)
		}
	}
}
