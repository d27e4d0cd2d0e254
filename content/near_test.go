package content

import "testing"

// TestMarginNear: the margin rule's unknown carries the programme that came
// close (Result.Near), and only it: a confident answer, an out-of-scope
// reading far ahead of every programme and a message with no reading carry
// none.
func TestMarginNear(t *testing.T) {
	kb := loadOnce(t)
	// "lai suat bn" was the case until session 40; the out-of-scope lines
	// of the retired sets now read it as out of scope outright.
	const text = "co the vay von bang cccd khong can so ho khau ko"
	r := kb.Match(text, scopeDay)
	if r.Topic != TopicUnknown || r.Near == nil || r.Near.Topic != TopicLoan {
		t.Errorf("%s: %s near %v, want unknown near a loan entry", text, r.Topic, r.Near)
	}
	for _, text := range []string{"hộ nghèo vay vốn lãi suất bao nhiêu", "hôm nay xổ số về con gì", "xyzzy qwerty"} {
		if r := kb.Match(text, scopeDay); r.Near != nil {
			t.Errorf("%q: %s near %s, want none", text, r.Topic, r.Near.ID)
		}
	}
}
