package content

import (
	"slices"
	"strings"
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
		w := unitWeights(len(syl))
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

// TestAskingPartLeavesTheAside: a clause ending in the writer's aside on
// what they are not asking about asks only in its words before it; the
// aside's denial is no question's "không" (the clause the short-message
// reading takes for the question).
func TestAskingPartLeavesTheAside(t *testing.T) {
	for _, c := range []struct{ clause, want string }{
		{" nha em ho ngheo (em ko hoi tien mai tang a)", " nha em ho ngheo"},
		// Only an aside in parentheses.
		{"toi khong phai hoi ve hoc phi", "toi khong phai hoi ve hoc phi"},
		{"con hoc lop 3 (k hoi hoc phi nhe)", "con hoc lop 3"},
		// What follows "mà" or a second "hỏi" is asked.
		{"em ko hoi tien mai tang ma hoi giay khai tu lam o dau", "em ko hoi tien mai tang ma hoi giay khai tu lam o dau"},
		{"tien dien thi toi ko hoi, toi hoi tien hoc", "tien dien thi toi ko hoi, toi hoi tien hoc"},
		// A denial not of asking.
		{"khong biet hoi ai", "khong biet hoi ai"},
		{"nha toi co duoc ho tro khong", "nha toi co duoc ho tro khong"},
	} {
		if got := string(askingPart([]byte(c.clause))); got != c.want {
			t.Errorf("askingPart(%q) = %q, want %q", c.clause, got, c.want)
		}
	}
	// The short-message reading then finds the question in the clause
	// before ("lam giay khai tu o dau"), where the outside marker is.
	var b clauseBuf
	text := "bo em mat tuan truoc, lam giay khai tu o dau, nha em ho ngheo (em ko hoi tien mai tang a)"
	b.shortClause(text)
	if got := strings.TrimSpace(text[b.ask:]); !strings.HasPrefix(got, "lam giay khai tu") {
		t.Errorf("asking clause %q, want the one from \"lam giay khai tu\"", got)
	}
}
