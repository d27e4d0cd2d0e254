package content

import "testing"

// TestOutOfScopeReusingProgrammeWords: out-of-scope questions that reuse
// the programmes' own words (a household category, a school, a wage, a
// child, a neighbour) are answered as unknown, thanks to the out-of-scope
// examples that name such subjects (kb/out_of_scope.yaml: private schools'
// scholarships, a child's development, wage arrears and disputes with an
// employer, a neighbour's nuisance); the same words asking about a
// programme still get its topic. The messages are not kb examples.
func TestOutOfScopeReusingProgrammeWords(t *testing.T) {
	kb := loadOnce(t)
	day, _ := ParseDate("2026-11-27")
	const outside = "outside" // out_of_scope's polite answer or unknown
	for _, tt := range []struct{ text, topic string }{
		{"nhà tôi hộ cận nghèo, xưởng gạch chủ thuê nợ tiền công của tôi hai tháng chưa trả, tôi làm đơn gửi ai", outside},
		{"cong ty dien tu no luong cong nhan may thang nay, nha em ho ngheo, em doi the nao", outside},
		{"chu xuong moc khong tra tien cong cho tho phu thi kien o dau", outside},
		{"con tôi 14 tháng chưa biết đi, có phải chậm phát triển không", outside},
		{"be nha em 3 tuoi chua noi duoc cau dai, co phai cham noi ko", outside},
		{"trường quốc tế ở thành phố có xét học bổng cho con nhà khó khăn không, điểm tiếng Anh cần bao nhiêu", outside},
		{"lò vôi cạnh làng khói bụi bay vào nhà cả ngày, tôi muốn kiến nghị thì gửi đơn đâu", outside},
		// the same words asking about a programme keep their topic
		{"nhà tôi hộ cận nghèo, con học trường tư thục có được hỗ trợ học phí không", TopicEducation},
		{"ho ngheo co con 3 tuoi di hoc mau giao co duoc mien hoc phi ko", TopicEducation},
		{"tôi mất việc ở công ty, nhà cận nghèo, muốn đi học nghề thì có được hỗ trợ không", TopicJobs},
	} {
		got := kb.Match(tt.text, day).Topic
		if tt.topic == outside && (got == TopicOutOfScope || got == TopicUnknown) {
			continue
		}
		if got != tt.topic {
			t.Errorf("%q: topic %s, want %s", tt.text, got, tt.topic)
		}
	}
}
