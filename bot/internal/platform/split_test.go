package platform_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/bacninh/ansinh/bot/internal/platform"
)

func TestSplitText(t *testing.T) {
	tests := []struct {
		name string
		text string
		max  int
		want []string
	}{
		{"empty", "", 10, nil},
		{"fits", "Xin chào", 10, []string{"Xin chào"}},
		{"exact fit", "0123456789", 10, []string{"0123456789"}},
		{"paragraphs first", "aaa bbb\nccc\n\nddd", 12, []string{"aaa bbb\nccc", "ddd"}},
		{"paragraph break right after the limit", "aaaa\n\nbbbb", 4, []string{"aaaa", "bbbb"}},
		{"then lines", "aaa bbb\nccc ddd", 10, []string{"aaa bbb", "ccc ddd"}},
		{"then words", "aaa bbb ccc ddd", 8, []string{"aaa bbb", "ccc ddd"}},
		{"then characters", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"Vietnamese counts characters", "Hộ nghèo được hỗ trợ", 9, []string{"Hộ nghèo", "được hỗ", "trợ"}},
		{"emoji count two units", "😀😀😀", 4, []string{"😀😀", "😀"}},
		{"NFC before counting", norm.NFD.String("ở ở ở"), 3, []string{"ở ở", "ở"}},
		{"whitespace at cuts dropped", "aaa   \n\n\n  bbb", 5, []string{"aaa", "bbb"}},
		{"max below 2", "abc", 0, []string{"ab", "c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := platform.SplitText(tt.text, tt.max); !slices.Equal(got, tt.want) {
				t.Errorf("SplitText(%q, %d) = %q, want %q", tt.text, tt.max, got, tt.want)
			}
		})
	}
}

// TestSplitTextKeepsEveryWord checks on a long Vietnamese answer that no
// part is over the limit and that joining the parts loses only whitespace.
func TestSplitTextKeepsEveryWord(t *testing.T) {
	para := "Hộ nghèo, hộ cận nghèo được vay vốn ưu đãi tại Ngân hàng Chính sách xã hội; hồ sơ nộp qua tổ tiết kiệm và vay vốn ở thôn."
	text := strings.Repeat(para+"\n", 20) + "\n" + strings.Repeat(para+" ", 30)
	for _, max := range []int{2000, 500, 64} {
		parts := platform.SplitText(text, max)
		for i, p := range parts {
			if n := len(utf16.Encode([]rune(p))); n > max || n == 0 {
				t.Errorf("max %d: part %d has %d units", max, i, n)
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(parts, " ")), " "), strings.Join(strings.Fields(text), " "); got != want {
			t.Errorf("max %d: words lost or changed", max)
		}
	}
}

func TestSplitWidth(t *testing.T) {
	// '&' escapes to five units: "a&b" is 7 units wide.
	width := func(r rune) int {
		if r == '&' {
			return 5
		}
		return 1
	}
	got := platform.SplitWidth("a&b c&d", 7, width)
	if want := []string{"a&b", "c&d"}; !slices.Equal(got, want) {
		t.Errorf("SplitWidth = %q, want %q", got, want)
	}
	if n := platform.FitWidth("ộộộ", 2, platform.UTF16Width); n != len("ộộ") {
		t.Errorf("FitWidth = %d bytes, want %d", n, len("ộộ"))
	}
}
func FuzzSplitText(f *testing.F) {
	f.Add("Hộ nghèo\n\nđược hỗ trợ tiền điện", 8)
	f.Add("a&b<c>d", 3)
	f.Add("😀 x 😀", 2)
	f.Add("\xff\xfe invalid", 4)
	f.Fuzz(func(t *testing.T, text string, max int) {
		if max < 2 || max > 5000 {
			return
		}
		parts := platform.SplitText(text, max)
		var joined strings.Builder
		for i, p := range parts {
			if p == "" {
				t.Fatalf("part %d is empty", i)
			}
			if n := len(utf16.Encode([]rune(p))); n > max {
				t.Fatalf("part %d has %d units, max %d", i, n, max)
			}
			joined.WriteString(p)
		}
		if got, want := squeeze(joined.String()), squeeze(norm.NFC.String(strings.ToValidUTF8(text, "\uFFFD"))); got != want && utf8.ValidString(text) {
			t.Fatalf("parts lose text: %q vs %q", got, want)
		}
	})
}

// squeeze drops whitespace, which SplitText may remove at cuts.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
