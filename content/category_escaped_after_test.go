package content

import "testing"

// TestEscapedAfterTheName: a household that names its poor or near-poor
// category and then says it has left it without naming it again ("trước là
// hộ nghèo, năm nay thoát rồi", "xã đưa ra khỏi danh sách") asks as a
// household that escaped, and gets the escaped household's entry; a
// person cut from a list ("bị cắt khỏi danh sách") and "thoát nghèo"
// asked about keep their reading. A poor or near-poor category named after
// the household said it escaped is its former one, unless it asks about
// being in it again; "phải lên hộ nghèo mới được" is a condition, not a
// change of category.
func TestEscapedAfterTheName(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-11-27")
	for text, want := range map[string]struct{ household, entry string }{
		"nhà em trước là hộ nghèo, năm nay thoát rồi, khoản vay cũ có phải trả hết ngay không":            {HouseholdEscaped, "loan-newly-escaped"},
		"nhà tôi hộ cận nghèo mấy năm, năm nay đã thoát rồi thì thẻ bhyt còn dùng được đến hết hạn không": {HouseholdEscaped, "bhyt-newly-escaped"},
		"nha toi la ho ngheo, thang truoc xa dua ra khoi danh sach, the bao hiem con dung duoc khong":     {HouseholdEscaped, "bhyt-newly-escaped"},
		"nhà tôi hộ nghèo, vợ tôi bị cắt khỏi danh sách nhận thẻ bhyt thì làm sao":                        {HouseholdPoor, "bhyt-free-card"},
		// The poor category named after the household said it escaped is
		// its former one; "quay lại hộ nghèo" asks about being poor again.
		"nhà tôi mới thoát nghèo, đang nợ ngân hàng chính sách 20 triệu vay từ hồi còn hộ nghèo, có bị thu hồi trước hạn không": {HouseholdEscaped, "loan-newly-escaped"},
		"nhà em hộ mới thoát nghèo, nếu làm ăn thua lỗ thì có được xét quay lại hộ nghèo không":                                 {HouseholdPoor, "poverty-midyear"},
		// "phải lên hộ nghèo mới được" names the category a benefit may be
		// limited to, not a change of the household's.
		"nhà em hộ cận nghèo, nghe nói hộ nghèo được hỗ trợ tiền điện, vậy hộ cận nghèo như nhà em có được không hay phải lên hộ nghèo mới được": {HouseholdNearPoor, "elec-near-poor"},
		"nhà em hộ nghèo, chồng đi xuất khẩu lao động thì có bị thoát nghèo không":                                                               {HouseholdEscaped, "poverty-leave-list-2026"},
	} {
		if got := kb.askedHousehold(text); got != want.household {
			t.Errorf("%q: asked %q, want %q", text, got, want.household)
		}
		r := kb.Match(text, day)
		id := ""
		if r.Entry != nil {
			id = r.Entry.ID
		}
		if id != want.entry {
			t.Errorf("%q: entry %q, want %q", text, id, want.entry)
		}
	}
}
