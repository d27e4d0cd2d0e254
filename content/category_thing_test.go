package content

import "testing"

// TestThingOfEarlierCategory: a category naming a thing issued for it
// (a card, a book, a loan, the benefits) is the category the household
// had when the message has already named another as its own, so the
// question is about the household's present category; without that other
// name it is the household's own.
func TestThingOfEarlierCategory(t *testing.T) {
	kb := loadOnce(t)
	for text, want := range map[string]string{
		"Bố mẹ em năm nay được ra khỏi hộ nghèo, lên hộ cận nghèo. Thẻ BHYT hộ nghèo của bố mẹ hết hạn cuối năm, sang năm có được cấp tiếp không":           HouseholdNearPoor,
		"nha minh nam nay ra khoi dien can ngheo, the bhyt can ngheo cua chong het han thang 12, sang nam phai mua bhyt theo ho gia dinh hay van dc ho tro": HouseholdEscaped,
		"nha toi nam 2023 la ho ngheo den cuoi nam 2024 thi thoat ngheo, van con no vay ho ngheo 40tr, muon vay them thi co phai tra het no cu khong":       HouseholdEscaped,
		"mẹ em năm nay được chuyển từ hộ nghèo lên hộ cận nghèo, những quyền lợi hộ nghèo trước đây còn giữ được cái nào không":                             HouseholdNearPoor,
		"nhà tôi hộ nghèo, thẻ BHYT hộ nghèo hết hạn thì làm lại ở đâu":                                                                                     HouseholdPoor,
		"thẻ bhyt hộ cận nghèo được hỗ trợ bao nhiêu phần trăm":                                                                                             HouseholdNearPoor,
	} {
		if got := kb.askedHousehold(text); got != want {
			t.Errorf("%q: asked %q, want %q", text, got, want)
		}
	}
}
