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
	text := "hộ cận nghèo thì ngân hàng Agribank cho vay hộ nghèo lãi suất bao nhiêu"
	ruleMakesUnknown(t, kb, &scopeReading, text)
	want := `it names "agribank", which is not a support programme, and no programme word in the question, which the classifier or the svm view reads as out of scope`
	if x := kb.Explain(text, scopeDay, 3); x.Unknown != want {
		t.Errorf("%q: unknown because %q, want %q", text, x.Unknown, want)
	}
	// Since the retired sets' lines train the topic classifier, it reads
	// this one out of scope with the rule off too.
	if text := "nhà em hộ nghèo, giờ hộ nghèo thì Agribank có cho vay thêm không"; !unknownOrOOS(kb.Match(text, scopeDay).Topic) {
		t.Errorf("%q: %s, want unknown", text, kb.Match(text, scopeDay).Topic)
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
		"trụ sở tỉnh mới đặt ở đâu":                       "tru so tinh",
		"bé nhà em không biết làm bài tập toán":           "bai tap",
		"đặt lịch khám trước qua mạng được không":         "dat lich kham",
		"nhà bên lấn chiếm lối đi chung":                  "lan chiem",
		"nước máy nhà tôi có mùi clo":                     "nuoc may",
		"vay tín chấp theo lương công nhân":               "tin chap theo luong",
		"có cần thuê luật sư không":                       "luat su",
		"con ham chơi game quá":                           "game",
		"làm sổ đỏ cho mảnh đất mất bao lâu":              "lam so do",
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

// TestOutsideClauseBesideReceivedProgramme: an asking clause that names an
// outside marker, after a story whose every programme is told as what the
// household already has, is read on its own (clauseOutside): a house
// title after the housing support, cable television after the electricity
// support. Both the clause's reading and the programme told as received
// (receivedTold) are needed. A programme asked for keeps the answer.
func TestOutsideClauseBesideReceivedProgramme(t *testing.T) {
	kb := loadOnce(t)
	texts := []string{
		"nhà em hộ nghèo được hỗ trợ làm nhà, giờ làm xong rồi em muốn làm sổ hồng cho nhà mới thì làm ở đâu",
		// "nhà tôi hộ cận nghèo, tiền điện được hỗ trợ rồi mà tiền truyền
		// hình cáp tháng nào cũng mất 150 nghìn, cắt truyền hình thế nào" was
		// the second text: since citizen batches 18 to 21 the matcher reads
		// it as out of scope without these rules.
	}
	ruleMakesUnknown(t, kb, &scopeClause, texts...)
	ruleMakesUnknown(t, kb, &receivedTold, texts...)
	want := `it names "so hong", which is not a support programme, and no programme word in the question, which the classifier and the svm view read as out of scope on its own, without the story (every programme it names is told as what the household already has)`
	if x := kb.Explain(texts[0], scopeDay, 3); x.Unknown != want {
		t.Errorf("%q: unknown because %q, want %q", texts[0], x.Unknown, want)
	}
	for text, topic := range map[string]string{
		"nhà em hộ nghèo được hỗ trợ làm nhà, giờ muốn hỏi thêm được hỗ trợ bao nhiêu": TopicHousing,
		"hộ nghèo được hỗ trợ tiền điện không, làm sổ hồng có được miễn phí không":     TopicElectricity,
	} {
		if got := kb.Match(text, scopeDay).Topic; got != topic {
			t.Errorf("%q: %s, want %s", text, got, topic)
		}
	}
}

// TestReceivedTold: a programme told after the household's category and
// "được" ("nhà em hộ nghèo dc hỗ trợ xây nhà") or as the subject of
// "được … rồi" ("tiền điện được hỗ trợ rồi") is what the household
// already has, as is one after "sắp được" or "đang có"; "hộ nghèo được
// hỗ trợ gì", "tiền điện được hỗ trợ không" and "đã có thẻ … chưa" ask.
func TestReceivedTold(t *testing.T) {
	ex, _ := parseAbbreviations("")
	for _, c := range []struct {
		text, at string
		want     bool
	}{
		{"nha e ho ngheo dc ho tro xay nha gio muon lam so hong", "ho", true},
		{"ho ngheo duoc ho tro nhung gi", "ho", false},
		{"nha em ho ngheo duoc ho tro bao nhieu", "ho", false},
		{"tien dien dc ho tro roi nhung tien truyen hinh", "tien", true},
		{"tien dien duoc ho tro khong", "tien", false},
		{"nha em sap duoc ho tro lam nha", "ho", true},
		{"em dang co no ngan hang chinh sach", "chinh", true},
		{"me em van co the bao hiem y te", "bao", true},
		{"nha em da co the bao hiem y te chua", "bao", false},
		{"nha em co duoc ho tro khong", "ho", false},
	} {
		syl := ex.syllables(nil, c.text)
		i := slices.Index(syl, c.at)
		if c.at == "ho" {
			i = slices.Index(syl, "tro") - 1
		}
		if got := received(syl, i); got != c.want {
			t.Errorf("received(%q, %s) = %v, want %v", c.text, syl[i], got, c.want)
		}
	}
}

// TestOutsideStoryForSubjectlessQuestion: an asking clause that names no
// subject ("cho hỏi có được giãn nợ không") asks about the story's outside
// marker when a reading puts out of scope near and no programme is named
// (outsideStory); the policy bank's loan in the story keeps the answer.
func TestOutsideStoryForSubjectlessQuestion(t *testing.T) {
	kb := loadOnce(t)
	text := "nhà tôi vay ngân hàng Techcombank 100 triệu để sửa nhà, giờ làm ăn thua lỗ không trả nổi, ngân hàng đòi phát mại nhà, cho hỏi có được giãn nợ không"
	ruleMakesUnknown(t, kb, &scopeStoryRead, text)
	want := `the story names "techcombank", which is not a support programme, the question names no subject of its own and no programme is named, and the classifier or the svm view reads it as out of scope`
	if x := kb.Explain(text, scopeDay, 3); x.Unknown != want {
		t.Errorf("%q: unknown because %q, want %q", text, x.Unknown, want)
	}
	in := "nhà tôi vay ngân hàng chính sách 50 triệu để sửa nhà, giờ làm ăn thua lỗ không trả nổi, cho hỏi có được giãn nợ không"
	if got := kb.Match(in, scopeDay).Topic; got != TopicLoan {
		t.Errorf("%q: %s, want loan", in, got)
	}
}

// TestDebtToldLastIsAsked: a question of who must repay that names no
// subject asks about the debt the story tells last (debtStory): a son's
// app loans after the household's policy loan, an app loan the writer's
// grandparents are called about, are consumer credit, answered by its
// out-of-scope entry, not the policy bank's monthly payments; the policy
// loan told last keeps the loan's answer.
func TestDebtToldLastIsAsked(t *testing.T) {
	kb := loadOnce(t)
	texts := []string{
		"Nhà tôi hộ nghèo, có vay ngân hàng chính sách rồi, nhưng tháng trước thằng con trai tự vay thêm app online 3 cái, giờ nợ gốc lẫn lãi gần 40 triệu, ngày nào cũng có người gọi điện dọa. Tôi có phải trả thay nó không",
		"nha chau o Gia Binh, chau vay app 5 trieu ma gio no lai len 15 trieu, chung no goi cho ca ong ba chau la nguoi cao tuoi, ong ba so mat ngu, chau hoi la chau co phai tra het so do ko hay chi tra goc thoi",
	}
	// The first names "app online", an outside marker since session 72,
	// so the story no longer lends its policy bank to the question
	// (lender); the second is debtStory's.
	ruleMakesUnknown(t, kb, &scopeDebt, texts[1])
	for _, text := range texts {
		r := kb.Match(text, scopeDay)
		if r.Topic != TopicOutOfScope || r.Entry == nil || r.Entry.ID != consumerCreditEntry {
			t.Errorf("%q: %s %v, want out of scope, %s", text, r.Topic, r.Entry, consumerCreditEntry)
		}
	}
	want := `the story names "vay app", a lender the bot does not answer about, last before a question of who must repay that names no subject of its own, and no policy lender after it; the classifier or the svm view reads it as out of scope`
	if x := kb.Explain(texts[1], scopeDay, 3); x.Unknown != want {
		t.Errorf("%q: unknown because %q, want %q", texts[1], x.Unknown, want)
	}
	in := "Nhà tôi hộ nghèo, con trai tôi có vay app online 10 triệu đã trả xong, năm ngoái nhà tôi vay thêm ngân hàng chính sách 30 triệu nuôi bò, bò chết, tôi có phải trả hết không"
	if r := kb.Match(in, scopeDay); r.Topic != TopicLoan {
		t.Errorf("%q: %s, want loan", in, r.Topic)
	}
}

// TestPlaceAnchorsBesideMarker: the commune's offices and officers name
// where an outside errand is done beside an outside marker (placeAnchors)
// and keep no question in scope there; without a marker they still do.
func TestPlaceAnchorsBesideMarker(t *testing.T) {
	ex, _ := parseAbbreviations("")
	syl := ex.syllables(nil, "lập di chúc ở UBND xã có được không")
	if a := scopeAnchorIn(syl, nil, "di chuc", true, 0, len(syl)); a != "" {
		t.Errorf("beside a marker: anchor %q, want none", a)
	}
	defer func(v bool) { scopePlace = v }(scopePlace)
	scopePlace = false
	if a := scopeAnchorIn(syl, nil, "di chuc", true, 0, len(syl)); a == "" {
		t.Errorf("with placeAnchors off: no anchor, want the commune's office")
	}
	scopePlace = true
	syl = ex.syllables(nil, "nộp hồ sơ ở UBND xã được không")
	if a := scopeAnchorIn(syl, nil, "", true, 0, len(syl)); a == "" {
		t.Errorf("without a marker: no anchor, want the commune's office")
	}
}
