package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestSecondQuestionOffered: a message asking about two programmes in
// clauses of their own gets the first answer with the second one's entry
// as the first button and the line pointing to it.
func TestSecondQuestionOffered(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("ong toi 80 tuoi thi dc nhan tro cap bao nhieu 1 thang va co dc cap the bhyt mien phi ko"))
	d := buttonData(got)
	if len(d) == 0 || !strings.HasPrefix(d[0], "e:bhyt-") {
		t.Fatalf("buttons %v, want a BHYT entry first", d)
	}
	if !strings.Contains(got.Text, "Nếu ông/bà hỏi cả về «"+got.Buttons[0].Label+"», bấm nút đó bên dưới.") {
		t.Errorf("%q, want the line pointing to %q", got.Text, got.Buttons[0].Label)
	}
	h = newHarness(t)
	if got := lastReply(t, h.say("vay von ho ngheo lai suat bao nhieu, lam the nao de vay")); strings.Contains(got.Text, "Nếu ông/bà hỏi cả về") {
		t.Errorf("one programme asked: %q, want no second answer offered", got.Text)
	}
}

// TestPetitionQuestionsOffered: a pasted petition numbering four
// questions (loan, BHYT card, house repair, tuition) gets the first
// answered and the three others named in one line, each a button in the
// order asked (session 72: the tuition alone was answered).
func TestPetitionQuestionsOffered(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("Kính gửi UBND xã, tôi là Nguyễn Văn A, hộ nghèo thôn Đông. Tôi xin hỏi mấy việc sau: 1. Nhà tôi muốn vay vốn hộ nghèo 50 triệu để chăn nuôi thì làm thủ tục gì? 2. Thẻ BHYT của vợ tôi bị mất thì xin cấp lại ở đâu? 3. Nhà tôi dột nát có được hỗ trợ sửa nhà không? 4. Con tôi học lớp 10 có được miễn học phí không? Xin cảm ơn."))
	if !strings.HasPrefix(got.Text, "Hộ nghèo được vay vốn ưu đãi") {
		t.Errorf("answer %q, want the poor household's loan first", got.Text)
	}
	if want := "Nếu ông/bà hỏi cả về «Mất thẻ, thẻ BHYT ghi sai», «Hỗ trợ xây mới, sửa nhà» và «Miễn học phí trường công lập», bấm nút tương ứng bên dưới."; !strings.Contains(got.Text, want) {
		t.Errorf("%q, want the line %q", got.Text, want)
	}
	if d := buttonData(got); len(d) < 3 || strings.Join(d[:3], " ") != "e:bhyt-lost-card e:housing-build-repair e:edu-tuition-public-free" {
		t.Errorf("buttons %v, want the three other questions first", d)
	}
}

// TestTicketAfterAskBackClaimsNoAnswer: "Gặp cán bộ" pressed under an
// ask-back files the question without "Bot đã trả lời", since the bot
// answered nothing yet; after an answer it names that answer.
func TestTicketAfterAskBackClaimsNoAnswer(t *testing.T) {
	h := newHarness(t)
	ask := lastReply(t, h.say("nhà dột muốn vay"))
	if !strings.HasPrefix(ask.Text, "Ông/bà muốn hỏi:") {
		t.Fatalf("%q, want an ask-back", ask.Text)
	}
	h.press("o")
	tks, err := h.st.Tickets(bot.TicketFilter{})
	if err != nil || len(tks) != 1 {
		t.Fatalf("tickets %v (%v), want one", tks, err)
	}
	if tks[0].BotAnswer != "" {
		t.Errorf("ticket after an ask-back says the bot answered %q", tks[0].BotAnswer)
	}
	h = newHarness(t)
	h.say("hộ nghèo vay vốn được bao nhiêu")
	h.press("o")
	h.say("tôi muốn hỏi thêm về thời hạn trả nợ")
	tks, err = h.st.Tickets(bot.TicketFilter{})
	if err != nil || len(tks) != 1 || tks[0].BotAnswer != "Vay vốn hộ nghèo (cho câu hỏi trước: «hộ nghèo vay vốn được bao nhiêu»)" {
		t.Errorf("tickets %+v (%v), want one naming the answer given, Vay vốn hộ nghèo, and its question", tks, err)
	}
}

// TestBothAskedNoAskBack: a message asking about a loan and the BHYT card
// in two clauses gets the loan's answer with the card offered as the
// first button, not an ask-back that drops one of the two.
func TestBothAskedNoAskBack(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("nha toi ho ngheo, cho hoi duoc vay von bao nhieu va the bhyt lam o dau"))
	if !strings.HasPrefix(got.Text, "Hộ nghèo được vay vốn ưu đãi") {
		t.Fatalf("%q, want the poor household's loan answer", got.Text)
	}
	if d := buttonData(got); len(d) == 0 || d[0] != "e:bhyt-free-card" {
		t.Errorf("buttons %v, want e:bhyt-free-card first", d)
	}
	if !strings.Contains(got.Text, "Nếu ông/bà hỏi cả về «Thẻ BHYT miễn phí cho hộ nghèo», bấm nút đó bên dưới.") {
		t.Errorf("%q, want the line pointing to the card", got.Text)
	}
}

// TestEveryOtherQuestionOffered: the first question asked is answered and
// every other one is offered as a button, in the order asked, named in
// one line (session 66: "tiền điện …, bhyt …" answered the card's premium
// sum with no electricity button; a third question was never offered).
func TestEveryOtherQuestionOffered(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("tiền điện hộ nghèo bao nhiêu, bhyt hộ nghèo có phải đóng không"))
	if !strings.HasPrefix(got.Text, "Hỗ trợ tiền điện dành cho hộ nghèo") {
		t.Fatalf("%q, want the electricity answer first", got.Text)
	}
	if d := buttonData(got); len(d) == 0 || d[0] != "e:bhyt-free-card" {
		t.Errorf("buttons %v, want e:bhyt-free-card first", d)
	}
	if !strings.HasSuffix(got.Text, "\n\nNếu ông/bà hỏi cả về «Thẻ BHYT miễn phí cho hộ nghèo», bấm nút đó bên dưới.") {
		t.Errorf("%q, want the line pointing to the card", got.Text)
	}
	h = newHarness(t)
	got = lastReply(t, h.say("nhà em hộ cận nghèo, cho em hỏi bhyt đóng bao nhiêu, vay vốn lãi bao nhiêu, tiền điện có được không"))
	if !strings.HasPrefix(got.Text, "Mức đóng BHYT đủ hiện nay:") {
		t.Fatalf("%q, want the near-poor household's premium sum first", got.Text)
	}
	if d := buttonData(got); len(d) < 2 || d[0] != "e:loan-rates" || d[1] != "e:elec-near-poor" {
		t.Errorf("buttons %v, want e:loan-rates then e:elec-near-poor first", d)
	}
	if !strings.Contains(got.Text, "\n\nNếu ông/bà hỏi cả về «Lãi suất vay NHCSXH» và «Tiền điện hộ cận nghèo, mới thoát nghèo», bấm nút tương ứng bên dưới.") {
		t.Errorf("%q, want the line naming both other questions", got.Text)
	}
	h = newHarness(t)
	got = lastReply(t, h.say("hộ nghèo vay vốn được bao nhiêu và con đi học có được miễn học phí không"))
	if !strings.HasPrefix(got.Text, "Hộ nghèo được vay vốn ưu đãi") {
		t.Fatalf("%q, want the poor household's loan answer first", got.Text)
	}
	if d := buttonData(got); len(d) == 0 || d[0] != "e:edu-exempt-groups" {
		t.Errorf("buttons %v, want e:edu-exempt-groups first", d)
	}
}
