package content

import (
	"slices"
	"testing"
)

// TestDisclaimedProgrammeWeighsNothing: the words by which the writer says
// what they are not asking about ("em ko hỏi tiền mai táng ạ", "ko phải
// hỏi về hỗ trợ nhà ở", "không phải học phí nhé") weigh 0 (disclaim), so
// the programme named there no longer draws the answer to the outside
// question; with disclaim off each gets a policy answer. A denial that
// names no programme, or a category ("không phải hộ nghèo"), or a
// programme asked after it ("tôi ko hỏi, tôi hỏi hỗ trợ tiền điện") is
// left as read.
func TestDisclaimedProgrammeWeighsNothing(t *testing.T) {
	kb := loadOnce(t)
	ruleMakesUnknown(t, kb, &disclaimOn,
		"bo em mat tuan truoc, lam giay khai tu o dau, nha em ho ngheo (em ko hoi tien mai tang a)",
		"e muon hoi thu tuc sang ten so do cho con, nha e ho ngheo (ko phai hoi ve ho tro nha o)",
		"cho e hoi so du tai khoan ngan hang bi am thi sao, e ho ngheo (ko hoi vay von a)",
	)
	for text, want := range map[string][]float32{
		"em ko hoi tien mai tang a":                         {1, 0, 0, 0, 0, 0, 1},
		"ko phai hoc phi nhe":                               {0, 0, 0, 0, 1},
		"khong phai ho ngheo thi co duoc vay khong":         {1, 1, 1, 1, 1, 1, 1, 1, 1},
		"lich cat dien toi ko hoi toi hoi ho tro tien dien": {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
		"toi khong phai di lam":                             {1, 1, 1, 1, 1},
	} {
		syl := appendSyllables(nil, text)
		w := make([]float32, len(syl))
		for i := range w {
			w[i] = 1
		}
		disclaim(syl, w)
		if !slices.Equal(w, want) {
			t.Errorf("%q: weights %v, want %v", text, w, want)
		}
	}
}

// TestReceivedAlreadyIsBackground: "được … rồi" tells what the household
// already receives as "đã được" does (doneAfter): next to an outside
// marker it keeps nothing in scope.
func TestReceivedAlreadyIsBackground(t *testing.T) {
	keep(t, &receivedDone)
	syl := appendSyllables(nil, "con duoc ho tro hoc phi roi cho hoi xem diem thi o dau")
	i := slices.Index(syl, "ho")
	if !received(syl, i) {
		t.Errorf("%v: %q not read as received", syl, syl[i])
	}
	receivedDone = false
	if received(syl, i) {
		t.Errorf("%v: %q read as received without doneAfter", syl, syl[i])
	}
	receivedDone = true
	syl = appendSyllables(nil, "con co duoc ho tro hoc phi khong")
	if received(syl, slices.Index(syl, "ho")) {
		t.Errorf("%v: a question read as received", syl)
	}
}
