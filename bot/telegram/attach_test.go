package telegram_test

import (
	"testing"
	"time"

	"github.com/bacninh/ansinh/bot"
	"github.com/bacninh/ansinh/bot/telegram/telegramtest"
)

// A photo (with or without a caption) and a sticker reach the engine named
// as such, with Telegram's file_id, so that they can join the citizen's
// request.
func TestAttachmentsCarryTheirFileID(t *testing.T) {
	srv := telegramtest.NewServer(t)
	c := newClient(t, srv)
	msgs := []telegramtest.Msg{
		{ChatID: 42, Photo: true},
		{ChatID: 42, Photo: true, Caption: "giấy báo của xã"},
		{ChatID: 42, Sticker: true},
		{ChatID: 42, Text: "xin chào"},
	}
	for _, m := range msgs {
		srv.Push(m)
	}
	rec := newRecorder()
	startPoll(t, c, 0, rec)
	got := rec.WaitFor(t, len(msgs), 3*time.Second)
	want := []struct{ text, kind, file string }{
		{"", bot.AttachPhoto, "photo-file"},
		{"giấy báo của xã", bot.AttachPhoto, "photo-file"},
		{"", bot.AttachSticker, "sticker-file"},
		{"xin chào", "", ""},
	}
	for i, w := range want {
		if u := got[i]; u.Text != w.text || u.Attachment != w.kind || u.FileID != w.file {
			t.Errorf("update %d: {Text %q, Attachment %q, FileID %q}, want {%q, %q, %q}", i, u.Text, u.Attachment, u.FileID, w.text, w.kind, w.file)
		}
	}
}
