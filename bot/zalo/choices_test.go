package zalo_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/zalo"
)

func buttons(labels ...string) []bot.Button {
	out := make([]bot.Button, len(labels))
	for i, l := range labels {
		out[i] = bot.Button{Label: l, Data: "t:" + l}
	}
	return out
}

func TestChoices(t *testing.T) {
	tests := []struct {
		name   string
		labels []string
		want   string
	}{
		{"none", nil, ""},
		{"one", []string{"Gặp cán bộ"}, "1. Gặp cán bộ\nTrả lời số 1."},
		{"two", []string{"Vay vốn ưu đãi", "Bảo hiểm y tế"}, "1. Vay vốn ưu đãi\n2. Bảo hiểm y tế\nTrả lời số 1 hoặc 2."},
		{"three", []string{"Vay vốn ưu đãi", "Bảo hiểm y tế", "Gặp cán bộ"},
			"1. Vay vốn ưu đãi\n2. Bảo hiểm y tế\n3. Gặp cán bộ\nTrả lời số 1, 2 hoặc 3."},
		{"five", []string{"A", "B", "C", "D", "E"}, "1. A\n2. B\n3. C\n4. D\n5. E\nTrả lời một số từ 1 đến 5."},
		{"labels on one line", []string{"Nhà ở\nxã hội  "}, "1. Nhà ở xã hội\nTrả lời số 1."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := zalo.Choices(buttons(tt.labels...), 0)
			if err != nil || got != tt.want {
				t.Errorf("Choices = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := zalo.Choices([]bot.Button{{Label: "  ", Data: "x"}}, 0); err == nil {
		t.Errorf("Choices accepted an empty label")
	}
}

func TestChoicesTwelveButtons(t *testing.T) {
	labels := strings.Split("a b c d e f g h i j k l", " ")
	got, _ := zalo.Choices(buttons(labels...), 0)
	if !strings.Contains(got, "\n12. l\n") || !strings.HasSuffix(got, "Trả lời một số từ 1 đến 12.") {
		t.Errorf("Choices = %q", got)
	}
}

// TestChoicesListedInText: buttons the text already lists (an ask-back's
// options) are left out, the others keep their numbers.
func TestChoicesListedInText(t *testing.T) {
	got, err := zalo.Choices(buttons("Vay vốn làm nhà", "Hỗ trợ tiền làm nhà", "Gặp cán bộ"), 2)
	if want := "3. Gặp cán bộ\nTrả lời số 1, 2 hoặc 3."; err != nil || got != want {
		t.Errorf("Choices = %q, %v; want %q", got, err, want)
	}
}
