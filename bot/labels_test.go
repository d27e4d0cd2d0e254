package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

func TestDisplayText(t *testing.T) {
	cases := []struct{ in, text, line string }{
		{"Bà Lan\r\nxã Đại Đồng", "Bà Lan\nxã Đại Đồng", "Bà Lan xã Đại Đồng"},
		{"ESC\x1b[2Jclear\x07bell", "ESC [2Jclear bell", "ESC [2Jclear bell"},
		{"abc\u202edcba\u202c", "abc[U+202E]dcba[U+202C]", "abc[U+202E]dcba[U+202C]"}, // bidi override shown
		{"ho ngheo \xc3\x28", "ho ngheo \uFFFD(", "ho ngheo \uFFFD("},                 // invalid byte marked
		{"Nguye\u0302\u0303n", "Nguyễn", "Nguyễn"},                                    // composed
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

// TestDisplayTextShowsHiddenCharacters: every bidirectional control and
// every other invisible format character reaches an officer as its code
// point, never as an effect on the text around it; Vietnamese letters
// (composed or not) and emoji sequences joined by ZWJ stay as they are.
func TestDisplayTextShowsHiddenCharacters(t *testing.T) {
	cases := []struct{ in, want string }{
		// The spoof testers reported: a phone number that reads 0987 654 321
		// but is 0912 345 678 reversed after the override.
		{"gọi cho tôi \u202e876543210\u202c nhé", "gọi cho tôi [U+202E]876543210[U+202C] nhé"},
		{"\u202aA\u202bB\u202cC\u202dD\u202eE", "[U+202A]A[U+202B]B[U+202C]C[U+202D]D[U+202E]E"},
		{"\u2066a\u2067b\u2068c\u2069", "[U+2066]a[U+2067]b[U+2068]c[U+2069]"},
		{"x\u200ey\u200fz\u061cw", "x[U+200E]y[U+200F]z[U+061C]w"},
		// Zero-width and other invisible format characters.
		{"09\u200b12\u200c34\u200d56\u206078\ufeff", "09[U+200B]12[U+200C]34[U+200D]56[U+2060]78[U+FEFF]"},
		{"Ng\u00aduyễn \u3164 \u034f", "Ng[U+00AD]uyễn [U+3164] [U+034F]"},
		// Tag characters outside a flag smuggle text nobody sees.
		{"hi\U000E0069\U000E0067\U000E006E", "hi[U+E0069][U+E0067][U+E006E]"},
		// Legitimate: Vietnamese in NFD is composed, emoji sequences kept.
		{"Nguye\u0302\u0303n Thị Hồng", "Nguyễn Thị Hồng"},
		{"gia đình 👨\u200d👩\u200d👧 ❤\ufe0f\u200d🔥 👍🏽", "gia đình 👨\u200d👩\u200d👧 ❤\ufe0f\u200d🔥 👍🏽"},
		{"🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F"},
		// A joiner that joins no emoji is marked.
		{"👍\u200d", "👍[U+200D]"},
	}
	for _, c := range cases {
		if got := bot.DisplayText(c.in); got != c.want {
			t.Errorf("DisplayText(%+q) = %+q, want %+q", c.in, got, c.want)
		}
	}
	for _, r := range []rune{0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069} {
		if got := bot.DisplayLine("a" + string(r) + "b"); strings.ContainsRune(got, r) {
			t.Errorf("DisplayLine kept bidi control %U: %+q", r, got)
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
	if got := bot.ContactLabel(true, "ngoài 48 giờ\u202e"); got != "Có: ngoài 48 giờ[U+202E]" {
		t.Errorf("contact = %q", got)
	}
	if got := bot.Truncate("Hộ nghèo vay vốn", 9); got != "Hộ nghèo…" {
		t.Errorf("truncate = %q", got)
	}
}
