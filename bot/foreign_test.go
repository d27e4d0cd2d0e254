package bot_test

import (
	"slices"
	"testing"
)

// TestEnglishAndInboxReplies: a message in English is told, in English and
// in Vietnamese, that the bot answers in Vietnamese; "ib em với" is told to
// write here. Until session 71 "can you speak english" got the thank-you
// reply and "ib em với" an ask-back about loan rates (QA pass 71 #21).
func TestEnglishAndInboxReplies(t *testing.T) {
	const english = "Sorry, I answer in Vietnamese only. Please type your question in Vietnamese or press a button below.\nXin lỗi, tôi chỉ trả lời bằng tiếng Việt. Ông/bà gõ câu hỏi bằng tiếng Việt hoặc bấm nút bên dưới."
	const inbox = "Dạ, ông/bà cứ nhắn câu hỏi ngay ở đây, tôi trả lời luôn. Cần nói chuyện với cán bộ xã thì ông/bà bấm «Gặp cán bộ»."
	for _, tc := range []struct{ msg, want string }{
		{"can you speak english", english},
		{"How much can a poor household borrow?", english},
		{"ib em với", inbox},
		{"ad ib minh nhe", inbox},
	} {
		r := lastReply(t, newHarness(t).say(tc.msg))
		if r.Text != tc.want {
			t.Errorf("%q: %q, want %q", tc.msg, r.Text, tc.want)
			continue
		}
		var labels []string
		for _, b := range r.Buttons {
			labels = append(labels, b.Label)
		}
		if w := []string{"Gặp cán bộ", "Danh mục"}; !slices.Equal(labels, w) {
			t.Errorf("%q: buttons %v, want %v", tc.msg, labels, w)
		}
	}
	for _, msg := range []string{"interest rate bn", "ok ad", "cam on ad"} {
		if r := lastReply(t, newHarness(t).say(msg)); r.Text == english || r.Text == inbox {
			t.Errorf("%q got %q", msg, r.Text)
		}
	}
}
