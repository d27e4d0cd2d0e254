package content_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/content"
)

// The QA defects of session 70 (docs/architecture.md §3, phrase routes):
// a child under 6's BHYT card, an old person's own allowance, the former
// Bắc Giang communes, an ended COVID-19 package and a breadwinner's sudden
// disability each reach the entry that answers them, with its key line.
func TestQADefects70(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	for _, c := range []struct {
		msg, want, line string
		askBack         []string
	}{
		// A child under 6: the State pays the card whatever the
		// household, and it comes with the birth registration; no
		// household category asked, no near-poor 70%.
		{msg: "con toi 3 tuoi co duoc the bhyt mien phi khong", want: "bhyt-child-under6", line: "Trẻ em dưới 6 tuổi thuộc nhóm được Nhà nước đóng tiền BHYT, dù hộ gia đình là hộ nghèo, cận nghèo hay không."},
		{msg: "chau toi 5 tuoi nha khong phai ho ngheo co duoc cap the bhyt mien phi khong", want: "bhyt-child-under6", line: "Ông/bà không phải mua thẻ cho cháu."},
		{msg: "the bhyt tre em duoi 6 tuoi lam o dau", want: "bhyt-child-under6", line: "Bước tiếp theo: ông/bà đăng ký khai sinh cho cháu tại UBND xã/phường, thẻ BHYT được làm cùng."},
		// An old person's own allowance, not the funeral grant, the
		// carer's support or the leaking roof.
		{msg: "ho tro cho nguoi gia", want: "social-pension", line: "- từ đủ 75 tuổi trở lên; hoặc"},
		{msg: "ba noi toi 85 tuoi o mot minh khong ai cham soc, co duoc tro cap gi khong", want: "social-pension", line: "- từ đủ 75 tuổi trở lên; hoặc"},
		{msg: "toi nam nay 78 tuoi song mot minh o thon, ong nha mat 3 nam roi, con cai di lam an xa khong gui tien ve, nha dot nat mua la dot, toi muon hoi co duoc tro cap gi khong", want: "social-pension", line: "- từ đủ 75 tuổi trở lên; hoặc"},
		// The programme's own scope, and an ended package.
		{msg: "toi o Luc Ngan, truoc la Bac Giang gio nhap Bac Ninh, co hoi duoc khong", want: "chat-help", line: "Ông/bà ở mọi xã, phường của tỉnh Bắc Ninh, kể cả các xã, phường thuộc tỉnh Bắc Giang cũ (hợp nhất vào Bắc Ninh từ 1/7/2025), đều hỏi được."},
		{msg: "goi ho tro covid cho lao dong tu do con khong", want: "oos-ended-support", line: "Các gói hỗ trợ trong dịch COVID-19 (cho người lao động, lao động tự do, hộ kinh doanh) đã kết thúc, nay không còn nhận hồ sơ, nên tôi không hướng dẫn về các gói này."},
		// A breadwinner's sudden disability: the disability allowance
		// and a re-review first, the children's school fees after.
		{msg: "chong toi bi tai nan lao dong cut 1 chan, gio khong lam duoc, nha co 3 dua con di hoc, toi phai lam sao", want: "social-disability",
			askBack: []string{"social-disability", "poverty-review-apply", "edu-exempt-groups"}},
	} {
		r := kb.Match(c.msg, day)
		if got := idOf(r.Entry); got != c.want {
			t.Errorf("%q: %s, want %s", c.msg, got, c.want)
			continue
		}
		var ids []string
		for _, a := range r.Ambiguous {
			ids = append(ids, idOf(a.Entry))
		}
		if strings.Join(ids, ",") != strings.Join(c.askBack, ",") {
			t.Errorf("%q: ask-back %v, want %v", c.msg, ids, c.askBack)
		}
		if c.line != "" && !strings.Contains(r.Entry.Answer, c.line) {
			t.Errorf("%q: answer %q lacks %q", c.msg, r.Entry.Answer, c.line)
		}
		if strings.Contains(r.Entry.Answer, "113") || strings.Contains(r.Entry.Answer, "70%") {
			t.Errorf("%q: answer %q has an emergency number or the near-poor share", c.msg, r.Entry.Answer)
		}
	}
}

// TestTwoProgrammesInAClauseOffered: "… con tôi đi học đại học … có được
// vay vốn không với lại thẻ bảo hiểm của nó thì có được miễn phí không":
// the first clause names school and a loan and asks the student loan,
// which is offered beside the card's answer (it was dropped, the clause
// naming two programmes).
func TestTwoProgrammesInAClauseOffered(t *testing.T) {
	kb := mustKB(t)
	day := content.DateOf(refDay)
	msg := "alo alo cho tôi hỏi là nhà tôi là hộ cận nghèo năm nay con tôi thì đi học đại học ở hà nội thì là có được vay vốn không với lại thẻ bảo hiểm của nó thì có được miễn phí không"
	r := kb.Match(msg, day)
	var others []string
	for _, e := range kb.OthersAsked(msg, r.Topic, day) {
		others = append(others, e.ID)
	}
	if r.Topic != content.TopicHealthInsurance || strings.Join(others, ",") != "loan-student" {
		t.Errorf("%q: %s %s, others %v, want the card with loan-student beside it", msg, r.Topic, idOf(r.Entry), others)
	}
}

// TestLoneElderNotComplaint: a village head asking for a lone elder was
// read as a complaint once the models were retrained with session 70's
// entries (TestVillageHeadAsksForResident); the route keeps the
// allowance.
func TestLoneElderNotComplaint(t *testing.T) {
	kb := mustKB(t)
	msg := "tôi là trưởng thôn, nhà bà Lan trong thôn 80 tuổi sống một mình không ai chăm"
	if r := kb.Match(msg, content.DateOf(refDay)); idOf(r.Entry) != "social-monthly-allowance" || len(r.Ambiguous) > 1 {
		t.Errorf("%q: %s (ask-back %d), want social-monthly-allowance", msg, idOf(r.Entry), len(r.Ambiguous))
	}
}
