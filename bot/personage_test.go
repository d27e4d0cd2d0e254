package bot_test

import (
	"testing"
)

// TestPersonFollowAsksAge: after the social pension's answer, whose
// conditions are ages (its facts: from 75, or from 70 for poor and
// near-poor households), a follow-up naming another person without an
// age ("vậy mẹ tôi thì sao") asks that person's age in one short
// question, with no buttons; the age told next gets the answer led by
// the line a question telling that age gets (content.KB.AgeLine; see
// TestAgeLineSameInQuestionAndChat). Before session 66 the same
// conditions came again ("Dạ, với mẹ của ông/bà cũng áp dụng như
// sau:"); until session 67 the lead quoted the answer's line the age fell
// in ("Dạ, mẹ của ông/bà 72 tuổi thuộc trường hợp: từ đủ 70 đến dưới 75
// tuổi, thuộc hộ nghèo hoặc hộ cận nghèo."). An answer naming no age (the
// poor household's BHYT card) is sent again for the person as before
// (TestFollowUpForAnotherPerson).
func TestPersonFollowAsksAge(t *testing.T) {
	for _, tc := range []struct{ age, lead string }{
		{"72", "Người 72 tuổi: được hưởng trợ cấp hưu trí xã hội nếu thuộc hộ nghèo hoặc hộ cận nghèo; nếu không thì từ đủ 75 tuổi." + pensionLocal},
		{"bà 80 tuổi rồi", "Người 80 tuổi: đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 75 tuổi), nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng." + pensionLocal},
		{"65t", "Người 65 tuổi: chưa đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 75 tuổi, hoặc từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo)."},
		{"72, hộ cận nghèo", "Người 72 tuổi, thuộc hộ cận nghèo: đủ tuổi hưởng trợ cấp hưu trí xã hội (từ đủ 70 tuổi với hộ nghèo, hộ cận nghèo), nếu không có lương hưu hoặc trợ cấp bảo hiểm xã hội hằng tháng." + pensionLocal},
	} {
		t.Run(tc.age, func(t *testing.T) {
			h := newHarness(t)
			pension := entry(t, h, "social-pension")
			if first := lastReply(t, h.say("bố tôi 76 tuổi có được trợ cấp hưu trí xã hội không")); first.Text != pension.Render() && !hasSuffix(first.Text, pension.Render()) {
				t.Fatalf("first reply %.120q…, the test needs the social pension's answer", first.Text)
			}
			q := one(t, h.say("vậy mẹ tôi thì sao"))
			if want := "Dạ, mẹ của ông/bà năm nay bao nhiêu tuổi? Điều kiện của chính sách này tùy theo tuổi."; q.Text != want || len(q.Buttons) != 0 {
				t.Errorf("follow-up reply %q %v, want %q and no buttons", q.Text, buttonData(q), want)
			}
			got := one(t, h.say(tc.age))
			if want := tc.lead + "\n\n" + pension.Render(); got.Text != want {
				t.Errorf("%q got:\n%s\nwant:\n%s", tc.age, got.Text, want)
			}
			if a := h.user42().Dialog.Awaiting; a != "" {
				t.Errorf("still awaiting %q", a)
			}
		})
	}
}

func hasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}
