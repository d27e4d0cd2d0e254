package content

import (
	"testing"
	"time"
)

// borrowCases are long messages whose question names no subject: the
// story before it does.
var borrowCases = []struct{ text, topic string }{
	{"Em la sinh vien nam 2 truong dai hoc Nong Lam Bac Giang, nha e ho can ngheo, ky truoc e da nop don xin giam hoc phi nhung den gio chua thay truong tra lai tien, ban e ho ngheo thi da dc hoan roi, e muon hoi thoi gian xu ly bao lau", TopicEducation},
	{"Kính gửi anh chị, gia đình tôi 5 người thuộc hộ cận nghèo, năm ngoái được hỗ trợ 70% tiền mua thẻ bảo hiểm y tế. Năm nay tôi muốn mua tiếp cho cả nhà thì đóng ở đâu, đóng cho thu bưu điện hay đại lý ở xã, và hạn chót là khi nào ạ?", TopicHealthInsurance},
	// "Thưa anh chị, ông ngoại tôi 84 tuổi, tháng nào cũng nhận trợ cấp ở
	// thôn, riêng ba tháng nay không thấy ai phát. Xin hỏi vì sao vậy và tôi
	// phải làm đơn gửi ai ạ?" was the case until session 40: since the
	// retired sets' lines train the topic classifier, it reads the question
	// as social assistance without borrowing.
	// "Thưa anh chị, bà nội tôi 86 tuổi ở một mình, mỗi tháng bà vẫn lĩnh
	// trợ cấp ở nhà văn hóa thôn, riêng hai tháng gần đây không thấy ai
	// gọi. Xin hỏi chuyện này do đâu và tôi phải làm đơn gửi ai ạ?" was the
	// case before citizen batch 21 (village life out of scope: the
	// cultural house's fees, petitions about roads): it still borrows, but
	// the out-of-scope reading now comes within 5% of social assistance
	// and the bot answers unknown (one of the in-scope messages that batch
	// costs; docs/architecture.md).
	// "Kính gửi anh chị, ông ngoại tôi 82 tuổi đang hưởng trợ cấp hàng
	// tháng ở xã cũ, nay ông về ở với tôi. Xin hỏi hồ sơ có hiệu lực từ ngày
	// nào và hạn chót nộp là khi nào ạ?" was the second case: since citizen
	// batches 10 and 11 the matcher answers it from social assistance
	// without borrowing too, so it no longer tests borrowing.
}

// TestBorrowSubject: each message is answered from the subject its story
// names, and the explanation names the clause that lent it; without
// borrowing the bot gives neither that answer.
func TestBorrowSubject(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	lent := []string{"ky truoc e da nop don xin giam hoc phi nhung den gio chua thay truong tra lai tien", "năm ngoái được hỗ trợ 70% tiền mua thẻ bảo hiểm y tế"}
	for i, c := range borrowCases {
		if r := kb.Match(c.text, day); r.Topic != c.topic {
			t.Errorf("%q: topic %s, want %s", c.text, r.Topic, c.topic)
		}
		if x := kb.Explain(c.text, day, 3); x.Borrowed != lent[i] || x.Result.Topic != c.topic {
			t.Errorf("%q: explanation borrows %q (topic %s), want %q", c.text, x.Borrowed, x.Result.Topic, lent[i])
		}
	}
	borrowSubject = false
	t.Cleanup(func() { borrowSubject = true })
	for _, c := range borrowCases {
		if r := kb.Match(c.text, day); r.Topic == c.topic {
			t.Errorf("%q: %s without borrowing: the case tests nothing", c.text, r.Topic)
		}
		if x := kb.Explain(c.text, day, 3); x.Borrowed != "" {
			t.Errorf("%q: borrows %q when switched off", c.text, x.Borrowed)
		}
	}
}

// TestBorrowSubjectShort: a message of up to 150 characters whose question
// clause names no subject ("làm lại ở đâu") borrows it from the clause
// before, as a long message does; without borrowing the question's
// errand words read as out-of-scope paperwork and the bot does not know.
func TestBorrowSubjectShort(t *testing.T) {
	kb, day := loadOnce(t), scopeDay
	cases := []struct{ text, entry, lent string }{
		{"mẹ em mất thẻ bhyt hộ cận nghèo rồi, giờ làm lại ở đâu, bao lâu thì có", "bhyt-lost-card", "mẹ em mất thẻ bhyt hộ cận nghèo rồi,"},
		// "the bhyt cua bo toi bi mat, bo toi ho ngheo, lam lai o dau, co
		// mat tien ko" was the case until the entries' own words weighed
		// three times in the topic classifier: it reads the card unaided.
		{"Nhà tôi hộ nghèo, 6 tháng rồi chưa được nhận tiền hỗ trợ điện, thôn bảo chưa có kinh phí, vậy là đúng hay sai ạ", "elec-problems", "Nhà tôi hộ nghèo, 6 tháng rồi chưa được nhận tiền hỗ trợ điện,"},
	}
	for _, c := range cases {
		x := kb.Explain(c.text, day, 3)
		id := ""
		if x.Result.Entry != nil {
			id = x.Result.Entry.ID
		}
		if id != c.entry || x.Borrowed != c.lent {
			t.Errorf("%q: %s %s borrowing %q, want %s borrowing %q", c.text, x.Result.Topic, id, x.Borrowed, c.entry, c.lent)
		}
	}
	borrowShort = false
	t.Cleanup(func() { borrowShort = true })
	for _, c := range cases {
		if r := kb.Match(c.text, day); r.Topic != TopicUnknown {
			t.Errorf("%q: %s without borrowing in short messages, want unknown: the case tests nothing", c.text, r.Topic)
		}
	}
}

// TestBorrowWant: a story clause telling what the writer wants to apply
// for ("tôi muốn xin hỗ trợ làm lại cái nhà") lends a question naming
// nothing ("Như thế có được không ạ?") its subject at the question's
// weight, not the lead's: at 0.5 the land paper clause before the
// question still made it a land matter (out of scope).
func TestBorrowWant(t *testing.T) {
	kb := loadOnce(t)
	day := mustDate(t, "2026-12-03")
	text := "Nhà tôi hộ nghèo ở Tân Yên, vợ chồng già cả, con đi làm ăn xa, tôi muốn xin hỗ trợ làm lại cái nhà. Nhưng đất nhà tôi chưa có sổ đỏ, chỉ có giấy viết tay mua lại từ năm 1995. Như thế có được không ạ?"
	if r := kb.Match(text, day); r.Topic != TopicHousing || entryID(r) != "housing-renting-no-land" {
		t.Errorf("%q: %s %s, want housing-renting-no-land (was out of scope, oos-land-civil)", text, r.Topic, entryID(r))
	}
	if !tellsWant([]string{"toi", "muon", "xin", "ho", "tro"}, 0, 5) || tellsWant([]string{"toi", "muon", "hoi"}, 0, 3) {
		t.Error("tellsWant: wants are \"muốn xin\", not \"muốn hỏi\"")
	}
}
