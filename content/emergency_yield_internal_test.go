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

// TestSpellsAgeUnder16: voice-to-text writes ages in words; under 16 is a
// child, a tens number or a zodiac year is not, and marked words must be
// the number's own ("tầm tuổi" is "about the age").
func TestSpellsAgeUnder16(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"ờ em là em bị mẹ kế đuổi ra khỏi nhà em mười hai tuổi", true},
		{"con be nha ben tam tuoi", true},
		{"cháu nó mới ba tháng tuổi", true},
		{"thằng cu năm tuổi bị bố đánh", true},
		{"con gái tôi mười lăm tuổi", true},
		{"mot tuoi ruoi", true},
		{"em gái tôi hai mươi lăm tuổi", false},
		{"bố tôi năm mươi tuổi", false},
		{"con tôi mười sáu tuổi", false},
		{"người tầm tuổi tôi", false},
		{"năm nay là năm tuổi của tôi", false},
		{"làm tuổi gì cũng được", false},
		{"hai mươi mốt tuổi", false},
		{"vay năm mươi triệu", false},
	} {
		if got := spellsAgeUnder16([]byte(strings.ToLower(tt.text))); got != tt.want {
			t.Errorf("%q: spellsAgeUnder16 %v, want %v", tt.text, got, tt.want)
		}
	}
}
