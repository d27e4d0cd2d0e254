package bot_test

import (
	"strings"
	"testing"
)

// TestWrongThenNotThese: "không phải" said to the readings "Chưa đúng ý
// tôi" offered gets the officer offered, not the same readings again
// (tester q4, c28).
func TestWrongThenNotThese(t *testing.T) {
	h := newHarness(t)
	h.say("hỗ trợ tiền học cho con")
	list := lastReply(t, h.say("Chưa đúng ý tôi"))
	if !strings.HasPrefix(list.Text, "Xin lỗi ông/bà. Ông/bà muốn hỏi:\n1. ") {
		t.Fatalf("wrong: %q, the test needs the readings offered", list.Text)
	}
	got := lastReply(t, h.say("không phải"))
	if want := "Xin lỗi ông/bà, tôi chưa tìm được câu trả lời đúng ý. Ông/bà bấm \"Gặp cán bộ\" để cán bộ xã trả lời, hoặc gõ lại câu hỏi ngắn gọn hơn."; got.Text != want {
		t.Errorf("không phải: %q, want %q", got.Text, want)
	}
	if !hasButton(got, "o") {
		t.Errorf("buttons %v, want «Gặp cán bộ»", buttonData(got))
	}
}
