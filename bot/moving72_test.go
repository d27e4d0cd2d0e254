package bot_test

import (
	"strings"
	"testing"
)

// TestMovingCommune: a household moving to another commune is told the
// list is kept where it lives, to tell both communes, to file the review
// request where it now lives and to tell its loan group first; it is not
// refused as another administrative procedure (QA pass 72 #6).
func TestMovingCommune(t *testing.T) {
	for _, q := range []string{
		"nhà tôi chuyển từ xã Tân Sơn sang phường Kinh Bắc, hộ nghèo có phải làm lại không",
		"nhà tôi chuyển hộ khẩu sang xã khác thì có còn là hộ nghèo không",
		"chuyen nha sang xa moi thi so ho ngheo co con khong",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(q)).Text
		if !strings.Contains(got, "nộp giấy đề nghị rà soát (Mẫu số 01)") {
			t.Errorf("%q: %q, want the moving answer", q, got)
		}
	}
}
