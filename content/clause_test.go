package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// parts shows how text is cut and weighed: "part weight text" per clause.
func parts(text string) []string {
	var b clauseBuf
	b.weigh(text)
	var out []string
	for _, p := range b.parts {
		out = append(out, fmt.Sprintf("%s %.1f/%.1f %s", p.kind, p.w, clfWeight(p.w), text[p.start:p.end]))
	}
	return out
}

func TestClauseParts(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		// Spoken to voice-to-text: no punctuation, the question first, closed
		// by the address (see clausespoken_test.go).
		{"closed by 'không cháu': the story after it weighs as told after",
			"ờ cháu ơi hỗ trợ làm nhà cho hộ nghèo có phải trả lại tiền không cháu tại thằng con bác nó bảo nhà nước chỉ cho vay thôi chứ không cho không mà bác thì già rồi lấy đâu ra tiền mà trả",
			[]string{"question 1.0/1.0 ờ cháu ơi hỗ trợ làm nhà cho hộ nghèo có phải trả lại tiền không cháu",
				"after 0.2/0.1 tại thằng con bác nó bảo nhà nước chỉ cho vay thôi chứ không cho không mà bác thì già rồi lấy đâu ra tiền mà trả"}},
		{"closed by 'ở đâu cháu ơi'",
			"thẻ bảo hiểm hộ cận nghèo hết hạn thì gia hạn ở đâu cháu ơi bà đi khám ở trạm xá người ta bảo thẻ hết hạn từ tháng trước rồi mà bà không biết chữ không đọc được",
			[]string{"question 1.0/1.0 thẻ bảo hiểm hộ cận nghèo hết hạn thì gia hạn ở đâu cháu ơi",
				"after 0.2/0.1 bà đi khám ở trạm xá người ta bảo thẻ hết hạn từ tháng trước rồi mà bà không biết chữ không đọc được"}},
		{"a question asked again at the end is no story told after: not split",
			"hỗ trợ làm nhà cho hộ nghèo có phải trả lại tiền không cháu tại thằng con bác nó bảo nhà nước chỉ cho vay thôi thì lãi suất bao nhiêu",
			nil},
		{"intro after a story: the story's last sentence weighs as the story",
			"Nhà tôi có năm người, bố tôi nằm liệt giường, mẹ đi làm thuê. Cho tôi hỏi hộ nghèo vay vốn được bao nhiêu?",
			[]string{"story 0.2/0.1 Nhà tôi có năm người", "story 0.2/0.1 bố tôi nằm liệt giường", "lead 0.2/0.1 mẹ đi làm thuê",
				"courtesy 0.0/0.0 Cho tôi hỏi", "question 1.0/1.0 hộ nghèo vay vốn được bao nhiêu"}},
		{"a run-on story's last words lead, never from the middle of a number",
			"ờ em là em ờ em bị mẹ kế đuổi ra khỏi nhà từ chiều em mười hai tuổi em đang ngồi ở bến xe không có tiền về, cho em hỏi trẻ em có được xã hỗ trợ gì không ạ",
			[]string{"story 0.2/0.1 ờ em là em ờ em bị mẹ kế đuổi ra khỏi nhà từ chiều em", "lead 0.2/0.1 mười hai tuổi em đang ngồi ở bến xe không có tiền về",
				"courtesy 0.0/0.0 cho em hỏi", "question 1.0/1.0 trẻ em có được xã hỗ trợ gì không ạ"}},
		{"a run-on story: the clause before a question of 6 to 11 words leads",
			"nha toi co 2 ong ba gia 70 may tuoi, con cai di lam an xa, cai nha go muc het roi, chinh quyen co chuong trinh nao giup lam lai nha khong",
			[]string{"story 0.2/0.1 nha toi co 2 ong ba gia 70 may tuoi", "story 0.2/0.1 con cai di lam an xa", "lead 0.5/0.5 cai nha go muc het roi",
				"question 1.0/1.0 chinh quyen co chuong trinh nao giup lam lai nha khong"}},
		{"a will (di chúc) and an organiser (tổ chức) are no wishes",
			"Nhà tôi ở Thuận Thành, bố mẹ mất không có di chúc, thôn tổ chức họp bình xét mà không mời nhà tôi. Tôi muốn hỏi nhà tôi có được xét hộ nghèo không",
			[]string{"story 0.2/0.1 Nhà tôi ở Thuận Thành", "story 0.2/0.1 bố mẹ mất không có di chúc", "story 0.2/0.1 thôn tổ chức họp bình xét mà không mời nhà tôi",
				"lead 0.2/0.1 Tôi", "courtesy 0.0/0.0 muốn hỏi", "question 1.0/1.0 nhà tôi có được xét hộ nghèo không"}},
		{"thanks and wishes after the question weigh nothing",
			"nha em o xa xa lam, bo me gia yeu, hai con di hoc, ho ngheo co duoc ho tro tien dien khong a, em cam on nhieu, mong can bo giup do",
			[]string{"story 0.2/0.1 nha em o xa xa lam", "story 0.2/0.1 bo me gia yeu", "lead 0.5/0.5 hai con di hoc",
				"question 1.0/1.0 ho ngheo co duoc ho tro tien dien khong a", "courtesy 0.0/0.0 em cam on nhieu", "courtesy 0.0/0.0 mong can bo giup do"}},
		{"the question first, the story told after it",
			"Cho em hỏi hộ cận nghèo vay vốn cho con đi xuất khẩu lao động có được không ạ, nhà em bố mẹ già, em làm ruộng, con trai em học tiếng xong rồi, em cảm ơn cán bộ nhiều",
			[]string{"courtesy 0.0/0.0 Cho em hỏi", "question 1.0/1.0 hộ cận nghèo vay vốn cho con đi xuất khẩu lao động có được không ạ",
				"after 0.2/0.1 nhà em bố mẹ già", "after 0.2/0.1 em làm ruộng", "after 0.2/0.1 con trai em học tiếng xong rồi", "courtesy 0.0/0.0 em cảm ơn cán bộ nhiều"}},
		{"a run-on story with only a question mark: the story ends where 'giờ' turns to the question (without any, see runon.go)",
			"nha em co 5 khau bo em om nam mot cho me em lam ruong em thi moi ra truong chua xin duoc viec gio em muon vay von ngan hang chinh sach de mo quan sua dien thoai thi can giay to gi?",
			[]string{"story 0.2/0.1 nha em co 5 khau bo em om nam mot cho me em lam ruong em thi moi", "lead 0.5/0.5 ra truong chua xin duoc viec",
				"question 1.0/1.0 gio em muon vay von ngan hang chinh sach de mo quan sua dien thoai thi can giay to gi"}},
		{"two questions both count; the greeting weighs nothing",
			"Chào cán bộ, nhà tôi mới thoát nghèo năm ngoái, vợ chồng tôi làm nông, muốn mở rộng chuồng lợn. Hộ mới thoát nghèo có được vay vốn nữa không? Nếu được thì vay tối đa bao nhiêu, lãi suất thế nào ạ?",
			[]string{"courtesy 0.0/0.0 Chào cán bộ", "story 0.2/0.1 nhà tôi mới thoát nghèo năm ngoái", "story 0.2/0.1 vợ chồng tôi làm nông",
				"lead 0.2/0.1 muốn mở rộng chuồng lợn", "question 1.0/1.0 Hộ mới thoát nghèo có được vay vốn nữa không",
				"question 1.0/1.0 Nếu được thì vay tối đa bao nhiêu", "question 1.0/1.0 lãi suất thế nào ạ"}},
		{"a second question joined by 'và' naming its own subject: the classifier reads it at half weight; one naming nothing is no second question",
			"Bố tôi 78 tuổi, ở với vợ chồng tôi, nhà mới ra khỏi danh sách cận nghèo năm nay. Tôi hỏi bố còn được nhận tiền hưu trí xã hội không, và thẻ bảo hiểm y tế của bố có bị thu lại không, và được bao nhiêu ạ?",
			[]string{"story 0.2/0.1 Bố tôi 78 tuổi", "story 0.2/0.1 ở với vợ chồng tôi", "lead 0.2/0.1 nhà mới ra khỏi danh sách cận nghèo năm nay",
				"courtesy 0.0/0.0 Tôi hỏi", "question 1.0/1.0 bố còn được nhận tiền hưu trí xã hội không",
				"later question 1.0/0.5 và thẻ bảo hiểm y tế của bố có bị thu lại không", "question 1.0/1.0 và được bao nhiêu ạ"}},
		{"a short story is read with the question; only the thanks lose their weight",
			"nhà tôi hộ nghèo, con học lớp 6 có được miễn học phí không ạ, tôi cảm ơn nhiều",
			[]string{"question 1.0/1.0 nhà tôi hộ nghèo", "question 1.0/1.0 con học lớp 6 có được miễn học phí không ạ", "courtesy 0.0/0.0 tôi cảm ơn nhiều"}},
		{"a thank-you is not a question", "cam on ban nhieu nhe, nho ban ma toi biet duoc nha toi du dieu kien vay von va biet phai lam giay to gi", nil},
		{"a sentence of two clauses is the question whole",
			"tôi nghe hàng xóm bảo hộ nghèo được nhà nước cho tiền điện mỗi tháng, nhà tôi cũng nghèo mà chưa được đồng nào là sao", nil},
		{"a short message", "hộ nghèo vay vốn được bao nhiêu", nil},
		{"no clause asks by its words: the one opened by 'cháu hỏi' is the question, the story told after it",
			"chau hoi thu tuc xin tro cap cho me chau bi alzheimer, nha khong ai di lam duoc vi phai trong me suot, nha chau thuoc dien can ngheo, bo chau mat lau roi",
			[]string{"courtesy 0.0/0.0 chau hoi", "question 1.0/1.0 thu tuc xin tro cap cho me chau bi alzheimer", "after 0.2/0.1 nha khong ai di lam duoc vi phai trong me suot",
				"after 0.2/0.1 nha chau thuoc dien can ngheo", "after 0.2/0.1 bo chau mat lau roi"}},
		{"a question that names nothing leans on the clauses before it, back to one naming something",
			"Mẹ tôi năm nay 80 tuổi, ở một mình, tôi đi làm công nhân xa nhà, mẹ đã làm hồ sơ xin trợ cấp người cao tuổi từ tháng 3, hỏi thì bảo chờ. Phải đợi bao lâu nữa ạ?",
			[]string{"story 0.2/0.1 Mẹ tôi năm nay 80 tuổi", "story 0.2/0.1 ở một mình", "story 0.2/0.1 tôi đi làm công nhân xa nhà",
				"lead 1.0/1.0 mẹ đã làm hồ sơ xin trợ cấp người cao tuổi từ tháng 3", "lead 1.0/1.0 hỏi thì bảo chờ", "question 1.0/1.0 Phải đợi bao lâu nữa ạ"}},
		{"'cho hỏi' opening the message opens no question there: the story follows it",
			"bà con cho hỏi, nhà tôi có hai ông bà già, ruộng cho thuê hết, con trai đi làm xa không gửi tiền về, năm nay xã lại đưa nhà tôi ra khỏi hộ nghèo, tôi phải hỏi ai",
			[]string{"story 0.2/0.1 bà con", "story 0.2/0.1 cho hỏi", "story 0.2/0.1 nhà tôi có hai ông bà già", "story 0.2/0.1 ruộng cho thuê hết",
				"story 0.2/0.1 con trai đi làm xa không gửi tiền về", "lead 1.0/1.0 năm nay xã lại đưa nhà tôi ra khỏi hộ nghèo", "question 1.0/1.0 tôi phải hỏi ai"}},
	}
	for _, tt := range tests {
		if got := parts(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%s: parts(%q)\n got  %q\n want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestLongQuestionTopic checks the topic of long messages whose story names
// another programme than the question, or whose thanks would read as small
// talk.
func TestLongQuestionTopic(t *testing.T) {
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC))
	tests := []struct{ text, topic string }{
		// Trailing thanks once made this small talk.
		{"Em chào anh chị cán bộ, em năm nay 35 tuổi, chồng em mất việc ở công ty may từ tháng 6, hai con nhỏ đang học mẫu giáo với lớp 3, em muốn vay ít vốn để nuôi gà bán trứng thì vay ở đâu, thủ tục thế nào ạ, em cảm ơn nhiều", TopicLoan},
		// The question first; the story after it tells of working abroad.
		{"Cho em hỏi hộ cận nghèo vay vốn để con đi xuất khẩu lao động Nhật có được không ạ, nhà em thì bố mẹ già, em làm ruộng, con trai em 22 tuổi đã học tiếng xong rồi, em cảm ơn cán bộ nhiều, mong cán bộ giúp đỡ", TopicLoan},
		// The story's loan, the question's tuition.
		{"nha em dang vay von ngan hang chinh sach 50 trieu de nuoi bo sinh san, chong em lam them phu ho, nam nay con gai em do vao dai hoc y, con ho ngheo vao dai hoc co duoc mien hoc phi khong a", TopicEducation},
	}
	for _, tt := range tests {
		if got := kb.Match(tt.text, day).Topic; got != tt.topic {
			t.Errorf("Match(%q) = %s, want %s\n%q", tt.text, got, tt.topic, parts(tt.text))
		}
	}
}

// TestDoneClauseLeads: in a short message, a clause telling what is
// already done ("… rồi,") before the asking one is told, not asked: it
// leads at doneWeight, and ask --explain shows it so.
func TestDoneClauseLeads(t *testing.T) {
	for _, tt := range []struct {
		text string
		done bool
	}{
		{"nhà tôi có thẻ bảo hiểm y tế hộ nghèo rồi, con tôi học lớp 3 có được miễn tiền ăn trưa không", true},
		{"tien dien thi nha em nhan du r a, the bhyt cua bo em sao chua thay xa phat", true},
		{"nhà tôi hộ nghèo, con học lớp 6 có được miễn học phí không", false},
		{"nha toi vay duoc chua roi, lai bao nhieu", false}, // it asks
		// "đã được", "đã có", "đã nhận" tell what is done without "rồi".
		{"nhà tôi hộ nghèo đã được cấp thẻ bhyt, còn tiền điện thì được hỗ trợ những gì", true},
		{"con e ho can ngheo da dc giam hoc phi cao dang, gio muon hoc nghe ngan han thi co dc ho tro ko", true},
		{"nha em da co so ho ngheo, vay von o dau", true},
		{"nhà em đã được vay chưa, lãi bao nhiêu", false},                                 // it asks
		{"nhà em đang chờ xét hộ nghèo, con học lớp 6 có được miễn học phí không", false}, // nothing done
	} {
		var b clauseBuf
		q, core := b.shortClause(tt.text)
		if b.done != tt.done || tt.done && (q != 0 || !strings.HasPrefix(tt.text[core:], " ")) {
			t.Errorf("%q: done %v (question at %d, core at %d), want %v", tt.text, b.done, q, core, tt.done)
		}
	}
	f := []byte("tien dien thi nha em nhan du r a, ")
	if n := testing.AllocsPerRun(100, func() { isDone(f) }); n != 0 {
		t.Errorf("isDone allocates %v times", n)
	}
	kb := loadOnce(t)
	day := DateOf(time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC))
	x := kb.Explain("nhà tôi có thẻ bảo hiểm y tế hộ nghèo rồi, con tôi học lớp 3 có được miễn tiền ăn trưa không", day, 3)
	want := []ClauseWeight{{"nhà tôi có thẻ bảo hiểm y tế hộ nghèo rồi,", partLead, float64(doneWeight), float64(doneWeight)}, {" con tôi học lớp 3 có được miễn tiền ăn trưa không", partQuestion, 1, 1}}
	if !slices.Equal(x.Clauses, want) || x.Result.Topic != TopicEducation {
		t.Errorf("clauses %v, topic %s; want %v, education", x.Clauses, x.Result.Topic, want)
	}
	// A clause opened by "vậy" asks; the one before it leads.
	so := "Tôi bị thu hồi giấy chứng nhận hộ cận nghèo do thu nhập tăng, vậy khoản vay cận nghèo còn đang vay có phải trả ngay không"
	if x := kb.Explain(so, day, 3); len(x.Clauses) != 2 || x.Clauses[0].Part != partLead || x.Result.Topic != TopicLoan {
		t.Errorf("%q: clauses %v, topic %s; want the certificate leading, loan", so, x.Clauses, x.Result.Topic)
	}
	// Without "rồi": the card is told, the electricity support asked.
	if r := kb.Match("nhà tôi hộ nghèo đã được cấp thẻ bhyt, còn tiền điện thì được hỗ trợ những gì", day); r.Topic != TopicElectricity {
		t.Errorf("the done card's message reads as %s (%s), want electricity", r.Topic, r.Entry.ID)
	}
}
