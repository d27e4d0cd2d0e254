package bot_test

import (
	"strings"
	"testing"
)

// TestAmountAloneAfterLoan: a sum of money sent alone right after a
// loan's answer asks about borrowing it from that loan: the interest at
// its rate, or, for a loan whose interest is not computed, how much it
// lends. Until session 68 "50 triệu" got the consumer loans' refusal
// (tester c68 item 7d).
func TestAmountAloneAfterLoan(t *testing.T) {
	for _, tc := range []struct{ first, amount, want string }{
		{"vay vốn hộ nghèo", "50 triệu",
			"• Hộ nghèo, lãi suất 0,55%/tháng: vay 50.000.000 đồng thì tiền lãi khoảng 275.000 đồng mỗi tháng (50.000.000 × 0,55%)."},
		{"vay nước sạch", "30 triệu",
			"• Nước sạch, vệ sinh nông thôn, lãi suất 0,75%/tháng: vay 30.000.000 đồng thì tiền lãi khoảng 225.000 đồng mỗi tháng (30.000.000 × 0,75%).\nLưu ý: nước sạch, vệ sinh nông thôn được vay tối đa 25.000.000 đồng cho mỗi loại công trình."},
		{"vay vốn sinh viên", "5 triệu",
			"Dạ, phần trả lời cho câu này trong «Vay vốn học sinh, sinh viên»:\n\n- Mức vay tối đa: 4 triệu đồng/tháng cho mỗi người học"},
	} {
		h := newHarness(t)
		h.say(tc.first)
		if got := lastReply(t, h.say(tc.amount)).Text; !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s, then %s: %.300q…, want %q…", tc.first, tc.amount, got, tc.want)
		}
	}
	// Not after another programme's answer.
	h := newHarness(t)
	h.say("thẻ bhyt hộ nghèo")
	if got := lastReply(t, h.say("50 triệu")).Text; strings.Contains(got, "tiền lãi") {
		t.Errorf("50 triệu after the card: %.200q…", got)
	}
}

// TestBothCapsAdded: after the clean-water loan, whose cap is per kind of
// work, "làm cả giếng và nhà vệ sinh thì được bao nhiêu" gets both caps
// added, from the entry's own cap. Until session 68 it was asked back
// between that loan and the housing support (tester c35).
func TestBothCapsAdded(t *testing.T) {
	h := newHarness(t)
	h.say("vay nước sạch")
	h.say("được bao nhiêu")
	got := lastReply(t, h.say("làm cả giếng và nhà vệ sinh thì được bao nhiêu")).Text
	want := "Dạ, làm cả hai loại công trình: mỗi loại được vay tối đa 25.000.000 đồng, cả hai tối đa 50.000.000 đồng (25.000.000 × 2).\n\n- Mức vay tối đa: 25 triệu đồng cho mỗi loại công trình"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got %q, want %q…", got, want)
	}
}
