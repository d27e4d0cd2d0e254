package bot_test

import (
	"slices"
	"strings"
	"testing"
)

// TestAgePointLeadsTheAnswer: an age and a household told are applied to
// the social pension's conditions in the line that leads its answer, and
// the province's own support from 70 is among the buttons (session 66).
func TestAgePointLeadsTheAnswer(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("nha toi khong ngheo, bo toi 72 tuoi co duoc tro cap huu tri xa hoi khong"))
	const lead = "Người 72 tuổi, nhà không thuộc hộ nghèo, hộ cận nghèo: chưa thuộc diện hưởng trợ cấp hưu trí xã hội; từ đủ 75 tuổi mới được hưởng (nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng).\nCó thể áp dụng: «Bắc Ninh hỗ trợ người từ 70 tuổi» (từ 70 tuổi; thông tin chưa được xác nhận đầy đủ): bấm nút đó bên dưới.\n\nTrợ cấp hưu trí xã hội (từ 1/7/2025)"
	if !strings.HasPrefix(got.Text, lead) {
		t.Errorf("%q, want it led by %q", got.Text, lead)
	}
	if d := buttonData(got); !slices.Contains(d, "e:social-bn-age70") {
		t.Errorf("buttons %v, want e:social-bn-age70", d)
	}
}
