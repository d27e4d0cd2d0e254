package content

import (
	"strings"
	"testing"
)

// TestDeniedList: a household that says it is in none of a list of
// categories ("không phải hộ nghèo, cận nghèo gì") asks about none of
// them; "mà là" names the one it is in.
func TestDeniedList(t *testing.T) {
	kb := loadOnce(t)
	for text, want := range map[string]string{
		"nha toi ko phai ho ngheo, can ngheo gi, mua bhyt ho gia dinh 1 nguoi het bao nhieu tien":       "",
		"nhà em không thuộc hộ nghèo hay cận nghèo gì, muốn mua thẻ bhyt cho cả nhà":                    "",
		"nhà tôi không phải hộ nghèo cũng chẳng được cận nghèo, có được vay vốn không":                  "",
		"nhà tôi không phải hộ nghèo mà là hộ cận nghèo, vay được bao nhiêu":                            HouseholdNearPoor,
		"bao nhiêu tuổi thì không được vay vốn hộ nghèo nữa":                                            HouseholdPoor,
		"nhà tôi năm nay không được bình xét hộ nghèo thì khiếu nại ở đâu":                              "",
		"nhà tôi không phải hộ nghèo, con tôi ra ở riêng là hộ cận nghèo thì vay được bao nhiêu":        HouseholdNearPoor,
		"không phải hộ cận nghèo, nhà tôi mới thoát nghèo năm ngoái thì thẻ bhyt còn được hỗ trợ không": HouseholdEscaped,
		// Denials in other words: "đâu phải", a closing "đâu", status
		// words between "không được" and the name.
		"nhà tôi đâu phải hộ nghèo mà xã bắt đóng tiền bhyt":                "",
		"nhà tôi có phải hộ nghèo đâu, mua bhyt hộ gia đình bao nhiêu":      "",
		"nhà tôi không được vào danh sách hộ cận nghèo, vay vốn được không": "",
		"hộ nghèo đâu có phải đóng tiền bhyt đúng không":                    HouseholdPoor,
		"nhà tôi là hộ nghèo, đâu phải đóng tiền bhyt nữa phải không":       HouseholdPoor,
		// "phải không" ends a question: the name after it is not denied.
		"Vay tín chấp qua hội phụ nữ là vay ngân hàng chính sách phải không, hộ cận nghèo vay được bao nhiêu": HouseholdNearPoor,
		"vay von duoc khong ho ngheo thi vay duoc bao nhieu":                                                  HouseholdPoor,
	} {
		if got := kb.askedHousehold(text); got != want {
			t.Errorf("%q: asked %q, want %q", text, got, want)
		}
	}
}

// TestHouseholdsDenied: the categories a message says the household is not
// in, which the bot does not offer when it asks the household's category.
func TestHouseholdsDenied(t *testing.T) {
	kb := loadOnce(t)
	for text, want := range map[string]string{
		"nhà tôi không phải hộ nghèo, thẻ bhyt được hỗ trợ bao nhiêu":                             "poor near_poor",
		"nhà tôi không phải hộ cận nghèo, thẻ bhyt được hỗ trợ bao nhiêu":                         "near_poor",
		"nhà tôi có phải hộ nghèo đâu, mua bhyt hộ gia đình bao nhiêu":                            "poor near_poor",
		"nha toi ko phai ho ngheo, can ngheo gi, mua bhyt ho gia dinh 1 nguoi het bao nhieu tien": "poor near_poor",
		"nhà tôi không phải hộ nghèo mà là hộ cận nghèo, vay được bao nhiêu":                      "",
		"vay ngân hàng chính sách phải không, hộ cận nghèo vay được bao nhiêu":                    "",
		"thẻ bảo hiểm y tế nhà tôi được hỗ trợ bao nhiêu":                                         "",
		// A denial told in the story, or beside a person the matcher
		// weighs on their own account (a father of 75), still keeps the
		// denied categories out of the ask-back.
		"Bố tôi 75 tuổi, nhà không phải hộ nghèo, bố bị tiểu đường, thẻ BHYT hộ gia đình năm nay đóng bao nhiêu tiền 1 người": "poor near_poor",
		"me toi bi khuyet tat nang, nha toi ko phai ho can ngheo, mua bhyt cho ca nha thi dong bao nhieu":                     "near_poor",
		"Bố tôi 75 tuổi, nhà tôi là hộ cận nghèo, thẻ BHYT hộ gia đình năm nay đóng bao nhiêu tiền 1 người":                   "",
		// "Không nghèo" after the household names it too.
		"nha toi khong ngheo cung khong can ngheo, mua bhyt ho gia dinh co duoc giam khong": "poor near_poor",
		"hộ em không nghèo, tiền điện có được hỗ trợ không":                                 "poor near_poor",
		"xã tôi không nghèo, mua bhyt hộ gia đình bao nhiêu":                                "",
	} {
		denied, _ := kb.HouseholdsDenied(text, nil)
		if got := strings.Join(denied, " "); got != want {
			t.Errorf("%q: denied %q, want %q", text, got, want)
		}
	}
}

// TestDeniedOnlyEntry: a household in none of the categories named is not
// answered with the entry written for one of them.
func TestDeniedOnlyEntry(t *testing.T) {
	kb := loadOnce(t)
	dec := mustDate(t, "2026-12-01")
	for _, text := range []string{
		"nha toi ko phai ho ngheo, can ngheo gi, mua bhyt ho gia dinh 1 nguoi het bao nhieu tien",
		// "Không phải hộ nghèo" alone: outside the poverty lists.
		"nhà tôi không phải hộ nghèo, muốn mua bảo hiểm y tế cho cả nhà 4 người thì mỗi người đóng bao nhiêu",
		"nha em ko phai ho ngheo, mua the bhyt cho bo me het bao nhieu tien 1 nam",
		// The denial told in the story, the band read without the card.
		"nhà tôi không nghèo, mua bhyt hộ gia đình 4 người hết bao nhiêu",
		"nha toi o Yen Dung, 2 vo chong lam ruong voi chan nuoi may con lon, 2 dua con dang hoc cap 2. nha toi ko phai ho ngheo, can ngheo gi ca, nhung thu nhap cung bap benh. nam nay muon mua bhyt ho gia dinh cho ca 4 nguoi thi moi nguoi dong bao nhieu tien 1 nam a",
	} {
		if r := kb.Match(text, dec); r.Entry == nil || r.Entry.ID != "bhyt-premium-2026" {
			t.Errorf("%q: entry %s, want bhyt-premium-2026 (the premium, not the near-poor card)", text, idOf(r.Entry))
		}
	}
}

// TestDeniedBesideEthnicMinority: an ethnic minority named is the
// household's, not a person the category's entry covers on their own
// account (a disabled mother is): the denial stands, and the card of a
// household in none of the categories is not the poor household's.
func TestDeniedBesideEthnicMinority(t *testing.T) {
	kb := loadOnce(t)
	dec := mustDate(t, "2026-12-01")
	text := "chu oi nha chau dan toc tay o Luc Nam, truoc ca nha duoc cap the bhyt mien phi vi xa dac biet kho khan, nay sap nhap xa xong can bo bao the het han la thoi ko cap nua, nha chau khong phai ho ngheo, vay nha chau phai tu mua bhyt a"
	if r := kb.Match(text, dec); r.Entry == nil || r.Entry.ID != "bhyt-ethnic-minority" {
		t.Errorf("entry %s, want bhyt-ethnic-minority (not the poor household's free card)", idOf(r.Entry))
	}
}

// TestYearWeighsChangingEntry: a question about a coming year is answered
// with the entry whose answer changes by then (its dated version offered
// beside it), where the same question about today gets today's amounts.
func TestYearWeighsChangingEntry(t *testing.T) {
	kb := loadOnce(t)
	dec := mustDate(t, "2026-12-01")
	r := kb.Match("Hỗ trợ làm nhà cho hộ cận nghèo năm 2027 bao nhiêu tiền", dec)
	if r.Entry == nil || r.Entry.ID != "housing-now-2026" || r.Later == nil || r.Later.ID != "housing-now-2027" {
		t.Errorf("2027 asked: entry %s later %s, want housing-now-2026 later housing-now-2027", idOf(r.Entry), idOf(r.Later))
	}
	r = kb.Match("Hỗ trợ làm nhà cho hộ cận nghèo bao nhiêu tiền", dec)
	if r.Entry == nil || r.Entry.ID != "housing-build-repair" || r.Later != nil {
		t.Errorf("no year asked: entry %s later %s, want housing-build-repair", idOf(r.Entry), idOf(r.Later))
	}
}

// idOf is en's id, "none" for nil.
func idOf(en *Entry) string {
	if en == nil {
		return "none"
	}
	return en.ID
}

// TestForPersonNamed: an entry written for a kind of person the message
// names (the free card's severely disabled) answers for that person.
func TestForPersonNamed(t *testing.T) {
	kb := loadOnce(t)
	card, _ := kb.Entry("bhyt-free-card")
	nearPoor, _ := kb.Entry("bhyt-near-poor")
	for _, tt := range []struct {
		text string
		en   *Entry
		want bool
	}{
		{"Con tôi 7 tuổi bị khuyết tật trí tuệ, nhà tôi không phải hộ nghèo, con có được thẻ BHYT miễn phí không?", card, true},
		{"me toi bi khuyet tat nang, nha ko phai ho ngheo, co dc cap the bhyt ko", card, true},
		{"nhà tôi không phải hộ nghèo, có được thẻ BHYT miễn phí không", card, false},
		{"Con tôi 7 tuổi bị khuyết tật trí tuệ, nhà tôi không phải hộ nghèo, mua thẻ BHYT bao nhiêu tiền", nearPoor, false},
	} {
		if _, got := kb.HouseholdsDenied(tt.text, tt.en); got != tt.want {
			t.Errorf("HouseholdsDenied(%q, %s): for the person %v, want %v", tt.text, tt.en.ID, got, tt.want)
		}
	}
}

// TestHouseholdsDeniedFresh: the denial read in one message is not carried
// to the next one read with the same scratch, which names no category.
func TestHouseholdsDeniedFresh(t *testing.T) {
	kb := loadOnce(t)
	for range 5 {
		if got, _ := kb.HouseholdsDenied("nhà tôi không phải hộ nghèo, thẻ bhyt được hỗ trợ bao nhiêu", nil); len(got) == 0 {
			t.Fatal("the denial is not read")
		}
		if got, _ := kb.HouseholdsDenied("thẻ bhyt được hỗ trợ bao nhiêu", nil); len(got) != 0 {
			t.Fatalf("a message naming no category: denied %q, want none", got)
		}
	}
}

// TestDeniedGeneralMember: a household in none of the categories denied,
// asking its family's question in words closer to a neighbour's entry
// (the loan for working abroad shares "vay 100tr"), gets the family's
// answer for everyone.
func TestDeniedGeneralMember(t *testing.T) {
	kb := loadOnce(t)
	dec := mustDate(t, "2026-12-01")
	text := "nha toi khong phai ho ngheo, muon vay 100tr lam nha thi vay o dau"
	if r := kb.Match(text, dec); r.Entry == nil || r.Entry.ID != "loan-programmes" {
		t.Errorf("%q: entry %s, want loan-programmes (the programmes for everyone, not the loan for working abroad)", text, idOf(r.Entry))
	}
}
