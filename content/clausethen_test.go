package content

import (
	"slices"
	"testing"
	"time"
)

// TestClauseDoneThen: in a long message, "X rồi thì Y" asks Y on the
// condition X already done: X is cut off and leads at doneWeight, Y is the
// question. Before, the whole clause was the question and the programme
// already received ("học bổng", "hỗ trợ làm nhà") outweighed the one
// asked about.
func TestClauseDoneThen(t *testing.T) {
	scholar := "Con gái tôi học năm ba đại học ở Bắc Ninh, nhà tôi hộ cận nghèo, cháu được giảm học phí và có học bổng của trường. Tiền trọ với tiền ăn vẫn thiếu. Tôi hỏi là cháu có học bổng rồi thì có được vay vốn sinh viên nữa không"
	want := []string{"story 0.2/0.1 Con gái tôi học năm ba đại học ở Bắc Ninh", "story 0.2/0.1 nhà tôi hộ cận nghèo",
		"story 0.2/0.1 cháu được giảm học phí và có học bổng của trường", "lead 0.2/0.1 Tiền trọ với tiền ăn vẫn thiếu",
		"courtesy 0.0/0.0 Tôi hỏi", "lead 0.5/0.5 là cháu có học bổng rồi", "question 1.0/1.0 thì có được vay vốn sinh viên nữa không"}
	if got := parts(scholar); !slices.Equal(got, want) {
		t.Errorf("parts(%q)\n got  %q\n want %q", scholar, got, want)
	}
	// "thì" after a clause that asks, or after fewer than three words, is
	// no condition told.
	for _, text := range []string{
		"Nhà tôi hộ nghèo ở thôn Đông, bố tôi mất năm ngoái, mẹ tôi đau ốm luôn. Tôi hỏi đã có sổ hộ nghèo chưa rồi thì vay vốn ở đâu",
		"Nhà tôi hộ nghèo ở thôn Đông, bố tôi mất năm ngoái, mẹ tôi đau ốm luôn. Tôi hỏi xong rồi thì vay vốn ở đâu",
	} {
		for _, p := range parts(text) {
			if p[:4] == "lead" && p[len(p)-4:] == "rồi" {
				t.Errorf("parts(%q): %q leads as done", text, p)
			}
		}
	}
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	for _, tt := range []struct{ text, entry string }{
		{scholar, "loan-student"}, // was edu-poor-student-living
		// was housing-build-repair: the house support is the condition.
		{"nhà tôi hộ nghèo, năm ngoái đã được nhận hỗ trợ làm nhà theo chương trình xóa nhà tạm, nay bố tôi 75 tuổi đang hưởng trợ cấp hằng tháng, tôi hỏi nhà được hỗ trợ làm nhà rồi thì bố tôi có bị cắt trợ cấp không", "social-pension"},
	} {
		if r := kb.Match(tt.text, day); r.Entry == nil || r.Entry.ID != tt.entry {
			t.Errorf("Match(%q) = %s %s, want %s", tt.text, r.Topic, entryID(r), tt.entry)
		}
	}
}

// TestClauseAskShortNo: "ko hay" asks as "không hay" does, and an asking
// word right after digits is a measure ("4 sao" is 4 sào of rice field
// typed without marks): the story's clause is not the question.
func TestClauseAskShortNo(t *testing.T) {
	text := "nha toi 5 nguoi, ong noi 82 tuoi dang huong tro cap hang thang, vo chong toi lam ruong 4 sao, 2 chau dang di hoc. nha la ho can ngheo. toi dinh vay von mua may gat lua lam dich vu ma ko biet ho can ngheo co dc vay mua may ko hay chi dc vay chan nuoi"
	want := []string{"story 0.2/0.1 nha toi 5 nguoi", "story 0.2/0.1 ong noi 82 tuoi dang huong tro cap hang thang",
		"story 0.2/0.1 vo chong toi lam ruong 4 sao", "story 0.2/0.1 2 chau dang di hoc", "lead 0.2/0.1 nha la ho can ngheo",
		"question 1.0/1.0 toi dinh vay von mua may gat lua lam dich vu ma ko biet ho can ngheo co dc vay mua may ko hay chi dc vay chan nuoi"}
	if got := parts(text); !slices.Equal(got, want) {
		t.Errorf("parts(%q)\n got  %q\n want %q", text, got, want)
	}
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	if r := kb.Match(text, day); r.Entry == nil || r.Entry.ID != "loan-near-poor" {
		t.Errorf("Match(%q) = %s %s, want loan-near-poor (was social-pension)", text, r.Topic, entryID(r))
	}
	// "sao" after a word asks as before.
	for _, q := range []string{"nha toi ho ngheo lau nam roi, con toi dang hoc lop 8 o truong xa, nam nay chua thay giam hoc phi la sao",
		"nha toi ho ngheo lau nam roi, con toi dang hoc lop 8 o truong xa, nam nay hoc phi bao nhieu ko hay"} {
		if !asksByWords(q) {
			t.Errorf("asksByWords(%q) = false", q)
		}
	}
}

func entryID(r Result) string {
	if r.Entry == nil {
		return "-"
	}
	return r.Entry.ID
}
