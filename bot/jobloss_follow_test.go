package bot_test

import "testing"

// TestJobLossIsItsOwnQuestion: a short message that names losing or
// leaving a job asks about that, not about the answer just given. After
// the housing answer, "mat viec thi lam gi" was read as asking how to get
// the housing support ("chưa có thông tin về cách làm"), and it went on
// the unanswered list (a simulated day of session 69).
func TestJobLossIsItsOwnQuestion(t *testing.T) {
	const jobLoss = "Trung tâm Dịch vụ việc làm tỉnh"
	runCtx(t, []ctxCase{{
		name: "after the housing answer, unmarked",
		chat: []string{"nha toi ho ngheo o son dong, nha go muc het roi, co chuong trinh lam nha ko", "mat viec thi lam gi"},
		want: []string{jobLoss},
		not:  []string{"chưa có thông tin về"},
	}, {
		name: "after the poor household's loan",
		chat: []string{"hộ nghèo vay vốn được bao nhiêu", "bị mất việc thì hỏi ai"},
		want: []string{jobLoss},
		not:  []string{"chưa có thông tin về"},
	}})
}
