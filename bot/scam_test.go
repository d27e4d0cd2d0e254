package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// warningStart is how the swindle warning begins (bot/scam.go).
const warningStart = "Ông/bà cẩn thận, rất có thể là lừa đảo."

// TestScamWarned: a citizen telling of a call or a message from someone
// posing as an officer or the bank, asking for a fee first or a code sent
// to the phone, is warned, with what to do if the money is gone (the bank,
// then the police: 113), and offered an officer; no ticket is opened and
// nothing goes on the unanswered list. Messages that only share a word
// (a loan's fees, a forgotten password, asking an officer to call) are
// answered as before.
func TestScamWarned(t *testing.T) {
	for _, msg := range []string{
		"co nguoi goi dien xung la can bo xa bao nha toi dc nhan 5 trieu ho tro, bao chuyen truoc 500k phi ho so",
		"Người ta nhắn tin báo nhà tôi trúng thưởng quà hộ nghèo, bảo bấm vào đường link điền số tài khoản",
		"ho doi ma OTP ngan hang nua",
		"mẹ tôi bị người tự xưng công an gọi bảo chuyển khoản tiền vào tài khoản tạm giữ",
		"e bi lua chuyen khoan 3 trieu qua zalo roi, gio lam sao",
		// A relative said to be in emergency, money demanded at once: the
		// swindle's warning, not the ambulance's number.
		"có người lạ gọi bảo con tôi đang cấp cứu, bắt chuyển tiền ngay",
		// The same told as a story before a question: the question does not
		// leave the story to be read alone as an emergency.
		"hôm qua có người gọi bảo con tôi đang cấp cứu, đòi chuyển khoản gấp 20 triệu, cho tôi hỏi hộ nghèo có được vay vốn không",
	} {
		h := newHarness(t)
		got := lastReply(t, h.say(msg))
		if !strings.HasPrefix(got.Text, warningStart) || !strings.Contains(got.Text, "gọi 113") || !strings.Contains(got.Text, "không đọc mã OTP") {
			t.Errorf("%q: %.100q…, want the swindle warning", msg, got.Text)
		}
		if d := buttonData(got); len(d) != 2 || d[0] != "o" || d[1] != "m" {
			t.Errorf("%q: buttons %v, want the officer and the menu", msg, d)
		}
		if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
			t.Errorf("%q: tickets %v (%v), want none", msg, tks, err)
		}
		if recs, err := h.st.Unanswered(time.Time{}); err != nil || len(recs) != 0 {
			t.Errorf("%q: unanswered %v (%v), want none", msg, recs, err)
		}
	}
	for _, msg := range []string{
		"vay vốn hộ nghèo có mất phí hồ sơ không",
		"cach lay lai mat khau zalo",
		"tôi muốn có người gọi điện lại cho tôi để hỏi tiền trợ cấp",
		"trả lãi ngân hàng chính sách bằng chuyển khoản được không",
	} {
		h := newHarness(t)
		if got := lastReply(t, h.say(msg)); strings.HasPrefix(got.Text, warningStart) {
			t.Errorf("%q got the swindle warning", msg)
		}
	}
}

// TestScamToldWithATicketOpen: the warning is given even while the citizen
// waits for an officer, and the message goes to the request's thread too.
func TestScamToldWithATicketOpen(t *testing.T) {
	h := newHarness(t)
	h.say("tôi muốn gặp cán bộ xã hỏi về vay vốn hộ nghèo")
	const msg = "có người gọi xưng cán bộ xã bảo tôi đọc mã OTP để nhận tiền vay"
	if got := lastReply(t, h.say(msg)); !strings.HasPrefix(got.Text, warningStart) {
		t.Fatalf("%q with a ticket open: %.100q…, want the swindle warning", msg, got.Text)
	}
	tks, err := h.st.Tickets(bot.TicketFilter{})
	if err != nil || len(tks) != 1 {
		t.Fatalf("tickets %v (%v), want the one opened", tks, err)
	}
	if th := tks[0].Thread; len(th) == 0 || th[len(th)-1].Text != msg || th[len(th)-1].Kind != bot.ItemCitizen {
		t.Errorf("thread %+v, want the message last", th)
	}
}
