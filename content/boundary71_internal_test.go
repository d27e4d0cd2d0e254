package content

import "testing"

// TestYearAskedAmountAfterNextYear: a number after "sang năm" that counts
// something ("2 triệu 2") leaves "sang năm" next year; a school year
// ("sang năm 3 đại học") still is none. Until session 71 both were none.
func TestYearAskedAmountAfterNextYear(t *testing.T) {
	for text, want := range map[string]int{
		"sang năm 2 triệu 2 là chuẩn nghèo phải không":         2027,
		"sang nam 2 con toi di hoc co duoc mien hoc phi khong": 2027,
		"con tôi sang năm 3 đại học có được vay không":         0,
	} {
		if got := yearAsked(appendSyllables(nil, text), 2026); got != want {
			t.Errorf("%q: year %d, want %d", text, got, want)
		}
	}
}
