package content

import (
	"slices"
	"testing"
)

// TestOutsideAskedBesideTheCategory: a household category named as the
// subject of the question ("hộ nghèo thì …") keeps the scope rule silent,
// but not when the asking clause names an outside marker, asks for no
// programme's benefit and a reading of the words puts out of scope first
// (outsideAsked): a commercial bank's loan is not the policy bank's. With
// the rule off the loan answer comes back. ask --explain gives the reason.
func TestOutsideAskedBesideTheCategory(t *testing.T) {
	kb := loadOnce(t)
	text := "nhà em hộ nghèo, giờ hộ nghèo thì Agribank có cho vay thêm không"
	ruleMakesUnknown(t, kb, &scopeReading, text)
	want := `it names "agribank", which is not a support programme, and no programme word in the question, which the classifier or the svm view reads as out of scope`
	if x := kb.Explain(text, scopeDay, 3); x.Unknown != want {
		t.Errorf("%q: unknown because %q, want %q", text, x.Unknown, want)
	}
	// A programme's benefit asked for keeps the question in scope.
	for _, text := range []string{"hộ nghèo có được vay tín chấp không", "nhà em hộ nghèo thì có được vay vốn ngân hàng chính sách không"} {
		if got := kb.Match(text, scopeDay).Topic; got != TopicLoan {
			t.Errorf("%q: %s, want loan", text, got)
		}
	}
}

// TestOutsideCue: a cue for the commune's officers ("tố cáo", "phản ánh")
// about a matter that names an outside word or a contributory benefit
// (unpaid wages, a rotating savings group, social insurance a company
// does not pay) and that a reading puts out of scope is no complaint about
// a programme (outsideCue); a complaint about the poverty list still goes
// to the officers.
func TestOutsideCue(t *testing.T) {
	kb := loadOnce(t)
	ruleMakesUnknown(t, kb, &scopeReading,
		"công ty nợ lương em 3 tháng không trả, em muốn tố cáo thì gửi đơn ở đâu",
		"công ty trốn đóng bảo hiểm xã hội cho công nhân mấy năm nay, tôi muốn phản ánh thì gửi đi đâu",
		"chủ hụi ôm tiền bỏ trốn, tôi muốn tố cáo thì làm thế nào")
	text := "công ty nợ lương em 3 tháng không trả, em muốn tố cáo thì gửi đơn ở đâu"
	want := "a cue for the commune's officers, about a matter that names an outside word or a contributory benefit and that the classifier or the svm view reads as out of scope"
	if x := kb.Explain(text, scopeDay, 3); x.Unknown != want {
		t.Errorf("%q: unknown because %q, want %q", text, x.Unknown, want)
	}
	for _, text := range []string{"nhà bên cạnh giàu mà vẫn được hộ nghèo, tôi muốn phản ánh", "cán bộ xã thu tiền làm hồ sơ hộ nghèo, tôi muốn tố cáo"} {
		if got := kb.Match(text, scopeDay).Topic; got != TopicOfficer {
			t.Errorf("%q: %s, want officer", text, got)
		}
	}
}

// TestOutsideMarkersOfHouseholds: subjects poor households ask about
// beside their category (a people's credit fund, school accident
// insurance, the electronic ID, cable television, a house title, number
// plates, study abroad, a labour contract, the price of pigs, a death
// certificate, land-use planning, the petrol price) are outside markers.
func TestOutsideMarkersOfHouseholds(t *testing.T) {
	for text, want := range map[string]string{
		"gửi tiền quỹ tín dụng nhân dân có an toàn không": "quy tin dung",
		"truong bat mua bao hiem than the":                "bao hiem than the",
		"lam dinh danh dien tu muc 2 o dau":               "dinh danh dien tu",
		"cắt truyền hình cáp thế nào":                     "truyen hinh",
		"làm sổ hồng mất bao lâu":                         "so hong",
		"đổi biển số xe ở đâu":                            "bien so",
		"cho con đi du học Hàn Quốc":                      "du hoc",
		"chưa ký hợp đồng lao động":                       "hop dong lao dong",
		"giá lợn hơi hôm nay":                             "gia lon",
		"làm giấy khai tử ở đâu":                          "khai tu",
		"xin giấy chứng tử cho bố":                        "chung tu",
		"đất nằm trong quy hoạch thì sao":                 "quy hoach",
		"giá xăng lại tăng":                               "gia xang",
	} {
		ex, _ := parseAbbreviations("")
		if got := scopeMarker(ex.syllables(nil, text), nil); got != want {
			t.Errorf("scopeMarker(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestOutsideMargin: the margin rule weighs a message asking about a
// household category as any other when the classifier and the SVM view
// both put out of scope first and no programme's benefit is asked for
// (outsideMargin); a question for the category's programme keeps the
// exemption.
func TestOutsideMargin(t *testing.T) {
	kb := loadOnce(t)
	keep(t, &scopeReading)
	for text, want := range map[string]bool{
		"nhà em hộ nghèo không có tiền nộp phạt vi phạm giao thông thì có bị giữ xe lâu không": true,
		"hộ nghèo như nhà tôi nuôi chó có phải tiêm phòng dại không":                           true,
		"nhà tôi hộ cận nghèo thì mua thẻ bảo hiểm y tế ở đâu":                                 false,
	} {
		s := kb.newScratch()
		kb.scoreDecide(s, text, scopeDay)
		scopeReading = true
		if got := kb.marginApplies(s); got != want {
			t.Errorf("%q: marginApplies = %v, want %v", text, got, want)
		}
		scopeReading = false
		if kb.marginApplies(s) {
			t.Errorf("%q: marginApplies without the rule, want the category's exemption", text)
		}
	}
}

// TestReceivedLoanIsBackground: a policy loan the household has ("vay …
// rồi", "đang vay", "đã vay") is told, not asked for, as a benefit
// received is; asked for ("có được vay … không") it is not.
func TestReceivedLoanIsBackground(t *testing.T) {
	ex, _ := parseAbbreviations("")
	for text, want := range map[string]bool{
		"bố cháu vay ngân hàng chính sách rồi":           true,
		"nhà em đã vay ngân hàng chính sách nuôi bò":     true,
		"có được vay ngân hàng chính sách không":         false,
		"nhà em muốn vay ngân hàng chính sách để làm ăn": false,
	} {
		syl := ex.syllables(nil, text)
		i := slices.Index(syl, "chinh")
		if i < 0 {
			t.Fatalf("%q: no 'chinh' in %v", text, syl)
		}
		if got := received(syl, i); got != want {
			t.Errorf("received(%q, chính sách) = %v, want %v", text, got, want)
		}
	}
}
