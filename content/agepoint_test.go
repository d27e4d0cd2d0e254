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
		// No age, or two people's: the conditions alone.
		{"trợ cấp hưu trí xã hội là gì, bao nhiêu tuổi thì được", ""},
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
