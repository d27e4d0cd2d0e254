package bot_test

import (
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// scamAgainStart is how the warning's key lines said again begin
// (bot/scam.go).
const scamAgainStart = "Dạ, dù họ xưng là ai hay biết gì về nhà ông/bà, vẫn rất có thể là lừa đảo:"

// TestScamStoryGoesOn: after a swindle warning, the citizen's next message
// that goes on with the caller's story gets the warning's key lines again
// (no fee, OTP or link from a real officer or the bank; knowing the name
// proves nothing; do not transfer; ask at the commune), with "Gặp cán bộ"
// offered and no request filed. Until session 70 "ho noi la can bo xa"
// opened a request, "ho noi cua ngan hang chinh sach" got the bank's
// commune desk and "… chac la that" the office hours.
func TestScamStoryGoesOn(t *testing.T) {
	for _, tc := range [][2]string{
		{"co nguoi goi dien bao toi duoc nhan tien ho tro ho ngheo 5 trieu, yeu cau chuyen khoan phi 500 nghin truoc, co dung khong", "ho noi la can bo xa"},
		{"co tin nhan bao ho ngheo duoc nhan qua 2 trieu, bam vao link de dang ky", "ho noi cua ngan hang chinh sach"},
		{"co nguoi xung can bo xa goi bao cap nhat danh sach ho ngheo, bat doc ma OTP", "ho biet ca ten va dia chi nha toi, chac la that"},
		{"co nguoi xung can bo xa goi bao cap nhat danh sach ho ngheo, bat doc ma OTP", "vậy có nên chuyển không"},
	} {
		h := newHarness(t)
		if got := lastReply(t, h.say(tc[0])); !strings.HasPrefix(got.Text, warningStart) {
			t.Fatalf("%q: %.80q…, want the swindle warning", tc[0], got.Text)
		}
		got := lastReply(t, h.say(tc[1]))
		if !strings.HasPrefix(got.Text, scamAgainStart) {
			t.Errorf("%q after the warning: %.120q…, want the warning's key lines again", tc[1], got.Text)
			continue
		}
		for _, line := range []string{
			"- Cán bộ xã, Ngân hàng Chính sách xã hội hay bảo hiểm thật không bao giờ đòi nộp phí trước, đòi mã OTP hay bảo bấm vào đường link.",
			"- Họ biết tên, địa chỉ, số điện thoại nhà ông/bà cũng không chứng minh được họ là thật.",
			"- Không chuyển tiền, không đọc mã OTP.",
		} {
			if !strings.Contains(got.Text, line+"\n") {
				t.Errorf("%q: %q lacks %q", tc[1], got.Text, line)
			}
		}
		if d := buttonData(got); len(d) != 2 || d[0] != "o" || d[1] != "m" {
			t.Errorf("%q: buttons %v, want the officer and the menu", tc[1], d)
		}
		if tks, err := h.st.Tickets(bot.TicketFilter{}); err != nil || len(tks) != 0 {
			t.Errorf("%q: tickets %v (%v), want none", tc[1], tks, err)
		}
	}
	// Without a warning before, the same words are read as ever; and a
	// question on another matter after the warning is answered as itself.
	h := newHarness(t)
	if got := lastReply(t, h.say("ho noi la can bo xa")); strings.HasPrefix(got.Text, scamAgainStart) {
		t.Errorf("with no warning before: %.80q…, want no swindle reply", got.Text)
	}
	h = newHarness(t)
	h.say("co nguoi xung can bo xa goi bao cap nhat danh sach ho ngheo, bat doc ma OTP")
	if got := lastReply(t, h.say("the bhyt ho ngheo lam o dau")); strings.HasPrefix(got.Text, scamAgainStart) {
		t.Errorf("another question after the warning: %.80q…, want its answer", got.Text)
	}
}
