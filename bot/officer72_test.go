package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestNoRequestFiledForInformation: a question about the old district's
// labour office gets the merger answer and files no request nobody asked for (QA pass
// 72 #4: "phong lao dong thuong binh xa hoi huyen con khong" opened
// request #1).
func TestNoRequestFiledForInformation(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"phong lao dong thuong binh xa hoi huyen con khong", "không còn cấp huyện"},
		{"phòng LĐTBXH huyện giờ chuyển về đâu rồi", "không còn cấp huyện"},
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(c.text))
		if !strings.Contains(got.Text, c.want) {
			t.Errorf("%q: %q, want %q", c.text, got.Text, c.want)
		}
		if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
			t.Errorf("%q: tickets %d (%v), want none", c.text, len(tks), err)
		}
	}
}

// TestMergerQuestionsAnswered: questions about the 2025 merger and the old
// districts get what is known (no district any more, the commune office)
// and say plainly that the bot holds no list of which commune an old place
// is in; none is refused as football, weather or farming, and none files
// a request (QA pass 72 #5).
func TestMergerQuestionsAnswered(t *testing.T) {
	for _, q := range []string{
		"huyen Yen Phong gio thuoc xa nao",
		"huyện Lục Ngạn còn không",
		"huyen viet yen bay gio la xa nao",
		"huyện Tân Yên cũ nay thuộc xã nào vậy",
		"sau hợp nhất tỉnh thì ủy ban huyện còn làm việc không",
		"huyen Lang Giang cu gio co bao nhieu xa",
		"xã tôi bị sáp nhập, giờ không biết xã mới tên là gì",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(q)).Text
		if !strings.Contains(got, "không còn cấp huyện") || !strings.Contains(got, "tôi chưa có danh sách xã cũ nhập vào xã mới nào") {
			t.Errorf("%q: %q, want the merger answer", q, got)
		}
		if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
			t.Errorf("%q: tickets %d (%v), want none", q, len(tks), err)
		}
	}
}
