package content

import "testing"

// TestProgrammeAskedBesideOutsideStory: a question asking for a
// programme's benefit ("tiền điện hộ nghèo tháng này nhận ở đâu") is
// answered though an out-of-scope example telling the same story (a
// leaning pole) scores higher by retrieval, when the classifier and the
// SVM view both read the programme's topic (programmeReading); ask
// --explain says so. With the rule off it is unknown. The programme told
// as received, the pole asked about, stays unknown.
func TestProgrammeAskedBesideOutsideStory(t *testing.T) {
	kb := loadOnce(t)
	keep(t, &programmeAsk)
	for text, want := range map[string]string{
		"nha e ho ngheo, cot dien truoc nha nghieng, tien dien ho ngheo thang nay nhan o dau a": TopicElectricity,
	} {
		programmeAsk = true
		x := kb.Explain(text, scopeDay, 3)
		if x.Result.Topic != want || x.Programme != want {
			t.Errorf("%q: %s (programme %q), want %s", text, x.Result.Topic, x.Programme, want)
		}
		programmeAsk = false
		if got := kb.Match(text, scopeDay).Topic; !unknownOrOOS(got) {
			t.Errorf("%q without the rule: %s, want unknown", text, got)
		}
	}
	programmeAsk = true
	text := "nhà tôi hộ nghèo đang được hỗ trợ tiền điện, cột điện trước cửa bị nghiêng thì báo ai"
	if got := kb.Match(text, scopeDay).Topic; !unknownOrOOS(got) {
		t.Errorf("%q: %s, want unknown", text, got)
	}
}

// TestAskedProgrammeNamesABenefit: the asking clause asks for a
// programme's benefit when it names one (the household's insurance too)
// and no contributory benefit ("trợ cấp người có công" is no programme the
// bot answers); a benefit the household already receives asks for nothing.
func TestAskedProgrammeNamesABenefit(t *testing.T) {
	kb := loadOnce(t)
	for text, want := range map[string]bool{
		"bảo hiểm hộ nghèo có cho khám răng không":                            true,
		"tiền điện hộ nghèo tháng này nhận ở đâu":                             true,
		"bo toi la benh binh, tro cap nguoi co cong hang thang co tang khong": false,
		"em đang được hỗ trợ tiền điện, cột điện nghiêng thì báo ai":          false,
		"cho hỏi lịch họp phụ huynh đầu năm":                                  false,
	} {
		s := kb.newScratch()
		kb.score(s, text)
		if got := kb.askedProgramme(s); got != want {
			t.Errorf("askedProgramme(%q) = %v, want %v", text, got, want)
		}
	}
}
