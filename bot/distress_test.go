package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// despairStart is how the reply to debt told in despair begins
// (bot/distress.go).
const despairStart = "Tôi rất tiếc vì ông/bà đang phải lo chuyện nợ nần."

// TestDebtDespairAnsweredWarmly: debt told in despair gets the warm reply,
// with the group leader of the social-policy bank, 113 for threats, the
// household check, an officer and 115 if the weight becomes too much; the
// check, the officer and the menu are its buttons, after the programme the
// matcher reads with confidence. No ticket is opened and nothing goes on
// the unanswered list. A plain question about repaying, "nó" (he) in
// despair and a wish to die keep their own answers.
func TestDebtDespairAnsweredWarmly(t *testing.T) {
	for _, msg := range []string{
		"toi no nan qua khong biet lam sao song noi",
		"vo chong toi no 200 trieu, ngan hang doi, khong biet lam the nao",
		"Nhà tôi vỡ nợ rồi, bế tắc quá",
		"vay nóng bên ngoài giờ lãi nặng quá, khổ quá các bác ạ",
		"no nhieu qua chac toi chet mat",
		"no ngap dau roi ko biet lam sao",
		"vay no bi doi qua, co ai giup ko",
		"con toi no co bac bi doi, kho qua",
		"no nan chong chat, vo chong cai nhau suot",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(msg))
		if !strings.HasPrefix(got.Text, despairStart) || !strings.Contains(got.Text, "tổ tiết kiệm và vay vốn") ||
			!strings.Contains(got.Text, "gọi 113") || !strings.Contains(got.Text, "gọi 115") {
			t.Errorf("%q: %.120q…, want the reply to debt in despair", msg, got.Text)
		}
		if d := buttonData(got); len(d) < 3 || d[len(d)-3] != "chk" || d[len(d)-2] != "o" || d[len(d)-1] != "m" {
			t.Errorf("%q: buttons %v, want the check, the officer and the menu last", msg, d)
		}
		if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
			t.Errorf("%q: tickets %v (%v), want none", msg, tks, err)
		}
		if recs, err := h.st.Unanswered(time.Time{}); err != nil || len(recs) != 0 {
			t.Errorf("%q: unanswered %v (%v), want none", msg, recs, err)
		}
	}
	for msg, want := range map[string]string{
		"ho ngheo vay von den han khong tra duoc no thi sao": "Trả lãi và trả nợ vay Ngân hàng Chính sách xã hội",
		"nó đánh tôi không biết làm sao":                     "113",
		// "Vợ nó" is his wife, "chết mất" of cattle is no despair, and a
		// long story with heavy debt asks its own question.
		"em trai em lam xe om, vo no bo di, nha kho khan, lam sao de dang ky xet ho ngheo":                                   "Mẫu số 01",
		"Năm 2022 tôi vay 30 triệu ngân hàng chính sách nuôi bò, đợt rồi bò bị dịch chết mất 2 con, có được khoanh nợ không": "Ngân hàng Chính sách xã hội",
		"no ngap dau roi khong muon song nua": "115",
	} {
		h := newHarness(t)
		if got := lastReply(t, h.say(msg)); strings.HasPrefix(got.Text, despairStart) || !strings.Contains(got.Text, want) {
			t.Errorf("%q: %.120q…, want its own answer with %q", msg, got.Text, want)
		}
	}
}

// TestDebtDespairOffersTheProgrammeRead: a programme the matcher reads in
// the message with confidence comes first among the buttons.
func TestDebtDespairOffersTheProgrammeRead(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("hộ nghèo nợ ngân hàng chính sách đến hạn mà chưa trả được lãi, khổ quá không biết làm sao"))
	if !strings.HasPrefix(got.Text, despairStart) {
		t.Fatalf("%.120q…, want the reply to debt in despair", got.Text)
	}
	if d := buttonData(got); len(d) != 4 || d[0] != "e:loan-monthly-payment" {
		t.Errorf("buttons %v, want the monthly payment's entry first, then the check, the officer and the menu", d)
	}
}

// TestFeeComplaintSaysTheLoanIsFree: a citizen telling that an officer
// asks for money before a loan or a place on the list is told plainly that
// neither costs a fee, not to pay even with a receipt, and where to report
// it; no request is filed unasked (QA 72 #2: the receipt used to say "pay
// only with a receipt"). Told as a complaint ("tôi muốn khiếu nại"), it is
// filed, the receipt led by the same notice. Money asked for another paper
// is filed as before, with the receipt's notice; the complaint's own
// answer (ask) says the loan is free too, with its source. A complaint
// about delay gets the receipt alone.
func TestFeeComplaintSaysTheLoanIsFree(t *testing.T) {
	for _, msg := range []string{
		"can bo xa doi thu phi 2 trieu moi cho vay co dung khong",
		"Cán bộ xã đòi tôi 2 triệu mới cho vay vốn",
		"ong truong thon bat nop 500 nghin phi lam ho so vay",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(msg))
		if !strings.HasPrefix(got.Text, "Dạ, ông/bà đừng nộp khoản tiền này, dù có biên lai hay không.") || !strings.Contains(got.Text, "không phải thế chấp, không mất phí") {
			t.Errorf("%q: %.300q…, want the answer that the loan costs no fee", msg, got.Text)
		}
		if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
			t.Errorf("%q: tickets %v (%v), want none", msg, tks, err)
		}
	}
	for msg, notice := range map[string]string{
		"cán bộ xã đòi 2 triệu mới cho vay vốn, tôi muốn khiếu nại": "Lưu ý: vay vốn hộ nghèo ở Ngân hàng Chính sách xã hội không mất phí, và được xét vào danh sách hộ nghèo, cận nghèo không có khoản lệ phí nào: ông/bà đừng nộp khoản tiền đó, dù có biên lai hay không.",
		// Not the list nor a loan: the notice does not speak of them.
		"can bo doi tien moi lam giay xac nhan ho ngheo": "Lưu ý: khoản tiền nào phải nộp đều phải có biên lai hợp lệ; không có biên lai thì ông/bà đừng nộp.\n\nTôi đã ghi lại",
		// Read alone, an ask-back between the newborn's card ("mới") and
		// the complaint: money asked by an officer makes it the complaint.
		"can bo doi tien moi lam the bhyt": "Lưu ý: khoản tiền nào phải nộp đều phải có biên lai hợp lệ; không có biên lai thì ông/bà đừng nộp.\n\nTôi đã ghi lại",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(msg))
		if !strings.HasPrefix(got.Text, notice) || !strings.Contains(got.Text, "Tôi đã ghi lại yêu cầu của ông/bà (số #1)") {
			t.Errorf("%q: %.300q…, want the fee notice %q, then the receipt", msg, got.Text, notice)
		}
	}
	h := newHarness(t)
	if got := lastReply(t, h.say("ho so nop 3 thang roi ma xa chua giai quyet, toi muon khieu nai")); strings.Contains(got.Text, "không mất phí") {
		t.Errorf("%.300q…, want the receipt without the fee notice", got.Text)
	}
	kb := mustKB(t)
	en, ok := kb.Entry("officer-complaint")
	if !ok || !strings.Contains(en.Render(), "không mất phí làm hồ sơ") || !strings.Contains(en.Render(), "Hướng dẫn 316/2003") || strings.Contains(en.Render(), "phán xét") {
		t.Errorf("the complaint's answer %q, want it to say the loan costs no fee, with its source", en.Render())
	}
}
