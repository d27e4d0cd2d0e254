package content

import (
	"slices"
	"testing"
)

// TestClauseDoneLeads: in a long message, a clause of the question's
// sentence that tells what the family already has ("… đang được miễn học
// phí cho cháu rồi") leads at doneWeight instead of weighing as the
// question, and "chỉ hỏi" (I only ask / the sister asks) opens the question
// as "cho tôi hỏi" does. Without them the programme already received
// weighed as much as the one asked about.
func TestClauseDoneLeads(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"a done clause before the asking one leads at half weight",
			"Nhà tôi bốn người, chồng tôi đau lưng không làm nặng được, tôi làm ruộng ở thôn. Con tôi đã được cấp thẻ bảo hiểm y tế hộ cận nghèo rồi, nhà tôi muốn vay vốn nuôi lợn thì vay được bao nhiêu",
			[]string{"story 0.2/0.1 Nhà tôi bốn người", "story 0.2/0.1 chồng tôi đau lưng không làm nặng được", "lead 0.2/0.1 tôi làm ruộng ở thôn",
				"lead 0.5/0.5 Con tôi đã được cấp thẻ bảo hiểm y tế hộ cận nghèo rồi", "question 1.0/1.0 nhà tôi muốn vay vốn nuôi lợn thì vay được bao nhiêu"}},
		{"'chỉ hỏi' opens the question after what is done",
			"Chị nuôi hai cháu nhỏ một mình, chồng chị mất năm ngoái, nhà chị là hộ nghèo ở thôn. Các cháu đang được miễn học phí rồi, chỉ hỏi tiền điện hộ nghèo một tháng được hỗ trợ bao nhiêu",
			[]string{"story 0.2/0.1 Chị nuôi hai cháu nhỏ một mình", "story 0.2/0.1 chồng chị mất năm ngoái", "story 0.2/0.1 nhà chị là hộ nghèo ở thôn",
				"lead 0.2/0.1 Các cháu đang được miễn học phí rồi", "courtesy 0.0/0.0 chỉ hỏi", "question 1.0/1.0 tiền điện hộ nghèo một tháng được hỗ trợ bao nhiêu"}},
	}
	for _, tt := range tests {
		if got := parts(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%s: parts(%q)\n got  %q\n want %q", tt.name, tt.text, got, tt.want)
		}
	}
}
