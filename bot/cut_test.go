package bot_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/content"
)

// TestCutMessageIsTold: a message the adapter cut at its limit (a web
// message of 10,720 characters arrives as its first 4,096) is answered
// first with a notice that only the start was read, asking for the rest;
// a message of the same length that was not cut gets no such notice.
func TestCutMessageIsTold(t *testing.T) {
	const notice = "Tin nhắn dài quá nên tôi chỉ đọc được phần đầu (khoảng 4.000 chữ). Ông/bà gửi phần còn lại, nhất là số điện thoại, trong một tin nhắn khác nhé."
	text := strings.Repeat("vay vốn hộ nghèo ", 300)
	text = strings.TrimSpace(string([]rune(text)[:content.MaxTextRunes]))
	if n := utf8.RuneCountInString(text); n > content.MaxTextRunes {
		t.Fatalf("text has %d runes", n)
	}
	for _, cut := range []bool{true, false} {
		h := newHarness(t)
		rows := replies(h.handle(bot.Update{Channel: bot.ChannelWeb, ID: "c/1", ChatID: "chat-1234", UserID: "chat-1234",
			Name: "Khách web", Addressed: true, Text: text, Cut: cut}))
		if len(rows) == 0 {
			t.Fatalf("cut=%v: no reply", cut)
		}
		told := 0
		for _, r := range rows {
			if r.Text == notice {
				told++
			}
		}
		switch {
		case cut && (rows[0].Text != notice || told != 1 || len(rows) != 2):
			t.Errorf("cut message: replies %q, want the notice first and then the answer", texts(rows))
		case !cut && told != 0:
			t.Errorf("message not cut: replies %q include the notice", texts(rows))
		}
	}
}

func texts(rows []bot.Delivery) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Text)
	}
	return out
}
