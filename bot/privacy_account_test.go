package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// textNoAccount is the bot's warning to a bank account number sent in the
// chat (bot/privacy_id.go).
const textNoAccount = "Ông/bà đừng gửi số tài khoản ngân hàng, số thẻ, mật khẩu hay mã OTP qua tin nhắn: tôi không ghi nhận tài khoản để nhận tiền và không chuyển số vừa gửi cho cán bộ. Tiền hỗ trợ được chi theo thủ tục của UBND xã/phường; cách nhận, ông/bà hỏi cán bộ xã trực tiếp tại xã.\n" +
	"Cán bộ không xin số tài khoản, mã OTP hay tiền phí qua điện thoại, tin nhắn để \"nhận hỗ trợ\": ai đòi như vậy là lừa đảo."

// TestAccountNumberWarned: a bank account number sent "to receive the
// support" gets a warning like the ID card's, is kept out of the
// conversation log (masked, last two digits kept) and out of a request,
// and opens none. Until session 71 it got the commercial-bank refusal,
// no warning, and the log kept the number (QA pass 71 #15, g02).
func TestAccountNumberWarned(t *testing.T) {
	const msg = "so tai khoan cua toi 1903456789012 techcombank, nhan tien ho tro vao day duoc khong"
	h := newHarness(t)
	got := one(t, h.say(msg))
	if got.Text != textNoAccount {
		t.Errorf("reply:\n%s\nwant:\n%s", got.Text, textNoAccount)
	}
	if !hasButton(got, "o") || !hasButton(got, "m") {
		t.Errorf("buttons %+v, want Gặp cán bộ and the menu", got.Buttons)
	}
	if n := len(h.allTickets()); n != 0 {
		t.Errorf("%d tickets, want none", n)
	}
	recs, err := h.st.Logs(bot.ChannelTelegram, "42", 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if strings.Contains(r.Text, "1903456789012") {
			t.Errorf("the log keeps the account number: %q", r.Text)
		}
		if r.Inbound && !strings.Contains(r.Text, "***********12 techcombank") {
			t.Errorf("inbound logged as %q, want the number masked", r.Text)
		}
	}

	// With a request open the number is not added to it either.
	h2 := newHarness(t)
	h2.say("gap can bo")
	h2.say("nha toi bi loai khoi danh sach ho ngheo, can xem lai")
	if got := one(t, h2.say("stk agribank 2605205123456 cua toi, chuyen tien vao day")).Text; got != textNoAccount {
		t.Errorf("with a request open: %q", got)
	}
	for _, it := range h2.ticket(1).Thread {
		if strings.Contains(it.Text, "2605205123456") {
			t.Errorf("thread keeps the account: %q", it.Text)
		}
	}
}
