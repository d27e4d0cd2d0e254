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
		"no ngap dau roi khong muon song nua":                "115",
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

// TestFeeComplaintSaysTheLoanIsFree: a citizen complaining that an
// officer asks for money before a loan is filed for an officer, and the
// receipt starts with the notice that the poor household's loan costs no
// fee; the complaint's own answer (ask) says it too, with its source. A
// complaint about delay gets the receipt alone.
func TestFeeComplaintSaysTheLoanIsFree(t *testing.T) {
	h := newHarness(t)
	got := lastReply(t, h.say("can bo xa doi thu phi 2 trieu moi cho vay co dung khong"))
	if !strings.HasPrefix(got.Text, "Lưu ý: vay vốn hộ nghèo ở Ngân hàng Chính sách xã hội không phải thế chấp và không mất phí làm hồ sơ.") ||
		!strings.Contains(got.Text, "Tôi đã ghi lại yêu cầu của ông/bà (số #1)") {
		t.Errorf("%.300q…, want the fee notice, then the receipt", got.Text)
	}
	h = newHarness(t)
	if got := lastReply(t, h.say("ho so nop 3 thang roi ma xa chua giai quyet, toi muon khieu nai")); strings.Contains(got.Text, "không mất phí") {
		t.Errorf("%.300q…, want the receipt without the fee notice", got.Text)
	}
	kb := mustKB(t)
	en, ok := kb.Entry("officer-complaint")
	if !ok || !strings.Contains(en.Render(), "không mất phí làm hồ sơ") || !strings.Contains(en.Render(), "Hướng dẫn 316/2003") || strings.Contains(en.Render(), "phán xét") {
		t.Errorf("the complaint's answer %q, want it to say the loan costs no fee, with its source", en.Render())
	}
}
