package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
)

// TestPrivacyQuestionsAnswered: a question about what the bot keeps and
// who reads it gets the knowledge base's answer about that (chat-privacy),
// with the officer as the way to ask for more, and is neither put on the
// unanswered list nor filed. Before, "bot có lưu thông tin của tôi không"
// got the commune notices, "tin nhắn của tôi có ai đọc không" the status
// of a request never sent, "thông tin cá nhân của tôi có bị lộ không"
// the phone-repair refusal and "xóa dữ liệu của tôi được không" an
// ask-back between housing and the BHYT card. "bot nay cua ai" keeps the
// answer about the bot, which now points to this one.
func TestPrivacyQuestionsAnswered(t *testing.T) {
	kb := mustKB(t)
	privacy, ok := kb.Entry("chat-privacy")
	if !ok {
		t.Fatal("no entry chat-privacy")
	}
	about, _ := kb.Entry("chat-about-bot")
	for _, c := range []struct {
		text    string
		want    string
		buttons string
	}{
		{"bot có lưu thông tin của tôi không", privacy.Render(), "e:chat-about-bot o m"},
		{"tin nhắn của tôi có ai đọc không", privacy.Render(), "e:chat-about-bot o m"},
		{"thông tin cá nhân của tôi có bị lộ không", privacy.Render(), "e:chat-about-bot o m"},
		{"xóa dữ liệu của tôi được không", privacy.Render(), "e:chat-about-bot o m"},
		{"xoa du lieu cua toi duoc khong", privacy.Render(), "e:chat-about-bot o m"},
		{"bot co luu thong tin cua toi khong", privacy.Render(), "e:chat-about-bot o m"},
		// Phrasings no example of the entry was written from.
		{"dữ liệu tôi nhắn có được bảo vệ không", privacy.Render(), "e:chat-about-bot o m"},
		{"cán bộ xã có đọc được những gì tôi hỏi ở đây không", privacy.Render(), "e:chat-about-bot o m"},
		{"tin nhắn ở đây lưu bao lâu", privacy.Render(), "e:chat-about-bot o m"},
		{"nhan tin o day co bi lo ra ngoai ko", privacy.Render(), "e:chat-about-bot o m"},
		{"bot nay cua ai", about.Render(), "e:chat-help e:chat-privacy o m"},
	} {
		got := quietReply(t, c.text, c.buttons)
		if got.Text != c.want {
			t.Errorf("%q: %.90q…, want %s's answer", c.text, got.Text, map[bool]string{true: "chat-privacy", false: "chat-about-bot"}[c.want == privacy.Render()])
		}
	}
}

// TestPrivacyAnswerTellsWhatTheCodeDoes holds the privacy answer to the
// code it describes: the unanswered list's keeping period and masking,
// /stop, no deletion feature (the officer instead), and the display name
// officers see on a request.
func TestPrivacyAnswerTellsWhatTheCodeDoes(t *testing.T) {
	privacy, ok := mustKB(t).Entry("chat-privacy")
	if !ok {
		t.Fatal("no entry chat-privacy")
	}
	days := int(bot.UnansweredKeep / (24 * time.Hour))
	for _, want := range []string{
		fmt.Sprintf("giữ %d ngày", days),
		"không kèm tên, số điện thoại và số căn cước được che đi",
		"gõ /stop",
		"Tôi chưa tự xóa được dữ liệu",
		"bấm \"Gặp cán bộ\"",
		"kèm tên hiển thị",
	} {
		if !strings.Contains(privacy.Answer, want) {
			t.Errorf("chat-privacy's answer lacks %q:\n%s", want, privacy.Answer)
		}
	}
	// The unanswered list is masked and holds no name (bot/unanswered.go).
	h := newHarness(t)
	h.say("xyzzy qwerty sdt 0912345678")
	recs, err := h.st.Unanswered(time.Time{})
	if err != nil || len(recs) != 1 {
		t.Fatalf("%d records (%v), want 1", len(recs), err)
	}
	if r := fmt.Sprintf("%+v", recs[0]); strings.Contains(r, "0912345678") || strings.Contains(r, "Bà Lan") {
		t.Errorf("unanswered record %s: want the number masked and no name", r)
	}
	// A request carries the citizen's display name (bot/escalate.go).
	h = newOfficerHarness(t)
	h.say("gặp cán bộ")
	h.say("tôi cần xin giấy xác nhận hộ cận nghèo")
	if tk := h.ticket(1); tk.Name != "Bà Lan" {
		t.Errorf("ticket name %q, want the display name", tk.Name)
	}
}
