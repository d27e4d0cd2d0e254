package content

import "testing"

// TestLeftCategoryIsFormer: a category the household is said to have left
// is a former status, so the household is the escaped one (QA pass 72
// #9); wanting to leave ("muốn thoát nghèo") leaves the category it has.
func TestLeftCategoryIsFormer(t *testing.T) {
	kb := loadOnce(t)
	for text, want := range map[string]string{
		"Hộ cận nghèo vừa thoát cận nghèo thì thẻ bhyt còn không":          HouseholdEscaped,
		"nha toi ho ngheo, nam nay thoat ngheo roi thi con duoc vay khong": HouseholdEscaped,
		"hộ nghèo muốn thoát nghèo thì vay vốn gì":                         HouseholdPoor,
	} {
		if got := kb.HouseholdIn(text); got != want {
			t.Errorf("%q: household %q, want %q", text, got, want)
		}
	}
}
