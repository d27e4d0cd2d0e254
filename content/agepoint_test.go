package content_test

import (
	"testing"

	"github.com/bacninh/ansinh/content"
)

// TestAgePointApplied: an age told with the household's category, or its
// denial, is applied to the answer's age conditions (the social pension:
// from 75, or from 70 for poor and near-poor households), and Bắc Ninh's
// own support from 70, unconfirmed, is pointed to (session 66: "nhà tôi
// không nghèo, bố tôi 72 tuổi …" got the general conditions alone).
func TestAgePointApplied(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	const local = "\nCó thể áp dụng: «Bắc Ninh hỗ trợ người từ 70 tuổi» (từ 70 tuổi; thông tin chưa được xác nhận đầy đủ): bấm nút đó bên dưới."
	for _, c := range []struct{ msg, want string }{
		{"nha toi khong ngheo, bo toi 72 tuoi co duoc tro cap huu tri xa hoi khong",
			"Người 72 tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng trợ cấp hưu trí xã hội; từ đủ 75 tuổi mới được hưởng (nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng)." + local},
		{"me toi 71 tuoi ho can ngheo co duoc huu tri xa hoi khong",
			"Người 71 tuổi, thuộc hộ cận nghèo: đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo), nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng." + local},
		{"bố tôi 72 tuổi có được trợ cấp hưu trí xã hội không",
			"Người 72 tuổi: được hưởng trợ cấp hưu trí xã hội nếu thuộc hộ nghèo hoặc hộ cận nghèo; nếu không thì từ đủ 75 tuổi." + local},
		{"mẹ tôi 65 tuổi được hưu trí xã hội chưa",
			"Người 65 tuổi: chưa đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 75 tuổi, hoặc từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo)."},
		// A household said to be on no list in other words.
		{"bố tôi 72 tuổi nhà bình thường có được trợ cấp hưu trí xã hội không",
			"Người 72 tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng trợ cấp hưu trí xã hội; từ đủ 75 tuổi mới được hưởng (nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng)." + local},
		// No age, or two people's: the conditions alone.
		{"trợ cấp hưu trí xã hội là gì, bao nhiêu tuổi thì được", ""},
		// The ages of a group, not a person's (until session 67 "Người
		// 70 tuổi: …").
		{"trợ cấp hưu trí xã hội cho người từ 70 tuổi hộ nghèo là bao nhiêu", ""},
		{"bo toi 76 tuoi me toi 72 tuoi co duoc tro cap huu tri xa hoi khong", ""},
	} {
		r := kb.Match(c.msg, day)
		if r.Entry == nil || r.Entry.ID != "social-pension" {
			t.Fatalf("%q: entry %v, want social-pension", c.msg, r.Entry)
		}
		if got := kb.AgePoint(r.Entry, c.msg, day); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.msg, got, c.want)
		}
	}
	// An entry without age conditions says nothing.
	r := kb.Match("hộ nghèo vay vốn được bao nhiêu, bố tôi 72 tuổi", day)
	if got := kb.AgePoint(r.Entry, "hộ nghèo vay vốn được bao nhiêu, bố tôi 72 tuổi", day); got != "" {
		t.Errorf("loan answer: age point %q, want none", got)
	}
}

// TestAgeLineOfFacts: the line for an age and a household category, as
// the bot's chat asks it after "vậy mẹ tôi thì sao" (the household from
// the conversation), states only the entry's own facts: the province's
// support from 70, whose age the fact sheet does not confirm, is said to
// be unconfirmed and is no "trợ cấp hưu trí xã hội" with its "không có
// lương hưu" condition (until session 67: "Người 73 tuổi: đủ tuổi hưởng
// bắc Ninh hỗ trợ người từ 70 tuổi (từ đủ 70 tuổi), nếu không có lương
// hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng.").
func TestAgeLineOfFacts(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	const local = "\nCó thể áp dụng: «Bắc Ninh hỗ trợ người từ 70 tuổi» (từ 70 tuổi; thông tin chưa được xác nhận đầy đủ): bấm nút đó bên dưới."
	pension, _ := kb.EntryOn("social-pension", day)
	province, _ := kb.EntryOn("social-bn-age70", day)
	loan, _ := kb.EntryOn("loan-poor-household", day)
	for _, c := range []struct {
		en        *content.Entry
		age       int
		household string
		want      string
	}{
		{pension, 72, content.HouseholdPoor, "Người 72 tuổi, thuộc hộ nghèo: đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo), nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng." + local},
		{pension, 72, content.HouseholdEscaped, "Người 72 tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng trợ cấp hưu trí xã hội; từ đủ 75 tuổi mới được hưởng (nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng)." + local},
		{pension, 72, content.HouseholdNone, "Người 72 tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng trợ cấp hưu trí xã hội; từ đủ 75 tuổi mới được hưởng (nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng)." + local},
		{pension, 72, "", "Người 72 tuổi: được hưởng trợ cấp hưu trí xã hội nếu thuộc hộ nghèo hoặc hộ cận nghèo; nếu không thì từ đủ 75 tuổi." + local},
		{pension, 68, content.HouseholdPoor, "Người 68 tuổi: chưa đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 75 tuổi, hoặc từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo)."},
		{province, 73, "", "Người 73 tuổi: đủ tuổi hưởng «Bắc Ninh hỗ trợ người từ 70 tuổi» (từ 70 tuổi; thông tin chưa được xác nhận đầy đủ)."},
		{province, 65, content.HouseholdNone, "Người 65 tuổi: chưa đủ tuổi hưởng «Bắc Ninh hỗ trợ người từ 70 tuổi» (từ 70 tuổi; thông tin chưa được xác nhận đầy đủ)."},
		{pension, 0, content.HouseholdPoor, ""},
		{loan, 72, content.HouseholdPoor, ""},
	} {
		if c.en == nil {
			t.Fatal("an entry of the test is missing")
		}
		if got := kb.AgeLine(c.en, c.age, c.household, day); got != c.want {
			t.Errorf("%s, %d, %q:\n got %q\nwant %q", c.en.ID, c.age, c.household, got, c.want)
		}
	}
	if !content.AgeConditioned(pension) || !content.AgeConditioned(province) || content.AgeConditioned(loan) {
		t.Errorf("AgeConditioned: pension %v, province %v, loan %v; want true, true, false",
			content.AgeConditioned(pension), content.AgeConditioned(province), content.AgeConditioned(loan))
	}
	// A question telling the age gets the same line (AgePoint).
	q := "mẹ tôi 73 tuổi có được 200 nghìn của tỉnh bắc ninh không"
	if r := kb.Match(q, day); r.Entry == nil || r.Entry.ID != "social-bn-age70" {
		t.Fatalf("%q: entry %v, want social-bn-age70", q, r.Entry)
	} else if got, want := kb.AgePoint(r.Entry, q, day), kb.AgeLine(province, 73, "", day); got != want {
		t.Errorf("%q: AgePoint %q, want %q", q, got, want)
	}
}
