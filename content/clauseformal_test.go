package content

import (
	"slices"
	"testing"
)

// TestClauseFormalIntro: a letter to an authority opens its question with
// "cho tôi được hỏi", "xin phép hỏi", or "xin hỏi quý cơ quan": the opening
// and the address are a courtesy, the question follows them, as after
// "cho tôi hỏi".
func TestClauseFormalIntro(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Kính gửi Ủy ban xã, mẹ tôi 79 tuổi sống một mình, không có lương hưu, các con đều đi làm ăn xa. Cho tôi được hỏi mẹ tôi có được nhận trợ cấp người cao tuổi không ạ?",
			[]string{"story 0.2/0.1 Kính gửi Ủy ban xã", "story 0.2/0.1 mẹ tôi 79 tuổi sống một mình", "story 0.2/0.1 không có lương hưu",
				"lead 0.2/0.1 các con đều đi làm ăn xa",
				"courtesy 0.0/0.0 Cho tôi được hỏi", "question 1.0/1.0 mẹ tôi có được nhận trợ cấp người cao tuổi không ạ"}},
		{"Nhà tôi là hộ cận nghèo ở xã Việt Yên, chồng tôi làm thuê theo mùa, con đang học lớp 10 trường huyện. Xin hỏi quý cơ quan con tôi được giảm học phí bao nhiêu?",
			[]string{"story 0.2/0.1 Nhà tôi là hộ cận nghèo ở xã Việt Yên", "story 0.2/0.1 chồng tôi làm thuê theo mùa", "lead 0.2/0.1 con đang học lớp 10 trường huyện",
				"courtesy 0.0/0.0 Xin hỏi quý cơ quan", "question 1.0/1.0 con tôi được giảm học phí bao nhiêu"}},
	} {
		if got := parts(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("parts(%q)\n got  %q\n want %q", tt.text, got, tt.want)
		}
	}
}
