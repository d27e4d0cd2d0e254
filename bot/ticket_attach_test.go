package bot_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/store/storetest"
)

// TestAttachmentsJoinTheOpenTicket: with a request open, a photo or a
// sticker the citizen sends is added to it as "[ảnh]" / "[nhãn dán]" with
// the platform's file id, the officers get the photo itself (a sticker: a
// line), and the citizen gets one line; a photo's caption is added too. Without a request the bot still asks
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
	if got := to(rows, officerChat); len(got) != 1 || got[0].Media != bot.AttachPhoto || got[0].FileID != "AgAC-1" ||
		got[0].Text != "📎 Ảnh người dân gửi vào yêu cầu #1" || got[0].Ref != "ann:1" {
		t.Errorf("the officers got %+v, want the photo itself", got)
	}
	rows = send(bot.AttachSticker, "CAAC-2", "")
	if got := to(rows, "42"); len(got) != 1 || got[0].Text != "Đã thêm nhãn dán vào yêu cầu #1." {
		t.Errorf("sticker: the citizen got %+v", got)
	}
	if got := to(rows, officerChat); len(got) != 1 || got[0].Media != "" || got[0].Text != "📎 Người dân gửi thêm nhãn dán vào yêu cầu #1." {
		t.Errorf("sticker: the officers got %+v, want one line of text", got)
	}
	send(bot.AttachPhoto, "AgAC-3", "ảnh mái nhà bị dột")
	var thread []string
	for _, it := range h.ticket(1).Thread {
		if it.Kind == bot.ItemCitizen {
			thread = append(thread, it.Text+" "+it.Attachment+" "+it.FileID)
		}
	}
	want := []string{"nhà tôi bị dột, xin hỗ trợ sửa nhà  ", "[ảnh] photo AgAC-1", "[nhãn dán] sticker CAAC-2", "[ảnh] photo AgAC-3", "ảnh mái nhà bị dột  "}
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

// TestAttachmentReachesOfficersWhereverTheyAre: what the officers' chats
// get of a citizen's file depends on where it came from and where they
// are. A Telegram officers' group gets a Telegram citizen's photo, voice
// note, video or file itself, captioned, with the ticket's buttons, and
// never a file id; a Zalo officer chat cannot be given a Telegram file,
// and is told so; a Zalo photo's address is given as a link to both.
// Neither is ever told to look in the citizen's chat, which officers cannot
// see.
func TestAttachmentReachesOfficersWhereverTheyAre(t *testing.T) {
	const zaloChat = "zgroup"
	h := newZaloOfficerHarness(t, "zalo:"+zaloChat)
	send := func(channel, chat, kind, file string) []bot.Delivery {
		h.seq++
		return h.handle(bot.Update{Channel: channel, ID: fmt.Sprint(h.seq), ChatID: chat, UserID: chat, Name: "Bà Lan",
			Attachment: kind, FileID: file, Addressed: true})
	}
	h.say("/canbo nhà tôi bị dột, xin hỗ trợ sửa nhà")
	type want struct{ media, file, text string }
	check := func(what string, rows []bot.Delivery, chat string, w want) {
		t.Helper()
		got := to(rows, chat)
		if len(got) != 1 {
			t.Fatalf("%s: chat %s got %+v, want one row", what, chat, got)
		}
		d := got[0]
		if d.Media != w.media || d.FileID != w.file || d.Text != w.text || d.Ref != "ann:1" || len(d.Buttons) != 3 {
			t.Errorf("%s: chat %s got {Media %q, FileID %q, Text %q, Ref %q, %d buttons}, want {%q, %q, %q, ann:1, 3}",
				what, chat, d.Media, d.FileID, d.Text, d.Ref, len(d.Buttons), w.media, w.file, w.text)
		}
		if strings.Contains(d.Text, "cuộc trò chuyện") || strings.Contains(d.Text, "mã tệp") {
			t.Errorf("%s: chat %s told %q", what, chat, d.Text)
		}
	}
	hidden := func(noun string) string {
		return "📎 Người dân gửi thêm " + noun + " vào yêu cầu #1 (chưa xem được tệp này ở đây)."
	}
	for _, c := range []struct{ kind, file, caption, noun string }{
		{bot.AttachPhoto, "AgACph", "📎 Ảnh người dân gửi vào yêu cầu #1", "ảnh"},
		{bot.AttachVoice, "AwACvo", "📎 Tin ghi âm người dân gửi vào yêu cầu #1", "tin ghi âm"},
		{bot.AttachVideo, "BAACvi", "📎 Video người dân gửi vào yêu cầu #1", "video"},
		{bot.AttachFile, "BQACdo", "📎 Tệp người dân gửi vào yêu cầu #1", "tệp"},
	} {
		rows := send(bot.ChannelTelegram, "42", c.kind, c.file)
		check(c.kind, rows, officerChat, want{c.kind, c.file, c.caption})
		check(c.kind, rows, zaloChat, want{"", "", hidden(c.noun)})
	}
	rows := send(bot.ChannelTelegram, "42", bot.AttachSticker, "CAACst")
	check("sticker", rows, officerChat, want{"", "", "📎 Người dân gửi thêm nhãn dán vào yêu cầu #1."})
	check("sticker", rows, zaloChat, want{"", "", "📎 Người dân gửi thêm nhãn dán vào yêu cầu #1."})

	// A Zalo citizen's photo: its address is a link anyone can open.
	h.handle(bot.Update{Channel: bot.ChannelZalo, ID: "zc1", ChatID: "zc", UserID: "zc", Name: "Ông Minh", Addressed: true,
		Text: "/canbo xin hỏi về trợ cấp người cao tuổi"})
	url := "https://photo-zalo.example/abc.jpg"
	rows = send(bot.ChannelZalo, "zc", bot.AttachPhoto, url)
	link := "📎 Người dân gửi thêm ảnh vào yêu cầu #2. Xem ảnh: " + url
	for _, chat := range []string{officerChat, zaloChat} {
		got := to(rows, chat)
		if len(got) != 1 || got[0].Media != "" || got[0].Text != link {
			t.Errorf("Zalo photo: chat %s got %+v, want %q", chat, got, link)
		}
	}
}

// TestAttachmentPointsToTheConsole: with the officer console on, a Zalo
// officer chat, which cannot be given a Telegram file, is sent to the
// ticket's page, which shows it; a console on the bot's machine only is
// named as such.
func TestAttachmentPointsToTheConsole(t *testing.T) {
	for _, c := range []struct {
		url   string
		local bool
		want  string
	}{
		{"https://ansinh.example.vn/", false, "📎 Người dân gửi thêm ảnh vào yêu cầu #1; xem trong bảng điều khiển cán bộ: https://ansinh.example.vn/officer/tickets/1"},
		{"http://127.0.0.1:8080", true, "📎 Người dân gửi thêm ảnh vào yêu cầu #1; xem trong bảng điều khiển cán bộ (trên máy chạy Trợ lý An sinh)."},
	} {
		h := &harness{t: t, st: storetest.Open(t), now: fixedNow}
		h.eng = bot.NewEngine(bot.EngineConfig{
			Store: h.st, KB: mustKB(t), Now: func() time.Time { return h.now },
			Officers: []string{"telegram:" + officerID}, OfficerChats: []string{"telegram:" + officerChat, "zalo:zgroup"},
			Calendar: mustCalendar(t), ConsoleURL: c.url, ConsoleLocal: c.local,
		})
		h.say("/canbo nhà tôi bị dột, xin hỗ trợ sửa nhà")
		h.seq++
		rows := h.handle(bot.Update{Channel: bot.ChannelTelegram, ID: fmt.Sprint(h.seq), ChatID: "42", UserID: "42", Name: "Bà Lan",
			Attachment: bot.AttachPhoto, FileID: "AgACph", Addressed: true})
		if got := to(rows, "zgroup"); len(got) != 1 || got[0].Text != c.want || got[0].Media != "" {
			t.Errorf("console %s: the Zalo officer chat got %+v, want %q", c.url, got, c.want)
		}
		if got := to(rows, officerChat); len(got) != 1 || got[0].Media != bot.AttachPhoto {
			t.Errorf("console %s: the Telegram group got %+v, want the photo", c.url, got)
		}
	}
}

// TestPastedPhotoPlaceholder: "[Hình ảnh]" typed or pasted as text (as
// some Zalo clients paste it in place of the photo) is no question: the
// bot says it saw no photo and how to send one, with a request open that
// the photo is added to it, and adds nothing to the request. Before, it
// was read as a question and got "không hỗ trợ sửa lỗi điện thoại, tài
// khoản Zalo …".
func TestPastedPhotoPlaceholder(t *testing.T) {
	const none = "Xin lỗi, tôi không thấy ảnh nào: tin nhắn chỉ có chữ, ảnh không được gửi kèm. Tôi chỉ đọc được tin nhắn chữ, ông/bà vui lòng gõ câu hỏi. Nếu cần gửi ảnh giấy tờ cho cán bộ xã, ông/bà bấm \"Gặp cán bộ\" để gửi yêu cầu trước, rồi gửi ảnh bằng nút gửi ảnh của ứng dụng."
	for _, msg := range []string{"[Hình ảnh]", "[hinh anh]", " [Hình ảnh] [Hình ảnh] ", "[Photo]", "[Ảnh]"} {
		h := newHarness(t)
		got := one(t, h.say(msg))
		if got.Text != none || buttonsOf(got) != "Gặp cán bộ=o, Danh mục=m" {
			t.Errorf("%q: %q [%s], want %q [Gặp cán bộ=o, Danh mục=m]", msg, got.Text, buttonsOf(got), none)
		}
	}

	h := newOfficerHarness(t)
	h.say("/canbo tôi muốn gửi giấy tờ hộ nghèo cho cán bộ xem")
	n := len(h.ticket(1).Thread)
	rows := h.say("[Hình ảnh]")
	const open = "Xin lỗi, tôi không thấy ảnh nào: tin nhắn chỉ có chữ, ảnh không được gửi kèm. Ông/bà gửi lại ảnh bằng nút gửi ảnh của ứng dụng (không sao chép, dán), tôi sẽ thêm ảnh vào yêu cầu #1 cho cán bộ xã."
	if got := one(t, to(rows, "42")); got.Text != open {
		t.Errorf("with a request open: %q, want %q", got.Text, open)
	}
	if off := to(rows, officerChat); len(off) != 0 {
		t.Errorf("officers got %+v, want nothing", off)
	}
	if got := len(h.ticket(1).Thread); got != n {
		t.Errorf("thread %d → %d items, want nothing added", n, got)
	}

	// Words beside it are read as words.
	if got := one(t, newHarness(t).say("[Hình ảnh] thẻ bhyt hộ nghèo")).Text; got == none {
		t.Errorf("a placeholder with a question got the placeholder's reply")
	}
}
