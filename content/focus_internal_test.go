package content

import "testing"

// TestAnswerLines: the lines a test selects come with the line introducing
// their list and the answer's last paragraph; a list's introduction whose
// items are all left out goes too; nothing selected gives "".
func TestAnswerLines(t *testing.T) {
	const answer = "Mở đầu không có số.\n\n" +
		"Các mức sau:\n- Mức A: 100 đồng.\n- Không có số.\n- Mức B: 200 đồng.\n\n" +
		"Danh sách khác:\n- Không có số.\n\n" +
		"Bước tiếp theo: hỏi xã."
	for _, c := range []struct {
		name, want string
		test       func(string) bool
		all        bool
	}{
		{"figures", "Các mức sau:\n- Mức A: 100 đồng.\n- Mức B: 200 đồng.\n\nBước tiếp theo: hỏi xã.", figure.MatchString, false},
		{"none", "", rate.MatchString, false},
		{"a lead-in alone", "", func(l string) bool { return l == "danh sách khác:" }, false},
		{"only the last paragraph", "Bước tiếp theo: hỏi xã.", func(l string) bool { return l == "bước tiếp theo: hỏi xã." }, false},
		{"every line", answer, func(string) bool { return true }, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, all := answerLines(answer, c.test)
			if got != c.want || all != c.all {
				t.Errorf("answerLines = %q, %v\nwant %q, %v", got, all, c.want, c.all)
			}
		})
	}
}
