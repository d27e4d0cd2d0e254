package content

import (
	"strings"
	"testing"
)

// TestVoluntaryLeaveAsksTheList: a household that asks how to leave the
// poor or near-poor list of its own will asks the entry titled for leaving
// the list ("Khi nào hộ ra khỏi danh sách hộ nghèo"), whose answer says
// what to do; the category only qualifies the question. Before session 70
// these went to the review application (how to be put on the list), the
// escaped household's benefits or the near-poor benefits. What an escaped
// household still gets, or how to apply, keeps its own entry.
func TestVoluntaryLeaveAsksTheList(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-11-27")
	for _, c := range []struct{ text, want string }{
		{"nhà tôi hộ nghèo muốn tự nguyện xin ra khỏi danh sách thì làm thế nào", "poverty-leave-list-2026"}, // was poverty-review-apply
		{"ho can ngheo muon tu nguyen thoat can ngheo thi lam sao", "poverty-leave-list-2026"},               // was poverty-review-apply
		{"gia đình cận nghèo tự xin ra khỏi danh sách có được không", "poverty-leave-list-2026"},             // was poverty-benefits-near-poor
		{"hộ nghèo muốn tự xin thoát nghèo thì báo ai", "poverty-leave-list-2026"},                           // was poverty-escape
		{"nha minh ho ngheo, muon xin ra khoi ho ngheo som thi thu tuc ra sao", "poverty-leave-list-2026"},   // was poverty-review-apply
		{"thoát nghèo rồi còn được hỗ trợ gì", "poverty-escape"},
		{"ho ngheo tu nguyen thoat ngheo co duoc thuong khong", "poverty-escape"},
		{"muốn đăng ký hộ cận nghèo thì làm thế nào", "poverty-review-apply"},
	} {
		r := kb.Match(c.text, day)
		if got := "none"; r.Entry == nil || r.Entry.ID != c.want {
			if r.Entry != nil {
				got = r.Entry.ID
			}
			t.Errorf("%q: got %s, want %s", c.text, got, c.want)
		}
	}
	// The entry says what a household leaving of its own will does.
	for _, id := range []string{"poverty-leave-list-2026", "poverty-leave-list-2027"} {
		if e, ok := kb.Entry(id); !ok || !strings.Contains(e.Answer, "Tự nguyện ra: ông/bà báo UBND xã/phường để được rà soát lại") {
			t.Errorf("%s: the answer does not say how to leave the list voluntarily", id)
		}
	}
}
