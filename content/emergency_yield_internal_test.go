package content

import (
	"strings"
	"testing"
)

// TestNamesAgeUnder16: an age under 16 or a grade below the tenth is a
// child (the violence kind's words then get the child kind's answer);
// older ages, amounts and the tenth grade on are not.
func TestNamesAgeUnder16(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Con trai tôi 7 tuổi bị đánh", true},
		{"E 14t, bo e dang danh e", true},
		{"chau be 10 thang tuoi", true},
		{"bé 30 tháng tuổi", true},
		{"học sinh lớp 3 người đầy vết bầm", true},
		{"lop 9 roi", true},
		{"em gái tôi 22 tuổi bị chồng đánh", false},
		{"16 tuổi bỏ nhà đi", false},
		{"con học lớp 10", false},
		{"vay 50 triệu", false},
		{"nhà số 7, thôn 3", false},
		{"tôi 71 tuổi", false},
	} {
		if got := namesAgeUnder16([]byte(strings.ToLower(tt.text))); got != tt.want {
			t.Errorf("%q: namesAgeUnder16 %v, want %v", tt.text, got, tt.want)
		}
	}
}
