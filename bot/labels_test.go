package bot_test

import (
	"testing"

	"github.com/bacninh/ansinh/bot"
)

func TestDisplayText(t *testing.T) {
	cases := []struct{ in, text, line string }{
		{"Bà Lan\r\nxã Đại Đồng", "Bà Lan\nxã Đại Đồng", "Bà Lan xã Đại Đồng"},
		{"ESC\x1b[2Jclear\x07bell", "ESC [2Jclear bell", "ESC [2Jclear bell"},
		{"abc\u202edcba\u202c", "abcdcba", "abcdcba"},                 // bidi override dropped
		{"ho ngheo \xc3\x28", "ho ngheo \uFFFD(", "ho ngheo \uFFFD("}, // invalid byte marked
		{"Nguye\u0302\u0303n", "Nguyễn", "Nguyễn"},                    // composed
		{"tab\there", "tab\there", "tab here"},
	}
	for _, c := range cases {
		if got := bot.DisplayText(c.in); got != c.text {
			t.Errorf("DisplayText(%q) = %q, want %q", c.in, got, c.text)
		}
		if got := bot.DisplayLine(c.in); got != c.line {
			t.Errorf("DisplayLine(%q) = %q, want %q", c.in, got, c.line)
		}
	}
}

func TestLabels(t *testing.T) {
	if got := bot.ItemLabel(bot.ItemBot); got != "Trợ lý (bot)" {
		t.Errorf("bot item = %q", got)
	}
	if got := bot.StatusLabel("weird\x1b"); got != "weird" {
		t.Errorf("unknown status = %q", got)
	}
	if got := bot.TopicLabel("loan"); got == "loan" || got == "" {
		t.Errorf("loan topic label = %q", got)
	}
	if got := bot.ContactLabel(true, "ngoài 48 giờ\u202e"); got != "Có: ngoài 48 giờ" {
		t.Errorf("contact = %q", got)
	}
	if got := bot.Truncate("Hộ nghèo vay vốn", 9); got != "Hộ nghèo…" {
		t.Errorf("truncate = %q", got)
	}
}
