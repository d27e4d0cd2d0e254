package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bacninh/ansinh/bot"
)

// TestAttachmentsJoinTheOpenTicket: with a request open, a photo or a
// sticker the citizen sends is added to it as "[ảnh]" / "[nhãn dán]" with
// the platform's file id, the officers are told, and the citizen gets one
// line; a photo's caption is added too. Without a request the bot still asks
// for words, and the log keeps what was sent.
func TestAttachmentsJoinTheOpenTicket(t *testing.T) {
	h := newOfficerHarness(t)
	send := func(kind, file, text string) []bot.Delivery {
		h.seq++
		return h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "42", UserID: "42", Name: "Bà Lan",
			Text: text, Attachment: kind, FileID: file, Addressed: true})
	}
	// No request yet: "please type", no ticket.
	if got := one(t, send(bot.AttachPhoto, "AgAC-0", "")); !strings.HasPrefix(got.Text, "Xin lỗi, hiện tôi chỉ đọc được tin nhắn chữ.") {
		t.Errorf("a photo with no request open: %q", got.Text)
	}
	h.say("/canbo nhà tôi bị dột, xin hỗ trợ sửa nhà")
	rows := send(bot.AttachPhoto, "AgAC-1", "")
	if got := to(rows, "42"); len(got) != 1 || got[0].Text != "Đã thêm ảnh vào yêu cầu #1." {
		t.Errorf("the citizen got %+v, want one line", got)
	}
	if got := to(rows, officerChat); len(got) != 1 ||
		got[0].Text != "📎 Người dân gửi thêm ảnh vào yêu cầu #1 (mã tệp: AgAC-1); xem trong cuộc trò chuyện của người dân trên Telegram." {
		t.Errorf("the officers got %+v", got)
	}
	rows = send(bot.AttachSticker, "CAAC-2", "")
	if got := to(rows, "42"); len(got) != 1 || got[0].Text != "Đã thêm nhãn dán vào yêu cầu #1." {
		t.Errorf("sticker: the citizen got %+v", got)
	}
	if got := to(rows, officerChat); len(got) != 1 || !strings.HasPrefix(got[0].Text, "📎 Người dân gửi thêm nhãn dán vào yêu cầu #1 (mã tệp: CAAC-2)") {
		t.Errorf("sticker: the officers got %+v", got)
	}
	send(bot.AttachPhoto, "AgAC-3", "ảnh mái nhà bị dột")
	var thread []string
	for _, it := range h.ticket(1).Thread {
		if it.Kind == bot.ItemCitizen {
			thread = append(thread, it.Text)
		}
	}
	want := []string{"nhà tôi bị dột, xin hỗ trợ sửa nhà", "[ảnh] mã tệp: AgAC-1", "[nhãn dán] mã tệp: CAAC-2", "[ảnh] mã tệp: AgAC-3", "ảnh mái nhà bị dột"}
	if strings.Join(thread, "|") != strings.Join(want, "|") {
		t.Errorf("citizen items of the thread = %q, want %q", thread, want)
	}
	logs, err := h.st.Logs(bot.ChannelTelegram, "42", 100)
	if err != nil {
		t.Fatal(err)
	}
	var in []string
	for _, r := range logs {
		if r.Inbound {
			in = append(in, r.Text)
		}
	}
	if len(in) < 3 || in[0] != "[ảnh] mã tệp: AgAC-0" || in[2] != "[ảnh] mã tệp: AgAC-1" {
		t.Errorf("inbound log = %q, want the photos logged with their ids", in)
	}
}
