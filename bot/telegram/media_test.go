package telegram_test

import (
	"context"
	"slices"
	"testing"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// TestSendMediaByFileID: a row carrying a citizen's photo, voice note,
// video or file goes out as sendPhoto, sendVoice, sendVideo or
// sendDocument with the file_id Telegram gave the bot (no upload) and the
// row's text as a plain caption, buttons under it; the message id comes
// back for replies to it.
func TestSendMediaByFileID(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	cases := []struct{ kind, file, fileKind, method, param string }{
		{bot.AttachPhoto, "AgACphoto", telegramtest.FilePhoto, "sendPhoto", "photo"},
		{bot.AttachVoice, "AwACvoice", telegramtest.FileVoice, "sendVoice", "voice"},
		{bot.AttachVideo, "BAACvideo", telegramtest.FileVideo, "sendVideo", "video"},
		{bot.AttachFile, "BQACdoc", telegramtest.FileDocument, "sendDocument", "document"},
	}
	for i, tc := range cases {
		srv.AddFile(tc.file, tc.fileKind, nil)
		caption := "📎 Tệp người dân gửi vào yêu cầu #12 <&>"
		chat := int64(-100500 - i) // a group takes a few messages a second
		d := bot.Delivery{ID: uint64(i + 1), Kind: bot.KindOfficer, Channel: bot.ChannelTelegram, ChatID: chatString(chat), IsGroup: true,
			Media: tc.kind, FileID: tc.file, Text: caption, Buttons: []bot.Button{{Label: "Nhận xử lý", Data: "tk:take:12"}}}
		res, err := c.Send(context.Background(), d)
		if err != nil {
			t.Fatalf("%s: Send: %v", tc.kind, err)
		}
		reqs := srv.Requests(tc.method)
		if len(reqs) != 1 {
			t.Fatalf("%s: %d %s calls, want 1", tc.kind, len(reqs), tc.method)
		}
		if p := reqs[0]; p.Get("chat_id") != chatString(chat) || p.Get(tc.param) != tc.file || p.Get("caption") != caption || p.Get("parse_mode") != "" {
			t.Errorf("%s: %s sent %v, want chat_id %d, %s=%s and the caption as plain text", tc.kind, tc.method, p, chat, tc.param, tc.file)
		}
		sent := srv.SentTo(chat)
		if len(sent) != 1 {
			t.Fatalf("%s: the group got %d messages, want 1", tc.kind, len(sent))
		}
		m := sent[0]
		if m.Media != tc.fileKind || m.FileID != tc.file || m.Plain != caption ||
			len(m.Keyboard) != 1 || m.Keyboard[0][0].CallbackData != "tk:take:12" {
			t.Errorf("%s: the group got %+v", tc.kind, m)
		}
		if !slices.Equal(res.MessageIDs, []string{itoa(m.MessageID)}) {
			t.Errorf("%s: message ids %v, want [%d]", tc.kind, res.MessageIDs, m.MessageID)
		}
	}
	if n := srv.Calls("sendMessage"); n != 0 {
		t.Errorf("%d sendMessage calls, want none", n)
	}
}

// TestSendMediaRefused: a file Telegram refuses for good in a reachable
// chat (a file_id it does not know, or of another kind than the method's,
// a group where members may not send media) leaves its caption and
// buttons to go as text; a sticker, or a row without a file id, is never
// sent, nor is anything to a chat that blocked the bot.
func TestSendMediaRefused(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.AddFile("AgACphoto", telegramtest.FilePhoto, nil)
	srv.FailNext("sendPhoto", 1, telegramtest.Fault{Code: 400, Description: "Bad Request: not enough rights to send photos to the chat"})
	for i, d := range []bot.Delivery{
		{Media: bot.AttachPhoto, FileID: "AgACphoto"},
		{Media: bot.AttachPhoto, FileID: "unknown"},
		{Media: bot.AttachFile, FileID: "AgACphoto"},
	} {
		chat := int64(500 + i)
		d.Kind, d.Channel, d.ChatID, d.Text = bot.KindOfficer, bot.ChannelTelegram, chatString(chat), "📎 Ảnh người dân gửi vào yêu cầu #3"
		d.Buttons = []bot.Button{{Label: "Nhận xử lý", Data: "tk:take:3"}}
		res, err := c.Send(context.Background(), d)
		got := srv.SentTo(chat)
		if err != nil || len(got) != 1 || got[0].Media != "" || got[0].Plain != d.Text || len(got[0].Keyboard) != 1 ||
			len(res.MessageIDs) != 1 || res.MessageIDs[0] != itoa(got[0].MessageID) {
			t.Errorf("%s %q refused: err %v, the chat got %+v, want the caption and buttons as text", d.Media, d.FileID, err, got)
		}
	}
	srv.FailChat(600, telegramtest.Blocked())
	for _, d := range []bot.Delivery{
		{Media: bot.AttachSticker, FileID: "CAACsticker", ChatID: "510"},
		{Media: bot.AttachPhoto, ChatID: "510"},
		{Media: bot.AttachPhoto, FileID: "AgACphoto", ChatID: "600"},
	} {
		d.Kind, d.Channel, d.Text = bot.KindOfficer, bot.ChannelTelegram, "📎"
		if _, err := c.Send(context.Background(), d); !bot.IsPermanent(err) {
			t.Errorf("%s %q to %s: err %v, want a permanent error", d.Media, d.FileID, d.ChatID, err)
		}
	}
	if got := append(srv.SentTo(510), srv.SentTo(600)...); len(got) != 0 {
		t.Errorf("sent %+v", got)
	}
}

// TestSendMediaFollowsMigration: a photo for a group that became a
// supergroup goes to the new chat, and the result names it.
func TestSendMediaFollowsMigration(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	srv.AddFile("AgACphoto", telegramtest.FilePhoto, nil)
	srv.FailChat(-500, telegramtest.Migrated(-1000000000500))
	res, err := c.Send(context.Background(), bot.Delivery{Kind: bot.KindOfficer, Channel: bot.ChannelTelegram, ChatID: "-500",
		Media: bot.AttachPhoto, FileID: "AgACphoto", Text: "📎 Ảnh người dân gửi vào yêu cầu #3"})
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.SentTo(-1000000000500); len(got) != 1 || got[0].FileID != "AgACphoto" || res.ChatID != "-1000000000500" {
		t.Errorf("the supergroup got %+v, result %+v", got, res)
	}
}
