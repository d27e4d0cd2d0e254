package bot_test

import (
	"testing"
)

// TestPersonFollowAsksAge: after the social pension's answer, whose
// conditions are ages ("từ đủ 75 tuổi", "từ đủ 70 đến dưới 75 tuổi"), a
// follow-up naming another person without an age ("vậy mẹ tôi thì sao")
// asks that person's age in one short question, with no buttons; the age
// told next gets the answer led by the condition it falls in, or by its
// being under the pension's ages. Before, the same conditions came again
// ("Dạ, với mẹ của ông/bà cũng áp dụng như sau:") and the age was never
// asked. An answer naming no age (the poor household's BHYT card) is
// sent again for the person as before (TestFollowUpForAnotherPerson).
func TestPersonFollowAsksAge(t *testing.T) {
	for _, tc := range []struct{ age, lead string }{
		{"72", "Dạ, mẹ của ông/bà 72 tuổi thuộc trường hợp: từ đủ 70 đến dưới 75 tuổi, thuộc hộ nghèo hoặc hộ cận nghèo. Các điều kiện như sau:"},
		{"bà 80 tuổi rồi", "Dạ, mẹ của ông/bà 80 tuổi thuộc trường hợp: từ đủ 75 tuổi trở lên. Các điều kiện như sau:"},
		{"65t", "Dạ, mẹ của ông/bà 65 tuổi chưa đến độ tuổi của chính sách này. Các điều kiện như sau:"},
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
