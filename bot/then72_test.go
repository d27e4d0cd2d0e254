package bot_test

import (
	"strings"
	"testing"
)

// TestOpeningThenAfterTheStandard: "vay the …" opening a follow-up is
// "vậy thì …" typed without marks; after the poverty standard it is no
// commercial loan to refuse (QA pass 72 #10).
func TestOpeningThenAfterTheStandard(t *testing.T) {
	for _, then := range []string{"vay the nha toi co thuoc dien nay khong", "vay thi nha minh co duoc xet khong"} {
		h := newHarness(t)
		h.say("chuẩn hộ nghèo hiện nay là bao nhiêu")
		got := lastReply(t, h.say(then)).Text
		if strings.Contains(got, "vay tiêu dùng") || strings.Contains(got, "ngân hàng thương mại") || strings.Contains(got, "thẻ tín dụng") {
			t.Errorf("%q after the standard: %q, want no commercial-loan refusal", then, got)
		}
	}
}
