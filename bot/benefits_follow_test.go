package bot_test

import "testing"

// TestWhatAHouseholdGetsIsItsOwnQuestion: "hộ nghèo được gì" asks what a
// poor household is entitled to, whatever was answered before. After the
// answer on borrowing through the savings group, it was read as that
// answer asked for a poor household ("không nói riêng về hộ nghèo") and
// went on the unanswered list (a simulated day of session 69). A follow-up
// the answer just given does not answer gets the message's own reading
// when that is sure (focus).
func TestWhatAHouseholdGetsIsItsOwnQuestion(t *testing.T) {
	const benefits = "Hộ có tên trong danh sách hộ nghèo của xã được:"
	runCtx(t, []ctxCase{{
		name: "after the savings group's answer, unmarked",
		chat: []string{"tổ tiết kiệm vay vốn ở thôn thì ai làm tổ trưởng, tôi muốn đăng ký vay", "ho ngheo dc gi"},
		want: []string{benefits},
		not:  []string{"không nói riêng về"},
	}, {
		name: "after the savings group's answer, marked",
		chat: []string{"tổ tiết kiệm vay vốn ở thôn thì ai làm tổ trưởng, tôi muốn đăng ký vay", "hộ nghèo thì được những gì"},
		want: []string{benefits},
		not:  []string{"không nói riêng về"},
	}})
}
