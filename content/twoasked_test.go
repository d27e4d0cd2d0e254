package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// A message asking about two programmes in clauses of their own gets the
// second one's entry beside the answer; a programme named in the story,
// in a clause that asks nothing, after "không cần", or by "vay" that is
// the particle "vậy" does not count, nor a message asking about one.
func TestOtherAsked(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	// want "*": either programme may answer first; the other is offered.
	// A want with a dash is the entry offered, else its topic.
	for _, c := range []struct{ msg, want string }{
		{"ong toi 80 tuoi thi dc nhan tro cap bao nhieu 1 thang va co dc cap the bhyt mien phi ko", "health_insurance"},
		{"nha e ho can ngheo, the bhyt thi co duoc ho tro khong, con vay von ho can ngheo thi toi da duoc bao nhieu", "loan"},
		{"Người khuyết tật nặng được trợ cấp hàng tháng bao nhiêu và thẻ BHYT có được cấp miễn phí không?", "*"},
		// No category named: the loan's general entry, not a category's.
		{"toi bi khuyet tat dc tro cap bao nhieu va co dc vay von ko", "loan-programmes"},
		// One programme, or another named only in the story or declined.
		{"vay von ho ngheo lai suat bao nhieu, lam the nao de vay", ""},
		{"khong can vay von dau, toi chi hoi tro cap cho nguoi khuyet tat nang thoi, thu tuc the nao", ""},
		{"Nhà tôi hộ nghèo, có thẻ bảo hiểm y tế, được vay vốn đủ cả. Giờ tôi chỉ hỏi tiền điện hỗ trợ bao nhiêu một tháng?", ""},
		{"ong e huong tro cap nguoi cao tuoi bi cat vi con cai co thu nhap, vay co dung ko", ""},
		// Programmes listed with "và" after "muốn hỏi", "cho hỏi" are both
		// asked; not past a comma, nor "còn" (still), nor "chỉ hỏi".
		{"nhà tôi cận nghèo, muốn hỏi vay vốn và tiền điện", "elec-near-poor"},
		{"cho hỏi học phí và bảo hiểm y tế cho con hộ nghèo", "health_insurance"},
		{"em muốn hỏi về vay vốn, nhà em vừa được cấp thẻ bhyt", ""},
		{"Cho tôi hỏi người đơn thân nghèo nuôi con mà con đã 17 tuổi còn đi học lớp 12 thì có còn hưởng trợ cấp không ạ", ""},
		{"Nhà tôi hộ nghèo, có thẻ bảo hiểm y tế, được vay vốn đủ cả, giờ tôi chỉ hỏi riêng về tiền điện và chuẩn nghèo mới", ""},
	} {
		r := kb.Match(c.msg, day)
		got := ""
		if o := kb.OtherAsked(c.msg, r.Topic, day); o != nil {
			got = o.Topic
			if strings.Contains(c.want, "-") {
				got = o.ID
			}
			if o.Topic == r.Topic {
				t.Errorf("%q: the other question's entry %s is the answer's own topic", c.msg, o.ID)
			}
		}
		if c.want == "*" {
			if got != "social_assistance" && got != "health_insurance" {
				t.Errorf("%q (answered %s): other question %q, want the other of the two", c.msg, r.Topic, got)
			}
			continue
		}
		if got != c.want {
			t.Errorf("%q (answered %s): other question %q, want %q", c.msg, r.Topic, got, c.want)
		}
	}
}

// Two questions asked as two sentences count as asked apart; a story
// sentence before them does not.
func TestOtherAskedInTwoSentences(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "Ông tôi 80 tuổi, không có lương hưu. Ông được trợ cấp hằng tháng bao nhiêu? Thẻ BHYT của ông có được cấp miễn phí không?"
	r := kb.Match(msg, day)
	o := kb.OtherAsked(msg, r.Topic, day)
	if o == nil || o.Topic == r.Topic || o.Topic != "health_insurance" && o.Topic != "social_assistance" {
		t.Errorf("%q (answered %s): other question %v, want the other of the allowance and the card", msg, r.Topic, o)
	}
	// A question closed by a full stop is still a question; a story
	// sentence ("… không trả được.") is not. The first asked is answered.
	for _, c := range []struct{ msg, answer, other string }{
		{"ho ngheo vay bao nhieu. the bhyt lam o dau?", "loan", "health_insurance"},
		{"Hộ nghèo được vay bao nhiêu. Thẻ bhyt làm ở đâu", "loan", "health_insurance"},
		{"Nhà tôi vay 50 triệu không trả được. Thẻ bhyt làm ở đâu?", "health_insurance", ""},
	} {
		r := kb.Match(c.msg, day)
		got := ""
		if o := kb.OtherAsked(c.msg, r.Topic, day); o != nil {
			got = o.Topic
		}
		if r.Topic != c.answer || got != c.other {
			t.Errorf("%q: answered %s, other question %q; want %s and %q", c.msg, r.Topic, got, c.answer, c.other)
		}
	}
}

// TestBothAskedAnswersTheFirst: two programmes close because the message
// asks about both, each in a clause of its own, are no ask-back: the first
// asked answers, with the whole message's reading of it (the university
// told in the story), and the other is offered beside it.
func TestBothAskedAnswersTheFirst(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct{ msg, want, other string }{
		{"nha toi ho ngheo, cho hoi duoc vay von bao nhieu va the bhyt lam o dau", "loan-poor-household", "health_insurance"},
		{"Con em đỗ đại học rồi, nhà em hộ cận nghèo, cho em hỏi cháu được giảm học phí bao nhiêu và vay ngân hàng chính sách được bao nhiêu một tháng ạ", "edu-vocational-university", "loan"},
	} {
		r := kb.Match(c.msg, day)
		if entryID(r) != c.want || len(r.Ambiguous) > 0 {
			t.Errorf("%q: %s with %d readings to ask between, want %s answered", c.msg, entryID(r), len(r.Ambiguous), c.want)
		}
		if o := kb.OtherAsked(c.msg, r.Topic, day); o == nil || o.Topic != c.other {
			got := "none"
			if o != nil {
				got = o.ID
			}
			t.Errorf("%q: other question %s, want one of %s", c.msg, got, c.other)
		}
	}
	// Two readings of one question still ask back.
	if r := kb.Match("nhà dột muốn vay", day); len(r.Ambiguous) != 2 {
		t.Errorf("nhà dột muốn vay: %s with %d readings, want the ask-back", entryID(r), len(r.Ambiguous))
	}
}

// TestFirstAskedAnswered: a message asking about several programmes in
// clauses of their own is answered with the first asked, whatever the
// whole message reads best, and every other one is offered beside it, in
// the order asked (session 66; before, "hộ nghèo vay vốn … và con đi học
// có được miễn học phí không" answered the fees, and a third question was
// never offered). The first question reads with what is told before it
// ("con em bị tự kỷ …": the disabled learner's fees), not with what is
// asked after it ("… và con đi học …" is no student loan).
// petition is a letter of more than 150 characters that numbers its
// questions.
const petition = "Kính gửi UBND xã, tôi là Nguyễn Văn A, hộ nghèo thôn Đông. Tôi xin hỏi mấy việc sau: 1. Nhà tôi muốn vay vốn hộ nghèo 50 triệu để chăn nuôi thì làm thủ tục gì? 2. Thẻ BHYT của vợ tôi bị mất thì xin cấp lại ở đâu? 3. Nhà tôi dột nát có được hỗ trợ sửa nhà không? 4. Con tôi học lớp 10 có được miễn học phí không? Xin cảm ơn."

func TestFirstAskedAnswered(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct {
		msg, want string
		others    []string
	}{
		{"tiền điện hộ nghèo bao nhiêu, bhyt hộ nghèo có phải đóng không", "elec-amount", []string{"bhyt-free-card"}},
		{"nhà em hộ cận nghèo, cho em hỏi bhyt đóng bao nhiêu, vay vốn lãi bao nhiêu, tiền điện có được không", "bhyt-near-poor", []string{"loan-rates", "elec-near-poor"}},
		{"hộ nghèo vay vốn được bao nhiêu và con đi học có được miễn học phí không", "loan-poor-household", []string{"edu-exempt-groups"}},
		{"Nhà em hộ nghèo, con em bị tự kỷ, đi học trường chuyên biệt, có được miễn học phí không, và ngoài ra có được tiền trợ cấp khuyết tật không ạ", "edu-disabled-learner", []string{"social-disability"}},
		// A petition numbering four questions after a story and before
		// its thanks: the first answered (read with the story before it),
		// the three others offered in order (session 72: the last was
		// answered, and nothing offered).
		{petition, "loan-poor-household", []string{"bhyt-lost-card", "housing-build-repair", "edu-tuition-public-free"}},
		{"Kính gửi cán bộ xã, gia đình tôi là hộ cận nghèo ở thôn Trung, chồng tôi mất năm ngoái, một mình nuôi hai con. Tôi muốn hỏi:\n1) Hộ cận nghèo vay vốn được bao nhiêu\n2) Thẻ BHYT hộ cận nghèo có được hỗ trợ không\n3) Con tôi học lớp 7 có được miễn học phí không\nTôi xin cảm ơn", "loan-near-poor", []string{"bhyt-near-poor", "edu-tuition-public-free"}},
		// Two programmes named, one question: nothing moves.
		{"Con tôi là sinh viên năm hai, nhà cận nghèo, học xong thì bao lâu sau phải bắt đầu trả nợ vay?", "loan-student", nil},
	} {
		r := kb.Match(c.msg, day)
		if entryID(r) != c.want {
			t.Errorf("%q: answered %s, want %s", c.msg, entryID(r), c.want)
		}
		var got []string
		for _, o := range kb.OthersAsked(c.msg, r.Topic, day) {
			got = append(got, o.ID)
		}
		if strings.Join(got, " ") != strings.Join(c.others, " ") {
			t.Errorf("%q: others offered %v, want %v", c.msg, got, c.others)
		}
	}
}
